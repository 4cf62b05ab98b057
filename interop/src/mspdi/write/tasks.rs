//! MSPDI out: the `Tasks` element — the project's summary row, a summary row per workstream
//! and its tasks under it (a summary task as an MS Project summary task, the tasks under it
//! after it, one level deeper), each task with its priority, dates, progress, constraint,
//! calendar and links, in the schema's order.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use engine::calendar::{WorkCalendar, day_number};
use engine::{ConstraintKind, Dependency, LinkType, Program, Schedule, Task, TaskSchedule};

use super::{
    FORMAT_DAYS, MAX_NAME, MAX_TEXT_FIELD, MINUTES_PER_DAY, Out, TEXT1_FIELD_ID, clean, finish_of,
    start_of,
};
use crate::mspdi::layout::{Group, Layout};
use crate::outline::Placed;

/// Tenths of a minute in a working day (the unit of `LinkLag`).
const LAG_TENTHS_PER_DAY: i64 = MINUTES_PER_DAY * 10;

/// The task rows: the project's own summary row (UID 0), then each workstream's summary
/// row with its tasks.
pub(super) struct Rows<'a> {
    program: &'a Program,
    schedule: &'a Schedule,
    layout: &'a Layout,
    /// Each task's links from its predecessors (task indices), by task index.
    predecessors: Vec<Vec<(usize, &'a Dependency)>>,
    working_days: WorkCalendar,
    /// The next row's ID (MS Project's row number).
    row: i64,
}

impl<'a> Rows<'a> {
    pub(super) fn new(
        program: &'a Program,
        schedule: &'a Schedule,
        layout: &'a Layout,
    ) -> Rows<'a> {
        let calendar = &layout.calendar;
        Rows {
            program,
            schedule,
            layout,
            predecessors: predecessors(program),
            working_days: WorkCalendar::new(&calendar.workdays, &calendar.holidays),
            row: 0,
        }
    }

    pub(super) fn write(mut self, out: &mut Out) {
        out.open("Tasks");
        self.project_row(out);
        for (number, group) in (1..).zip(&self.layout.groups) {
            self.summary_row(out, group, number);
            for (at, placed) in group.rows.iter().enumerate() {
                let under = group.rows.get(at + 1..placed.end).unwrap_or_default();
                self.task_row(out, placed, number, under);
            }
        }
        out.close("Tasks");
    }

    fn project_row(&mut self, out: &mut Out) {
        let all: Vec<usize> = (0..self.program.tasks.len()).collect();
        let all = self.work(&all);
        let name = clean(&self.program.program.name, MAX_NAME);
        self.summary(out, 0, &name, "0", 0, &all);
    }

    fn summary_row(&mut self, out: &mut Out, group: &Group, number: i64) {
        let name = clean(&group.name, MAX_NAME);
        let tasks: Vec<usize> = group.rows.iter().map(|p| p.index).collect();
        let tasks = self.work(&tasks);
        self.summary(out, group.uid, &name, &number.to_string(), 1, &tasks);
    }

    /// The tasks of `tasks` that are no summaries: a summary's dates are its tasks'.
    fn work(&self, tasks: &[usize]) -> Vec<usize> {
        let program = self.program;
        let is_work = |i: &&usize| program.tasks.get(**i).is_some_and(|t| !t.summary);
        tasks.iter().filter(is_work).copied().collect()
    }

    /// A summary row over `tasks`: it spans them (MS Project computes summaries again).
    fn summary(
        &mut self,
        out: &mut Out,
        uid: i64,
        name: &str,
        outline: &str,
        level: i64,
        tasks: &[usize],
    ) {
        self.row_start(out, uid, name, outline, level);
        let span = self.span(tasks);
        if let Some((start, finish)) = span {
            out.date("Start", start);
            out.date("Finish", finish);
        }
        let days = span.map_or(0, |(start, finish)| self.working_days_in(start, finish));
        out.text("Duration", duration(days));
        out.text("DurationFormat", FORMAT_DAYS);
        out.text("Estimated", 0);
        out.text("Milestone", 0);
        out.text("Summary", 1);
        out.close("Task");
    }

    /// Task `placed`'s row under the workstream's row `group`; with rows `under` it, a
    /// summary task's: its dates and duration spanning theirs, and no calendar.
    fn task_row(&mut self, out: &mut Out, placed: &Placed, group: i64, under: &[Placed]) {
        let index = placed.index;
        let task = &self.program.tasks[index];
        let uid = self.layout.uids[index];
        let outline = format!("{group}.{}", placed.number());
        let name = clean(&task.name, MAX_NAME);
        // The workstream's row is at level 1.
        let level = placed.path.len() as i64 + 1;
        self.row_start(out, uid, &name, &outline, level);
        if let Some(priority) = task.priority {
            out.text("Priority", priority);
        }
        let summary = !under.is_empty();
        let milestone = task.is_milestone() && !summary;
        let days = if summary {
            let tasks: Vec<usize> = under.iter().map(|p| p.index).collect();
            let span = self.span(&self.work(&tasks));
            if let Some((start, finish)) = span {
                out.date("Start", start);
                out.date("Finish", finish);
            }
            span.map_or(0, |(start, finish)| self.working_days_in(start, finish))
        } else {
            if let Some(times) = self.schedule.tasks.get(index) {
                out.date("Start", task_start(task, times));
                out.date("Finish", finish_of(times.finish));
            }
            if milestone { 0 } else { task.duration }
        };
        out.text("Duration", duration(days));
        out.text("DurationFormat", FORMAT_DAYS);
        out.text("Estimated", 0);
        out.text("Milestone", u8::from(milestone));
        out.text("Summary", u8::from(summary));
        progress(out, task);
        self.constraint_and_calendar(out, index, !summary);
        for &(from, link) in &self.predecessors[index] {
            predecessor_link(out, self.layout.uids[from], link);
        }
        if self.layout.renumbered {
            out.open("ExtendedAttribute");
            out.text("FieldID", TEXT1_FIELD_ID);
            out.text("Value", clean(&task.id, MAX_TEXT_FIELD));
            out.close("ExtendedAttribute");
        }
        out.close("Task");
    }

    /// A row's first elements: UID to OutlineLevel.
    fn row_start(&mut self, out: &mut Out, uid: i64, name: &str, outline: &str, level: i64) {
        out.open("Task");
        out.text("UID", uid);
        out.text("ID", self.row);
        self.row += 1;
        out.text("Name", name);
        // Fixed duration.
        out.text("Type", 1);
        out.text("IsNull", 0);
        out.text("OutlineNumber", outline);
        out.text("OutlineLevel", level);
    }

    /// ConstraintType, CalendarUID (`with_calendar`: a summary's would change nothing),
    /// ConstraintDate and Deadline: the schema puts the task's calendar between the
    /// constraint's type and date.
    fn constraint_and_calendar(&self, out: &mut Out, index: usize, with_calendar: bool) {
        let task = &self.program.tasks[index];
        let (code, date) = constraint(task);
        out.text("ConstraintType", code);
        if let Some(uid) = self.layout.task_calendar[index].filter(|_| with_calendar) {
            out.text("CalendarUID", uid);
        }
        if let Some(date) = date {
            out.date("ConstraintDate", date);
        }
        if let Some(deadline) = task.deadline {
            out.date("Deadline", finish_of(deadline));
        }
    }

    /// The first start and last finish of `tasks`, if any is scheduled.
    fn span(&self, tasks: &[usize]) -> Option<(NaiveDateTime, NaiveDateTime)> {
        let times = tasks.iter().filter_map(|&i| {
            let task = self.program.tasks.get(i)?;
            let times = self.schedule.tasks.get(i)?;
            Some((task_start(task, times), finish_of(times.finish)))
        });
        times.reduce(|(s1, f1), (s2, f2)| (s1.min(s2), f1.max(f2)))
    }

    /// Working days of the program calendar from `start` to `finish`: none when the span
    /// starts at a day's end (milestones only).
    fn working_days_in(&self, start: NaiveDateTime, finish: NaiveDateTime) -> i64 {
        if start >= finish {
            return 0;
        }
        let from = day_number(start.date());
        let to = day_number(finish.date()) + 1;
        (self.working_days.ordinal(to) - self.working_days.ordinal(from)).max(0)
    }
}

/// Each task's incoming links (predecessor index, link), in the program's order; links to
/// or from an unknown id are left out.
fn predecessors(program: &Program) -> Vec<Vec<(usize, &Dependency)>> {
    let index: HashMap<&str, usize> = program
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut out = vec![Vec::new(); program.tasks.len()];
    for link in &program.dependencies {
        if let (Some(&from), Some(&to)) =
            (index.get(link.from.as_str()), index.get(link.to.as_str()))
        {
            out[to].push((from, link));
        }
    }
    out
}

fn progress(out: &mut Out, task: &Task) {
    out.text(
        "PercentComplete",
        task.percent_complete.clamp(0.0, 100.0).round() as i64,
    );
    if let Some(start) = task.actual_start {
        out.date("ActualStart", start_of(start));
    }
    if let Some(finish) = task.actual_finish {
        out.date("ActualFinish", finish_of(finish));
    }
}

/// MS Project's constraint type, and its date: a start constraint's at the start of the
/// day, a finish constraint's at its end.
fn constraint(task: &Task) -> (i64, Option<NaiveDateTime>) {
    let Some(constraint) = &task.constraint else {
        return (0, None);
    };
    let (code, on_finish) = match constraint.kind {
        ConstraintKind::ASAP => return (0, None),
        ConstraintKind::ALAP => return (1, None),
        ConstraintKind::MSO => (2, false),
        ConstraintKind::MFO => (3, true),
        ConstraintKind::SNET => (4, false),
        ConstraintKind::SNLT => (5, false),
        ConstraintKind::FNET => (6, true),
        ConstraintKind::FNLT => (7, true),
    };
    let date = constraint
        .date
        .map(|d| if on_finish { finish_of(d) } else { start_of(d) });
    // A dated kind without its date (refused by the checks) is as soon as possible.
    match date {
        Some(date) => (code, Some(date)),
        None => (0, None),
    }
}

fn predecessor_link(out: &mut Out, predecessor_uid: i64, link: &Dependency) {
    out.open("PredecessorLink");
    out.text("PredecessorUID", predecessor_uid);
    out.text("Type", link_type(link.kind));
    out.text("CrossProject", 0);
    out.text("LinkLag", link.lag.saturating_mul(LAG_TENTHS_PER_DAY));
    out.text("LagFormat", FORMAT_DAYS);
    out.close("PredecessorLink");
}

fn link_type(kind: LinkType) -> i64 {
    match kind {
        LinkType::FF => 0,
        LinkType::FS => 1,
        LinkType::SF => 2,
        LinkType::SS => 3,
    }
}

/// `PT40H0M0S`: working days of 8 hours.
fn duration(days: i64) -> String {
    format!(
        "PT{}H0M0S",
        days.max(0).saturating_mul(MINUTES_PER_DAY / 60)
    )
}

/// A task's scheduled start: the start of its first day; a milestone's, the end of its day.
pub(super) fn task_start(task: &Task, times: &TaskSchedule) -> NaiveDateTime {
    if task.is_milestone() {
        finish_of(times.finish)
    } else {
        start_of(times.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_eight_hour_days() {
        assert_eq!(duration(5), "PT40H0M0S");
        assert_eq!(duration(0), "PT0H0M0S");
    }
}
