//! Stage 1 of reading: text to the top-level fields of a file of the current version.
//!
//! Refuses files over the size limit before parsing (the rule writing follows too:
//! [`crate::check_size`]), checks syntax and shape ([`crate::scan`]: syntax errors with line
//! and column, duplicate keys, depth, list lengths), recognises the format and version, and
//! upgrades older versions.
//!
//! The fields are kept as slices of the text ([`RawValue`]), not as a JSON tree: a tree
//! costs ten to thirty times the text in memory (a 50 MB file took over a gigabyte); the
//! next stage parses each item on its own, and drops it when it is decoded.

use crate::{FORMAT, FileError, scan, upgrade};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;

/// The fields of an object, in the order written, each as its text (keys borrowed from the
/// text unless they have escapes).
pub(crate) type Fields<'a> = Vec<(Cow<'a, str>, &'a RawValue)>;

/// The top-level object of a Planwork file, upgraded to the current version.
pub(crate) struct Top<'a> {
    pub fields: Fields<'a>,
}

impl<'a> Top<'a> {
    pub fn get(&self, key: &str) -> Option<&'a RawValue> {
        field(&self.fields, key)
    }
}

/// The field `key` of `fields`.
pub(crate) fn field<'a>(fields: &Fields<'a>, key: &str) -> Option<&'a RawValue> {
    fields.iter().find(|(k, _)| k == key).map(|&(_, raw)| raw)
}

pub(crate) fn parse(text: &str) -> Result<Top<'_>, FileError> {
    crate::check_size(text)?;
    scan::check(text)?;
    let top: &RawValue = serde_json::from_str(text).map_err(syntax_error)?;
    let Some(fields) = object(top) else {
        return Err(not_a_program(
            "the file is JSON but not a Planwork program (it is not an object)",
        ));
    };
    let mut top = Top { fields };
    let version = version_of(&top)?;
    upgrade::to_current(&mut top, version);
    Ok(top)
}

/// The fields of `raw` if it is an object (the text was checked: no key twice).
pub(crate) fn object(raw: &RawValue) -> Option<Fields<'_>> {
    if !raw.get().starts_with('{') {
        return None;
    }
    let mut deserializer = serde_json::Deserializer::from_str(raw.get());
    deserializer.deserialize_map(FieldsVisitor).ok()
}

/// The items of `raw` if it is a list.
pub(crate) fn list(raw: &RawValue) -> Option<Vec<&RawValue>> {
    if !raw.get().starts_with('[') {
        return None;
    }
    serde_json::from_str(raw.get()).ok()
}

/// What kind of JSON value `raw` is, in words: `a list`, `text` …
pub(crate) fn kind(raw: &RawValue) -> &'static str {
    match raw.get().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "a list",
        Some(b'"') => "text",
        Some(b't' | b'f') => "true/false",
        Some(b'n') => "null",
        _ => "a number",
    }
}

struct FieldsVisitor;

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Fields<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Vec::new();
        while let Some(key) = map.next_key_seed(crate::scan::KeySeed)? {
            fields.push((key, map.next_value::<&'de RawValue>()?));
        }
        Ok(fields)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::custom("not an object"))
    }
}

/// The file's version: 0 for files from before the format named itself.
fn version_of(top: &Top<'_>) -> Result<u64, FileError> {
    let small = |key: &str| {
        top.get(key)
            .and_then(|raw| serde_json::from_str::<Value>(raw.get()).ok())
    };
    match (small("format"), small("version")) {
        (None, None) if top.get("program").is_some() => Ok(0),
        (Some(Value::String(format)), version) if format == FORMAT => {
            match version.as_ref().and_then(Value::as_u64) {
                Some(version) => Ok(version),
                None => Err(not_a_program(
                    "the file says it is a Planwork program but has no valid \"version\" (a whole number)",
                )),
            }
        }
        (Some(Value::String(other)), _) => Err(not_a_program(&format!(
            "the file is a \"{}\" file, not a Planwork program",
            engine::text::quote(&other)
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

pub(crate) fn syntax_error(error: serde_json::Error) -> FileError {
    use serde_json::error::Category;
    let message = match error.classify() {
        Category::Eof => "the file ends too early (is it truncated?)".to_string(),
        _ => without_position(&error.to_string()),
    };
    let message = if message.contains("recursion limit") {
        "the file is nested too deeply".to_string()
    } else {
        message
    };
    FileError::Syntax {
        line: error.line(),
        column: error.column(),
        message,
    }
}

/// serde_json's message without the " at line L column C" it appends (the position is
/// reported apart, or means nothing in a piece of the file).
pub(crate) fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// The error for bytes that stop being UTF-8 text at `at`.
pub(crate) fn not_utf8(bytes: &[u8], at: usize) -> FileError {
    let before = &bytes[..at];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    FileError::Syntax {
        line: before.iter().filter(|&&b| b == b'\n').count() + 1,
        column,
        message: if utf16 {
            "the file is UTF-16 text: save it as UTF-8".to_string()
        } else {
            "the file is not UTF-8 text from here on".to_string()
        },
    }
}
