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
    let Pass {
        start: ls,
        finish: lf,
    } = late;
    for &t in checked.order.iter().rev() {
        let t = t as usize;
        let task = &checked.tasks[t];
        let span = checked.span_for(t, durations[t]);
        if checked.is_complete(t) {
            ls[t] = early.start[t];
            lf[t] = early.finish[t];
            continue;
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
            ls[t] = early.start[t];
            lf[t] = span.finish_at_or_before(finish_bound);
            continue;
        }
        if start_bound < i64::MAX {
            finish_bound = finish_bound.min(span.finish_if_started_by(start_bound));
        }
        lf[t] = span.finish_at_or_before(finish_bound);
        ls[t] = span.start_from(lf[t]);
    }
}
