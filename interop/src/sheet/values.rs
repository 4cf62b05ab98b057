//! What a cell of a spreadsheet export says: a number (a decimal point or comma), a
//! duration with its unit (`2.5d`, `3 wks`, `4h`, `1w 2d`), a date in the forms Excel,
//! Sheets, Smartsheet, MS Project and Jira write (`2026-03-09`, `09/03/2026`, `3/9/26`,
//! `9/Mar/26 10:30 AM`, `Mon 3/9/26`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A number: digits with a decimal point or a decimal comma (`2.5`, `2,5`), no sign.
pub(crate) fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = if text.contains('.') {
        text.to_owned()
    } else {
        text.replacen(',', ".", 1)
    };
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let plain = text.chars().all(|c| c.is_ascii_digit() || c == '.');
    if digits == 0 || !plain || text.matches('.').count() > 1 {
        return None;
    }
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A duration typed in a cell, in working days (not rounded): a number with an optional
/// unit — days (`d`, `day`, `days`), weeks of five days (`w`, `wk`, `wks`, `week`), hours
/// (`h`, `hr`, `hrs`, `hour`) of `hours_per_day`, minutes (`m`, `min`) — several parts
/// added (`1w 2d`); MS Project's `?` for an estimate ignored.
pub(crate) fn duration_days(text: &str, hours_per_day: f64) -> Result<f64, String> {
    let text = text.trim().trim_end_matches('?').trim();
    if let Ok(days) = engine::entry::parse_duration(text) {
        return Ok(days as f64);
    }
    if text.starts_with('-') {
        return Err("a duration cannot be negative".to_owned());
    }
    let mut total = 0.0;
    let mut rest = text;
    while !rest.trim().is_empty() {
        let (days, after) = duration_part(rest.trim_start(), hours_per_day)?;
        total += days;
        rest = after;
    }
    if text.is_empty() {
        return Err("empty".to_owned());
    }
    Ok(total)
}

/// The first `number unit` of `text` in days, and the text after it.
fn duration_part(text: &str, hours_per_day: f64) -> Result<(f64, &str), String> {
    let number_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    let value = number(&text[..number_end]).ok_or_else(not_a_duration)?;
    let rest = text[number_end..].trim_start();
    let unit_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let unit = rest[..unit_end].to_lowercase();
    let per = match unit.as_str() {
        "" | "d" | "day" | "days" | "dy" | "dys" => 1.0,
        "w" | "wk" | "wks" | "week" | "weeks" => engine::entry::DAYS_PER_WEEK as f64,
        "h" | "hr" | "hrs" | "hour" | "hours" => 1.0 / hours_per_day,
        "m" | "min" | "mins" | "minute" | "minutes" => 1.0 / 60.0 / hours_per_day,
        "ed" | "eday" | "edays" | "ew" | "ewk" | "eweek" | "eh" | "ehr" | "ehour" => {
            return Err(
                "an elapsed duration is not read: give working days (5d) or weeks (2w)".to_owned(),
            );
        }
        _ => return Err(not_a_duration()),
    };
    Ok((value * per, &rest[unit_end..]))
}

fn not_a_duration() -> String {
    "not a duration: give working days like 5, 5d, 2.5d or 3w".to_owned()
}

/// How to read a date of three numbers such as `03/04/2026`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// As the file shows: a first number over 12 makes it day first, a second one month
    /// first; when no date tells, day first in a file separated by `;` or dated with dots
    /// (Europe), month first otherwise (US Excel, Smartsheet, Jira).
    #[default]
    Auto,
    /// `dd/mm/yyyy`
    DayFirst,
    /// `mm/dd/yyyy`
    MonthFirst,
}

/// A date cell's parts before the order of day and month is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateParts {
    /// Year, month and day known (ISO, or a month name).
    Known(NaiveDate),
    /// Two numbers of which one is the day and the other the month, and the year:
    /// `first/second/year`; `dots` when written with dots.
    Numeric {
        first: u32,
        second: u32,
        year: i32,
        dots: bool,
    },
}

impl DateParts {
    /// The date, reading two numbers day first or not.
    pub(crate) fn date(self, day_first: bool) -> Option<NaiveDate> {
        match self {
            DateParts::Known(date) => Some(date),
            DateParts::Numeric {
                first,
                second,
                year,
                ..
            } => {
                let (day, month) = if day_first {
                    (first, second)
                } else {
                    (second, first)
                };
                NaiveDate::from_ymd_opt(year, month, day)
            }
        }
    }
}

/// The parts of a date cell; a time after the date is ignored.
pub(crate) fn date_parts(text: &str) -> Option<DateParts> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.first() {
        Some(first) if is_weekday(first) => &words[1..],
        _ => &words[..],
    };
    let first = words.first()?;
    if let Some(parts) = one_word_date(first) {
        return Some(parts);
    }
    let three = words.get(..3)?;
    named_month_date(three[0], three[1], three[2]).map(DateParts::Known)
}

/// `2026-03-09` (a `T` and a time may follow), `09/03/2026`, `9.3.26`, `9-Mar-26`.
fn one_word_date(word: &str) -> Option<DateParts> {
    // An ISO date and time: `2026-03-09T08:00:00` (not the T of `Sept`).
    let word = match word.find('T') {
        Some(at) if at >= 8 && word[..at].chars().all(|c| c.is_ascii_digit() || c == '-') => {
            &word[..at]
        }
        _ => word,
    };
    let separator = word.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = word.split(separator).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if a.len() == 4 {
        let date = NaiveDate::from_ymd_opt(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)?;
        return Some(DateParts::Known(date));
    }
    if let Some(date) = named_month_date(a, b, c) {
        return Some(DateParts::Known(date));
    }
    Some(DateParts::Numeric {
        first: small(a)?,
        second: small(b)?,
        year: year(c)?,
        dots: separator == '.',
    })
}

/// `9 Mar 2026`, `Mar 9 2026`, `9/Mar/26`: a day, an English month name and a year.
fn named_month_date(a: &str, b: &str, c: &str) -> Option<NaiveDate> {
    let (day, month) = match (month_number(a), month_number(b)) {
        (None, Some(month)) => (small(a)?, month),
        (Some(month), None) => (small(b)?, month),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year(c)?, month, day)
}

/// One or two digits.
fn small(text: &str) -> Option<u32> {
    let text = text.trim_end_matches('.');
    (!text.is_empty() && text.len() <= 2 && text.chars().all(|c| c.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// A year of four digits, or of two (`26` is 2026; `69` to `99` are 19xx).
fn year(text: &str) -> Option<i32> {
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let value: i32 = text.parse().ok()?;
    match text.len() {
        4 => Some(value),
        2 if value >= 69 => Some(1900 + value),
        2 => Some(2000 + value),
        _ => None,
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `Mar`, `March`, `Sept.`: the month's number.
fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 || !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (0..12)
        .find(|&i| full[i].starts_with(&word) && word.starts_with(MONTHS[i]))
        .map(|i| i as u32 + 1)
}

fn is_weekday(word: &str) -> bool {
    let word = word.trim_end_matches('.').to_lowercase();
    let days = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    word.len() >= 2 && days.iter().any(|d| d.starts_with(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn numbers_take_a_point_or_a_comma() {
        assert_eq!(number("2.5"), Some(2.5));
        assert_eq!(number(" 2,5 "), Some(2.5));
        assert_eq!(number("28800"), Some(28800.0));
        for bad in ["", "-1", "1.2.3", "inf", "NaN", "1e5", "five"] {
            assert_eq!(number(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations_take_units_and_decimals() {
        let cases = [
            ("5", 5.0),
            ("5d", 5.0),
            ("3w", 15.0),
            ("2.5d", 2.5),
            ("2,5", 2.5),
            ("4h", 0.5),
            ("3 wks", 15.0),
            ("1w 2d", 7.0),
            ("5 days?", 5.0),
            ("0", 0.0),
            ("240 mins", 0.5),
        ];
        for (text, days) in cases {
            assert_eq!(duration_days(text, 8.0), Ok(days), "{text}");
        }
        for bad in ["", "-2", "abc", "5 months", "3ed", "5x"] {
            assert!(duration_days(bad, 8.0).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_in_every_export_form() {
        let known = |text: &str| match date_parts(text) {
            Some(DateParts::Known(date)) => date,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(known("2026-03-09"), day(2026, 3, 9));
        assert_eq!(known("2026-03-09T08:00:00"), day(2026, 3, 9));
        assert_eq!(known("9/Mar/26 10:30 AM"), day(2026, 3, 9));
        assert_eq!(known("09-Mar-2026"), day(2026, 3, 9));
        assert_eq!(known("9-SEPT-26"), day(2026, 9, 9));
        assert_eq!(known("9 March 2026"), day(2026, 3, 9));
        assert_eq!(known("Mar 9, 2026"), day(2026, 3, 9));
        let parts = date_parts("Mon 3/9/26").unwrap();
        assert_eq!(parts.date(false), Some(day(2026, 3, 9)));
        assert_eq!(parts.date(true), Some(day(2026, 9, 3)));
        let dotted = date_parts("09.03.2026 08:00").unwrap();
        assert!(matches!(dotted, DateParts::Numeric { dots: true, .. }));
        for bad in ["", "soon", "2026-02-30", "13/13/2026", "1/2"] {
            let date = date_parts(bad).and_then(|p| p.date(true));
            assert_eq!(date, None, "{bad}");
        }
    }
}
