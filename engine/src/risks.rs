//! The forecast's risks as people edit them: a probability typed as a percent (`30%`), an
//! impact range in working days (`5–15`), the tasks a risk would delay, and a readable id
//! for a new risk (`R1`, `R2` …, never one already used).
//!
//! Each editing function returns the edits of one user action (for
//! [`crate::edit::History::apply`], which checks the program again; none when the value
//! typed is the one there already), or a [`Refusal`] that names the field at fault and says
//! why. Nothing here changes the program.
//!
//! ```
//! use engine::risks::{parse_percent, format_percent, parse_impact, format_impact};
//! assert_eq!(parse_percent("30%"), Ok(0.3));
//! assert_eq!(format_percent(0.125), "12.5%");
//! let impact = parse_impact("1w–15").unwrap();
//! assert_eq!((impact.min, impact.max), (5, 15));
//! assert_eq!(format_impact(impact), "5–15");
//! ```
//!
//! Does not: decide whether a risk happens (the forecast draws that) or check anything but
//! the field typed (the engine's check still refuses a program it cannot forecast).

use crate::edit::Edit;
use crate::entry::{EntryError, parse_duration};
use crate::model::{Impact, Program, Risk};

/// The part of a risk a [`Refusal`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskField {
    Title,
    Probability,
    Impact,
    Tasks,
    /// The risk as a whole (it no longer exists, say).
    Risk,
}

/// Why a risk's field was not changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub field: RiskField,
    pub message: String,
}

fn refuse(field: RiskField, message: impl Into<String>) -> Refusal {
    Refusal {
        field,
        message: message.into(),
    }
}

fn entry_error(part: &str, message: impl Into<String>) -> EntryError {
    EntryError {
        part: part.trim().to_owned(),
        message: message.into(),
    }
}

/// A probability typed as a percent, returned from 0 to 1: `30`, `30%`, `12.5 %`, `0%`,
/// `100%`. A number between 0 and 1 without `%` (`0.3`) is refused as ambiguous: it could
/// mean 30% or 0.3%.
pub fn parse_percent(text: &str) -> Result<f64, EntryError> {
    let trimmed = text.trim();
    let (number, has_sign) = match trimmed.strip_suffix('%') {
        Some(number) => (number.trim(), true),
        None => (trimmed, false),
    };
    let digits = number.strip_prefix(['+', '-', '−']).unwrap_or(number);
    let well_formed = digits.chars().any(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    if !well_formed {
        return Err(entry_error(
            text,
            "not a percent: type the chance that it happens, like 30%",
        ));
    }
    let negative = number.len() != digits.len() && !number.starts_with('+');
    let value = digits.parse::<f64>().unwrap_or(f64::NAN);
    if negative && value > 0.0 || !(0.0..=100.0).contains(&value) {
        return Err(entry_error(text, "a probability is 0% to 100%"));
    }
    if !has_sign && value > 0.0 && value < 1.0 {
        return Err(entry_error(
            text,
            format!(
                "type a percent: {}% for this as a share, or {value}% if you mean it",
                format_number(value * 100.0)
            ),
        ));
    }
    Ok(value / 100.0)
}

/// A probability (0 to 1) as a percent, with at most one decimal: `30%`, `12.5%`.
pub fn format_percent(probability: f64) -> String {
    format!("{}%", format_number(probability * 100.0))
}

/// At most one decimal, none when whole.
fn format_number(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").unwrap_or(&text).to_owned()
}

/// An impact range in working days: `5-15`, `5–15`, `5..15`, `5 to 15`; each side may
/// have a unit (`1w`, `10d`). A single number is a fixed impact (`10` is 10 to 10). The
/// least must not be more than the most.
pub fn parse_impact(text: &str) -> Result<Impact, EntryError> {
    let normalised = text
        .replace(['–', '—'], "-")
        .replace("..", "-")
        .replace(" to ", "-");
    let parts: Vec<&str> = normalised.split('-').collect();
    let (min, max) = match parts[..] {
        [one] => {
            let days = parse_duration(one)?;
            (days, days)
        }
        [low, high] if !low.trim().is_empty() && !high.trim().is_empty() => {
            (parse_duration(low)?, parse_duration(high)?)
        }
        _ => {
            return Err(entry_error(
                text,
                "not a range of working days: type the least and the most, like 5-15",
            ));
        }
    };
    if min > max {
        return Err(entry_error(
            text,
            format!("the least ({min}) is more than the most ({max}): type it like {max}-{min}"),
        ));
    }
    Ok(Impact { min, max })
}

/// An impact range as typed: `5–15`, or `10` when fixed.
pub fn format_impact(impact: Impact) -> String {
    if impact.min == impact.max {
        impact.min.to_string()
    } else {
        format!("{}–{}", impact.min, impact.max)
    }
}

/// The id for a new risk: `R` and one more than the highest `R` number in use (`R1` in a
/// program without risks), so a new id never repeats a listed one.
pub fn next_risk_id(program: &Program) -> String {
    let highest = program
        .risks
        .iter()
        .filter_map(|r| r.id.strip_prefix('R')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let mut n = highest.saturating_add(1);
    // Only an id like `R007` could still clash; skip past it.
    while program.risks.iter().any(|r| r.id == format!("R{n}")) {
        n = n.saturating_add(1);
    }
    format!("R{n}")
}

/// A new risk, added last with the next id: a title, a probability typed as a percent and
/// an impact range; it delays no task until tasks are added to it.
pub fn add_risk(
    program: &Program,
    title: &str,
    probability: &str,
    impact: &str,
) -> Result<Vec<Edit>, Refusal> {
    let risk = Risk {
        id: next_risk_id(program),
        title: title_of(title)?,
        probability: parse_percent(probability)
            .map_err(|e| refuse(RiskField::Probability, e.message))?,
        impact: parse_impact(impact).map_err(|e| refuse(RiskField::Impact, e.message))?,
        tasks: Vec::new(),
        ..Default::default()
    };
    Ok(vec![Edit::InsertRisk {
        index: program.risks.len(),
        risk,
    }])
}

/// A new title (trimmed, not empty).
pub fn set_title(program: &Program, risk: &str, text: &str) -> Result<Vec<Edit>, Refusal> {
    let title = title_of(text)?;
    replace(program, risk, |r| r.title = title)
}

/// A new probability, typed as a percent ([`parse_percent`]).
pub fn set_probability(program: &Program, risk: &str, text: &str) -> Result<Vec<Edit>, Refusal> {
    let probability = parse_percent(text).map_err(|e| refuse(RiskField::Probability, e.message))?;
    replace(program, risk, |r| r.probability = probability)
}

/// A new impact range ([`parse_impact`]).
pub fn set_impact(program: &Program, risk: &str, text: &str) -> Result<Vec<Edit>, Refusal> {
    let impact = parse_impact(text).map_err(|e| refuse(RiskField::Impact, e.message))?;
    replace(program, risk, |r| r.impact = impact)
}

/// One more task the risk would delay (a task of the program, not already listed).
pub fn add_task(program: &Program, risk: &str, task: &str) -> Result<Vec<Edit>, Refusal> {
    let Some(found) = program.tasks.iter().find(|t| t.id == task) else {
        return Err(refuse(
            RiskField::Tasks,
            format!("there is no task '{task}' in the plan"),
        ));
    };
    let listed = find(program, risk)?.1.tasks.iter().any(|t| t == task);
    if listed {
        return Err(refuse(
            RiskField::Tasks,
            format!("it already delays '{}'", found.name),
        ));
    }
    replace(program, risk, |r| r.tasks.push(task.to_owned()))
}

/// The risk no longer delays `task`.
pub fn remove_task(program: &Program, risk: &str, task: &str) -> Result<Vec<Edit>, Refusal> {
    if !find(program, risk)?.1.tasks.iter().any(|t| t == task) {
        return Err(refuse(
            RiskField::Tasks,
            format!("it does not delay '{task}'"),
        ));
    }
    replace(program, risk, |r| r.tasks.retain(|t| t != task))
}

/// The risk is removed from the program.
pub fn remove_risk(program: &Program, risk: &str) -> Result<Vec<Edit>, Refusal> {
    let (index, _) = find(program, risk)?;
    Ok(vec![Edit::RemoveRisk { index }])
}

fn title_of(text: &str) -> Result<String, Refusal> {
    let title = text.trim();
    if title.is_empty() {
        return Err(refuse(
            RiskField::Title,
            "a risk needs a title: what could happen",
        ));
    }
    Ok(title.to_owned())
}

fn find<'p>(program: &'p Program, risk: &str) -> Result<(usize, &'p Risk), Refusal> {
    program
        .risks
        .iter()
        .enumerate()
        .find(|(_, r)| r.id == risk)
        .ok_or_else(|| refuse(RiskField::Risk, format!("risk '{risk}' no longer exists")))
}

/// The edit that replaces risk `id` with a changed copy; none if nothing changes (so that
/// retyping a value adds no undo step).
fn replace(
    program: &Program,
    id: &str,
    change: impl FnOnce(&mut Risk),
) -> Result<Vec<Edit>, Refusal> {
    let (index, old) = find(program, id)?;
    let mut risk = old.clone();
    change(&mut risk);
    if risk == *old {
        return Ok(Vec::new());
    }
    Ok(vec![Edit::ReplaceRisk { index, risk }])
}
