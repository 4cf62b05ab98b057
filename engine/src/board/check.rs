//! The board's checks, run by [`crate::check`]: the interval within bounds and its start
//! within the engine's dates (E056), each
//! objective's team a workstream (E057), its id unique (E058), its business values in
//! range (E059), its cards tasks of the program (E060), its text within length (E025).
//! Nothing scheduled reads the board.

use super::model::{Board, MAX_ITERATIONS, MAX_LENGTH, MAX_VALUE};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Program;
use crate::text::{MAX_DESCRIPTION_CHARS, length_problem};
use rustc_hash::FxHashSet;

/// Every problem of `program.board`; `is_task` tells a task id.
pub fn board_problems(program: &Program, is_task: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    let board = &program.board;
    if board.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    interval(board, &mut found);
    let teams: FxHashSet<&str> = program.workstreams.iter().map(|w| w.id.as_str()).collect();
    let mut ids = FxHashSet::default();
    for (n, objective) in board.objectives.iter().enumerate() {
        let at = format!("board.objectives[{n}]");
        let mut problem = |code, field: &str, culprit: &str, message: String| {
            let culprits = vec![culprit.to_owned()];
            found.push(Diagnostic::new(
                code,
                format!("{at}.{field}"),
                culprits,
                message,
            ));
        };
        if !ids.insert(objective.id.as_str()) {
            let message = format!("two objectives are called {}", objective.id);
            problem(Code::DuplicateObjectiveId, "id", &objective.id, message);
        }
        if !teams.contains(objective.team.as_str()) {
            let message = format!(
                "objective {} names no workstream of the program",
                objective.id
            );
            problem(Code::UnknownObjectiveTeam, "team", &objective.team, message);
        }
        let values = [
            ("business_value", objective.business_value, 1),
            ("actual_value", objective.actual_value, 0),
        ];
        for (field, value, least) in values {
            if let Some(v) = value.filter(|v| !(least..=MAX_VALUE).contains(v)) {
                let message = format!("a business value is {least} to {MAX_VALUE}, not {v}");
                problem(Code::InvalidBusinessValue, field, &objective.id, message);
            }
        }
        for (c, card) in objective.cards.iter().enumerate() {
            if !is_task(card) {
                let message = format!("objective {} links to no task called {card}", objective.id);
                problem(
                    Code::UnknownObjectiveCard,
                    &format!("cards[{c}]"),
                    card,
                    message,
                );
            }
        }
        if let Some(message) =
            length_problem(&objective.text, MAX_DESCRIPTION_CHARS, "an objective")
        {
            problem(Code::TextTooLong, "text", &objective.id, message);
        }
    }
    found
}

fn interval(board: &Board, found: &mut Vec<Diagnostic>) {
    let Some(interval) = &board.interval else {
        return;
    };
    if !crate::check::date_in_range(interval.start) {
        found.push(Diagnostic::new(
            Code::InvalidInterval,
            "board.interval.start",
            vec![interval.start.to_string()],
            format!(
                "a planning interval starts between 1900 and 9999, not on {}",
                interval.start
            ),
        ));
    }
    let bounds = [
        (
            "iterations",
            interval.iterations,
            MAX_ITERATIONS,
            "iterations",
        ),
        (
            "length",
            interval.length,
            MAX_LENGTH,
            "working days an iteration",
        ),
    ];
    for (field, value, most, what) in bounds {
        if !(1..=most).contains(&value) {
            found.push(Diagnostic::new(
                Code::InvalidInterval,
                format!("board.interval.{field}"),
                vec![value.to_string()],
                format!("a planning interval has 1 to {most} {what}, not {value}"),
            ));
        }
    }
}
