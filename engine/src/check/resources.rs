//! Checking resources and what tasks demand of them: ids, capacities, availability
//! periods, calendars, demand units and leveling priorities.
//!
//! Resources do not change a schedule: they are read by the load profile
//! ([`crate::load`]) and by leveling. Cost: O(R + T + demands).

use super::{Checker, is_blank};
use crate::diagnostics::Code;
use crate::model::{Resource, Task};
use rustc_hash::FxHashMap;

/// The most units a resource may offer or a task demand per day.
pub const MAX_UNITS: f64 = 1_000_000.0;
/// The highest leveling priority (never moved), as MS Project's.
pub const MAX_PRIORITY: u16 = 1000;

impl Checker<'_> {
    /// Every resource and every task's demands and priority: E030 to E033, E015.
    pub(super) fn check_resources(&mut self) {
        let program = self.program;
        let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
        for (r, resource) in program.resources.iter().enumerate() {
            if is_blank(&resource.id) {
                self.error(
                    Code::EmptyId,
                    format!("resources[{r}].id"),
                    vec![],
                    format!("resource '{}' has no id", resource.name),
                );
            } else if let Some(first) = ids.insert(resource.id.as_str(), r) {
                ids.insert(resource.id.as_str(), first);
                self.error(
                    Code::DuplicateResourceId,
                    format!("resources[{r}].id"),
                    vec![resource.id.clone()],
                    format!(
                        "resource id '{}' is used more than once (first at resources[{first}])",
                        resource.id
                    ),
                );
            }
            self.resource_values(r, resource);
        }
        for (t, task) in program.tasks.iter().enumerate() {
            self.task_demands(t, task, &ids);
        }
    }

    /// E032 for a capacity that is not a number of units, an availability period that
    /// ends before it starts or has no capacity, a calendar without a working day.
    fn resource_values(&mut self, r: usize, resource: &Resource) {
        let id = &resource.id;
        if !units_in_range(resource.capacity, false) {
            self.error(
                Code::InvalidResource,
                format!("resources[{r}].capacity"),
                vec![id.clone()],
                format!(
                    "resource '{id}' has a capacity of {}; a capacity is more than 0 and at \
                     most {MAX_UNITS} units a day",
                    resource.capacity
                ),
            );
        }
        for (a, period) in resource.availability.iter().enumerate() {
            let at = format!("resources[{r}].availability[{a}]");
            self.date_in_range(&format!("{at}.from"), Some(period.from));
            self.date_in_range(&format!("{at}.to"), Some(period.to));
            let problem = if period.to < period.from {
                Some(format!(
                    "ends ({}) before it starts ({})",
                    period.to, period.from
                ))
            } else if !units_in_range(period.capacity, true) {
                Some(format!(
                    "has a capacity of {}; 0 to {MAX_UNITS} units a day",
                    period.capacity
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                self.error(
                    Code::InvalidResource,
                    at,
                    vec![id.clone()],
                    format!(
                        "resource '{id}': availability from {} {problem}",
                        period.from
                    ),
                );
            }
        }
        if let Some(calendar) = &resource.calendar
            && !calendar
                .workdays
                .iter()
                .any(|d| self.program.calendar.workdays.contains(d))
        {
            self.error(
                Code::NoWorkingDay,
                format!("resources[{r}].calendar"),
                vec![id.clone()],
                format!("resource '{id}' has no working day that is a program working day"),
            );
        }
    }

    /// E031 for a demand on no resource, E033 for units out of range or a resource named
    /// twice, E028 for a summary's demands, E015 for a priority over 1000.
    pub(crate) fn task_demands(&mut self, t: usize, task: &Task, ids: &FxHashMap<&str, usize>) {
        let id = &task.id;
        if task.summary && !task.demands.is_empty() {
            self.error(
                Code::SummaryOwnValue,
                format!("tasks[{t}].demands"),
                vec![id.clone()],
                format!(
                    "summary '{id}' demands resources of its own; a summary's work is its \
                     tasks' (give the demands to its tasks)"
                ),
            );
        }
        for (i, demand) in task.demands.iter().enumerate() {
            let at = format!("tasks[{t}].demands[{i}]");
            let name = &demand.resource;
            if !ids.contains_key(name.as_str()) {
                self.error(
                    Code::UnknownResource,
                    format!("{at}.resource"),
                    vec![id.clone(), name.clone()],
                    format!("task '{id}' demands resource '{name}', which does not exist"),
                );
            }
            let problem = if !units_in_range(demand.units, false) {
                Some(format!(
                    "{} units of '{name}'; a demand is more than 0 and at most {MAX_UNITS} \
                     units a day",
                    demand.units
                ))
            } else if task.demands[..i].iter().any(|d| d.resource == *name) {
                Some(format!(
                    "'{name}' twice; give it once, with the units added"
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                self.error(
                    Code::InvalidDemand,
                    at,
                    vec![id.clone(), name.clone()],
                    format!("task '{id}' demands {problem}"),
                );
            }
        }
        if let Some(priority) = task.priority.filter(|&p| p > MAX_PRIORITY) {
            self.error(
                Code::ValueOutOfRange,
                format!("tasks[{t}].priority"),
                vec![id.clone()],
                format!("task '{id}' has a leveling priority of {priority}; 0 to {MAX_PRIORITY}"),
            );
        }
    }
}

/// Whether `units` is a number of units a day: finite, at most [`MAX_UNITS`], more than
/// 0 (or 0 itself when `zero` is allowed).
fn units_in_range(units: f64, zero: bool) -> bool {
    units.is_finite() && units <= MAX_UNITS && (units > 0.0 || (zero && units == 0.0))
}
