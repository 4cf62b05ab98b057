//! Change control: a change request raised from a scenario (the scenario holds the change),
//! its impact on the plan, approved (the scenario promoted: it becomes the program, and the
//! request records the decision) or rejected (the scenario kept for the record), and the
//! scenarios a log names kept safe from deletion.
//!
//! Each function changes the document in memory, all or nothing (the caller makes it one
//! undoable step, a snapshot first for an approval); each refusal says why in words.
//!
//! ```
//! use document::logs::change_control::{raise, approve};
//! let json = r#"{"program": {"name": "P", "start": "2026-03-02"},
//!   "workstreams": [{"id": "w", "name": "W"}],
//!   "tasks": [{"id": "a", "name": "Build", "workstream": "w", "duration": 5}]}"#;
//! let mut doc = planfile::Document::new(serde_json::from_str(json).unwrap());
//! let scenario = document::scenarios::add(&mut doc, "Two more days",
//!     vec![engine::scenario::Change::Estimate { task: "a".into(), days: 7 }]).unwrap();
//! let today = "2026-03-03".parse().unwrap();
//! let id = raise(&mut doc, &scenario, today).unwrap();
//! approve(&mut doc, &id, today).unwrap();
//! assert_eq!(doc.program.tasks[0].duration, 7);
//! assert!(doc.scenarios.is_empty());
//! assert_eq!(doc.program.logs.changes[0].decided, Some(today));
//! ```

use chrono::NaiveDate;
use engine::logs::edit::{Log, next_id};
use engine::logs::impact::{ChangeImpact, change_impact_of};
use engine::logs::model::{ChangeDecision, ChangeRequest, ChangeStatus};
use planfile::Document;

use crate::scenarios;

/// Raises a change request for scenario `scenario` on `today`: titled after it, pending.
/// Returns its id.
pub fn raise(doc: &mut Document, scenario: &str, today: NaiveDate) -> Result<String, String> {
    let name = doc
        .scenarios
        .iter()
        .find(|s| s.id == scenario)
        .map(|s| s.name.clone())
        .ok_or("That scenario no longer exists.")?;
    if let Some(held) = holder(doc, scenario) {
        return Err(format!("Change request {held} already holds “{name}”."));
    }
    let id = next_id(&doc.program, Log::Changes);
    doc.program.logs.changes.push(ChangeRequest {
        id: id.clone(),
        title: name,
        requested: Some(today),
        scenario: Some(scenario.to_owned()),
        ..ChangeRequest::default()
    });
    Ok(id)
}

/// The pending change request that holds scenario `scenario`, if any.
pub fn holder(doc: &Document, scenario: &str) -> Option<String> {
    doc.program
        .logs
        .changes
        .iter()
        .find(|c| c.scenario.as_deref() == Some(scenario) && c.decision == ChangeDecision::Pending)
        .map(|c| c.id.clone())
}

/// Why scenario `scenario` cannot be deleted or promoted by itself: a pending change
/// request holds it (it is decided on the Logs tab), or a request or decision names it.
pub fn guard(doc: &Document, scenario: &str) -> Result<(), String> {
    let logs = &doc.program.logs;
    if let Some(held) = holder(doc, scenario) {
        return Err(format!(
            "change request {held} holds this scenario: approve or reject it on the Logs tab."
        ));
    }
    let named = logs
        .changes
        .iter()
        .filter(|c| c.scenario.as_deref() == Some(scenario))
        .map(|c| c.id.as_str())
        .chain(
            logs.decisions
                .iter()
                .filter(|d| d.links.scenarios.iter().any(|s| s == scenario))
                .map(|d| d.id.as_str()),
        )
        .collect::<Vec<_>>();
    if named.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} {} it for the record: take it off there first.",
            named.join(", "),
            if named.len() == 1 { "names" } else { "name" }
        ))
    }
}

/// What change request `id`'s scenario does to the plan (`before`: the program's
/// schedule), or why it cannot be said.
pub fn impact(doc: &Document, id: &str, before: &engine::Schedule) -> Result<ChangeImpact, String> {
    let request = find(doc, id)?;
    let scenario = request
        .scenario
        .as_deref()
        .and_then(|s| doc.scenarios.iter().find(|x| x.id == s))
        .ok_or_else(|| format!("{id} holds no scenario."))?;
    change_impact_of(&doc.program, before, &scenario.changes).map_err(|d| crate::describe(&d))
}

/// Approves change request `id` on `today`: its scenario becomes the program (refused, the
/// document untouched, if that cannot be scheduled) and the request records the decision,
/// implemented.
pub fn approve(doc: &mut Document, id: &str, today: NaiveDate) -> Result<(), String> {
    let request = pending(doc, id)?;
    let scenario = request
        .scenario
        .clone()
        .ok_or_else(|| format!("{id} holds no scenario to promote."))?;
    let mut changed = doc.clone();
    scenarios::promote_held(&mut changed, &scenario)?;
    decide(&mut changed, id, today, ChangeDecision::Approved)?;
    *doc = changed;
    Ok(())
}

/// Rejects change request `id` on `today`; its scenario stays, for the record.
pub fn reject(doc: &mut Document, id: &str, today: NaiveDate) -> Result<(), String> {
    pending(doc, id)?;
    decide(doc, id, today, ChangeDecision::Rejected)
}

fn find<'d>(doc: &'d Document, id: &str) -> Result<&'d ChangeRequest, String> {
    doc.program
        .logs
        .changes
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| format!("Change request {id} no longer exists."))
}

fn pending<'d>(doc: &'d Document, id: &str) -> Result<&'d ChangeRequest, String> {
    let request = find(doc, id)?;
    if request.decision != ChangeDecision::Pending {
        return Err(format!("{id} is decided already."));
    }
    Ok(request)
}

/// Records the decision; an approved request's scenario is gone (promoted), so its link
/// goes too, and decisions that named it forget it.
fn decide(
    doc: &mut Document,
    id: &str,
    today: NaiveDate,
    decision: ChangeDecision,
) -> Result<(), String> {
    let approved = decision == ChangeDecision::Approved;
    let logs = &mut doc.program.logs;
    let request = logs
        .changes
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| format!("Change request {id} no longer exists."))?;
    request.decision = decision;
    request.decided = Some(today);
    request.status = if approved {
        ChangeStatus::Implemented
    } else {
        ChangeStatus::Closed
    };
    if approved && let Some(scenario) = request.scenario.take() {
        for d in &mut logs.decisions {
            d.links.scenarios.retain(|s| *s != scenario);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::scenario::Change;

    fn doc() -> (Document, String) {
        let json = r#"{"program": {"name": "P", "start": "2026-03-02"},
          "workstreams": [{"id": "w", "name": "W"}],
          "tasks": [{"id": "a", "name": "Build", "workstream": "w", "duration": 5},
                    {"id": "m", "name": "Launch", "workstream": "w", "duration": 0}],
          "dependencies": [{"from": "a", "to": "m", "type": "FS"}]}"#;
        let mut doc = Document::new(serde_json::from_str(json).unwrap());
        let id = scenarios::add(
            &mut doc,
            "Scope +2",
            vec![Change::Estimate {
                task: "a".into(),
                days: 7,
            }],
        )
        .unwrap();
        (doc, id)
    }

    #[test]
    fn a_raised_request_shows_its_impact_and_guards_its_scenario() {
        let (mut doc, scenario) = doc();
        let id = raise(&mut doc, &scenario, "2026-03-03".parse().unwrap()).unwrap();
        assert_eq!(id, "CR1");
        let before = engine::schedule(&doc.program).unwrap();
        let impact = impact(&doc, &id, &before).unwrap();
        assert_eq!(impact.finish_shift, 2);
        assert_eq!(impact.milestones[0].days, Some(2));
        assert!(
            guard(&doc, &scenario)
                .unwrap_err()
                .contains("CR1 holds this scenario")
        );
        assert!(scenarios::delete(&mut doc, &scenario).is_err());
        assert!(scenarios::promote(&mut doc, &scenario).is_err());
        assert!(raise(&mut doc, &scenario, "2026-03-03".parse().unwrap()).is_err());
    }

    #[test]
    fn a_rejected_request_keeps_its_scenario_for_the_record() {
        let (mut doc, scenario) = doc();
        let today = "2026-03-04".parse().unwrap();
        let id = raise(&mut doc, &scenario, today).unwrap();
        reject(&mut doc, &id, today).unwrap();
        assert_eq!(doc.scenarios.len(), 1);
        assert_eq!(
            doc.program.logs.changes[0].decision,
            ChangeDecision::Rejected
        );
        assert!(guard(&doc, &scenario).unwrap_err().contains("CR1 names it"));
        assert!(
            approve(&mut doc, &id, today)
                .unwrap_err()
                .contains("decided already")
        );
        // What is written reads back (the request still names an existing scenario).
        assert!(planfile::read(&planfile::write(&doc)).is_ok());
    }

    #[test]
    fn an_approval_that_cannot_be_scheduled_changes_nothing() {
        let (mut doc, scenario) = doc();
        doc.scenarios[0].changes.push(Change::AddDependency {
            dependency: serde_json::from_str(r#"{"from": "m", "to": "a", "type": "FS"}"#).unwrap(),
        });
        let id = raise(&mut doc, &scenario, "2026-03-03".parse().unwrap()).unwrap();
        let before = doc.clone();
        assert!(approve(&mut doc, &id, "2026-03-03".parse().unwrap()).is_err());
        assert_eq!(doc, before);
    }
}
