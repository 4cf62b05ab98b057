//! Milestone readiness as entered: checklists of readiness items from templates, go/no-go
//! records, cutover runbooks at the hour level and post-launch reviews. Plain serde data,
//! checked by [`crate::readiness::check`].
//!
//! Every field may be left out of a file and is then left out when written: a program
//! without readiness writes exactly as before (`Program::readiness` is omitted when empty).
//! A runbook's times are wall-clock times of its `time_zone`, kept as text: there is no time
//! zone database, so no time is ever converted.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Everything about the readiness of the program's milestones. One object in the file,
/// `"readiness": {…}`, left out when empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Readiness {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklists: Vec<Checklist>,
    /// The program's own templates (the built-in ones are code: [`super::templates`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<Template>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub go_no_go: Vec<GoNoGo>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub runbooks: Vec<Runbook>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
}

impl Readiness {
    /// Whether nothing is recorded (then the file has no `readiness`).
    pub fn is_empty(&self) -> bool {
        *self == Readiness::default()
    }

    /// The checklist of milestone `id`, if it has one.
    pub fn checklist(&self, milestone: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.milestone == milestone)
    }

    /// The runbook of milestone `id`, if it has one.
    pub fn runbook(&self, milestone: &str) -> Option<&Runbook> {
        self.runbooks.iter().find(|r| r.milestone == milestone)
    }

    /// The post-launch review of milestone `id`, if it has one.
    pub fn review(&self, milestone: &str) -> Option<&Review> {
        self.reviews.iter().find(|r| r.milestone == milestone)
    }

    /// Whether anything here names task `id` (a milestone with readiness is kept from
    /// deletion like a task a log names).
    pub fn names_task(&self, id: &str) -> bool {
        self.checklists.iter().any(|c| c.milestone == id)
            || self.go_no_go.iter().any(|g| g.milestone == id)
            || self.runbooks.iter().any(|r| r.milestone == id)
            || self.reviews.iter().any(|r| r.milestone == id)
    }
}

// ---------------------------------------------------------------------------------------
// Checklists and templates

/// What a readiness item is about.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    /// Test readiness, defects, acceptance.
    Quality,
    /// Security review and approvals.
    Security,
    /// Performance and load sign-off.
    Performance,
    /// Operations and SRE: monitoring, on-call, runbooks, capacity.
    Operations,
    /// Support enablement: training, knowledge base, staffing.
    Support,
    /// Communications: customers, stakeholders, status page.
    Communications,
    /// Legal and compliance.
    Legal,
    /// The rollback plan and its rehearsal.
    Rollback,
    #[default]
    Other,
}

impl Area {
    /// Every area, in the order a checklist shows them.
    pub const ALL: [Area; 9] = [
        Area::Quality,
        Area::Security,
        Area::Performance,
        Area::Operations,
        Area::Support,
        Area::Communications,
        Area::Legal,
        Area::Rollback,
        Area::Other,
    ];

    /// Its name, as in the file: `quality`, `operations` …
    pub fn name(self) -> &'static str {
        match self {
            Area::Quality => "quality",
            Area::Security => "security",
            Area::Performance => "performance",
            Area::Operations => "operations",
            Area::Support => "support",
            Area::Communications => "communications",
            Area::Legal => "legal",
            Area::Rollback => "rollback",
            Area::Other => "other",
        }
    }
}

/// Where a readiness item stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    #[default]
    NotStarted,
    InProgress,
    Met,
    /// Not met, and accepted so by a named approver (see [`Waiver`]).
    Waived,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 4] = [
        ItemStatus::NotStarted,
        ItemStatus::InProgress,
        ItemStatus::Met,
        ItemStatus::Waived,
    ];

    /// In words: `not started`, `in progress`, `met`, `waived`.
    pub fn name(self) -> &'static str {
        match self {
            ItemStatus::NotStarted => "not started",
            ItemStatus::InProgress => "in progress",
            ItemStatus::Met => "met",
            ItemStatus::Waived => "waived",
        }
    }

    /// Met or waived: nothing more to do for it.
    pub fn is_settled(self) -> bool {
        matches!(self, ItemStatus::Met | ItemStatus::Waived)
    }
}

/// Whether an unmet item stops a Go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gate {
    /// Unmet and not waived, it means No-Go (the default: a gate is hard unless said).
    #[default]
    Hard,
    /// Informs the decision; never stops it.
    Advisory,
}

impl Gate {
    pub fn name(self) -> &'static str {
        match self {
            Gate::Hard => "hard",
            Gate::Advisory => "advisory",
        }
    }
}

/// Who accepted an unmet item, why, and when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Waiver {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approver: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// What came of it after launch (written in the post-launch review).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcome: String,
}

/// One readiness item of a milestone's checklist.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// `RC1`, `RC2` …
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub area: Area,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Due this many working days before the milestone (`5`: T−5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_before: Option<i64>,
    /// What shows it is met: text or a link (always shown as text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: ItemStatus,
    #[serde(default, skip_serializing_if = "is_default")]
    pub gate: Gate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiver: Option<Waiver>,
}

/// A milestone's readiness checklist.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checklist {
    /// The id of a task that is a milestone.
    #[serde(default)]
    pub milestone: String,
    /// The name of the template it was made from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub template: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

/// An item of a template: an [`Item`] without status or waiver.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TemplateItem {
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub area: Area,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_before: Option<i64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub gate: Gate,
}

/// A named list of readiness items to start a checklist from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Template {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<TemplateItem>,
}

// ---------------------------------------------------------------------------------------
// Go / no-go

/// One area's recommendation at the go/no-go meeting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    #[default]
    Go,
    NoGo,
    Conditional,
}

/// What the go/no-go meeting decided.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Go,
    /// Go, with named risks accepted and conditions.
    ConditionalGo,
    /// Not now: with the date of the next review.
    #[default]
    NoGo,
}

impl Outcome {
    /// In words: `Go`, `Conditional Go`, `No-Go`.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Go => "Go",
            Outcome::ConditionalGo => "Conditional Go",
            Outcome::NoGo => "No-Go",
        }
    }
}

/// An area's recommendation, and why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AreaRecommendation {
    #[serde(default, skip_serializing_if = "is_default")]
    pub area: Area,
    #[serde(default)]
    pub recommendation: Recommendation,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The record of one go/no-go meeting for a milestone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GoNoGo {
    #[serde(default)]
    pub milestone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recommendations: Vec<AreaRecommendation>,
    #[serde(default)]
    pub outcome: Outcome,
    /// Ids of the program's risks accepted (a Conditional Go names at least one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risk_acceptances: Vec<String>,
    /// When the decision is taken again (a No-Go needs it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
}

// ---------------------------------------------------------------------------------------
// Runbooks

/// A wall-clock date and time to the minute, written `2027-06-14T22:00` (seconds are read
/// and dropped). It belongs to the runbook's time zone; it is never converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(pub NaiveDateTime);

impl Moment {
    /// As written in the file: `2027-06-14T22:00`.
    pub fn to_file_text(self) -> String {
        self.0.format("%Y-%m-%dT%H:%M").to_string()
    }

    /// As shown to people: `2027-06-14 22:00`.
    pub fn to_text(self) -> String {
        self.0.format("%Y-%m-%d %H:%M").to_string()
    }

    /// A moment from `2027-06-14T22:00` or `2027-06-14 22:00` (seconds allowed).
    pub fn parse(text: &str) -> Option<Moment> {
        let text = text.trim();
        [
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S",
        ]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .map(|t| Moment(t.with_second_zero()))
    }

    /// Minutes from `self` to `later` (negative when `later` is earlier).
    pub fn minutes_to(self, later: Moment) -> i64 {
        (later.0 - self.0).num_minutes()
    }

    /// This moment plus `minutes`, if representable.
    pub fn plus_minutes(self, minutes: i64) -> Option<Moment> {
        let delta = chrono::TimeDelta::try_minutes(minutes)?;
        self.0.checked_add_signed(delta).map(Moment)
    }
}

trait SecondZero {
    fn with_second_zero(self) -> Self;
}

impl SecondZero for NaiveDateTime {
    fn with_second_zero(self) -> Self {
        use chrono::Timelike;
        self.with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .unwrap_or(self)
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_file_text())
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Moment::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{}' is not a date and time of day like 2027-06-14T22:00",
                crate::text::quote(&text)
            ))
        })
    }
}

/// One step of a cutover runbook.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// `S1`, `S2` …
    #[serde(default)]
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it is planned to start; without it, it starts when its `after` steps finish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_start: Option<Moment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<i64>,
    /// Ids of the steps it waits for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
    /// A go/no-go checkpoint: the cutover goes on only if it passes.
    #[serde(default, skip_serializing_if = "is_false")]
    pub checkpoint: bool,
    /// How it is undone: text, or the id of the step that undoes it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rollback: String,
    /// Who is told what when it starts or ends.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub communication: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_start: Option<Moment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_finish: Option<Moment>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
}

/// The hour-level cutover plan of a release milestone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Runbook {
    #[serde(default)]
    pub milestone: String,
    /// Its times' zone, as text (`Europe/Berlin`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub time_zone: String,
    /// The go-live moment T-minus and T-plus count from; without it, the first
    /// checkpoint's planned start (see [`super::runbook::t_zero`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t0: Option<Moment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
}

// ---------------------------------------------------------------------------------------
// Post-launch reviews

/// A success metric's target and what was measured.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MetricOutcome {
    #[serde(default)]
    pub metric: String,
    /// `99.9%`, `< 200 ms`, `≥ 40`, or words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub actual: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A follow-up action of a review.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
    /// The id of the RAID log issue it became.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
}

/// The post-launch review of a milestone.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Review {
    #[serde(default)]
    pub milestone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<MetricOutcome>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incidents: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub went_well: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub went_badly: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<FollowUp>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}
