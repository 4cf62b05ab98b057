//! The status book's edits: the draft's status date and words, overrides (never without a
//! reason), the rules' thresholds, and issuing a pack. Each returns the edits of one action
//! — [`Edit::SetStatusDraft`], [`Edit::SetStatusRules`], [`Edit::PushPack`] — (undo works
//! like any edit, and keeps no copy of the packs issued) or a [`Refusal`] naming the field.

use super::model::{Dimension, Draft, Override, Pack, Rag, Rules};
use crate::edit::Edit;
use crate::logs::edit::Refusal;
use crate::model::Program;
use crate::text::{MAX_DESCRIPTION_CHARS, length_problem};
use chrono::NaiveDate;

fn refuse(field: &str, message: impl Into<String>) -> Refusal {
    Refusal {
        field: field.to_owned(),
        message: message.into(),
    }
}

/// The edit that makes `draft` the status book's draft.
pub fn set_draft(draft: Draft) -> Edit {
    Edit::SetStatusDraft {
        draft: Box::new(draft),
    }
}

/// The edit that makes `rules` the status book's rules.
pub fn set_rules(rules: Rules) -> Edit {
    Edit::SetStatusRules {
        rules: Box::new(rules),
    }
}

/// The draft's status date (`None`: today).
pub fn set_status_date(program: &Program, date: Option<NaiveDate>) -> Edit {
    let mut draft = program.status.draft.clone();
    draft.status_date = date;
    set_draft(draft)
}

/// One part of the narrative: `highlights`, `asks` or `next_steps`.
pub fn set_narrative(program: &Program, part: &str, text: &str) -> Result<Edit, Refusal> {
    let mut draft = program.status.draft.clone();
    let narrative = &mut draft.narrative;
    let field = match part {
        "highlights" => &mut narrative.highlights,
        "asks" => &mut narrative.asks,
        "next_steps" => &mut narrative.next_steps,
        other => return Err(refuse(other, "no such part of the narrative")),
    };
    if let Some(problem) = length_problem(text, MAX_DESCRIPTION_CHARS, "a narrative") {
        return Err(refuse(part, problem));
    }
    *field = text.to_owned();
    Ok(set_draft(draft))
}

/// Reports `dimension` as `reported` rather than as `computed`, for `reason`, on `on`; or,
/// with `reported: None`, withdraws the override in force. Refused without a reason.
/// Every override is kept, in order: the history of what was reported and why.
pub fn override_rating(
    program: &Program,
    dimension: Dimension,
    reported: Option<Rag>,
    computed: Option<Rag>,
    reason: &str,
    on: NaiveDate,
) -> Result<Edit, Refusal> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(refuse(
            "reason",
            format!(
                "say why {} is reported other than computed: an override needs a reason",
                dimension.name()
            ),
        ));
    }
    if let Some(problem) = length_problem(reason, MAX_DESCRIPTION_CHARS, "a reason") {
        return Err(refuse("reason", problem));
    }
    let mut draft = program.status.draft.clone();
    draft.overrides.push(Override {
        dimension,
        reported,
        computed,
        reason: reason.to_owned(),
        on,
    });
    Ok(set_draft(draft))
}

/// Issues `pack` (drafted by [`super::pack::draft`]): kept with the program, and the draft
/// starts afresh — two edits, one action. Refused when a pack of a later status date was
/// issued already.
pub fn issue(program: &Program, pack: Pack) -> Result<Vec<Edit>, Refusal> {
    if let Some(last) = program.status.packs.last()
        && last.status_date > pack.status_date
    {
        return Err(refuse(
            "status_date",
            format!(
                "{} was issued for {}, after {}: a pack's status date cannot go back",
                last.id, last.status_date, pack.status_date
            ),
        ));
    }
    Ok(vec![
        Edit::PushPack {
            pack: Box::new(pack),
        },
        set_draft(Draft::default()),
    ])
}

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

/// A threshold's value, as text; `health.<field>` for the schedule health's.
pub fn rule_value(rules: &Rules, field: &str) -> Option<String> {
    let number = |v: f64| super::rag::trim(v);
    if let Some(health) = field.strip_prefix("health.") {
        return rules.health.value(health).map(number);
    }
    if let Some(target) = field.strip_prefix("targets.") {
        return rules.targets.value(target).map(number);
    }
    Some(match field {
        "schedule.green_days" => rules.schedule.green_days.to_string(),
        "schedule.amber_days" => rules.schedule.amber_days.to_string(),
        "schedule.amber_percent_of_remaining" => number(rules.schedule.amber_percent_of_remaining),
        "risk.amber_high" => rules.risk.amber_high.to_string(),
        "risk.amber_overdue" => rules.risk.amber_overdue.to_string(),
        "risk.red_high" => rules.risk.red_high.to_string(),
        "risk.red_overdue" => rules.risk.red_overdue.to_string(),
        "dependencies.amber_at_risk" => rules.dependencies.amber_at_risk.to_string(),
        "dependencies.amber_oldest_days" => rules.dependencies.amber_oldest_days.to_string(),
        "dependencies.red_at_risk" => rules.dependencies.red_at_risk.to_string(),
        "dependencies.red_missed" => rules.dependencies.red_missed.to_string(),
        "decisions.amber_overdue" => rules.decisions.amber_overdue.to_string(),
        "decisions.red_overdue" => rules.decisions.red_overdue.to_string(),
        "decisions.red_days_overdue" => rules.decisions.red_days_overdue.to_string(),
        "readiness.window_days" => rules.readiness.window_days.to_string(),
        "readiness.amber_overdue_items" => rules.readiness.amber_overdue_items.to_string(),
        "readiness.red_within_days" => rules.readiness.red_within_days.to_string(),
        "readiness.threshold_percent" => number(rules.readiness.threshold_percent),
        "scope.green_percent" => number(rules.scope.green_percent),
        "scope.amber_percent" => number(rules.scope.amber_percent),
        _ => return None,
    })
}

/// Sets threshold `field` to the number typed, refused naming the field when it is not a
/// number of the right kind or out of range (days and counts 0 to 10,000, percentages 0 to
/// 100).
pub fn set_rule(program: &Program, field: &str, text: &str) -> Result<Edit, Refusal> {
    let mut rules = program.status.rules.clone();
    let r = &mut rules;
    let text = text.trim().trim_end_matches('%').trim();
    let number = || {
        text.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| refuse(field, format!("expected a number, found \"{text}\"")))
    };
    if let Some(health) = field.strip_prefix("health.") {
        r.health
            .set(health, number()?)
            .map_err(|m| refuse(field, m))?;
        return Ok(set_rules(rules));
    }
    if let Some(target) = field.strip_prefix("targets.") {
        r.targets
            .set(target, number()?)
            .map_err(|m| refuse(field, m))?;
        return Ok(set_rules(rules));
    }
    let count = |text: &str| -> Result<usize, Refusal> {
        text.parse::<usize>()
            .ok()
            .filter(|n| *n <= 10_000)
            .ok_or_else(|| {
                refuse(
                    field,
                    format!("expected a whole number from 0 to 10,000, found \"{text}\""),
                )
            })
    };
    let days = |text: &str| count(text).map(|n| n as i64);
    let percent = |text: &str| -> Result<f64, Refusal> {
        text.parse::<f64>()
            .ok()
            .filter(|p| (0.0..=100.0).contains(p))
            .ok_or_else(|| {
                refuse(
                    field,
                    format!("expected a percentage from 0 to 100, found \"{text}\""),
                )
            })
    };
    match field {
        "schedule.green_days" => r.schedule.green_days = days(text)?,
        "schedule.amber_days" => r.schedule.amber_days = days(text)?,
        "schedule.amber_percent_of_remaining" => {
            r.schedule.amber_percent_of_remaining = percent(text)?
        }
        "risk.amber_high" => r.risk.amber_high = count(text)?,
        "risk.amber_overdue" => r.risk.amber_overdue = count(text)?,
        "risk.red_high" => r.risk.red_high = count(text)?,
        "risk.red_overdue" => r.risk.red_overdue = count(text)?,
        "dependencies.amber_at_risk" => r.dependencies.amber_at_risk = count(text)?,
        "dependencies.amber_oldest_days" => r.dependencies.amber_oldest_days = days(text)?,
        "dependencies.red_at_risk" => r.dependencies.red_at_risk = count(text)?,
        "dependencies.red_missed" => r.dependencies.red_missed = count(text)?,
        "decisions.amber_overdue" => r.decisions.amber_overdue = count(text)?,
        "decisions.red_overdue" => r.decisions.red_overdue = count(text)?,
        "decisions.red_days_overdue" => r.decisions.red_days_overdue = days(text)?,
        "readiness.window_days" => r.readiness.window_days = days(text)?,
        "readiness.amber_overdue_items" => r.readiness.amber_overdue_items = count(text)?,
        "readiness.red_within_days" => r.readiness.red_within_days = days(text)?,
        "readiness.threshold_percent" => r.readiness.threshold_percent = percent(text)?,
        "scope.green_percent" => r.scope.green_percent = percent(text)?,
        "scope.amber_percent" => r.scope.amber_percent = percent(text)?,
        other => return Err(refuse(other, "no such threshold")),
    }
    Ok(set_rules(rules))
}
