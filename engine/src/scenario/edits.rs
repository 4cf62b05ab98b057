//! Editing a scenario as if it were the program (issue 6): grid and chart edits on the
//! program a scenario shows, turned into the scenario's changes and merged into its list.

use crate::edit::Edit;
use crate::model::{Dependency, Program, Task};

use super::*;

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
    if new.parent != old.parent || new.summary != old.summary {
        return cannot("change the outline (indent or outdent a task)");
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
        | Change::Level { .. }
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
        Change::Estimate { .. }
        | Change::SetConstraint { .. }
        | Change::SetDeadline { .. }
        | Change::Level { .. } => {
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
