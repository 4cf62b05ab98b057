//! The board laid out from a scheduled program: its rows, every card in its column, the
//! milestones row, the strings between cards and the red strings counted per team pair.
//!
//! A card sits in the iteration of its scheduled finish. A card that misses its own
//! commitment — a deadline, or a finish-no-later-than or must-finish-on date — sits in the
//! iteration of that commitment instead, marked late, with the column where it will land:
//! the board shows what the team committed to, and the strings show what stops it. A
//! string between two cards is *fine* when the predecessor's card sits in an earlier
//! column than the successor's, *tight* in the same one, *broken* (red) in a later one.
//!
//! Cost: O(T + D) with hashing, for T tasks and D links; no schedule is made.
//!
//! ```
//! use engine::board::{Board, layout::{lay_out, Tie}};
//! use engine::{Program, check, schedule_checked};
//! let json = r#"{"program": {"name": "P", "start": "2027-01-04"},
//!   "workstreams": [{"id": "api", "name": "API"}, {"id": "web", "name": "Web"}],
//!   "tasks": [
//!     {"id": "a", "name": "Auth API", "workstream": "api", "duration": 12},
//!     {"id": "b", "name": "Login page", "workstream": "web", "duration": 3,
//!      "deadline": "2027-01-15"}],
//!   "dependencies": [{"from": "a", "to": "b"}]}"#;
//! let program: Program = serde_json::from_str(json).unwrap();
//! let schedule = schedule_checked(&check(&program).unwrap()).unwrap();
//! let board = lay_out(&program, &schedule);
//! // The login page is due in iteration 1 but lands in iteration 2, after the API.
//! assert!(board.cards[1].late);
//! assert_eq!(board.strings[0].tie, Tie::Broken);
//! assert_eq!(board.red_pairs[0].count, 1);
//! ```

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::iterations::{Column, Iterations};
use super::model::{CardsBy, Interval, RowsBy};
use crate::model::{ConstraintKind, LinkType, Program, Task};
use crate::scheduler::Schedule;

/// The board: what every view of it draws.
#[derive(Clone, Debug)]
pub struct BoardLayout {
    pub interval: Interval,
    pub iterations: Iterations,
    pub rows: Vec<Row>,
    /// Every card: team cards and milestones (`row: None`), in task order.
    pub cards: Vec<Card>,
    /// Each task's card (a task under a summary card: that card), by task index.
    pub card_of: Vec<Option<usize>>,
    pub strings: Vec<BoardString>,
    /// Red strings per pair of rows, the most first.
    pub red_pairs: Vec<PairCount>,
}

/// A row: a team (workstream) or a top-level summary.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The workstream's id or the summary's; empty for the row of tasks under no summary.
    pub key: String,
    pub name: String,
}

/// A card on the board.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The task (or summary) it stands for, by index.
    pub task: usize,
    /// Its row; `None`: the milestones row.
    pub row: Option<usize>,
    /// Where it sits: its finish's column, or its commitment's when it misses it.
    pub column: Column,
    /// Where its scheduled finish falls.
    pub lands: Column,
    pub finish: NaiveDate,
    /// The earliest of its deadline and its finish-no-later / must-finish-on date.
    pub commitment: Option<NaiveDate>,
    /// It finishes after its commitment.
    pub late: bool,
    pub critical: bool,
    pub total_float: i64,
    pub milestone: bool,
    pub summary: bool,
}

/// How a string's ends sit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tie {
    /// The predecessor's card sits in an earlier column.
    Fine,
    /// In the same column.
    Tight,
    /// In a later column: the dependency arrives after it is needed.
    Broken,
}

/// A string: the links from one card's tasks to another's.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardString {
    /// Cards, by index in [`BoardLayout::cards`].
    pub from: usize,
    pub to: usize,
    pub tie: Tie,
    /// How many links it stands for, and the first one's type and lag.
    pub links: usize,
    pub kind: LinkType,
    pub lag: i64,
}

/// Red strings from one row to another (`None`: the milestones row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairCount {
    pub from: Option<usize>,
    pub to: Option<usize>,
    pub count: usize,
}

/// The board of `program` under `schedule`, its schedule (so `program` checked), on its
/// own interval or the default one.
pub fn lay_out(program: &Program, schedule: &Schedule) -> BoardLayout {
    let interval = program
        .board
        .interval
        .clone()
        .unwrap_or_else(|| Interval::default_for(program.program.start));
    let iterations = Iterations::new(&program.calendar, program.program.start, &interval);
    let index: FxHashMap<&str, usize> = program
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let parents = parents(program, &index);
    let (rows, row_of) = rows(program, interval.rows, &parents);
    let card_task = card_tasks(program, interval.cards, &parents);
    let mut cards = Vec::new();
    let mut card_of = vec![None; program.tasks.len()];
    for (t, task) in program.tasks.iter().enumerate() {
        if card_task[t] == Some(t) {
            let Some(s) = schedule.tasks.get(t) else {
                continue;
            };
            card_of[t] = Some(cards.len());
            let commitment = commitment(task);
            let late = commitment.is_some_and(|c| s.finish > c);
            let lands = iterations.column_of(s.finish);
            let milestone = task.is_milestone();
            cards.push(Card {
                task: t,
                row: (!milestone).then_some(row_of[t]).flatten(),
                column: match commitment.filter(|_| late) {
                    Some(c) => iterations.column_of(c),
                    None => lands,
                },
                lands,
                finish: s.finish,
                commitment,
                late,
                critical: s.critical,
                total_float: s.total_float,
                milestone,
                summary: task.summary,
            });
        }
    }
    for t in 0..program.tasks.len() {
        if card_of[t].is_none() {
            card_of[t] = card_task[t].and_then(|c| card_of[c]);
        }
    }
    let strings = strings(program, &index, &card_of, &cards);
    let red_pairs = red_pairs(&strings, &cards);
    BoardLayout {
        interval,
        iterations,
        rows,
        cards,
        card_of,
        strings,
        red_pairs,
    }
}

/// The earliest date `task` is committed to finish by.
pub fn commitment(task: &Task) -> Option<NaiveDate> {
    let constrained = task.constraint.as_ref().and_then(|c| match c.kind {
        ConstraintKind::FNLT | ConstraintKind::MFO => c.date,
        _ => None,
    });
    match (task.deadline, constrained) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Each task's parent, by index.
fn parents(program: &Program, index: &FxHashMap<&str, usize>) -> Vec<Option<usize>> {
    program
        .tasks
        .iter()
        .map(|t| t.parent.as_deref().and_then(|p| index.get(p).copied()))
        .collect()
}

/// The rows, and each task's row.
fn rows(
    program: &Program,
    by: RowsBy,
    parents: &[Option<usize>],
) -> (Vec<Row>, Vec<Option<usize>>) {
    match by {
        RowsBy::Workstreams => {
            let rows: Vec<Row> = program
                .workstreams
                .iter()
                .map(|w| Row {
                    key: w.id.clone(),
                    name: w.name.clone(),
                })
                .collect();
            let at: FxHashMap<&str, usize> = program
                .workstreams
                .iter()
                .enumerate()
                .map(|(i, w)| (w.id.as_str(), i))
                .collect();
            let row_of = program
                .tasks
                .iter()
                .map(|t| at.get(t.workstream.as_str()).copied())
                .collect();
            (rows, row_of)
        }
        RowsBy::Summaries => {
            let mut rows = Vec::new();
            let mut row_of_top = FxHashMap::default();
            let top = |mut t: usize| {
                // Bounded: the check refuses a cycle of parents.
                for _ in 0..program.tasks.len() {
                    match parents[t] {
                        Some(p) => t = p,
                        None => break,
                    }
                }
                t
            };
            for (t, task) in program.tasks.iter().enumerate() {
                if task.summary && parents[t].is_none() {
                    row_of_top.insert(t, rows.len());
                    rows.push(Row {
                        key: task.id.clone(),
                        name: task.name.clone(),
                    });
                }
            }
            let loose = rows.len();
            let row_of: Vec<Option<usize>> = (0..program.tasks.len())
                .map(|t| Some(row_of_top.get(&top(t)).copied().unwrap_or(loose)))
                .collect();
            if row_of.contains(&Some(loose)) {
                rows.push(Row {
                    key: String::new(),
                    name: "Under no summary".into(),
                });
            }
            (rows, row_of)
        }
    }
}

/// Which task's card each task is on (itself, its summary, or none).
fn card_tasks(program: &Program, by: CardsBy, parents: &[Option<usize>]) -> Vec<Option<usize>> {
    // Under summaries, a summary with work of its own under it (a feature) is a card.
    let mut feature = vec![false; program.tasks.len()];
    for (t, task) in program.tasks.iter().enumerate() {
        if let Some(p) = parents[t].filter(|_| !task.summary && !task.is_milestone()) {
            feature[p] = true;
        }
    }
    program
        .tasks
        .iter()
        .enumerate()
        .map(|(t, task)| match by {
            _ if task.is_milestone() => Some(t),
            CardsBy::Tasks => (!task.summary).then_some(t),
            // A summary holding only summaries has no card of its own.
            CardsBy::Summaries if task.summary => feature[t].then_some(t),
            CardsBy::Summaries => Some(parents[t].unwrap_or(t)),
        })
        .collect()
}

fn strings(
    program: &Program,
    index: &FxHashMap<&str, usize>,
    card_of: &[Option<usize>],
    cards: &[Card],
) -> Vec<BoardString> {
    let mut strings: Vec<BoardString> = Vec::new();
    let mut seen: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for link in &program.dependencies {
        let card = |id: &str| index.get(id).and_then(|&t| card_of[t]);
        let (Some(from), Some(to)) = (card(&link.from), card(&link.to)) else {
            continue;
        };
        if from == to {
            continue;
        }
        match seen.get(&(from, to)) {
            Some(&s) => strings[s].links += 1,
            None => {
                seen.insert((from, to), strings.len());
                strings.push(BoardString {
                    from,
                    to,
                    tie: tie(cards[from].column, cards[to].column),
                    links: 1,
                    kind: link.kind,
                    lag: link.lag,
                });
            }
        }
    }
    strings
}

/// How a string from a card in `from` to a card in `to` sits.
pub fn tie(from: Column, to: Column) -> Tie {
    match from.cmp(&to) {
        std::cmp::Ordering::Less => Tie::Fine,
        std::cmp::Ordering::Equal => Tie::Tight,
        std::cmp::Ordering::Greater => Tie::Broken,
    }
}

fn red_pairs(strings: &[BoardString], cards: &[Card]) -> Vec<PairCount> {
    let mut counts: FxHashMap<(Option<usize>, Option<usize>), usize> = FxHashMap::default();
    for s in strings.iter().filter(|s| s.tie == Tie::Broken) {
        *counts
            .entry((cards[s.from].row, cards[s.to].row))
            .or_default() += 1;
    }
    let mut pairs: Vec<PairCount> = counts
        .into_iter()
        .map(|((from, to), count)| PairCount { from, to, count })
        .collect();
    pairs.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then((a.from, a.to).cmp(&(b.from, b.to)))
    });
    pairs
}
