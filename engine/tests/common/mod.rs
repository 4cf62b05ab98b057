//! Small builders for hand-worked scheduling examples.
#![allow(dead_code)]

use chrono::NaiveDate;
use engine::{Dependency, LinkType, Program, Schedule, Task, TaskSchedule, Workstream};

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A program starting Monday 2026-01-05 on a Monday-to-Friday calendar, one workstream
/// `w`, tasks `(id, duration)` and links `(from, to, type, lag)`.
pub fn program(tasks: &[(&str, i64)], links: &[(&str, &str, LinkType, i64)]) -> Program {
    let mut program: Program = serde_json::from_str(
        r#"{"program": {"name": "Example", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "Team"}]}"#,
    )
    .unwrap();
    program.tasks = tasks
        .iter()
        .map(|&(id, duration)| task(id, duration))
        .collect();
    program.dependencies = links
        .iter()
        .map(|&(from, to, kind, lag)| Dependency {
            from: from.into(),
            to: to.into(),
            kind,
            lag,
        })
        .collect();
    program
}

pub fn task(id: &str, duration: i64) -> Task {
    Task {
        id: id.into(),
        name: format!("Task {id}"),
        workstream: "w".into(),
        duration,
        ..Task::default()
    }
}

pub fn workstream(id: &str) -> Workstream {
    Workstream {
        id: id.into(),
        name: id.into(),
        calendar: None,
        color: None,
    }
}

pub fn task_mut<'a>(program: &'a mut Program, id: &str) -> &'a mut Task {
    program.tasks.iter_mut().find(|t| t.id == id).unwrap()
}

/// The schedule of task `id`.
pub fn of<'a>(program: &Program, schedule: &'a Schedule, id: &str) -> &'a TaskSchedule {
    let i = program.tasks.iter().position(|t| t.id == id).unwrap();
    &schedule.tasks[i]
}

/// Schedules and returns `(es, ef, ls, lf, total_float)` of each task, by id.
pub fn run(program: &Program) -> Schedule {
    engine::schedule(program).unwrap_or_else(|e| panic!("unexpected diagnostics:\n{e}"))
}

pub fn offsets(t: &TaskSchedule) -> (i64, i64, i64, i64, i64) {
    (t.es, t.ef, t.ls, t.lf, t.total_float)
}

pub fn dates(t: &TaskSchedule) -> (String, String) {
    (t.start.to_string(), t.finish.to_string())
}
