//! `planwork`: the engine on the command line — schedule a program file, generate
//! synthetic programs.

mod args;
mod report;
mod table;

use args::{Command, USAGE};
use engine::generate::{Options, generate_with};
use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match args::parse(&argv) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Schedule {
            path,
            json,
            driving,
        }) => schedule(&path, json, driving.as_deref()),
        Ok(Command::Generate {
            shape,
            tasks,
            seed,
            team_calendar,
        }) => {
            let program = generate_with(
                shape,
                tasks,
                seed,
                Options {
                    constraints: true,
                    team_calendar,
                },
            );
            match serde_json::to_string_pretty(&program) {
                Ok(text) => {
                    println!("{text}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&format!("cannot write the program: {e}")),
            }
        }
        Err(message) => {
            eprintln!("planwork: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn schedule(path: &str, json: bool, driving: Option<&str>) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return fail(&format!("cannot read {path}: {e}")),
    };
    let program: engine::Program = match serde_json::from_str(&text) {
        Ok(program) => program,
        Err(e) => return fail(&format!("{path}:{}:{}: {e}", e.line(), e.column())),
    };
    let checked = match engine::check(&program) {
        Ok(checked) => checked,
        Err(diagnostics) => return invalid(path, &diagnostics),
    };
    let schedule = match engine::schedule_checked(&checked) {
        Ok(schedule) => schedule,
        Err(diagnostics) => return invalid(path, &diagnostics),
    };
    let path_to = match driving {
        None => None,
        Some(id) => match checked.task_index(id) {
            Some(target) => Some(engine::paths::driving_path(&checked, &schedule, target)),
            None => return fail(&format!("--driving: no task has id '{id}'")),
        },
    };
    let out = if json {
        report::json(&program, &schedule, path_to.as_deref())
    } else {
        Ok(table::render(&program, &schedule, path_to.as_deref()))
    };
    match out {
        Ok(text) => {
            print!("{text}");
            for warning in &schedule.warnings {
                eprintln!("{path}: {warning}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("cannot write the schedule: {e}")),
    }
}

fn invalid(path: &str, diagnostics: &engine::Diagnostics) -> ExitCode {
    for diagnostic in &diagnostics.0 {
        eprintln!("{path}: {diagnostic}");
    }
    eprintln!(
        "planwork: {path} cannot be scheduled: {} problem(s)",
        diagnostics.0.len()
    );
    ExitCode::from(1)
}

fn fail(message: &str) -> ExitCode {
    eprintln!("planwork: {message}");
    ExitCode::from(2)
}
