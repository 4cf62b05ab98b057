//! The post-check: float, the critical path, dates and warnings.

use super::{Pass, Schedule, TaskSchedule};
use crate::check::Checked;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::LinkType;
use crate::timeline::Timeline;
use chrono::NaiveDate;

pub(crate) fn assemble(
    checked: &Checked<'_>,
    early: &Pass,
    late: &Pass,
    program_end: i64,
    finish_offset: i64,
) -> Result<Schedule, Diagnostics> {
    let n = checked.tasks.len();
    let total: Vec<i64> = (0..n)
        .map(|t| total_float(checked, t, checked.tasks[t].duration, early, late))
        .collect();
    let least = (0..n)
        .filter(|&t| !checked.is_complete(t))
        .map(|t| total[t])
        .min();
    let mut out_of_range = Vec::new();
    let mut tasks = Vec::with_capacity(n);
    let lookup = DateLookup::new(&checked.timeline, early, late);
    for (t, &total_float) in total.iter().enumerate() {
        let milestone = checked.tasks[t].duration == 0;
        let dates = Dates::of(
            &lookup,
            milestone,
            early.start[t],
            early.finish[t],
            late.start[t],
            late.finish[t],
        );
        let Some(dates) = dates else {
            out_of_range.push(t);
            continue;
        };
        tasks.push(TaskSchedule {
            es: early.start[t],
            ef: early.finish[t],
            ls: late.start[t],
            lf: late.finish[t],
            total_float,
            free_float: free_float(checked, t, early, program_end),
            critical: !checked.is_complete(t) && Some(total_float) == least,
            start: dates.start,
            finish: dates.finish,
            late_start: dates.late_start,
            late_finish: dates.late_finish,
        });
    }
    if !out_of_range.is_empty() {
        return Err(Diagnostics(
            out_of_range
                .into_iter()
                .map(|t| beyond_dates(checked, t))
                .collect(),
        ));
    }
    let program = checked.program();
    let start = tasks
        .iter()
        .map(|t| t.start)
        .min()
        .unwrap_or(program.program.start);
    let finish = tasks.iter().map(|t| t.finish).max().unwrap_or(start);
    let mut warnings = checked.warnings.clone();
    warnings.extend(constraint_warnings(checked, &tasks));
    Ok(Schedule {
        tasks,
        start,
        finish,
        finish_offset,
        warnings,
    })
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

/// The least slack on any link to a successor, and before the program end: how far the
/// task can slip without delaying any successor or the program finish.
fn free_float(checked: &Checked<'_>, t: usize, early: &Pass, program_end: i64) -> i64 {
    if checked.is_complete(t) {
        return 0;
    }
    let to_end = program_end - early.finish[t];
    checked.successors.of(t).iter().fold(to_end, |least, link| {
        let s = link.task as usize;
        let slack = match link.kind {
            LinkType::FS => early.start[s] - (early.finish[t] + link.lag),
            LinkType::SS => early.start[s] - (early.start[t] + link.lag),
            LinkType::FF => early.finish[s] - (early.finish[t] + link.lag),
            LinkType::SF => early.finish[s] - (early.start[t] + link.lag),
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
    /// Dates of offsets: a task's start is the working day at its start offset, its finish
    /// the working day before its finish offset. A milestone is an instant at the end of
    /// the working day before its offset (or at the start of the program, at offset 0).
    fn of(
        timeline: &DateLookup<'_>,
        milestone: bool,
        es: i64,
        ef: i64,
        ls: i64,
        lf: i64,
    ) -> Option<Dates> {
        let instant = |k: i64| timeline.date_of(if k > 0 { k - 1 } else { k });
        if milestone {
            let (early, late) = (instant(es)?, instant(ls)?);
            return Some(Dates {
                start: early,
                finish: early,
                late_start: late,
                late_finish: late,
            });
        }
        Some(Dates {
            start: timeline.date_of(es)?,
            finish: timeline.date_of(ef - 1)?,
            late_start: timeline.date_of(ls)?,
            late_finish: timeline.date_of(lf - 1)?,
        })
    }
}

/// Dates of offsets: a table over the schedule's range when it is not much longer than
/// the task list (one calendar walk instead of a calendar search per date), else computed.
struct DateLookup<'a> {
    timeline: &'a Timeline,
    first: i64,
    table: Vec<NaiveDate>,
}

impl<'a> DateLookup<'a> {
    fn new(timeline: &'a Timeline, early: &Pass, late: &Pass) -> Self {
        // Late dates can precede early ones (negative float), and milestones show the day
        // before their offset: the range covers both passes, one day wider.
        let (mut first, mut last) = (0, 0);
        for pass in [early, late] {
            for (&start, &finish) in pass.start.iter().zip(&pass.finish) {
                first = first.min(start);
                last = last.max(finish);
            }
        }
        let first = first - 1;
        let affordable = (last - first) / 4 <= early.start.len() as i64 + 64;
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

    fn date_of(&self, k: i64) -> Option<NaiveDate> {
        match usize::try_from(k - self.first)
            .ok()
            .and_then(|i| self.table.get(i))
        {
            Some(&date) => Some(date),
            None => self.timeline.date_of(k),
        }
    }
}

fn beyond_dates(checked: &Checked<'_>, t: usize) -> Diagnostic {
    let id = &checked.program().tasks[t].id;
    Diagnostic::new(
        Code::ScheduleOutOfRange,
        format!("tasks[{t}]"),
        vec![id.clone()],
        format!("task '{id}' would be scheduled beyond the dates that can be represented"),
    )
}

/// W101 for must-start/finish-on dates the logic overrode; W102 for missed deadlines.
fn constraint_warnings(checked: &Checked<'_>, tasks: &[TaskSchedule]) -> Vec<Diagnostic> {
    let program = checked.program();
    let mut warnings = Vec::new();
    for (t, (prepared, times)) in checked.tasks.iter().zip(tasks).enumerate() {
        let id = &program.tasks[t].id;
        if let Some((on_start, target)) = prepared.must {
            let actual = if on_start { times.es } else { times.ef };
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
            && times.ef > deadline
        {
            warnings.push(Diagnostic::new(
                Code::DeadlineMissed,
                format!("tasks[{t}].deadline"),
                vec![id.clone()],
                format!(
                    "task '{id}' finishes {} working days after its deadline",
                    times.ef - deadline
                ),
            ));
        }
    }
    warnings
}
