//! The fuzz targets' bodies for the importers (`fuzz/fuzz_targets/mspdi_import.rs` runs them
//! millions of times on nightly; `cargo test -p interop --test fuzz_bodies` runs them over
//! the committed seeds on stable). Each takes any bytes and must not panic; what it imports
//! must check and schedule without panicking, and its report must print.

use crate::mspdi::import_mspdi;

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
