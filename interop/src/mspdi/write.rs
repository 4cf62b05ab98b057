//! MS Project XML (MSPDI) out: a program and its schedule as a file MS Project 2007 and
//! later open as they are — every element in the schema's order (each level is an
//! `xsd:sequence`, and MS Project drops an element out of order without a word), checked
//! against the Project 2007 schema by the tests.
//!
//! The XML is written by `quick-xml`'s `Writer`, which escapes text (`&`, `<`, `>`, quotes,
//! carriage returns); characters XML 1.0 cannot carry at all (other control characters) are
//! written as spaces.
//!
//! The project's own elements and its calendars are written here; the task rows in `tasks`,
//! the resources and their assignments in `resources`.

mod resources;
mod tasks;

use std::fmt::Display;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use engine::{Calendar, CriticalPath, Program, Schedule};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::layout::Layout;
use tasks::Rows;

const NAMESPACE: &str = "http://schemas.microsoft.com/project";
/// MS Project's field id of Text1, where a renumbered task's Planwork id is kept.
const TEXT1_FIELD_ID: &str = "188743731";
/// Working minutes in a day: 08:00–12:00 and 13:00–17:00.
const MINUTES_PER_DAY: i64 = 480;
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
/// workstream that has top-level tasks (outline level 1) with those tasks under it (level
/// 2), which is how [`import_mspdi`](super::import_mspdi) reads workstreams back; the
/// outline under it: a summary task as an MS Project summary task (its start, finish and
/// duration spanning its tasks', its deadline and its links as they are), followed by the
/// tasks under it one level deeper, in the program's order; each task's duration
/// in days (8 h a day), milestone flag, constraint (start constraints at 08:00, finish ones
/// at 17:00), deadline (17:00), percent complete (rounded to a whole percent: the schema's
/// is a whole number), actual start (08:00) and finish (17:00), its scheduled start (08:00;
/// a milestone's at 17:00 of its day) and finish (17:00), and its links (type, lag in days);
/// a workstream whose own calendar changes its tasks' working days as a base calendar of
/// its own (its weekdays that are also the program's, both calendars' holidays), set as its
/// tasks' calendar; each task's leveling priority; each resource as a work resource (its
/// name, its capacity as max units, its availability periods as MS Project's availability
/// table, and a resource calendar derived from "Standard": its own working weekdays and
/// holidays when it has a calendar of its own); each demand as an assignment (its units,
/// the task's dates, and the work: working days × units × 8 h).
///
/// Task UIDs: the tasks' ids when every id is a whole number from 1 to 999,999,999 written
/// plainly (`7`, not `07`); else the tasks are numbered 1..n in the program's order and
/// each one's Planwork id is written to Text1 (named "Planwork ID"). The summary rows are
/// numbered after the tasks. Resource UIDs: `n` of ids `R<n>` (as the import makes them)
/// when every resource's id is one, else 1..n in the program's order (a resource's id is
/// not written: it comes back as `R<UID>`).
///
/// Not written: the workstream of a task under a summary task when it differs from its
/// top-level task's (the task comes back in that one's), workstreams without top-level
/// tasks, workstream colours, estimates and risks, the
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
    calendars(&mut out, program, &layout);
    Rows::new(program, schedule, &layout).write(&mut out);
    resources::resources(&mut out, program, &layout);
    resources::assignments(&mut out, program, schedule, &layout);
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

fn calendars(out: &mut Out, program: &Program, layout: &Layout) {
    out.open("Calendars");
    calendar(out, 1, "Standard", &layout.calendar);
    for team in &layout.team_calendars {
        calendar(out, team.uid, &team.name, &team.calendar);
    }
    resources::calendars(out, program, layout);
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
    week_days(out, calendar);
    exceptions(out, &calendar.holidays);
    out.close("Calendar");
}

/// The seven week days of `calendar`, Sunday first.
fn week_days(out: &mut Out, calendar: &Calendar) {
    out.open("WeekDays");
    for (day_type, weekday) in (1..).zip(SUNDAY_FIRST) {
        week_day(out, day_type, calendar.workdays.contains(&weekday));
    }
    out.close("WeekDays");
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
}
