//! `Adjustment`: what quick impact does to each chosen task (a slip or a new duration), read
//! from what was typed and read back in the unit typed.

use super::Change;

/// What quick impact does to each chosen task: slip it, or re-estimate it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Adjustment {
    /// Working days more (fewer if negative).
    Slip(i64),
    /// A new duration in working days.
    Duration(i64),
}

impl Adjustment {
    /// Reads what was typed: `+15d`, `-2d`, `3w` … A leading `+` or `-` is always a slip;
    /// without a sign, `slip` says whether it is a slip or a new duration.
    pub fn parse(text: &str, slip: bool) -> Result<Adjustment, String> {
        let text = text.trim();
        let (sign, rest) = match text.strip_prefix('+') {
            Some(rest) => (Some(1), rest),
            None => match text.strip_prefix('-').or_else(|| text.strip_prefix('−')) {
                Some(rest) => (Some(-1), rest),
                None => (None, text),
            },
        };
        let days = crate::entry::parse_duration(rest).map_err(|e| e.to_string())?;
        Ok(match (sign, slip) {
            (Some(sign), _) => Adjustment::Slip(sign * days),
            (None, true) => Adjustment::Slip(days),
            (None, false) => Adjustment::Duration(days),
        })
    }

    /// The changes that make this adjustment to each of `tasks`.
    pub fn changes(self, tasks: &[String]) -> Vec<Change> {
        tasks
            .iter()
            .map(|task| match self {
                Adjustment::Slip(days) => Change::Slip {
                    task: task.clone(),
                    days,
                },
                Adjustment::Duration(days) => Change::Estimate {
                    task: task.clone(),
                    days,
                },
            })
            .collect()
    }

    /// A short label: `+15d`, `-2d`, `→ 20d`.
    pub fn label(self) -> String {
        match self {
            Adjustment::Slip(days) => format!("{days:+}d"),
            Adjustment::Duration(days) => format!("→ {days}d"),
        }
    }

    /// The short label in the unit `text` (what was typed for this adjustment) used, so that
    /// `2w` reads back as `+2w`, not `+10d`: `+2w`, `-3d`, `→ 4w`; a bare number is in days
    /// (`15` → `+15d`). [`Adjustment::label`] if `text` does not read as this adjustment.
    pub fn typed_label(self, text: &str) -> String {
        match self.typed(text) {
            Some((number, unit)) => match self {
                Adjustment::Slip(days) => {
                    let sign = if days < 0 { '-' } else { '+' };
                    format!("{sign}{number}{unit}")
                }
                Adjustment::Duration(_) => format!("→ {number}{unit}"),
            },
            None => self.label(),
        }
    }

    /// The amount said in full, as typed and in working days where they differ: a slip
    /// `+2w (10 working days)`, `+15 working days`, `-1 working day`; a new duration `4w
    /// (20 working days)`, `20 working days`.
    pub fn typed_wording(self, text: &str) -> String {
        let in_weeks = self.typed(text).is_some_and(|(_, unit)| unit == 'w');
        let days = match self {
            Adjustment::Slip(days) | Adjustment::Duration(days) => days,
        };
        let working_days =
            crate::words::count(days.unsigned_abs() as usize, "working day", "working days");
        let label = self.typed_label(text);
        match (self, in_weeks) {
            (Adjustment::Slip(_), true) => format!("{label} ({working_days})"),
            (Adjustment::Slip(days), false) => {
                let sign = if days < 0 { '-' } else { '+' };
                format!("{sign}{working_days}")
            }
            (Adjustment::Duration(_), true) => {
                format!("{} ({working_days})", label.trim_start_matches("→ "))
            }
            (Adjustment::Duration(_), false) => working_days,
        }
    }

    /// The number and unit (`d` or `w`) of `text`, if it reads as this adjustment.
    fn typed(self, text: &str) -> Option<(String, char)> {
        let slip = matches!(self, Adjustment::Slip(_));
        if Adjustment::parse(text, slip) != Ok(self) {
            return None;
        }
        let text = text.trim();
        let unsigned = text
            .strip_prefix(['+', '-', '−'])
            .unwrap_or(text)
            .trim_start();
        let (number, unit) = match unsigned.chars().last()? {
            'w' | 'W' => (&unsigned[..unsigned.len() - 1], 'w'),
            'd' | 'D' => (&unsigned[..unsigned.len() - 1], 'd'),
            _ => (unsigned, 'd'),
        };
        Some((number.trim().to_owned(), unit))
    }
}
