//! `planwork import FILE --from csv`: a spreadsheet export (CSV or tab-separated) made into
//! a program file on stdout, with the columns as guessed, the rules applied and every
//! row's problems on stderr.

use std::process::ExitCode;

use interop::sheet::{Field, Mapping, Rules, Table, convert, guess_mapping, suggested_start};

use crate::terminal;

/// Prints the program file made from the spreadsheet export at `path`, story points at
/// `days_per_point` working days (1 unless given). The program starts on the earliest
/// Start date in the file, else today; it is named after the file.
pub fn run(path: &str, days_per_point: Option<f64>) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return crate::fail(&format!("cannot read {path}: {e}")),
    };
    let table = match interop::sheet::read_table(&bytes) {
        Ok(table) => table,
        Err(error) => return refused(path, &error.to_string()),
    };
    let mapping = guess_mapping(&table);
    eprintln!(
        "planwork: {} columns: {}",
        terminal::text(path),
        terminal::text(&columns(&table, &mapping))
    );
    let rules = Rules {
        days_per_point: days_per_point.unwrap_or(1.0),
        ..Rules::default()
    };
    let start = suggested_start(&table, &mapping, &rules).unwrap_or_else(today);
    let preview = convert(&table, &mapping, &rules, start);
    for note in &preview.report.notes {
        eprintln!(
            "{}: {}",
            terminal::text(path),
            terminal::text(&note.to_string())
        );
    }
    let Some(mut program) = preview.program else {
        let why = preview.refused.unwrap_or_default();
        return refused(path, &why);
    };
    program.program.name = name_of(path);
    eprintln!(
        "planwork: imported {}: {}",
        terminal::text(path),
        preview.report.summary()
    );
    print!(
        "{}",
        terminal::json(planfile::write(&planfile::Document::new(program)))
    );
    ExitCode::SUCCESS
}

fn refused(path: &str, why: &str) -> ExitCode {
    eprintln!(
        "planwork: {} cannot be imported: {}",
        terminal::text(path),
        terminal::text(why)
    );
    ExitCode::from(1)
}

/// `Summary → Name, Issue key → ID, …`: the columns read and what as.
fn columns(table: &Table, mapping: &Mapping) -> String {
    let read: Vec<String> = (0..table.width())
        .filter(|&c| mapping.field(c) != Field::Ignore)
        .map(|c| format!("{} → {}", table.label(c), mapping.field(c).label()))
        .collect();
    if read.is_empty() {
        "none recognised".to_owned()
    } else {
        read.join(", ")
    }
}

/// The file's name without its folder and extension.
fn name_of(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "Imported plan".to_owned())
}

/// Today (UTC).
fn today() -> chrono::NaiveDate {
    crate::now().date()
}
