//! Where a card moved on the board goes: into the scenario shown, into a new "Workshop —
//! <date>" scenario (made and shown, as one undoable step with the move), or into the plan
//! itself. The move is `engine::board::drag::move_card` on the program shown.

use engine::board::drag::move_card;
use engine::board::layout::lay_out;
use engine::edit::Edit;
use leptos::prelude::*;

use crate::editor::Editor;

/// Where moves go while the program itself is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MovesGo {
    /// A new workshop scenario, made at the first move.
    NewScenario,
    /// The plan itself.
    Plan,
}

/// Moves card `task` (its task id) to iteration `to`; what it did, in words, or why not.
pub fn move_card_to(editor: Editor, task: &str, to: usize, go: MovesGo) -> Result<String, String> {
    let (edits, words) = editor
        .doc
        .with_untracked(|d| {
            let d = d.as_ref()?;
            editor.derived.with_untracked(|v| {
                let program = v.shown_program(d);
                let schedule = v.shown().schedule.as_ref().ok()?;
                let board = lay_out(program, schedule);
                let card = board
                    .cards
                    .iter()
                    .position(|c| program.tasks[c.task].id == task)?;
                Some(move_card(program, schedule, &board, card, to))
            })
        })
        .ok_or("The board cannot be moved while the plan cannot be scheduled.")??;
    if edits.is_empty() {
        return Ok(String::new());
    }
    // The scenario the board shows (one chosen, then deleted or undone, shows the plan).
    let shown = editor.derived.with_untracked(|v| v.scenario.is_some());
    match (shown, go) {
        (true, _) => editor.act_in_view(edits)?,
        (false, MovesGo::Plan) => editor.act(edits).map_err(|d| document::describe(&d))?,
        (false, MovesGo::NewScenario) => new_workshop(editor, edits)?,
    }
    let into = editor
        .derived
        .with_untracked(|v| v.scenario.as_ref().map(|s| s.name.clone()))
        .map_or_else(|| "in the plan".to_owned(), |name| format!("in {name}"));
    Ok(format!("{words} ({into})."))
}

/// A new scenario "Workshop — <today>" holding `edits`, shown: one undoable step.
fn new_workshop(editor: Editor, edits: Vec<Edit>) -> Result<(), String> {
    let today = crate::format::today();
    let mut made = None;
    editor.change(false, |doc| {
        let base = format!("Workshop — {today}");
        let taken = |name: &str| doc.scenarios.iter().any(|s| s.name == name);
        let name = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base} ({n})")
                }
            })
            .find(|name| !taken(name))
            .unwrap_or(base);
        let id = document::scenarios::add(doc, &name, Vec::new())?;
        document::scenario_edit::record(doc, &id, &edits)?;
        made = Some(id);
        Ok(())
    })?;
    editor.scenario.set(made);
    Ok(())
}
