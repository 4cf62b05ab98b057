//! The Planwork program file: one JSON document holding a whole program.
//!
//! The file names itself (`"format": "planwork"`, `"version": N`) and is written
//! deterministically: fixed key order, items in program order, pretty-printed with two
//! spaces, so two exports of one program are byte-identical and diffs are readable.
//!
//! Reading is two-stage, like ripgrep's config: [`raw`] checks the text whole (size limit,
//! syntax errors with line and column, no key twice in an object, nesting and list lengths
//! within bounds: [`scan`]) and finds the top-level fields, format and version (upgrading
//! older versions), then [`decode`] turns each item into the program's values and checks
//! them, reporting every problem at once with the item and field it is in. Fields this
//! version does not know (from a newer Planwork) are kept in [`Extras`] and written back.
//!
//! Limits, each refused with a message saying where: [`MAX_FILE_BYTES`] for a file read or
//! written (one rule: [`check_size`]), [`MAX_DEPTH`] levels of nesting, [`MAX_ITEMS`] items
//! in a list, [`MAX_KEPT_VALUES`] values in unknown fields, and the engine's limits on text
//! sizes and numbers. A UTF-8 byte-order mark at the start is ignored.
//!
//! This crate and the app's storage module are the only places that touch JSON.
//!
//! ```
//! let text = r#"{"format": "planwork", "version": 3,
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
pub mod link;
mod raw;
mod scan;
mod upgrade;

pub use decode::MAX_PROBLEMS;
pub use error::{FileError, Problem};
pub use extras::{Extras, MAX_KEPT_VALUES};
pub use scan::{MAX_DEPTH, MAX_ITEMS};

/// What a file calls its format.
pub const FORMAT: &str = "planwork";
/// The version this build writes.
pub const VERSION: u64 = 8;
/// Program files larger than this many bytes (50 MB, of 1024 × 1024 bytes) are neither read
/// nor written: see [`check_size`].
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

/// Reads a program file: a valid program, or every problem found. A byte-order mark at
/// the start is ignored, as every editor and browser does.
pub fn read(text: &str) -> Result<Document, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let top = raw::parse(text)?;
    decode::decode(top)
}

/// Reads a program file from its bytes: as [`read`], after checking the size and that the
/// bytes are UTF-8 text (saying where they stop being so).
pub fn read_bytes(bytes: &[u8]) -> Result<Document, FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len() });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => read(text),
        Err(error) => Err(raw::not_utf8(bytes, error.valid_up_to())),
    }
}

/// Writes a program file. The same document always gives the same bytes. A program can be
/// larger written than the file it was read from (the written form is indented): whoever
/// keeps or sends the text checks it with [`check_size`] first.
pub fn write(document: &Document) -> String {
    encode::encode(document)
}

/// The one size rule, for reading and for writing: a program file's text is at most
/// [`MAX_FILE_BYTES`] bytes (UTF-8, as stored and sent; not characters), so nothing is kept
/// that could not be read back. `Err(FileError::TooLarge)` says by how much.
///
/// ```
/// let text = planfile::write(&planfile::Document::default());
/// assert!(planfile::check_size(&text).is_ok());
/// let huge = " ".repeat(planfile::MAX_FILE_BYTES + 1);
/// assert_eq!(
///     planfile::check_size(&huge).unwrap_err().to_string(),
///     "the program file is 50.0 MB (52,428,801 bytes); Planwork keeps program files of up to 50 MB (52,428,800 bytes)"
/// );
/// ```
pub fn check_size(text: &str) -> Result<(), FileError> {
    match text.len() {
        bytes if bytes > MAX_FILE_BYTES => Err(FileError::TooLarge { bytes }),
        _ => Ok(()),
    }
}
