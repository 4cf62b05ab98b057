//! `PlanModel`: the plan as the grid and the Gantt chart show it: rows in display order
//! (workstream groups and their tasks), the links between rows, and the chart's time axis.
//!
//! Plain data, built by the app from the program and its schedule; the grid and the chart
//! both render the same rows at the same height, so they line up and scroll together.
//! Time on the chart is in *calendar* days from `origin` (weekends take space, as in every
//! Gantt chart); a bar's `end` is exclusive (a one-day task on day 3 is `3..4`).

use chrono::NaiveDate;
use engine::baseline::Variance;
use engine::entry::Predecessor;
use engine::{Constraint, Estimate};

/// The plan view's rows, links and time axis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanModel {
    pub rows: Vec<PlanRow>,
    /// Links between tasks whose rows are shown (both ends visible: not in a collapsed group).
    pub links: Vec<PlanLink>,
    /// Day 0 of the chart (ISO date), a few days before the program start.
    pub origin: String,
    /// Calendar days the chart spans from `origin`.
    pub days: i64,
    /// Today, the status date and the program's `finish_by`, as chart days, if within reach.
    pub today: Option<i64>,
    pub status_date: Option<i64>,
    /// Why the plan cannot be scheduled (the rows then carry no dates and no bars).
    pub problem: Option<String>,
    /// Whether these rows show a scenario rather than the program.
    pub scenario: Option<String>,
    /// The program calendar's days off in the chart's span: runs of non-working weekdays
    /// (weekends, by the calendar's working weekdays) as (first chart day, length), and the
    /// holidays (chart days), shaded on the chart.
    pub days_off: Vec<(i64, i64)>,
    pub holidays: Vec<i64>,
    /// The critical-path rule in words, for the legend ("Critical: total float ≤ 0d").
    pub critical_rule: String,
    /// How many tasks the program has, and how many rows a find or filter kept (`None`: no
    /// filter is on, every task is in `rows` unless its workstream is closed).
    pub total_tasks: usize,
    pub filtered: Option<usize>,
}

/// One row of the plan view.
// Not boxed: most rows are tasks, and a box would cost an allocation for each.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum PlanRow {
    Group(GroupRow),
    Task(TaskRow),
}

impl PlanRow {
    /// The row's key, stable across edits.
    pub fn key(&self) -> RowKey {
        match self {
            PlanRow::Group(g) => RowKey::Group(g.workstream.clone()),
            PlanRow::Task(t) => RowKey::Task(t.id.clone()),
        }
    }
}

/// Which row of the plan: a workstream's group row, a task's row, or the empty row after the
/// last, where typing a name adds a task. Written into the DOM (`data-row`, `data-key`) as
/// `g:<workstream id>`, `t:<task id>` or `new` by [`Display`](std::fmt::Display) and read
/// back by [`RowKey::parse`]: the one place that knows the text form.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RowKey {
    Group(String),
    Task(String),
    New,
}

impl RowKey {
    /// The key written as `text` (`g:…`, `t:…`, `new`), if it is one.
    pub fn parse(text: &str) -> Option<RowKey> {
        if text == "new" {
            return Some(RowKey::New);
        }
        match text.split_once(':')? {
            ("g", id) => Some(RowKey::Group(id.to_owned())),
            ("t", id) => Some(RowKey::Task(id.to_owned())),
            _ => None,
        }
    }

    /// The task's id, for a task's row.
    pub fn task(&self) -> Option<&str> {
        match self {
            RowKey::Task(id) => Some(id),
            _ => None,
        }
    }

    /// The workstream's id, for a group row.
    pub fn group(&self) -> Option<&str> {
        match self {
            RowKey::Group(id) => Some(id),
            _ => None,
        }
    }

    /// Whether `row` is the row of this key (without building the row's key).
    pub fn is(&self, row: &PlanRow) -> bool {
        match (self, row) {
            (RowKey::Group(id), PlanRow::Group(g)) => *id == g.workstream,
            (RowKey::Task(id), PlanRow::Task(t)) => *id == t.id,
            _ => false,
        }
    }
}

impl std::fmt::Display for RowKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowKey::Group(id) => write!(f, "g:{id}"),
            RowKey::Task(id) => write!(f, "t:{id}"),
            RowKey::New => f.write_str("new"),
        }
    }
}

/// A workstream heading: collapsible, with a roll-up bar over its tasks.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRow {
    pub workstream: String,
    pub name: String,
    pub collapsed: bool,
    /// How many tasks the workstream has.
    pub tasks: usize,
    /// How many of them a find or filter keeps (`tasks` when none is on).
    pub shown: usize,
    /// Earliest start and latest finish of its tasks (as shown), "" if none.
    pub start: String,
    pub finish: String,
    /// The roll-up bar (chart days), if it has scheduled tasks.
    pub bar: Option<(i64, i64)>,
    /// The workstream's colour (CSS): its own, else the palette's for its position
    /// ([`colour`]).
    pub color: String,
}

/// A task or milestone: what its cells show, as values, and its bar. The cells' text is
/// made only when a cell is drawn ([`Column::text`](crate::Column::text)): a plan of
/// 10,000 rows formats the few dozen on screen, not every row on every edit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskRow {
    /// The task's position in the program's task list (what edits refer to).
    pub index: usize,
    pub id: String,
    pub name: String,
    /// The workstream's id (what edits refer to) and its name (what the grid shows).
    pub workstream: String,
    pub workstream_name: String,
    pub milestone: bool,
    /// Working days.
    pub duration: i64,
    /// The scheduled dates and float; `None` when the plan cannot be scheduled.
    pub times: Option<Times>,
    /// The predecessors, as they are typed back.
    pub predecessors: Vec<Predecessor>,
    /// `None` (or as soon as possible) shows nothing.
    pub constraint: Option<Constraint>,
    pub deadline: Option<NaiveDate>,
    pub estimate: Option<Estimate>,
    pub actual_start: Option<NaiveDate>,
    pub actual_finish: Option<NaiveDate>,
    /// Percent complete (0 shows nothing).
    pub percent: f64,
    /// Start and finish variance against the active baseline, in working days.
    pub variance: Option<Variance>,
    pub critical: bool,
    pub bar: Option<Bar>,
    /// The workstream's colour (CSS), as its group row's.
    pub color: String,
}

/// A task's scheduled dates (its first and last working day) and total float (working days).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Times {
    pub start: NaiveDate,
    pub finish: NaiveDate,
    pub total_float: i64,
}

/// A task's bar on the chart (calendar days from the model's origin, end exclusive).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bar {
    pub start: i64,
    pub end: i64,
    /// The end of the float: the late finish (exclusive), ≥ `end` when there is float.
    pub late_end: i64,
    /// The deadline's day, and whether the task finishes after it.
    pub deadline: Option<i64>,
    pub deadline_missed: bool,
    /// The active baseline's bar, if the task is in it.
    pub baseline: Option<(i64, i64)>,
    /// When a scenario is shown: the task's bar in the program, drawn as an outline behind
    /// the scenario's bar (the overlay of a scenario against the program).
    pub ghost: Option<(i64, i64)>,
    /// Percent complete (0–100), drawn as a progress fill.
    pub percent: u8,
}

/// A dependency between two shown rows.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanLink {
    pub from_row: usize,
    pub to_row: usize,
    /// "FS", "SS", "FF" or "SF".
    pub kind: &'static str,
    /// Both ends critical and the link driving.
    pub critical: bool,
}

/// The colours of workstreams, by index (cycled). Chosen to stay distinct in light and dark
/// themes and on a projector.
pub const PALETTE: [&str; 8] = [
    "#2f6fde", "#d9822b", "#2e9e6a", "#b04ac9", "#c9a227", "#1fa3b3", "#d6456a", "#6b7a8f",
];

/// A workstream's colour: its own (`#rrggbb`), else the palette's for its position.
pub fn colour(own: Option<&str>, index: usize) -> String {
    own.map_or_else(|| palette(index).to_owned(), str::to_owned)
}

/// The colour of workstream `index`.
pub fn palette(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}

#[cfg(test)]
mod tests {
    use super::RowKey;

    #[test]
    fn row_keys_are_written_and_read_back() {
        for key in [
            RowKey::Group("ops".into()),
            RowKey::Task("12".into()),
            RowKey::Task("a:b".into()),
            RowKey::New,
        ] {
            assert_eq!(RowKey::parse(&key.to_string()), Some(key));
        }
        assert_eq!(RowKey::parse("x:1"), None);
        assert_eq!(RowKey::parse("task"), None);
        assert_eq!(RowKey::Task("7".into()).task(), Some("7"));
        assert_eq!(RowKey::Group("w".into()).task(), None);
    }
}
