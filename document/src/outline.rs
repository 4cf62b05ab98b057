//! The outline as the plan shows and edits it: each workstream's tasks in outline order with
//! their levels, and Indent, Outdent and Delete on the outline as engine edits.
//!
//! A task is shown under its summary when both are in the same workstream (the workstream is
//! the team; the outline lives within it); a task whose summary is in another workstream
//! starts a branch of its own there. Tasks under one summary keep the program's order.
//!
//! Does not: check or schedule (the edits are checked when they are made), or render.

use std::collections::HashSet;

use engine::edit::Edit;
use engine::{Program, Task};
use rustc_hash::FxHashMap as HashMap;

/// A shown task: its index in the program and its level in its workstream's outline (0 at
/// the top).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutlineRow {
    pub index: usize,
    pub level: u16,
}

/// `members` (task indices of one workstream, in program order) in outline order: each
/// summary followed by the tasks under it, depth first; none of the tasks under a summary
/// `folded` says is shut. O(members).
pub fn outline_order(
    program: &Program,
    members: &[usize],
    folded: impl Fn(&str) -> bool,
) -> Vec<OutlineRow> {
    let at: HashMap<&str, usize> = members
        .iter()
        .filter_map(|&i| program.tasks.get(i).map(|t| (t.id.as_str(), i)))
        .collect();
    let mut children: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut roots = Vec::new();
    for &i in members {
        let parent = program.tasks.get(i).and_then(|t| t.parent.as_deref());
        match parent.and_then(|p| at.get(p)) {
            Some(&p) if p != i => children.entry(p).or_default().push(i),
            _ => roots.push(i),
        }
    }
    let mut out = Vec::with_capacity(members.len());
    let mut stack: Vec<(usize, u16)> = roots.iter().rev().map(|&i| (i, 0)).collect();
    let mut seen = HashSet::new();
    while let Some((index, level)) = stack.pop() {
        // A loop of parents (a program that does not check) is shown once, flat.
        if !seen.insert(index) {
            continue;
        }
        out.push(OutlineRow { index, level });
        let Some(under) = children.get(&index) else {
            continue;
        };
        if !program.tasks.get(index).is_some_and(|t| folded(&t.id)) {
            stack.extend(under.iter().rev().map(|&c| (c, level.saturating_add(1))));
        }
    }
    out
}

/// Indent: each of `ids` goes under the task above it at its level (its previous sibling
/// in its workstream), which becomes a summary if it was not one: its own duration,
/// constraint, progress and estimate give way to its tasks' (as in MS Project). Refused,
/// with the reason, when a task has nothing above it to go under.
pub fn indent(program: &Program, ids: &[String]) -> Result<Vec<Edit>, String> {
    let mut edited = program.clone();
    let mut edits = Vec::new();
    for id in ids {
        let t = position(&edited, id)?;
        let above = previous_sibling(&edited, t).ok_or_else(|| {
            format!(
                "'{}' has no task above it at its level to go under.",
                edited.tasks[t].name
            )
        })?;
        let mut summary = edited.tasks[above].clone();
        if !summary.summary {
            make_summary(&mut summary);
            push(&mut edited, &mut edits, above, summary);
        }
        let mut task = edited.tasks[t].clone();
        task.parent = Some(edited.tasks[above].id.clone());
        push(&mut edited, &mut edits, t, task);
    }
    Ok(edits)
}

/// Outdent: each of `ids` goes up a level, beside its summary (under that summary's own
/// summary, if any). A summary left with no task under it becomes a task again, lasting
/// `span(id)` working days (what it spanned; none: a milestone). Refused for a task at the
/// top.
pub fn outdent(
    program: &Program,
    ids: &[String],
    span: impl Fn(&str) -> Option<i64>,
) -> Result<Vec<Edit>, String> {
    let mut edited = program.clone();
    let mut edits = Vec::new();
    for id in ids {
        let t = position(&edited, id)?;
        let Some(parent_id) = edited.tasks[t].parent.clone() else {
            return Err(format!(
                "'{}' is at the top of the outline already.",
                edited.tasks[t].name
            ));
        };
        let parent = position(&edited, &parent_id)?;
        let mut task = edited.tasks[t].clone();
        task.parent = edited.tasks[parent].parent.clone();
        push(&mut edited, &mut edits, t, task);
        if !edited
            .tasks
            .iter()
            .any(|x| x.parent.as_deref() == Some(&parent_id))
        {
            let mut former = edited.tasks[parent].clone();
            former.summary = false;
            former.duration = span(&parent_id).unwrap_or(0).max(0);
            push(&mut edited, &mut edits, parent, former);
        }
    }
    Ok(edits)
}

/// The tasks `ids` and every task under them, at any depth: what deleting a summary
/// deletes, as in MS Project.
pub fn with_tasks_under(program: &Program, ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = ids.to_vec();
    let mut known: HashSet<String> = ids.iter().cloned().collect();
    let mut grew = true;
    while grew {
        grew = false;
        for task in &program.tasks {
            let under = task.parent.as_ref().is_some_and(|p| known.contains(p));
            if under && known.insert(task.id.clone()) {
                out.push(task.id.clone());
                grew = true;
            }
        }
    }
    out
}

/// The summaries left with no task under them once `removed` are gone, made tasks again
/// (lasting `span(id)` working days) — what deleting the last task under a summary does.
pub fn emptied_summaries(
    program: &Program,
    removed: &[String],
    span: impl Fn(&str) -> Option<i64>,
) -> Vec<Edit> {
    let gone: HashSet<&str> = removed.iter().map(String::as_str).collect();
    let kept_parents: HashSet<&str> = program
        .tasks
        .iter()
        .filter(|t| !gone.contains(t.id.as_str()))
        .filter_map(|t| t.parent.as_deref())
        .collect();
    program
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.summary && !gone.contains(t.id.as_str()))
        .filter(|(_, t)| !kept_parents.contains(t.id.as_str()))
        .map(|(index, t)| {
            let mut task = t.clone();
            task.summary = false;
            task.duration = span(&t.id).unwrap_or(0).max(0);
            Edit::ReplaceTask { index, task }
        })
        .collect()
}

/// The task's summary for a task inserted after `after`: `after` itself if it is a summary
/// (the new task goes under it), else `after`'s own summary.
pub fn parent_for_inserted(after: &Task) -> Option<String> {
    if after.summary {
        Some(after.id.clone())
    } else {
        after.parent.clone()
    }
}

fn position(program: &Program, id: &str) -> Result<usize, String> {
    program
        .tasks
        .iter()
        .position(|t| t.id == id)
        .ok_or_else(|| format!("There is no task '{id}'."))
}

/// The task before `t` in program order with the same summary and workstream.
fn previous_sibling(program: &Program, t: usize) -> Option<usize> {
    let task = &program.tasks[t];
    program.tasks[..t]
        .iter()
        .rposition(|x| x.parent == task.parent && x.workstream == task.workstream)
}

/// A task made a summary: its dates will roll up from its tasks.
fn make_summary(task: &mut Task) {
    task.summary = true;
    task.duration = 0;
    task.milestone = false;
    task.constraint = None;
    task.actual_start = None;
    task.actual_finish = None;
    task.percent_complete = 0.0;
    task.estimate = None;
}

/// Records `task` replacing task `index` in `edited` and in `edits`.
fn push(edited: &mut Program, edits: &mut Vec<Edit>, index: usize, task: Task) {
    edited.tasks[index] = task.clone();
    edits.push(Edit::ReplaceTask { index, task });
}

#[cfg(test)]
mod tests;
