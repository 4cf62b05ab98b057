//! The checks of single tasks: 1 logic, 5 hard constraints, 6 high float, 7 negative float,
//! 8 high duration, 9 invalid dates, 10 resources. One pass over the tasks each.

use super::{Check, CheckResult, Scope};
use crate::check::Outline;
use crate::model::ConstraintKind;

/// Check 1: incomplete tasks without a predecessor or without a successor. A link into or
/// out of a summary counts for every task under it (the scheduler treats it so). The
/// program's start milestone (the first incomplete milestone without a predecessor) may
/// lack a predecessor and its finish milestone (of the incomplete milestones without a
/// successor, the first that finishes last) a successor, as DCMA's tools allow.
pub(super) fn logic(scope: &Scope<'_, '_>) -> CheckResult {
    let checked = scope.checked;
    let program = checked.program();
    let n = program.tasks.len();
    let (mut has_predecessor, mut has_successor) = (vec![false; n], vec![false; n]);
    for &(p, s) in scope.ends.iter().flatten() {
        has_successor[p] = true;
        has_predecessor[s] = true;
    }
    if !checked.outline.is_empty() {
        inherit(&mut has_predecessor, &checked.outline);
        inherit(&mut has_successor, &checked.outline);
    }
    let open_milestone = |t: usize| scope.open[t] && program.tasks[t].is_milestone();
    let start = (0..n).find(|&t| open_milestone(t) && !has_predecessor[t]);
    let finish = (0..n)
        .filter(|&t| open_milestone(t) && !has_successor[t])
        .min_by_key(|&t| (-scope.schedule.tasks[t].ef, t));
    let offends = |t: usize| {
        scope.open[t]
            && ((!has_predecessor[t] && Some(t) != start)
                || (!has_successor[t] && Some(t) != finish))
    };
    let tasks = scope.ids(offends);
    let limit = scope.thresholds.logic_percent;
    CheckResult::share(
        Check::Logic,
        scope.thresholds,
        (tasks.len(), scope.incomplete),
        |p| p <= limit,
        "no incomplete tasks",
    )
    .listing(
        tasks,
        "incomplete tasks missing a predecessor or a successor",
    )
}

/// Sets each task's flag when a summary above it has it. O(T): each task's chain of
/// summaries is walked up to the first task already settled.
fn inherit(flags: &mut [bool], outline: &Outline) {
    let n = flags.len();
    let mut settled = vec![false; n];
    let mut chain = Vec::new();
    for t in 0..n {
        let mut at = t;
        // The outline has no cycle (checked); the length bound only keeps a bug from hanging.
        while !flags[at] && !settled[at] && chain.len() <= n {
            chain.push(at);
            match outline.parent(at) {
                Some(parent) if parent < n => at = parent,
                _ => break,
            }
        }
        let value = flags[at];
        for &c in &chain {
            flags[c] = value;
            settled[c] = true;
        }
        chain.clear();
    }
}

/// Checks 5 to 10, in order.
pub(super) fn checks(scope: &Scope<'_, '_>) -> [CheckResult; 6] {
    [
        hard_constraints(scope),
        high_float(scope),
        negative_float(scope),
        high_duration(scope),
        invalid_dates(scope),
        resources(scope),
    ]
}

/// Must start on, must finish on, start no later than, finish no later than: the
/// constraints that hold a task against its logic (DCMA's "hard" ones).
pub fn is_hard(kind: ConstraintKind) -> bool {
    matches!(
        kind,
        ConstraintKind::MSO | ConstraintKind::MFO | ConstraintKind::SNLT | ConstraintKind::FNLT
    )
}

/// A share of the incomplete tasks: those for which `offends`.
fn of_incomplete(
    scope: &Scope<'_, '_>,
    check: Check,
    limit: f64,
    tasks_are: &'static str,
    offends: impl Fn(usize) -> bool,
) -> CheckResult {
    let tasks = scope.ids(|t| scope.open[t] && offends(t));
    CheckResult::share(
        check,
        scope.thresholds,
        (tasks.len(), scope.incomplete),
        |p| p <= limit,
        "no incomplete tasks",
    )
    .listing(tasks, tasks_are)
}

/// Check 5: incomplete tasks with a hard constraint.
fn hard_constraints(scope: &Scope<'_, '_>) -> CheckResult {
    let tasks = &scope.checked.program().tasks;
    of_incomplete(
        scope,
        Check::HardConstraints,
        scope.thresholds.hard_constraints_percent,
        "incomplete tasks with a hard constraint",
        |t| {
            tasks[t]
                .constraint
                .as_ref()
                .is_some_and(|c| is_hard(c.kind))
        },
    )
}

/// Total float in working days of the program calendar: late finish less early finish,
/// in timeline offsets (a team's task counts the program's days, not its team's).
pub(super) fn float(scope: &Scope<'_, '_>, t: usize) -> i64 {
    let s = &scope.schedule.tasks[t];
    s.lf.saturating_sub(s.ef)
}

/// Check 6: incomplete tasks with total float above the threshold.
fn high_float(scope: &Scope<'_, '_>) -> CheckResult {
    let days = scope.thresholds.high_float_days;
    of_incomplete(
        scope,
        Check::HighFloat,
        scope.thresholds.high_float_percent,
        "incomplete tasks with high total float",
        |t| float(scope, t) > days,
    )
}

/// Check 7: incomplete tasks with negative total float.
fn negative_float(scope: &Scope<'_, '_>) -> CheckResult {
    of_incomplete(
        scope,
        Check::NegativeFloat,
        scope.thresholds.negative_float_percent,
        "incomplete tasks with negative float",
        |t| float(scope, t) < 0,
    )
}

/// A task's duration in working days of the program calendar: its own duration on the
/// program calendar; a team's task, the program days its whole duration spans from its
/// start.
pub(super) fn program_days(scope: &Scope<'_, '_>, t: usize) -> i64 {
    let prepared = &scope.checked.tasks[t];
    if prepared.calendar.is_none() {
        return prepared.duration;
    }
    let es = scope.schedule.tasks[t].es;
    scope.checked.span(t).finish_from(es) - es
}

/// Incomplete tasks that are not milestones: the population of 8 and 10.
fn work_tasks<'a>(scope: &'a Scope<'a, 'a>) -> impl Fn(usize) -> bool + 'a {
    let tasks = &scope.checked.program().tasks;
    move |t| scope.open[t] && !tasks[t].is_milestone()
}

/// Check 8: incomplete tasks (milestones aside) longer than the threshold.
fn high_duration(scope: &Scope<'_, '_>) -> CheckResult {
    let days = scope.thresholds.high_duration_days;
    let limit = scope.thresholds.high_duration_percent;
    let work = work_tasks(scope);
    let population = (0..scope.open.len()).filter(|&t| work(t)).count();
    let tasks = scope.ids(|t| work(t) && program_days(scope, t) > days);
    CheckResult::share(
        Check::HighDuration,
        scope.thresholds,
        (tasks.len(), population),
        |p| p <= limit,
        "no incomplete task of some duration",
    )
    .listing(tasks, "incomplete tasks of a high duration")
}

/// Check 9: tasks (summaries aside) with a forecast date before the status date while
/// unfinished (a start without an actual start, or a finish), or an actual date after it.
fn invalid_dates(scope: &Scope<'_, '_>) -> CheckResult {
    let tasks = &scope.checked.program().tasks;
    let population = tasks.iter().filter(|t| !t.summary).count();
    let offenders = scope.ids(|t| !tasks[t].summary && invalid_date(scope, t));
    let limit = scope.thresholds.invalid_dates_percent;
    CheckResult::share(
        Check::InvalidDates,
        scope.thresholds,
        (offenders.len(), population),
        |p| p <= limit,
        "no tasks",
    )
    .listing(
        offenders,
        "tasks forecast before the status date or with an actual date after it",
    )
}

/// Whether task `t` has an invalid date. Offsets, not shown dates, decide "before": a
/// milestone is an instant at the start of its offset (shown on the working day before),
/// so one at the status date is not before it.
fn invalid_date(scope: &Scope<'_, '_>, t: usize) -> bool {
    let task = &scope.checked.program().tasks[t];
    let after = |date: Option<chrono::NaiveDate>| date.is_some_and(|d| d > scope.status);
    if after(task.actual_start) || after(task.actual_finish) {
        return true;
    }
    if scope.checked.is_complete(t) {
        return false;
    }
    let s = &scope.schedule.tasks[t];
    let status = scope.status_offset;
    // The offset of its last working day; a milestone's own instant.
    let last = if s.ef > s.es { s.ef - 1 } else { s.ef };
    (task.actual_start.is_none() && s.es < status) || last < status
}

/// Check 10: in a program with resources, incomplete tasks (milestones aside) that demand
/// none.
fn resources(scope: &Scope<'_, '_>) -> CheckResult {
    let program = scope.checked.program();
    if program.resources.is_empty() {
        return CheckResult::not_applicable(
            Check::Resources,
            scope.thresholds,
            "the program has no resources: it is not resource-loaded".to_string(),
        );
    }
    let work = work_tasks(scope);
    let population = (0..scope.open.len()).filter(|&t| work(t)).count();
    let tasks = scope.ids(|t| work(t) && program.tasks[t].demands.is_empty());
    let limit = scope.thresholds.resources_percent;
    CheckResult::share(
        Check::Resources,
        scope.thresholds,
        (tasks.len(), population),
        |p| p <= limit,
        "no incomplete task of some duration",
    )
    .listing(tasks, "incomplete tasks without a resource")
}
