//! One field of a checklist item or a runbook step typed in a cell, as an edit of the
//! readiness, or a [`Refusal`] naming the field; and each field as its cell shows it
//! ([`item_field_text`], [`step_field_text`]), which typed back changes nothing.

use super::edit::{checklist_index, refuse, runbook_index, set};
use super::model::{Area, Gate, Item, ItemStatus, Moment, Step, Waiver};
use crate::edit::Edit;
use crate::logs::edit::Refusal;
use crate::logs::typing::parse_date;
use crate::model::Program;

/// The fields of an item a cell can type, in the order a table shows them.
pub const ITEM_FIELDS: [&str; 10] = [
    "id",
    "area",
    "title",
    "owner",
    "due_before",
    "evidence",
    "status",
    "gate",
    "waiver.approver",
    "waiver.reason",
];

/// The fields of a step a cell can type, in the order a table shows them.
pub const STEP_FIELDS: [&str; 12] = [
    "id",
    "title",
    "owner",
    "planned_start",
    "duration_minutes",
    "after",
    "checkpoint",
    "rollback",
    "communication",
    "actual_start",
    "actual_finish",
    "done",
];

/// Field `field` of item `id` in `milestone`'s checklist set from `text`: text trimmed;
/// `area`, `status` (`in progress`) and `gate` by name; `due_before` as `T-5`, `T−5` or
/// `5`; `waiver.approver`, `waiver.reason`, `waiver.date` (`2027-06-01`), `waiver.outcome`
/// (what came of it, written after launch). Unknown fields
/// and the id are refused.
///
/// ```
/// use engine::readiness::edit::{checklist_from_template};
/// use engine::readiness::typing::set_item_field;
/// use engine::edit::History;
/// use engine::Program;
/// let json = r#"{"program": {"name": "P", "start": "2027-01-04"},
///   "workstreams": [{"id": "eng", "name": "Eng"}],
///   "tasks": [{"id": "ga", "name": "GA", "workstream": "eng", "duration": 0, "milestone": true}]}"#;
/// let mut program: Program = serde_json::from_str(json).unwrap();
/// let mut history = History::default();
/// let edit = checklist_from_template(&program, "ga", "software release").unwrap();
/// history.apply(&mut program, vec![edit]).unwrap();
/// let edit = set_item_field(&program, "ga", "RC1", "due_before", "T-7").unwrap();
/// history.apply(&mut program, vec![edit]).unwrap();
/// assert_eq!(program.readiness.checklists[0].items[0].due_before, Some(7));
/// let refused = set_item_field(&program, "ga", "RC1", "status", "done").unwrap_err();
/// assert_eq!(refused.field, "status");
/// ```
pub fn set_item_field(
    program: &Program,
    milestone: &str,
    id: &str,
    field: &str,
    text: &str,
) -> Result<Edit, Refusal> {
    let c = checklist_index(program, milestone)?;
    let mut readiness = program.readiness.clone();
    let item = readiness.checklists[c]
        .items
        .iter_mut()
        .find(|i| i.id == id)
        .ok_or_else(|| refuse("item", format!("item {id} no longer exists")))?;
    type_item(item, field, text)?;
    Ok(set(readiness))
}

fn type_item(item: &mut Item, field: &str, text: &str) -> Result<(), Refusal> {
    let trimmed = text.trim().to_owned();
    match field {
        "area" => item.area = choice(field, text, &Area::ALL.map(|a| (a.name(), a)))?,
        "title" => item.title = trimmed,
        "owner" => item.owner = trimmed,
        "evidence" => item.evidence = trimmed,
        "due_before" => item.due_before = parse_due_before(text).map_err(|m| refuse(field, m))?,
        "status" => item.status = choice(field, text, &ItemStatus::ALL.map(|s| (s.name(), s)))?,
        "gate" => {
            let gates = [Gate::Hard, Gate::Advisory].map(|g| (g.name(), g));
            item.gate = choice(field, text, &gates)?;
        }
        "waiver.approver" | "waiver.reason" | "waiver.date" | "waiver.outcome" => {
            let waiver = item.waiver.get_or_insert_with(Waiver::default);
            match field {
                "waiver.approver" => waiver.approver = trimmed,
                "waiver.reason" => waiver.reason = trimmed,
                "waiver.outcome" => waiver.outcome = trimmed,
                _ => waiver.date = optional_date(field, text)?,
            }
            if *waiver == Waiver::default() {
                item.waiver = None;
            }
        }
        "id" => return Err(refuse(field, "an item's id does not change")),
        _ => return Err(refuse(field, format!("an item has no field '{field}'"))),
    }
    Ok(())
}

/// Field `field` of item `item` as its cell shows it.
pub fn item_field_text(item: &Item, field: &str) -> String {
    let waiver = item.waiver.clone().unwrap_or_default();
    match field {
        "id" => item.id.clone(),
        "area" => item.area.name().into(),
        "title" => item.title.clone(),
        "owner" => item.owner.clone(),
        "due_before" => item
            .due_before
            .map(|d| format!("T-{d}"))
            .unwrap_or_default(),
        "evidence" => item.evidence.clone(),
        "status" => item.status.name().into(),
        "gate" => item.gate.name().into(),
        "waiver.approver" => waiver.approver,
        "waiver.reason" => waiver.reason,
        "waiver.date" => waiver.date.map(|d| d.to_string()).unwrap_or_default(),
        "waiver.outcome" => waiver.outcome,
        _ => String::new(),
    }
}

/// Field `field` of step `id` in `milestone`'s runbook set from `text`: `planned_start`,
/// `actual_start`, `actual_finish` as `2027-06-14 22:00` (empty clears); `duration_minutes`
/// as `90`, `90m`, `1.5h` or `1h30m`; `after` as `S1, S2`; `checkpoint` and `done` as
/// `yes`/`no`; text trimmed.
///
/// ```
/// use engine::readiness::edit::add_step;
/// use engine::readiness::typing::set_step_field;
/// use engine::edit::History;
/// use engine::Program;
/// let json = r#"{"program": {"name": "P", "start": "2027-01-04"},
///   "workstreams": [{"id": "eng", "name": "Eng"}],
///   "tasks": [{"id": "ga", "name": "GA", "workstream": "eng", "duration": 0, "milestone": true}]}"#;
/// let mut program: Program = serde_json::from_str(json).unwrap();
/// let mut history = History::default();
/// let (id, edit) = add_step(&program, "ga", "Freeze writes").unwrap();
/// history.apply(&mut program, vec![edit]).unwrap();
/// let edit = set_step_field(&program, "ga", &id, "duration_minutes", "1.5h").unwrap();
/// history.apply(&mut program, vec![edit]).unwrap();
/// assert_eq!(program.readiness.runbooks[0].steps[0].duration_minutes, Some(90));
/// let refused = set_step_field(&program, "ga", &id, "planned_start", "10pm").unwrap_err();
/// assert_eq!(refused.field, "planned_start");
/// ```
pub fn set_step_field(
    program: &Program,
    milestone: &str,
    id: &str,
    field: &str,
    text: &str,
) -> Result<Edit, Refusal> {
    let r = runbook_index(program, milestone)?;
    let mut readiness = program.readiness.clone();
    let step = readiness.runbooks[r]
        .steps
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| refuse("step", format!("step {id} no longer exists")))?;
    type_step(step, field, text)?;
    Ok(set(readiness))
}

fn type_step(step: &mut Step, field: &str, text: &str) -> Result<(), Refusal> {
    let trimmed = text.trim().to_owned();
    match field {
        "title" => step.title = trimmed,
        "owner" => step.owner = trimmed,
        "rollback" => step.rollback = trimmed,
        "communication" => step.communication = trimmed,
        "planned_start" => step.planned_start = optional_moment(field, text)?,
        "actual_start" => step.actual_start = optional_moment(field, text)?,
        "actual_finish" => step.actual_finish = optional_moment(field, text)?,
        "duration_minutes" => {
            step.duration_minutes = if trimmed.is_empty() {
                None
            } else {
                Some(parse_minutes(text).map_err(|m| refuse(field, m))?)
            }
        }
        "after" => {
            step.after = text
                .split([',', ' ', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        }
        "checkpoint" => step.checkpoint = yes_no(field, text)?,
        "done" => step.done = yes_no(field, text)?,
        "id" => return Err(refuse(field, "a step's id does not change")),
        _ => return Err(refuse(field, format!("a step has no field '{field}'"))),
    }
    Ok(())
}

/// Field `field` of `step` as its cell shows it.
pub fn step_field_text(step: &Step, field: &str) -> String {
    let moment = |m: Option<Moment>| m.map(Moment::to_text).unwrap_or_default();
    let yes = |b: bool| if b { "yes" } else { "no" }.to_owned();
    match field {
        "id" => step.id.clone(),
        "title" => step.title.clone(),
        "owner" => step.owner.clone(),
        "planned_start" => moment(step.planned_start),
        "duration_minutes" => step
            .duration_minutes
            .map(|m| m.to_string())
            .unwrap_or_default(),
        "after" => step.after.join(", "),
        "checkpoint" => yes(step.checkpoint),
        "rollback" => step.rollback.clone(),
        "communication" => step.communication.clone(),
        "actual_start" => moment(step.actual_start),
        "actual_finish" => moment(step.actual_finish),
        "done" => yes(step.done),
        _ => String::new(),
    }
}

/// Working days before the milestone typed as `T-5`, `T−5`, `-5` or `5`; empty is none.
///
/// ```
/// use engine::readiness::typing::parse_due_before;
/// assert_eq!(parse_due_before("T-5"), Ok(Some(5)));
/// assert_eq!(parse_due_before(" t−10 "), Ok(Some(10)));
/// assert_eq!(parse_due_before("3"), Ok(Some(3)));
/// assert_eq!(parse_due_before(""), Ok(None));
/// assert!(parse_due_before("next week").is_err());
/// ```
pub fn parse_due_before(text: &str) -> Result<Option<i64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let number = text
        .strip_prefix(['T', 't'])
        .unwrap_or(text)
        .trim_start()
        .trim_start_matches(['-', '−'])
        .trim();
    match number.parse::<i64>() {
        Ok(days) if (0..=10_000).contains(&days) => Ok(Some(days)),
        _ => Err(format!(
            "'{}' is not working days before the milestone: type T-5 or 5",
            crate::text::quote(text)
        )),
    }
}

/// Minutes typed as `90`, `90m`, `1.5h`, `2h`, `1h30m` or `1h 30m`: more than 0.
///
/// ```
/// use engine::readiness::typing::parse_minutes;
/// assert_eq!(parse_minutes("90m"), Ok(90));
/// assert_eq!(parse_minutes("1.5h"), Ok(90));
/// assert_eq!(parse_minutes("1h 30m"), Ok(90));
/// assert_eq!(parse_minutes("45"), Ok(45));
/// assert!(parse_minutes("0").is_err());
/// assert!(parse_minutes("soon").is_err());
/// ```
pub fn parse_minutes(text: &str) -> Result<i64, String> {
    let wrong = || {
        format!(
            "'{}' is not a duration: type minutes (90 or 90m) or hours (1.5h)",
            crate::text::quote(text.trim())
        )
    };
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.to_lowercase();
    let (hours, rest) = match compact.split_once('h') {
        Some((h, rest)) => (h.parse::<f64>().map_err(|_| wrong())?, rest),
        None => (0.0, compact.as_str()),
    };
    let rest = rest
        .strip_suffix("min")
        .or_else(|| rest.strip_suffix('m'))
        .unwrap_or(rest);
    let minutes = if rest.is_empty() {
        0.0
    } else {
        rest.parse::<f64>().map_err(|_| wrong())?
    };
    let total = (hours * 60.0 + minutes).round();
    if !total.is_finite() || total <= 0.0 || total > 1e7 {
        return Err(wrong());
    }
    Ok(total as i64)
}

fn optional_date(field: &str, text: &str) -> Result<Option<chrono::NaiveDate>, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_date(text).map(Some).map_err(|m| refuse(field, m))
}

fn optional_moment(field: &str, text: &str) -> Result<Option<Moment>, Refusal> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Moment::parse(text).map(Some).ok_or_else(|| {
        refuse(
            field,
            format!(
                "'{}' is not a date and time: type 2027-06-14 22:00",
                crate::text::quote(text)
            ),
        )
    })
}

fn yes_no(field: &str, text: &str) -> Result<bool, Refusal> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "x" | "✓" => Ok(true),
        "no" | "n" | "false" | "" => Ok(false),
        _ => Err(refuse(field, "type yes or no")),
    }
}

/// One of `choices` by name (any case; spaces, underscores and hyphens alike).
fn choice<T: Copy>(field: &str, text: &str, choices: &[(&str, T)]) -> Result<T, Refusal> {
    let typed = text.trim().to_lowercase().replace(['_', '-'], " ");
    choices
        .iter()
        .find(|(name, _)| *name == typed)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
            refuse(field, format!("type one of: {}", names.join(", ")))
        })
}
