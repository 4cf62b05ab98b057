//! The importers' fuzz bodies (`interop::fuzzing`) over the committed seeds
//! (`fuzz/corpus/<target>/`, the files with an extension) and over truncations of each:
//! what `scripts/fuzz` runs millions of times on nightly runs here on stable.

use std::path::Path;

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.expect("an entry").path();
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("readable"))
        })
        .filter(|(name, _)| name.contains('.'))
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    seeds
}

#[test]
fn the_ms_project_body_runs_over_its_seeds_and_their_truncations() {
    for (name, bytes) in seeds("mspdi_import") {
        interop::fuzzing::mspdi_import(&bytes);
        // Cut anywhere (a file half written, a download cut short): refused, never a panic.
        let step = (bytes.len() / 50).max(1);
        for end in (0..bytes.len()).step_by(step) {
            interop::fuzzing::mspdi_import(&bytes[..end]);
        }
        println!("{name}: ran, and {} truncations", bytes.len() / step);
    }
}

#[test]
fn the_spreadsheet_body_runs_over_its_seeds_and_their_truncations() {
    for (name, bytes) in seeds("sheet_import") {
        assert!(
            interop::fuzzing::sheet_import(&bytes).is_some(),
            "{name}: a seed imports"
        );
        let step = (bytes.len() / 50).max(1);
        for end in (0..bytes.len()).step_by(step) {
            interop::fuzzing::sheet_import(&bytes[..end]);
        }
        println!("{name}: ran, and {} truncations", bytes.len() / step);
    }
}
