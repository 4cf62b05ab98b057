//! The program's baselines as a user manages them: save the schedule as a new baseline
//! (made active), make one active, delete one; and the one lookup of the active baseline.
//!
//! Does not: capture or compare by rules of its own (`engine::baseline` does), or read the
//! clock (the day a baseline is saved on is passed in).

use chrono::NaiveDate;
use engine::baseline::{Baseline, capture};
use planfile::Document;

use crate::describe;
use crate::scenarios::next_id;

/// The active baseline, if one is set and still exists.
pub fn active(doc: &Document) -> Option<&Baseline> {
    let id = doc.active_baseline.as_deref()?;
    doc.baselines.iter().find(|b| b.id == id)
}

/// Saves the program's schedule as baseline `name`, saved on `today`, and makes it active;
/// returns its id. Refused if the program cannot be scheduled.
pub fn save(doc: &mut Document, name: &str, today: NaiveDate) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("A baseline needs a name.".into());
    }
    let schedule = engine::schedule(&doc.program).map_err(|d| {
        format!(
            "The plan cannot be scheduled, so there is nothing to save: {}",
            describe(&d)
        )
    })?;
    let id = next_id("b", doc.baselines.iter().map(|b| b.id.as_str()));
    doc.baselines
        .push(capture(&id, name, today, &doc.program, &schedule));
    doc.active_baseline = Some(id.clone());
    Ok(id)
}

/// Makes baseline `id` the one variances are measured against.
pub fn set_active(doc: &mut Document, id: &str) -> Result<(), String> {
    if !doc.baselines.iter().any(|b| b.id == id) {
        return Err("This baseline no longer exists.".into());
    }
    doc.active_baseline = Some(id.to_owned());
    Ok(())
}

/// Deletes baseline `id`. If it was the active one, the newest remaining baseline becomes
/// active (as in MS Project, where variance is always against some baseline once one exists).
pub fn delete(doc: &mut Document, id: &str) -> Result<(), String> {
    let before = doc.baselines.len();
    doc.baselines.retain(|b| b.id != id);
    if doc.baselines.len() == before {
        return Err("This baseline no longer exists.".into());
    }
    if doc.active_baseline.as_deref() == Some(id) {
        doc.active_baseline = doc.baselines.last().map(|b| b.id.clone());
    }
    Ok(())
}
