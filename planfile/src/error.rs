//! What can be wrong with a file, said so a person can find and fix it.

use std::fmt;

/// A megabyte as the size limit counts it: 1024 × 1024 bytes.
const MB: f64 = 1024.0 * 1024.0;

/// One problem in a file's content: where (the item and field) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The item and field, e.g. `tasks[3].duration`.
    pub path: String,
    pub message: String,
    /// The engine's diagnostic code (e.g. `E009`) when the problem is in the plan's logic.
    pub code: Option<&'static str>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "{}: {} [{code}]", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Why a file could not be read. Nothing is partially read: a file is taken whole or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`crate::MAX_FILE_BYTES`] bytes (read or written).
    TooLarge { bytes: usize },
    /// Not JSON: where it stops making sense.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a Planwork program file (or one from a version this build cannot read).
    NotAProgram { message: String },
    /// A Planwork file whose content has problems: all of them.
    Invalid { problems: Vec<Problem> },
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::TooLarge { bytes } => write!(
                f,
                "the program file is {:.1} MB ({} bytes); Planwork keeps program files of up to {} MB ({} bytes)",
                *bytes as f64 / MB,
                engine::words::thousands(*bytes),
                crate::MAX_FILE_BYTES / (1024 * 1024),
                engine::words::thousands(crate::MAX_FILE_BYTES)
            ),
            FileError::Syntax {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "not valid JSON at line {line}, column {column}: {message}"
                )
            }
            FileError::NotAProgram { message } => write!(f, "{message}"),
            FileError::Invalid { problems } => {
                write!(f, "the program has {} problem(s):", problems.len())?;
                for problem in problems {
                    write!(f, "\n  {problem}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for FileError {}
