//! Helpers shared by the spreadsheet import tests (`sheet.rs`, `sheet_files.rs`,
//! `sheet_mapping.rs`, `sheet_resources.rs`): importing with the guessed mapping, checking
//! the program, and the tasks, links, resources, demands and notes as plain values to
//! compare.

// Each test file is its own crate and uses only some of these helpers.
#![allow(dead_code)]

use std::collections::BTreeSet;

use chrono::NaiveDate;
use engine::Program;
use interop::sheet::{Preview, Rules, Table, convert, guess_mapping, read_table};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// Monday 2 March 2026.
pub fn monday() -> NaiveDate {
    day(2026, 3, 2)
}

pub fn import(bytes: &[u8], rules: &Rules) -> (Table, Preview) {
    let table = read_table(bytes).expect("reads");
    let preview = convert(&table, &guess_mapping(&table), rules, monday());
    (table, preview)
}

pub fn program(preview: &Preview) -> &Program {
    let program = preview
        .program
        .as_ref()
        .unwrap_or_else(|| panic!("refused: {:?}", preview.refused));
    let checked = engine::check(program).expect("the program checks");
    engine::schedule_checked(&checked).expect("and schedules");
    program
}

/// Each task as (id, name, workstream's name, duration).
pub fn tasks(program: &Program) -> Vec<(String, String, String, i64)> {
    program
        .tasks
        .iter()
        .map(|t| {
            let workstream = program
                .workstreams
                .iter()
                .find(|w| w.id == t.workstream)
                .map_or("?", |w| w.name.as_str());
            (
                t.id.clone(),
                t.name.clone(),
                workstream.to_owned(),
                t.duration,
            )
        })
        .collect()
}

pub fn links(program: &Program) -> BTreeSet<(String, String, String, i64)> {
    program
        .dependencies
        .iter()
        .map(|d| (d.from.clone(), d.to.clone(), format!("{:?}", d.kind), d.lag))
        .collect()
}

pub fn strings<const N: usize>(
    rows: [(&str, &str, &str, i64); N],
) -> Vec<(String, String, String, i64)> {
    rows.iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), *d))
        .collect()
}

pub fn link_set<const N: usize>(
    rows: [(&str, &str, &str, i64); N],
) -> BTreeSet<(String, String, String, i64)> {
    strings(rows).into_iter().collect()
}

/// Each resource as (id, name, capacity).
pub fn resources(program: &Program) -> Vec<(String, String, f64)> {
    program
        .resources
        .iter()
        .map(|r| (r.id.clone(), r.name.clone(), r.capacity))
        .collect()
}

/// Each task that demands resources, as (id, its demands as the grid writes them).
pub fn demands(program: &Program) -> Vec<(String, String)> {
    program
        .tasks
        .iter()
        .filter(|t| !t.demands.is_empty())
        .map(|t| (t.id.clone(), engine::entry::format_demands(&t.demands)))
        .collect()
}

pub fn notes(preview: &Preview) -> Vec<String> {
    preview
        .report
        .notes
        .iter()
        .map(ToString::to_string)
        .collect()
}
