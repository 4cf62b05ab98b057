//! The status book as stored: the RAG rules, the draft being written, and the packs issued.
//!
//! Plain serde data. A pack keeps what it said (its assessment, narrative, overrides and
//! changes) and the facts it measured (`Facts`), never the whole program: the next pack and
//! the KPI dashboard compare facts, so twenty packs of a 5,000-task program stay small in the
//! file and in every save.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `Program::status`: `"status": {…}` in the file, left out when empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Status {
    /// The thresholds each dimension is rated by; the defaults when left out.
    #[serde(default, skip_serializing_if = "Rules::is_default")]
    pub rules: Rules,
    /// The next pack as it is being written.
    #[serde(default, skip_serializing_if = "Draft::is_empty")]
    pub draft: Draft,
    /// The packs issued, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packs: Vec<Pack>,
}

impl Status {
    pub fn is_empty(&self) -> bool {
        *self == Status::default()
    }

    /// The last pack issued.
    pub fn last_pack(&self) -> Option<&Pack> {
        self.packs.last()
    }
}

/// Red, amber or green, ordered from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
    pub fn name(self) -> &'static str {
        match self {
            Rag::Green => "Green",
            Rag::Amber => "Amber",
            Rag::Red => "Red",
        }
    }

    /// `green`, `amber`, `red`: as typed and as a CSS class.
    pub fn key(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }

    /// Reads `green`/`g`, `amber`/`a`/`yellow`, `red`/`r`, in any case.
    pub fn parse(text: &str) -> Option<Rag> {
        match text.trim().to_ascii_lowercase().as_str() {
            "green" | "g" => Some(Rag::Green),
            "amber" | "a" | "yellow" => Some(Rag::Amber),
            "red" | "r" => Some(Rag::Red),
            _ => None,
        }
    }
}

/// What a pack rates, each by its own rule, and the overall rating (the worst of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Overall,
    Schedule,
    Risk,
    Dependencies,
    Decisions,
    Readiness,
    Scope,
}

impl Dimension {
    /// The six rated dimensions, in the pack's order (not `Overall`).
    pub const RATED: [Dimension; 6] = [
        Dimension::Schedule,
        Dimension::Risk,
        Dimension::Dependencies,
        Dimension::Decisions,
        Dimension::Readiness,
        Dimension::Scope,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dimension::Overall => "Overall",
            Dimension::Schedule => "Schedule",
            Dimension::Risk => "Risk",
            Dimension::Dependencies => "Dependencies",
            Dimension::Decisions => "Decisions",
            Dimension::Readiness => "Readiness",
            Dimension::Scope => "Scope",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Dimension::Overall => "overall",
            Dimension::Schedule => "schedule",
            Dimension::Risk => "risk",
            Dimension::Dependencies => "dependencies",
            Dimension::Decisions => "decisions",
            Dimension::Readiness => "readiness",
            Dimension::Scope => "scope",
        }
    }

    pub fn parse(text: &str) -> Option<Dimension> {
        let text = text.trim().to_ascii_lowercase();
        std::iter::once(Dimension::Overall)
            .chain(Dimension::RATED)
            .find(|d| d.key() == text)
    }
}

// ---------------------------------------------------------------------------------------
// Rules

/// The thresholds of every dimension. Each has defaults (documented on its field and in
/// `docs/status.md`); a program may change any of them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Rules {
    pub schedule: ScheduleRule,
    pub risk: RiskRule,
    pub dependencies: DependencyRule,
    pub decisions: DecisionRule,
    pub readiness: ReadinessRule,
    pub scope: ScopeRule,
    /// The KPI dashboard's targets.
    pub targets: super::kpi::Targets,
    /// The schedule health assessment's thresholds.
    pub health: crate::health::Thresholds,
}

impl Rules {
    pub fn is_default(&self) -> bool {
        *self == Rules::default()
    }
}

/// A milestone's forecast finish against its committed date, in working days late.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleRule {
    /// Green while at most this many working days late (default 0).
    pub green_days: i64,
    /// Amber while at most this many days late (default 5) …
    pub amber_days: i64,
    /// … or at most this share of the working days left until the committed date
    /// (default 10 %), whichever allows more. Red beyond both.
    pub amber_percent_of_remaining: f64,
}

impl Default for ScheduleRule {
    fn default() -> Self {
        ScheduleRule {
            green_days: 0,
            amber_days: 5,
            amber_percent_of_remaining: 10.0,
        }
    }
}

/// Open high risks (score 15 or more) and overdue mitigation actions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RiskRule {
    /// Amber from this many open high risks (default 1) …
    pub amber_high: usize,
    /// … or this many open risks with an overdue mitigation action (default 1).
    pub amber_overdue: usize,
    /// Red from this many open high risks (default 3) …
    pub red_high: usize,
    /// … or this many with an overdue mitigation (default 2).
    pub red_overdue: usize,
}

impl Default for RiskRule {
    fn default() -> Self {
        RiskRule {
            amber_high: 1,
            amber_overdue: 1,
            red_high: 3,
            red_overdue: 2,
        }
    }
}

/// Cross-team dependencies: at risk, missed, and how long the oldest has been open.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DependencyRule {
    /// Amber from this many at risk (default 1) …
    pub amber_at_risk: usize,
    /// … or when the oldest open one is older than this many working days (default 15:
    /// three weeks, the blueprints' ceiling for dependency aging).
    pub amber_oldest_days: i64,
    /// Red from this many at risk (default 3) …
    pub red_at_risk: usize,
    /// … or this many missed (default 1).
    pub red_missed: usize,
}

impl Default for DependencyRule {
    fn default() -> Self {
        DependencyRule {
            amber_at_risk: 1,
            amber_oldest_days: 15,
            red_at_risk: 3,
            red_missed: 1,
        }
    }
}

/// Open decisions past their needed-by date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DecisionRule {
    /// Amber from this many overdue (default 1).
    pub amber_overdue: usize,
    /// Red from this many overdue (default 3) …
    pub red_overdue: usize,
    /// … or when one is overdue by more than this many working days (default 5: the
    /// blueprints' median decision latency).
    pub red_days_overdue: i64,
}

impl Default for DecisionRule {
    fn default() -> Self {
        DecisionRule {
            amber_overdue: 1,
            red_overdue: 3,
            red_days_overdue: 5,
        }
    }
}

/// Milestones coming up with their readiness behind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadinessRule {
    /// Milestones due within this many working days are looked at (default 20).
    pub window_days: i64,
    /// Amber when such a milestone has this many readiness items overdue (default 1).
    pub amber_overdue_items: usize,
    /// Red when a milestone due within this many working days (default 5) …
    pub red_within_days: i64,
    /// … is less ready than this (default 95 %, the blueprints' readiness before release).
    pub threshold_percent: f64,
}

impl Default for ReadinessRule {
    fn default() -> Self {
        ReadinessRule {
            window_days: 20,
            amber_overdue_items: 1,
            red_within_days: 5,
            threshold_percent: 95.0,
        }
    }
}

/// Scope change since the active baseline: tasks added or removed, as a share of the
/// baseline's tasks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScopeRule {
    /// Green up to this share (default 10 %) …
    pub green_percent: f64,
    /// … Amber up to this one (default 20 %), Red beyond.
    pub amber_percent: f64,
}

impl Default for ScopeRule {
    fn default() -> Self {
        ScopeRule {
            green_percent: 10.0,
            amber_percent: 20.0,
        }
    }
}

// ---------------------------------------------------------------------------------------
// The draft and the packs

/// What the author writes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Narrative {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub highlights: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub asks: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next_steps: String,
}

impl Narrative {
    pub fn is_empty(&self) -> bool {
        *self == Narrative::default()
    }
}

/// A rating reported other than computed, and why. Kept in order: the last of a dimension is
/// the one in force; `reported: None` withdraws it (the computed rating stands again).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Override {
    pub dimension: Dimension,
    pub reported: Option<Rag>,
    /// The rating computed when the override was made.
    pub computed: Option<Rag>,
    pub reason: String,
    pub on: NaiveDate,
}

/// The next pack being written: its status date (today when none), narrative and overrides.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Narrative::is_empty")]
    pub narrative: Narrative,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
}

impl Draft {
    pub fn is_empty(&self) -> bool {
        *self == Draft::default()
    }
}

/// An issued pack: what it said and what it measured, kept as it was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pack {
    /// `SP1`, `SP2` …
    pub id: String,
    pub status_date: NaiveDate,
    /// The day it was issued.
    pub issued_on: NaiveDate,
    #[serde(default, skip_serializing_if = "Narrative::is_empty")]
    pub narrative: Narrative,
    /// Every override made while it was written, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
    pub assessment: Assessment,
    #[serde(default, skip_serializing_if = "Changes::is_empty")]
    pub changes: Changes,
    pub facts: Facts,
}

/// The computed ratings: overall, then each dimension with the rule it was rated by and
/// what made it so.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The worst rated dimension; `None` when none could be rated.
    pub overall: Option<Rag>,
    /// One line of why: the worst dimension's reason.
    pub why: String,
    pub dimensions: Vec<Rated>,
    /// Each milestone with a committed date, against it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<MilestoneStatus>,
    /// The schedule health checks that failed, in words (`4 Relationship types: 82 % FS`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub health: Vec<String>,
}

/// One dimension's rating.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rated {
    pub dimension: Dimension,
    /// `None`: nothing to rate (no committed milestone, no baseline …), said in `why`.
    pub rag: Option<Rag>,
    /// What made it so, in one line.
    pub why: String,
    /// The rule with its thresholds, in words.
    pub rule: String,
    /// The items behind it, in words (`R3 Vendor slips — score 20, open 34 days`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
}

/// A milestone's forecast against its commitment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MilestoneStatus {
    pub id: String,
    pub name: String,
    /// Its deadline, else its finish in the active baseline.
    pub committed: NaiveDate,
    /// Where `committed` comes from: `deadline` or `baseline`.
    pub committed_by: String,
    pub forecast: NaiveDate,
    /// Working days late (0 when on time or early).
    pub late_days: i64,
    /// Working days early (0 when late or on time).
    pub early_days: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p50: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p80: Option<NaiveDate>,
    /// The forecast's probability of finishing by the committed date (0 to 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    pub done: bool,
    pub rag: Rag,
}

/// What changed since the pack before (empty for the first pack).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Changes {
    /// The pack compared with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<Moved>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub new_risks: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub closed_risks: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub new_issues: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub closed_issues: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decisions_made: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dependencies_at_risk: Vec<Named>,
    /// Tasks that joined the critical path, and those that left it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub critical_joined: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub critical_left: Vec<Named>,
    /// Change requests approved, tasks added and removed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes_approved: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tasks_added: Vec<Named>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tasks_removed: Vec<Named>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// Whether nothing moved or changed (a pack compared with one before it may still
    /// have `since`).
    pub fn is_quiet(&self) -> bool {
        Changes {
            since: None,
            ..self.clone()
        }
        .is_empty()
    }
}

/// An item by id and name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// A milestone (or the program finish, id `finish`) that moved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    pub id: String,
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Working days later (negative: earlier).
    pub days: i64,
}

// ---------------------------------------------------------------------------------------
// Facts: what a pack measured, for the next pack and the dashboard

/// The program as a pack saw it, in the few figures later packs and the KPIs compare.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    /// The program's forecast finish, and its committed finish (`finish_by`).
    pub finish: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finish_by: Option<NaiveDate>,
    pub milestones: Vec<MilestoneFact>,
    /// The critical tasks, in program order.
    pub critical: Vec<Named>,
    /// Every task's id, for the scope change (added, removed).
    pub tasks: Vec<String>,
    /// The active baseline's task count (0 without one).
    pub baseline_tasks: usize,
    /// The tasks added since the active baseline (in the program, not in the baseline) and
    /// those removed (in the baseline, not in the program).
    #[serde(skip_serializing_if = "is_zero")]
    pub baseline_added: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub baseline_removed: usize,
    pub risks: Vec<ItemFact>,
    pub issues: Vec<ItemFact>,
    pub decisions: Vec<ItemFact>,
    pub dependencies: Vec<ItemFact>,
    pub changes: Vec<ItemFact>,
    /// Each checklist's readiness (0–100), by milestone.
    pub readiness: Vec<ReadinessFact>,
}

/// A milestone's dates as a pack saw them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneFact {
    pub id: String,
    pub name: String,
    /// Its forecast finish (the schedule's), or its actual finish once done.
    pub finish: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committed: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p80: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<NaiveDate>,
}

/// A log item as a pack saw it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemFact {
    pub id: String,
    pub name: String,
    /// Its status in the log's own words (`open`, `closed`, `at risk`, `approved` …); a
    /// dependency's as computed against the schedule.
    pub state: String,
    /// Still open (not closed, resolved, decided, delivered …).
    pub open: bool,
    /// A high risk; a critical dependency (its consumer task critical).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub high: bool,
    /// Raised or opened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opened: Option<NaiveDate>,
    /// Closed, resolved, decided or delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
    /// Needed by (decisions, dependencies).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
}

/// A checklist's readiness as a pack saw it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReadinessFact {
    pub milestone: String,
    pub percent: f64,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}
