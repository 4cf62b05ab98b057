//! The program's logs as entered: assumptions, issues, cross-team dependencies, decisions,
//! change requests and the charter, plus the parts a risk gains as a log item (owner,
//! response, mitigation actions, post-mitigation values). Plain serde data, checked by
//! [`crate::logs::check`].
//!
//! Every field but an item's id and title (or statement) may be left out of a file, and is
//! then left out when written: a program without logs writes exactly as before. Dates are
//! optional so a row can be added before it is filled in; what a figure needs and lacks
//! makes the figure `None`, never an error.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Every log of a program but its risks (which stay `Program::risks`: the forecast reads
/// them). One object in the file, `"logs": {…}`, left out when empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Logs {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<Assumption>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<Issue>,
    /// Cross-team commitments (the D of RAID), not the plan's links.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dependencies: Vec<Commitment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Change requests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangeRequest>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charter: Option<Charter>,
}

impl Logs {
    /// Whether no log holds anything (then the file has no `logs`).
    pub fn is_empty(&self) -> bool {
        *self == Logs::default()
    }

    /// Whether an item of a log names task `id` (a task they name cannot be removed alone).
    pub fn names_task(&self, id: &str) -> bool {
        let named = |tasks: &[String]| tasks.iter().any(|t| t == id);
        self.assumptions.iter().any(|a| named(&a.tasks))
            || self.issues.iter().any(|i| named(&i.tasks))
            || self.decisions.iter().any(|d| named(&d.links.tasks))
            || self
                .dependencies
                .iter()
                .any(|d| d.task.as_deref() == Some(id) || d.for_task.as_deref() == Some(id))
    }
}

// ---------------------------------------------------------------------------------------
// Risks (the parts beyond the forecast's)

/// How a risk is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Response {
    Avoid,
    Mitigate,
    Transfer,
    Accept,
}

/// Where a risk stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RiskStatus {
    /// It may still happen (the default).
    #[default]
    Open,
    /// It can no longer happen.
    Closed,
    /// It happened: its delay is certain.
    Occurred,
}

impl RiskStatus {
    pub fn is_default(&self) -> bool {
        *self == RiskStatus::Open
    }
}

/// One thing done to make a risk less likely or less harmful.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
}

/// A risk's values once its mitigation works; each one left out keeps the risk's own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mitigated {
    /// 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<crate::model::Impact>,
    /// Qualitative impact, 1 to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
}

// ---------------------------------------------------------------------------------------
// Assumptions

/// Whether an assumption was found to hold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AssumptionStatus {
    #[default]
    Unvalidated,
    Holds,
    Broken,
}

/// Something the plan takes to be true, to check by a date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Assumption {
    /// `A1`, `A2` …
    pub id: String,
    pub statement: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raised: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validate_by: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: AssumptionStatus,
    /// Ids of the tasks that rest on it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<String>,
    /// The id of the issue or risk it became once broken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub became: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Issues

/// How bad an issue is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum IssueSeverity {
    Low,
    #[default]
    Medium,
    High,
    Critical,
}

/// Where an issue stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IssueStatus {
    #[default]
    Open,
    Resolved,
    Closed,
}

/// Who an issue is escalated to. Written as its level, a number: 0 (the team), 1 (the
/// program), 2 (the steering committee), 3 (the executive sponsor).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Escalation {
    #[default]
    Team,
    Program,
    Steering,
    Executive,
}

impl Escalation {
    /// Every level, lowest first.
    pub const ALL: [Escalation; 4] = [
        Escalation::Team,
        Escalation::Program,
        Escalation::Steering,
        Escalation::Executive,
    ];

    /// The level as written in the file: 0 to 3.
    pub fn level(self) -> u8 {
        self as u8
    }

    /// The level of a number, if it is one (0 to 3).
    pub fn of_level(level: u64) -> Option<Escalation> {
        Escalation::ALL.get(usize::try_from(level).ok()?).copied()
    }

    /// Who handles it, in words: `team`, `program`, `steering`, `executive`.
    pub fn name(self) -> &'static str {
        match self {
            Escalation::Team => "team",
            Escalation::Program => "program",
            Escalation::Steering => "steering",
            Escalation::Executive => "executive",
        }
    }

    pub fn is_default(&self) -> bool {
        *self == Escalation::Team
    }
}

impl Serialize for Escalation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.level())
    }
}

impl<'de> Deserialize<'de> for Escalation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let level = u64::deserialize(deserializer)?;
        Escalation::of_level(level).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "escalation level {level}: it is 0 (team), 1 (program), 2 (steering) or 3 (executive)"
            ))
        })
    }
}

/// A problem happening now.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// `I1`, `I2` …
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub severity: IssueSeverity,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: IssueStatus,
    #[serde(default, skip_serializing_if = "Escalation::is_default")]
    pub escalation: Escalation,
    /// Ids of the tasks or milestones it holds up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<String>,
}

// ---------------------------------------------------------------------------------------
// Cross-team dependencies

/// Where a cross-team commitment stands, as recorded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentStatus {
    #[default]
    Requested,
    Committed,
    AtRisk,
    Delivered,
    Missed,
}

impl CommitmentStatus {
    /// In words: `requested`, `committed`, `at risk`, `delivered`, `missed`.
    pub fn name(self) -> &'static str {
        match self {
            CommitmentStatus::Requested => "requested",
            CommitmentStatus::Committed => "committed",
            CommitmentStatus::AtRisk => "at risk",
            CommitmentStatus::Delivered => "delivered",
            CommitmentStatus::Missed => "missed",
        }
    }
}

/// A cross-team dependency: what one workstream (the provider) delivers to another (the
/// consumer) by a date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// `D1`, `D2` …
    pub id: String,
    /// What is delivered.
    pub title: String,
    /// The providing workstream's id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub provider: String,
    /// The consuming workstream's id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub consumer: String,
    /// Who chases it (free text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_by: Option<NaiveDate>,
    /// The date the provider committed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: CommitmentStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered: Option<NaiveDate>,
    /// The provider's task that delivers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// The consumer's task that needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_task: Option<String>,
}

// ---------------------------------------------------------------------------------------
// Decisions

/// Where a decision stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionStatus {
    #[default]
    Open,
    Decided,
    Superseded,
    Reversed,
}

/// One option weighed, and its trade-offs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DecisionOption {
    pub option: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tradeoffs: String,
}

/// What a decision considered: ids of risks, issues, tasks and scenarios.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DecisionLinks {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<String>,
}

impl DecisionLinks {
    pub fn is_empty(&self) -> bool {
        *self == DecisionLinks::default()
    }
}

/// A decision, with its roles as DACI names them: a driver, one approver, contributors and
/// people informed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// `DEC1`, `DEC2` …
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub context: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<DecisionOption>,
    /// What was decided.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub decision: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub driver: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approver: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub informed: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raised: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed_by: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: DecisionStatus,
    #[serde(default, skip_serializing_if = "DecisionLinks::is_empty")]
    pub links: DecisionLinks,
}

// ---------------------------------------------------------------------------------------
// Change requests

/// What the approver decided about a change request.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeDecision {
    #[default]
    Pending,
    Approved,
    Rejected,
}

/// Where a change request stands in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeStatus {
    /// Raised, being assessed or waiting for its decision.
    #[default]
    Open,
    /// Approved and made in the plan (its scenario promoted).
    Implemented,
    /// Decided and filed (rejected, or approved and not to be made).
    Closed,
    /// Taken back by whoever asked.
    Withdrawn,
}

/// A request to change the program's scope or plan, with its impact held in a scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeRequest {
    /// `CR1`, `CR2` …
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub requested_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<NaiveDate>,
    /// The change of scope, in words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scope: String,
    /// The id of the scenario holding the change (the file's scenarios).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approver: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub decision: ChangeDecision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: ChangeStatus,
}

// ---------------------------------------------------------------------------------------
// Charter and benefits

/// The program's charter: why it exists, what it covers, who is involved, how it is run and
/// how its success is measured.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Charter {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope_in: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope_out: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stakeholders: Vec<Stakeholder>,
    #[serde(default, skip_serializing_if = "Governance::is_empty")]
    pub governance: Governance,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub success_metrics: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benefits: Vec<Benefit>,
}

/// Someone with a stake in the program, and their part in each area (RACI).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Stakeholder {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub raci: Vec<Raci>,
}

/// A stakeholder's part in one area: some of the letters R (responsible), A (accountable),
/// C (consulted), I (informed).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Raci {
    pub area: String,
    pub letters: String,
}

/// How the program is run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Governance {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forums: Vec<Forum>,
    /// Who an escalation goes to, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub escalation: Vec<String>,
}

impl Governance {
    pub fn is_empty(&self) -> bool {
        *self == Governance::default()
    }
}

/// A meeting that governs the program, and how often it meets.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Forum {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cadence: String,
}

/// A benefit the program should bring: a metric moved from a baseline to a target by a date.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Benefit {
    /// `B1`, `B2` …
    pub id: String,
    pub metric: String,
    pub baseline: f64,
    pub target: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<NaiveDate>,
    /// How it is measured.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub method: String,
    /// The values measured, in any order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measured: Vec<Measurement>,
}

/// One measured value of a benefit's metric.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub date: NaiveDate,
    pub value: f64,
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}
