//! `planwork`: the engine on the command line — schedule a program file, forecast it,
//! assess its health, export its schedule and milestones, generate synthetic programs.

mod args;
mod health;
mod hostile;
mod level;
mod report;
mod sheet_import;
mod status;
mod table;
mod terminal;

use args::{Command, ExportFormat, ImportFormat, USAGE};
use engine::generate::{Options, add_resources, add_uncertainty, generate_with};
use std::io::Write as _;
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
            resources,
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
            if resources > 0 {
                add_resources(&mut program, resources);
            }
            print!("{}", planfile::write(&planfile::Document::new(program)));
            ExitCode::SUCCESS
        }
        Ok(Command::Hostile { out, seed, quick }) => match hostile::write_all(&out, seed, quick) {
            Ok(count) => {
                println!("{count} hostile program files in {out}");
                ExitCode::SUCCESS
            }
            Err(e) => fail(&format!("cannot write {out}: {e}")),
        },
        Ok(Command::Upgrade { path }) => upgrade(&path),
        Ok(Command::Level(request)) => level::run(&request),
        Ok(Command::Status(request)) => status::run(&request),
        Ok(Command::Health(request)) => health::run(&request),
        Ok(Command::Export { path, to }) => export(&path, to),
        Ok(Command::Import {
            path,
            from: ImportFormat::Mspdi,
            ..
        }) => import(&path),
        Ok(Command::Import {
            path,
            from: ImportFormat::Csv,
            days_per_point,
        }) => sheet_import::run(&path, days_per_point),
        Ok(Command::Forecast {
            path,
            iterations,
            seed,
            json,
        }) => forecast(&path, iterations, seed, json),
        Err(message) => {
            eprintln!("planwork: {}\n\n{USAGE}", terminal::text(&message));
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
            None => {
                return fail(&format!(
                    "--driving: no task has id '{}'",
                    engine::text::quote(id)
                ));
            }
        },
    };
    let out = if json {
        let driving = path_to.as_deref();
        print_json(|out| report::json(out, &program, &schedule, driving))
    } else {
        print_text(&table::render(&program, &schedule, path_to.as_deref()))
    };
    match out {
        Ok(()) => {
            for warning in &schedule.warnings {
                problem_line(path, warning);
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
    let out = if json {
        print_json(|out| report::forecast_json(out, &program, &result))
    } else {
        print_text(&table::forecast(&program, &result))
    };
    match out {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write the forecast: {e}")),
    }
}

/// Reads a program file, printing its problems if it has some.
fn read_program(path: &str) -> Result<engine::Program, ExitCode> {
    read_document(path).map(|document| document.program)
}

/// Reads a program file whole, or prints why not: each problem on a line of its own (exit
/// status 1), or what is wrong with the file (2).
fn read_document(path: &str) -> Result<planfile::Document, ExitCode> {
    let bytes = std::fs::read(path).map_err(|e| fail(&format!("cannot read {path}: {e}")))?;
    match planfile::read_bytes(&bytes) {
        Ok(document) => Ok(document),
        Err(planfile::FileError::Invalid { problems }) => {
            for problem in &problems {
                problem_line(path, problem);
            }
            eprintln!(
                "planwork: {} cannot be read: {} problem(s)",
                terminal::text(path),
                problems.len()
            );
            Err(ExitCode::from(1))
        }
        Err(error) => Err(fail(&format!("{path}: {error}"))),
    }
}

/// Prints a program file in the current version of the format.
fn upgrade(path: &str) -> ExitCode {
    let document = match read_document(path) {
        Ok(document) => document,
        Err(code) => return code,
    };
    // The same JSON, with invisible characters escaped: safe to print to a terminal.
    let text = terminal::json(planfile::write(&document));
    // Never write what could not be read back.
    if let Err(error) = planfile::check_size(&text) {
        return fail(&format!("{path} cannot be upgraded: {error}"));
    }
    print!("{text}");
    ExitCode::SUCCESS
}

/// Prints the program's schedule as CSV, its milestones and deadlines as iCalendar, or the
/// program as MS Project XML. To a terminal, invisible characters are shown escaped; to a
/// file or a pipe, as they are.
fn export(path: &str, to: ExportFormat) -> ExitCode {
    let document = match read_document(path) {
        Ok(document) => document,
        Err(code) => return code,
    };
    let program = &document.program;
    let checked = match engine::check(program) {
        Ok(checked) => checked,
        Err(diagnostics) => return invalid(path, &diagnostics),
    };
    let schedule = match engine::schedule_checked(&checked) {
        Ok(schedule) => schedule,
        Err(diagnostics) => return invalid(path, &diagnostics),
    };
    let text = match to {
        ExportFormat::Csv => interop::schedule_csv(program, &schedule),
        ExportFormat::Mspdi => interop::mspdi::export_mspdi(program, &schedule),
        ExportFormat::Ics => {
            let id = document
                .id
                .clone()
                .unwrap_or_else(|| engine::words::slug(&program.program.name));
            let stamp = now();
            interop::milestones_ics(
                program,
                &schedule,
                &interop::CalendarExport {
                    program_id: &id,
                    stamp,
                },
            )
        }
    };
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        print!("{}", terminal::text(&text));
    } else {
        print!("{text}");
    }
    ExitCode::SUCCESS
}

/// Prints the program file made from the MS Project XML file at `path`; the import's notes
/// go to stderr, one per line.
fn import(path: &str) -> ExitCode {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => return fail(&format!("cannot read {path}: {e}")),
    };
    let imported = match interop::mspdi::import_mspdi(&text) {
        Ok(imported) => imported,
        Err(error) => {
            eprintln!(
                "planwork: {} cannot be imported: {}",
                terminal::text(path),
                terminal::text(&error.to_string())
            );
            return ExitCode::from(1);
        }
    };
    for note in &imported.report.notes {
        eprintln!(
            "{}: {}",
            terminal::text(path),
            terminal::text(&note.to_string())
        );
    }
    eprintln!(
        "planwork: imported {}: {}",
        terminal::text(path),
        imported.report.summary()
    );
    let text = terminal::json(planfile::write(&planfile::Document::new(imported.program)));
    print!("{text}");
    ExitCode::SUCCESS
}

/// The time now, UTC (the Unix epoch if the clock is before it).
fn now() -> chrono::NaiveDateTime {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(seconds).unwrap_or(0), 0)
        .unwrap_or_default()
        .naive_utc()
}

fn invalid(path: &str, diagnostics: &engine::Diagnostics) -> ExitCode {
    for diagnostic in &diagnostics.0 {
        problem_line(path, diagnostic);
    }
    eprintln!(
        "planwork: {} cannot be scheduled: {} problem(s)",
        terminal::text(path),
        diagnostics.0.len()
    );
    ExitCode::from(1)
}

/// Prints JSON to standard output as `write` makes it.
fn print_json(
    write: impl FnOnce(&mut dyn std::io::Write) -> serde_json::Result<()>,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write(&mut out).map_err(std::io::Error::from)?;
    out.flush()
}

fn print_text(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// One problem of a file on standard error, its text escaped.
fn problem_line(path: &str, problem: &dyn std::fmt::Display) {
    eprintln!("{}", terminal::text(&format!("{path}: {problem}")));
}

fn fail(message: &str) -> ExitCode {
    eprintln!("planwork: {}", terminal::text(message));
    ExitCode::from(2)
}
