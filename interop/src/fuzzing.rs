//! The fuzz targets' bodies for the importers (`fuzz/fuzz_targets/mspdi_import.rs` and
//! `sheet_import.rs` run them millions of times on nightly; `cargo test -p interop --test
//! fuzz_bodies` runs them over the committed seeds on stable). Each takes any bytes and must not panic; what it imports
//! must check and schedule without panicking, and its report must print.

use chrono::NaiveDate;

use crate::mspdi::import_mspdi;
use crate::sheet::{Rules, convert, guess_mapping, read_table};

/// Any bytes as an MS Project XML file.
pub fn mspdi_import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match import_mspdi(&text) {
        Ok(imported) => {
            let checked = engine::check(&imported.program)
                .unwrap_or_else(|d| panic!("an import that does not check: {d:?}"));
            // A schedule out of the engine's dates is an error, never a panic.
            let _ = engine::schedule_checked(&checked);
            for note in &imported.report.notes {
                assert!(!note.to_string().is_empty());
            }
            assert!(!imported.report.summary().is_empty());
        }
        Err(error) => assert!(!error.to_string().is_empty(), "a refusal says why"),
    }
}

/// Any bytes as a spreadsheet export, read by the guessed mapping and the default rules;
/// the program it makes, if it makes one.
pub fn sheet_import(data: &[u8]) -> Option<engine::Program> {
    let table = match read_table(data) {
        Ok(table) => table,
        Err(error) => {
            assert!(!error.to_string().is_empty(), "a refusal says why");
            return None;
        }
    };
    let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();
    let preview = convert(&table, &guess_mapping(&table), &Rules::default(), start);
    // An outcome for every row, or none when the mapping is refused before any is read.
    assert!([0, table.len()].contains(&preview.rows.len()));
    for note in &preview.report.notes {
        assert!(!note.to_string().is_empty());
    }
    let Some(program) = preview.program else {
        assert!(preview.refused.is_some(), "a refusal says why");
        return None;
    };
    let checked =
        engine::check(&program).unwrap_or_else(|d| panic!("an import that does not check: {d:?}"));
    let _ = engine::schedule_checked(&checked);
    Some(program)
}
