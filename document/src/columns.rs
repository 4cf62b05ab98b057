//! `Column`: the plan grid's columns: their keys, headings, widths, and which can be edited.
//! Plain data shared by `PlanGrid` and `ColumnPicker`.

use std::borrow::Cow;

use chrono::NaiveDate;
use engine::entry::{format_demands, format_distribution, format_estimate, format_predecessors};
use engine::{Constraint, ConstraintKind};

use crate::plan_model::TaskRow;

/// A column of the plan grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Name,
    Workstream,
    Duration,
    Start,
    Finish,
    Predecessors,
    TotalFloat,
    Constraint,
    Deadline,
    /// The three-point estimate, `5/8/15`, and its distribution (`PERT`, `tri`, `uniform`).
    Estimate,
    Distribution,
    /// Progress: the actual start and finish dates, and percent complete.
    ActualStart,
    ActualFinish,
    Percent,
    StartVariance,
    FinishVariance,
    /// What the task needs of resources: `sre, sec:0.5`.
    Resources,
    /// The open risks, issues and assumptions of the logs that name it: `R2, I3`.
    Raid,
    /// A milestone's readiness: `ready · 100%`.
    Readiness,
}

impl Column {
    /// Every column, in display order.
    pub const ALL: [Column; 20] = [
        Column::Id,
        Column::Name,
        Column::Workstream,
        Column::Duration,
        Column::Start,
        Column::Finish,
        Column::Predecessors,
        Column::TotalFloat,
        Column::Constraint,
        Column::Deadline,
        Column::Estimate,
        Column::Distribution,
        Column::ActualStart,
        Column::ActualFinish,
        Column::Percent,
        Column::StartVariance,
        Column::FinishVariance,
        Column::Resources,
        Column::Raid,
        Column::Readiness,
    ];

    /// The key used in the DOM (`data-col`) and in the saved column choice.
    pub fn key(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Workstream => "workstream",
            Column::Duration => "duration",
            Column::Start => "start",
            Column::Finish => "finish",
            Column::Predecessors => "predecessors",
            Column::TotalFloat => "float",
            Column::Constraint => "constraint",
            Column::Deadline => "deadline",
            Column::Estimate => "estimate",
            Column::Distribution => "distribution",
            Column::ActualStart => "actual-start",
            Column::ActualFinish => "actual-finish",
            Column::Percent => "percent",
            Column::StartVariance => "start-variance",
            Column::FinishVariance => "finish-variance",
            Column::Resources => "resources",
            Column::Raid => "raid",
            Column::Readiness => "readiness",
        }
    }

    /// The column with this key.
    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The heading.
    pub fn label(self) -> &'static str {
        match self {
            Column::Id => "ID",
            Column::Name => "Task",
            Column::Workstream => "Workstream",
            Column::Duration => "Duration",
            Column::Start => "Start",
            Column::Finish => "Finish",
            Column::Predecessors => "Predecessors",
            Column::TotalFloat => "Float",
            Column::Constraint => "Constraint",
            Column::Deadline => "Deadline",
            Column::Estimate => "Estimate",
            Column::Distribution => "Distribution",
            Column::ActualStart => "Actual start",
            Column::ActualFinish => "Actual finish",
            Column::Percent => "% done",
            Column::StartVariance => "Start var.",
            Column::FinishVariance => "Finish var.",
            Column::Resources => "Resources",
            Column::Raid => "Risks & issues",
            Column::Readiness => "Readiness",
        }
    }

    /// Width in `em` (so large text widens the grid with its text).
    pub fn width_em(self) -> f64 {
        match self {
            Column::Id => 4.5,
            Column::Name => 15.0,
            Column::Workstream => 9.0,
            Column::Duration => 5.5,
            Column::Start
            | Column::Finish
            | Column::Deadline
            | Column::ActualStart
            | Column::ActualFinish => 7.2,
            Column::Estimate => 7.0,
            Column::Distribution => 6.0,
            Column::Predecessors => 8.0,
            Column::TotalFloat => 4.5,
            Column::Constraint => 9.5,
            Column::Percent => 4.5,
            Column::StartVariance | Column::FinishVariance => 5.5,
            Column::Resources => 9.0,
            Column::Raid => 8.0,
            Column::Readiness => 9.0,
        }
    }

    /// Whether a task's cell in this column can be typed in (the rest are computed).
    pub fn editable(self) -> bool {
        self.computed_reason().is_none()
    }

    /// Why a task's cell in this column cannot be typed in (`None` if it can).
    pub fn computed_reason(self) -> Option<&'static str> {
        Some(match self {
            Column::Id => "The ID is fixed: links and scenarios refer to it.",
            Column::Finish => {
                "Finish is computed from the start and the duration: change one of those."
            }
            Column::TotalFloat => {
                "Float is computed by the schedule: it shows how far the task can slip."
            }
            Column::StartVariance | Column::FinishVariance => {
                "Variance is computed against the active baseline."
            }
            Column::Raid => "Link risks, issues and assumptions to tasks on the Logs tab.",
            Column::Readiness => {
                "A milestone's readiness comes from its checklist on the Readiness tab."
            }
            _ => return None,
        })
    }

    /// Frozen columns stay in view when the grid scrolls sideways (the ID and the name, as
    /// in MS Project's and Excel's frozen panes).
    pub fn frozen(self) -> bool {
        matches!(self, Column::Id | Column::Name)
    }

    /// Numbers and dates are right-aligned so that they line up.
    pub fn numeric(self) -> bool {
        matches!(
            self,
            Column::Duration
                | Column::TotalFloat
                | Column::Percent
                | Column::StartVariance
                | Column::FinishVariance
        )
    }

    /// Shown until the user chooses otherwise (variance columns only with a baseline). The
    /// workstream is hidden at first: the rows are grouped by it already; so are the
    /// estimate, progress and resources columns, which not every plan uses.
    pub fn shown_by_default(self) -> bool {
        !matches!(
            self,
            Column::Percent
                | Column::Workstream
                | Column::Estimate
                | Column::Distribution
                | Column::ActualStart
                | Column::ActualFinish
                | Column::Resources
                | Column::Raid
        )
    }

    /// Only meaningful when a baseline is active.
    pub fn needs_baseline(self) -> bool {
        matches!(self, Column::StartVariance | Column::FinishVariance)
    }

    /// The cell text of `row` in this column, as the grid shows it and reads it back:
    /// "5d", "2026-01-05", "12, 14SS+2d", "SNET 2026-02-02", "+3d" …; "" for nothing.
    pub fn text(self, row: &TaskRow) -> Cow<'_, str> {
        let date =
            |d: Option<NaiveDate>| d.map_or(Cow::Borrowed(""), |d| Cow::Owned(d.to_string()));
        let times = row.times.as_ref();
        match self {
            Column::Id => Cow::Borrowed(&row.id),
            Column::Name => Cow::Borrowed(&row.name),
            Column::Workstream => Cow::Borrowed(&row.workstream_name),
            Column::Duration => Cow::Owned(format!("{}d", row.duration)),
            Column::Start => date(times.map(|t| t.start)),
            Column::Finish => date(times.map(|t| t.finish)),
            Column::Predecessors => Cow::Owned(format_predecessors(&row.predecessors)),
            Column::TotalFloat => times.map_or(Cow::Borrowed(""), |t| {
                Cow::Owned(format!("{}d", t.total_float))
            }),
            Column::Constraint => constraint_text(row.constraint.as_ref()),
            Column::Deadline => date(row.deadline),
            Column::Estimate => row
                .estimate
                .as_ref()
                .map_or(Cow::Borrowed(""), |e| Cow::Owned(format_estimate(e))),
            Column::Distribution => Cow::Borrowed(
                row.estimate
                    .as_ref()
                    .map_or("", |e| format_distribution(e.distribution)),
            ),
            Column::ActualStart => date(row.actual_start),
            Column::ActualFinish => date(row.actual_finish),
            Column::Percent => percent_text(row.percent),
            Column::StartVariance => row
                .variance
                .map_or(Cow::Borrowed(""), |v| signed_days(v.start)),
            Column::FinishVariance => row
                .variance
                .map_or(Cow::Borrowed(""), |v| signed_days(v.finish)),
            Column::Resources => Cow::Owned(format_demands(&row.demands)),
            Column::Raid => Cow::Owned(row.raid.join(", ")),
            Column::Readiness => Cow::Borrowed(row.readiness.as_deref().unwrap_or("")),
        }
    }
}

/// "SNET 2026-02-02", "ALAP" (as late as possible has no date), or "" for none or as soon
/// as possible.
fn constraint_text(constraint: Option<&Constraint>) -> Cow<'static, str> {
    match constraint {
        Some(c) if c.kind != ConstraintKind::ASAP => Cow::Owned(match c.date {
            Some(date) => format!("{:?} {date}", c.kind),
            None => format!("{:?}", c.kind),
        }),
        _ => Cow::Borrowed(""),
    }
}

/// "40%", or "" for none.
fn percent_text(percent: f64) -> Cow<'static, str> {
    if percent > 0.0 {
        Cow::Owned(format!("{}%", percent.round()))
    } else {
        Cow::Borrowed("")
    }
}

/// "0d", "+3d", "-2d".
fn signed_days(days: i64) -> Cow<'static, str> {
    Cow::Owned(if days == 0 {
        "0d".into()
    } else {
        format!("{days:+}d")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan_model::Times;
    use engine::baseline::Variance;
    use engine::entry::Predecessor;
    use engine::{Distribution, Estimate, LinkType};

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    /// Every column's text of one row, as the grid shows it and reads it back.
    #[test]
    fn every_cell_as_text() {
        let row = TaskRow {
            id: "12".into(),
            name: "Cut over".into(),
            workstream: "w".into(),
            workstream_name: "Build".into(),
            duration: 5,
            times: Some(Times {
                start: day("2026-01-05"),
                finish: day("2026-01-09"),
                total_float: -2,
            }),
            predecessors: vec![
                Predecessor {
                    id: "3".into(),
                    kind: LinkType::FS,
                    lag: 0,
                },
                Predecessor {
                    id: "4".into(),
                    kind: LinkType::SS,
                    lag: 2,
                },
            ],
            constraint: Some(Constraint {
                kind: ConstraintKind::SNET,
                date: Some(day("2026-02-02")),
            }),
            deadline: Some(day("2026-03-01")),
            estimate: Some(Estimate {
                optimistic: 4.0,
                likely: 5.0,
                pessimistic: 9.0,
                distribution: Distribution::Triangular,
            }),
            actual_start: Some(day("2026-01-05")),
            percent: 40.4,
            variance: Some(Variance {
                start: 0,
                finish: 3,
            }),
            ..TaskRow::default()
        };
        let texts: Vec<(Column, Cow<str>)> =
            Column::ALL.iter().map(|&c| (c, c.text(&row))).collect();
        let text = |c: Column| {
            texts
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(_, t)| t.to_string())
                .unwrap_or_default()
        };
        assert_eq!(text(Column::Id), "12");
        assert_eq!(text(Column::Name), "Cut over");
        assert_eq!(text(Column::Workstream), "Build");
        assert_eq!(text(Column::Duration), "5d");
        assert_eq!(text(Column::Start), "2026-01-05");
        assert_eq!(text(Column::Finish), "2026-01-09");
        assert_eq!(text(Column::Predecessors), "3, 4SS+2d");
        assert_eq!(text(Column::TotalFloat), "-2d");
        assert_eq!(text(Column::Constraint), "SNET 2026-02-02");
        assert_eq!(text(Column::Deadline), "2026-03-01");
        assert_eq!(text(Column::Estimate), "4/5/9");
        assert_eq!(text(Column::Distribution), "Triangular");
        assert_eq!(text(Column::ActualStart), "2026-01-05");
        assert_eq!(text(Column::ActualFinish), "");
        assert_eq!(text(Column::Percent), "40%");
        assert_eq!(text(Column::StartVariance), "0d");
        assert_eq!(text(Column::FinishVariance), "+3d");
    }

    /// As late as possible is shown by its name alone, as it is typed.
    #[test]
    fn as_late_as_possible_shows_without_a_date() {
        let row = TaskRow {
            constraint: Some(Constraint {
                kind: ConstraintKind::ALAP,
                date: None,
            }),
            ..TaskRow::default()
        };
        assert_eq!(Column::Constraint.text(&row), "ALAP");
    }

    /// Nothing scheduled, nothing set: empty cells, but the duration.
    #[test]
    fn empty_cells() {
        let row = TaskRow {
            constraint: Some(Constraint {
                kind: ConstraintKind::ASAP,
                date: None,
            }),
            ..TaskRow::default()
        };
        for column in Column::ALL {
            let expected = if column == Column::Duration { "0d" } else { "" };
            assert_eq!(column.text(&row), expected, "{column:?}");
        }
    }
}
