//! The KPI targets by name: read, typed and checked, as the Status tab's rows show them.

use super::Targets;
use crate::status::rule_fields::{MOST, Number};

/// Each target by its field's name, and what it is in words.
pub const FIELDS: &[(&str, &str)] = &[
    ("on_time_percent", "On-time rate: at least (%)"),
    (
        "on_time_tolerance_days",
        "On-time rate: within (working days)",
    ),
    (
        "schedule_variance_days",
        "Schedule variance: at most (working days late)",
    ),
    ("scope_change_percent", "Scope change: at most (%)"),
    (
        "decision_latency_days",
        "Decision latency: median at most (working days)",
    ),
    (
        "dependency_aging_days",
        "Dependency aging: mean at most (working days)",
    ),
    (
        "critical_closure_percent",
        "Critical dependency closure: at least (%)",
    ),
    (
        "critical_path_change_percent",
        "Critical path change: at most (%)",
    ),
    (
        "high_risk_age_days",
        "Risk burndown: high risks counted from (days old)",
    ),
    (
        "high_risk_old_days",
        "Risk burndown: the oldest band from (days old)",
    ),
    ("high_risks_aged", "Risk burndown: aged high risks at most"),
    ("issue_resolution_percent", "Issue resolution: at least (%)"),
    (
        "issue_resolution_days",
        "Issue resolution: within (working days)",
    ),
    ("readiness_percent", "Release readiness: at least (%)"),
    (
        "forecast_accuracy_percent",
        "Forecast accuracy: at least (%)",
    ),
    (
        "forecast_tolerance_percent",
        "Forecast accuracy: within (% of the horizon)",
    ),
    (
        "forecast_horizon_days",
        "Forecast accuracy: forecasts made within (working days)",
    ),
];

impl Targets {
    /// Target `field` (one of [`FIELDS`]) as a number.
    pub fn value(&self, field: &str) -> Option<f64> {
        self.clone().number(field).map(|n| n.get())
    }

    /// Sets target `field` to `value` (days rounded to whole days), refused with why when
    /// unknown or out of range (percentages 0–100, days and counts 0–10,000); unchanged when
    /// refused.
    ///
    /// ```
    /// use engine::status::kpi::Targets;
    /// let mut t = Targets::default();
    /// t.set("on_time_percent", 90.0).unwrap();
    /// assert_eq!(t.value("on_time_percent"), Some(90.0));
    /// assert!(t.set("on_time_percent", 101.0).is_err());
    /// ```
    pub fn set(&mut self, field: &str, value: f64) -> Result<(), String> {
        let mut changed = self.clone();
        match changed
            .number(field)
            .ok_or_else(|| format!("no KPI target is called {field}"))?
        {
            Number::Share(v) => *v = value,
            Number::Amount(v) => *v = value,
            Number::Days(d) => *d = value.round().clamp(-MOST, MOST) as i64,
            Number::Count(n) => *n = value.round().clamp(0.0, MOST) as usize,
        }
        changed.validate()?;
        *self = changed;
        Ok(())
    }

    /// The first target out of range, named.
    pub fn validate(&self) -> Result<(), String> {
        for (field, _) in FIELDS {
            let mut copy = self.clone();
            let Some(number) = copy.number(field) else {
                continue;
            };
            let (value, (_, most)) = (number.get(), number.range());
            if !(0.0..=most).contains(&value) {
                return Err(format!("{field} is {value}; it must be from 0 to {most}"));
            }
        }
        Ok(())
    }

    fn number(&mut self, field: &str) -> Option<Number<'_>> {
        Some(match field {
            "on_time_percent" => Number::Share(&mut self.on_time_percent),
            "on_time_tolerance_days" => Number::Days(&mut self.on_time_tolerance_days),
            "schedule_variance_days" => Number::Amount(&mut self.schedule_variance_days),
            "scope_change_percent" => Number::Share(&mut self.scope_change_percent),
            "decision_latency_days" => Number::Amount(&mut self.decision_latency_days),
            "dependency_aging_days" => Number::Amount(&mut self.dependency_aging_days),
            "critical_closure_percent" => Number::Share(&mut self.critical_closure_percent),
            "critical_path_change_percent" => Number::Share(&mut self.critical_path_change_percent),
            "high_risk_age_days" => Number::Days(&mut self.high_risk_age_days),
            "high_risk_old_days" => Number::Days(&mut self.high_risk_old_days),
            "high_risks_aged" => Number::Amount(&mut self.high_risks_aged),
            "issue_resolution_percent" => Number::Share(&mut self.issue_resolution_percent),
            "issue_resolution_days" => Number::Days(&mut self.issue_resolution_days),
            "readiness_percent" => Number::Share(&mut self.readiness_percent),
            "forecast_accuracy_percent" => Number::Share(&mut self.forecast_accuracy_percent),
            "forecast_tolerance_percent" => Number::Share(&mut self.forecast_tolerance_percent),
            "forecast_horizon_days" => Number::Days(&mut self.forecast_horizon_days),
            _ => return None,
        })
    }
}
