//! The load profile: for every resource and working day, what the scheduled tasks demand
//! beside what the resource offers, and the periods where it is over-allocated with the
//! tasks in them.
//!
//! A task demands its units on every working day of the program calendar from its start to
//! its finish (`[es, ef)`), finished and started work included (history is load too);
//! milestones and summaries demand nothing. A resource offers its capacity on each working
//! day, its availability periods' capacity within them (the last period that holds a day
//! wins), nothing on its own calendar's days off. Units are kept in hundredths
//! ([`HUNDREDTHS`]), so sums are exact.
//!
//! Cost: O(T + D + Σ days each resource is demanded, + O(log) per overlap search).
//!
//! ```
//! use engine::load::load_profile;
//! use engine::{check, schedule_checked, Program};
//! let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
//!   "workstreams": [{"id": "w", "name": "W"}],
//!   "resources": [{"id": "sre", "name": "SRE on-call", "capacity": 1}],
//!   "tasks": [
//!     {"id": "a", "name": "DB cut-over", "workstream": "w", "duration": 3,
//!      "demands": [{"resource": "sre", "units": 1}]},
//!     {"id": "b", "name": "Failover drill", "workstream": "w", "duration": 2,
//!      "demands": [{"resource": "sre", "units": 1}]}]}"#;
//! let program: Program = serde_json::from_str(json).unwrap();
//! let checked = check(&program).unwrap();
//! let plan = schedule_checked(&checked).unwrap();
//! let load = load_profile(&program, &plan);
//! let over = &load.resources[0].over;
//! assert_eq!((over[0].from, over[0].to, over[0].tasks.clone()), (0, 2, vec![0, 1]));
//! ```

use chrono::NaiveDate;

use crate::check::work_calendar;
use crate::model::{Program, Resource};
use crate::scheduler::Schedule;
use crate::timeline::Timeline;
use rustc_hash::FxHashMap;

/// Units are counted in hundredths: 0.5 is 50.
pub const HUNDREDTHS: f64 = 100.0;

/// Every resource's load, in the program's resource order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadProfile {
    pub resources: Vec<ResourceLoad>,
}

/// One resource's load from the first working day a task demands any resource to the last
/// (the same days for every resource).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ResourceLoad {
    /// The offset of the first day (`demand[0]`).
    pub first: i64,
    /// Each day's demand, in hundredths of a unit.
    pub demand: Vec<u64>,
    /// Each day's capacity, in hundredths of a unit.
    pub capacity: Vec<u64>,
    /// The dates of those days.
    pub dates: Vec<NaiveDate>,
    /// The runs of days where demand is over capacity.
    pub over: Vec<Overload>,
}

/// Days in a row on which a resource is demanded beyond its capacity.
#[derive(Clone, Debug, PartialEq)]
pub struct Overload {
    /// Offsets `[from, to)`.
    pub from: i64,
    pub to: i64,
    pub start: NaiveDate,
    pub finish: NaiveDate,
    /// The most demanded on one of those days, and the least offered, in hundredths.
    pub peak: u64,
    pub capacity: u64,
    /// The tasks demanding the resource on some of those days (task indices, in order).
    pub tasks: Vec<usize>,
}

/// The load of every resource of `program` under `schedule`, its schedule (so `program`
/// checked: it is not checked again).
pub fn load_profile(program: &Program, schedule: &Schedule) -> LoadProfile {
    let timeline = Timeline::new(work_calendar(&program.calendar), program.program.start);
    let index: FxHashMap<&str, usize> = program
        .resources
        .iter()
        .enumerate()
        .map(|(r, res)| (res.id.as_str(), r))
        .collect();
    // Each resource's demands as (task, units in hundredths).
    let mut demands: Vec<Vec<(usize, u64)>> = vec![Vec::new(); program.resources.len()];
    for (t, task) in program.tasks.iter().enumerate() {
        // Milestones and summaries (of no duration as scheduled) demand nothing.
        if task.summary || schedule.tasks.get(t).is_none_or(|s| s.ef <= s.es) {
            continue;
        }
        for demand in &task.demands {
            if let Some(&r) = index.get(demand.resource.as_str()) {
                demands[r].push((t, hundredths(demand.units)));
            }
        }
    }
    // One span for every resource (the days any of them is demanded), so their days line
    // up.
    let demanded = || demands.iter().flatten().map(|&(t, _)| &schedule.tasks[t]);
    let span = (
        demanded().map(|s| s.es).min().unwrap_or(0),
        demanded().map(|s| s.ef).max().unwrap_or(0),
    );
    let resources = program
        .resources
        .iter()
        .zip(&demands)
        .map(|(resource, demands)| resource_load(&timeline, schedule, resource, demands, span))
        .collect();
    LoadProfile { resources }
}

/// `units` in hundredths, rounded.
pub fn hundredths(units: f64) -> u64 {
    (units * HUNDREDTHS).round().max(0.0) as u64
}

fn resource_load(
    timeline: &Timeline,
    schedule: &Schedule,
    resource: &Resource,
    demands: &[(usize, u64)],
    (first, end): (i64, i64),
) -> ResourceLoad {
    let span = |t: usize| (schedule.tasks[t].es, schedule.tasks[t].ef);
    if end <= first {
        return ResourceLoad::default();
    }
    let days = (end - first) as usize;
    // A difference array: each task adds its units at its start, takes them off at its end.
    let mut change = vec![0i64; days + 1];
    for &(t, units) in demands {
        let (es, ef) = span(t);
        change[(es - first) as usize] += units as i64;
        change[(ef - first) as usize] -= units as i64;
    }
    let mut running = 0i64;
    let demand: Vec<u64> = change[..days]
        .iter()
        .map(|c| {
            running += c;
            running.max(0) as u64
        })
        .collect();
    let dates = timeline.dates(first, end - 1).unwrap_or_default();
    let capacity = capacities(resource, &dates);
    let over = overloads(first, &demand, &capacity, &dates, demands, span);
    ResourceLoad {
        first,
        demand,
        capacity,
        dates,
        over,
    }
}

/// What `resource` offers on each of `dates` (program working days), in hundredths.
pub(crate) fn capacities(resource: &Resource, dates: &[NaiveDate]) -> Vec<u64> {
    let calendar = resource.calendar.as_ref().map(work_calendar);
    let base = hundredths(resource.capacity);
    dates
        .iter()
        .map(|&date| {
            let day = crate::calendar::day_number(date);
            if calendar.as_ref().is_some_and(|c| !c.is_working_day(day)) {
                return 0;
            }
            resource
                .availability
                .iter()
                .rev()
                .find(|p| (p.from..=p.to).contains(&date))
                .map_or(base, |p| hundredths(p.capacity))
        })
        .collect()
}

/// The runs of days with demand over capacity, each with the tasks in it.
fn overloads(
    first: i64,
    demand: &[u64],
    capacity: &[u64],
    dates: &[NaiveDate],
    demands: &[(usize, u64)],
    span: impl Fn(usize) -> (i64, i64),
) -> Vec<Overload> {
    let mut runs: Vec<Overload> = Vec::new();
    let mut day = 0;
    while day < demand.len() {
        if demand[day] <= capacity.get(day).copied().unwrap_or(0) {
            day += 1;
            continue;
        }
        let start = day;
        while day < demand.len() && demand[day] > capacity.get(day).copied().unwrap_or(0) {
            day += 1;
        }
        let (Some(&from_date), Some(&to_date)) = (dates.get(start), dates.get(day - 1)) else {
            continue;
        };
        runs.push(Overload {
            from: first + start as i64,
            to: first + day as i64,
            start: from_date,
            finish: to_date,
            peak: demand[start..day].iter().copied().max().unwrap_or(0),
            capacity: capacity[start..day].iter().copied().min().unwrap_or(0),
            tasks: Vec::new(),
        });
    }
    for &(t, _) in demands {
        let (es, ef) = span(t);
        // The runs that end after the task starts, while they start before it ends.
        let from = runs.partition_point(|r| r.to <= es);
        for run in runs[from..].iter_mut().take_while(|r| r.from < ef) {
            run.tasks.push(t);
        }
    }
    for run in &mut runs {
        run.tasks.sort_unstable();
        run.tasks.dedup();
    }
    runs
}
