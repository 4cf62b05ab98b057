//! The outline: summary tasks and the tasks under them, checked, and the links the
//! scheduler walks for them.
//!
//! A summary is scheduled as a node of no duration at its *finish*: each task directly
//! under it is its predecessor by an implicit finish-to-finish link, so its early finish is
//! the latest of theirs and its late finish bounds theirs (a deadline on the summary makes
//! its tasks late). A link *into* a summary (finish-to-start or start-to-start, as MS
//! Project allows) is a link into each task under it, at any depth, that is no summary
//! itself; a link *out of* a summary (finish-to-start or finish-to-finish) leaves from that
//! finish node. Its start is rolled up after the passes (the earliest of its tasks', see
//! `scheduler::post`). What MS Project refuses is refused here too: a link from a summary
//! to its own task or back, finish-to-finish and start-to-finish links into a summary; and,
//! because a summary's start is a roll-up and not a node, start-to-start and start-to-finish
//! links out of one (link from its first task instead).
//!
//! Cost: O(T) to resolve and check the outline; a link into a summary costs one link per
//! task under it.

use super::Checker;
use super::links::Link;
use crate::diagnostics::Code;
use crate::model::{LinkType, Task};
use rustc_hash::FxHashMap;

/// No parent.
const TOP: u32 = u32::MAX;

/// Each task's summary, resolved. Empty when no task has a parent (the common case costs
/// nothing).
#[derive(Clone, Debug, Default)]
pub(crate) struct Outline {
    /// `parents[t]`: the index of task `t`'s summary, or [`TOP`].
    parents: Vec<u32>,
}

impl Outline {
    /// Whether the program has no summary task.
    pub fn is_empty(&self) -> bool {
        self.parents.is_empty()
    }

    /// Task `t`'s summary, if it is under one.
    pub fn parent(&self, t: usize) -> Option<usize> {
        match self.parents.get(t) {
            Some(&p) if p != TOP => Some(p as usize),
            _ => None,
        }
    }

    /// The tasks under each summary, directly: `children[s]`.
    fn children(&self) -> Vec<Vec<u32>> {
        let mut children = vec![Vec::new(); self.parents.len()];
        for (t, &p) in self.parents.iter().enumerate() {
            if p != TOP {
                children[p as usize].push(t as u32);
            }
        }
        children
    }

    /// Whether `ancestor` is a summary above `t` (at any depth).
    fn is_above(&self, ancestor: usize, t: usize) -> bool {
        let mut at = self.parent(t);
        while let Some(p) = at {
            if p == ancestor {
                return true;
            }
            at = self.parent(p);
        }
        false
    }
}

impl Checker<'_> {
    /// Resolves every task's `parent`: an unknown one (E026), a task under itself (E027), a
    /// `summary` flag that disagrees with the outline or a summary with values of its own
    /// (E028). O(T).
    pub(super) fn outline(&mut self, index: &FxHashMap<&str, u32>) -> Outline {
        let tasks = &self.program.tasks;
        if tasks.iter().all(|t| t.parent.is_none() && !t.summary) {
            return Outline::default();
        }
        let mut parents = vec![TOP; tasks.len()];
        for (t, task) in tasks.iter().enumerate() {
            let Some(parent) = &task.parent else { continue };
            match index.get(parent.as_str()) {
                Some(&p) => parents[t] = p,
                None => self.error(
                    Code::UnknownParent,
                    format!("tasks[{t}].parent"),
                    vec![task.id.clone(), parent.clone()],
                    format!("task '{}' is under '{parent}', which is no task", task.id),
                ),
            }
        }
        let outline = Outline { parents };
        if self.report_outline_cycles(&outline) {
            // Nothing below can walk a loop: the check fails on E027 alone.
            return Outline::default();
        }
        let mut has_tasks = vec![false; tasks.len()];
        for t in 0..tasks.len() {
            if let Some(p) = outline.parent(t) {
                has_tasks[p] = true;
            }
        }
        for (t, task) in tasks.iter().enumerate() {
            self.summary_values(t, task, has_tasks[t]);
        }
        outline
    }

    /// E027 once for each loop of parents, naming it from its first task in file order;
    /// whether there is one.
    fn report_outline_cycles(&mut self, outline: &Outline) -> bool {
        let tasks = &self.program.tasks;
        let mut found = false;
        // 0: not seen; 1 + w: seen on the walk from task w.
        let mut seen = vec![0u32; tasks.len()];
        for start in 0..tasks.len() {
            let walk = start as u32 + 1;
            let mut at = Some(start);
            while let Some(t) = at {
                if seen[t] == walk {
                    let mut chain = vec![tasks[t].id.clone()];
                    let mut next = outline.parent(t);
                    while let Some(n) = next.filter(|&n| n != t) {
                        chain.push(tasks[n].id.clone());
                        next = outline.parent(n);
                    }
                    let text = format!("{} → {}", chain.join(" → "), tasks[t].id);
                    found = true;
                    self.error(
                        Code::OutlineCycle,
                        format!("tasks[{t}].parent"),
                        chain,
                        format!("summary tasks in a loop: {text} (each is under the next)"),
                    );
                    break;
                }
                if seen[t] != 0 {
                    break;
                }
                seen[t] = walk;
                at = outline.parent(t);
            }
        }
        found
    }

    /// E028 if task `t`'s `summary` flag is not `has_tasks`, or a summary has a duration,
    /// a milestone flag, a constraint, progress or an estimate of its own.
    fn summary_values(&mut self, t: usize, task: &Task, has_tasks: bool) {
        let id = &task.id;
        let problem = match (task.summary, has_tasks) {
            (false, false) => return,
            (false, true) => Some((
                "summary",
                format!("task '{id}' has tasks under it but is not marked a summary"),
            )),
            (true, false) => Some((
                "summary",
                format!("task '{id}' is marked a summary but no task is under it"),
            )),
            (true, true) => own_value(task).map(|(field, what)| {
                (
                    field,
                    format!(
                        "summary '{id}' has {what} of its own; a summary's dates roll up \
                         from its tasks (give them to its tasks)"
                    ),
                )
            }),
        };
        if let Some((field, message)) = problem {
            self.error(
                Code::SummaryOwnValue,
                format!("tasks[{t}].{field}"),
                vec![id.clone()],
                message,
            );
        }
    }

    /// E028 for a risk that names a summary (a risk delays work, and a summary has none of
    /// its own: name its tasks).
    pub(super) fn risks_on_summaries(&mut self, index: &FxHashMap<&str, u32>) {
        let program = self.program;
        for (r, risk) in program.risks.iter().enumerate() {
            for (i, id) in risk.tasks.iter().enumerate() {
                let on_summary = index
                    .get(id.as_str())
                    .is_some_and(|&t| program.tasks[t as usize].summary);
                if on_summary {
                    self.error(
                        Code::SummaryOwnValue,
                        format!("risks[{r}].tasks[{i}]"),
                        vec![risk.id.clone(), id.clone()],
                        format!(
                            "risk '{}' names summary '{id}'; a risk delays work: name \
                             the summary's tasks",
                            risk.id
                        ),
                    );
                }
            }
        }
    }

    /// The links the scheduler walks for an outlined program, from the dependencies as
    /// (successor, link) `pairs` in file order: each link into a summary becomes a link into
    /// each task under it, and each task under a summary gets a finish-to-finish link to it.
    /// Reports the links MS Project refuses (E029).
    pub(super) fn outline_links(
        &mut self,
        outline: &Outline,
        pairs: &[(u32, Link)],
        positions: &[usize],
    ) -> Vec<(u32, Link)> {
        let tasks = &self.program.tasks;
        let children = outline.children();
        let mut expanded = Vec::with_capacity(pairs.len() + tasks.len());
        for (&(to, link), &i) in pairs.iter().zip(positions) {
            let (from, to) = (link.task as usize, to as usize);
            if let Some(problem) = summary_link_problem(outline, tasks, from, to, link.kind) {
                let dep = &self.program.dependencies[i];
                self.error(
                    Code::SummaryLink,
                    format!("dependencies[{i}]"),
                    vec![dep.from.clone(), dep.to.clone()],
                    format!("{} → {}: {problem}", dep.from, dep.to),
                );
                continue;
            }
            if tasks[to].summary {
                let leaves = leaves_under(&children, tasks, to);
                expanded.extend(leaves.into_iter().map(|leaf| (leaf, link)));
            } else {
                expanded.push((to as u32, link));
            }
        }
        for t in 0..tasks.len() {
            if let Some(p) = outline.parent(t) {
                expanded.push((p as u32, Link::new(t as u32, LinkType::FF, 0)));
            }
        }
        expanded
    }
}

/// What makes a link from `from` to `to` one Planwork (and MS Project) refuses, if anything.
fn summary_link_problem(
    outline: &Outline,
    tasks: &[Task],
    from: usize,
    to: usize,
    kind: LinkType,
) -> Option<&'static str> {
    if outline.is_above(from, to) || outline.is_above(to, from) {
        return Some("a summary cannot be linked to a task under it");
    }
    if tasks[to].summary && matches!(kind, LinkType::FF | LinkType::SF) {
        return Some(
            "a link into a summary must be finish-to-start or start-to-start (it moves the \
             start of the summary's tasks)",
        );
    }
    if tasks[from].summary && matches!(kind, LinkType::SS | LinkType::SF) {
        return Some(
            "a link out of a summary must be finish-to-start or finish-to-finish (link from \
             the summary's first task instead)",
        );
    }
    None
}

/// The tasks under summary `s` at any depth that are no summaries, in file order of a
/// depth-first walk.
fn leaves_under(children: &[Vec<u32>], tasks: &[Task], s: usize) -> Vec<u32> {
    let mut leaves = Vec::new();
    let mut stack: Vec<u32> = children[s].iter().rev().copied().collect();
    while let Some(t) = stack.pop() {
        if tasks[t as usize].summary {
            stack.extend(children[t as usize].iter().rev().copied());
        } else {
            leaves.push(t);
        }
    }
    leaves
}

/// The first value a summary has of its own, as (field, words), if any.
fn own_value(task: &Task) -> Option<(&'static str, &'static str)> {
    if task.duration != 0 {
        Some(("duration", "a duration"))
    } else if task.milestone {
        Some(("milestone", "a milestone flag"))
    } else if task.constraint.is_some() {
        Some(("constraint", "a constraint"))
    } else if task.actual_start.is_some() {
        Some(("actual_start", "an actual start"))
    } else if task.actual_finish.is_some() {
        Some(("actual_finish", "an actual finish"))
    } else if task.percent_complete != 0.0 {
        Some(("percent_complete", "a percent complete"))
    } else if task.estimate.is_some() {
        Some(("estimate", "an estimate"))
    } else if task.leveled_start.is_some() {
        Some(("leveled_start", "a leveled start"))
    } else {
        None
    }
}
