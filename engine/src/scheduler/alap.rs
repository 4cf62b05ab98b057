//! Placing as-late-as-possible tasks, after the forward and backward passes.
//!
//! An as-late-as-possible (ALAP) task is scheduled by both passes like any other (so every
//! other task's early and late dates are those it would have as soon as possible), then
//! moved as late as it can go without moving anything else:
//!
//! * no later than any successor's early dates allow (each link still holds with the
//!   successor where it is: the task uses its *free* float, it pushes nothing);
//! * no later than the program finish (the latest early finish, not `finish_by`);
//! * no later than its own late finish: the late dates of its successors, `finish_by`,
//!   and its deadline. A deadline does not move the task earlier than its early dates,
//!   but ALAP never carries it past one (MS Project too finishes an ALAP task on its
//!   deadline);
//! * never earlier than its early dates (a plan already late leaves it there).
//!
//! Tasks are placed each after its successors (reverse topological order), so in a chain
//! of ALAP tasks the last is placed first and the one before it against that placement.
//! A started or finished ALAP task stays where it happened.
//!
//! This is Primavera P6's rule (an ALAP activity uses its free float: "zero free float"),
//! capped by the late finish. MS Project instead puts an ALAP task on its late dates and
//! pushes its as-soon-as-possible successors within their float; the two agree when the
//! task's successors have no float (the usual just-in-time case: an order placed right
//! before the critical task that needs it) or it has none.
//!
//! The placed task's total float is what is left to its late finish: 0 when its late
//! finish stops it (a critical successor, its deadline, the program finish), so it is then
//! critical by the default rule, as MS Project shows it; placed short of that (its
//! successors have float) it keeps their float and is not. Under the longest-path rule it
//! is on the path when it drives a task on it (it now ends right where that task starts)
//! or finishes with the program; once moved, its predecessors no longer drive it.
//!
//! Cost: O(A + their links) for A ALAP tasks, on top of the passes.

use super::Pass;
use crate::check::Checked;
use crate::model::LinkType;

/// The tasks to place late, in the order to place them: each after its successors. Most
/// plans have none: the tasks are looked at in their own order first (memory order), and
/// walked in topological order only if one is found.
pub(crate) fn tasks(checked: &Checked<'_>) -> Vec<u32> {
    if !checked.tasks.iter().any(|task| task.is_placed_late()) {
        return Vec::new();
    }
    checked
        .order
        .iter()
        .rev()
        .copied()
        .filter(|&t| checked.tasks[t as usize].is_placed_late())
        .collect()
}

/// Places each of `tasks` (in the order of [`tasks`]) late, task `t` lasting
/// `duration(t)`: its early dates in `early` become its placement. `moved` gets the early
/// dates each moved task had before, as (task, start, finish).
pub(crate) fn place_into(
    checked: &Checked<'_>,
    tasks: &[u32],
    duration: impl Fn(usize) -> i64,
    early: &mut Pass,
    late: &Pass,
    finish_offset: i64,
    moved: &mut Vec<(u32, i64, i64)>,
) {
    moved.clear();
    for &t in tasks {
        let t = t as usize;
        if let Some(dates) = placement(checked, t, duration(t), early, late, finish_offset) {
            moved.push((t as u32, early.start[t], early.finish[t]));
            (early.start[t], early.finish[t]) = dates;
        }
    }
}

/// The late placement of task `t` lasting `duration`, or `None` where it stays: the latest
/// finish its successors' early dates in `early`, its late finish and the program finish
/// allow, if later than its early finish.
fn placement(
    checked: &Checked<'_>,
    t: usize,
    duration: i64,
    early: &Pass,
    late: &Pass,
    finish_offset: i64,
) -> Option<(i64, i64)> {
    let span = checked.span_for(t, duration);
    let mut finish_bound = finish_offset.min(late.finish[t]);
    let mut start_bound = i64::MAX;
    for link in checked.successors.of(t) {
        let s = link.task as usize;
        match link.kind {
            LinkType::FS => finish_bound = finish_bound.min(early.start[s] - link.lag()),
            LinkType::SS => start_bound = start_bound.min(early.start[s] - link.lag()),
            LinkType::FF => finish_bound = finish_bound.min(early.finish[s] - link.lag()),
            LinkType::SF => start_bound = start_bound.min(early.finish[s] - link.lag()),
        }
    }
    if start_bound < i64::MAX {
        finish_bound = finish_bound.min(span.finish_if_started_by(start_bound));
    }
    let finish = span.finish_at_or_before(finish_bound);
    (finish > early.finish[t]).then(|| (span.start_from(finish), finish))
}
