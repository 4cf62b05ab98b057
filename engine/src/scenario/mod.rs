//! Scenarios: named variants of a program, kept as lists of changes against it.
//!
//! Because a scenario is a list of changes rather than a copy, later edits to the program
//! flow into every scenario. [`apply`] replays the changes on the current program and says,
//! change by change, whether it still applies: a change whose task was deleted is reported
//! as [`Outcome::NoLongerApplies`], never dropped silently. Each change reads in plain words
//! ([`Change::describe`]), e.g. `Identity: 'SSO cut-over' +15d`.
//!
//! A forecast draws a task's duration from its three-point estimate, so changes to the
//! duration carry into the estimate: a slip moves its three points, a new duration rescales
//! them (the shape of the uncertainty is kept), and [`Change::SetEstimate`] replaces them.
//!
//! ```
//! use engine::scenario::{apply, Change, Outcome};
//! use engine::{Program, schedule};
//! let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
//!   "workstreams": [{"id": "id", "name": "Identity"}],
//!   "tasks": [{"id": "sso", "name": "SSO cut-over", "workstream": "id", "duration": 10}]}"#;
//! let program: Program = serde_json::from_str(json).unwrap();
//! let changes = vec![Change::Slip { task: "sso".into(), days: 15 }, Change::RemoveTask { task: "gone".into() }];
//! let applied = apply(&program, &changes);
//! assert_eq!(applied.program.tasks[0].duration, 25);
//! assert_eq!(applied.outcomes[0], Outcome::Applied);
//! assert!(matches!(applied.outcomes[1], Outcome::NoLongerApplies(_)));
//! assert_eq!(changes[0].describe(&program), "Identity: 'SSO cut-over' +15d");
//! ```

use crate::entry::{format_distribution, format_estimate};
use crate::model::{Constraint, Dependency, Estimate, Program, Task};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod adjustment;
mod edits;

pub use adjustment::Adjustment;
pub use edits::{changes_for, with_edits};

/// A named, described variant of the program.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// One change against the program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// The task takes `days` more working days (fewer if negative, down to none): its finish
    /// moves that much later unless something else gives. A three-point estimate slips with
    /// it: each of its points moves by `days` (none below 0), so the forecast slips too.
    Slip { task: String, days: i64 },
    /// The task is re-estimated to `days` working days. A three-point estimate keeps its
    /// shape: its points are scaled by `days / old duration` (a 10-day task estimated
    /// 8/10/15 re-estimated to 20 days becomes 16/20/30), or, from a duration of 0, moved by
    /// `days`.
    Estimate { task: String, days: i64 },
    /// The task's three-point estimate is replaced (`None`: no estimate; the forecast keeps
    /// its fixed duration). Its duration is left as it is.
    SetEstimate {
        task: String,
        estimate: Option<Estimate>,
    },
    /// A new task (its id must be new).
    AddTask { task: Task },
    /// The task and every link to or from it are removed.
    RemoveTask { task: String },
    /// A new dependency between existing tasks.
    AddDependency { dependency: Dependency },
    /// The dependency `from → to` is removed.
    RemoveDependency { from: String, to: String },
    /// The task's constraint is replaced (`None`: as soon as possible).
    SetConstraint {
        task: String,
        constraint: Option<Constraint>,
    },
    /// The task's deadline is replaced (`None`: no deadline).
    SetDeadline {
        task: String,
        deadline: Option<NaiveDate>,
    },
    /// Leveling holds the task back: it starts no earlier than `start` (`None`: the
    /// leveling cleared), because of `reason` (which resource, on which days, held by which
    /// tasks), shown beside the task.
    Level {
        task: String,
        start: Option<NaiveDate>,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        reason: String,
    },
}

/// What became of one change when it was replayed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", content = "reason", rename_all = "snake_case")]
pub enum Outcome {
    Applied,
    /// The change could not be made on the current program, and why.
    NoLongerApplies(String),
}

/// A program with a scenario's changes made, and the outcome of each change (same order).
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub program: Program,
    pub outcomes: Vec<Outcome>,
}

/// Replays `changes` on a copy of `program`. Never mutates `program`. The result may still
/// be invalid to schedule (an added link can close a cycle): scheduling it says so.
pub fn apply(program: &Program, changes: &[Change]) -> Applied {
    let mut variant = program.clone();
    let outcomes = changes
        .iter()
        .map(|change| change.apply_to(&mut variant))
        .collect();
    Applied {
        program: variant,
        outcomes,
    }
}

impl Change {
    /// The change in plain words, naming tasks by workstream and name as `program` has them.
    pub fn describe(&self, program: &Program) -> String {
        match self {
            Change::Slip { task, days } => format!("{} {days:+}d", task_label(program, task)),
            Change::Estimate { task, days } => {
                format!("{} re-estimated to {days}d", task_label(program, task))
            }
            Change::SetEstimate {
                task,
                estimate: Some(e),
            } => format!(
                "{} estimate {}d ({})",
                task_label(program, task),
                format_estimate(e),
                format_distribution(e.distribution)
            ),
            Change::SetEstimate {
                task,
                estimate: None,
            } => format!("{} estimate removed", task_label(program, task)),
            Change::AddTask { task } => format!(
                "Added {}d task '{}' ({})",
                task.duration, task.name, task.id
            ),
            Change::RemoveTask { task } => format!("Removed {}", task_label(program, task)),
            Change::AddDependency { dependency: d } => {
                format!(
                    "Added link {} → {} ({:?}{})",
                    d.from,
                    d.to,
                    d.kind,
                    lag_text(d.lag)
                )
            }
            Change::RemoveDependency { from, to } => format!("Removed link {from} → {to}"),
            Change::SetConstraint {
                task,
                constraint: Some(c),
            } => {
                let date = c.date.map(|d| format!(" {d}")).unwrap_or_default();
                format!(
                    "{}: constraint {:?}{date}",
                    task_label(program, task),
                    c.kind
                )
            }
            Change::SetConstraint {
                task,
                constraint: None,
            } => {
                format!("{}: constraint removed", task_label(program, task))
            }
            Change::SetDeadline {
                task,
                deadline: Some(d),
            } => format!("{}: deadline {d}", task_label(program, task)),
            Change::SetDeadline {
                task,
                deadline: None,
            } => format!("{}: deadline removed", task_label(program, task)),
            Change::Level {
                task,
                start: Some(d),
                reason,
            } => {
                let why = if reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({reason})")
                };
                format!("{}: leveled to start {d}{why}", task_label(program, task))
            }
            Change::Level {
                task, start: None, ..
            } => format!("{}: leveling cleared", task_label(program, task)),
        }
    }

    /// The id of the task the change is about, if it is about one existing task.
    pub fn task(&self) -> Option<&str> {
        match self {
            Change::Slip { task, .. }
            | Change::Estimate { task, .. }
            | Change::SetEstimate { task, .. }
            | Change::RemoveTask { task }
            | Change::SetConstraint { task, .. }
            | Change::SetDeadline { task, .. }
            | Change::Level { task, .. } => Some(task),
            Change::AddTask { .. }
            | Change::AddDependency { .. }
            | Change::RemoveDependency { .. } => None,
        }
    }

    fn apply_to(&self, program: &mut Program) -> Outcome {
        match self {
            Change::Slip { task, .. }
            | Change::Estimate { task, .. }
            | Change::SetEstimate { task, .. }
            | Change::SetConstraint { task, .. }
            | Change::SetDeadline { task, .. }
            | Change::Level { task, .. } => with_task(program, task, |t| {
                self.edit_task(t);
            }),
            Change::AddTask { task } => {
                if program.tasks.iter().any(|t| t.id == task.id) {
                    return gone(format!("a task '{}' already exists", task.id));
                }
                program.tasks.push(task.clone());
                Outcome::Applied
            }
            Change::RemoveTask { task } => {
                let before = program.tasks.len();
                program.tasks.retain(|t| &t.id != task);
                if program.tasks.len() == before {
                    return gone(format!("task '{task}' no longer exists"));
                }
                program
                    .dependencies
                    .retain(|d| &d.from != task && &d.to != task);
                Outcome::Applied
            }
            Change::AddDependency { dependency: d } => {
                for end in [&d.from, &d.to] {
                    if !program.tasks.iter().any(|t| &t.id == end) {
                        return gone(format!("task '{end}' no longer exists"));
                    }
                }
                if program
                    .dependencies
                    .iter()
                    .any(|e| e.from == d.from && e.to == d.to)
                {
                    return gone(format!("{} → {} is already linked", d.from, d.to));
                }
                program.dependencies.push(d.clone());
                Outcome::Applied
            }
            Change::RemoveDependency { from, to } => {
                let before = program.dependencies.len();
                program
                    .dependencies
                    .retain(|d| !(&d.from == from && &d.to == to));
                if program.dependencies.len() == before {
                    return gone(format!("there is no link {from} → {to} any more"));
                }
                Outcome::Applied
            }
        }
    }
}

fn with_task(program: &mut Program, id: &str, edit: impl FnOnce(&mut Task)) -> Outcome {
    match program.tasks.iter_mut().find(|t| t.id == id) {
        Some(task) => {
            edit(task);
            Outcome::Applied
        }
        None => gone(format!("task '{id}' no longer exists")),
    }
}

fn gone(reason: String) -> Outcome {
    Outcome::NoLongerApplies(reason)
}

/// `Workstream: 'Task name'`, or the bare id if the task is not in the program.
fn task_label(program: &Program, id: &str) -> String {
    let Some(task) = program.tasks.iter().find(|t| t.id == id) else {
        return format!("'{id}' (deleted)");
    };
    let team = program
        .workstreams
        .iter()
        .find(|w| w.id == task.workstream)
        .map_or(task.workstream.as_str(), |w| &w.name);
    format!("{team}: '{}'", task.name)
}

fn lag_text(lag: i64) -> String {
    if lag == 0 {
        String::new()
    } else {
        format!("{lag:+}d")
    }
}

impl Change {
    /// Makes a change about one task's own fields on that task: the one implementation
    /// [`apply`] uses on the program's tasks and [`merge`] on a task the scenario adds.
    /// `false` (and nothing changed) for a change about tasks or links as a whole.
    fn edit_task(&self, task: &mut Task) -> bool {
        match self {
            Change::Slip { days, .. } => slip(task, *days),
            Change::Estimate { days, .. } => re_estimate(task, *days),
            Change::SetEstimate { estimate, .. } => task.estimate = estimate.clone().map(Box::new),
            Change::SetConstraint { constraint, .. } => task.constraint = constraint.clone(),
            Change::SetDeadline { deadline, .. } => task.deadline = *deadline,
            Change::Level { start, .. } => task.leveled_start = *start,
            Change::AddTask { .. }
            | Change::RemoveTask { .. }
            | Change::AddDependency { .. }
            | Change::RemoveDependency { .. } => return false,
        }
        true
    }
}

/// `days` more (fewer) working days, down to none; the estimate's points move as much.
fn slip(task: &mut Task, days: i64) {
    task.duration = task.duration.saturating_add(days).max(0);
    let shift = days as f64;
    map_points(task, |point| point + shift);
}

/// A new duration of `days` (0 if negative); the estimate keeps its shape (see
/// [`Change::Estimate`]).
fn re_estimate(task: &mut Task, days: i64) {
    let (old, new) = (task.duration, days.max(0));
    task.duration = new;
    if old > 0 {
        // Multiplied first, then divided: 8 × 20 / 10 is exactly 16.
        map_points(task, |point| point * new as f64 / old as f64);
    } else {
        map_points(task, |point| point + new as f64);
    }
}

/// Maps each point of the task's estimate, if it has one, kept within the days a check
/// accepts (0 to [`crate::check::MAX_DAYS`]). Monotone maps keep the points in order.
fn map_points(task: &mut Task, f: impl Fn(f64) -> f64) {
    if let Some(e) = task.estimate.as_deref_mut() {
        let limit = crate::check::MAX_DAYS as f64;
        for point in [&mut e.optimistic, &mut e.likely, &mut e.pessimistic] {
            *point = f(*point).clamp(0.0, limit);
        }
    }
}
