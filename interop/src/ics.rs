//! Milestones and deadlines as an iCalendar file (RFC 5545), for the calendars of people
//! who do not open the plan: one all-day event per milestone on its scheduled day, and one
//! per deadline on its date.
//!
//! Each event's `UID` is made of the program's identity and the task's id, so importing a
//! newer export into a calendar updates the events instead of adding copies; its `SEQUENCE`
//! grows with the export's time stamp (whole minutes since 2020), so a calendar that asks
//! for a higher sequence before it replaces an event takes the newer one.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use engine::{Program, Schedule, Task, TaskSchedule};
use icalendar::{Calendar, Component, Event, EventLike};

/// What identifies an export: the program's lasting identity (its document id, or a slug
/// of its name), and when it was made (UTC; the engine has no clock, the caller gives it).
#[derive(Clone, Debug)]
pub struct CalendarExport<'a> {
    pub program_id: &'a str,
    pub stamp: NaiveDateTime,
}

/// The milestones of `program` on their days in `schedule` (its own schedule, task by
/// task), and the deadlines of its tasks, as an iCalendar file. O(T).
///
/// ```
/// use chrono::NaiveDate;
/// let doc = planfile::read(r#"{"program": {"name": "Apollo", "start": "2026-01-05"},
///   "workstreams": [{"id": "w", "name": "Build"}],
///   "tasks": [{"id": "1", "name": "Design", "workstream": "w", "duration": 5,
///              "deadline": "2026-01-08"},
///             {"id": "2", "name": "Launch", "workstream": "w", "duration": 0}],
///   "dependencies": [{"from": "1", "to": "2"}]}"#).unwrap();
/// let checked = engine::check(&doc.program).unwrap();
/// let schedule = engine::schedule_checked(&checked).unwrap();
/// let stamp = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap().and_hms_opt(9, 30, 0).unwrap();
/// let ics = interop::milestones_ics(&doc.program, &schedule,
///     &interop::CalendarExport { program_id: "apollo", stamp });
/// assert!(ics.contains("UID:apollo.2.milestone@planwork\r\n"));
/// assert!(ics.contains("DTSTART;VALUE=DATE:20260109\r\n"));
/// assert!(ics.contains("UID:apollo.1.deadline@planwork\r\n"));
/// ```
pub fn milestones_ics(program: &Program, schedule: &Schedule, export: &CalendarExport) -> String {
    let mut calendar = Calendar::empty();
    calendar.append_property(("VERSION", "2.0"));
    calendar.append_property(("PRODID", "-//Planwork//Planwork//EN"));
    calendar.append_property(("CALSCALE", "GREGORIAN"));
    calendar.name(&program.program.name);
    for (task, times) in program.tasks.iter().zip(&schedule.tasks) {
        if task.is_milestone() {
            calendar.push(milestone(program, task, times, export));
        }
        if let Some(deadline) = task.deadline {
            calendar.push(deadline_event(program, task, times, deadline, export));
        }
    }
    calendar.done().to_string()
}

fn milestone(
    program: &Program,
    task: &Task,
    times: &TaskSchedule,
    export: &CalendarExport,
) -> Event {
    let mut lines = vec![format!(
        "Milestone of {}, scheduled {}.",
        program.program.name, times.finish
    )];
    if let Some(deadline) = task.deadline {
        lines.push(format!("Committed date (deadline): {deadline}."));
    }
    lines.push(float_line(times));
    event(task, "milestone", times.finish, export)
        .summary(&format!("◆ {}", task.name))
        .description(&lines.join("\n"))
        .done()
}

fn deadline_event(
    program: &Program,
    task: &Task,
    times: &TaskSchedule,
    deadline: NaiveDate,
    export: &CalendarExport,
) -> Event {
    let standing = if times.finish > deadline {
        format!("Scheduled to finish {}: after this deadline.", times.finish)
    } else {
        format!("Scheduled to finish {}.", times.finish)
    };
    let lines = [
        format!("Deadline in {}.", program.program.name),
        standing,
        float_line(times),
    ];
    event(task, "deadline", deadline, export)
        .summary(&format!("Deadline: {}", task.name))
        .description(&lines.join("\n"))
        .done()
}

/// An all-day event on `day` for `task`, of `kind` (part of its UID).
fn event(task: &Task, kind: &str, day: NaiveDate, export: &CalendarExport) -> Event {
    let mut event = Event::new();
    event
        .uid(&format!(
            "{}.{}.{kind}@planwork",
            export.program_id, task.id
        ))
        .timestamp(export.stamp.and_utc())
        .sequence(sequence(export.stamp))
        .starts(day)
        .ends(day + Duration::days(1));
    event
}

fn float_line(times: &TaskSchedule) -> String {
    format!("Total float: {} working days.", times.total_float)
}

/// Whole minutes from 2020-01-01 to `stamp` (0 before): a sequence that grows from one
/// export to the next.
fn sequence(stamp: NaiveDateTime) -> u32 {
    let epoch = NaiveDate::from_ymd_opt(2020, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or(stamp);
    let minutes = (stamp - epoch).num_minutes().max(0);
    u32::try_from(minutes).unwrap_or(u32::MAX)
}
