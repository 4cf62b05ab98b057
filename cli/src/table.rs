//! The readable table: one line per task, critical tasks marked (by the program's rule,
//! named under the table).

use engine::{Program, Schedule, TaskIndex};
use std::fmt::Write;

pub fn render(program: &Program, schedule: &Schedule, driving: Option<&[TaskIndex]>) -> String {
    let id_width = program
        .tasks
        .iter()
        .map(|t| t.id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let name_width = program
        .tasks
        .iter()
        .map(|t| t.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 40);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} → {} ({} working days)\n",
        program.program.name, schedule.start, schedule.finish, schedule.finish_offset
    );
    let _ = writeln!(
        out,
        "  {:<id_width$}  {:<name_width$}  {:>5}  {:<10}  {:<10}  {:>5}  {:>5}",
        "id", "name", "days", "start", "finish", "float", "free"
    );
    for (task, t) in program.tasks.iter().zip(&schedule.tasks) {
        let mark = if t.critical { '*' } else { ' ' };
        let name: String = task.name.chars().take(name_width).collect();
        let _ = writeln!(
            out,
            "{mark} {:<id_width$}  {:<name_width$}  {:>5}  {:<10}  {:<10}  {:>5}  {:>5}",
            task.id, name, task.duration, t.start, t.finish, t.total_float, t.free_float
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
        let ids: Vec<&str> = path.iter().map(|&t| program.tasks[t].id.as_str()).collect();
        let _ = writeln!(out, "driving path: {}", ids.join(" → "));
    }
    out
}

/// The forecast as a readable summary: the finish and milestones, the most critical tasks
/// and the strongest drivers of the finish.
pub fn forecast(program: &Program, forecast: &engine::forecast::Forecast) -> String {
    use engine::forecast::{Outcome, Target};
    let mut out = String::new();
    let settings = &forecast.settings;
    let _ = writeln!(
        out,
        "{}: {} iterations, seed {}\n",
        program.program.name, settings.iterations, settings.seed
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
        let label: String = label.chars().take(24).collect();
        let _ = writeln!(
            out,
            "  {label:<24}  {:<10}  {:<10}  {:<10}  {:<10}  {:<10}  {on_time:>8}",
            o.deterministic, o.p10, o.p50, o.p80, o.p90
        );
    };
    line(&mut out, "program finish", &forecast.finish);
    for m in &forecast.milestones {
        line(&mut out, &program.tasks[m.task].name, &m.outcome);
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
            program.tasks[t].id,
            program.tasks[t].name
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
            driver.correlation, driver.kind, driver.id, driver.name
        );
    }
    out
}
