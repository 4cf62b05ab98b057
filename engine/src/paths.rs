//! Paths through a schedule: the driving path to any task or milestone.
//!
//! A link *drives* its successor when, on its own, it would put the successor exactly where
//! the schedule has it: slipping the predecessor would slip the successor. The driving path
//! to a milestone is every task reachable backwards through driving links; it answers "what
//! is holding this milestone where it is?" even when the milestone is not on the critical
//! path. O(T + D).

use crate::check::{Checked, Progress, TaskIndex};
use crate::model::LinkType;
use crate::scheduler::Schedule;

/// The tasks driving `target` (itself included), in topological order.
///
/// A task placed by a constraint, the status date or its actual dates has no driving link,
/// so the path stops there.
///
/// ```
/// use engine::{check, paths::driving_path, schedule_checked, Program};
/// let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
///   "workstreams": [{"id": "w", "name": "W"}],
///   "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 3},
///             {"id": "b", "name": "B", "workstream": "w", "duration": 1},
///             {"id": "m", "name": "M", "workstream": "w", "duration": 0}],
///   "dependencies": [{"from": "a", "to": "m"}, {"from": "b", "to": "m"}]}"#;
/// let program: Program = serde_json::from_str(json).unwrap();
/// let checked = check(&program).unwrap();
/// let plan = schedule_checked(&checked).unwrap();
/// assert_eq!(driving_path(&checked, &plan, 2), vec![0, 2]);
/// ```
pub fn driving_path(
    checked: &Checked<'_>,
    schedule: &Schedule,
    target: TaskIndex,
) -> Vec<TaskIndex> {
    if target >= checked.tasks.len() {
        return Vec::new();
    }
    let on_path = driving_set(checked, schedule, &[target]);
    checked
        .topological_order()
        .filter(|&t| on_path.get(t).copied().unwrap_or(false))
        .collect()
}

/// Which tasks drive any of `targets` (the targets included), by task index: the union of
/// their [`driving_path`]s, found in one walk. O(T + D) however many targets. Targets out of
/// range are ignored; a schedule of another program gives no path (all `false`).
pub fn driving_set(checked: &Checked<'_>, schedule: &Schedule, targets: &[TaskIndex]) -> Vec<bool> {
    let n = checked.tasks.len();
    let mut on_path = vec![false; n];
    if schedule.tasks.len() != n {
        return on_path;
    }
    let mut stack: Vec<usize> = Vec::with_capacity(targets.len());
    for &target in targets.iter().filter(|&&t| t < n) {
        if !on_path[target] {
            on_path[target] = true;
            stack.push(target);
        }
    }
    while let Some(t) = stack.pop() {
        for p in drivers(checked, schedule, t) {
            if !on_path[p] {
                on_path[p] = true;
                stack.push(p);
            }
        }
    }
    on_path
}

/// The predecessors whose links drive task `t`.
fn drivers<'a>(
    checked: &'a Checked<'_>,
    schedule: &'a Schedule,
    t: usize,
) -> impl Iterator<Item = usize> + 'a {
    let placed_by_logic = matches!(checked.tasks[t].progress, Progress::NotStarted);
    let span = checked.span(t);
    let duration = checked.tasks[t].duration;
    let times = &schedule.tasks;
    checked
        .predecessors
        .of(t)
        .iter()
        .filter(move |_| placed_by_logic)
        .filter_map(move |link| {
            let p = link.task as usize;
            let start = match link.kind {
                LinkType::FS => times[p].ef + link.lag(),
                LinkType::SS => times[p].es + link.lag(),
                LinkType::FF => span.start_to_finish_by(times[p].ef + link.lag(), duration),
                LinkType::SF => span.start_to_finish_by(times[p].es + link.lag(), duration),
            };
            (span.start_at_or_after(start.max(0)) == times[t].es).then_some(p)
        })
}

/// Whether a new link `from → to` would close a dependency cycle: if so, the cycle it would
/// close, as task indices from `from` through `to` and back (`to` already reaches `from`).
/// Breadth-first over successors from `to`: O(T + D), and a shortest such cycle.
///
/// ```
/// use engine::{check, paths::cycle_if_linked, Program};
/// let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
///   "workstreams": [{"id": "w", "name": "W"}],
///   "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 1},
///             {"id": "b", "name": "B", "workstream": "w", "duration": 1},
///             {"id": "c", "name": "C", "workstream": "w", "duration": 1}],
///   "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}]}"#;
/// let program: Program = serde_json::from_str(json).unwrap();
/// let checked = check(&program).unwrap();
/// assert_eq!(cycle_if_linked(&checked, 2, 0), Some(vec![2, 0, 1]));
/// assert_eq!(cycle_if_linked(&checked, 0, 2), None);
/// ```
pub fn cycle_if_linked(
    checked: &Checked<'_>,
    from: TaskIndex,
    to: TaskIndex,
) -> Option<Vec<TaskIndex>> {
    let n = checked.tasks.len();
    if from >= n || to >= n {
        return None;
    }
    if from == to {
        return Some(vec![from]);
    }
    let mut parent = vec![usize::MAX; n];
    parent[to] = to;
    let mut queue = std::collections::VecDeque::from([to]);
    while let Some(t) = queue.pop_front() {
        for link in checked.successors.of(t) {
            let s = link.task as usize;
            if parent[s] != usize::MAX {
                continue;
            }
            parent[s] = t;
            if s == from {
                let mut cycle = vec![from];
                let mut at = from;
                while at != to {
                    at = parent[at];
                    cycle.push(at);
                }
                cycle.reverse();
                cycle.rotate_right(1);
                return Some(cycle);
            }
            queue.push_back(s);
        }
    }
    None
}
