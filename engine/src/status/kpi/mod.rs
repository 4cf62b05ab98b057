//! The KPI dashboard: the blueprints' KPIs over the history of status packs, each with its
//! target, a value per pack and a one-line reading.
//!
//! Every KPI is a pure function of the program (for its calendar: working days are counted
//! with [`working_days`]) and the packs in order, oldest first — the issued ones and the
//! draft last ([`history`]). A pack is read only through its [`Facts`] (and, for the scope
//! change, its assessment), so a KPI of a past pack is what that pack measured, never the
//! program as it is now. A pack with nothing to measure gets `None`, never a guessed 0.
//!
//! - [`schedule`]: on-time rate, schedule variance, forecast accuracy.
//! - [`logs`]: decision latency, dependency aging, critical dependency closure, risk
//!   burndown, issue resolution.
//! - [`plan`]: scope change, critical path stability, release readiness.
//!
//! The targets ([`Targets`]) are the blueprints'; `docs/status.md` ("KPI dashboard") gives
//! each definition, target and source. Cost: O(p × n) for p packs of n facts each, with
//! hashes of ids; the forecast accuracy O(p² × milestones).

pub mod logs;
pub mod plan;
pub mod schedule;
pub mod target_fields;

#[cfg(test)]
mod properties;
#[cfg(test)]
pub(crate) mod test_support;

use super::model::{Facts, Pack, Status};
use super::rag::trim;
use crate::logs::figures::working_days;
use crate::model::Program;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use logs::{
    critical_dependency_closure, decision_latency, dependency_aging, issue_resolution,
    risk_burndown,
};
pub use plan::{critical_path_stability, path_change, release_readiness, scope_change};
pub use schedule::{forecast_accuracy, on_time_rate, schedule_variance};

// ---------------------------------------------------------------------------------------
// Targets

/// Each KPI's target. The defaults are the blueprints' (section 7 of the role blueprints),
/// where a range is given its stricter or middle end as noted; a program may change any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Targets {
    /// Milestones finished on time, at least this share (default 80 %: "80–90 %") …
    pub on_time_percent: f64,
    /// … where on time is within this many working days of the committed date (default 5:
    /// "±1–2 weeks", its stricter end).
    pub on_time_tolerance_days: i64,
    /// Forecast finish against the committed date, at most this many working days late
    /// (default 0, as the schedule RAG's Green).
    pub schedule_variance_days: f64,
    /// Tasks added and removed since the baseline, at most this share of its tasks
    /// (default 10 %: "< 10–20 %").
    pub scope_change_percent: f64,
    /// Median working days from raised to decided, at most (default 5).
    pub decision_latency_days: f64,
    /// Mean working days open of the open dependencies, at most (default 15: three weeks,
    /// "< 2–3 weeks").
    pub dependency_aging_days: f64,
    /// Critical dependencies delivered by their need-by date, at least (default 85 %).
    pub critical_closure_percent: f64,
    /// Share of the critical path changed since the pack before, at most (default 25 %).
    /// The blueprints give no figure. Between weekly packs a few critical tasks finish and
    /// leave the path (a path of 20 tasks losing 1–3 a week changes by 5–15 %); a quarter
    /// allows that and flags a path that re-routes.
    pub critical_path_change_percent: f64,
    /// Open high risks this many calendar days old or older are counted (default 30: "no
    /// high risk older than 30–45 days") …
    pub high_risk_age_days: i64,
    /// … and those this old or older are the oldest band (default 45) …
    pub high_risk_old_days: i64,
    /// … and at most this many of them may be open (default 0).
    pub high_risks_aged: f64,
    /// Resolved issues resolved within `issue_resolution_days`, at least (default 70 %) …
    pub issue_resolution_percent: f64,
    /// … working days (default 10: two weeks).
    pub issue_resolution_days: i64,
    /// Mean readiness of the checklists, at least (default 95 %).
    pub readiness_percent: f64,
    /// Forecasts accurate, at least this share (default 80 %) …
    pub forecast_accuracy_percent: f64,
    /// … accurate meaning within this share of the working days from the forecast to the
    /// actual finish, and at least one day (default 15 %: "±10–15 %") …
    pub forecast_tolerance_percent: f64,
    /// … for forecasts made within this many working days of the finish (default 30: the
    /// blueprints' near term, "4–6 weeks").
    pub forecast_horizon_days: i64,
}

impl Default for Targets {
    fn default() -> Self {
        Targets {
            on_time_percent: 80.0,
            on_time_tolerance_days: 5,
            schedule_variance_days: 0.0,
            scope_change_percent: 10.0,
            decision_latency_days: 5.0,
            dependency_aging_days: 15.0,
            critical_closure_percent: 85.0,
            critical_path_change_percent: 25.0,
            high_risk_age_days: 30,
            high_risk_old_days: 45,
            high_risks_aged: 0.0,
            issue_resolution_percent: 70.0,
            issue_resolution_days: 10,
            readiness_percent: 95.0,
            forecast_accuracy_percent: 80.0,
            forecast_tolerance_percent: 15.0,
            forecast_horizon_days: 30,
        }
    }
}

impl Targets {
    pub fn is_default(&self) -> bool {
        *self == Targets::default()
    }
}

// ---------------------------------------------------------------------------------------
// A KPI's values

/// What a KPI's values count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Percent,
    WorkingDays,
    Count,
}

impl Unit {
    /// `%`, `working days`, `count`.
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::WorkingDays => "working days",
            Unit::Count => "count",
        }
    }
}

/// Which way is good.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
}

/// A pack's value: its status date, and `None` where there was nothing to measure.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Point {
    pub date: NaiveDate,
    pub value: Option<f64>,
}

/// One line of a KPI measured per item (a milestone) or per part (an age band).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    pub id: String,
    pub name: String,
    /// One per pack, as [`Kpi::points`].
    pub points: Vec<Point>,
}

/// One KPI over the packs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Kpi {
    /// A stable slug (`on_time_rate`).
    pub key: &'static str,
    pub name: &'static str,
    pub unit: Unit,
    /// The headline value, one per pack in the packs' order.
    pub points: Vec<Point>,
    /// What `points` measures, for a legend (`Program finish`).
    pub points_name: String,
    /// Per milestone (schedule variance) or per age band (risk burndown); else empty.
    pub series: Vec<Series>,
    /// The series are parts of one whole (the risk burndown's age bands), drawn stacked.
    pub stacked: bool,
    pub target: f64,
    pub better: Better,
    /// The last value measured (of the latest pack that had one).
    pub latest: Option<f64>,
    /// Whether `latest` meets the target; `None` without one.
    pub met: Option<bool>,
    /// One line: the latest value, what it is made of, and how it stands to the target.
    pub reading: String,
}

/// The packs the dashboard reads: those issued, oldest first, then the draft (its facts the
/// current ones) when given.
pub fn history<'a>(status: &'a Status, draft: Option<&'a Pack>) -> Vec<&'a Pack> {
    status.packs.iter().chain(draft).collect()
}

/// Every KPI, in the dashboard's order.
pub fn all(program: &Program, packs: &[&Pack], targets: &Targets) -> Vec<Kpi> {
    vec![
        on_time_rate(program, packs, targets),
        schedule_variance(program, packs, targets),
        scope_change(packs, targets),
        decision_latency(program, packs, targets),
        dependency_aging(program, packs, targets),
        critical_dependency_closure(packs, targets),
        critical_path_stability(packs, targets),
        risk_burndown(packs, targets),
        issue_resolution(program, packs, targets),
        release_readiness(packs, targets),
        forecast_accuracy(program, packs, targets),
    ]
}

// ---------------------------------------------------------------------------------------
// Building a KPI from one figure per pack

/// What a KPI is, before it is measured.
pub(crate) struct Meta {
    pub key: &'static str,
    pub name: &'static str,
    pub unit: Unit,
    pub target: f64,
    pub better: Better,
}

/// A pack's figure and the words of the reading that go with it ("2 of 3 milestones within
/// 5 working days").
pub(crate) struct Measure {
    pub value: f64,
    pub detail: String,
}

impl Measure {
    pub fn new(value: f64, detail: String) -> Measure {
        Measure { value, detail }
    }
}

/// The KPI from one optional measure per pack. `points_name` names the headline line;
/// `nothing` says why there is no value yet ("no milestone done with a committed date").
pub(crate) fn build(
    meta: Meta,
    packs: &[&Pack],
    measures: Vec<Option<Measure>>,
    points_name: &str,
    nothing: &str,
) -> Kpi {
    let points = packs
        .iter()
        .zip(&measures)
        .map(|(pack, m)| Point {
            date: pack.status_date,
            value: m.as_ref().map(|m| m.value),
        })
        .collect();
    let last = measures.iter().rev().flatten().next();
    let latest = last.map(|m| m.value);
    let met = latest.map(|v| meets(v, meta.target, meta.better));
    let reading = match last {
        Some(m) => format!(
            "{} {} ({}) — {}",
            meta.name,
            figure(meta.unit, m.value),
            m.detail,
            verdict(&meta, m.value)
        ),
        None => format!("{}: {nothing}", meta.name),
    };
    Kpi {
        key: meta.key,
        name: meta.name,
        unit: meta.unit,
        points,
        points_name: points_name.into(),
        series: Vec::new(),
        stacked: false,
        target: meta.target,
        better: meta.better,
        latest,
        met,
        reading,
    }
}

/// Whether `value` meets `target`: at least it when higher is better, at most it else.
pub fn meets(value: f64, target: f64, better: Better) -> bool {
    match better {
        Better::Higher => value >= target,
        Better::Lower => value <= target,
    }
}

fn verdict(meta: &Meta, value: f64) -> String {
    let target = figure(meta.unit, meta.target);
    match (meta.better, meets(value, meta.target, meta.better)) {
        (Better::Higher, true) => format!("meets the {target} target"),
        (Better::Higher, false) => format!("under the {target} target"),
        (Better::Lower, true) => format!("within the {target} target"),
        (Better::Lower, false) => format!("over the {target} target"),
    }
}

/// A value in its unit, as a reading shows it: `67 %` (whole percents), `4.5 working days`
/// (one decimal), `2`.
pub fn figure(unit: Unit, value: f64) -> String {
    match unit {
        Unit::Percent => format!("{} %", trim(value.round())),
        Unit::WorkingDays => format!("{} working days", trim((value * 10.0).round() / 10.0)),
        Unit::Count => trim(value.round()),
    }
}

/// `part` of `whole` as a percentage; `None` of nothing.
pub(crate) fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

/// Working days from `from` to `to`, negative when `to` is earlier.
pub(crate) fn signed_days(program: &Program, from: NaiveDate, to: NaiveDate) -> i64 {
    working_days(program, from, to) - working_days(program, to, from)
}

/// Each pack's facts with its status date.
pub(crate) fn measure_each(
    packs: &[&Pack],
    measure: impl Fn(NaiveDate, &Facts) -> Option<Measure>,
) -> Vec<Option<Measure>> {
    packs
        .iter()
        .map(|p| measure(p.status_date, &p.facts))
        .collect()
}
