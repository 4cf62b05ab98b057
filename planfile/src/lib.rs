//! The Planwork program file: one JSON document holding a whole program.
//!
//! The file names itself (`"format": "planwork"`, `"version": N`) and is written
//! deterministically: fixed key order, items in program order, pretty-printed with two
//! spaces, so two exports of one program are byte-identical and diffs are readable.
//!
//! Reading is two-stage, like ripgrep's config: [`raw`] parses text into a JSON tree (size
//! limit, syntax errors with line and column, format and version, upgrades of older
//! versions), then [`decode`] turns the tree into a checked [`engine::Program`], reporting
//! every problem at once with the item and field it is in. Fields this version does not know
//! (from a newer Planwork) are kept in [`Extras`] and written back.
//!
//! This crate and the app's storage module are the only places that touch JSON.
//!
//! ```
//! let text = r#"{"format": "planwork", "version": 2,
//!   "program": {"name": "Launch", "start": "2026-01-05"},
//!   "workstreams": [{"id": "eng", "name": "Engineering"}],
//!   "tasks": [{"id": "a", "name": "Build", "workstream": "eng", "duration": 5, "colour": "teal"}]}"#;
//! let document = planfile::read(text).unwrap();
//! assert_eq!(document.program.tasks[0].duration, 5);
//! let written = planfile::write(&document);
//! assert!(written.contains(r#""colour": "teal""#), "unknown fields are kept");
//! assert_eq!(planfile::write(&planfile::read(&written).unwrap()), written, "byte-identical");
//! ```

mod decode;
mod encode;
mod error;
mod extras;
#[doc(hidden)]
pub mod fuzzing;
mod raw;
mod upgrade;

pub use error::{FileError, Problem};
pub use extras::Extras;

/// What a file calls its format.
pub const FORMAT: &str = "planwork";
/// The version this build writes.
pub const VERSION: u64 = 2;
/// Files larger than this are refused before parsing (50 MB).
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// A program as a file holds it: the program, and what this version does not understand.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The program's identity across copies of the file (set by the app when it creates a
    /// program); lets an import recognise a program that is already there.
    pub id: Option<String>,
    pub program: engine::Program,
    /// Named variants of the program, as lists of changes against it.
    pub scenarios: Vec<engine::scenario::Scenario>,
    /// Saved schedules to measure variance against.
    pub baselines: Vec<engine::baseline::Baseline>,
    /// The id of the baseline variance is measured against.
    pub active_baseline: Option<String>,
    pub extras: Extras,
}

impl Document {
    /// A document of a program, with nothing unknown.
    pub fn new(program: engine::Program) -> Self {
        Document {
            program,
            ..Document::default()
        }
    }
}

/// Reads a program file: a valid program, or every problem found.
pub fn read(text: &str) -> Result<Document, FileError> {
    let tree = raw::parse(text)?;
    decode::decode(tree)
}

/// Writes a program file. The same document always gives the same bytes.
pub fn write(document: &Document) -> String {
    encode::encode(document)
}
