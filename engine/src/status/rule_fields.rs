//! The RAG rules' thresholds by name (`schedule.amber_days` …): read, typed and checked
//! through one accessor, as the Status tab's rows and the file's check use them; and the
//! kinds of number a threshold or a KPI target is.

use super::model::Rules;

/// The rules' thresholds by name: `schedule.amber_days` …, as the Status tab and the docs
/// list them.
pub const RULE_FIELDS: &[(&str, &str)] = &[
    (
        "schedule.green_days",
        "Schedule: Green up to (working days late)",
    ),
    (
        "schedule.amber_days",
        "Schedule: Amber up to (working days late)",
    ),
    (
        "schedule.amber_percent_of_remaining",
        "Schedule: or Amber up to (% of the days left)",
    ),
    ("risk.amber_high", "Risk: Amber from (open high risks)"),
    (
        "risk.amber_overdue",
        "Risk: Amber from (overdue mitigations)",
    ),
    ("risk.red_high", "Risk: Red from (open high risks)"),
    ("risk.red_overdue", "Risk: Red from (overdue mitigations)"),
    (
        "dependencies.amber_at_risk",
        "Dependencies: Amber from (at risk)",
    ),
    (
        "dependencies.amber_oldest_days",
        "Dependencies: Amber when the oldest open is older than (working days)",
    ),
    (
        "dependencies.red_at_risk",
        "Dependencies: Red from (at risk)",
    ),
    ("dependencies.red_missed", "Dependencies: Red from (missed)"),
    ("decisions.amber_overdue", "Decisions: Amber from (overdue)"),
    ("decisions.red_overdue", "Decisions: Red from (overdue)"),
    (
        "decisions.red_days_overdue",
        "Decisions: Red when one is overdue by more than (working days)",
    ),
    (
        "readiness.window_days",
        "Readiness: milestones due within (working days)",
    ),
    (
        "readiness.amber_overdue_items",
        "Readiness: Amber from (overdue items)",
    ),
    (
        "readiness.red_within_days",
        "Readiness: Red for a milestone due within (working days)",
    ),
    (
        "readiness.threshold_percent",
        "Readiness: … under this readiness (%)",
    ),
    (
        "scope.green_percent",
        "Scope: Green up to (% of tasks changed)",
    ),
    (
        "scope.amber_percent",
        "Scope: Amber up to (% of tasks changed)",
    ),
];

/// The largest number of days or items a threshold or a target may be.
pub(crate) const MOST: f64 = 10_000.0;

/// A threshold's place, by the kind of number it holds.
pub(crate) enum Number<'r> {
    /// A percentage, 0 to 100.
    Share(&'r mut f64),
    /// Days or a count, fractional allowed, 0 to 10,000.
    Amount(&'r mut f64),
    /// Whole working days, 0 to 10,000.
    Days(&'r mut i64),
    /// A whole count, 0 to 10,000.
    Count(&'r mut usize),
}

impl Number<'_> {
    pub(crate) fn get(&self) -> f64 {
        match self {
            Number::Share(v) | Number::Amount(v) => **v,
            Number::Days(d) => **d as f64,
            Number::Count(n) => **n as f64,
        }
    }

    /// The least and the most it may be.
    pub(crate) fn range(&self) -> (f64, f64) {
        match self {
            Number::Share(_) => (0.0, 100.0),
            _ => (0.0, MOST),
        }
    }

    /// Takes `text` typed in a cell, refused with why (naming what was typed).
    fn set_typed(self, text: &str) -> Result<(), String> {
        let parsed = text.parse::<f64>().ok().filter(|v| v.is_finite());
        let (least, most) = self.range();
        let within = parsed.filter(|v| (least..=most).contains(v));
        match self {
            Number::Share(v) => {
                *v = within.ok_or_else(|| {
                    format!("expected a percentage from 0 to 100, found \"{text}\"")
                })?
            }
            Number::Amount(v) => {
                *v = within.ok_or_else(|| {
                    format!("expected a number from 0 to 10,000, found \"{text}\"")
                })?
            }
            Number::Days(d) => *d = whole(within, text)? as i64,
            Number::Count(n) => *n = whole(within, text)? as usize,
        }
        Ok(())
    }
}

fn whole(value: Option<f64>, text: &str) -> Result<f64, String> {
    value
        .filter(|v| v.fract() == 0.0)
        .ok_or_else(|| format!("expected a whole number from 0 to 10,000, found \"{text}\""))
}

impl Rules {
    /// Threshold `field` (one of [`RULE_FIELDS`]) as a number.
    pub fn value(&self, field: &str) -> Option<f64> {
        self.clone().number(field).map(|n| n.get())
    }

    /// Sets threshold `field` to the number `text` says; unchanged when refused.
    pub fn set_typed(&mut self, field: &str, text: &str) -> Result<(), String> {
        self.number(field)
            .ok_or_else(|| "no such threshold".to_string())?
            .set_typed(text)
    }

    /// The first threshold out of its range, then the KPI targets' and the health
    /// thresholds' own checks: where (`schedule.amber_days`, `targets`, `health`) and why.
    pub fn validate(&self) -> Result<(), (String, String)> {
        for (field, _) in RULE_FIELDS {
            let mut copy = self.clone();
            let Some(number) = copy.number(field) else {
                continue;
            };
            let ((least, most), value) = (number.range(), number.get());
            if !(least..=most).contains(&value) {
                let why = format!("{field} is {value}; it must be from {least} to {most}");
                return Err((field.to_string(), why));
            }
        }
        self.targets
            .validate()
            .map_err(|why| ("targets".into(), why))?;
        self.health.validate().map_err(|why| ("health".into(), why))
    }

    fn number(&mut self, field: &str) -> Option<Number<'_>> {
        Some(match field {
            "schedule.green_days" => Number::Days(&mut self.schedule.green_days),
            "schedule.amber_days" => Number::Days(&mut self.schedule.amber_days),
            "schedule.amber_percent_of_remaining" => {
                Number::Share(&mut self.schedule.amber_percent_of_remaining)
            }
            "risk.amber_high" => Number::Count(&mut self.risk.amber_high),
            "risk.amber_overdue" => Number::Count(&mut self.risk.amber_overdue),
            "risk.red_high" => Number::Count(&mut self.risk.red_high),
            "risk.red_overdue" => Number::Count(&mut self.risk.red_overdue),
            "dependencies.amber_at_risk" => Number::Count(&mut self.dependencies.amber_at_risk),
            "dependencies.amber_oldest_days" => {
                Number::Days(&mut self.dependencies.amber_oldest_days)
            }
            "dependencies.red_at_risk" => Number::Count(&mut self.dependencies.red_at_risk),
            "dependencies.red_missed" => Number::Count(&mut self.dependencies.red_missed),
            "decisions.amber_overdue" => Number::Count(&mut self.decisions.amber_overdue),
            "decisions.red_overdue" => Number::Count(&mut self.decisions.red_overdue),
            "decisions.red_days_overdue" => Number::Days(&mut self.decisions.red_days_overdue),
            "readiness.window_days" => Number::Days(&mut self.readiness.window_days),
            "readiness.amber_overdue_items" => {
                Number::Count(&mut self.readiness.amber_overdue_items)
            }
            "readiness.red_within_days" => Number::Days(&mut self.readiness.red_within_days),
            "readiness.threshold_percent" => Number::Share(&mut self.readiness.threshold_percent),
            "scope.green_percent" => Number::Share(&mut self.scope.green_percent),
            "scope.amber_percent" => Number::Share(&mut self.scope.amber_percent),
            _ => return None,
        })
    }
}
