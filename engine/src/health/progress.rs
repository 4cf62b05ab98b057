//! The checks against the baseline: 11 missed tasks and 14 the baseline execution index.
//!
//! Both look at the tasks the baseline has (matched by id; summaries aside) whose baseline
//! finish is on or before the status date: the work that should be done. A task's finish
//! is its schedule's (its actual finish when it has one, else its forecast).

use super::{Check, CheckResult, Outcome, Scope, Unit};
use crate::baseline::Baseline;
use crate::model::Program;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// Each task of the program the baseline has (summaries aside) and its baseline finish,
/// by task index.
pub(super) fn baseline_finishes(program: &Program, baseline: &Baseline) -> Vec<Option<NaiveDate>> {
    let saved: FxHashMap<&str, NaiveDate> = baseline
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.finish))
        .collect();
    program
        .tasks
        .iter()
        .map(|task| match task.summary {
            true => None,
            false => saved.get(task.id.as_str()).copied(),
        })
        .collect()
}

/// Why 11 and 14 do not apply without a baseline.
fn no_baseline(check: Check, scope: &Scope<'_, '_>) -> CheckResult {
    CheckResult::not_applicable(
        check,
        scope.thresholds,
        "no baseline: save one (and make it active) to measure against".to_string(),
    )
}

const NONE_DUE: &str = "no task is baselined to finish by the status date";

/// Check 11: of the tasks due by the status date, those finishing after their baseline
/// finish.
pub(super) fn missed_tasks(scope: &Scope<'_, '_>) -> CheckResult {
    let Some(finishes) = &scope.baselined else {
        return no_baseline(Check::MissedTasks, scope);
    };
    let due = |t: usize| finishes[t].filter(|&f| f <= scope.status);
    let population = (0..finishes.len()).filter(|&t| due(t).is_some()).count();
    let tasks = scope.ids(|t| due(t).is_some_and(|f| scope.schedule.tasks[t].finish > f));
    let limit = scope.thresholds.missed_tasks_percent;
    CheckResult::share(
        Check::MissedTasks,
        scope.thresholds,
        (tasks.len(), population),
        |p| p <= limit,
        NONE_DUE,
    )
    .listing(
        tasks,
        "tasks due by the status date finishing after their baseline",
    )
}

/// Check 14: tasks of the baseline finished by the status date (whenever they were due: one
/// finished early counts, as in DCMA's index) over the tasks due by it. The offenders are
/// the tasks due and not finished.
pub(super) fn bei(scope: &Scope<'_, '_>) -> CheckResult {
    let Some(finishes) = &scope.baselined else {
        return no_baseline(Check::Bei, scope);
    };
    let finished =
        |t: usize| scope.checked.is_complete(t) && scope.schedule.tasks[t].finish <= scope.status;
    let due = |t: usize| finishes[t].is_some_and(|f| f <= scope.status);
    let n = finishes.len();
    let done = (0..n)
        .filter(|&t| finishes[t].is_some() && finished(t))
        .count();
    let population = (0..n).filter(|&t| due(t)).count();
    let mut result =
        CheckResult::not_applicable(Check::Bei, scope.thresholds, NONE_DUE.to_string());
    if population == 0 {
        return result;
    }
    let index = done as f64 / population as f64;
    result.figure = Some(index);
    result.unit = Unit::Ratio;
    result.figure_text = format!("{index:.2} ({done} finished, {population} due)");
    result.count = done as i64;
    result.denominator = population as i64;
    result.outcome = match index >= scope.thresholds.bei {
        true => Outcome::Pass,
        false => Outcome::Fail,
    };
    result.note = None;
    let late = scope.ids(|t| due(t) && !finished(t));
    result.listing(late, "tasks due by the status date and not finished")
}
