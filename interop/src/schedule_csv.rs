//! The schedule as CSV: one row per task with its dates, duration, float, critical flag,
//! predecessors in the notation the grid and MS Project use (`12`, `14SS+2d`), its place
//! in the outline (`2.1`: the first task under the second top-level task), whether it is
//! a summary task, and what it needs of resources in the grid's notation (`sre,
//! security:0.5`).
//!
//! Written for spreadsheets: a UTF-8 byte-order mark (so Excel reads names with accents),
//! commas, CRLF line ends, ISO dates (which Excel and Sheets read as dates), numbers as
//! plain numbers. A text cell that a spreadsheet would run as a formula (starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`, which shows it
//! as the text it is: a plan's names come from files and must never become formulas.

use std::collections::HashMap;

use engine::calendar::{WorkCalendar, day_number};
use engine::entry::{Predecessor, format_demands, format_predecessors};
use engine::{Program, Schedule, Task, TaskSchedule};

use crate::outline::Tree;

/// The column headings, in order. "Summary task", not "Summary": Jira names its task
/// names so, and a spreadsheet import would take the column for them.
pub const HEADINGS: [&str; 14] = [
    "ID",
    "Name",
    "Workstream",
    "Start",
    "Finish",
    "Duration (working days)",
    "Milestone",
    "Total float (working days)",
    "Critical",
    "Predecessors",
    "Percent complete",
    "Outline",
    "Summary task",
    "Resources",
];

/// `program`'s tasks as CSV, dated by `schedule` (the program's own schedule, task by task),
/// in the program's order. O(T + D).
///
/// A summary task's duration is the working days of the program calendar from its start to
/// its finish (its tasks' span, as MS Project shows it), its percent complete empty (it has
/// no progress of its own). Its outline number: the tasks under none are numbered 1, 2, …
/// in the program's order (workstreams are no level), the tasks under a summary task its
/// number and theirs among them (`2.1`, `2.2`). Its resources: each demanded resource's
/// id, with its units a day when not one (`sre, security:0.5`), as the grid and a
/// spreadsheet import read them.
///
/// ```
/// let doc = planfile::read(r#"{"program": {"name": "P", "start": "2026-01-05"},
///   "workstreams": [{"id": "w", "name": "Build"}],
///   "tasks": [{"id": "1", "name": "Design", "workstream": "w", "duration": 5},
///             {"id": "2", "name": "Launch", "workstream": "w", "duration": 0}],
///   "dependencies": [{"from": "1", "to": "2"}]}"#).unwrap();
/// let checked = engine::check(&doc.program).unwrap();
/// let schedule = engine::schedule_checked(&checked).unwrap();
/// let csv = interop::schedule_csv(&doc.program, &schedule);
/// assert!(csv.contains("1,Design,Build,2026-01-05,2026-01-09,5,No,0,Yes,,0,1,No,\r\n"));
/// assert!(csv.contains("2,Launch,Build,2026-01-09,2026-01-09,0,Yes,0,Yes,1,0,2,No,\r\n"));
/// ```
pub fn schedule_csv(program: &Program, schedule: &Schedule) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a record that did would only be missing.
    let _ = writer.write_record(HEADINGS);
    let names = workstream_names(program);
    let predecessors = predecessors(program);
    let outline = outline_numbers(program);
    let calendar = &program.calendar;
    let working_days = WorkCalendar::new(&calendar.workdays, &calendar.holidays);
    for ((index, task), times) in program.tasks.iter().enumerate().zip(&schedule.tasks) {
        // An unknown workstream shows its id.
        let workstream = names.get(task.workstream.as_str()).copied();
        let workstream = workstream.unwrap_or(&task.workstream);
        let links = predecessors
            .get(index)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let row = [
            as_text(&task.id),
            as_text(&task.name),
            as_text(workstream),
            times.start.to_string(),
            times.finish.to_string(),
            duration(task, times, &working_days).to_string(),
            yes_no(task.is_milestone()).to_owned(),
            times.total_float.to_string(),
            yes_no(times.critical).to_owned(),
            as_text(&format_predecessors(links)),
            if task.summary {
                String::new()
            } else {
                percent(task.percent_complete)
            },
            outline[index].clone(),
            yes_no(task.summary).to_owned(),
            as_text(&format_demands(&task.demands)),
        ];
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// A task's duration in working days: a summary task's, the working days of the program
/// calendar from its start to its finish.
fn duration(task: &Task, times: &TaskSchedule, working_days: &WorkCalendar) -> i64 {
    if !task.summary {
        return task.duration;
    }
    let (from, to) = (day_number(times.start), day_number(times.finish) + 1);
    (working_days.ordinal(to) - working_days.ordinal(from)).max(0)
}

/// Each task's outline number (`2.1`), by task index.
fn outline_numbers(program: &Program) -> Vec<String> {
    let mut numbers = vec![String::new(); program.tasks.len()];
    for placed in Tree::of(program).walk() {
        numbers[placed.index] = placed.number();
    }
    numbers
}

/// Each workstream's name by its id.
fn workstream_names(program: &Program) -> HashMap<&str, &str> {
    program
        .workstreams
        .iter()
        .map(|w| (w.id.as_str(), w.name.as_str()))
        .collect()
}

/// Each task's predecessors as typed, by task index.
fn predecessors(program: &Program) -> Vec<Vec<Predecessor>> {
    let index: HashMap<&str, usize> = program
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut lists = vec![Vec::new(); program.tasks.len()];
    for dep in &program.dependencies {
        if let Some(list) = index.get(dep.to.as_str()).and_then(|&i| lists.get_mut(i)) {
            list.push(Predecessor {
                id: dep.from.clone(),
                kind: dep.kind,
                lag: dep.lag,
            });
        }
    }
    lists
}

/// `text` as a spreadsheet shows it as text: a leading `'` before what would start a
/// formula.
fn as_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn yes_no(flag: bool) -> &'static str {
    if flag { "Yes" } else { "No" }
}

/// Percent complete as a whole number when it is one (`50`, `12.5`).
fn percent(value: f64) -> String {
    let value = value.clamp(0.0, 100.0);
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}
