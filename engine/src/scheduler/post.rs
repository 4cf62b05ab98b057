//! The post-check: float, the critical path, dates and warnings.

use super::{Pass, Schedule, TaskSchedule};
use crate::check::{Checked, Progress};
use crate::check::{FIRST_DATE, LAST_DATE};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, capped};
use crate::model::{CriticalPath, LinkType};
use crate::timeline::Timeline;
use chrono::NaiveDate;

/// Two passes over the tasks: the first finds each task's total float, the range of offsets
/// to date and the warnings; the second writes each task's schedule, critical by the
/// program's rule (a comparison for total float; the longest path is traced afterwards, only
/// when chosen). Both walk the tasks in order; a task's program record (for its id) is read
/// only if it has a must-on date or a deadline, or its dates are out of range.
pub(crate) fn assemble(
    checked: &Checked<'_>,
    early: &Pass,
    late: &Pass,
    program_end: i64,
    finish_offset: i64,
) -> Result<Schedule, Diagnostics> {
    let floats = Floats::of(checked, early, late);
    let max_float = max_float(checked);
    let lookup = DateLookup::new(
        &checked.timeline,
        floats.first,
        floats.last,
        checked.tasks.len(),
    );
    let n = checked.tasks.len();
    let mut out_of_range = Vec::new();
    let mut tasks = Vec::with_capacity(n);
    for (t, &total_float) in floats.total.iter().enumerate() {
        let placed = Placed {
            early,
            late,
            program_end,
        };
        match task_schedule(checked, t, total_float, &placed, max_float, &lookup) {
            Some(times) => tasks.push(times),
            None => out_of_range.push(t),
        }
    }
    if !out_of_range.is_empty() {
        return Err(Diagnostics(capped(
            out_of_range.into_iter().map(|t| beyond_dates(checked, t)),
        )));
    }
    let mut schedule = Schedule {
        tasks,
        start: checked.program().program.start,
        finish: checked.program().program.start,
        finish_offset,
        warnings: with_schedule_warnings(checked, floats.warnings),
    };
    if checked.program().program.critical_path == CriticalPath::LongestPath {
        mark_longest_path(checked, &mut schedule);
    }
    roll_up_summaries(checked, &mut schedule);
    set_first_and_last_days(checked, &mut schedule);
    Ok(schedule)
}

/// Each summary rolled up from its tasks, as MS Project shows it: its start (early and
/// late) the earliest of theirs, its finish (early and late) the latest, its total float
/// the least (it can slip no more than its tightest task), critical when one of them is.
/// Its early finish offset and free float stay its node's (see `check/outline.rs`). Every
/// summary is rolled up again from its tasks' schedules, so a kept schedule that updated
/// only some tasks calls this too. O(T): the topological order has every task before its
/// summary.
pub(crate) fn roll_up_summaries(checked: &Checked<'_>, schedule: &mut Schedule) {
    if checked.outline.is_empty() {
        return;
    }
    let longest_path = max_float(checked) == i64::MIN;
    // From its tasks alone: the node's own start is its finish.
    for (t, task) in checked.program().tasks.iter().enumerate() {
        if task.summary {
            let summary = &mut schedule.tasks[t];
            (summary.es, summary.ls, summary.lf) = (i64::MAX, i64::MAX, i64::MIN);
            (summary.start, summary.late_start) = (LAST_DATE, LAST_DATE);
            (summary.finish, summary.late_finish) = (FIRST_DATE, FIRST_DATE);
            summary.total_float = i64::MAX;
            // (Under the longest path, the path was traced just before, on the node itself.)
            summary.critical &= longest_path;
        }
    }
    for t in checked.topological_order() {
        let Some(s) = checked.outline.parent(t) else {
            continue;
        };
        let task = schedule.tasks[t].clone();
        let summary = &mut schedule.tasks[s];
        summary.es = summary.es.min(task.es);
        summary.ls = summary.ls.min(task.ls);
        summary.lf = summary.lf.max(task.lf);
        summary.start = summary.start.min(task.start);
        summary.late_start = summary.late_start.min(task.late_start);
        summary.finish = summary.finish.max(task.finish);
        summary.late_finish = summary.late_finish.max(task.late_finish);
        summary.total_float = summary.total_float.min(task.total_float);
        summary.critical |= task.critical;
    }
}

/// The total float at most which a task is critical: under the longest-path rule none
/// passes (the path is traced instead).
pub(crate) fn max_float(checked: &Checked<'_>) -> i64 {
    match checked.program().program.critical_path {
        CriticalPath::TotalFloat { max_days } => max_days,
        CriticalPath::LongestPath => i64::MIN,
    }
}

/// The check's warnings, then the schedule's own (W101, W102), the repeated ones summarised.
pub(crate) fn with_schedule_warnings(
    checked: &Checked<'_>,
    found: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let mut warnings = checked.warnings.clone();
    warnings.extend(capped(found));
    warnings
}

/// The schedule's first and last day of work (the program start if there is no task).
pub(crate) fn set_first_and_last_days(checked: &Checked<'_>, schedule: &mut Schedule) {
    let start = schedule
        .tasks
        .iter()
        .map(|t| t.start)
        .min()
        .unwrap_or(checked.program().program.start);
    schedule.start = start;
    schedule.finish = schedule
        .tasks
        .iter()
        .map(|t| t.finish)
        .max()
        .unwrap_or(start);
}

/// What both passes found.
pub(crate) struct Placed<'a> {
    pub early: &'a Pass,
    pub late: &'a Pass,
    pub program_end: i64,
}

/// Task `t`'s schedule (its total float given), or `None` if a date leaves the supported
/// range.
pub(crate) fn task_schedule(
    checked: &Checked<'_>,
    t: usize,
    total_float: i64,
    placed: &Placed<'_>,
    max_float: i64,
    lookup: &DateLookup<'_>,
) -> Option<TaskSchedule> {
    let (early, late) = (placed.early, placed.late);
    let prepared = &checked.tasks[t];
    let (es, ef, ls, lf) = (
        early.start[t],
        early.finish[t],
        late.start[t],
        late.finish[t],
    );
    let milestone = prepared.duration == 0;
    let at_start = milestone && driven_by_a_start(checked, t, early);
    let dates = if at_start {
        // Shown on the day of the start that places it, as MS Project shows it.
        Dates::of(lookup, false, es, es + 1, ls, ls + 1)?
    } else {
        Dates::of(lookup, milestone, es, ef, ls, lf)?
    };
    let complete = prepared.is_complete();
    Some(TaskSchedule {
        es,
        ef,
        ls,
        lf,
        total_float,
        free_float: if complete {
            0
        } else {
            free_float(checked, t, early, placed.program_end)
        },
        critical: !complete && total_float <= max_float,
        start: dates.start,
        finish: dates.finish,
        late_start: dates.late_start,
        late_finish: dates.late_finish,
    })
}

/// Whether milestone `t` is placed by a predecessor's start: a start-to-start or
/// start-to-finish link sets its date, and nothing else reaches it (no finish-to-start or
/// finish-to-finish link, constraint, program start or status date). Such a milestone is an
/// instant at the *start* of its offset's working day, and is shown on that day; any other
/// milestone is an instant at the end of the day before (MS Project dates them the same
/// way). Only a milestone not started and not placed as late as possible (its place is its
/// own, not a link's). O(its predecessors).
pub(crate) fn driven_by_a_start(checked: &Checked<'_>, t: usize, early: &Pass) -> bool {
    let prepared = &checked.tasks[t];
    if prepared.progress != Progress::NotStarted || prepared.is_placed_late() {
        return false;
    }
    let es = early.start[t];
    let mut by_start = i64::MIN;
    let mut other = prepared
        .start_min
        .max(prepared.finish_min)
        .max(checked.status.unwrap_or(i64::MIN));
    for link in checked.predecessors.of(t) {
        let p = link.task as usize;
        match link.kind {
            LinkType::SS | LinkType::SF => by_start = by_start.max(early.start[p] + link.lag()),
            LinkType::FS | LinkType::FF => other = other.max(early.finish[p] + link.lag()),
        }
    }
    es > 0 && by_start == es && other < es
}

/// The longest-path rule: the unfinished tasks driving the unfinished tasks that finish
/// last. O(T + D).
fn mark_longest_path(checked: &Checked<'_>, schedule: &mut Schedule) {
    let open = |t: usize| !checked.is_complete(t);
    let Some(last) = (0..schedule.tasks.len())
        .filter(|&t| open(t))
        .map(|t| schedule.tasks[t].ef)
        .max()
    else {
        return;
    };
    let ends: Vec<usize> = (0..schedule.tasks.len())
        .filter(|&t| open(t) && schedule.tasks[t].ef == last)
        .collect();
    let on_path = crate::paths::driving_set(checked, schedule, &ends);
    for (t, (times, on)) in schedule.tasks.iter_mut().zip(on_path).enumerate() {
        times.critical = on && open(t);
    }
}

/// What the first pass of [`assemble`] finds.
struct Floats {
    /// Total float of every task.
    total: Vec<i64>,
    /// The range of offsets the dates are looked up in: both passes, one day wider
    /// (late dates can precede early ones, and a milestone shows the day before its offset).
    first: i64,
    last: i64,
    /// W101 and W102.
    warnings: Vec<Diagnostic>,
}

impl Floats {
    fn of(checked: &Checked<'_>, early: &Pass, late: &Pass) -> Floats {
        let mut floats = Floats {
            total: Vec::with_capacity(checked.tasks.len()),
            first: 0,
            last: 0,
            warnings: Vec::new(),
        };
        for (t, prepared) in checked.tasks.iter().enumerate() {
            let (es, ef) = (early.start[t], early.finish[t]);
            let (ls, lf) = (late.start[t], late.finish[t]);
            floats.first = floats.first.min(es.min(ls));
            floats.last = floats.last.max(ef.max(lf));
            floats
                .total
                .push(total_float(checked, t, prepared.duration, early, late));
            if prepared.must.is_some() || prepared.deadline.is_some() {
                floats
                    .warnings
                    .extend(constraint_warnings(checked, t, es, ef));
            }
        }
        floats.first -= 1;
        floats
    }
}

/// Late finish minus early finish in the task's working days (the task lasting
/// `duration`); zero once finished.
pub(crate) fn total_float(
    checked: &Checked<'_>,
    t: usize,
    duration: i64,
    early: &Pass,
    late: &Pass,
) -> i64 {
    if checked.is_complete(t) {
        return 0;
    }
    checked
        .span_for(t, duration)
        .working_days(early.finish[t], late.finish[t])
}

/// The least slack on any link to a successor, and before the program end: how far an
/// unfinished task can slip without delaying any successor or the program finish.
fn free_float(checked: &Checked<'_>, t: usize, early: &Pass, program_end: i64) -> i64 {
    let to_end = program_end - early.finish[t];
    checked.successors.of(t).iter().fold(to_end, |least, link| {
        let s = link.task as usize;
        let slack = match link.kind {
            LinkType::FS => early.start[s] - (early.finish[t] + link.lag()),
            LinkType::SS => early.start[s] - (early.start[t] + link.lag()),
            LinkType::FF => early.finish[s] - (early.finish[t] + link.lag()),
            LinkType::SF => early.finish[s] - (early.start[t] + link.lag()),
        };
        least.min(slack)
    })
}

/// A task's four dates.
struct Dates {
    start: NaiveDate,
    finish: NaiveDate,
    late_start: NaiveDate,
    late_finish: NaiveDate,
}

impl Dates {
    /// Early and late dates; late dates equal to early ones (every critical task's) are not
    /// looked up twice.
    fn of(
        timeline: &DateLookup<'_>,
        milestone: bool,
        es: i64,
        ef: i64,
        ls: i64,
        lf: i64,
    ) -> Option<Dates> {
        let (start, finish) = timeline.first_and_last(milestone, es, ef)?;
        let (late_start, late_finish) = if (ls, lf) == (es, ef) {
            (start, finish)
        } else {
            timeline.first_and_last(milestone, ls, lf)?
        };
        Some(Dates {
            start,
            finish,
            late_start,
            late_finish,
        })
    }
}

/// Dates of offsets: a table over the schedule's range when it is not much longer than
/// the task list (one calendar walk instead of a calendar search per date), else computed.
pub(crate) struct DateLookup<'a> {
    timeline: &'a Timeline,
    first: i64,
    table: Vec<NaiveDate>,
}

impl<'a> DateLookup<'a> {
    /// Dates of offsets from `first` to `last`: a table if the range is at most about four
    /// days per task.
    fn new(timeline: &'a Timeline, first: i64, last: i64, tasks: usize) -> Self {
        let affordable = (last - first) / 4 <= tasks as i64 + 64;
        let table = if affordable {
            timeline.dates(first, last).unwrap_or_default()
        } else {
            Vec::new()
        };
        DateLookup {
            timeline,
            first,
            table,
        }
    }

    /// Dates computed one by one (for a few tasks).
    pub(crate) fn computed(timeline: &'a Timeline) -> Self {
        DateLookup {
            timeline,
            first: 0,
            table: Vec::new(),
        }
    }

    /// The first and last day of a task occupying `[start, finish)`: the working day at
    /// `start` and the one before `finish`. A milestone is an instant at the end of the
    /// working day before its offset (or at the start of the program, at offset 0).
    // Always inlined: left out of line, the call cost 2 % of a 100,000-task layered
    // schedule's instructions (BENCHMARKS.md).
    #[inline(always)]
    fn first_and_last(
        &self,
        milestone: bool,
        start: i64,
        finish: i64,
    ) -> Option<(NaiveDate, NaiveDate)> {
        if milestone {
            let at = self.date_of(if start > 0 { start - 1 } else { start })?;
            Some((at, at))
        } else {
            Some((self.date_of(start)?, self.date_of(finish - 1)?))
        }
    }

    /// The date of offset `k`, or `None` outside the supported dates (1900 to 9999).
    #[inline]
    fn date_of(&self, k: i64) -> Option<NaiveDate> {
        let date = match usize::try_from(k - self.first)
            .ok()
            .and_then(|i| self.table.get(i))
        {
            Some(&date) => date,
            None => self.timeline.date_of(k)?,
        };
        (FIRST_DATE..=LAST_DATE).contains(&date).then_some(date)
    }
}

fn beyond_dates(checked: &Checked<'_>, t: usize) -> Diagnostic {
    let id = &checked.program().tasks[t].id;
    Diagnostic::new(
        Code::ScheduleOutOfRange,
        format!("tasks[{t}]"),
        vec![id.clone()],
        format!(
            "task '{id}' would be scheduled beyond the supported dates ({FIRST_DATE} to {LAST_DATE})"
        ),
    )
}

/// W101 if task `t` has a must-start/finish-on date the logic overrode; W102 if it misses
/// its deadline.
pub(crate) fn constraint_warnings(
    checked: &Checked<'_>,
    t: usize,
    es: i64,
    ef: i64,
) -> Vec<Diagnostic> {
    let prepared = &checked.tasks[t];
    let id = &checked.program().tasks[t].id;
    let mut warnings = Vec::new();
    if let Some((on_start, target)) = prepared.must {
        let actual = if on_start { es } else { ef };
        if actual != target {
            warnings.push(Diagnostic::new(
                Code::ConstraintNotMet,
                format!("tasks[{t}].constraint"),
                vec![id.clone()],
                format!(
                    "task '{id}' must {} on a date its predecessors do not allow; it is {} working days late",
                    if on_start { "start" } else { "finish" },
                    actual - target
                ),
            ));
        }
    }
    if let Some(deadline) = prepared.deadline
        && ef > deadline
    {
        warnings.push(Diagnostic::new(
            Code::DeadlineMissed,
            format!("tasks[{t}].deadline"),
            vec![id.clone()],
            format!(
                "task '{id}' finishes {} working days after its deadline",
                ef - deadline
            ),
        ));
    }
    warnings
}
