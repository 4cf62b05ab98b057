//! The program's scenarios as a user manages them: create, duplicate, rename, describe,
//! remove a change, delete, promote — each an operation on a [`Document`] that either
//! succeeds whole or is refused with a reason and leaves it as it was — and [`evaluate`],
//! every scenario replayed on the program, scheduled and compared with it.
//!
//! Does not: apply, schedule or compare by rules of its own (`engine::scenario`,
//! `engine::compare`), schedule the program itself (the derived view does), take snapshots or record undo steps (the app's editor wraps each call
//! in one undoable change), or decide what the screen shows after a delete.

use engine::Schedule;
use engine::compare::{Comparison, compare};
use engine::scenario::{Change, Outcome, Scenario, apply};
use planfile::Document;

use crate::describe;

/// Said when a scenario asked for by id is not in the document (deleted in another tab, or
/// by an undo).
pub const GONE: &str = "This scenario no longer exists.";

/// A scenario replayed on the program and compared with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluated {
    pub scenario: Scenario,
    /// What became of each change (applied, or why not).
    pub outcomes: Vec<Outcome>,
    /// Its schedule compared with the program's, or why it cannot be scheduled.
    pub result: Result<Comparison, String>,
}

/// The program's schedule and every scenario's.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub base: Result<Schedule, String>,
    pub scenarios: Vec<Evaluated>,
}

/// Schedules each scenario applied to the program and compares it with the program's
/// schedule `base` (the derived view's: see [`crate::derived`]). Cost: one schedule per
/// scenario.
pub fn evaluate(doc: &Document, base: &Result<Schedule, String>) -> Evaluation {
    let scenarios = doc
        .scenarios
        .iter()
        .map(|s| {
            let applied = apply(&doc.program, &s.changes);
            let result = match base {
                Err(_) => Err("The program itself cannot be scheduled.".to_owned()),
                Ok(before) => engine::schedule(&applied.program)
                    .map(|after| compare(&doc.program, before, &applied.program, &after))
                    .map_err(|d| describe(&d)),
            };
            Evaluated {
                scenario: s.clone(),
                outcomes: applied.outcomes,
                result,
            }
        })
        .collect();
    Evaluation {
        base: base.clone(),
        scenarios,
    }
}

/// A new id: `prefix` and the first number from 1 that no id in `taken` has.
pub fn next_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: std::collections::HashSet<&str> = taken.collect();
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or_else(|| prefix.to_owned())
}

fn new_id(doc: &Document) -> String {
    next_id("s", doc.scenarios.iter().map(|s| s.id.as_str()))
}

fn find_mut<'d>(doc: &'d mut Document, id: &str) -> Result<&'d mut Scenario, String> {
    doc.scenarios
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| GONE.to_owned())
}

/// Adds a scenario named `name` with `changes`; returns its new id.
pub fn add(doc: &mut Document, name: &str, changes: Vec<Change>) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("A scenario needs a name.".into());
    }
    let id = new_id(doc);
    doc.scenarios.push(Scenario {
        id: id.clone(),
        name: name.to_owned(),
        description: String::new(),
        changes,
    });
    Ok(id)
}

/// The document with scenario `id` its only scenario — what a link to one scenario
/// carries —, beside those a change request or decision names (the file must keep them to
/// be read). Refused if there is no such scenario.
pub fn alone(doc: &Document, id: &str) -> Result<Document, String> {
    if !doc.scenarios.iter().any(|s| s.id == id) {
        return Err(GONE.to_owned());
    }
    let logs = &doc.program.logs;
    let named = |s: &str| {
        logs.changes
            .iter()
            .any(|c| c.scenario.as_deref() == Some(s))
            || logs
                .decisions
                .iter()
                .any(|d| d.links.scenarios.iter().any(|n| n == s))
    };
    let mut one = doc.clone();
    one.scenarios.retain(|s| s.id == id || named(&s.id));
    Ok(one)
}

/// Adds a copy of scenario `id`, named "… (copy)"; returns the copy's id.
pub fn duplicate(doc: &mut Document, id: &str) -> Result<String, String> {
    let original = doc
        .scenarios
        .iter()
        .find(|s| s.id == id)
        .cloned()
        .ok_or(GONE)?;
    let copy = new_id(doc);
    doc.scenarios.push(Scenario {
        id: copy.clone(),
        name: format!("{} (copy)", original.name),
        ..original
    });
    Ok(copy)
}

/// Renames scenario `id` (the name trimmed; an empty one refused).
pub fn rename(doc: &mut Document, id: &str, name: &str) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("A scenario needs a name.".into());
    }
    find_mut(doc, id)?.name = name.to_owned();
    Ok(())
}

/// Sets scenario `id`'s description (trimmed; empty for none).
pub fn set_description(doc: &mut Document, id: &str, text: &str) -> Result<(), String> {
    find_mut(doc, id)?.description = text.trim().to_owned();
    Ok(())
}

/// Removes change number `at` of scenario `id`.
pub fn remove_change(doc: &mut Document, id: &str, at: usize) -> Result<(), String> {
    let scenario = find_mut(doc, id)?;
    if at >= scenario.changes.len() {
        return Err("That change is no longer there.".into());
    }
    scenario.changes.remove(at);
    Ok(())
}

/// Deletes scenario `id` (refused while a change request or decision names it).
pub fn delete(doc: &mut Document, id: &str) -> Result<(), String> {
    crate::logs::change_control::guard(doc, id)?;
    let before = doc.scenarios.len();
    doc.scenarios.retain(|s| s.id != id);
    if doc.scenarios.len() == before {
        return Err(GONE.into());
    }
    Ok(())
}

/// Makes scenario `id` the program: the program replaced by the scenario applied, and the
/// scenario removed. Refused, the document untouched, if the result cannot be scheduled,
/// or while a change request holds it (approving the request promotes it).
pub fn promote(doc: &mut Document, id: &str) -> Result<(), String> {
    crate::logs::change_control::guard(doc, id)?;
    promote_held(doc, id)
}

/// [`promote`] without the guard: what approving the change request that holds it does.
pub(crate) fn promote_held(doc: &mut Document, id: &str) -> Result<(), String> {
    let at = doc.scenarios.iter().position(|s| s.id == id).ok_or(GONE)?;
    let applied = apply(&doc.program, &doc.scenarios[at].changes);
    engine::schedule(&applied.program).map_err(|d| describe(&d))?;
    doc.scenarios.remove(at);
    doc.program = applied.program;
    Ok(())
}
