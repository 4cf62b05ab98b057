//! The checks of the critical path: 12 the critical path test, 13 the critical path length
//! index (CPLI).
//!
//! The critical path here is DCMA's: the longest path, the tasks driving the unfinished
//! tasks that finish last ([`crate::paths::driving_set`]), whatever the program's own rule
//! for marking tasks critical (under a `finish_by` that leaves room, total float marks none).

use super::{Check, CheckResult, Outcome, Scope, Unit};
use crate::check::MAX_DAYS;

/// The task the critical path test delays: of the unfinished tasks of some duration on the
/// longest path (summaries and milestones aside), the one that starts first (then the first
/// in program order), so that the delay runs through as much of the path as it can.
fn tested_task(scope: &Scope<'_, '_>) -> Option<usize> {
    let (checked, schedule) = (scope.checked, scope.schedule);
    let tasks = &checked.program().tasks;
    let unfinished = |t: &usize| !checked.is_complete(*t);
    let n = tasks.len();
    let last = (0..n)
        .filter(unfinished)
        .map(|t| schedule.tasks[t].ef)
        .max()?;
    let ends: Vec<usize> = (0..n)
        .filter(|t| unfinished(t) && schedule.tasks[*t].ef == last)
        .collect();
    let on_path = crate::paths::driving_set(checked, schedule, &ends);
    (0..n)
        .filter(|&t| on_path[t] && scope.open[t] && !tasks[t].is_milestone())
        .min_by_key(|&t| (schedule.tasks[t].es, t))
}

/// Check 12: lengthens the tested task by the threshold's delay on a copy of the program
/// and schedules the copy: the path is sound when the program finish moves as far as the
/// task itself did (the whole delay, for a task not started on the program calendar; a task
/// under way or on a team calendar moves by what its remaining work becomes in program
/// days). O(T + D log D): one full schedule.
pub(super) fn critical_path_test(scope: &Scope<'_, '_>) -> CheckResult {
    let check = Check::CriticalPathTest;
    let not_applicable = |why: String| CheckResult::not_applicable(check, scope.thresholds, why);
    let Some(t) = tested_task(scope) else {
        return not_applicable(
            "no unfinished task of some duration on the critical path".to_string(),
        );
    };
    let program = scope.checked.program();
    let id = program.tasks[t].id.clone();
    let delay = scope.thresholds.cpt_delay();
    let mut delayed = program.clone();
    let Some(task) = delayed.tasks.get_mut(t) else {
        return not_applicable(format!("task {id} is not in the program"));
    };
    task.duration = task.duration.saturating_add(delay);
    if task.duration > MAX_DAYS {
        return not_applicable(format!(
            "the delay would make {id} longer than {MAX_DAYS} working days"
        ));
    }
    let after = match crate::schedule(&delayed) {
        Ok(after) => after,
        Err(problems) => {
            let first = problems.0.first().map_or("", |d| d.message.as_str());
            return not_applicable(format!("the delayed program cannot be scheduled: {first}"));
        }
    };
    let Some(moved) = after.tasks.get(t) else {
        return not_applicable(format!("task {id} is not in the delayed schedule"));
    };
    let task_moved = moved.ef - scope.schedule.tasks[t].ef;
    let finish_moved = after.finish_offset - scope.schedule.finish_offset;
    let mut result = CheckResult::not_applicable(check, scope.thresholds, String::new());
    result.unit = Unit::Ratio;
    result.count = finish_moved;
    result.denominator = task_moved;
    result.note = Some(format!(
        "{id} lengthened by {delay} working days moved {task_moved}; the finish moved {finish_moved}"
    ));
    result.figure = (task_moved > 0).then(|| finish_moved as f64 / task_moved as f64);
    result.figure_text = match result.figure {
        Some(ratio) => {
            format!("{ratio:.2} (the finish moved {finish_moved} of {task_moved} working days)")
        }
        None => format!("{id} did not move: a constraint holds its finish"),
    };
    result.outcome = match task_moved > 0 && finish_moved == task_moved {
        true => Outcome::Pass,
        false => Outcome::Fail,
    };
    result.listing(vec![id], "the task delayed")
}

/// Check 13: (critical path length + total float) / critical path length: the length in
/// working days from the status date to the forecast finish, the float from the forecast
/// finish to the program's committed finish (`finish_by`; negative when late, 0 without
/// one).
pub(super) fn cpli(scope: &Scope<'_, '_>) -> CheckResult {
    let mut result = CheckResult::not_applicable(
        Check::Cpli,
        scope.thresholds,
        "the program finishes by the status date: no critical path remains".to_string(),
    );
    let finish = scope.schedule.finish_offset;
    let length = finish - scope.status_offset;
    if length <= 0 {
        return result;
    }
    let (float, note) = match scope.checked.finish_by {
        Some(by) => (by - finish, None),
        None => (
            0,
            Some("no committed finish (finish_by): total float taken as 0".to_string()),
        ),
    };
    let index = (length + float) as f64 / length as f64;
    result.figure = Some(index);
    result.figure_text =
        format!("{index:.2} (critical path {length} working days, total float {float})");
    result.count = length + float;
    result.denominator = length;
    result.note = note;
    result.outcome = match index >= scope.thresholds.cpli {
        true => Outcome::Pass,
        false => Outcome::Fail,
    };
    result
}
