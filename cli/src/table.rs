//! The readable table: one line per task, critical tasks marked (by the program's rule,
//! named under the table). Text from the file is escaped ([`crate::terminal`]) and cut to
//! its column.

use crate::terminal::{cut, text};
use engine::{Program, Schedule, TaskIndex};
use std::fmt::Write;

/// The widest an id or name column gets; longer text is cut with `…`.
const ID_WIDTH: usize = 40;
const NAME_WIDTH: usize = 40;

/// `text` escaped and cut to `width` characters.
fn cell(value: &str, width: usize) -> String {
    cut(&text(value), width).into_owned()
}

/// The width of a column of `values`: the widest, between `least` and `most`.
fn width<'a>(values: impl Iterator<Item = &'a str>, least: usize, most: usize) -> usize {
    values
        .map(|v| text(v).chars().count())
        .max()
        .unwrap_or(least)
        .clamp(least, most)
}

pub fn render(program: &Program, schedule: &Schedule, driving: Option<&[TaskIndex]>) -> String {
    let id_width = width(program.tasks.iter().map(|t| t.id.as_str()), 2, ID_WIDTH);
    let name_width = width(program.tasks.iter().map(|t| t.name.as_str()), 4, NAME_WIDTH);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} → {} ({} working days)\n",
        cell(&program.program.name, 200),
        schedule.start,
        schedule.finish,
        schedule.finish_offset
    );
    let _ = writeln!(
        out,
        "  {:<id_width$}  {:<name_width$}  {:>5}  {:<10}  {:<10}  {:>5}  {:>5}",
        "id", "name", "days", "start", "finish", "float", "free"
    );
    for (task, t) in program.tasks.iter().zip(&schedule.tasks) {
        let mark = if t.critical { '*' } else { ' ' };
        let _ = writeln!(
            out,
            "{mark} {:<id_width$}  {:<name_width$}  {:>5}  {:<10}  {:<10}  {:>5}  {:>5}",
            cell(&task.id, id_width),
            cell(&task.name, name_width),
            task.duration,
            t.start,
            t.finish,
            t.total_float,
            t.free_float
        );
    }
    let _ = writeln!(
        out,
        "\n* {} ({} of {} tasks)",
        program.program.critical_path.describe(),
        schedule.critical_tasks().count(),
        program.tasks.len()
    );
    if let Some(path) = driving {
        let ids: Vec<String> = path
            .iter()
            .map(|&t| cell(&program.tasks[t].id, ID_WIDTH))
            .collect();
        let _ = writeln!(out, "driving path: {}", ids.join(" → "));
    }
    out
}

/// The forecast as a readable summary: the finish and milestones, the most critical tasks
/// and the strongest drivers of the finish.
/// The forecast table lists this many milestones, then says how many more there are: a
/// plan of a million milestones gets a readable table, not 97 MB of one.
const LISTED_MILESTONES: usize = 100;

pub fn forecast(program: &Program, forecast: &engine::forecast::Forecast) -> String {
    use engine::forecast::{Outcome, Target};
    let mut out = String::new();
    let settings = &forecast.settings;
    let _ = writeln!(
        out,
        "{}: {} iterations, seed {}\n",
        cell(&program.program.name, 200),
        settings.iterations,
        settings.seed
    );
    let _ = writeln!(
        out,
        "  {:<24}  {:<10}  {:<10}  {:<10}  {:<10}  {:<10}  {:>8}",
        "", "plan", "P10", "P50", "P80", "P90", "on time"
    );
    let line = |out: &mut String, label: &str, o: &Outcome| {
        let on_time = o
            .probability_on_time
            .map_or("".to_string(), |p| format!("{:.0} %", p * 100.0));
        let label = cell(label, 24);
        let _ = writeln!(
            out,
            "  {label:<24}  {:<10}  {:<10}  {:<10}  {:<10}  {:<10}  {on_time:>8}",
            o.deterministic, o.p10, o.p50, o.p80, o.p90
        );
    };
    line(&mut out, "program finish", &forecast.finish);
    for m in forecast.milestones.iter().take(LISTED_MILESTONES) {
        line(&mut out, &program.tasks[m.task].name, &m.outcome);
    }
    if let Some(more) = forecast.milestones.len().checked_sub(LISTED_MILESTONES + 1) {
        let _ = writeln!(
            out,
            "  … and {} more milestones (--json lists them all)",
            engine::words::thousands(more + 1)
        );
    }
    let mut critical: Vec<(usize, f64)> = forecast
        .criticality
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, c)| c > 0.0)
        .collect();
    critical.sort_by(|a, b| b.1.total_cmp(&a.1));
    let _ = writeln!(out, "\nmost often critical:");
    for (t, c) in critical.into_iter().take(10) {
        let _ = writeln!(
            out,
            "  {:>5.1} %  {}  {}",
            c * 100.0,
            cell(&program.tasks[t].id, ID_WIDTH),
            cell(&program.tasks[t].name, NAME_WIDTH)
        );
    }
    let _ = writeln!(out, "\nwhat drives the finish (rank correlation):");
    for driver in forecast
        .sensitivity()
        .drivers(Target::Finish)
        .into_iter()
        .take(10)
    {
        let _ = writeln!(
            out,
            "  {:>+5.2}  {:?} {}  {}",
            driver.correlation,
            driver.kind,
            cell(&driver.id, ID_WIDTH),
            cell(&driver.name, NAME_WIDTH)
        );
    }
    out
}
