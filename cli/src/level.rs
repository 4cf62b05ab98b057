//! `planwork level`: the program leveled to its resources' capacity — each task's leveled
//! schedule (the keys of `schedule --json`), how many working days leveling moved it and
//! why, the finish beside the unleveled one and the lower bounds.

use std::process::ExitCode;

use chrono::NaiveDate;
use engine::leveling::program::{LevelError, Leveled, Prepared};
use engine::leveling::{Objective, Options, level, lower_bounds};
use engine::scenario::apply;
use engine::{Program, Schedule};
use serde::Serialize;

/// What the user asked of `level`.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub path: String,
    pub json: bool,
    pub schedules: usize,
    pub seed: u64,
    pub within_float: bool,
}

pub fn run(request: &Request) -> ExitCode {
    let program = match super::read_program(&request.path) {
        Ok(program) => program,
        Err(code) => return code,
    };
    let objective = if request.within_float {
        Objective::WithinFloat { finish_by: 0 }
    } else {
        Objective::MinimiseFinish
    };
    let (leveled, program, schedule) = match leveled(&program, request, objective) {
        Ok(done) => done,
        Err(LevelError::Invalid(diagnostics)) => {
            return super::invalid(&request.path, &diagnostics);
        }
        Err(infeasible) => {
            eprintln!(
                "{}",
                crate::terminal::text(&format!("{}: {infeasible}", request.path))
            );
            return ExitCode::from(1);
        }
    };
    let out = if request.json {
        super::print_json(|out| json(out, &program, &schedule, &leveled))
    } else {
        super::print_text(&text(&program, &leveled))
    };
    match out {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => super::fail(&format!("cannot write the leveled schedule: {e}")),
    }
}

/// The program leveled, the program with the leveling's changes made, and its schedule.
fn leveled(
    program: &Program,
    request: &Request,
    objective: Objective,
) -> Result<(Leveled, Program, Schedule), LevelError> {
    let prepared = Prepared::new(program, objective)?;
    let options = Options {
        schedules: request.schedules,
        seed: request.seed,
        objective: prepared.objective(objective),
    };
    let solution = level(&prepared.problem, &options).map_err(|i| prepared.infeasible(i))?;
    let leveled = prepared.result(&solution, lower_bounds(&prepared.problem));
    let mut cleared = program.clone();
    for task in &mut cleared.tasks {
        task.leveled_start = None;
    }
    let program = apply(&cleared, &prepared.changes(&leveled)).program;
    let schedule = engine::schedule(&program).map_err(LevelError::Invalid)?;
    Ok((leveled, program, schedule))
}

#[derive(Serialize)]
struct Report<'a> {
    program: &'a str,
    finish: NaiveDate,
    unleveled_finish: NaiveDate,
    /// The best lower bound on any leveled finish, and each.
    lower_bound: NaiveDate,
    critical_path_bound: NaiveDate,
    resource_bound: NaiveDate,
    schedules: usize,
    overallocated: Vec<&'a str>,
    unresolved: Vec<&'a str>,
    tasks: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Row<'a> {
    /// The keys of `schedule --json`.
    #[serde(flatten)]
    schedule: crate::report::TaskRow<'a>,
    /// Working days leveling added before its start.
    delay: i64,
    /// The resources that held it back (empty: none did, or only the tasks before it).
    delayed_by: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

fn json(
    out: &mut dyn std::io::Write,
    program: &Program,
    schedule: &Schedule,
    leveled: &Leveled,
) -> serde_json::Result<()> {
    let ids = |list: &[usize]| list.iter().map(|&t| program.tasks[t].id.as_str()).collect();
    let tasks = program
        .tasks
        .iter()
        .zip(&schedule.tasks)
        .zip(&leveled.tasks)
        .map(|((task, s), l)| Row {
            schedule: crate::report::TaskRow::of(task, s),
            delay: l.delay,
            delayed_by: l
                .reason
                .iter()
                .map(|r| program.resources[r.resource].id.as_str())
                .collect(),
            reason: l.reason.as_ref().map(|r| r.text.as_str()),
        })
        .collect();
    let report = Report {
        program: &program.program.name,
        finish: schedule.finish,
        unleveled_finish: leveled.unleveled_finish,
        lower_bound: leveled.critical_path_bound.max(leveled.resource_bound),
        critical_path_bound: leveled.critical_path_bound,
        resource_bound: leveled.resource_bound,
        schedules: leveled.schedules,
        overallocated: ids(&leveled.overloaded),
        unresolved: ids(&leveled.unresolved),
        tasks,
    };
    crate::report::write_pretty(out, &report)
}

fn text(program: &Program, leveled: &Leveled) -> String {
    let mut lines = vec![format!(
        "{}: leveled finish {} (unleveled {}; no leveled finish can be before {})",
        program.program.name,
        leveled.finish,
        leveled.unleveled_finish,
        leveled.critical_path_bound.max(leveled.resource_bound)
    )];
    for (task, l) in program.tasks.iter().zip(&leveled.tasks) {
        if let Some(reason) = &l.reason {
            lines.push(format!("  {} ({}): {}", task.name, task.id, reason.text));
        }
    }
    if leveled.tasks.iter().all(|l| l.reason.is_none()) {
        lines.push("  No task needed to move: every resource has room.".into());
    }
    for &t in &leveled.overloaded {
        lines.push(format!(
            "  still over capacity: {} ({})",
            program.tasks[t].name, program.tasks[t].id
        ));
    }
    for &t in &leveled.unresolved {
        lines.push(format!(
            "  not kept within its float: {} ({})",
            program.tasks[t].name, program.tasks[t].id
        ));
    }
    // Each line escaped on its own: the line breaks are ours.
    lines
        .iter()
        .map(|line| crate::terminal::text(line).into_owned() + "\n")
        .collect()
}
