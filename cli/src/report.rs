//! The `--json` report: each task's offsets, float, criticality and dates, and the
//! program's start and finish.

use engine::{Diagnostic, Program, Schedule, TaskIndex};
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    program: &'a str,
    start: String,
    finish: String,
    finish_offset: i64,
    tasks: Vec<TaskRow<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    driving_path: Option<Vec<&'a str>>,
    warnings: &'a [Diagnostic],
}

#[derive(Serialize)]
struct TaskRow<'a> {
    id: &'a str,
    name: &'a str,
    es: i64,
    ef: i64,
    ls: i64,
    lf: i64,
    total_float: i64,
    free_float: i64,
    critical: bool,
    start: String,
    finish: String,
    late_start: String,
    late_finish: String,
}

pub fn json(
    program: &Program,
    schedule: &Schedule,
    driving: Option<&[TaskIndex]>,
) -> serde_json::Result<String> {
    let tasks = program
        .tasks
        .iter()
        .zip(&schedule.tasks)
        .map(|(task, t)| TaskRow {
            id: &task.id,
            name: &task.name,
            es: t.es,
            ef: t.ef,
            ls: t.ls,
            lf: t.lf,
            total_float: t.total_float,
            free_float: t.free_float,
            critical: t.critical,
            start: t.start.to_string(),
            finish: t.finish.to_string(),
            late_start: t.late_start.to_string(),
            late_finish: t.late_finish.to_string(),
        })
        .collect();
    let report = Report {
        program: &program.program.name,
        start: schedule.start.to_string(),
        finish: schedule.finish.to_string(),
        finish_offset: schedule.finish_offset,
        tasks,
        driving_path: driving
            .map(|path| path.iter().map(|&t| program.tasks[t].id.as_str()).collect()),
        warnings: &schedule.warnings,
    };
    let mut text = serde_json::to_string_pretty(&report)?;
    text.push('\n');
    Ok(text)
}

/// The forecast as JSON: settings, the finish and each milestone's statistics, each task's
/// criticality index and the drivers of the finish.
pub fn forecast_json(
    program: &Program,
    forecast: &engine::forecast::Forecast,
) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct Criticality<'a> {
        id: &'a str,
        criticality: f64,
    }
    #[derive(Serialize)]
    struct Report<'a> {
        program: &'a str,
        #[serde(flatten)]
        forecast: &'a engine::forecast::Forecast,
        tasks: Vec<Criticality<'a>>,
        drivers_of_finish: Vec<engine::forecast::Driver>,
    }
    let report = Report {
        program: &program.program.name,
        forecast,
        tasks: program
            .tasks
            .iter()
            .zip(&forecast.criticality)
            .map(|(task, &criticality)| Criticality {
                id: &task.id,
                criticality,
            })
            .collect(),
        drivers_of_finish: forecast
            .sensitivity()
            .drivers(engine::forecast::Target::Finish),
    };
    let mut text = serde_json::to_string_pretty(&report)?;
    text.push('\n');
    Ok(text)
}
