//! The program board as stored (`Program::board`): the planning interval cut into
//! iterations, how rows and cards are chosen, and each team's PI objectives.
//!
//! Does not: place anything (see [`super::layout`]): where a card sits is read from the
//! schedule every time, never stored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most iterations an interval may have (a year of one-week iterations).
pub const MAX_ITERATIONS: u32 = 52;
/// The longest iteration, in working days (three months).
pub const MAX_LENGTH: u32 = 60;
/// Business value is set from 1 to this.
pub const MAX_VALUE: u8 = 10;

/// The board's settings and the teams' objectives. Empty by default: a program without
/// one is shown on a board of [`Interval::default_for`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// The planning interval; `None`: the default one from the program start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// The PI objectives, team by team, in the order they were written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
}

impl Board {
    /// Whether nothing is set (then the file has no `board`).
    pub fn is_empty(&self) -> bool {
        *self == Board::default()
    }

    /// A team's predictability, as SAFe's program predictability measure: the business
    /// value achieved over the value planned, of its committed objectives that have both
    /// (stretch objectives add to what is achieved, never to what is planned). `None`
    /// until one committed objective has both values.
    pub fn predictability(&self, team: &str) -> Option<f64> {
        let mine = || self.objectives.iter().filter(|o| o.team == team);
        let planned: u32 = mine()
            .filter(|o| !o.stretch && o.actual_value.is_some())
            .filter_map(|o| o.business_value)
            .map(u32::from)
            .sum();
        let achieved: u32 = mine()
            .filter(|o| o.business_value.is_some() || o.stretch)
            .filter_map(|o| o.actual_value)
            .map(u32::from)
            .sum();
        (planned > 0).then(|| f64::from(achieved) / f64::from(planned))
    }
}

/// A planning interval (a program increment, a quarter): `iterations` iterations of
/// `length` working days of the program calendar each, the first starting on `start` (or
/// the first working day after it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    /// What the room calls it ("PI 27.1"); may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub start: NaiveDate,
    #[serde(default = "default_iterations")]
    pub iterations: u32,
    /// Working days of the program calendar.
    #[serde(default = "default_length")]
    pub length: u32,
    #[serde(default, skip_serializing_if = "RowsBy::is_default")]
    pub rows: RowsBy,
    #[serde(default, skip_serializing_if = "CardsBy::is_default")]
    pub cards: CardsBy,
}

fn default_iterations() -> u32 {
    6
}

fn default_length() -> u32 {
    10
}

impl Interval {
    /// The interval a board shows before one is chosen: six iterations of two working
    /// weeks from the program start, rows by workstream, a card per task.
    pub fn default_for(start: NaiveDate) -> Interval {
        Interval {
            name: String::new(),
            start,
            iterations: default_iterations(),
            length: default_length(),
            rows: RowsBy::default(),
            cards: CardsBy::default(),
        }
    }
}

/// What the board's rows are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowsBy {
    /// One row per workstream (team), in the program's order.
    #[default]
    Workstreams,
    /// One row per top-level summary task, and one for the tasks under none.
    Summaries,
}

impl RowsBy {
    fn is_default(&self) -> bool {
        *self == RowsBy::default()
    }
}

/// What the board's cards are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardsBy {
    /// One card per task (summaries are not cards).
    #[default]
    Tasks,
    /// One card per lowest summary (a feature: the tasks under it are its work), and one
    /// per task under no summary.
    Summaries,
}

impl CardsBy {
    fn is_default(&self) -> bool {
        *self == CardsBy::default()
    }
}

/// A team's PI objective: what it commits to (or stretches for) in the interval, its
/// business value as the business owner sets it, and the cards that deliver it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Objective {
    pub id: String,
    /// The team: a workstream's id.
    pub team: String,
    pub text: String,
    /// A stretch objective (uncommitted): not counted in the team's commitment.
    #[serde(default, skip_serializing_if = "is_false")]
    pub stretch: bool,
    /// Planned business value, 1 to 10, set by the business owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_value: Option<u8>,
    /// Business value achieved, 0 to 10, scored at the end of the interval.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_value: Option<u8>,
    /// The tasks (cards) that deliver it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<String>,
}

fn is_false(value: &bool) -> bool {
    !*value
}
