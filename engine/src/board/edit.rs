//! The board's settings and PI objectives as people type them: one field at a time, each
//! action one [`Edit::SetBoard`] (its inverse restores the board, so undo works), or a
//! [`Refusal`] naming the field at fault. The check refuses, when the edit is made, what
//! breaks a rule across items (an unknown team or card).
//!
//! ```
//! use engine::board::edit::{add_objective, set_objective_field};
//! use engine::edit::History;
//! use engine::Program;
//! let mut program: Program = serde_json::from_str(r#"{"program": {"name": "P",
//!   "start": "2027-01-04"}, "workstreams": [{"id": "web", "name": "Web"}]}"#).unwrap();
//! let mut history = History::default();
//! let (id, edit) = add_objective(&program, "web", "Self-service sign-up live").unwrap();
//! history.apply(&mut program, vec![edit]).unwrap();
//! let edit = set_objective_field(&program, &id, "business_value", "8").unwrap();
//! history.apply(&mut program, vec![edit]).unwrap();
//! assert_eq!(program.board.objectives[0].business_value, Some(8));
//! assert_eq!(set_objective_field(&program, &id, "business_value", "11").unwrap_err().field,
//!            "business_value");
//! ```

use super::model::{
    Board, CardsBy, Interval, MAX_ITERATIONS, MAX_LENGTH, MAX_VALUE, Objective, RowsBy,
};
use crate::edit::Edit;
use crate::logs::edit::{Refusal, parse_date};
use crate::model::Program;

/// The interval's fields a user types: (key, label).
pub const INTERVAL_FIELDS: &[(&str, &str)] = &[
    ("name", "Name"),
    ("start", "First iteration starts"),
    ("iterations", "Iterations"),
    ("length", "Working days each"),
    ("rows", "Rows"),
    ("cards", "Cards"),
];

/// The board with `interval`'s field `field` set from `text`.
pub fn set_interval_field(program: &Program, field: &str, text: &str) -> Result<Edit, Refusal> {
    let mut board = program.board.clone();
    let interval = board
        .interval
        .get_or_insert_with(|| Interval::default_for(program.program.start));
    let text = text.trim();
    match field {
        "name" => interval.name = text.to_owned(),
        "start" => interval.start = parse_date(text).map_err(|m| refuse(field, m))?,
        "iterations" => interval.iterations = count(field, text, MAX_ITERATIONS)?,
        "length" => interval.length = count(field, text, MAX_LENGTH)?,
        "rows" => {
            interval.rows = match text {
                "workstreams" => RowsBy::Workstreams,
                "summaries" => RowsBy::Summaries,
                _ => return Err(refuse(field, "rows are 'workstreams' or 'summaries'")),
            }
        }
        "cards" => {
            interval.cards = match text {
                "tasks" => CardsBy::Tasks,
                "summaries" => CardsBy::Summaries,
                _ => return Err(refuse(field, "cards are 'tasks' or 'summaries'")),
            }
        }
        _ => return Err(refuse(field, "the interval has no such field")),
    }
    Ok(set(board))
}

/// A new objective of `team` reading `text`, with the next free id (`O1`, `O2`, …).
pub fn add_objective(program: &Program, team: &str, text: &str) -> Result<(String, Edit), Refusal> {
    if text.trim().is_empty() {
        return Err(refuse("text", "an objective needs its words"));
    }
    if !program.workstreams.iter().any(|w| w.id == team) {
        return Err(refuse("team", format!("no workstream is called {team}")));
    }
    let mut board = program.board.clone();
    let id = (1..)
        .map(|n| format!("O{n}"))
        .find(|id| !board.objectives.iter().any(|o| &o.id == id))
        .unwrap_or_default();
    board.objectives.push(Objective {
        id: id.clone(),
        team: team.to_owned(),
        text: text.trim().to_owned(),
        ..Objective::default()
    });
    Ok((id, set(board)))
}

/// Objective `id`'s field set from `text`: `text`, `kind` (`committed` or `stretch`),
/// `business_value` (1–10, empty for none), `actual_value` (0–10), `cards` (task ids,
/// separated by commas or spaces).
pub fn set_objective_field(
    program: &Program,
    id: &str,
    field: &str,
    text: &str,
) -> Result<Edit, Refusal> {
    let mut board = program.board.clone();
    let objective = board
        .objectives
        .iter_mut()
        .find(|o| o.id == id)
        .ok_or_else(|| refuse("id", format!("no objective is called {id}")))?;
    let text = text.trim();
    match field {
        "text" if text.is_empty() => return Err(refuse(field, "an objective needs its words")),
        "text" => objective.text = text.to_owned(),
        "kind" => {
            objective.stretch = match text.to_lowercase().as_str() {
                "committed" => false,
                "stretch" => true,
                _ => return Err(refuse(field, "an objective is 'committed' or 'stretch'")),
            }
        }
        "business_value" => objective.business_value = value(field, text, 1)?,
        "actual_value" => objective.actual_value = value(field, text, 0)?,
        "cards" => {
            let cards: Vec<String> = text
                .split([',', ' '])
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
            if let Some(unknown) = cards
                .iter()
                .find(|c| !program.tasks.iter().any(|t| &t.id == *c))
            {
                return Err(refuse(field, format!("no task is called {unknown}")));
            }
            objective.cards = cards;
        }
        _ => return Err(refuse(field, "an objective has no such field")),
    }
    Ok(set(board))
}

/// The board without objective `id`.
pub fn remove_objective(program: &Program, id: &str) -> Result<Edit, Refusal> {
    let mut board = program.board.clone();
    let before = board.objectives.len();
    board.objectives.retain(|o| o.id != id);
    if board.objectives.len() == before {
        return Err(refuse("id", format!("no objective is called {id}")));
    }
    Ok(set(board))
}

fn set(board: Board) -> Edit {
    Edit::SetBoard {
        board: Box::new(board),
    }
}

fn refuse(field: &str, message: impl Into<String>) -> Refusal {
    Refusal {
        field: field.to_owned(),
        message: message.into(),
    }
}

fn count(field: &str, text: &str, most: u32) -> Result<u32, Refusal> {
    text.parse::<u32>()
        .ok()
        .filter(|n| (1..=most).contains(n))
        .ok_or_else(|| {
            refuse(
                field,
                format!("a whole number from 1 to {most}, not '{text}'"),
            )
        })
}

fn value(field: &str, text: &str, least: u8) -> Result<Option<u8>, Refusal> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u8>()
        .ok()
        .filter(|n| (least..=MAX_VALUE).contains(n))
        .map(Some)
        .ok_or_else(|| {
            refuse(
                field,
                format!("a value from {least} to {MAX_VALUE}, not '{text}'"),
            )
        })
}
