//! `PlanModel`: the plan as the grid and the Gantt chart show it: rows in display order
//! (workstream groups and their tasks), the links between rows, and the chart's time axis —
//! every row's key and bar in a [`PlanLayout`], only the rows in view built in full.
//!
//! Plain data, built by `plan_rows` from the program and its schedule; the grid and the chart
//! both render the same rows at the same height, so they line up and scroll together.
//! Time on the chart is in *calendar* days from `origin` (weekends take space, as in every
//! Gantt chart); a bar's `end` is exclusive (a one-day task on day 3 is `3..4`).

use std::sync::Arc;

use chrono::NaiveDate;
use engine::baseline::Variance;
use engine::entry::Predecessor;
use engine::{Constraint, Estimate};

/// The plan view: every row's key in display order (what the row count, the cursor and a
/// selection need), the links and the time axis — the [`PlanLayout`], shared — and the
/// rows of one window (those in view and a margin) built in full, values from which the
/// cells' text is made when drawn. Scrolling past the window builds another window over
/// the same layout; an edit builds a new layout and a new window. A plan of 100,000 tasks
/// is one key, one bar and a few integers per row; only the rows drawn carry names, dates
/// and predecessors.
///
/// Reads through to its layout (`model.origin`, `model.len()`, …).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanModel {
    layout: Arc<PlanLayout>,
    /// The index of `built[0]`.
    first: usize,
    built: Vec<PlanRow>,
}

impl PlanModel {
    /// Rows `first..first + built.len()` of `layout`, built.
    pub(crate) fn new(layout: Arc<PlanLayout>, first: usize, built: Vec<PlanRow>) -> PlanModel {
        PlanModel {
            layout,
            first,
            built,
        }
    }

    /// A model of `rows` as given, every row built: its keys, groups and bars from the
    /// rows, no links and a default axis until [`with_layout`](Self::with_layout) sets them
    /// (for a test, or a view of hand-made rows).
    pub fn of_rows(rows: Vec<PlanRow>) -> PlanModel {
        let mut layout = PlanLayout::default();
        for row in &rows {
            layout.keys.push(row.key());
            match row {
                PlanRow::Group(g) => {
                    layout.groups.push(g.clone());
                    let group = layout.groups.len() - 1;
                    layout.sources.push(RowSource {
                        group,
                        task: None,
                        level: 0,
                        folded: false,
                    });
                }
                PlanRow::Task(t) => {
                    // The bars are indexed by the rows' order here, not by task index.
                    let group = layout.groups.len().saturating_sub(1);
                    let task = Some(layout.bars.len());
                    layout.sources.push(RowSource {
                        group,
                        task,
                        level: t.level,
                        folded: t.folded,
                    });
                    layout.bars.push(t.bar.clone());
                }
            }
        }
        PlanModel::new(Arc::new(layout), 0, rows)
    }

    /// This model with `f` applied to its layout's links and axis.
    pub fn with_layout(mut self, f: impl FnOnce(&mut PlanLayout)) -> PlanModel {
        f(Arc::make_mut(&mut self.layout));
        self
    }

    /// Only the rows of `range` that this model has built (what a view scrolled to them
    /// would have; for tests of rows not built).
    pub fn narrowed(&self, range: std::ops::Range<usize>) -> PlanModel {
        let rows: Vec<PlanRow> = self
            .rows_in(range.clone())
            .map(|(_, r)| r.clone())
            .collect();
        let first = range
            .start
            .max(self.first)
            .min(self.first + self.built.len());
        PlanModel::new(Arc::clone(&self.layout), first, rows)
    }

    /// The rows built, from [`built`](Self::built)`.start` on.
    pub fn rows(&self) -> &[PlanRow] {
        &self.built
    }

    /// The layout the window was built over.
    pub fn layout(&self) -> &Arc<PlanLayout> {
        &self.layout
    }

    /// Row `index` in full, if it is in the window built.
    pub fn row(&self, index: usize) -> Option<&PlanRow> {
        self.built.get(index.checked_sub(self.first)?)
    }

    /// The rows of `range` that are built, with their indices.
    pub fn rows_in(
        &self,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (usize, &PlanRow)> + '_ {
        // Both ends held within the window (a range wholly before or after it is empty).
        let (low, high) = (self.first, self.first + self.built.len());
        let start = range.start.clamp(low, high);
        let end = range.end.clamp(start, high);
        (start..end).zip(&self.built[start - low..end - low])
    }

    /// The indices of the rows built.
    pub fn built(&self) -> std::ops::Range<usize> {
        self.first..self.first + self.built.len()
    }

    /// Every row is built (a model for print or for a test).
    pub fn is_whole(&self) -> bool {
        self.first == 0 && self.built.len() == self.layout.len()
    }
}

impl std::ops::Deref for PlanModel {
    type Target = PlanLayout;

    fn deref(&self) -> &PlanLayout {
        &self.layout
    }
}

/// What the plan view needs of every row, built once per revision (and fold or filter):
/// each row's key and source, each shown task's bar, the links between shown rows (by row
/// index) and the chart's time axis. No row's text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanLayout {
    pub(crate) keys: Vec<RowKey>,
    /// Each row's group (index into `groups`) and, for a task's row, its task index.
    pub(crate) sources: Vec<RowSource>,
    pub(crate) groups: Vec<GroupRow>,
    /// Each task's bar by task index (`None`: not scheduled, or not shown).
    pub(crate) bars: Vec<Option<Bar>>,
    /// Each task's incoming links (its predecessors), by task index.
    pub(crate) incoming: Incoming,
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
    /// filter is on, every task is in the rows unless its workstream is closed).
    pub total_tasks: usize,
    pub filtered: Option<usize>,
}

/// Where a row comes from: its workstream group, and its task (`None`: the group's row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RowSource {
    pub group: usize,
    pub task: Option<usize>,
    /// The task's level in its workstream's outline (0 at the top).
    pub level: u16,
    /// A summary whose tasks are hidden.
    pub folded: bool,
}

impl PlanLayout {
    /// How many rows (the empty row after them not counted).
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Every row's key, in display order.
    pub fn keys(&self) -> &[RowKey] {
        &self.keys
    }

    /// Row `index`'s key, if there is such a row.
    pub fn key(&self, index: usize) -> Option<&RowKey> {
        self.keys.get(index)
    }

    /// The index of row `key`, if it is shown. O(rows).
    pub fn position(&self, key: &RowKey) -> Option<usize> {
        self.keys.iter().position(|k| k == key)
    }

    /// Whether row `index` is a task's.
    pub fn is_task(&self, index: usize) -> bool {
        matches!(self.keys.get(index), Some(RowKey::Task(_)))
    }

    /// The bar of row `index`, if it is a scheduled task's.
    pub fn bar(&self, index: usize) -> Option<&Bar> {
        let task = self.sources.get(index)?.task?;
        self.bars.get(task)?.as_ref()
    }
}

/// The program's links into each task, by task index, as indices into its dependencies:
/// one list of all, cut by offsets (no list per task).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Incoming {
    /// Task `t`'s links are `links[at[t]..at[t + 1]]`.
    at: Vec<u32>,
    links: Vec<u32>,
}

impl Incoming {
    /// The incoming links of `tasks` tasks from each link's (from, to) task indices (an end
    /// not known: the link is into no task). O(T + D).
    pub(crate) fn of(tasks: usize, ends: &[(Option<usize>, Option<usize>)]) -> Incoming {
        let mut at = vec![0u32; tasks + 1];
        for to in ends.iter().filter_map(|e| e.1) {
            at[to + 1] += 1;
        }
        for t in 0..tasks {
            at[t + 1] += at[t];
        }
        let mut next = at.clone();
        let mut links = vec![0u32; at[tasks] as usize];
        for (link, to) in ends.iter().enumerate().filter_map(|(i, e)| Some((i, e.1?))) {
            links[next[to] as usize] = link as u32;
            next[to] += 1;
        }
        Incoming { at, links }
    }

    /// Task `task`'s incoming links, in the program's order.
    pub(crate) fn of_task(&self, task: usize) -> &[u32] {
        match (self.at.get(task), self.at.get(task + 1)) {
            (Some(&a), Some(&b)) => &self.links[a as usize..b as usize],
            _ => &[],
        }
    }
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
    /// A summary task: its dates roll up from the tasks under it (not typed).
    pub summary: bool,
    /// A summary whose tasks are hidden (folded).
    pub folded: bool,
    /// Its level in its workstream's outline: 0 at the top, one more under each summary.
    pub level: u16,
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
    /// What the task needs of resources.
    pub demands: Vec<engine::Demand>,
    /// Leveling held it back: where to, and why (the scenario's reason, when it has one).
    pub leveling: Option<String>,
    /// The open risks, issues and assumptions of the logs that name it (ids).
    pub raid: Vec<String>,
    /// A milestone's readiness, when it has a checklist: `ready · 100%`, `not ready · 60%`.
    pub readiness: Option<String>,
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
    /// A milestone's diamond (at `start`, no width) rather than a bar.
    pub milestone: bool,
    /// A summary's bracket, spanning its tasks (not dragged: its dates are its tasks').
    pub summary: bool,
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
    fn rows_out_of_the_window_are_none_and_empty() {
        use super::{PlanModel, PlanRow, TaskRow};
        let rows = (0..6)
            .map(|i| {
                PlanRow::Task(TaskRow {
                    id: i.to_string(),
                    ..TaskRow::default()
                })
            })
            .collect();
        let window = PlanModel::of_rows(rows).narrowed(2..4);
        assert_eq!(window.built(), 2..4);
        assert_eq!(window.rows_in(0..1).count(), 0, "wholly before the window");
        assert_eq!(window.rows_in(0..2).count(), 0, "up to its first row");
        assert_eq!(window.rows_in(4..9).count(), 0, "wholly after it");
        assert_eq!(
            window.rows_in(0..9).map(|(i, _)| i).collect::<Vec<_>>(),
            [2, 3]
        );
        assert!(window.row(1).is_none() && window.row(4).is_none());
        assert!(window.row(3).is_some());
    }

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
