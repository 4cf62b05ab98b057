//! Editing readiness as people do: a checklist from a template, an item added, replaced,
//! removed or waived, a go/no-go recorded (a Go refused with the unmet hard gates), runbook
//! steps added and checked off, review fields and actions, and a follow-up action turned
//! into an issue of the RAID log.
//!
//! Each function returns the edit(s) of one user action — an [`Edit::SetReadiness`] with
//! the whole readiness changed, its inverse the old one — or a [`Refusal`] naming the field
//! at fault. Nothing here changes the program; the engine's check still refuses, when the
//! edit is made, what breaks a rule (see [`super::check`]).
//!
//! ```
//! use engine::readiness::edit::{checklist_from_template, record_go_no_go, waive};
//! use engine::readiness::model::{GoNoGo, Outcome};
//! use engine::edit::History;
//! use engine::Program;
//! let json = r#"{"program": {"name": "P", "start": "2027-01-04"},
//!   "workstreams": [{"id": "eng", "name": "Eng"}],
//!   "tasks": [{"id": "ga", "name": "GA", "workstream": "eng", "duration": 0, "milestone": true}]}"#;
//! let mut program: Program = serde_json::from_str(json).unwrap();
//! let mut history = History::default();
//! let edit = checklist_from_template(&program, "ga", "infrastructure change").unwrap();
//! history.apply(&mut program, vec![edit]).unwrap();
//! let go = GoNoGo { milestone: "ga".into(), outcome: Outcome::Go, ..GoNoGo::default() };
//! let refused = record_go_no_go(&program, go).unwrap_err();
//! assert_eq!(refused.field, "outcome");
//! assert!(refused.message.contains("RC1"));
//! let date = "2027-01-20".parse().unwrap();
//! let edit = waive(&program, "ga", "RC1", "CTO", "Tested in staging only", date).unwrap();
//! history.apply(&mut program, vec![edit]).unwrap();
//! assert!(history.undo(&mut program));
//! ```

use chrono::NaiveDate;

use super::check::go_refusal;
use super::model::{
    Checklist, FollowUp, GoNoGo, Item, ItemStatus, Outcome, Readiness, Review, Runbook, Step,
    Waiver,
};
use super::templates;
use crate::edit::Edit;
use crate::logs::edit::{Log, Refusal, next_id};
use crate::logs::model::Issue;
use crate::model::Program;

pub(super) fn refuse(field: &str, message: impl Into<String>) -> Refusal {
    Refusal {
        field: field.to_owned(),
        message: message.into(),
    }
}

/// The edit that makes `readiness` the program's.
pub fn set(readiness: Readiness) -> Edit {
    Edit::SetReadiness { readiness }
}

/// Refused unless `id` is a task that is a milestone.
fn milestone(program: &Program, id: &str) -> Result<(), Refusal> {
    match program.tasks.iter().find(|t| t.id == id) {
        Some(task) if task.milestone => Ok(()),
        Some(_) => Err(refuse("milestone", format!("task {id} is not a milestone"))),
        None => Err(refuse("milestone", format!("there is no task {id}"))),
    }
}

pub(super) fn checklist_index(program: &Program, milestone: &str) -> Result<usize, Refusal> {
    let lists = &program.readiness.checklists;
    lists
        .iter()
        .position(|c| c.milestone == milestone)
        .ok_or_else(|| {
            refuse(
                "milestone",
                format!("milestone {milestone} has no checklist"),
            )
        })
}

pub(super) fn runbook_index(program: &Program, milestone: &str) -> Result<usize, Refusal> {
    let books = &program.readiness.runbooks;
    books
        .iter()
        .position(|r| r.milestone == milestone)
        .ok_or_else(|| refuse("milestone", format!("milestone {milestone} has no runbook")))
}

fn review_index(program: &Program, milestone: &str) -> Result<usize, Refusal> {
    let reviews = &program.readiness.reviews;
    reviews
        .iter()
        .position(|r| r.milestone == milestone)
        .ok_or_else(|| refuse("milestone", format!("milestone {milestone} has no review")))
}

/// `prefix` and one more than the highest number in use with it.
fn next_of<'a>(prefix: &str, ids: impl Iterator<Item = &'a str> + Clone) -> String {
    let highest = ids
        .clone()
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let mut n = highest.saturating_add(1);
    while ids.clone().any(|id| id == format!("{prefix}{n}")) {
        n = n.saturating_add(1);
    }
    format!("{prefix}{n}")
}

// ---------------------------------------------------------------------------------------
// Checklists

/// A new checklist for `milestone` from template `name` (the program's own, else a built-in
/// one), its items numbered `RC1`, `RC2` … and not started. Refused if the milestone has one.
pub fn checklist_from_template(program: &Program, id: &str, name: &str) -> Result<Edit, Refusal> {
    milestone(program, id)?;
    if program.readiness.checklist(id).is_some() {
        return Err(refuse(
            "milestone",
            format!("milestone {id} has a checklist already"),
        ));
    }
    let template = templates::find(program, name)
        .ok_or_else(|| refuse("template", format!("there is no template '{name}'")))?;
    let items = template
        .items
        .into_iter()
        .enumerate()
        .map(|(i, t)| Item {
            id: format!("RC{}", i + 1),
            area: t.area,
            title: t.title,
            owner: t.owner,
            due_before: t.due_before,
            evidence: t.evidence,
            gate: t.gate,
            ..Item::default()
        })
        .collect();
    let mut readiness = program.readiness.clone();
    readiness.checklists.push(Checklist {
        milestone: id.to_owned(),
        template: template.name,
        items,
    });
    Ok(set(readiness))
}

/// A new item titled `title` at the end of `milestone`'s checklist (made if it has none),
/// with the next `RC` id; returns its id and the edit.
pub fn add_item(program: &Program, id: &str, title: &str) -> Result<(String, Edit), Refusal> {
    milestone(program, id)?;
    let title = title.trim();
    if title.is_empty() {
        return Err(refuse("title", "a new item needs a title"));
    }
    let mut readiness = program.readiness.clone();
    let c = match readiness.checklists.iter().position(|c| c.milestone == id) {
        Some(c) => c,
        None => {
            readiness.checklists.push(Checklist {
                milestone: id.to_owned(),
                ..Checklist::default()
            });
            readiness.checklists.len() - 1
        }
    };
    let items = &mut readiness.checklists[c].items;
    let item_id = next_of("RC", items.iter().map(|i| i.id.as_str()));
    items.push(Item {
        id: item_id.clone(),
        title: title.to_owned(),
        ..Item::default()
    });
    Ok((item_id, set(readiness)))
}

/// Replaces the item of the same id in `milestone`'s checklist.
pub fn replace_item(program: &Program, id: &str, item: Item) -> Result<Edit, Refusal> {
    let c = checklist_index(program, id)?;
    let mut readiness = program.readiness.clone();
    let slot = readiness.checklists[c]
        .items
        .iter_mut()
        .find(|i| i.id == item.id)
        .ok_or_else(|| refuse("item", format!("item {} no longer exists", item.id)))?;
    *slot = item;
    Ok(set(readiness))
}

/// Removes item `item` from `milestone`'s checklist.
pub fn remove_item(program: &Program, id: &str, item: &str) -> Result<Edit, Refusal> {
    let c = checklist_index(program, id)?;
    let mut readiness = program.readiness.clone();
    let items = &mut readiness.checklists[c].items;
    let at = items
        .iter()
        .position(|i| i.id == item)
        .ok_or_else(|| refuse("item", format!("item {item} no longer exists")))?;
    items.remove(at);
    Ok(set(readiness))
}

/// Waives item `item`: it counts as settled, with who approved it, why and when. Refused
/// without an approver or a reason (a waiver needs both).
pub fn waive(
    program: &Program,
    id: &str,
    item: &str,
    approver: &str,
    reason: &str,
    date: NaiveDate,
) -> Result<Edit, Refusal> {
    for (field, value) in [("waiver.approver", approver), ("waiver.reason", reason)] {
        if value.trim().is_empty() {
            return Err(refuse(field, "a waiver needs an approver and a reason"));
        }
    }
    let c = checklist_index(program, id)?;
    let mut readiness = program.readiness.clone();
    let slot = readiness.checklists[c]
        .items
        .iter_mut()
        .find(|i| i.id == item)
        .ok_or_else(|| refuse("item", format!("item {item} no longer exists")))?;
    slot.status = ItemStatus::Waived;
    // What came of an earlier waiver of it is kept.
    let outcome = slot.waiver.take().map(|w| w.outcome).unwrap_or_default();
    slot.waiver = Some(Waiver {
        approver: approver.trim().to_owned(),
        reason: reason.trim().to_owned(),
        date: Some(date),
        outcome,
    });
    Ok(set(readiness))
}

// ---------------------------------------------------------------------------------------
// Go / no-go

/// Records a go/no-go meeting (after the milestone's earlier ones). Refused: a Go while hard
/// gates are neither met nor waived (the message lists them), a Conditional Go without an
/// accepted risk, an accepted risk that does not exist, a No-Go without its next review.
pub fn record_go_no_go(program: &Program, record: GoNoGo) -> Result<Edit, Refusal> {
    milestone(program, &record.milestone)?;
    if let Some(unknown) = record
        .risk_acceptances
        .iter()
        .find(|r| !program.risks.iter().any(|known| &&known.id == r))
    {
        return Err(refuse(
            "risk_acceptances",
            format!("there is no risk {unknown}"),
        ));
    }
    match record.outcome {
        Outcome::Go => {
            if let Some(unmet) = go_refusal(program, &record.milestone) {
                let message = format!(
                    "a Go is refused: hard gates neither met nor waived: {}",
                    unmet.join(", ")
                );
                return Err(refuse("outcome", message));
            }
        }
        Outcome::ConditionalGo if record.risk_acceptances.is_empty() => {
            return Err(refuse(
                "risk_acceptances",
                "a Conditional Go names the risks it accepts",
            ));
        }
        Outcome::NoGo if record.next_review.is_none() => {
            return Err(refuse(
                "next_review",
                "a No-Go needs the date of the next review",
            ));
        }
        _ => {}
    }
    let mut readiness = program.readiness.clone();
    readiness.go_no_go.push(record);
    Ok(set(readiness))
}

// ---------------------------------------------------------------------------------------
// Runbooks

/// A new step titled `title` at the end of `milestone`'s runbook (made if it has none),
/// after the step before it, with the next `S` id; returns its id and the edit.
pub fn add_step(program: &Program, id: &str, title: &str) -> Result<(String, Edit), Refusal> {
    milestone(program, id)?;
    let title = title.trim();
    if title.is_empty() {
        return Err(refuse("title", "a new step needs a title"));
    }
    let mut readiness = program.readiness.clone();
    let r = match readiness.runbooks.iter().position(|r| r.milestone == id) {
        Some(r) => r,
        None => {
            readiness.runbooks.push(Runbook {
                milestone: id.to_owned(),
                ..Runbook::default()
            });
            readiness.runbooks.len() - 1
        }
    };
    let steps = &mut readiness.runbooks[r].steps;
    let step_id = next_of("S", steps.iter().map(|s| s.id.as_str()));
    let after = steps.last().map(|s| vec![s.id.clone()]).unwrap_or_default();
    steps.push(Step {
        id: step_id.clone(),
        title: title.to_owned(),
        after,
        ..Step::default()
    });
    Ok((step_id, set(readiness)))
}

/// Removes step `step`, and takes it out of the `after` of the others.
pub fn remove_step(program: &Program, id: &str, step: &str) -> Result<Edit, Refusal> {
    let r = runbook_index(program, id)?;
    let mut readiness = program.readiness.clone();
    let steps = &mut readiness.runbooks[r].steps;
    let at = steps
        .iter()
        .position(|s| s.id == step)
        .ok_or_else(|| refuse("step", format!("step {step} no longer exists")))?;
    steps.remove(at);
    for other in steps.iter_mut() {
        other.after.retain(|a| a != step);
    }
    Ok(set(readiness))
}

/// Checks step `step` off: done, with its actual start (kept if already recorded, else
/// `started`) and finish. Refused when the finish is before the start.
pub fn check_off_step(
    program: &Program,
    id: &str,
    step: &str,
    started: super::model::Moment,
    finished: super::model::Moment,
) -> Result<Edit, Refusal> {
    let r = runbook_index(program, id)?;
    let mut readiness = program.readiness.clone();
    let slot = readiness.runbooks[r]
        .steps
        .iter_mut()
        .find(|s| s.id == step)
        .ok_or_else(|| refuse("step", format!("step {step} no longer exists")))?;
    let start = slot.actual_start.unwrap_or(started);
    if finished < start {
        return Err(refuse(
            "actual_finish",
            format!(
                "it finishes at {}, before it started at {}",
                finished.to_text(),
                start.to_text()
            ),
        ));
    }
    slot.actual_start = Some(start);
    slot.actual_finish = Some(finished);
    slot.done = true;
    Ok(set(readiness))
}

// ---------------------------------------------------------------------------------------
// Reviews

/// Replaces (or adds) `milestone`'s post-launch review.
pub fn set_review(program: &Program, review: Review) -> Result<Edit, Refusal> {
    milestone(program, &review.milestone)?;
    let mut readiness = program.readiness.clone();
    match readiness
        .reviews
        .iter_mut()
        .find(|r| r.milestone == review.milestone)
    {
        Some(slot) => *slot = review,
        None => readiness.reviews.push(review),
    }
    Ok(set(readiness))
}

/// A review field typed: `date` (`2027-07-01`), or `incidents`, `went_well`, `went_badly`
/// one entry a line. The review is made if the milestone has none.
pub fn set_review_field(
    program: &Program,
    id: &str,
    field: &str,
    text: &str,
) -> Result<Edit, Refusal> {
    let mut review = program.readiness.review(id).cloned().unwrap_or(Review {
        milestone: id.to_owned(),
        ..Review::default()
    });
    let lines = || -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    match field {
        "date" if text.trim().is_empty() => review.date = None,
        "date" => {
            let date = crate::logs::typing::parse_date(text.trim());
            review.date = Some(date.map_err(|m| refuse(field, m))?);
        }
        "incidents" => review.incidents = lines(),
        "went_well" => review.went_well = lines(),
        "went_badly" => review.went_badly = lines(),
        _ => return Err(refuse(field, format!("a review has no field '{field}'"))),
    }
    set_review(program, review)
}

/// A follow-up action added to `milestone`'s review (made if it has none); returns its
/// position and the edit.
pub fn add_action(
    program: &Program,
    id: &str,
    text: &str,
    owner: &str,
    due: Option<NaiveDate>,
) -> Result<(usize, Edit), Refusal> {
    if text.trim().is_empty() {
        return Err(refuse("text", "an action needs its text"));
    }
    let mut review = program.readiness.review(id).cloned().unwrap_or(Review {
        milestone: id.to_owned(),
        ..Review::default()
    });
    review.actions.push(FollowUp {
        text: text.trim().to_owned(),
        owner: owner.trim().to_owned(),
        due,
        ..FollowUp::default()
    });
    let at = review.actions.len() - 1;
    Ok((at, set_review(program, review)?))
}

/// Marks action `index` of `milestone`'s review done or not.
pub fn set_action_done(
    program: &Program,
    id: &str,
    index: usize,
    done: bool,
) -> Result<Edit, Refusal> {
    let r = review_index(program, id)?;
    let mut readiness = program.readiness.clone();
    let action = readiness.reviews[r]
        .actions
        .get_mut(index)
        .ok_or_else(|| refuse("action", format!("there is no action {}", index + 1)))?;
    action.done = done;
    Ok(set(readiness))
}

/// Turns action `index` of `milestone`'s review into a new issue of the RAID log (opened
/// `today`, its owner and due date, holding up the milestone) and links the action to it:
/// the logs' change and the readiness' change, one user action. Returns the issue's id.
pub fn action_to_issue(
    program: &Program,
    id: &str,
    index: usize,
    today: NaiveDate,
) -> Result<(String, Vec<Edit>), Refusal> {
    let r = review_index(program, id)?;
    let mut readiness = program.readiness.clone();
    let action = readiness.reviews[r]
        .actions
        .get_mut(index)
        .ok_or_else(|| refuse("action", format!("there is no action {}", index + 1)))?;
    if let Some(issue) = &action.issue {
        return Err(refuse("issue", format!("it is issue {issue} already")));
    }
    let issue_id = next_id(program, Log::Issues);
    let mut logs = program.logs.clone();
    logs.issues.push(Issue {
        id: issue_id.clone(),
        title: action.text.clone(),
        owner: action.owner.clone(),
        opened: Some(today),
        due: action.due.filter(|due| *due >= today),
        tasks: vec![id.to_owned()],
        ..Issue::default()
    });
    action.issue = Some(issue_id.clone());
    Ok((issue_id, vec![Edit::SetLogs { logs }, set(readiness)]))
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
