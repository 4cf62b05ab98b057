//! [`BoardModel`]: the board placed in CSS pixels (1 unit = 1 CSS px at zoom 1), the seam
//! the Board tab's component and the SVG export both draw.
//!
//! Geometry: a label column on the left, then one column per iteration (a "Before" column
//! first only when a card finishes before the interval, a "Later" column last), then the
//! PI objectives. A header band on top, the milestones row under it, then one row per
//! team; a row is as tall as its fullest cell (cards stack in a cell, in task order) or its
//! objectives, and keeps a band at its foot for the capacity bars.

use engine::Program;
use engine::Schedule;
use engine::board::capacity::row_capacity;
use engine::board::iterations::Column;
use engine::board::layout::{BoardLayout, Tie, lay_out};

/// The board's fixed sizes, in CSS px.
pub mod geometry {
    pub const LABEL_WIDTH: f64 = 190.0;
    pub const COLUMN_WIDTH: f64 = 200.0;
    pub const OBJECTIVES_WIDTH: f64 = 280.0;
    pub const HEADER_HEIGHT: f64 = 52.0;
    pub const CARD_HEIGHT: f64 = 62.0;
    pub const CARD_GAP: f64 = 8.0;
    pub const PAD: f64 = 8.0;
    /// The band at a row's foot for its capacity bars.
    pub const BAR_BAND: f64 = 18.0;
    /// One objective's height in the objectives column (two lines of text).
    pub const OBJECTIVE_HEIGHT: f64 = 46.0;
}

use geometry::*;

/// The board, placed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardModel {
    /// "PI 27.1 · 6 iterations of 10 working days from 2027-01-11".
    pub heading: String,
    pub width: f64,
    pub height: f64,
    pub columns: Vec<ColumnView>,
    /// The milestones row's top and height.
    pub milestones: (f64, f64),
    pub rows: Vec<RowView>,
    pub cards: Vec<CardView>,
    pub strings: Vec<StringView>,
    /// "Infrastructure → Applications: 2", the most first.
    pub red_pairs: Vec<String>,
    pub red_strings: usize,
    /// The x where the objectives column starts.
    pub objectives_x: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColumnView {
    /// "I1", "Before", "Later".
    pub label: String,
    /// "11 Jan – 22 Jan", or empty.
    pub dates: String,
    /// The iteration it is, if it is one (what a card dropped there moves to).
    pub iteration: Option<usize>,
    pub x: f64,
    pub width: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    pub key: String,
    pub name: String,
    /// CSS colour.
    pub color: String,
    pub y: f64,
    pub height: f64,
    pub objectives: Vec<ObjectiveView>,
    /// "Predictability 92 %", once objectives are scored.
    pub predictability: Option<String>,
    /// One per column, for the iterations only (load against capacity); empty without
    /// resources.
    pub bars: Vec<BarView>,
    /// Red strings from or to this row.
    pub red: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarView {
    /// Column index.
    pub column: usize,
    /// Load over capacity (0 when there is no capacity and no load).
    pub ratio: f64,
    pub over: bool,
    /// "Load 14 of 20 person-days".
    pub title: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveView {
    pub id: String,
    pub text: String,
    pub stretch: bool,
    /// "BV 8", "BV 8 → 6", or empty.
    pub value: String,
    /// The ids of the cards it links.
    pub cards: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CardView {
    /// The task's id (a card's key).
    pub id: String,
    pub name: String,
    /// "IN5 Observability stack — finishes 2027-04-01, 5d float".
    pub title: String,
    /// `None`: the milestones row.
    pub row: Option<usize>,
    /// Column index.
    pub column: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// "lands I7" when it misses its commitment.
    pub late: Option<String>,
    pub critical: bool,
    pub milestone: bool,
    pub color: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StringView {
    /// Card indices.
    pub from: usize,
    pub to: usize,
    pub tie: Tie,
    /// Both cards are on the same team's row (a board may hide such strings but red ones).
    pub within: bool,
    /// The SVG path.
    pub path: String,
    /// "IN4 → SE2 (SS +2d): finishes in I4, after SE2 in I3".
    pub title: String,
}

/// The board of `program` (the program or the scenario shown) under `schedule`.
pub fn board_model(program: &Program, schedule: &Schedule) -> BoardModel {
    let layout = lay_out(program, schedule);
    let columns = columns(&layout);
    let column_at = |c: Column| match c {
        Column::Before => 0,
        Column::In(i) => i + usize::from(columns[0].label == "Before"),
        Column::Later => columns.len() - 1,
    };
    // Cards in each cell, stacked in task order.
    let mut slots = std::collections::HashMap::<(Option<usize>, usize), usize>::new();
    let mut placed = Vec::with_capacity(layout.cards.len());
    for card in &layout.cards {
        let key = (card.row, column_at(card.column));
        let slot = slots.entry(key).or_default();
        placed.push((key.1, *slot));
        *slot += 1;
    }
    let fullest = |row: Option<usize>| {
        slots
            .iter()
            .filter(|((r, _), _)| *r == row)
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0)
    };
    let stack = |n: usize| n.max(1) as f64 * (CARD_HEIGHT + CARD_GAP) + PAD;
    let milestones = (HEADER_HEIGHT, stack(fullest(None)));
    let mut y = milestones.0 + milestones.1;
    let mut rows = Vec::with_capacity(layout.rows.len());
    let cells = row_capacity(program, schedule, &layout);
    for (r, row) in layout.rows.iter().enumerate() {
        let objectives = objectives(program, &row.key);
        let height = stack(fullest(Some(r))).max(objectives.len() as f64 * OBJECTIVE_HEIGHT + PAD)
            + BAR_BAND;
        let bars = cells
            .get(r)
            .map(|cells| bars(cells, &column_at))
            .unwrap_or_default();
        rows.push(RowView {
            key: row.key.clone(),
            name: row.name.clone(),
            color: row_colour(program, &row.key, r),
            y,
            height,
            predictability: program
                .board
                .predictability(&row.key)
                .map(|p| format!("Predictability {:.0} %", p * 100.0)),
            objectives,
            bars,
            red: 0,
        });
        y += height;
    }
    let cards: Vec<CardView> = layout
        .cards
        .iter()
        .zip(&placed)
        .map(|(card, &(column, slot))| {
            let task = &program.tasks[card.task];
            let top = card.row.map_or(milestones.0, |r| rows[r].y);
            CardView {
                id: task.id.clone(),
                name: task.name.clone(),
                title: card_title(task, card),
                row: card.row,
                column,
                x: columns[column].x + PAD,
                y: top + PAD + slot as f64 * (CARD_HEIGHT + CARD_GAP),
                width: COLUMN_WIDTH - 2.0 * PAD,
                height: CARD_HEIGHT,
                late: card
                    .late
                    .then(|| format!("lands {}", column_label(card.lands))),
                critical: card.critical,
                milestone: card.milestone,
                color: card
                    .row
                    .map_or_else(|| "#5b6472".to_owned(), |r| rows[r].color.clone()),
            }
        })
        .collect();
    for s in layout.strings.iter().filter(|s| s.tie == Tie::Broken) {
        for r in [layout.cards[s.from].row, layout.cards[s.to].row]
            .into_iter()
            .flatten()
        {
            rows[r].red += 1;
        }
    }
    let strings = layout
        .strings
        .iter()
        .map(|s| StringView {
            from: s.from,
            to: s.to,
            tie: s.tie,
            within: cards[s.from].row.is_some() && cards[s.from].row == cards[s.to].row,
            path: path(&cards[s.from], &cards[s.to]),
            title: string_title(program, &layout, s),
        })
        .collect();
    let objectives_x = columns.last().map_or(LABEL_WIDTH, |c| c.x + c.width);
    let row_name = |r: Option<usize>| r.map_or("Milestones", |r| layout.rows[r].name.as_str());
    BoardModel {
        heading: heading(&layout),
        width: objectives_x + OBJECTIVES_WIDTH,
        height: y,
        red_pairs: layout
            .red_pairs
            .iter()
            .map(|p| format!("{} → {}: {}", row_name(p.from), row_name(p.to), p.count))
            .collect(),
        red_strings: layout
            .strings
            .iter()
            .filter(|s| s.tie == Tie::Broken)
            .count(),
        columns,
        milestones,
        rows,
        cards,
        strings,
        objectives_x,
    }
}

fn heading(layout: &BoardLayout) -> String {
    let interval = &layout.interval;
    let name = if interval.name.is_empty() {
        "Planning interval"
    } else {
        interval.name.as_str()
    };
    let first = layout
        .iterations
        .dates
        .first()
        .map(|d| d.0.to_string())
        .unwrap_or_default();
    format!(
        "{name} · {} iterations of {} working days from {first}",
        layout.iterations.len(),
        layout.iterations.length
    )
}

fn columns(layout: &BoardLayout) -> Vec<ColumnView> {
    let before = layout.cards.iter().any(|c| c.column == Column::Before);
    let mut columns = Vec::new();
    let mut push = |label: String, dates: String, iteration: Option<usize>| {
        let x = LABEL_WIDTH + columns.len() as f64 * COLUMN_WIDTH;
        columns.push(ColumnView {
            label,
            dates,
            iteration,
            x,
            width: COLUMN_WIDTH,
        });
    };
    if before {
        push("Before".into(), String::new(), None);
    }
    for (i, (first, last)) in layout.iterations.dates.iter().enumerate() {
        let dates = format!("{} – {}", first.format("%-d %b"), last.format("%-d %b"));
        push(format!("I{}", i + 1), dates, Some(i));
    }
    push("Later".into(), String::new(), None);
    columns
}

fn column_label(column: Column) -> String {
    match column {
        Column::Before => "before the interval".into(),
        Column::In(i) => format!("I{}", i + 1),
        Column::Later => "after the interval".into(),
    }
}

fn objectives(program: &Program, team: &str) -> Vec<ObjectiveView> {
    program
        .board
        .objectives
        .iter()
        .filter(|o| o.team == team)
        .map(|o| ObjectiveView {
            id: o.id.clone(),
            text: o.text.clone(),
            stretch: o.stretch,
            value: match (o.business_value, o.actual_value) {
                (Some(p), Some(a)) => format!("BV {p} → {a}"),
                (Some(p), None) => format!("BV {p}"),
                (None, Some(a)) => format!("→ {a}"),
                (None, None) => String::new(),
            },
            cards: o.cards.clone(),
        })
        .collect()
}

fn row_colour(program: &Program, key: &str, r: usize) -> String {
    let own = program.workstreams.iter().position(|w| w.id == key);
    let color = own.and_then(|i| program.workstreams[i].color.as_deref());
    crate::plan_model::colour(color, own.unwrap_or(r))
}

fn bars(
    cells: &[engine::board::capacity::Cell],
    column_at: &dyn Fn(Column) -> usize,
) -> Vec<BarView> {
    cells
        .iter()
        .enumerate()
        .map(|(i, cell)| BarView {
            column: column_at(Column::In(i)),
            ratio: if cell.capacity > 0.0 {
                cell.load / cell.capacity
            } else if cell.load > 0.0 {
                2.0
            } else {
                0.0
            },
            over: cell.over(),
            title: format!("Load {:.0} of {:.0} person-days", cell.load, cell.capacity),
        })
        .collect()
}

fn card_title(task: &engine::Task, card: &engine::board::layout::Card) -> String {
    let mut title = format!("{} {} — finishes {}", task.id, task.name, card.finish);
    if let Some(c) = card.commitment {
        title.push_str(&format!(", due {c}"));
    }
    title.push_str(&format!(", {}d float", card.total_float));
    if card.late {
        title.push_str(&format!(": late, lands {}", column_label(card.lands)));
    }
    title
}

fn string_title(
    program: &Program,
    layout: &BoardLayout,
    s: &engine::board::layout::BoardString,
) -> String {
    let id = |c: usize| program.tasks[layout.cards[c].task].id.as_str();
    let lag = match s.lag {
        0 => String::new(),
        lag => format!(" {lag:+}d"),
    };
    let more = if s.links > 1 {
        format!(", {} links", s.links)
    } else {
        String::new()
    };
    let (from, to) = (layout.cards[s.from].column, layout.cards[s.to].column);
    let verdict = match s.tie {
        Tie::Fine => "before it is needed",
        Tie::Tight => "in the same iteration",
        Tie::Broken => "after it is needed",
    };
    format!(
        "{} → {} ({:?}{lag}{more}): {} sits in {}, {verdict} ({} sits in {})",
        id(s.from),
        id(s.to),
        s.kind,
        id(s.from),
        column_label(from),
        id(s.to),
        column_label(to)
    )
}

/// A string's curve: from the side of `from` facing `to` to the side of `to` facing back.
fn path(from: &CardView, to: &CardView) -> String {
    let (fy, ty) = (from.y + from.height / 2.0, to.y + to.height / 2.0);
    let (fx, tx, bend) = if from.x < to.x {
        (from.x + from.width, to.x, 40.0)
    } else if from.x > to.x {
        (from.x, to.x + to.width, -40.0)
    } else {
        (from.x + from.width, to.x + to.width, 0.0)
    };
    let (c1, c2) = if bend == 0.0 {
        (fx + 14.0, tx + 14.0)
    } else {
        (fx + bend, tx - bend)
    };
    format!("M{fx:.0} {fy:.0} C{c1:.0} {fy:.0} {c2:.0} {ty:.0} {tx:.0} {ty:.0}")
}
