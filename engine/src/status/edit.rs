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

/// A threshold's value, as text; `health.<field>` for the schedule health's and
/// `targets.<field>` for the KPIs'.
pub fn rule_value(rules: &Rules, field: &str) -> Option<String> {
    let value = match (
        field.strip_prefix("health."),
        field.strip_prefix("targets."),
    ) {
        (Some(health), _) => rules.health.value(health),
        (_, Some(target)) => rules.targets.value(target),
        _ => rules.value(field),
    };
    value.map(super::rag::trim)
}

/// Sets threshold `field` to the number typed, refused naming the field when it is not a
/// number of the right kind or out of range (days and counts 0 to 10,000, percentages 0 to
/// 100; the health thresholds' and KPI targets' own ranges).
pub fn set_rule(program: &Program, field: &str, text: &str) -> Result<Edit, Refusal> {
    let mut rules = program.status.rules.clone();
    let text = text.trim().trim_end_matches('%').trim();
    let number = || {
        text.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("expected a number, found \"{text}\""))
    };
    let result = match (
        field.strip_prefix("health."),
        field.strip_prefix("targets."),
    ) {
        (Some(health), _) => number().and_then(|v| rules.health.set(health, v)),
        (_, Some(target)) => number().and_then(|v| rules.targets.set(target, v)),
        _ => rules.set_typed(field, text),
    };
    result.map_err(|message| refuse(field, message))?;
    Ok(set_rules(rules))
}
