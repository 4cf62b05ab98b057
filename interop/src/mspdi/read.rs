//! The MSPDI file read into plain structs: the project's header, its calendars, its tasks
//! with their links, its resources and assignments (in `resources`), as the file states
//! them (nothing converted yet). Elements Planwork does not use are skipped; an element it
//! uses with text it cannot read is an error naming the element and the task or resource.

mod resources;

use chrono::{NaiveDate, NaiveDateTime};
use roxmltree::Node;

pub(crate) use resources::{RawAssignment, RawAvailability, RawResource};

/// The project, as stated.
#[derive(Debug, Default)]
pub(crate) struct RawProject {
    pub name: Option<String>,
    pub title: Option<String>,
    pub start: Option<NaiveDateTime>,
    pub status: Option<NaiveDateTime>,
    pub schedule_from_start: bool,
    pub minutes_per_day: i64,
    /// Days of total slack at or under which a task is critical.
    pub critical_slack_limit: Option<i64>,
    pub calendar_uid: Option<i64>,
    pub calendars: Vec<RawCalendar>,
    pub tasks: Vec<RawTask>,
    pub resources: Vec<RawResource>,
    pub assignments: Vec<RawAssignment>,
}

#[derive(Debug, Default)]
pub(crate) struct RawCalendar {
    pub uid: i64,
    pub name: String,
    pub base_uid: Option<i64>,
    pub weekdays: Vec<RawWeekDay>,
    pub exceptions: Vec<RawException>,
}

/// A `WeekDay`: day type 1–7 (Sunday–Saturday) or 0 (an exception over `from..=to`, the
/// form of Project 2003 and earlier).
#[derive(Debug, Default)]
pub(crate) struct RawWeekDay {
    pub day_type: i64,
    pub working: bool,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
}

/// An `Exception` of Project 2007 and later: a period, working or not, maybe recurring.
#[derive(Debug, Default)]
pub(crate) struct RawException {
    pub name: String,
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub working: bool,
    /// The recurrence type (1 daily, 2 yearly by day, 3 yearly by position, 4 monthly by
    /// day, 5 monthly by position, 6 weekly, 7 by day count, 8 by weekday count), if stated.
    pub kind: Option<i64>,
    /// Every how many days, weeks, months or years.
    pub period: Option<i64>,
    /// How many occurrences, when the range is given by a count.
    pub occurrences: Option<i64>,
    pub by_occurrences: bool,
    /// A bit per weekday (1 Sunday, 2 Monday, … 64 Saturday), for a weekly one.
    pub days_of_week: Option<i64>,
    /// 0 day, 1 weekday, 2 weekend day, 3–9 Sunday–Saturday; its position 0–3 (first to
    /// fourth) or 4 (last); the month 0–11; the day of the month.
    pub month_item: Option<i64>,
    pub month_position: Option<i64>,
    pub month: Option<i64>,
    pub month_day: Option<i64>,
}

#[derive(Debug, Default)]
pub(crate) struct RawTask {
    pub uid: i64,
    pub name: String,
    pub outline_level: i64,
    pub summary: bool,
    pub milestone: bool,
    pub null: bool,
    pub manual: bool,
    /// Working minutes (or elapsed minutes, with `elapsed`).
    pub duration_minutes: i64,
    pub elapsed: bool,
    pub constraint_type: i64,
    pub constraint_date: Option<NaiveDateTime>,
    pub deadline: Option<NaiveDateTime>,
    pub percent_complete: f64,
    pub actual_start: Option<NaiveDateTime>,
    pub actual_finish: Option<NaiveDateTime>,
    pub start: Option<NaiveDateTime>,
    pub finish: Option<NaiveDateTime>,
    pub calendar_uid: Option<i64>,
    /// The leveling priority, 0–1000 (500 when not stated).
    pub priority: Option<i64>,
    pub links: Vec<RawLink>,
}

/// A `PredecessorLink`: type 0 FF, 1 FS, 2 SF, 3 SS; the lag in tenths of a minute (or of
/// a percent) in `lag_format`.
#[derive(Debug, Default)]
pub(crate) struct RawLink {
    pub predecessor: i64,
    pub kind: i64,
    pub lag: i64,
    pub lag_format: i64,
}

/// What is wrong with a file, where.
pub(crate) type ReadError = String;

/// Reads the project element `root`.
pub(crate) fn project(root: Node) -> Result<RawProject, ReadError> {
    let mut project = RawProject {
        minutes_per_day: 480,
        schedule_from_start: true,
        ..RawProject::default()
    };
    for child in root.children().filter(Node::is_element) {
        let here = "the project";
        match child.tag_name().name() {
            "Name" => project.name = Some(text(child)),
            "Title" => project.title = Some(text(child)),
            "StartDate" => project.start = date_time(child, here)?,
            "StatusDate" => project.status = date_time(child, here)?,
            "ScheduleFromStart" => project.schedule_from_start = flag(child, here)?,
            "MinutesPerDay" => project.minutes_per_day = number(child, here)?.unwrap_or(480),
            "CriticalSlackLimit" => project.critical_slack_limit = number(child, here)?,
            "CalendarUID" => project.calendar_uid = number(child, here)?,
            "Calendars" => project.calendars = each(child, "Calendar", calendar)?,
            "Tasks" => project.tasks = each(child, "Task", task)?,
            "Resources" => project.resources = each(child, "Resource", resources::resource)?,
            "Assignments" => {
                project.assignments = each(child, "Assignment", resources::assignment)?;
            }
            _ => {}
        }
    }
    Ok(project)
}

fn calendar(node: Node) -> Result<RawCalendar, ReadError> {
    let mut calendar = RawCalendar::default();
    for child in node.children().filter(Node::is_element) {
        let here = "a calendar";
        match child.tag_name().name() {
            "UID" => calendar.uid = number(child, here)?.unwrap_or_default(),
            "Name" => calendar.name = text(child),
            "BaseCalendarUID" => calendar.base_uid = number(child, here)?,
            "WeekDays" => calendar.weekdays = each(child, "WeekDay", weekday)?,
            "Exceptions" => calendar.exceptions = each(child, "Exception", exception)?,
            _ => {}
        }
    }
    Ok(calendar)
}

fn weekday(node: Node) -> Result<RawWeekDay, ReadError> {
    let mut day = RawWeekDay::default();
    for child in node.children().filter(Node::is_element) {
        let here = "a calendar's week day";
        match child.tag_name().name() {
            "DayType" => day.day_type = number(child, here)?.unwrap_or_default(),
            "DayWorking" => day.working = flag(child, here)?,
            "TimePeriod" => (day.from, day.to) = period(child, here)?,
            _ => {}
        }
    }
    Ok(day)
}

fn exception(node: Node) -> Result<RawException, ReadError> {
    let mut exception = RawException::default();
    for child in node.children().filter(Node::is_element) {
        let here = "a calendar exception";
        match child.tag_name().name() {
            "Name" => exception.name = text(child),
            "TimePeriod" => (exception.from, exception.to) = period(child, here)?,
            "DayWorking" => exception.working = flag(child, here)?,
            "Type" => exception.kind = number(child, here)?,
            "Period" => exception.period = number(child, here)?,
            "Occurrences" => exception.occurrences = number(child, here)?,
            "EnteredByOccurrences" => exception.by_occurrences = flag(child, here)?,
            "DaysOfWeek" => exception.days_of_week = number(child, here)?,
            "MonthItem" => exception.month_item = number(child, here)?,
            "MonthPosition" => exception.month_position = number(child, here)?,
            "Month" => exception.month = number(child, here)?,
            "MonthDay" => exception.month_day = number(child, here)?,
            _ => {}
        }
    }
    Ok(exception)
}

fn period(
    node: Node,
    here: &str,
) -> Result<(Option<NaiveDateTime>, Option<NaiveDateTime>), ReadError> {
    let (mut from, mut to) = (None, None);
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "FromDate" => from = date_time(child, here)?,
            "ToDate" => to = date_time(child, here)?,
            _ => {}
        }
    }
    Ok((from, to))
}

/// Duration formats whose minutes are elapsed (calendar) time, not working time.
const ELAPSED_FORMATS: [i64; 10] = [4, 6, 8, 10, 12, 36, 38, 40, 42, 44];

fn task(node: Node) -> Result<RawTask, ReadError> {
    let mut task = RawTask::default();
    let uid = node
        .children()
        .find(|c| c.tag_name().name() == "UID")
        .map(text)
        .unwrap_or_default();
    let here = format!("task UID {uid}");
    let here = here.as_str();
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "UID" => task.uid = number(child, here)?.unwrap_or_default(),
            "Name" => task.name = text(child),
            "OutlineLevel" => task.outline_level = number(child, here)?.unwrap_or_default(),
            "Summary" => task.summary = flag(child, here)?,
            "Milestone" => task.milestone = flag(child, here)?,
            "IsNull" => task.null = flag(child, here)?,
            "Manual" => task.manual = flag(child, here)?,
            "Duration" => task.duration_minutes = duration(child, here)?,
            "DurationFormat" => {
                let format = number(child, here)?.unwrap_or_default();
                task.elapsed = ELAPSED_FORMATS.contains(&format);
            }
            "ConstraintType" => task.constraint_type = number(child, here)?.unwrap_or_default(),
            "ConstraintDate" => task.constraint_date = date_time(child, here)?,
            "Deadline" => task.deadline = date_time(child, here)?,
            "PercentComplete" => task.percent_complete = decimal(child, here)?,
            "ActualStart" => task.actual_start = date_time(child, here)?,
            "ActualFinish" => task.actual_finish = date_time(child, here)?,
            "Start" => task.start = date_time(child, here)?,
            "Finish" => task.finish = date_time(child, here)?,
            "CalendarUID" => task.calendar_uid = number(child, here)?,
            "Priority" => task.priority = number(child, here)?,
            "PredecessorLink" => task.links.push(link(child, here)?),
            _ => {}
        }
    }
    Ok(task)
}

fn link(node: Node, here: &str) -> Result<RawLink, ReadError> {
    let mut link = RawLink {
        kind: 1,
        lag_format: 7,
        ..RawLink::default()
    };
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "PredecessorUID" => link.predecessor = number(child, here)?.unwrap_or_default(),
            "Type" => link.kind = number(child, here)?.unwrap_or(1),
            "LinkLag" => link.lag = number(child, here)?.unwrap_or_default(),
            "LagFormat" => link.lag_format = number(child, here)?.unwrap_or(7),
            _ => {}
        }
    }
    Ok(link)
}

/// The `name` children of `node`, each read by `read`.
fn each<T>(
    node: Node,
    name: &str,
    read: impl Fn(Node) -> Result<T, ReadError>,
) -> Result<Vec<T>, ReadError> {
    node.children()
        .filter(|c| c.is_element() && c.tag_name().name() == name)
        .map(read)
        .collect()
}

fn text(node: Node) -> String {
    node.text().unwrap_or_default().trim().to_owned()
}

/// What is wrong with element `node`'s text, in `here`.
fn wrong(node: Node, here: &str, what: &str) -> ReadError {
    let pos = node.document().text_pos_at(node.range().start);
    format!(
        "line {}, column {}: {} of {here} is not {what}: '{}'",
        pos.row,
        pos.col,
        node.tag_name().name(),
        short(&text(node))
    )
}

fn short(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

fn number(node: Node, here: &str) -> Result<Option<i64>, ReadError> {
    let t = text(node);
    if t.is_empty() {
        return Ok(None);
    }
    t.parse()
        .map(Some)
        .map_err(|_| wrong(node, here, "a whole number"))
}

fn decimal(node: Node, here: &str) -> Result<f64, ReadError> {
    let t = text(node);
    if t.is_empty() {
        return Ok(0.0);
    }
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| wrong(node, here, "a number"))
}

fn flag(node: Node, here: &str) -> Result<bool, ReadError> {
    match text(node).as_str() {
        "1" | "true" => Ok(true),
        "0" | "false" | "" => Ok(false),
        _ => Err(wrong(node, here, "0 or 1")),
    }
}

fn date_time(node: Node, here: &str) -> Result<Option<NaiveDateTime>, ReadError> {
    let t = text(node);
    if t.is_empty() {
        return Ok(None);
    }
    NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M"))
        .or_else(|_| {
            NaiveDate::parse_from_str(&t, "%Y-%m-%d").map(|d| d.and_time(Default::default()))
        })
        .map(Some)
        .map_err(|_| wrong(node, here, "a date and time (2026-01-05T08:00:00)"))
}

/// An ISO 8601 duration as MS Project writes it (`PT16H0M0S`, `PT7H30M0S`, maybe with
/// decimals or days), in minutes, rounded.
fn duration(node: Node, here: &str) -> Result<i64, ReadError> {
    let t = text(node);
    parse_duration(&t).ok_or_else(|| wrong(node, here, "a duration (PT16H0M0S)"))
}

pub(crate) fn parse_duration(text: &str) -> Option<i64> {
    let rest = text.strip_prefix('P')?;
    let (days, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut minutes = 0.0;
    let mut number = String::new();
    for (part, unit_minutes) in [(days, None), (time, Some(()))] {
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let value: f64 = number.parse().ok()?;
            number.clear();
            minutes += value
                * match (c, unit_minutes) {
                    ('D', None) => 1440.0,
                    ('H', Some(())) => 60.0,
                    ('M', Some(())) => 1.0,
                    ('S', Some(())) => 1.0 / 60.0,
                    _ => return None,
                };
        }
        if !number.is_empty() {
            return None;
        }
    }
    (minutes.is_finite() && minutes.abs() < 1e12).then(|| minutes.round() as i64)
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn durations_in_minutes() {
        assert_eq!(parse_duration("PT16H0M0S"), Some(960));
        assert_eq!(parse_duration("PT7H30M0S"), Some(450));
        assert_eq!(parse_duration("PT0H0M0S"), Some(0));
        assert_eq!(parse_duration("P1DT2H0M0S"), Some(1560));
        assert_eq!(parse_duration("PT1.5H"), Some(90));
        assert_eq!(parse_duration("16h"), None);
        assert_eq!(parse_duration("PT16X"), None);
        assert_eq!(parse_duration("PT16"), None);
    }
}
