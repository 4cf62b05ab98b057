//! A program in a link: its file deflated and written as URL-safe base64 after `#share=`,
//! in the fragment, which a browser never sends to any server. Opening such a link in
//! Planwork (served, or `planwork.html` from disk) offers to import the program.
//!
//! A link longer than [`MAX_LINK_CHARS`] is refused (send the file instead): chat tools and
//! mail clients cut long links, and a cut link reads as nothing. Reading is bounded: the
//! inflated text is at most [`crate::MAX_FILE_BYTES`], then read as any program file.
//!
//! ```
//! let doc = planfile::read(r#"{"program": {"name": "Launch", "start": "2026-01-05"}}"#).unwrap();
//! let fragment = planfile::link::to_fragment(&doc).unwrap();
//! assert!(fragment.starts_with("share=p1."));
//! assert_eq!(planfile::link::from_fragment(&fragment).unwrap(), doc);
//! ```

use crate::{Document, FileError, MAX_FILE_BYTES};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::fmt;

/// The fragment's key and the encoding's version: `share=p1.<base64url of raw DEFLATE>`.
pub const PREFIX: &str = "share=p1.";

/// The longest fragment written: 32,000 characters. An 80-task program with its logs,
/// readiness and scenarios takes about 12,000.
pub const MAX_LINK_CHARS: usize = 32_000;

/// Why a program is not put in a link, or a link not read.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// The link would be too long to travel safely.
    TooLong { chars: usize },
    /// The fragment is not a Planwork link (or is cut short).
    NotALink(String),
    /// The program in it cannot be read.
    File(FileError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong { chars } => write!(
                f,
                "the program would make a link of {} characters; links longer than {} are cut by mail and chat tools: send the program file instead",
                engine::words::thousands(*chars),
                engine::words::thousands(MAX_LINK_CHARS)
            ),
            LinkError::NotALink(why) => write!(f, "this is not a whole Planwork link: {why}"),
            LinkError::File(error) => write!(f, "the program in the link cannot be read: {error}"),
        }
    }
}

/// The fragment (without `#`) that carries `document`, or why it would be too long.
pub fn to_fragment(document: &Document) -> Result<String, LinkError> {
    let text = crate::write(document);
    let deflated = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    let fragment = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated));
    match fragment.len() {
        chars if chars > MAX_LINK_CHARS => Err(LinkError::TooLong { chars }),
        _ => Ok(fragment),
    }
}

/// Whether a fragment (with or without its `#`) is a Planwork link.
pub fn is_link(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with("share=")
}

/// The program a fragment (with or without its `#`) carries: whole, or why not.
pub fn from_fragment(fragment: &str) -> Result<Document, LinkError> {
    let fragment = fragment.trim_start_matches('#');
    let Some(encoded) = fragment.strip_prefix(PREFIX) else {
        let why = if is_link(fragment) {
            "it was made by a newer Planwork, or cut short"
        } else {
            "it does not start with share=p1."
        };
        return Err(LinkError::NotALink(why.into()));
    };
    if encoded.len() > MAX_LINK_CHARS * 2 {
        return Err(LinkError::NotALink(
            "it is far longer than any link Planwork makes".into(),
        ));
    }
    let deflated = URL_SAFE_NO_PAD
        .decode(encoded.trim_end_matches('='))
        .map_err(|e| LinkError::NotALink(format!("its text is damaged ({e})")))?;
    let text = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_FILE_BYTES)
        .map_err(|_| LinkError::NotALink("it is cut short or damaged".into()))?;
    crate::read_bytes(&text).map_err(LinkError::File)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Document {
        let text = include_str!("../../public/examples/platform-migration.planwork.json");
        crate::read(text).unwrap()
    }

    #[test]
    fn the_example_fits_in_a_link_of_a_few_kilobytes_and_comes_back_whole() {
        let doc = example();
        let fragment = to_fragment(&doc).unwrap();
        assert!(fragment.len() < 16_000, "{} characters", fragment.len());
        assert!(
            fragment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b))
        );
        assert_eq!(from_fragment(&format!("#{fragment}")).unwrap(), doc);
    }

    #[test]
    fn a_program_too_large_for_a_link_is_refused_saying_so() {
        let program = engine::generate::generate(engine::generate::Shape::Random, 3_000, 7);
        let error = to_fragment(&Document::new(program)).unwrap_err();
        assert!(matches!(error, LinkError::TooLong { .. }));
        assert!(
            error.to_string().contains("send the program file instead"),
            "{error}"
        );
    }

    #[test]
    fn a_cut_or_foreign_link_is_refused_and_nothing_is_read() {
        let fragment = to_fragment(&example()).unwrap();
        let cut = &fragment[..fragment.len() / 2];
        assert!(matches!(from_fragment(cut), Err(LinkError::NotALink(_))));
        assert!(matches!(
            from_fragment("share=p9.abc"),
            Err(LinkError::NotALink(_))
        ));
        assert!(matches!(
            from_fragment("/program/abc"),
            Err(LinkError::NotALink(_))
        ));
        assert!(matches!(
            from_fragment("share=p1.!!!"),
            Err(LinkError::NotALink(_))
        ));
        // A link of a program the reader refuses says what is wrong with it.
        let bad =
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"{\"format\": 1}", 9));
        let error = from_fragment(&format!("{PREFIX}{bad}")).unwrap_err();
        assert!(matches!(error, LinkError::File(_)), "{error}");
    }
}
