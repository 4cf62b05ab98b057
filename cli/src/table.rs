//! The readable table: one line per task, critical tasks marked.

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
        "\n* critical ({} of {} tasks)",
        schedule.critical_tasks().count(),
        program.tasks.len()
    );
    if let Some(path) = driving {
        let ids: Vec<&str> = path.iter().map(|&t| program.tasks[t].id.as_str()).collect();
        let _ = writeln!(out, "driving path: {}", ids.join(" → "));
    }
    out
}
