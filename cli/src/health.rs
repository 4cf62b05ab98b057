//! `planwork health`: the DCMA 14-point assessment of a program file (`engine::health`) with
//! the program's thresholds (DCMA's unless its status rules change them), against the file's active baseline, on the program's status date (else
//! `--date`, else today): a table of the fourteen checks and each failing check's tasks, or
//! the whole report as JSON.
//!
//! Failing checks are a result, not an error: the exit status is 0 whenever the file reads
//! and schedules (1 when the program is invalid, 2 for a usage or file error).

use std::fmt::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use engine::Program;
use engine::health::{Outcome, Report, assess};
use serde::Serialize;

use crate::terminal::{cut, text};

/// What the user asked of `health`.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub path: String,
    pub json: bool,
    /// The status date when the program has none (default: today).
    pub date: Option<NaiveDate>,
}

pub fn run(request: &Request) -> ExitCode {
    let path = &request.path;
    let document = match super::read_document(path) {
        Ok(document) => document,
        Err(code) => return code,
    };
    let program = &document.program;
    let checked = match engine::check(program) {
        Ok(checked) => checked,
        Err(diagnostics) => return super::invalid(path, &diagnostics),
    };
    let schedule = match engine::schedule_checked(&checked) {
        Ok(schedule) => schedule,
        Err(diagnostics) => return super::invalid(path, &diagnostics),
    };
    let baseline = document
        .active_baseline
        .as_ref()
        .and_then(|id| document.baselines.iter().find(|b| &b.id == id));
    let date = request.date.unwrap_or_else(|| super::now().date());
    if let (Some(given), Some(own)) = (request.date, program.program.status_date)
        && given != own
    {
        eprintln!(
            "planwork: --date {given} not used: the program's status date is {own} (its \
             schedule was computed from it)"
        );
    }
    let thresholds = &program.status.rules.health;
    let report = assess(&checked, &schedule, baseline, date, thresholds);
    let out = if request.json {
        super::print_json(|out| json(out, program, &report))
    } else {
        super::print_text(&table(program, &report))
    };
    match out {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => super::fail(&format!("cannot write the assessment: {e}")),
    }
}

/// The report as JSON, the program's name first; text from the file escaped.
fn json(
    out: &mut dyn std::io::Write,
    program: &Program,
    report: &Report,
) -> serde_json::Result<()> {
    #[derive(Serialize)]
    struct Json<'a> {
        program: &'a str,
        #[serde(flatten)]
        report: &'a Report,
    }
    let value = Json {
        program: &program.program.name,
        report,
    };
    crate::report::write_pretty(out, &value)
}

/// The table lists at most this many tasks per failing check (`--json` lists them all).
const LISTED: usize = 10;
/// The widest the figure and id columns get; longer text is cut with `…`.
const FIGURE_WIDTH: usize = 60;
const ID_WIDTH: usize = 40;

/// The readable assessment: a header, one line per check, the notes, and each failing
/// check's tasks. Every text from the file is escaped and cut to its column.
pub fn table(program: &Program, report: &Report) -> String {
    let mut out = String::new();
    let baseline = report.baseline.as_deref().map_or("none".into(), text);
    let _ = writeln!(
        out,
        "{}: schedule health on {}; baseline: {}\n{}\n",
        cut(&text(&program.program.name), 200),
        document_date(report),
        cut(&baseline, 80),
        summary(report)
    );
    // The figure column as wide as its widest text (a note may quote an id), within reason.
    let wide = report
        .checks
        .iter()
        .map(|r| text(&r.figure_text).chars().count());
    let width = wide.max().unwrap_or(6).clamp(6, FIGURE_WIDTH);
    let _ = writeln!(
        out,
        "  {:>2}  {:<34}  {:<7}  {:<width$}  threshold",
        "#", "check", "outcome", "figure"
    );
    for r in &report.checks {
        let mark = if r.outcome == Outcome::Fail { '!' } else { ' ' };
        let _ = writeln!(
            out,
            "{mark} {:>2}  {:<34}  {:<7}  {:<width$}  {}",
            r.number,
            r.name,
            r.outcome.word(),
            cut(&text(&r.figure_text), width),
            r.threshold_text
        );
    }
    notes(&mut out, report);
    failing(&mut out, program, report);
    out
}

/// `2027-03-01 (the program's status date)`.
fn document_date(report: &Report) -> String {
    let from = match report.status_date_from {
        engine::health::DateSource::Program => "the program's status date",
        engine::health::DateSource::Given => "no status date in the program",
    };
    format!("{} ({from})", report.status_date)
}

fn summary(report: &Report) -> String {
    format!(
        "{} pass, {} fail, {} not applicable",
        report.count(Outcome::Pass),
        report.count(Outcome::Fail),
        report.count(Outcome::NotApplicable)
    )
}

/// Each check's note: why it does not apply, or how its figure was taken.
fn notes(out: &mut String, report: &Report) {
    let noted: Vec<_> = report.checks.iter().filter(|r| r.note.is_some()).collect();
    if noted.is_empty() {
        return;
    }
    out.push_str("\nnotes:\n");
    for r in noted {
        let note = r.note.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "  {:>2} {}: {}",
            r.number,
            r.name,
            cut(&text(note), 200)
        );
    }
}

/// Each failing check's tasks, at most [`LISTED`] each.
fn failing(out: &mut String, program: &Program, report: &Report) {
    let name = |id: &str| {
        program
            .tasks
            .iter()
            .find(|t| t.id == id)
            .map_or("", |t| t.name.as_str())
    };
    for r in report.checks.iter().filter(|r| r.outcome == Outcome::Fail) {
        if r.tasks.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{} {}: {} ({})",
            r.number,
            r.name,
            r.tasks_are,
            r.tasks.len()
        );
        let listed = &r.tasks[..r.tasks.len().min(LISTED)];
        let wide = listed.iter().map(|id| text(id).chars().count());
        let width = wide.max().unwrap_or(2).clamp(2, ID_WIDTH);
        for id in listed {
            let _ = writeln!(
                out,
                "  {:<width$}  {}",
                cut(&text(id), width),
                cut(&text(name(id)), 60)
            );
        }
        if r.tasks.len() > LISTED {
            let _ = writeln!(
                out,
                "  … and {} more (--json lists them all)",
                r.tasks.len() - LISTED
            );
        }
    }
}
