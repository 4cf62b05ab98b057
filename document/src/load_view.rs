//! `LoadModel`: the Load tab's data: for each resource, what the scheduled tasks demand on
//! each working day beside what it offers, and its over-allocated periods with the tasks
//! in them, in units a day (people, or slots) and ISO dates. Built from
//! [`engine::load::load_profile`] of the program shown.
//!
//! Does not: check or schedule (it reads the schedule given), or render.

use engine::load::{HUNDREDTHS, load_profile};
use engine::{Program, Schedule};

/// Every resource's load, in the program's resource order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadModel {
    pub resources: Vec<LoadRow>,
}

/// One resource.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadRow {
    pub id: String,
    pub name: String,
    /// Its capacity as set, units a day.
    pub capacity: f64,
    /// Each working day from the first a task demands it to the last.
    pub days: Vec<LoadDay>,
    pub over: Vec<LoadOver>,
    /// The most demanded or offered on one day (the chart's scale).
    pub top: f64,
}

/// One working day.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadDay {
    /// ISO date.
    pub date: String,
    pub demand: f64,
    pub capacity: f64,
}

impl LoadDay {
    /// Demanded beyond what is offered.
    pub fn over(&self) -> bool {
        self.demand > self.capacity
    }
}

/// Working days in a row over capacity.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadOver {
    /// Its first and last days (ISO dates), and its place in `days`.
    pub start: String,
    pub finish: String,
    pub first_day: usize,
    pub day_count: usize,
    /// The most demanded on one of its days and the least offered.
    pub peak: f64,
    pub capacity: f64,
    /// The tasks in it: (id, name), in the program's order.
    pub tasks: Vec<(String, String)>,
}

/// The load of `program`'s resources under `schedule` (its schedule).
///
/// ```
/// use document::load_view::load_model;
/// let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
///   "workstreams": [{"id": "w", "name": "W"}],
///   "resources": [{"id": "sre", "name": "SRE", "capacity": 1}],
///   "tasks": [
///     {"id": "a", "name": "Cut-over", "workstream": "w", "duration": 2,
///      "demands": [{"resource": "sre", "units": 1}]},
///     {"id": "b", "name": "Drill", "workstream": "w", "duration": 1,
///      "demands": [{"resource": "sre", "units": 0.5}]}]}"#;
/// let program: engine::Program = serde_json::from_str(json).unwrap();
/// let plan = engine::schedule(&program).unwrap();
/// let load = load_model(&program, &plan);
/// let sre = &load.resources[0];
/// assert_eq!(sre.days[0].demand, 1.5);
/// assert_eq!((sre.over[0].start.as_str(), sre.over[0].day_count), ("2026-01-05", 1));
/// ```
pub fn load_model(program: &Program, schedule: &Schedule) -> LoadModel {
    let profile = load_profile(program, schedule);
    let units = |hundredths: u64| hundredths as f64 / HUNDREDTHS;
    let task = |t: usize| {
        let task = program.tasks.get(t);
        task.map(|t| (t.id.clone(), t.name.clone()))
            .unwrap_or_default()
    };
    let resources = program
        .resources
        .iter()
        .zip(profile.resources)
        .map(|(resource, load)| {
            let days: Vec<LoadDay> = load
                .dates
                .iter()
                .zip(load.demand.iter().zip(&load.capacity))
                .map(|(date, (&demand, &capacity))| LoadDay {
                    date: date.to_string(),
                    demand: units(demand),
                    capacity: units(capacity),
                })
                .collect();
            let over = load
                .over
                .iter()
                .map(|o| LoadOver {
                    start: o.start.to_string(),
                    finish: o.finish.to_string(),
                    first_day: (o.from - load.first).max(0) as usize,
                    day_count: (o.to - o.from).max(0) as usize,
                    peak: units(o.peak),
                    capacity: units(o.capacity),
                    tasks: o.tasks.iter().map(|&t| task(t)).collect(),
                })
                .collect();
            let top = days
                .iter()
                .map(|d| d.demand.max(d.capacity))
                .fold(resource.capacity, f64::max);
            LoadRow {
                id: resource.id.clone(),
                name: resource.name.clone(),
                capacity: resource.capacity,
                days,
                over,
                top,
            }
        })
        .collect();
    LoadModel { resources }
}
