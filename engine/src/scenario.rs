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

use crate::edit::Edit;
use crate::entry::{format_distribution, format_estimate};
use crate::model::{Constraint, Dependency, Estimate, Program, Task};
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
            | Change::SetDeadline { task, .. } => Some(task),
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
            | Change::SetDeadline { task, .. } => with_task(program, task, |t| {
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

    /// The short label in the unit `text` (what was typed for this adjustment) used, so that
    /// `2w` reads back as `+2w`, not `+10d`: `+2w`, `-3d`, `→ 4w`; a bare number is in days
    /// (`15` → `+15d`). [`Adjustment::label`] if `text` does not read as this adjustment.
    pub fn typed_label(self, text: &str) -> String {
        match self.typed(text) {
            Some((number, unit)) => match self {
                Adjustment::Slip(days) => {
                    let sign = if days < 0 { '-' } else { '+' };
                    format!("{sign}{number}{unit}")
                }
                Adjustment::Duration(_) => format!("→ {number}{unit}"),
            },
            None => self.label(),
        }
    }

    /// The amount said in full, as typed and in working days where they differ: a slip
    /// `+2w (10 working days)`, `+15 working days`, `-1 working day`; a new duration `4w
    /// (20 working days)`, `20 working days`.
    pub fn typed_wording(self, text: &str) -> String {
        let in_weeks = self.typed(text).is_some_and(|(_, unit)| unit == 'w');
        let days = match self {
            Adjustment::Slip(days) | Adjustment::Duration(days) => days,
        };
        let working_days =
            crate::words::count(days.unsigned_abs() as usize, "working day", "working days");
        let label = self.typed_label(text);
        match (self, in_weeks) {
            (Adjustment::Slip(_), true) => format!("{label} ({working_days})"),
            (Adjustment::Slip(days), false) => {
                let sign = if days < 0 { '-' } else { '+' };
                format!("{sign}{working_days}")
            }
            (Adjustment::Duration(_), true) => {
                format!("{} ({working_days})", label.trim_start_matches("→ "))
            }
            (Adjustment::Duration(_), false) => working_days,
        }
    }

    /// The number and unit (`d` or `w`) of `text`, if it reads as this adjustment.
    fn typed(self, text: &str) -> Option<(String, char)> {
        let slip = matches!(self, Adjustment::Slip(_));
        if Adjustment::parse(text, slip) != Ok(self) {
            return None;
        }
        let text = text.trim();
        let unsigned = text
            .strip_prefix(['+', '-', '−'])
            .unwrap_or(text)
            .trim_start();
        let (number, unit) = match unsigned.chars().last()? {
            'w' | 'W' => (&unsigned[..unsigned.len() - 1], 'w'),
            'd' | 'D' => (&unsigned[..unsigned.len() - 1], 'd'),
            _ => (unsigned, 'd'),
        };
        Some((number.trim().to_owned(), unit))
    }
}

/// The changes that `edits`, made to `shown` (a program as a scenario shows it), amount to.
///
/// The edits are made on a copy (all or none; refused if the result would not check, e.g. a
/// cycle) and the copy is compared with `shown`: a new duration becomes
/// [`Change::Estimate`] (which rescales the three-point estimate), a new or removed
/// three-point estimate [`Change::SetEstimate`] (after the duration's change, so it stays as
/// typed), a constraint [`Change::SetConstraint`], a deadline
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
/// replaces the first, a second `set_estimate` too and it moves last; removing a link the
/// scenario added drops that addition). The merged changes replay the estimate the edit
/// showed: where relative changes do not compose, it is recorded as a `set_estimate`.
/// Refused if the scenario could then not be scheduled (a cycle, say).
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
    for change in new.iter().cloned() {
        merge(&mut merged, change);
    }
    keep_estimates_as_shown(program, &shown, &new, &mut merged);
    let result = apply(program, &merged).program;
    crate::schedule(&result).map_err(|d| {
        format!(
            "The scenario could not be scheduled with this change: {}",
            messages(&d)
        )
    })?;
    Ok(merged)
}

/// Relative changes do not always compose: a new duration replacing a slip scales the
/// program's estimate, not the slipped one the scenario showed, and a new duration before an
/// estimate set by the scenario does not scale it at all. Where the merged changes would
/// replay another estimate than `new` gives the task as `shown`, the estimate is recorded
/// as it should be ([`Change::SetEstimate`], last).
fn keep_estimates_as_shown(
    program: &Program,
    shown: &Program,
    new: &[Change],
    merged: &mut Vec<Change>,
) {
    let about_estimates = |c: &Change| {
        matches!(
            c,
            Change::Slip { .. } | Change::Estimate { .. } | Change::SetEstimate { .. }
        )
    };
    let mut expected: Vec<Task> = Vec::new();
    for change in new.iter().filter(|c| about_estimates(c)) {
        let Some(id) = change.task() else { continue };
        if !expected.iter().any(|t| t.id == id) {
            match shown.tasks.iter().find(|t| t.id == id) {
                Some(task) => expected.push(task.clone()),
                None => continue,
            }
        }
        if let Some(task) = expected.iter_mut().find(|t| t.id == id) {
            change.edit_task(task);
        }
    }
    if expected.is_empty() {
        return;
    }
    let replayed = apply(program, merged).program;
    for task in expected {
        let now = replayed.tasks.iter().find(|t| t.id == task.id);
        if now.is_some_and(|now| now.estimate != task.estimate) {
            merge(
                merged,
                Change::SetEstimate {
                    task: task.id,
                    estimate: task.estimate.map(|e| *e),
                },
            );
        }
    }
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
                let task = as_recorded(old, new);
                if task != *old {
                    changes.push(Change::AddTask { task });
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

/// A scenario's own task as an edit leaves it: a new duration typed without a new estimate
/// rescales the estimate, as [`Change::Estimate`] does on the program's tasks.
fn as_recorded(old: &Task, new: &Task) -> Task {
    let mut task = new.clone();
    if new.duration != old.duration && new.estimate == old.estimate {
        let mut rescaled = old.clone();
        re_estimate(&mut rescaled, new.duration);
        task.estimate = rescaled.estimate;
    }
    task
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
    if new.duration != old.duration {
        changes.push(Change::Estimate {
            task: old.id.clone(),
            days: new.duration,
        });
    }
    // After the new duration, so that an estimate typed with it is kept as typed.
    if new.estimate != old.estimate {
        changes.push(Change::SetEstimate {
            task: old.id.clone(),
            estimate: new.estimate.as_deref().cloned(),
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
    let task = change.task().unwrap_or_default().to_owned();
    let own_task = |c: &Change| matches!(c, Change::AddTask { task: t } if t.id == task);
    match &change {
        Change::Estimate { .. }
        | Change::SetEstimate { .. }
        | Change::SetConstraint { .. }
        | Change::SetDeadline { .. }
            if changes.iter().any(own_task) =>
        {
            if let Some(Change::AddTask { task: added }) = changes.iter_mut().find(|c| own_task(c))
            {
                // The scenario's own task: change it where it is added.
                change.edit_task(added);
            }
        }
        Change::SetEstimate { .. } => {
            // Last, after any slip or new duration of the task: the estimate is as set.
            changes.retain(|c| !(c.task() == Some(&task) && same_kind(c, &change)));
            changes.push(change);
        }
        Change::Estimate { .. } | Change::SetConstraint { .. } | Change::SetDeadline { .. } => {
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
