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

/// A stretch of a resource's load drawn as one block on the Gantt's time axis: working
/// days in a row with the same demand, capacity and over-allocation (the days off between
/// them included, as a Gantt bar spans a weekend).
#[derive(Clone, Debug, PartialEq)]
pub struct LoadRun {
    /// Its first chart day and the chart day after its last (calendar days from the chart's
    /// origin).
    pub from: i64,
    pub to: i64,
    pub demand: f64,
    pub capacity: f64,
    /// The over-allocated period it is in (an index into `LoadRow::over`).
    pub over: Option<usize>,
}

/// `row`'s days as runs on a chart whose day 0 is `origin` (an ISO date; no runs if it is
/// not one). O(days).
///
/// ```
/// use document::load_view::{LoadDay, LoadRow, load_runs};
/// let day = |date: &str, demand| LoadDay { date: date.into(), demand, capacity: 1.0 };
/// // Friday and Monday at 1 unit (one run over the weekend), Tuesday at 2.
/// let row = LoadRow {
///     days: vec![day("2026-03-06", 1.0), day("2026-03-09", 1.0), day("2026-03-10", 2.0)],
///     ..LoadRow::default()
/// };
/// let runs = load_runs(&row, "2026-03-02");
/// assert_eq!(runs.iter().map(|r| (r.from, r.to, r.demand)).collect::<Vec<_>>(),
///            vec![(4, 8, 1.0), (8, 9, 2.0)]);
/// ```
pub fn load_runs(row: &LoadRow, origin: &str) -> Vec<LoadRun> {
    let Ok(origin) = origin.parse::<chrono::NaiveDate>() else {
        return Vec::new();
    };
    let mut runs: Vec<LoadRun> = Vec::new();
    let mut period = 0;
    for (i, day) in row.days.iter().enumerate() {
        let Ok(date) = day.date.parse::<chrono::NaiveDate>() else {
            continue;
        };
        let at = (date - origin).num_days();
        // The periods are in day order: move on to the one this day may be in.
        while period < row.over.len()
            && row.over[period].first_day + row.over[period].day_count <= i
        {
            period += 1;
        }
        let over = row
            .over
            .get(period)
            .is_some_and(|o| o.first_day <= i)
            .then_some(period);
        match runs.last_mut() {
            Some(last)
                if last.demand == day.demand
                    && last.capacity == day.capacity
                    && last.over == over =>
            {
                last.to = at + 1;
            }
            _ => runs.push(LoadRun {
                from: at,
                to: at + 1,
                demand: day.demand,
                capacity: day.capacity,
                over,
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A row of working days `gaps` apart (1 = the next calendar day) from 2026-03-02 with
    /// `demands` against a capacity of 1, its over periods found as the engine finds them.
    fn row_of(gaps: &[i64], demands: &[f64]) -> LoadRow {
        let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut at = 0;
        let days: Vec<LoadDay> = gaps
            .iter()
            .zip(demands)
            .map(|(gap, &demand)| {
                at += gap;
                LoadDay {
                    date: (start + chrono::Days::new(at as u64)).to_string(),
                    demand,
                    capacity: 1.0,
                }
            })
            .collect();
        let mut over = Vec::new();
        let mut i = 0;
        while i < days.len() {
            if days[i].over() {
                let first = i;
                while i < days.len() && days[i].over() {
                    i += 1;
                }
                over.push(LoadOver {
                    start: days[first].date.clone(),
                    finish: days[i - 1].date.clone(),
                    first_day: first,
                    day_count: i - first,
                    peak: 2.0,
                    capacity: 1.0,
                    tasks: Vec::new(),
                });
            } else {
                i += 1;
            }
        }
        LoadRow {
            days,
            over,
            ..LoadRow::default()
        }
    }

    #[test]
    fn an_over_allocated_period_is_its_own_run() {
        let row = row_of(&[1, 1, 1, 3], &[1.0, 2.0, 2.0, 1.0]);
        let runs = load_runs(&row, "2026-03-02");
        let shape: Vec<_> = runs.iter().map(|r| (r.from, r.to, r.over)).collect();
        assert_eq!(shape, vec![(1, 2, None), (2, 4, Some(0)), (6, 7, None)]);
    }

    proptest! {
        /// Every working day lies in exactly one run, which has its demand, and is marked
        /// over exactly when the day is.
        #[test]
        fn every_day_is_in_one_run_with_its_demand(
            days in prop::collection::vec((1i64..4, prop::sample::select(vec![0.0, 0.5, 1.0, 2.0])), 0..60)
        ) {
            let (gaps, demands): (Vec<i64>, Vec<f64>) = days.into_iter().unzip();
            let row = row_of(&gaps, &demands);
            let runs = load_runs(&row, "2026-03-02");
            for window in runs.windows(2) {
                prop_assert!(window[0].to <= window[1].from);
            }
            let mut at = 0;
            for (gap, day) in gaps.iter().zip(&row.days) {
                at += gap;
                let holding: Vec<&LoadRun> =
                    runs.iter().filter(|r| r.from <= at && at < r.to).collect();
                prop_assert_eq!(holding.len(), 1);
                prop_assert_eq!(holding[0].demand, day.demand);
                prop_assert_eq!(holding[0].over.is_some(), day.over());
            }
        }
    }
}
