//! What people type into cells: durations (`5`, `5d`, `3w`) and predecessor lists in the
//! notation users know from MS Project (`12, 14SS+2d, 20FF-1d`), parsed and written back.
//!
//! Parsing never panics and says what is wrong with which part. Ids are the program's task
//! ids, so a predecessor token is read from its end: an optional link type (`FS`, `SS`,
//! `FF`, `SF`, any case) and, after a link type only, a lag (`+2d`, `-1w`, `+3`); the rest
//! is the id. A token that is itself a known id is taken whole (so a task called `PASS` is
//! not read as `PA` start-to-start, and `API-3` is not `API` with a lead).
//!
//! ```
//! use engine::entry::{parse_duration, parse_predecessors, format_predecessors, Predecessor};
//! use engine::LinkType;
//! assert_eq!(parse_duration("3w"), Ok(15));
//! let known = |id: &str| ["12", "14", "20"].contains(&id);
//! let links = parse_predecessors("12, 14SS+2d, 20FF-1d", known).unwrap();
//! assert_eq!(links[1], Predecessor { id: "14".into(), kind: LinkType::SS, lag: 2 });
//! assert_eq!(format_predecessors(&links), "12, 14SS+2d, 20FF-1d");
//! ```

use crate::model::LinkType;
use std::fmt;

/// Working days in a week, for durations and lags typed in weeks.
pub const DAYS_PER_WEEK: i64 = 5;

/// Why a cell's text was refused: what, and which part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryError {
    /// The part of the text at fault (the whole text, or one predecessor).
    pub part: String,
    pub message: String,
}

impl fmt::Display for EntryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}': {}", self.part, self.message)
    }
}

impl std::error::Error for EntryError {}

fn refuse(part: &str, message: impl Into<String>) -> EntryError {
    EntryError {
        part: part.trim().to_string(),
        message: message.into(),
    }
}

/// A duration in working days: `5`, `5d`, `3w` (weeks of [`DAYS_PER_WEEK`] days), `0` for
/// a milestone. Spaces are allowed (`3 w`).
pub fn parse_duration(text: &str) -> Result<i64, EntryError> {
    match parse_days(text.trim()) {
        Some(days) if days < 0 => Err(refuse(text, "a duration cannot be negative")),
        Some(days) if days > crate::check::MAX_DAYS => Err(refuse(
            text,
            format!("at most {} working days", crate::check::MAX_DAYS),
        )),
        Some(days) => Ok(days),
        None => Err(refuse(
            text,
            "not a duration: type a number of days like 5, 5d or 3w",
        )),
    }
}

/// `N`, `Nd` or `Nw` with an optional sign, in working days.
fn parse_days(text: &str) -> Option<i64> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().last()? {
        (at, 'd' | 'D') => (&text[..at], 1),
        (at, 'w' | 'W') => (&text[..at], DAYS_PER_WEEK),
        _ => (text, 1),
    };
    let number = number.trim();
    if number.is_empty()
        || !number
            .trim_start_matches(['+', '-'])
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    number.parse::<i64>().ok()?.checked_mul(unit)
}

/// One predecessor as typed: the predecessor's id, the link type and the lag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predecessor {
    pub id: String,
    pub kind: LinkType,
    pub lag: i64,
}

/// A comma- or semicolon-separated predecessor list. `is_known` says whether an id exists;
/// an unknown id is refused naming it. An empty text is an empty list.
pub fn parse_predecessors(
    text: &str,
    is_known: impl Fn(&str) -> bool,
) -> Result<Vec<Predecessor>, EntryError> {
    let mut links: Vec<Predecessor> = Vec::new();
    for token in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        let link = parse_predecessor(token, &is_known)?;
        if links.iter().any(|l| l.id == link.id) {
            return Err(refuse(token, format!("'{}' is listed twice", link.id)));
        }
        links.push(link);
    }
    Ok(links)
}

fn parse_predecessor(
    token: &str,
    is_known: &impl Fn(&str) -> bool,
) -> Result<Predecessor, EntryError> {
    if is_known(token) {
        return Ok(Predecessor {
            id: token.to_string(),
            kind: LinkType::FS,
            lag: 0,
        });
    }
    // A lag follows an explicit link type (`14FS+2d`), so `API-3` stays an id.
    let (head, lag) = match token.rfind(['+', '-']) {
        Some(at) if split_kind(&token[..at]).1.is_some() => {
            let lag = parse_days(&token[at..])
                .ok_or_else(|| refuse(token, "the lag is not a number of days like +2d or -1w"))?;
            (&token[..at], lag)
        }
        _ => (token, 0),
    };
    let (id, kind) = split_kind(head);
    let id = id.trim();
    if id.is_empty() {
        return Err(refuse(token, "no task id before the link type"));
    }
    if !is_known(id) {
        let hint = if token.contains(['+', '-']) && kind.is_none() {
            " (a lag needs a link type before it, as in 14FS+2d)"
        } else {
            ""
        };
        return Err(refuse(token, format!("there is no task '{id}'{hint}")));
    }
    if lag.abs() > crate::check::MAX_DAYS {
        return Err(refuse(
            token,
            format!("a lag is at most ±{} working days", crate::check::MAX_DAYS),
        ));
    }
    Ok(Predecessor {
        id: id.to_string(),
        kind: kind.unwrap_or(LinkType::FS),
        lag,
    })
}

/// Splits a trailing link type (`FS`, `SS`, `FF`, `SF`, any case) off the text.
fn split_kind(text: &str) -> (&str, Option<LinkType>) {
    let text = text.trim_end();
    let Some(at) = text
        .len()
        .checked_sub(2)
        .filter(|&at| at > 0 && text.is_char_boundary(at))
    else {
        return (text, None);
    };
    let kind = match text[at..].to_ascii_uppercase().as_str() {
        "FS" => LinkType::FS,
        "SS" => LinkType::SS,
        "FF" => LinkType::FF,
        "SF" => LinkType::SF,
        _ => return (text, None),
    };
    (&text[..at], Some(kind))
}

/// Writes predecessors back in the same notation: `id` for a plain finish-to-start link,
/// else `idTYPE±lag d`.
pub fn format_predecessors(links: &[Predecessor]) -> String {
    links
        .iter()
        .map(format_predecessor)
        .collect::<Vec<_>>()
        .join(", ")
}

fn format_predecessor(link: &Predecessor) -> String {
    match (link.kind, link.lag) {
        (LinkType::FS, 0) => link.id.clone(),
        (kind, 0) => format!("{}{kind:?}", link.id),
        (kind, lag) => format!("{}{kind:?}{lag:+}d", link.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        for (text, days) in [
            ("5", 5),
            ("5d", 5),
            (" 5 D ", 5),
            ("3w", 15),
            ("0", 0),
            ("3 w", 15),
        ] {
            assert_eq!(parse_duration(text), Ok(days), "{text}");
        }
        for text in ["abc", "", "5x", "-2", "1.5d", "w", "99999999999999999999"] {
            assert!(parse_duration(text).is_err(), "{text}");
        }
        assert_eq!(
            parse_duration("abc").unwrap_err().to_string(),
            "'abc': not a duration: type a number of days like 5, 5d or 3w"
        );
    }

    fn known(id: &str) -> bool {
        ["12", "14", "20", "API-3", "PASS", "web"].contains(&id)
    }

    #[test]
    fn predecessors_in_ms_project_notation() {
        let links = parse_predecessors("12, 14SS+2d; 20ff-1w, API-3SF, PASS, webFS+3", known);
        let links = links.unwrap_or_else(|e| panic!("{e}"));
        let got: Vec<(&str, LinkType, i64)> = links
            .iter()
            .map(|l| (l.id.as_str(), l.kind, l.lag))
            .collect();
        assert_eq!(
            got,
            [
                ("12", LinkType::FS, 0),
                ("14", LinkType::SS, 2),
                ("20", LinkType::FF, -5),
                ("API-3", LinkType::SF, 0),
                ("PASS", LinkType::FS, 0),
                ("web", LinkType::FS, 3),
            ]
        );
        assert_eq!(
            format_predecessors(&links),
            "12, 14SS+2d, 20FF-5d, API-3SF, PASS, webFS+3d"
        );
        assert_eq!(parse_predecessors("  ", known), Ok(vec![]));
    }

    #[test]
    fn bad_predecessors_name_the_culprit() {
        let error = |text: &str| parse_predecessors(text, known).unwrap_err().to_string();
        assert_eq!(error("12, 99"), "'99': there is no task '99'");
        assert_eq!(
            error("14SS+x"),
            "'14SS+x': the lag is not a number of days like +2d or -1w"
        );
        assert_eq!(
            error("14+2d"),
            "'14+2d': there is no task '14+2d' (a lag needs a link type before it, as in 14FS+2d)"
        );
        assert_eq!(error("12, 12SS"), "'12SS': '12' is listed twice");
        assert_eq!(
            error("SS+2"),
            "'SS+2': there is no task 'SS+2' (a lag needs a link type before it, as in 14FS+2d)"
        );
    }
}
