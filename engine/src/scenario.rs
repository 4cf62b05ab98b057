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

use crate::edit::Edit;
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

// ---- Editing a scenario as if it were the program (issue 6) ----

/// What quick impact does to each chosen task: slip it, or re-estimate it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Adjustment {
    /// Working days more (fewer if negative).
    Slip(i64),
    /// A new duration in working days.
    Duration(i64),
}

impl Adjustment {
    /// Reads what was typed: `+15d`, `-2d`, `3w` … A leading `+` or `-` is always a slip;
    /// without a sign, `slip` says whether it is a slip or a new duration.
    pub fn parse(text: &str, slip: bool) -> Result<Adjustment, String> {
        let text = text.trim();
        let (sign, rest) = match text.strip_prefix('+') {
            Some(rest) => (Some(1), rest),
            None => match text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
                Some(rest) => (Some(-1), rest),
                None => (None, text),
            },
        };
        let days = crate::entry::parse_duration(rest).map_err(|e| e.to_string())?;
        Ok(match (sign, slip) {
            (Some(sign), _) => Adjustment::Slip(sign * days),
            (None, true) => Adjustment::Slip(days),
            (None, false) => Adjustment::Duration(days),
        })
    }

    /// The changes that make this adjustment to each of `tasks`.
    pub fn changes(self, tasks: &[String]) -> Vec<Change> {
        tasks
            .iter()
            .map(|task| match self {
                Adjustment::Slip(days) => Change::Slip {
                    task: task.clone(),
                    days,
                },
                Adjustment::Duration(days) => Change::Estimate {
                    task: task.clone(),
                    days,
                },
            })
            .collect()
    }

    /// A short label: `+15d`, `-2d`, `→ 20d`.
    pub fn label(self) -> String {
        match self {
            Adjustment::Slip(days) => format!("{days:+}d"),
            Adjustment::Duration(days) => format!("→ {days}d"),
        }
    }
}

/// The changes that `edits`, made to `shown` (a program as a scenario shows it), amount to.
///
/// The edits are made on a copy (all or none; refused if the result would not check, e.g. a
/// cycle) and the copy is compared with `shown`: a new duration becomes
/// [`Change::Estimate`], a constraint [`Change::SetConstraint`], a deadline
/// [`Change::SetDeadline`], an inserted task [`Change::AddTask`], a removed one
/// [`Change::RemoveTask`], links added or removed (the predecessors cell too)
/// [`Change::AddDependency`] / [`Change::RemoveDependency`]. Anything a scenario cannot
/// express (renaming a task, moving it to another workstream, progress) is refused, saying
/// so. Tasks in `added` (added by the scenario itself) may change in any way: they become a
/// new [`Change::AddTask`].
pub fn changes_for(shown: &Program, edits: &[Edit], added: &[&str]) -> Result<Vec<Change>, String> {
    let mut edited = shown.clone();
    crate::edit::History::default()
        .apply(&mut edited, edits.to_vec())
        .map_err(|d| messages(&d))?;
    diff(shown, &edited, added)
}

/// `changes` (a scenario's) with `edits` (made to the program the scenario shows) recorded
/// as further changes, merged with those already there (a second re-estimate of a task
/// replaces the first; removing a link the scenario added drops that addition). Refused if
/// the scenario could then not be scheduled (a cycle, say).
pub fn with_edits(
    program: &Program,
    changes: &[Change],
    edits: &[Edit],
) -> Result<Vec<Change>, String> {
    let shown = apply(program, changes).program;
    let added: Vec<&str> = changes
        .iter()
        .filter_map(|c| match c {
            Change::AddTask { task } => Some(task.id.as_str()),
            _ => None,
        })
        .collect();
    let new = changes_for(&shown, edits, &added)?;
    if new.is_empty() {
        return Err(
            "Nothing for the scenario to record: it keeps changes to durations, \
                    dates, tasks and links, not the order of rows."
                .into(),
        );
    }
    let mut merged = changes.to_vec();
    for change in new {
        merge(&mut merged, change);
    }
    let result = apply(program, &merged).program;
    crate::schedule(&result).map_err(|d| {
        format!(
            "The scenario could not be scheduled with this change: {}",
            messages(&d)
        )
    })?;
    Ok(merged)
}

fn messages(diagnostics: &crate::Diagnostics) -> String {
    diagnostics
        .0
        .iter()
        .take(3)
        .map(|d| d.message.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The changes from `before` to `after` (see [`changes_for`]).
fn diff(before: &Program, after: &Program, added: &[&str]) -> Result<Vec<Change>, String> {
    use std::collections::{HashMap, HashSet};
    let new_tasks: HashMap<&str, &Task> = after.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
    let old_ids: HashSet<&str> = before.tasks.iter().map(|t| t.id.as_str()).collect();
    let mut changes = Vec::new();
    let mut removed = HashSet::new();
    for old in &before.tasks {
        match new_tasks.get(old.id.as_str()) {
            None => {
                removed.insert(old.id.as_str());
                changes.push(Change::RemoveTask {
                    task: old.id.clone(),
                });
            }
            Some(&new) if added.contains(&old.id.as_str()) => {
                if new != old {
                    changes.push(Change::AddTask { task: new.clone() });
                }
            }
            Some(&new) => task_changes(old, new, &mut changes)?,
        }
    }
    for task in after
        .tasks
        .iter()
        .filter(|t| !old_ids.contains(t.id.as_str()))
    {
        changes.push(Change::AddTask { task: task.clone() });
    }
    let key = |d: &Dependency| (d.from.clone(), d.to.clone());
    let old_links: HashMap<_, &Dependency> =
        before.dependencies.iter().map(|d| (key(d), d)).collect();
    let new_links: HashMap<_, &Dependency> =
        after.dependencies.iter().map(|d| (key(d), d)).collect();
    for d in &before.dependencies {
        let gone_with_task = removed.contains(d.from.as_str()) || removed.contains(d.to.as_str());
        if !gone_with_task && new_links.get(&key(d)) != Some(&d) {
            changes.push(Change::RemoveDependency {
                from: d.from.clone(),
                to: d.to.clone(),
            });
        }
    }
    for d in &after.dependencies {
        if old_links.get(&key(d)) != Some(&d) {
            changes.push(Change::AddDependency {
                dependency: d.clone(),
            });
        }
    }
    Ok(changes)
}

/// The changes of one task kept by both programs, or why a scenario cannot express them.
fn task_changes(old: &Task, new: &Task, changes: &mut Vec<Change>) -> Result<(), String> {
    let cannot = |what: &str| {
        Err(format!(
            "A scenario cannot {what} ('{}'): leave the scenario (show the program) to do that.",
            old.name
        ))
    };
    if new.name != old.name {
        return cannot("rename a task");
    }
    if new.workstream != old.workstream {
        return cannot("move a task to another workstream");
    }
    if new.milestone != old.milestone && new.duration == old.duration {
        return cannot("turn a task into a milestone or back");
    }
    if new.actual_start != old.actual_start
        || new.actual_finish != old.actual_finish
        || new.percent_complete != old.percent_complete
    {
        return cannot("record progress");
    }
    if new.estimate != old.estimate {
        return cannot("change a three-point estimate");
    }
    if new.duration != old.duration {
        changes.push(Change::Estimate {
            task: old.id.clone(),
            days: new.duration,
        });
    }
    if new.constraint != old.constraint {
        changes.push(Change::SetConstraint {
            task: old.id.clone(),
            constraint: new.constraint.clone(),
        });
    }
    if new.deadline != old.deadline {
        changes.push(Change::SetDeadline {
            task: old.id.clone(),
            deadline: new.deadline,
        });
    }
    Ok(())
}

/// Adds `change` to a scenario's `changes`, replacing or cancelling what it supersedes.
fn merge(changes: &mut Vec<Change>, change: Change) {
    let same_kind = |a: &Change, b: &Change| match (a, b) {
        (
            Change::Slip { .. } | Change::Estimate { .. },
            Change::Slip { .. } | Change::Estimate { .. },
        ) => true,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    };
    match &change {
        Change::Estimate { .. } | Change::SetConstraint { .. } | Change::SetDeadline { .. } => {
            let task = change.task().unwrap_or_default().to_owned();
            if let Some(Change::AddTask { task: added }) = changes
                .iter_mut()
                .find(|c| matches!(c, Change::AddTask { task: t } if t.id == task))
            {
                // The scenario's own task: change it where it is added.
                let _ = change.apply_to_task(added);
                return;
            }
            replace_or_push(changes, change, |c, new| {
                c.task() == new.task() && same_kind(c, new)
            });
        }
        Change::AddTask { task } => {
            let id = task.id.clone();
            replace_or_push(
                changes,
                change,
                |c, _| matches!(c, Change::AddTask { task } if task.id == id),
            );
        }
        Change::RemoveTask { task } => {
            let id = task.clone();
            let was_added = changes
                .iter()
                .any(|c| matches!(c, Change::AddTask { task } if task.id == id));
            changes.retain(|c| !mentions(c, &id));
            if !was_added {
                changes.push(change);
            }
        }
        Change::RemoveDependency { from, to } => {
            let before = changes.len();
            changes.retain(|c| {
                !matches!(c, Change::AddDependency { dependency: d } if &d.from == from && &d.to == to)
            });
            if changes.len() == before {
                changes.push(change);
            }
        }
        Change::AddDependency { .. } | Change::Slip { .. } => changes.push(change),
    }
}

fn replace_or_push(
    changes: &mut Vec<Change>,
    change: Change,
    same: impl Fn(&Change, &Change) -> bool,
) {
    match changes.iter().position(|c| same(c, &change)) {
        Some(at) => {
            // Later duplicates (there should be none) are dropped.
            let mut i = at + 1;
            while i < changes.len() {
                if same(&changes[i], &change) {
                    changes.remove(i);
                } else {
                    i += 1;
                }
            }
            changes[at] = change;
        }
        None => changes.push(change),
    }
}

/// Whether `change` is about task `id` (on it, or a link to or from it).
fn mentions(change: &Change, id: &str) -> bool {
    match change {
        Change::AddTask { task } => task.id == id,
        Change::AddDependency { dependency: d } => d.from == id || d.to == id,
        Change::RemoveDependency { from, to } => from == id || to == id,
        other => other.task() == Some(id),
    }
}

impl Change {
    /// Makes a change about one task on that task itself (for a task the scenario adds).
    fn apply_to_task(&self, task: &mut Task) -> bool {
        match self {
            Change::Slip { days, .. } => task.duration = (task.duration + days).max(0),
            Change::Estimate { days, .. } => task.duration = (*days).max(0),
            Change::SetConstraint { constraint, .. } => task.constraint = constraint.clone(),
            Change::SetDeadline { deadline, .. } => task.deadline = *deadline,
            _ => return false,
        }
        true
    }
}
