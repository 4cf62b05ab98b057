//! `Column`: the plan grid's columns: their keys, headings, widths, and which can be edited.
//! Plain data shared by `PlanGrid` and `ColumnPicker`.

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
}

impl Column {
    /// Every column, in display order.
    pub const ALL: [Column; 17] = [
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
    /// estimate and progress columns, which not every plan uses.
    pub fn shown_by_default(self) -> bool {
        !matches!(
            self,
            Column::Percent
                | Column::Workstream
                | Column::Estimate
                | Column::Distribution
                | Column::ActualStart
                | Column::ActualFinish
        )
    }

    /// Only meaningful when a baseline is active.
    pub fn needs_baseline(self) -> bool {
        matches!(self, Column::StartVariance | Column::FinishVariance)
    }

    /// The cell text of `row` in this column.
    pub fn text(self, row: &TaskRow) -> &str {
        match self {
            Column::Id => &row.id,
            Column::Name => &row.name,
            Column::Workstream => &row.workstream_name,
            Column::Duration => &row.duration,
            Column::Start => &row.start,
            Column::Finish => &row.finish,
            Column::Predecessors => &row.predecessors,
            Column::TotalFloat => &row.total_float,
            Column::Constraint => &row.constraint,
            Column::Deadline => &row.deadline,
            Column::Estimate => &row.estimate,
            Column::Distribution => &row.distribution,
            Column::ActualStart => &row.actual_start,
            Column::ActualFinish => &row.actual_finish,
            Column::Percent => &row.percent,
            Column::StartVariance => &row.start_variance,
            Column::FinishVariance => &row.finish_variance,
        }
    }
}
