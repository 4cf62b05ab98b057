//! The round trip's rule for resources: each comes back with its name, capacity, working
//! days and capacity day by day; each task with its demands and priority.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, Weekday};
use engine::{Calendar, Program, Resource};

use super::calendar_facts;

/// How many days from the program's start the capacities are compared on.
const DAYS_COMPARED: u64 = 730;

/// A resource as MSPDI carries it: name, capacity, the days it works (weekdays, holidays)
/// and its capacity on each of the days compared.
type ResourceFacts = (String, f64, (Vec<Weekday>, Vec<NaiveDate>), Vec<f64>);

/// A task's demands (units by resource id) and its priority (500 when none).
type DemandFacts = (BTreeMap<String, f64>, u16);

/// Asserts that `back`'s resources and demands are `program`'s as MSPDI carries them, the
/// task of id `t` in `program` being task `task_id[t]` of `back`.
pub fn assert_same_resources(program: &Program, back: &Program, task_id: &BTreeMap<&str, String>) {
    let resource_id = resource_ids(program);
    assert_eq!(
        resource_facts(back, &|id| id.to_owned()),
        resource_facts(program, &|id| resource_id[id].clone()),
        "the same resources"
    );
    assert_eq!(
        demand_facts(back, &|id| id.to_owned(), &|id| id.to_owned()),
        demand_facts(program, &|id| task_id[id].clone(), &|id| resource_id[id]
            .clone()),
        "the same demands and priorities"
    );
}

/// Each resource's id once imported: its own when every id is `R<n>` (n a plain whole
/// number, each once), else `R1`..`Rn` in order.
fn resource_ids(program: &Program) -> BTreeMap<&str, String> {
    let plain = |id: &str| {
        id.strip_prefix('R').and_then(|n| {
            n.parse::<u32>()
                .ok()
                .filter(|v| *v > 0 && v.to_string() == n)
        })
    };
    let kept = program.resources.iter().all(|r| plain(&r.id).is_some());
    program
        .resources
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let id = if kept {
                r.id.clone()
            } else {
                format!("R{}", i + 1)
            };
            (r.id.as_str(), id)
        })
        .collect()
}

fn resource_facts(
    program: &Program,
    id: &dyn Fn(&str) -> String,
) -> BTreeMap<String, ResourceFacts> {
    program
        .resources
        .iter()
        .map(|r| {
            let facts = (
                r.name.trim().to_owned(),
                r.capacity,
                days_worked(&program.calendar, r.calendar.as_ref()),
                capacities(program.program.start, r),
            );
            (id(&r.id), facts)
        })
        .collect()
}

/// The days a resource works: its own weekdays that are also the program's, and both
/// calendars' holidays (as a workstream's).
fn days_worked(program: &Calendar, own: Option<&Calendar>) -> (Vec<Weekday>, Vec<NaiveDate>) {
    let Some(own) = own else {
        return calendar_facts(program);
    };
    let workdays = own
        .workdays
        .iter()
        .copied()
        .filter(|d| program.workdays.contains(d))
        .collect();
    let holidays = program.holidays.iter().chain(&own.holidays).copied();
    calendar_facts(&Calendar {
        workdays,
        holidays: holidays.collect(),
    })
}

/// The resource's capacity on each day compared: the last period holding it, else its
/// capacity.
fn capacities(start: NaiveDate, resource: &Resource) -> Vec<f64> {
    (0..DAYS_COMPARED)
        .filter_map(|n| start.checked_add_days(Days::new(n)))
        .map(|day| {
            resource
                .availability
                .iter()
                .rev()
                .find(|p| (p.from..=p.to).contains(&day))
                .map_or(resource.capacity, |p| p.capacity)
        })
        .collect()
}

fn demand_facts(
    program: &Program,
    task_id: &dyn Fn(&str) -> String,
    resource_id: &dyn Fn(&str) -> String,
) -> BTreeMap<String, DemandFacts> {
    program
        .tasks
        .iter()
        .map(|t| {
            let demands = t
                .demands
                .iter()
                .map(|d| (resource_id(&d.resource), d.units))
                .collect();
            (task_id(&t.id), (demands, t.priority.unwrap_or(500)))
        })
        .collect()
}
