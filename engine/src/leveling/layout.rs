//! A checked and scheduled program laid out as a leveling [`Problem`]: each task's span and
//! release, its pin (started, finished, must-start-on, priority 1000), its demands in
//! hundredths, the links as the search reads them, each resource's capacity by day (its
//! calendar's days off and its availability periods), and the objective's latest finishes.

use rustc_hash::FxHashMap;

use super::program::CALENDAR_HORIZON;
use super::{Capacity, Demand, Link, Objective, Problem};
use crate::check::{Checked, work_calendar};
use crate::load::hundredths;
use crate::model::ConstraintKind;
use crate::scheduler::Schedule;

/// The leveling problem of a checked program and its schedule, and the offset of its day 0.
pub(super) fn problem_of(
    checked: &Checked<'_>,
    schedule: &Schedule,
    objective: Objective,
) -> (Problem, i64) {
    let program = checked.program();
    let base = schedule
        .tasks
        .iter()
        .map(|s| s.es)
        .min()
        .unwrap_or(0)
        .min(0);
    let resource_index: FxHashMap<&str, u32> = program
        .resources
        .iter()
        .enumerate()
        .map(|(r, res)| (res.id.as_str(), r as u32))
        .collect();
    let timeline = checked.timeline();
    let resources = program
        .resources
        .iter()
        .map(|r| capacity_of(r, timeline, base))
        .collect();
    let durations = schedule
        .tasks
        .iter()
        .zip(&program.tasks)
        .map(|(s, task)| {
            if task.summary {
                0
            } else {
                (s.ef - s.es).max(0)
            }
        })
        .collect();
    let mut problem = Problem::new(durations, resources);
    for t in 0..program.tasks.len() {
        for link in checked.predecessors.of(t) {
            problem.links.push(Link {
                from: link.task,
                to: t as u32,
                kind: link.kind,
                lag: link.lag(),
            });
        }
        let task = &program.tasks[t];
        let prepared = &checked.tasks[t];
        let es = schedule.tasks[t].es - base;
        let duration = problem.durations[t];
        problem.release[t] = (prepared
            .start_min
            .max(prepared.finish_min.saturating_sub(duration))
            - base)
            .max(0);
        let must_start = matches!(
            task.constraint.as_ref().map(|c| c.kind),
            Some(ConstraintKind::MSO | ConstraintKind::MFO)
        );
        let never_moved = task.priority == Some(crate::check::resources::MAX_PRIORITY);
        if prepared.progress != crate::check::Progress::NotStarted || must_start || never_moved {
            problem.pinned[t] = Some(es);
        }
        problem.demands[t] = task
            .demands
            .iter()
            .filter_map(|d| {
                let resource = *resource_index.get(d.resource.as_str())?;
                let units = u32::try_from(hundredths(d.units)).unwrap_or(u32::MAX);
                Some(Demand { resource, units })
            })
            .collect();
        problem.priority[t] = i32::from(task.priority.unwrap_or(500));
        if matches!(objective, Objective::WithinFloat { .. }) {
            problem.latest_finish[t] = Some(schedule.tasks[t].lf - base);
        }
    }
    (problem, base)
}

/// A resource's capacity in the problem's days: its capacity, its availability periods,
/// and none on its own calendar's days off (those last: they win).
fn capacity_of(
    resource: &crate::model::Resource,
    timeline: &crate::timeline::Timeline,
    base: i64,
) -> Capacity {
    let units = |u: f64| u32::try_from(hundredths(u)).unwrap_or(u32::MAX);
    let mut periods: Vec<(i64, i64, u32)> = resource
        .availability
        .iter()
        .map(|p| {
            let from = timeline.offset_of(p.from) - base;
            let to = timeline.offset_after(p.to) - base;
            (from.max(0), to.max(0), units(p.capacity))
        })
        .filter(|(from, to, _)| to > from)
        .collect();
    if let Some(calendar) = &resource.calendar {
        let own = work_calendar(calendar);
        if let Some(dates) = timeline.dates(base, base + CALENDAR_HORIZON) {
            for (k, date) in dates.iter().enumerate() {
                if !own.is_working_day(crate::calendar::day_number(*date)) {
                    periods.push((k as i64, k as i64 + 1, 0));
                }
            }
        }
    }
    Capacity {
        base: units(resource.capacity),
        periods,
    }
}
