//! The forward pass: early start and finish, in topological order.

use super::Pass;
use crate::check::{Checked, Progress};
use crate::model::LinkType;

/// Early dates of every task, with task `t` lasting `durations[t]` working days, written
/// into `early` (reused between runs: a forecast runs this thousands of times). Link rules,
/// for a predecessor P and successor S with lag L: FS: S.es ≥ P.ef + L; SS: S.es ≥ P.es + L;
/// FF: S.ef ≥ P.ef + L; SF: S.ef ≥ P.es + L.
pub(crate) fn pass_into(checked: &Checked<'_>, durations: &[i64], early: &mut Pass) {
    early.resize(checked.tasks.len());
    for &t in &checked.order {
        let t = t as usize;
        (early.start[t], early.finish[t]) = early_dates(checked, t, durations[t], early);
    }
}

/// Early start and finish of task `t` lasting `duration`, from its predecessors' in `early`.
#[inline]
pub(crate) fn early_dates(
    checked: &Checked<'_>,
    t: usize,
    duration: i64,
    early: &Pass,
) -> (i64, i64) {
    let (start_bound, finish_bound) = link_bounds(checked, t, &early.start, &early.finish);
    place(checked, t, duration, start_bound, finish_bound)
}

/// The lower bounds the predecessors put on the start and on the finish of task `t`
/// (`i64::MIN` where none).
pub(crate) fn link_bounds(checked: &Checked<'_>, t: usize, es: &[i64], ef: &[i64]) -> (i64, i64) {
    let mut start = i64::MIN;
    let mut finish = i64::MIN;
    for link in checked.predecessors.of(t) {
        let p = link.task as usize;
        match link.kind {
            LinkType::FS => start = start.max(ef[p] + link.lag()),
            LinkType::SS => start = start.max(es[p] + link.lag()),
            LinkType::FF => finish = finish.max(ef[p] + link.lag()),
            LinkType::SF => finish = finish.max(es[p] + link.lag()),
        }
    }
    (start, finish)
}

/// Early start and finish of task `t`, lasting `duration`, given its link bounds.
fn place(
    checked: &Checked<'_>,
    t: usize,
    duration: i64,
    start_bound: i64,
    finish_bound: i64,
) -> (i64, i64) {
    let task = &checked.tasks[t];
    let span = checked.span_for(t, duration);
    let finish_bound = finish_bound.max(task.finish_min);
    // The earliest start the logic and constraints allow, from `floor` on.
    let logical_start = |floor: i64| {
        let mut start = start_bound.max(floor);
        if finish_bound > i64::MIN {
            start = start.max(span.start_to_finish_by(finish_bound, duration));
        }
        span.start_at_or_after(start)
    };
    match task.progress {
        Progress::NotStarted => {
            let start = logical_start(task.start_min.max(checked.status.unwrap_or(i64::MIN)));
            (start, span.finish_from(start))
        }
        Progress::Started {
            actual_start,
            remaining,
        } => {
            let start = actual_start.unwrap_or_else(|| logical_start(task.start_min));
            // The work done so far stays; what remains resumes at the status date at the
            // earliest, and after any predecessor it still waits for (retained logic).
            let mut resume = span
                .finish_after(start, task.duration - remaining)
                .max(checked.status.unwrap_or(i64::MIN))
                .max(start_bound);
            if finish_bound > i64::MIN {
                resume = resume.max(span.start_to_finish_by(finish_bound, remaining));
            }
            let resume = span.start_at_or_after(resume);
            (start, span.finish_after(resume, remaining))
        }
        Progress::Complete {
            actual_start,
            actual_finish: Some(finish),
        } => {
            let start = actual_start.unwrap_or_else(|| span.start_from(finish));
            (start.min(finish), finish)
        }
        Progress::Complete {
            actual_start,
            actual_finish: None,
        } => {
            let start = actual_start.unwrap_or_else(|| logical_start(task.start_min));
            (start, span.finish_from(start))
        }
    }
}
