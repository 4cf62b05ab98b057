//! Baselines: a schedule's dates saved under a name, to measure later schedules against.
//!
//! A baseline keeps each task's dates (not offsets), so it stays meaningful when the program
//! start or calendar changes. Variance is counted in working days of the current program
//! calendar: positive means later than the baseline.
//!
//! ```
//! use engine::baseline::{capture, variance};
//! use engine::{check, schedule_checked, Program};
//! use chrono::NaiveDate;
//! let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
//!   "workstreams": [{"id": "w", "name": "W"}],
//!   "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 5}]}"#;
//! let mut program: Program = serde_json::from_str(json).unwrap();
//! let saved_on = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
//! let plan = engine::schedule(&program).unwrap();
//! let baseline = capture("b1", "Signed-off plan", saved_on, &program, &plan);
//! program.tasks[0].duration = 7;
//! let checked = check(&program).unwrap();
//! let now = schedule_checked(&checked).unwrap();
//! let v = variance(&checked, &now, &baseline);
//! assert_eq!((v[0].unwrap().start, v[0].unwrap().finish), (0, 2));
//! ```

use crate::check::Checked;
use crate::model::Program;
use crate::scheduler::Schedule;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// A saved schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub id: String,
    pub name: String,
    /// The day it was saved (the engine has no clock: the caller says).
    pub saved_on: NaiveDate,
    pub tasks: Vec<BaselineTask>,
}

/// One task's dates in a baseline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BaselineTask {
    pub id: String,
    pub start: NaiveDate,
    pub finish: NaiveDate,
}

/// A task's variance against a baseline, in working days (positive: later).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Variance {
    pub start: i64,
    pub finish: i64,
}

/// Saves a schedule of `program` as a baseline.
pub fn capture(
    id: &str,
    name: &str,
    saved_on: NaiveDate,
    program: &Program,
    schedule: &Schedule,
) -> Baseline {
    let tasks = program
        .tasks
        .iter()
        .zip(&schedule.tasks)
        .map(|(task, times)| BaselineTask {
            id: task.id.clone(),
            start: times.start,
            finish: times.finish,
        })
        .collect();
    Baseline {
        id: id.to_string(),
        name: name.to_string(),
        saved_on,
        tasks,
    }
}

/// Each task's variance against `baseline`, in task order; `None` for tasks the baseline
/// does not have (added since).
pub fn variance(
    checked: &Checked<'_>,
    schedule: &Schedule,
    baseline: &Baseline,
) -> Vec<Option<Variance>> {
    let saved: FxHashMap<&str, &BaselineTask> =
        baseline.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let timeline = checked.timeline();
    let days =
        |from: NaiveDate, to: NaiveDate| timeline.offset_after(to) - timeline.offset_after(from);
    checked
        .program()
        .tasks
        .iter()
        .zip(&schedule.tasks)
        .map(|(task, now)| {
            let then = saved.get(task.id.as_str())?;
            Some(Variance {
                start: days(then.start, now.start),
                finish: days(then.finish, now.finish),
            })
        })
        .collect()
}
