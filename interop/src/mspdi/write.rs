//! MS Project XML (MSPDI) out: a program and its schedule as a file MS Project 2007 and
//! later open as they are — every element in the schema's order (each level is an
//! `xsd:sequence`, and MS Project drops an element out of order without a word), checked
//! against the Project 2007 schema by the tests.
//!
//! The XML is written by `quick-xml`'s `Writer`, which escapes text (`&`, `<`, `>`, quotes,
//! carriage returns); characters XML 1.0 cannot carry at all (other control characters) are
//! written as spaces.

use std::collections::HashMap;
use std::fmt::Display;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use engine::calendar::{WorkCalendar, day_number};
use engine::{
    Calendar, ConstraintKind, CriticalPath, Dependency, LinkType, Program, Schedule, Task,
    TaskSchedule,
};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::layout::{Group, Layout};

const NAMESPACE: &str = "http://schemas.microsoft.com/project";
/// MS Project's field id of Text1, where a renumbered task's Planwork id is kept.
const TEXT1_FIELD_ID: &str = "188743731";
/// Working minutes in a day: 08:00–12:00 and 13:00–17:00.
const MINUTES_PER_DAY: i64 = 480;
/// Tenths of a minute in a working day (the unit of `LinkLag`).
const LAG_TENTHS_PER_DAY: i64 = MINUTES_PER_DAY * 10;
/// Duration and lag format 7: days.
const FORMAT_DAYS: i64 = 7;
/// The longest texts the schema allows.
const MAX_PROJECT_NAME: usize = 255;
const MAX_NAME: usize = 512;
const MAX_TEXT_FIELD: usize = 255;

/// `program` and its `schedule` (the program's own schedule, task by task) as an MSPDI file
/// (`SaveVersion` 12, Project 2007). O(T + D + H).
///
/// What is written: the project's name, start (08:00), status date (08:00: the work before
/// it is history) and critical-float limit; the program calendar as the base calendar
/// "Standard" (UID 1: working weekdays 08:00–12:00 and 13:00–17:00, holidays on working
/// weekdays as non-working exceptions, consecutive days as one); a summary row per
/// workstream that has tasks (outline level 1) with its tasks under it (level 2), which is
/// how [`import_mspdi`](super::import_mspdi) reads workstreams back; each task's duration
/// in days (8 h a day), milestone flag, constraint (start constraints at 08:00, finish ones
/// at 17:00), deadline (17:00), percent complete (rounded to a whole percent: the schema's
/// is a whole number), actual start (08:00) and finish (17:00), its scheduled start (08:00;
/// a milestone's at 17:00 of its day) and finish (17:00), and its links (type, lag in days);
/// a workstream whose own calendar changes its tasks' working days as a base calendar of
/// its own (its weekdays that are also the program's, both calendars' holidays), set as its
/// tasks' calendar.
///
/// Task UIDs: the tasks' ids when every id is a whole number from 1 to 999,999,999 written
/// plainly (`7`, not `07`); else the tasks are numbered 1..n in the program's order and
/// each one's Planwork id is written to Text1 (named "Planwork ID"). The summary rows are
/// numbered after the tasks.
///
/// Not written: workstreams without tasks, workstream colours, estimates and risks, the
/// program's committed finish (`finish_by`), the longest-path critical rule (the limit is
/// then 0), and holidays on days off (they change nothing).
///
/// ```
/// let doc = planfile::read(r#"{"program": {"name": "Apollo", "start": "2026-01-05"},
///   "workstreams": [{"id": "w", "name": "Build"}],
///   "tasks": [{"id": "1", "name": "Design", "workstream": "w", "duration": 5},
///             {"id": "2", "name": "Launch", "workstream": "w", "duration": 0}],
///   "dependencies": [{"from": "1", "to": "2", "lag": 2}]}"#).unwrap();
/// let checked = engine::check(&doc.program).unwrap();
/// let schedule = engine::schedule_checked(&checked).unwrap();
/// let xml = interop::mspdi::export_mspdi(&doc.program, &schedule);
/// assert!(xml.contains("<Name>Design</Name>"));
/// assert!(xml.contains("<LinkLag>9600</LinkLag>"));
/// let back = interop::mspdi::import_mspdi(&xml).unwrap().program;
/// assert_eq!(back.tasks[1].name, "Launch");
/// assert_eq!(back.dependencies[0].lag, 2);
/// ```
pub fn export_mspdi(program: &Program, schedule: &Schedule) -> String {
    let layout = Layout::of(program);
    let mut out = Out::new();
    out.declaration();
    out.write(Event::Start(
        BytesStart::new("Project").with_attributes([("xmlns", NAMESPACE)]),
    ));
    header(&mut out, program, schedule, &layout);
    if layout.renumbered {
        planwork_id_field(&mut out);
    }
    calendars(&mut out, &layout);
    Rows::new(program, schedule, &layout).write(&mut out);
    out.close("Project");
    out.finish()
}

/// The project's own elements, in the schema's order.
fn header(out: &mut Out, program: &Program, schedule: &Schedule, layout: &Layout) {
    let info = &program.program;
    out.text("SaveVersion", 12);
    out.text("Name", clean(&info.name, MAX_PROJECT_NAME));
    out.text("Title", clean(&info.name, MAX_NAME));
    out.text("ScheduleFromStart", 1);
    out.date("StartDate", start_of(info.start));
    out.date("FinishDate", finish_of(schedule.finish.max(info.start)));
    out.text(
        "CriticalSlackLimit",
        critical_slack_limit(info.critical_path),
    );
    // Required by the schema; Planwork has no costs.
    out.text("CurrencyCode", "USD");
    out.text("CalendarUID", 1);
    out.text("DefaultStartTime", "08:00:00");
    out.text("DefaultFinishTime", "17:00:00");
    out.text("MinutesPerDay", MINUTES_PER_DAY);
    let days_per_week = layout.calendar.workdays.len() as i64;
    out.text("MinutesPerWeek", MINUTES_PER_DAY * days_per_week);
    out.text("DaysPerMonth", 20);
    // Fixed duration: Planwork's durations are entered, not derived from work.
    out.text("DefaultTaskType", 1);
    out.text("DurationFormat", FORMAT_DAYS);
    if let Some(status) = info.status_date {
        out.date("StatusDate", start_of(status));
    }
}

fn critical_slack_limit(rule: CriticalPath) -> i64 {
    match rule {
        CriticalPath::TotalFloat { max_days } => max_days,
        CriticalPath::LongestPath => 0,
    }
}

/// Text1, named "Planwork ID": where each renumbered task keeps its Planwork id.
fn planwork_id_field(out: &mut Out) {
    out.open("ExtendedAttributes");
    out.open("ExtendedAttribute");
    out.text("FieldID", TEXT1_FIELD_ID);
    out.text("FieldName", "Text1");
    out.text("Alias", "Planwork ID");
    out.close("ExtendedAttribute");
    out.close("ExtendedAttributes");
}

fn calendars(out: &mut Out, layout: &Layout) {
    out.open("Calendars");
    calendar(out, 1, "Standard", &layout.calendar);
    for team in &layout.team_calendars {
        calendar(out, team.uid, &team.name, &team.calendar);
    }
    out.close("Calendars");
}

/// A base calendar: its seven week days, then its holidays as exceptions (the Project 2007
/// form, which this schema version has and MS Project 2007 and later read).
fn calendar(out: &mut Out, uid: i64, name: &str, calendar: &Calendar) {
    out.open("Calendar");
    out.text("UID", uid);
    out.text("Name", clean(name, MAX_NAME));
    out.text("IsBaseCalendar", 1);
    out.text("BaseCalendarUID", -1);
    out.open("WeekDays");
    for (day_type, weekday) in (1..).zip(SUNDAY_FIRST) {
        week_day(out, day_type, calendar.workdays.contains(&weekday));
    }
    out.close("WeekDays");
    exceptions(out, &calendar.holidays);
    out.close("Calendar");
}

/// MSPDI's day types 1–7.
const SUNDAY_FIRST: [Weekday; 7] = [
    Weekday::Sun,
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
];

fn week_day(out: &mut Out, day_type: i64, working: bool) {
    out.open("WeekDay");
    out.text("DayType", day_type);
    out.text("DayWorking", u8::from(working));
    if working {
        out.open("WorkingTimes");
        for (from, to) in [("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")] {
            out.open("WorkingTime");
            out.text("FromTime", from);
            out.text("ToTime", to);
            out.close("WorkingTime");
        }
        out.close("WorkingTimes");
    }
    out.close("WeekDay");
}

/// The holidays (sorted: MS Project ignores exceptions out of date order), each run of
/// consecutive days as one non-working exception.
fn exceptions(out: &mut Out, holidays: &[NaiveDate]) {
    let runs = runs_of_days(holidays);
    if runs.is_empty() {
        return;
    }
    out.open("Exceptions");
    for (from, to) in runs {
        out.open("Exception");
        out.text("EnteredByOccurrences", 0);
        out.open("TimePeriod");
        out.date("FromDate", at(from, 0, 0));
        out.date("ToDate", at(to, 23, 59));
        out.close("TimePeriod");
        out.text("Occurrences", 1);
        out.text("Name", "Holiday");
        out.text("Type", 1);
        out.text("DayWorking", 0);
        out.close("Exception");
    }
    out.close("Exceptions");
}

/// Sorted days as runs of consecutive days, first and last.
fn runs_of_days(days: &[NaiveDate]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut runs: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for &day in days {
        match runs.last_mut() {
            Some((_, last)) if last.succ_opt() == Some(day) => *last = day,
            Some((_, last)) if *last == day => {}
            _ => runs.push((day, day)),
        }
    }
    runs
}

/// The task rows: the project's own summary row (UID 0), then each workstream's summary
/// row with its tasks.
struct Rows<'a> {
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
    fn new(program: &'a Program, schedule: &'a Schedule, layout: &'a Layout) -> Rows<'a> {
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

    fn write(mut self, out: &mut Out) {
        out.open("Tasks");
        self.project_row(out);
        for (number, group) in (1..).zip(&self.layout.groups) {
            self.summary_row(out, group, number);
            for (place, &index) in (1..).zip(&group.tasks) {
                self.task_row(out, index, &format!("{number}.{place}"));
            }
        }
        out.close("Tasks");
    }

    fn project_row(&mut self, out: &mut Out) {
        let all: Vec<usize> = (0..self.program.tasks.len()).collect();
        let name = clean(&self.program.program.name, MAX_NAME);
        self.summary(out, 0, &name, "0", 0, &all);
    }

    fn summary_row(&mut self, out: &mut Out, group: &Group, number: i64) {
        let name = clean(&group.name, MAX_NAME);
        self.summary(out, group.uid, &name, &number.to_string(), 1, &group.tasks);
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

    fn task_row(&mut self, out: &mut Out, index: usize, outline: &str) {
        let task = &self.program.tasks[index];
        let uid = self.layout.uids[index];
        self.row_start(out, uid, &clean(&task.name, MAX_NAME), outline, 2);
        if let Some(times) = self.schedule.tasks.get(index) {
            out.date("Start", task_start(task, times));
            out.date("Finish", finish_of(times.finish));
        }
        let milestone = task.is_milestone();
        out.text(
            "Duration",
            duration(if milestone { 0 } else { task.duration }),
        );
        out.text("DurationFormat", FORMAT_DAYS);
        out.text("Estimated", 0);
        out.text("Milestone", u8::from(milestone));
        out.text("Summary", 0);
        progress(out, task);
        self.constraint_and_calendar(out, index);
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

    /// ConstraintType, CalendarUID, ConstraintDate and Deadline: the schema puts the task's
    /// calendar between the constraint's type and date.
    fn constraint_and_calendar(&self, out: &mut Out, index: usize) {
        let task = &self.program.tasks[index];
        let (code, date) = constraint(task);
        out.text("ConstraintType", code);
        if let Some(uid) = self.layout.task_calendar[index] {
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
fn task_start(task: &Task, times: &TaskSchedule) -> NaiveDateTime {
    if task.is_milestone() {
        finish_of(times.finish)
    } else {
        start_of(times.start)
    }
}

/// 08:00 on `day`.
fn start_of(day: NaiveDate) -> NaiveDateTime {
    at(day, 8, 0)
}

/// 17:00 on `day`.
fn finish_of(day: NaiveDate) -> NaiveDateTime {
    at(day, 17, 0)
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default())
}

/// `text` as XML 1.0 can carry it (a control character other than tab, line feed and
/// carriage return becomes a space), cut to `max` characters.
fn clean(text: &str, max: usize) -> String {
    text.chars()
        .map(|c| {
            let allowed = !c.is_control() || matches!(c, '\t' | '\n' | '\r');
            if allowed && c != '\u{fffe}' && c != '\u{ffff}' {
                c
            } else {
                ' '
            }
        })
        .take(max)
        .collect()
}

/// The XML being written, into memory.
struct Out(Writer<Vec<u8>>);

impl Out {
    fn new() -> Out {
        Out(Writer::new_with_indent(Vec::new(), b' ', 2))
    }

    fn declaration(&mut self) {
        self.write(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
    }

    fn open(&mut self, name: &str) {
        self.write(Event::Start(BytesStart::new(name)));
    }

    fn close(&mut self, name: &str) {
        self.write(Event::End(BytesEnd::new(name)));
    }

    /// `<name>value</name>`, the value escaped.
    fn text(&mut self, name: &str, value: impl Display) {
        let value = value.to_string();
        self.open(name);
        self.write(Event::Text(BytesText::new(&value)));
        self.close(name);
    }

    /// `<name>2026-01-05T08:00:00</name>`.
    fn date(&mut self, name: &str, at: NaiveDateTime) {
        self.text(name, at.format("%Y-%m-%dT%H:%M:%S"));
    }

    fn write(&mut self, event: Event) {
        // Writing into memory cannot fail.
        let _ = self.0.write_event(event);
    }

    fn finish(self) -> String {
        let mut bytes = self.0.into_inner();
        bytes.push(b'\n');
        // Every piece written was a `str`.
        String::from_utf8(bytes).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    #[test]
    fn consecutive_holidays_are_one_exception() {
        let days = [
            day("2026-12-24"),
            day("2026-12-25"),
            day("2026-12-28"),
            day("2026-12-28"),
        ];
        assert_eq!(
            runs_of_days(&days),
            [
                (day("2026-12-24"), day("2026-12-25")),
                (day("2026-12-28"), day("2026-12-28"))
            ]
        );
    }

    #[test]
    fn texts_xml_cannot_carry_become_spaces() {
        assert_eq!(clean("a\u{1}b\tc\nd", 100), "a b\tc\nd");
        assert_eq!(clean("abcdef", 3), "abc");
    }

    #[test]
    fn durations_are_eight_hour_days() {
        assert_eq!(duration(5), "PT40H0M0S");
        assert_eq!(duration(0), "PT0H0M0S");
    }
}
