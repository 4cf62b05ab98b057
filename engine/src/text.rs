//! Rules for the text a program holds: how long each kind may be, which ids count as
//! blank, and text shortened for messages.
//!
//! One rule for every door text comes in by (a file, a cell, a form): the check
//! ([`crate::check`]) refuses text over its limit with the field named, and the program file
//! reader applies the same limits to what it keeps beside the program (scenarios,
//! baselines). Lengths are counted in characters (Unicode scalar values), as a person
//! counts them.
//!
//! Does not: escape text for a terminal or a page (the command line and the views do).

use std::borrow::Cow;

use crate::words::thousands;

/// The longest id (of a task, workstream, risk, scenario, baseline or program), in
/// characters; also the longest reference to one.
pub const MAX_ID_CHARS: usize = 100;
/// The longest name or title (of the program, a task, a workstream, a risk, a scenario or a
/// baseline), in characters.
pub const MAX_NAME_CHARS: usize = 500;
/// The longest free text (a scenario's description), in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;
/// Text quoted in a message is cut to this many characters.
const QUOTE_CHARS: usize = 60;

/// Whether `text` has more than `limit` characters. Cheap for short text: counts characters
/// only when the bytes could exceed the limit.
pub fn too_long(text: &str, limit: usize) -> bool {
    text.len() > limit && text.chars().nth(limit).is_some()
}

/// Why `text` (a `what`, e.g. "a task name") is refused for its length, or `None` if it fits.
pub fn length_problem(text: &str, limit: usize, what: &str) -> Option<String> {
    too_long(text, limit).then(|| {
        format!(
            "{what} of {} characters ('{}'); at most {} are allowed",
            thousands(text.chars().count()),
            quote(text),
            thousands(limit)
        )
    })
}

/// Whether an id is empty, or made only of white space and invisible characters (so that
/// two ids that look the same, or an id that looks like nothing, cannot be told apart).
/// Cheap for ordinary ids: the first visible character decides.
pub fn is_blank(id: &str) -> bool {
    id.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Characters that show nothing, or that reorder the text around them: zero-width spaces
/// and joiners, the byte-order mark, soft hyphens, bidirectional controls, variation
/// selectors, tags, fillers, and control characters.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || is_bidi_control(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206A}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// The bidirectional controls: marks, embeddings, overrides and isolates, which can make
/// text read in another order than it is stored (a "Trojan Source" trick).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// `text` cut to a length fit for a message: at most 60 characters, then `…`.
pub fn quote(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(QUOTE_CHARS) {
        None => Cow::Borrowed(text),
        Some((at, _)) => Cow::Owned(format!("{}…", &text[..at])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_counted_in_characters() {
        assert!(!too_long("ééé", 3), "6 bytes, 3 characters");
        assert!(too_long("éééé", 3));
        assert!(!too_long("", 0));
        assert_eq!(
            length_problem(&"x".repeat(101), MAX_ID_CHARS, "a task id").unwrap(),
            format!(
                "a task id of 101 characters ('{}…'); at most 100 are allowed",
                "x".repeat(60)
            )
        );
    }

    #[test]
    fn invisible_ids_are_blank() {
        for blank in [
            "",
            "   ",
            "\u{200B}",
            "\u{200B}\u{200D}\u{FEFF}",
            " \u{2060}\t",
            "\u{202E}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for id in ["a", "\u{200B}a", "T1", "é", "東"] {
            assert!(!is_blank(id), "{id:?}");
        }
    }

    #[test]
    fn quotes_are_short() {
        assert_eq!(quote("short"), "short");
        assert_eq!(quote(&"é".repeat(61)), format!("{}…", "é".repeat(60)));
    }
}
