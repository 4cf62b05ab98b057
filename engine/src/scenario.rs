//! Scenarios: named variants of a program, kept as lists of changes against it.
//!
//! Because a scenario is a list of changes rather than a copy, later edits to the program
//! flow into every scenario. [`apply`] replays the changes on the current program and says,
//! change by change, whether it still applies: a change whose task was deleted is reported
//! as [`Outcome::NoLongerApplies`], never dropped silently. Each change reads in plain words
//! ([`Change::describe`]), e.g. `Identity: 'SSO cut-over' +15d`.
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

use crate::model::{Constraint, Dependency, Program, Task};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
    /// moves that much later unless something else gives.
    Slip { task: String, days: i64 },
    /// The task is re-estimated to `days` working days.
    Estimate { task: String, days: i64 },
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
        }
    }

    /// The id of the task the change is about, if it is about one existing task.
    pub fn task(&self) -> Option<&str> {
        match self {
            Change::Slip { task, .. }
            | Change::Estimate { task, .. }
            | Change::RemoveTask { task }
            | Change::SetConstraint { task, .. }
            | Change::SetDeadline { task, .. } => Some(task),
            Change::AddTask { .. }
            | Change::AddDependency { .. }
            | Change::RemoveDependency { .. } => None,
        }
    }

    fn apply_to(&self, program: &mut Program) -> Outcome {
        match self {
            Change::Slip { task, days } => {
                with_task(program, task, |t| t.duration = (t.duration + days).max(0))
            }
            Change::Estimate { task, days } => {
                with_task(program, task, |t| t.duration = (*days).max(0))
            }
            Change::SetConstraint { task, constraint } => {
                with_task(program, task, |t| t.constraint = constraint.clone())
            }
            Change::SetDeadline { task, deadline } => {
                with_task(program, task, |t| t.deadline = *deadline)
            }
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
