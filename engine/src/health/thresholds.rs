//! The assessment's thresholds: DCMA's by default, each editable, and each rule in words.

use super::Check;
use crate::check::MAX_DAYS;
use serde::{Deserialize, Serialize};

/// The limits the checks pass within. Percentages are 0 to 100; days are working days of
/// the program calendar. A file may give only some fields: the rest keep DCMA's values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// 1: at most this share of incomplete tasks missing a predecessor or a successor.
    pub logic_percent: f64,
    /// 2: at most this share of links with a lead (a negative lag).
    pub leads_percent: f64,
    /// 3: at most this share of links with a lag.
    pub lags_percent: f64,
    /// 4: at least this share of links finish-to-start.
    pub fs_percent: f64,
    /// 5: at most this share of incomplete tasks with a hard constraint.
    pub hard_constraints_percent: f64,
    /// 6: total float above this many working days is high…
    pub high_float_days: i64,
    /// … and at most this share of incomplete tasks may have it.
    pub high_float_percent: f64,
    /// 7: at most this share of incomplete tasks with negative float.
    pub negative_float_percent: f64,
    /// 8: a duration above this many working days is high…
    pub high_duration_days: i64,
    /// … and at most this share of incomplete tasks (milestones aside) may have it.
    pub high_duration_percent: f64,
    /// 9: at most this share of tasks with an invalid date.
    pub invalid_dates_percent: f64,
    /// 10: at most this share of incomplete tasks (milestones aside) without a resource,
    /// in a program that has resources.
    pub resources_percent: f64,
    /// 11: at most this share of the tasks due by the status date finishing after their
    /// baseline finish.
    pub missed_tasks_percent: f64,
    /// 12: the delay added to a critical task's duration, in working days.
    pub cpt_delay_days: i64,
    /// 13: the least critical path length index.
    pub cpli: f64,
    /// 14: the least baseline execution index.
    pub bei: f64,
}

impl Default for Thresholds {
    /// DCMA's thresholds.
    fn default() -> Self {
        Thresholds {
            logic_percent: 5.0,
            leads_percent: 0.0,
            lags_percent: 5.0,
            fs_percent: 90.0,
            hard_constraints_percent: 5.0,
            high_float_days: 44,
            high_float_percent: 5.0,
            negative_float_percent: 0.0,
            high_duration_days: 44,
            high_duration_percent: 5.0,
            invalid_dates_percent: 0.0,
            resources_percent: 0.0,
            missed_tasks_percent: 5.0,
            cpt_delay_days: 600,
            cpli: 0.95,
            bei: 0.95,
        }
    }
}

/// Links the link checks count.
const LINKS: &str = "links between incomplete tasks";
const TASKS: &str = "incomplete tasks";

impl Thresholds {
    /// The rule of `check` as a line a pack can print: `≤ 5 % of incomplete tasks`.
    ///
    /// ```
    /// use engine::health::{Check, Thresholds};
    /// let t = Thresholds::default();
    /// assert_eq!(t.describe(Check::Logic), "≤ 5 % of incomplete tasks");
    /// assert_eq!(t.describe(Check::Leads), "0 % of links between incomplete tasks");
    /// assert_eq!(t.describe(Check::Cpli), "≥ 0.95");
    /// ```
    pub fn describe(&self, check: Check) -> String {
        match check {
            Check::Logic => at_most(self.logic_percent, TASKS),
            Check::Leads => at_most(self.leads_percent, LINKS),
            Check::Lags => at_most(self.lags_percent, LINKS),
            Check::RelationshipTypes => {
                format!("≥ {} % of {LINKS} finish-to-start", number(self.fs_percent))
            }
            Check::HardConstraints => at_most(self.hard_constraints_percent, TASKS),
            Check::HighFloat => at_most(
                self.high_float_percent,
                &format!(
                    "{TASKS} with total float > {} working days",
                    self.high_float_days
                ),
            ),
            Check::NegativeFloat => at_most(
                self.negative_float_percent,
                &format!("{TASKS} with negative float"),
            ),
            Check::HighDuration => at_most(
                self.high_duration_percent,
                &format!(
                    "{TASKS} longer than {} working days (milestones aside)",
                    self.high_duration_days
                ),
            ),
            Check::InvalidDates => at_most(self.invalid_dates_percent, "tasks"),
            Check::Resources => at_most(
                self.resources_percent,
                &format!("{TASKS} without a resource (milestones aside)"),
            ),
            Check::MissedTasks => at_most(
                self.missed_tasks_percent,
                "tasks baselined to finish by the status date",
            ),
            Check::CriticalPathTest => format!(
                "the finish moves by all of a {}-working-day delay",
                self.cpt_delay()
            ),
            Check::Cpli => format!("≥ {}", number(self.cpli)),
            Check::Bei => format!("≥ {}", number(self.bei)),
        }
    }

    /// The critical path test's delay, kept within the durations a program may have.
    pub(crate) fn cpt_delay(&self) -> i64 {
        self.cpt_delay_days.clamp(1, MAX_DAYS)
    }

    /// Every threshold within its range, or the first that is not, named: percentages 0 to
    /// 100, days 0 to 100,000 (the delay at least 1), indexes 0 to 10.
    ///
    /// ```
    /// use engine::health::Thresholds;
    /// let t = Thresholds { lags_percent: 120.0, ..Thresholds::default() };
    /// assert_eq!(t.validate().unwrap_err(), "lags_percent is 120; a percentage is 0 to 100");
    /// ```
    pub fn validate(&self) -> Result<(), String> {
        let percents = [
            ("logic_percent", self.logic_percent),
            ("leads_percent", self.leads_percent),
            ("lags_percent", self.lags_percent),
            ("fs_percent", self.fs_percent),
            ("hard_constraints_percent", self.hard_constraints_percent),
            ("high_float_percent", self.high_float_percent),
            ("negative_float_percent", self.negative_float_percent),
            ("high_duration_percent", self.high_duration_percent),
            ("invalid_dates_percent", self.invalid_dates_percent),
            ("resources_percent", self.resources_percent),
            ("missed_tasks_percent", self.missed_tasks_percent),
        ];
        for (name, value) in percents {
            if !(0.0..=100.0).contains(&value) {
                return Err(format!("{name} is {value}; a percentage is 0 to 100"));
            }
        }
        let days = [
            ("high_float_days", self.high_float_days, 0),
            ("high_duration_days", self.high_duration_days, 0),
            ("cpt_delay_days", self.cpt_delay_days, 1),
        ];
        for (name, value, least) in days {
            if !(least..=MAX_DAYS).contains(&value) {
                return Err(format!(
                    "{name} is {value}; it is {least} to {MAX_DAYS} working days"
                ));
            }
        }
        for (name, value) in [("cpli", self.cpli), ("bei", self.bei)] {
            if !(0.0..=10.0).contains(&value) {
                return Err(format!("{name} is {value}; an index is 0 to 10"));
            }
        }
        Ok(())
    }
}

/// `≤ 5 % of {of}`, or `0 % of {of}` when none may.
fn at_most(percent: f64, of: &str) -> String {
    if percent == 0.0 {
        format!("0 % of {of}")
    } else {
        format!("≤ {} % of {of}", number(percent))
    }
}

/// A threshold as written: `5`, `2.5`, `0.95`.
fn number(value: f64) -> String {
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_string()
}

/// Each threshold by its field's name, and what it is in words: the Status tab's rows.
pub const FIELDS: &[(&str, &str)] = &[
    (
        "logic_percent",
        "1 Logic: missing a predecessor or successor, at most (%)",
    ),
    ("leads_percent", "2 Leads: links with a lead, at most (%)"),
    ("lags_percent", "3 Lags: links with a lag, at most (%)"),
    (
        "fs_percent",
        "4 Relationship types: finish-to-start, at least (%)",
    ),
    (
        "hard_constraints_percent",
        "5 Hard constraints: at most (%)",
    ),
    ("high_float_days", "6 High float: more than (working days)"),
    ("high_float_percent", "6 High float: at most (%)"),
    ("negative_float_percent", "7 Negative float: at most (%)"),
    (
        "high_duration_days",
        "8 High duration: more than (working days)",
    ),
    ("high_duration_percent", "8 High duration: at most (%)"),
    ("invalid_dates_percent", "9 Invalid dates: at most (%)"),
    (
        "resources_percent",
        "10 Resources: tasks without one, at most (%)",
    ),
    ("missed_tasks_percent", "11 Missed tasks: at most (%)"),
    (
        "cpt_delay_days",
        "12 Critical path test: the delay added (working days)",
    ),
    ("cpli", "13 CPLI: at least"),
    ("bei", "14 BEI: at least"),
];

impl Thresholds {
    /// The threshold `field` (one of [`FIELDS`]) as a number.
    pub fn value(&self, field: &str) -> Option<f64> {
        Some(match field {
            "high_float_days" => self.high_float_days as f64,
            "high_duration_days" => self.high_duration_days as f64,
            "cpt_delay_days" => self.cpt_delay_days as f64,
            other => *self.clone().share(other)?,
        })
    }

    /// Sets threshold `field` to `value` (days rounded to whole days), refused with why when
    /// it is unknown or out of range ([`Thresholds::validate`]); unchanged when refused.
    ///
    /// ```
    /// use engine::health::Thresholds;
    /// let mut t = Thresholds::default();
    /// t.set("fs_percent", 80.0).unwrap();
    /// assert_eq!(t.value("fs_percent"), Some(80.0));
    /// assert!(t.set("fs_percent", 120.0).is_err());
    /// assert_eq!(t.fs_percent, 80.0);
    /// ```
    pub fn set(&mut self, field: &str, value: f64) -> Result<(), String> {
        if !value.is_finite() {
            return Err(format!("{field} must be a number"));
        }
        let mut changed = self.clone();
        match field {
            "high_float_days" => changed.high_float_days = value.round() as i64,
            "high_duration_days" => changed.high_duration_days = value.round() as i64,
            "cpt_delay_days" => changed.cpt_delay_days = value.round() as i64,
            other => {
                *changed
                    .share(other)
                    .ok_or_else(|| format!("no threshold is called {other}"))? = value
            }
        }
        changed.validate()?;
        *self = changed;
        Ok(())
    }

    /// The fractional threshold `field`.
    fn share(&mut self, field: &str) -> Option<&mut f64> {
        Some(match field {
            "logic_percent" => &mut self.logic_percent,
            "leads_percent" => &mut self.leads_percent,
            "lags_percent" => &mut self.lags_percent,
            "fs_percent" => &mut self.fs_percent,
            "hard_constraints_percent" => &mut self.hard_constraints_percent,
            "high_float_percent" => &mut self.high_float_percent,
            "negative_float_percent" => &mut self.negative_float_percent,
            "high_duration_percent" => &mut self.high_duration_percent,
            "invalid_dates_percent" => &mut self.invalid_dates_percent,
            "resources_percent" => &mut self.resources_percent,
            "missed_tasks_percent" => &mut self.missed_tasks_percent,
            "cpli" => &mut self.cpli,
            "bei" => &mut self.bei,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_may_give_only_some_thresholds() {
        let t: Thresholds = serde_json::from_str(r#"{"high_float_days": 30}"#).unwrap();
        assert_eq!(t.high_float_days, 30);
        assert_eq!(t.logic_percent, 5.0);
        assert_eq!(t.cpt_delay_days, 600);
        assert_eq!(
            t.describe(Check::HighFloat),
            "≤ 5 % of incomplete tasks with total float > 30 working days"
        );
    }

    #[test]
    fn every_check_has_a_rule_in_words() {
        let t = Thresholds::default();
        for check in Check::ALL {
            assert!(!t.describe(check).is_empty(), "{check:?}");
        }
        assert_eq!(
            t.describe(Check::RelationshipTypes),
            "≥ 90 % of links between incomplete tasks finish-to-start"
        );
        assert_eq!(
            t.describe(Check::CriticalPathTest),
            "the finish moves by all of a 600-working-day delay"
        );
        assert!(t.validate().is_ok());
    }

    #[test]
    fn out_of_range_thresholds_are_named() {
        let t = Thresholds {
            cpt_delay_days: 0,
            ..Thresholds::default()
        };
        assert_eq!(
            t.validate().unwrap_err(),
            "cpt_delay_days is 0; it is 1 to 100000 working days"
        );
        let nan = Thresholds {
            bei: f64::NAN,
            ..Thresholds::default()
        };
        assert_eq!(
            nan.validate().unwrap_err(),
            "bei is NaN; an index is 0 to 10"
        );
    }
}
