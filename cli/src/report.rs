//! The `--json` report: each task's offsets, float, criticality and dates, and the
//! program's start and finish.

use crate::terminal::Escaping;
use chrono::NaiveDate;
use engine::{Diagnostic, Program, Schedule, TaskIndex};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Report<'a> {
    program: &'a str,
    start: NaiveDate,
    finish: NaiveDate,
    finish_offset: i64,
    tasks: Rows<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    driving_path: Option<Vec<&'a str>>,
    warnings: &'a [Diagnostic],
}

/// One task's row of `schedule --json` (and of `level --json`, which adds to it).
#[derive(Serialize)]
pub(crate) struct TaskRow<'a> {
    id: &'a str,
    name: &'a str,
    es: i64,
    ef: i64,
    ls: i64,
    lf: i64,
    total_float: i64,
    free_float: i64,
    critical: bool,
    start: NaiveDate,
    finish: NaiveDate,
    late_start: NaiveDate,
    late_finish: NaiveDate,
}

impl<'a> TaskRow<'a> {
    pub(crate) fn of(task: &'a engine::Task, t: &engine::TaskSchedule) -> TaskRow<'a> {
        TaskRow {
            id: &task.id,
            name: &task.name,
            es: t.es,
            ef: t.ef,
            ls: t.ls,
            lf: t.lf,
            total_float: t.total_float,
            free_float: t.free_float,
            critical: t.critical,
            start: t.start,
            finish: t.finish,
            late_start: t.late_start,
            late_finish: t.late_finish,
        }
    }
}

/// The tasks' rows, made one at a time as they are written: a million-task report costs
/// its output, not a million rows kept first.
struct Rows<'a>(&'a Program, &'a Schedule);

impl Serialize for Rows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Rows(program, schedule) = *self;
        serializer.collect_seq(
            program
                .tasks
                .iter()
                .zip(&schedule.tasks)
                .map(|(task, t)| TaskRow::of(task, t)),
        )
    }
}

/// Writes the schedule as JSON to `out`, as it goes, text from the file escaped
/// ([`crate::terminal::Escaping`]).
pub fn json(
    out: impl Write,
    program: &Program,
    schedule: &Schedule,
    driving: Option<&[TaskIndex]>,
) -> serde_json::Result<()> {
    let report = Report {
        program: &program.program.name,
        start: schedule.start,
        finish: schedule.finish,
        finish_offset: schedule.finish_offset,
        tasks: Rows(program, schedule),
        driving_path: driving
            .map(|path| path.iter().map(|&t| program.tasks[t].id.as_str()).collect()),
        warnings: &schedule.warnings,
    };
    write_pretty(out, &report)
}

/// `value` as indented JSON and a line break, written to `out` as it is made.
pub(crate) fn write_pretty(mut out: impl Write, value: &impl Serialize) -> serde_json::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Escaping::default());
    value.serialize(&mut serializer)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// The forecast as JSON: settings, the finish and each milestone's statistics, each task's
/// criticality index and the drivers of the finish.
pub fn forecast_json(
    out: impl Write,
    program: &Program,
    forecast: &engine::forecast::Forecast,
) -> serde_json::Result<()> {
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
    write_pretty(out, &report)
}
