//! Editing a scenario in the plan view: the program a scenario shows (its changes applied),
//! and grid or chart edits made while a scenario is shown, recorded as scenario changes
//! instead of program edits.
//!
//! Does not: translate edits into changes itself (`engine::scenario::with_edits` does, and
//! refuses what a scenario cannot express or cannot schedule).

use engine::edit::Edit;
use engine::scenario::{Applied, apply, with_edits};
use planfile::Document;

/// The program with scenario `id`'s changes applied, or `None` if there is no such scenario.
pub fn applied(doc: &Document, id: &str) -> Option<Applied> {
    doc.scenarios
        .iter()
        .find(|s| s.id == id)
        .map(|s| apply(&doc.program, &s.changes))
}

/// Records `action` (edits to the program the scenario shows) as changes of scenario `id`.
/// Refused, with the reason, if the scenario is gone, cannot express an edit (a rename, a
/// move to another workstream) or could not be scheduled afterwards (a cycle).
pub fn record(doc: &mut Document, id: &str, action: &[Edit]) -> Result<(), String> {
    let program = &doc.program;
    let Some(scenario) = doc.scenarios.iter_mut().find(|s| s.id == id) else {
        return Err("The scenario shown no longer exists: show the program instead.".into());
    };
    scenario.changes = with_edits(program, &scenario.changes, action)?;
    Ok(())
}
