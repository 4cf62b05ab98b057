//! The program board read from the file: `board` with its planning interval and the teams'
//! PI objectives, each objective decoded on its own with its path
//! (`board.objectives[3].business_value`), so one bad objective does not hide the next. The
//! fields this version does not know are kept at `board`, `board/interval` and each
//! objective (`board/objectives/OBJ2`). The engine checks the rest (the interval's bounds,
//! teams, ids, business values, cards: E056–E060).

use super::Decoder;
use crate::raw::{Fields, field, kind, object};
use engine::board::{Board, Interval, Objective};
use serde_json::value::RawValue;

pub(crate) const BOARD_FIELDS: &[&str] = &["interval", "objectives"];
pub(crate) const INTERVAL_FIELDS: &[&str] =
    &["name", "start", "iterations", "length", "rows", "cards"];
pub(crate) const OBJECTIVE_FIELDS: &[&str] = &[
    "id",
    "team",
    "text",
    "stretch",
    "business_value",
    "actual_value",
    "cards",
];

impl Decoder {
    /// The file's `board`, or an empty one (also when it has a problem, which is recorded).
    pub(super) fn board(&mut self, raw: Option<&RawValue>) -> Board {
        let Some(raw) = raw else {
            return Board::default();
        };
        let Some(fields) = object(raw) else {
            let problem = format!(
                "expected an object (the program board), found {}",
                kind(raw)
            );
            self.problem("board".into(), problem);
            return Board::default();
        };
        self.keep("board", || "board".into(), &fields, BOARD_FIELDS);
        Board {
            interval: self.interval(&fields),
            objectives: self.items(
                "board.objectives",
                field(&fields, "objectives"),
                |d, at, objective: &Objective, f| {
                    let item = || format!("board/objectives/{}", objective.id);
                    d.keep(at, item, f, OBJECTIVE_FIELDS);
                },
            ),
        }
    }

    /// The object `board.interval`, its unknown fields kept as `board/interval`.
    fn interval(&mut self, fields: &Fields<'_>) -> Option<Interval> {
        let raw = field(fields, "interval")?;
        let interval = self.value::<Interval>("board.interval", raw)?;
        if let Some(interval_fields) = object(raw) {
            let item = || "board/interval".into();
            self.keep("board.interval", item, &interval_fields, INTERVAL_FIELDS);
        }
        Some(interval)
    }
}
