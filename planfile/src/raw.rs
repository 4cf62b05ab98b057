//! Stage 1 of reading: text to a JSON tree of the current version.
//!
//! Refuses files over the size limit before parsing, reports syntax errors with line and
//! column, recognises the format and version, and upgrades older versions.

use crate::{FORMAT, FileError, MAX_FILE_BYTES, upgrade};
use serde_json::{Map, Value};

/// The top-level object of a Planwork file, upgraded to the current version.
pub(crate) fn parse(text: &str) -> Result<Map<String, Value>, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    let tree: Value = serde_json::from_str(text).map_err(syntax_error)?;
    let Value::Object(mut top) = tree else {
        return Err(not_a_program(
            "the file is JSON but not a Planwork program (it is not an object)",
        ));
    };
    let version = version_of(&top)?;
    upgrade::to_current(&mut top, version);
    Ok(top)
}

/// The file's version: 0 for files from before the format named itself.
fn version_of(top: &Map<String, Value>) -> Result<u64, FileError> {
    match (top.get("format"), top.get("version")) {
        (None, None) if top.contains_key("program") => Ok(0),
        (Some(Value::String(format)), version) if format == FORMAT => {
            match version.and_then(Value::as_u64) {
                Some(version) => Ok(version),
                None => Err(not_a_program(
                    "the file says it is a Planwork program but has no valid \"version\" (a whole number)",
                )),
            }
        }
        (Some(Value::String(other)), _) => Err(not_a_program(&format!(
            "the file is a \"{other}\" file, not a Planwork program"
        ))),
        _ => Err(not_a_program(
            "the file is JSON but not a Planwork program (it has no \"format\": \"planwork\")",
        )),
    }
}

fn not_a_program(message: &str) -> FileError {
    FileError::NotAProgram {
        message: message.to_string(),
    }
}

fn syntax_error(error: serde_json::Error) -> FileError {
    use serde_json::error::Category;
    let full = error.to_string();
    // serde_json appends " at line L column C"; the position is reported separately.
    let message = match full.rfind(" at line ") {
        Some(at) => full[..at].to_string(),
        None => full,
    };
    let message = match error.classify() {
        Category::Eof => "the file ends too early (is it truncated?)".to_string(),
        _ if message.contains("recursion limit") => "the file is nested too deeply".to_string(),
        _ => message,
    };
    FileError::Syntax {
        line: error.line(),
        column: error.column(),
        message,
    }
}
