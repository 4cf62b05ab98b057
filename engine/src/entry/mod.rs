//! What people type into cells: durations (`5`, `5d`, `3w`), predecessor lists in the
//! notation users know from MS Project (`12, 14SS+2d, 20FF-1d`), three-point estimates
//! (`5/8/15`), distributions (`PERT`), resource demands (`sre, sec:0.5`, in `demands.rs`)
//! and pasted lists of dates (holidays), parsed and written back.
//!
//! Parsing never panics and says what is wrong with which part. Ids are the program's task
//! ids, so a predecessor token is read from its end: an optional link type (`FS`, `SS`,
//! `FF`, `SF`, any case) and, after a link type only, a lag (`+2d`, `-1w`, `+3`); the rest
//! is the id. A token that is itself a known id is taken whole (so a task called `PASS` is
//! not read as `PA` start-to-start, and `API-3` is not `API` with a lead).
//!
//! ```
//! use engine::entry::{parse_duration, parse_predecessors, format_predecessors, Predecessor};
//! use engine::entry::{parse_estimate, format_estimate, parse_dates};
//! use engine::LinkType;
//! assert_eq!(parse_duration("3w"), Ok(15));
//! let known = |id: &str| ["12", "14", "20"].contains(&id);
//! let links = parse_predecessors("12, 14SS+2d, 20FF-1d", known).unwrap();
//! assert_eq!(links[1], Predecessor { id: "14".into(), kind: LinkType::SS, lag: 2 });
//! assert_eq!(format_predecessors(&links), "12, 14SS+2d, 20FF-1d");
//! let estimate = parse_estimate("2.5 / 1w / 3w").unwrap().unwrap();
//! assert_eq!(format_estimate(&estimate), "2.5/5/15");
//! assert_eq!(parse_dates("2026-12-24..2026-12-26, 2027-01-01").unwrap().len(), 4);
//! ```

mod demands;

pub use demands::{format_demands, parse_demands};

use crate::model::{Distribution, Estimate, LinkType};
use chrono::NaiveDate;
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
    if !(-crate::check::MAX_DAYS..=crate::check::MAX_DAYS).contains(&lag) {
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

/// A three-point estimate, `optimistic/likely/pessimistic` in working days: `5/8/15`.
/// Each number may have a unit (`d`, or `w` for weeks of [`DAYS_PER_WEEK`] days) and
/// decimals (`2.5/4/6`); spaces are allowed. Empty text is no estimate. The distribution is
/// left at its default (a cell of its own sets it, [`parse_distribution`]).
pub fn parse_estimate(text: &str) -> Result<Option<Estimate>, EntryError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split('/').collect();
    let [a, m, b] = parts[..] else {
        return Err(refuse(
            text,
            "a three-point estimate is three numbers of days, optimistic/likely/pessimistic, like 5/8/15",
        ));
    };
    let (optimistic, likely, pessimistic) =
        (estimate_point(a)?, estimate_point(m)?, estimate_point(b)?);
    if !(optimistic <= likely && likely <= pessimistic) {
        return Err(refuse(text, "optimistic ≤ likely ≤ pessimistic"));
    }
    Ok(Some(Estimate {
        optimistic,
        likely,
        pessimistic,
        distribution: Distribution::default(),
    }))
}

/// One point of an estimate: a number of days, 0 or more, at most [`crate::check::MAX_DAYS`].
fn estimate_point(part: &str) -> Result<f64, EntryError> {
    let Some(days) = parse_fractional_days(part) else {
        return Err(refuse(
            part,
            "not a number of days: type it like 5, 2.5d or 1w",
        ));
    };
    if days < 0.0 {
        return Err(refuse(part, "a number of days cannot be negative"));
    }
    if days > crate::check::MAX_DAYS as f64 {
        return Err(refuse(
            part,
            format!("at most {} working days", crate::check::MAX_DAYS),
        ));
    }
    Ok(days)
}

/// `N`, `N.N`, with an optional sign and unit `d` or `w`, in working days. Only digits and
/// one decimal point: no exponents, no `inf` or `NaN`.
fn parse_fractional_days(text: &str) -> Option<f64> {
    let text = text.trim();
    let (number, unit) = match text.char_indices().last()? {
        (at, 'd' | 'D') => (&text[..at], 1.0),
        (at, 'w' | 'W') => (&text[..at], DAYS_PER_WEEK as f64),
        _ => (text, 1.0),
    };
    let number = number.trim();
    let digits = number.strip_prefix(['+', '-']).unwrap_or(number);
    let well_formed = digits.chars().any(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    if !well_formed {
        return None;
    }
    let value = number.parse::<f64>().ok()? * unit;
    value.is_finite().then_some(value)
}

/// An estimate written back as it is typed: `5/8/15`, whole numbers without decimals,
/// others with up to two (`2.5/4/6.33`).
pub fn format_estimate(estimate: &Estimate) -> String {
    [estimate.optimistic, estimate.likely, estimate.pessimistic]
        .map(format_days)
        .join("/")
}

/// A number of days with at most two decimals and no trailing zeros.
fn format_days(days: f64) -> String {
    let text = format!("{days:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" => "0".to_string(),
        other => other.to_string(),
    }
}

/// The shape of an estimate: `pert` (or `beta`), `triangular` (or `tri`), `uniform`, any
/// case. Empty text is the default, PERT.
pub fn parse_distribution(text: &str) -> Result<Distribution, EntryError> {
    match text.trim().to_lowercase().as_str() {
        "" | "pert" | "beta" | "beta-pert" => Ok(Distribution::Pert),
        "triangular" | "tri" => Ok(Distribution::Triangular),
        "uniform" => Ok(Distribution::Uniform),
        _ => Err(refuse(
            text,
            "not a distribution: type PERT, triangular or uniform",
        )),
    }
}

/// A distribution's name as a cell shows it: `PERT`, `Triangular`, `Uniform`.
pub fn format_distribution(distribution: Distribution) -> &'static str {
    match distribution {
        Distribution::Pert => "PERT",
        Distribution::Triangular => "Triangular",
        Distribution::Uniform => "Uniform",
    }
}

/// The longest range of dates [`parse_dates`] takes, in days (a year, leap or not).
pub const MAX_RANGE_DAYS: i64 = 366;

/// The most dates one [`parse_dates`] returns: far more than any calendar's holidays, and
/// a bound on what a paste can allocate.
pub const MAX_DATES: usize = 100_000;

/// Dates pasted as a list, for holidays: `YYYY-MM-DD` (or `YYYY/MM/DD`) separated by commas,
/// semicolons, newlines, tabs or spaces, and inclusive ranges written `2026-12-24..2026-12-31`,
/// `2026-12-24 to 2026-12-31` or with a dash between spaces or an en dash
/// (`2026-12-24 – 2026-12-31`). The result is sorted, without duplicates. A token that is not
/// a date, or a range that is reversed or longer than [`MAX_RANGE_DAYS`], is refused naming
/// it.
pub fn parse_dates(text: &str) -> Result<Vec<NaiveDate>, EntryError> {
    let tokens = date_tokens(text);
    let mut dates = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (from, from_end) = tokens[i];
        let token = &text[from..from_end];
        if is_range_joiner(token) {
            return Err(refuse(
                token,
                "a range needs a date on each side, like 2026-12-24..2026-12-31",
            ));
        }
        let first = parse_date(token)?;
        let Some(&(_, joiner_end)) = tokens
            .get(i + 1)
            .filter(|&&(a, b)| is_range_joiner(&text[a..b]))
        else {
            dates.push(first);
            i += 1;
            continue;
        };
        let Some(&(last_at, last_end)) = tokens
            .get(i + 2)
            .filter(|&&(a, b)| !is_range_joiner(&text[a..b]))
        else {
            return Err(refuse(
                &text[from..joiner_end],
                "a range needs a date on each side, like 2026-12-24..2026-12-31",
            ));
        };
        let range = &text[from..last_end];
        let last = parse_date(&text[last_at..last_end])?;
        push_range(&mut dates, range, first, last)?;
        if dates.len() > MAX_DATES {
            return Err(refuse(range, format!("more than {MAX_DATES} dates")));
        }
        i += 3;
    }
    if dates.len() > MAX_DATES {
        return Err(refuse(text, format!("more than {MAX_DATES} dates")));
    }
    dates.sort_unstable();
    dates.dedup();
    Ok(dates)
}

/// The byte ranges of the tokens of a date list: separators end tokens, and `..`, `–` and
/// `—` are tokens of their own even between dates without spaces.
fn date_tokens(text: &str) -> Vec<(usize, usize)> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let joiner_len = match c {
            '–' | '—' => c.len_utf8(),
            '.' if chars.peek().is_some_and(|&(_, next)| next == '.') => 2,
            _ => 0,
        };
        let separator = matches!(c, ',' | ';') || c.is_whitespace();
        if separator || joiner_len > 0 {
            if let Some(from) = start.take() {
                tokens.push((from, at));
            }
            if joiner_len > 0 {
                tokens.push((at, at + joiner_len));
                if joiner_len == 2 {
                    chars.next();
                }
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(from) = start {
        tokens.push((from, text.len()));
    }
    tokens
}

/// `..`, `to`, `-` (standing alone), `–` or `—`.
fn is_range_joiner(token: &str) -> bool {
    matches!(token, ".." | "-" | "–" | "—") || token.eq_ignore_ascii_case("to")
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` (month and day may have one digit).
fn parse_date(token: &str) -> Result<NaiveDate, EntryError> {
    let unreadable = || {
        refuse(
            token,
            "not a date: write dates as YYYY-MM-DD, like 2026-12-24",
        )
    };
    let separator = if token.contains('/') { '/' } else { '-' };
    let parts: Vec<&str> = token.split(separator).collect();
    let [year, month, day] = parts[..] else {
        return Err(unreadable());
    };
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    if !(digits(year, 4..=4) && digits(month, 1..=2) && digits(day, 1..=2)) {
        return Err(unreadable());
    }
    let number = |part: &str| part.parse::<u32>().ok();
    let date = match (year.parse::<i32>().ok(), number(month), number(day)) {
        (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d),
        _ => None,
    };
    date.ok_or_else(|| refuse(token, "there is no such date"))
}

/// Every day from `first` to `last`, both included.
fn push_range(
    dates: &mut Vec<NaiveDate>,
    range: &str,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<(), EntryError> {
    let days = (last - first).num_days() + 1;
    if days < 1 {
        return Err(refuse(range, "the range ends before it starts"));
    }
    if days > MAX_RANGE_DAYS {
        return Err(refuse(
            range,
            format!("a range is at most {MAX_RANGE_DAYS} days; this one is {days}"),
        ));
    }
    dates.extend(first.iter_days().take(days as usize));
    Ok(())
}

#[cfg(test)]
mod tests;
