//! `planwork`: the engine on the command line — schedule a program file, generate
//! synthetic programs.

mod args;
mod report;
mod table;

use args::{Command, USAGE};
use engine::generate::{Options, add_uncertainty, generate_with};
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
            uncertain,
        }) => {
            let mut program = generate_with(
                shape,
                tasks,
                seed,
                Options {
                    constraints: true,
                    team_calendar,
                },
            );
            if uncertain {
                add_uncertainty(&mut program, seed);
            }
            print!("{}", planfile::write(&planfile::Document::new(program)));
            ExitCode::SUCCESS
        }
        Ok(Command::Upgrade { path }) => upgrade(&path),
        Ok(Command::Forecast {
            path,
            iterations,
            seed,
            json,
        }) => forecast(&path, iterations, seed, json),
        Err(message) => {
            eprintln!("planwork: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn schedule(path: &str, json: bool, driving: Option<&str>) -> ExitCode {
    let program = match read_program(path) {
        Ok(program) => program,
        Err(code) => return code,
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

/// Runs a Monte Carlo forecast and prints its statistics.
fn forecast(path: &str, iterations: usize, seed: u64, json: bool) -> ExitCode {
    let program = match read_program(path) {
        Ok(program) => program,
        Err(code) => return code,
    };
    let checked = match engine::check(&program) {
        Ok(checked) => checked,
        Err(diagnostics) => return invalid(path, &diagnostics),
    };
    let settings = engine::forecast::Settings { iterations, seed };
    let result = match engine::forecast::forecast(&checked, &settings) {
        Ok(result) => result,
        Err(diagnostics) => return invalid(path, &diagnostics),
    };
    let text = if json {
        report::forecast_json(&program, &result)
    } else {
        Ok(table::forecast(&program, &result))
    };
    match text {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("cannot write the forecast: {e}")),
    }
}

/// Reads a program file, printing its problems if it has some.
fn read_program(path: &str) -> Result<engine::Program, ExitCode> {
    let text =
        std::fs::read_to_string(path).map_err(|e| fail(&format!("cannot read {path}: {e}")))?;
    match planfile::read(&text) {
        Ok(document) => Ok(document.program),
        Err(planfile::FileError::Invalid { problems }) => {
            for problem in &problems {
                eprintln!("{path}: {problem}");
            }
            eprintln!(
                "planwork: {path} cannot be scheduled: {} problem(s)",
                problems.len()
            );
            Err(ExitCode::from(1))
        }
        Err(error) => Err(fail(&format!("{path}: {error}"))),
    }
}

/// Prints a program file in the current version of the format.
fn upgrade(path: &str) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return fail(&format!("cannot read {path}: {e}")),
    };
    match planfile::read(&text) {
        Ok(document) => {
            print!("{}", planfile::write(&document));
            ExitCode::SUCCESS
        }
        Err(error) => fail(&format!("{path}: {error}")),
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
