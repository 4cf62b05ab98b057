//! The program file against stored example files (the repository's `tests/files/`): every
//! version reads and upgrades, the round trip is byte-identical, and each broken file gets
//! its own clear message. The helpers here; the tests by subject in the modules.

mod board;
mod broken;
mod logs;
mod status;
mod versions;
mod writing;

use planfile::{Document, FileError, read};
use std::path::{Path, PathBuf};

pub(crate) fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/files")
        .join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no files in {}", dir.display());
    paths
}

pub(crate) fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

pub(crate) fn read_file(name: &str) -> Result<Document, FileError> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/files")
        .join(name);
    read(&text(&path))
}

/// Every stored example of every version, and the example shipped with the app.
pub(crate) fn every_example() -> Vec<PathBuf> {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples/platform-migration.planwork.json");
    let mut all: Vec<PathBuf> = ["v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8"]
        .into_iter()
        .flat_map(files)
        .collect();
    all.push(shipped);
    all
}
