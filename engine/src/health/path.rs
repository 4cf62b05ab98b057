//! The checks of the critical path: 12 the critical path test, 13 the critical path length
//! index (CPLI).
//!
//! The critical path here is DCMA's: the longest path, the tasks driving the unfinished
//! tasks that finish last ([`crate::paths::driving_set`]), whatever the program's own rule
//! for marking tasks critical (under a `finish_by` that leaves room, total float marks none).

use super::{Check, CheckResult, Outcome, Scope};
use crate::check::Progress;
use crate::scheduler::Passes;

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

/// Check 12: lengthens the tested task by the threshold's delay (its remaining work too,
/// when it is under way) and runs the scheduler's passes again on the checked program so
/// changed: the path is sound when the program finish moves as far as the task itself did
/// (the whole delay, for a task on the program calendar; a team's task moves by the
/// delay's team days in program days). The program is not copied: only its prepared tasks
/// are, O(T + D) with the passes.
pub(super) fn critical_path_test(scope: &Scope<'_, '_>) -> CheckResult {
    let check = Check::CriticalPathTest;
    let Some(t) = tested_task(scope) else {
        return CheckResult::not_applicable(
            check,
            scope.thresholds,
            "no unfinished task of some duration on the critical path".to_string(),
        );
    };
    let id = scope.checked.program().tasks[t].id.clone();
    let delay = scope.thresholds.cpt_delay();
    let (task_moved, finish_moved) = delayed(scope, t, delay);
    let mut result = CheckResult::not_applicable(check, scope.thresholds, String::new());
    result.count = finish_moved;
    result.denominator = task_moved;
    result.note = Some(format!(
        "{id} lengthened by {delay} working days moved {task_moved}; the finish moved \
         {finish_moved}"
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

/// How far task `t` and the program finish move, in working days, when `t` lasts `delay`
/// working days more.
fn delayed(scope: &Scope<'_, '_>, t: usize, delay: i64) -> (i64, i64) {
    let lengthened = scope.checked.with_tasks(|tasks| {
        let task = &mut tasks[t];
        task.duration = task.duration.saturating_add(delay);
        if let Progress::Started { remaining, .. } = &mut task.progress {
            *remaining = remaining.saturating_add(delay);
        }
    });
    let durations: Vec<i64> = lengthened.tasks.iter().map(|p| p.duration).collect();
    let mut passes = Passes::new(&lengthened);
    passes.run(&lengthened, &durations);
    let before = &scope.schedule.tasks[t];
    (
        passes.early.finish[t] - before.ef,
        passes.finish_offset - scope.schedule.finish_offset,
    )
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
