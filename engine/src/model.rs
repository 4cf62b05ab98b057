//! The program model: what a program manager enters. Plain data, checked by [`crate::check`].
//!
//! Serialised with serde using the keys of the program file (`program`, `calendar`,
//! `workstreams`, `tasks`, `dependencies`). Values are taken as entered (durations and lags
//! are signed so a negative one can be reported, not rejected by the parser); every rule is
//! checked in one place, [`crate::check::check`].

use chrono::{NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use crate::board::Board;
pub use crate::logs::model::*;
pub use crate::readiness::model::Readiness;
pub use crate::status::model::Status;

/// A whole program: its plan and its calendar.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Program {
    pub program: ProgramInfo,
    #[serde(default)]
    pub calendar: Calendar,
    #[serde(default)]
    pub workstreams: Vec<Workstream>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub dependencies: Vec<Dependency>,
    /// Risk events that would delay tasks if they happen (for forecasts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// Teams and shared pools whose capacity limits how much work runs at once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    /// The program's logs beside its risks: assumptions, issues, cross-team dependencies,
    /// decisions, change requests, the charter. Checked, never scheduled.
    #[serde(default, skip_serializing_if = "Logs::is_empty")]
    pub logs: Logs,
    /// The readiness of its milestones: checklists, go/no-go records, runbooks, reviews.
    /// Checked, never scheduled.
    #[serde(default, skip_serializing_if = "Readiness::is_empty")]
    pub readiness: Readiness,
    /// The status book: RAG rules, the draft pack, the packs issued. Checked, never
    /// scheduled.
    #[serde(default, skip_serializing_if = "Status::is_empty")]
    pub status: Status,
    /// The program board: the planning interval and the teams' PI objectives. Checked,
    /// never scheduled.
    #[serde(default, skip_serializing_if = "Board::is_empty")]
    pub board: Board,
}

/// A team or a shared pool (SRE on-call, security review, a vendor): what tasks demand, up
/// to `capacity` units on each working day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    pub id: String,
    pub name: String,
    /// Units per working day (people, or slots); may be a fraction (0.5).
    pub capacity: f64,
    /// The resource's working weekdays and holidays (within the program's, as a
    /// workstream's): none available on its days off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<Calendar>,
    /// Periods with another capacity (holidays, hiring, a vendor's ramp-up); a later period
    /// wins where two overlap.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub availability: Vec<Availability>,
}

/// From `from` to `to` (both included), `capacity` units per working day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Availability {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub capacity: f64,
}

/// What a task needs of a resource on each of its working days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Demand {
    /// The resource's id.
    pub resource: String,
    /// Units per working day (more than 0; may be a fraction: 0.5 is half a person).
    pub units: f64,
}

/// The program's name and dates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgramInfo {
    pub name: String,
    /// No task starts before this date.
    pub start: NaiveDate,
    /// The status (data) date: work before it is history, unfinished work is scheduled from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_date: Option<NaiveDate>,
    /// A committed finish for the whole program: the backward pass starts from it instead
    /// of from the computed finish, so float can be negative (late) or positive (room).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finish_by: Option<NaiveDate>,
    /// Which tasks the schedule marks critical.
    #[serde(default, skip_serializing_if = "CriticalPath::is_default")]
    pub critical_path: CriticalPath,
}

impl Default for ProgramInfo {
    fn default() -> Self {
        ProgramInfo {
            name: String::new(),
            start: NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default(),
            status_date: None,
            finish_by: None,
            critical_path: CriticalPath::default(),
        }
    }
}

/// The rule that makes a task critical. Finished tasks are never critical.
///
/// Serialised with an internal tag: `{"rule": "total_float", "max_days": 0}` (the default)
/// or `{"rule": "longest_path"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum CriticalPath {
    /// MS Project's rule: an unfinished task whose total float is at most `max_days`
    /// working days (0 or more; 0 by default). On a plan whose `finish_by` leaves room,
    /// every float is positive and nothing is critical under `max_days: 0`.
    TotalFloat {
        #[serde(default)]
        max_days: i64,
    },
    /// Primavera P6's "longest path": the unfinished tasks on the driving path into the
    /// program finish (every task whose link drives, back from the unfinished tasks that
    /// finish last), whatever their float.
    LongestPath,
}

impl Default for CriticalPath {
    fn default() -> Self {
        CriticalPath::TotalFloat { max_days: 0 }
    }
}

impl CriticalPath {
    /// Whether this is the default rule (not written to files).
    pub fn is_default(&self) -> bool {
        *self == CriticalPath::default()
    }

    /// The rule in words, for a chart legend: `Critical: total float ≤ 0d`,
    /// `Critical: longest path`.
    pub fn describe(&self) -> String {
        match self {
            CriticalPath::TotalFloat { max_days } => {
                format!("Critical: total float ≤ {max_days}d")
            }
            CriticalPath::LongestPath => "Critical: longest path".to_string(),
        }
    }
}

/// Working weekdays and holidays.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calendar {
    /// Working weekdays, e.g. `["Mon","Tue","Wed","Thu","Fri"]`.
    #[serde(default = "monday_to_friday")]
    pub workdays: Vec<Weekday>,
    /// Non-working dates.
    #[serde(default)]
    pub holidays: Vec<NaiveDate>,
}

impl Default for Calendar {
    fn default() -> Self {
        Calendar {
            workdays: monday_to_friday(),
            holidays: Vec::new(),
        }
    }
}

fn monday_to_friday() -> Vec<Weekday> {
    vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ]
}

/// A team. Its tasks work on its own calendar if it has one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workstream {
    pub id: String,
    pub name: String,
    /// The team's working weekdays and holidays. A team works only on days that are also
    /// working days of the program calendar (the program calendar is the common timeline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<Calendar>,
    /// The team's colour in charts: a CSS hex colour, `#` and six hex digits (`#2f6fde`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// A task or a milestone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub id: String,
    pub name: String,
    /// The id of the task's workstream.
    pub workstream: String,
    /// Working days; zero for a milestone.
    #[serde(default)]
    pub duration: i64,
    /// A milestone has no duration. A task of duration zero is a milestone too.
    #[serde(default, skip_serializing_if = "is_false")]
    pub milestone: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constraint: Option<Constraint>,
    /// A committed date: it does not move the task, but a later finish shows negative float.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_start: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_finish: Option<NaiveDate>,
    /// 0 to 100.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub percent_complete: f64,
    /// A three-point estimate of the duration, for forecasts; the task keeps its fixed
    /// `duration` for the deterministic schedule. Boxed: most tasks have none, and a
    /// smaller task record is faster to check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Box<Estimate>>,
    /// The id of the summary task this task is under (the outline); `None` at the top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// A summary task: others name it as their `parent`, and it is true exactly then
    /// (checked, E028). Its dates roll up from its tasks: it has no duration, constraint,
    /// progress or estimate of its own, only a deadline (see the crate docs).
    #[serde(default, skip_serializing_if = "is_false")]
    pub summary: bool,
    /// What the task needs of resources on each of its working days.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub demands: Vec<Demand>,
    /// Leveling priority, 0 to 1000 as in MS Project (500 when not given): a task of higher
    /// priority is delayed last; 1000 is never moved by leveling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u16>,
    /// Where leveling put the task: it starts no earlier than this date (until it starts).
    /// Kept apart from its own constraint, so that clearing the leveling gives the plan back
    /// (MS Project keeps a leveling delay the same way).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leveled_start: Option<NaiveDate>,
}

/// A three-point estimate in working days: optimistic ≤ likely ≤ pessimistic.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub optimistic: f64,
    pub likely: f64,
    pub pessimistic: f64,
    #[serde(default)]
    pub distribution: Distribution,
}

impl Estimate {
    /// The distribution's mean: (a + 4m + b) / 6 for PERT, (a + m + b) / 3 for triangular,
    /// (a + b) / 2 for uniform.
    pub fn mean(&self) -> f64 {
        let (a, m, b) = (self.optimistic, self.likely, self.pessimistic);
        match self.distribution {
            Distribution::Pert => (a + 4.0 * m + b) / 6.0,
            Distribution::Triangular => (a + m + b) / 3.0,
            Distribution::Uniform => (a + b) / 2.0,
        }
    }
}

/// The shape of a three-point estimate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Distribution {
    /// Beta-PERT: a smooth hump around the likely value (the default).
    #[default]
    Pert,
    Triangular,
    /// Any value between optimistic and pessimistic (the likely value is ignored).
    Uniform,
}

/// A risk event: if it happens (with `probability`), it delays each of `tasks` by a number
/// of working days between `impact.min` and `impact.max`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    pub id: String,
    pub title: String,
    /// 0 to 1.
    pub probability: f64,
    pub impact: Impact,
    /// Ids of the tasks it would delay.
    pub tasks: Vec<String>,
    // The risk as a log item (none of it read by the forecast, which runs on the values
    // above; see `crate::logs::impact::mitigated` for the post-mitigation program).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raised: Option<NaiveDate>,
    /// Qualitative impact, 1 (negligible) to 5 (severe): with the probability, the score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<Response>,
    /// Mitigation actions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    #[serde(default, skip_serializing_if = "RiskStatus::is_default")]
    pub status: RiskStatus,
    /// Its values once mitigated (each left out keeps the value above).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigated: Option<Mitigated>,
}

/// A range of working days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Impact {
    pub min: i64,
    pub max: i64,
}

impl Task {
    /// Whether the task is a milestone: flagged as one, or of zero duration (a summary
    /// never is: its duration is its tasks').
    pub fn is_milestone(&self) -> bool {
        !self.summary && (self.milestone || self.duration == 0)
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_zero(value: &f64) -> bool {
    *value == 0.0
}

/// How a dependency ties its two tasks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkType {
    /// Finish-to-start: the successor starts after the predecessor finishes.
    #[default]
    FS,
    /// Start-to-start: the successor starts after the predecessor starts.
    SS,
    /// Finish-to-finish: the successor finishes after the predecessor finishes.
    FF,
    /// Start-to-finish: the successor finishes after the predecessor starts.
    SF,
}

/// A dependency: `to` depends on `from`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dependency {
    /// The predecessor's id.
    pub from: String,
    /// The successor's id.
    pub to: String,
    #[serde(rename = "type", default)]
    pub kind: LinkType,
    /// Working days (of the program calendar) added to the link; negative is a lead.
    #[serde(default)]
    pub lag: i64,
}

/// A date constraint on a task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Constraint {
    #[serde(rename = "type")]
    pub kind: ConstraintKind,
    /// Required for every kind but `ASAP` and `ALAP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
}

/// The constraint types of MS Project and Primavera P6.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConstraintKind {
    /// As soon as possible: no date.
    #[default]
    ASAP,
    /// Start no earlier than.
    SNET,
    /// Start no later than.
    SNLT,
    /// Finish no earlier than.
    FNET,
    /// Finish no later than.
    FNLT,
    /// Must start on.
    MSO,
    /// Must finish on.
    MFO,
    /// As late as possible: no date. The task is placed as late as it can be without
    /// moving any other task or the program finish, and without going past its late
    /// finish (see the crate docs and `scheduler/alap.rs`). MS Project's constraint type 1.
    ALAP,
}

impl ConstraintKind {
    /// Whether the kind needs a date: every kind but as soon and as late as possible.
    pub fn needs_date(self) -> bool {
        !matches!(self, ConstraintKind::ASAP | ConstraintKind::ALAP)
    }
}
