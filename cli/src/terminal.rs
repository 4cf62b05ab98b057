//! Text from a file, made safe to print: a name or id cannot clear the screen, forge an
//! output line or reorder what a person reads.
//!
//! Control characters (escape sequences, line breaks, tabs, the C1 controls some terminals
//! obey), bidirectional controls and invisible characters are written as escapes:
//! `\u{1b}`, `\n`, `\u{202e}` in text for people, `\u001b`-style escapes inside JSON strings
//! (where they mean the same character, so the JSON is unchanged for a program reading it).
//! Which characters count is the engine's rule ([`engine::text::is_invisible`]).

use serde_json::ser::{Formatter, PrettyFormatter};
use std::borrow::Cow;
use std::fmt::Write;
use std::io;

/// `text` with every control, bidirectional and invisible character escaped.
pub fn text(text: &str) -> Cow<'_, str> {
    if !text.chars().any(engine::text::is_invisible) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if engine::text::is_invisible(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// JSON text with every invisible character that is not already escaped written as a
/// `\uXXXX` escape. Such characters can only stand inside strings, where the escape means
/// the same.
pub fn json(text: String) -> String {
    if !text.chars().any(invisible_in_json) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if invisible_in_json(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{unit:04x}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A JSON formatter that writes as serde_json's pretty one does, with every invisible
/// character inside a string written as a `\uXXXX` escape: [`json`] for JSON written as it
/// is made, without keeping the whole text.
#[derive(Default)]
pub struct Escaping(PrettyFormatter<'static>);

impl Formatter for Escaping {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| invisible_in_json(c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    // The rest as the pretty formatter writes it.
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Invisible characters JSON text may hold raw: all but the ASCII controls, which a JSON
/// writer always escapes inside strings (and whose line breaks and spaces between values
/// are the layout).
fn invisible_in_json(c: char) -> bool {
    u32::from(c) >= 0x20 && engine::text::is_invisible(c)
}

/// The first `width` characters of `text`, the last of them `…` if it was longer.
pub fn cut(text: &str, width: usize) -> Cow<'_, str> {
    match text.char_indices().nth(width) {
        None => Cow::Borrowed(text),
        Some(_) => {
            let keep = text
                .char_indices()
                .nth(width.saturating_sub(1))
                .map_or(0, |(at, _)| at);
            Cow::Owned(format!("{}…", &text[..keep]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped() {
        assert_eq!(text("plain é 東"), "plain é 東");
        assert_eq!(text("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(text("line\nforged"), "line\\nforged");
        assert_eq!(text("\u{202e}cod.exe"), "\\u{202e}cod.exe");
        assert_eq!(text("zero\u{200b}width"), "zero\\u{200b}width");
        assert_eq!(text("c1\u{9b}31m"), "c1\\u{9b}31m");
    }

    #[test]
    fn json_keeps_its_meaning() {
        let written = json(serde_json::json!({"name": "a\u{202e}b\u{9b}\u{e0041}"}).to_string());
        assert_eq!(written, r#"{"name":"a\u202eb\u009b\udb40\udc41"}"#);
        let read: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(read["name"], "a\u{202e}b\u{9b}\u{e0041}");
    }

    #[test]
    fn json_written_as_it_goes_is_escaped_the_same() {
        let value = serde_json::json!({"name": ["a\u{202e}b\u{9b}\u{e0041}\n", 1]});
        let mut written = Vec::new();
        let mut serializer =
            serde_json::Serializer::with_formatter(&mut written, Escaping::default());
        serde::Serialize::serialize(&value, &mut serializer).unwrap();
        let written = String::from_utf8(written).unwrap();
        assert_eq!(written, json(serde_json::to_string_pretty(&value).unwrap()));
        assert!(
            written.contains(r#""a\u202eb\u009b\udb40\udc41\n""#),
            "{written}"
        );
    }

    #[test]
    fn cuts_at_characters() {
        assert_eq!(cut("abcdef", 6), "abcdef");
        assert_eq!(cut("abcdefg", 6), "abcde…");
        assert_eq!(cut("éééééééé", 3), "éé…");
    }
}
