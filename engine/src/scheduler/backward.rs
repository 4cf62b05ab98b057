//! The backward pass: late start and finish, in reverse topological order.

use super::Pass;
use crate::check::{Checked, Progress};
use crate::model::LinkType;

/// Late dates of every task, from `program_end` (the latest early finish, or the program's
/// `finish_by`). Finished tasks keep their actual dates.
pub(crate) fn pass_into(
    checked: &Checked<'_>,
    durations: &[i64],
    early: &Pass,
    program_end: i64,
    late: &mut Pass,
) {
    late.resize(checked.tasks.len());
    for &t in checked.order.iter().rev() {
        let t = t as usize;
        (late.start[t], late.finish[t]) =
            late_dates(checked, t, durations[t], early, program_end, late);
    }
}

/// Late start and finish of task `t` lasting `duration`, from its successors' in `late`.
#[inline]
pub(crate) fn late_dates(
    checked: &Checked<'_>,
    t: usize,
    duration: i64,
    early: &Pass,
    program_end: i64,
    late: &Pass,
) -> (i64, i64) {
    let Pass {
        start: ls,
        finish: lf,
    } = late;
    let task = &checked.tasks[t];
    let span = checked.span_for(t, duration);
    if checked.is_complete(t) {
        return (early.start[t], early.finish[t]);
    }
    let mut finish_bound = program_end.min(task.finish_max);
    let mut start_bound = task.start_max;
    for link in checked.successors.of(t) {
        let s = link.task as usize;
        match link.kind {
            LinkType::FS => finish_bound = finish_bound.min(ls[s] - link.lag()),
            LinkType::SS => start_bound = start_bound.min(ls[s] - link.lag()),
            LinkType::FF => finish_bound = finish_bound.min(lf[s] - link.lag()),
            LinkType::SF => start_bound = start_bound.min(lf[s] - link.lag()),
        }
    }
    if let Progress::Started { .. } = task.progress {
        // Started: only the finish can still move.
        return (early.start[t], span.finish_at_or_before(finish_bound));
    }
    if start_bound < i64::MAX {
        finish_bound = finish_bound.min(span.finish_if_started_by(start_bound));
    }
    let finish = span.finish_at_or_before(finish_bound);
    (span.start_from(finish), finish)
}
