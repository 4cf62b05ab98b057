//! What the logs compute: ages, latencies, resolution times, overdue flags, risk scores,
//! each cross-team dependency's status against the schedule, the benefits realization
//! index, a change request's impact, and the program with its risks mitigated.
//!
//! Pure functions of the program, its schedule where one is needed, and a status date
//! `as_of` (never the clock). Durations are working days of the program calendar
//! ([`working_days`]); a date a figure needs and an item lacks makes the figure `None`.
//! These are the inputs of status packs and dashboards: each says what it computes.

use crate::calendar::WorkCalendar;
use crate::model::{Calendar, Program, Risk};
use crate::scheduler::Schedule;
use chrono::NaiveDate;
use serde::Serialize;
use std::cell::RefCell;

use super::model::{
    Assumption, AssumptionStatus, Benefit, ChangeDecision, ChangeRequest, Charter, Commitment,
    CommitmentStatus, Decision, DecisionStatus, Issue, IssueStatus, RiskStatus,
};

// ---------------------------------------------------------------------------------------
// Working days, ages and latencies

/// Working days of the program calendar from `from` up to `to` (`from` counted, `to` not):
/// 0 when `to` is not after `from`, and 0 on a calendar without working days.
///
/// ```
/// use engine::logs::figures::working_days;
/// use engine::Program;
/// let program = Program::default(); // Monday to Friday, no holidays
/// let monday = "2026-03-02".parse().unwrap();
/// let next_monday = "2026-03-09".parse().unwrap();
/// assert_eq!(working_days(&program, monday, next_monday), 5);
/// assert_eq!(working_days(&program, next_monday, monday), 0);
/// ```
pub fn working_days(program: &Program, from: NaiveDate, to: NaiveDate) -> i64 {
    if to <= from {
        return 0;
    }
    with_work_calendar(&program.calendar, |calendar| {
        if !calendar.has_working_days() {
            return 0;
        }
        let day = crate::calendar::day_number;
        (calendar.ordinal(day(to)) - calendar.ordinal(day(from))).max(0)
    })
}

/// Runs `f` on `calendar` made a [`WorkCalendar`], the last one made kept for the next call
/// while the calendar is equal to it. Building one sorts the holidays (40 years of them in a
/// generated program): done on every call, it was most of the KPI dashboard's time, whose
/// KPIs count working days for every milestone of every pack. Comparing is one pass over
/// the holidays, without allocating.
fn with_work_calendar<R>(calendar: &Calendar, f: impl FnOnce(&WorkCalendar) -> R) -> R {
    thread_local! {
        static LAST: RefCell<Option<(Calendar, WorkCalendar)>> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let Ok(mut last) = last.try_borrow_mut() else {
            return f(&crate::check::work_calendar(calendar));
        };
        if let Some((kept, work)) = last.as_ref()
            && kept == calendar
        {
            return f(work);
        }
        let work = crate::check::work_calendar(calendar);
        let result = f(&work);
        *last = Some((calendar.clone(), work));
        result
    })
}

/// The age of an item raised (or opened) on `since`, on `as_of`: the working days from
/// `since` up to `as_of`, never negative; `None` without a `since` date. It grows by one
/// across each working day.
///
/// ```
/// use engine::logs::figures::age;
/// use engine::Program;
/// let program = Program::default();
/// let opened = "2026-03-02".parse().ok(); // a Monday
/// assert_eq!(age(&program, opened, "2026-03-05".parse().unwrap()), Some(3));
/// assert_eq!(age(&program, None, "2026-03-05".parse().unwrap()), None);
/// ```
pub fn age(program: &Program, since: Option<NaiveDate>, as_of: NaiveDate) -> Option<i64> {
    since.map(|since| working_days(program, since, as_of))
}

/// How long an open risk has been open (raised → `as_of`); `None` once closed or occurred.
pub fn risk_age(program: &Program, risk: &Risk, as_of: NaiveDate) -> Option<i64> {
    let open = risk.status == RiskStatus::Open;
    age(program, risk.raised.filter(|_| open), as_of)
}

/// How long an unvalidated assumption has waited (raised → `as_of`).
pub fn assumption_age(program: &Program, item: &Assumption, as_of: NaiveDate) -> Option<i64> {
    let open = item.status == AssumptionStatus::Unvalidated;
    age(program, item.raised.filter(|_| open), as_of)
}

/// How long an open issue has been open (opened → `as_of`).
pub fn issue_age(program: &Program, item: &Issue, as_of: NaiveDate) -> Option<i64> {
    let open = item.status == IssueStatus::Open;
    age(program, item.opened.filter(|_| open), as_of)
}

/// How long a cross-team dependency not yet delivered (nor missed) has been open
/// (opened → `as_of`).
pub fn commitment_age(program: &Program, item: &Commitment, as_of: NaiveDate) -> Option<i64> {
    let open = !matches!(
        item.status,
        CommitmentStatus::Delivered | CommitmentStatus::Missed
    );
    age(program, item.opened.filter(|_| open), as_of)
}

/// How long an open decision has waited (raised → `as_of`).
pub fn decision_age(program: &Program, item: &Decision, as_of: NaiveDate) -> Option<i64> {
    let open = item.status == DecisionStatus::Open;
    age(program, item.raised.filter(|_| open), as_of)
}

/// How long a change request has waited for its decision (requested → `as_of`).
pub fn change_age(program: &Program, item: &ChangeRequest, as_of: NaiveDate) -> Option<i64> {
    let pending = item.decision == ChangeDecision::Pending;
    age(program, item.requested.filter(|_| pending), as_of)
}

/// A decision's latency: working days from raised to decided; `None` until both are known.
///
/// ```
/// use engine::logs::figures::decision_latency;
/// use engine::logs::model::Decision;
/// use engine::Program;
/// let decision = Decision {
///     raised: "2026-03-02".parse().ok(),  // Monday
///     decided: "2026-03-10".parse().ok(), // Tuesday of the next week
///     ..Decision::default()
/// };
/// assert_eq!(decision_latency(&Program::default(), &decision), Some(6));
/// ```
pub fn decision_latency(program: &Program, item: &Decision) -> Option<i64> {
    Some(working_days(program, item.raised?, item.decided?))
}

/// An issue's resolution time: working days from opened to resolved.
///
/// ```
/// use engine::logs::figures::resolution_time;
/// use engine::logs::model::Issue;
/// use engine::Program;
/// let issue = Issue {
///     opened: "2026-03-04".parse().ok(),
///     resolved: "2026-03-06".parse().ok(),
///     ..Issue::default()
/// };
/// assert_eq!(resolution_time(&Program::default(), &issue), Some(2));
/// ```
pub fn resolution_time(program: &Program, item: &Issue) -> Option<i64> {
    Some(working_days(program, item.opened?, item.resolved?))
}

/// Whether an unvalidated assumption is past its validate-by date on `as_of`.
///
/// ```
/// use engine::logs::figures::assumption_overdue;
/// use engine::logs::model::Assumption;
/// let a = Assumption { validate_by: "2026-03-02".parse().ok(), ..Assumption::default() };
/// assert!(assumption_overdue(&a, "2026-03-03".parse().unwrap()));
/// assert!(!assumption_overdue(&a, "2026-03-02".parse().unwrap()), "due that day: not yet");
/// ```
pub fn assumption_overdue(item: &Assumption, as_of: NaiveDate) -> bool {
    item.status == AssumptionStatus::Unvalidated && before(item.validate_by, as_of)
}

/// Whether an open issue is past its due date on `as_of`.
pub fn issue_overdue(item: &Issue, as_of: NaiveDate) -> bool {
    item.status == IssueStatus::Open && before(item.due, as_of)
}

/// Whether an open decision is past its needed-by date on `as_of`.
pub fn decision_overdue(item: &Decision, as_of: NaiveDate) -> bool {
    item.status == DecisionStatus::Open && before(item.needed_by, as_of)
}

/// Whether an open risk has a mitigation action not done past its due date on `as_of`.
pub fn risk_overdue(risk: &Risk, as_of: NaiveDate) -> bool {
    risk.status == RiskStatus::Open && risk.actions.iter().any(|a| !a.done && before(a.due, as_of))
}

fn before(date: Option<NaiveDate>, as_of: NaiveDate) -> bool {
    date.is_some_and(|date| date < as_of)
}

// ---------------------------------------------------------------------------------------
// Risk scores

/// A probability as a level of 1 to 5: up to 10 % is 1, up to 30 % 2, up to 50 % 3, up to
/// 70 % 4, above 5.
///
/// ```
/// use engine::logs::figures::probability_level;
/// assert_eq!(probability_level(0.1), 1);
/// assert_eq!(probability_level(0.3), 2);
/// assert_eq!(probability_level(0.71), 5);
/// ```
pub fn probability_level(probability: f64) -> u8 {
    match probability {
        p if p <= 0.1 => 1,
        p if p <= 0.3 => 2,
        p if p <= 0.5 => 3,
        p if p <= 0.7 => 4,
        _ => 5,
    }
}

/// High, medium or low, from a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Low,
    Medium,
    High,
}

impl Rating {
    /// A score's rating: high from 15, medium from 8, else low.
    pub fn of(score: u8) -> Rating {
        match score {
            s if s >= 15 => Rating::High,
            s if s >= 8 => Rating::Medium,
            _ => Rating::Low,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Rating::Low => "low",
            Rating::Medium => "medium",
            Rating::High => "high",
        }
    }
}

/// A risk's score: severity (1–5) × probability level (1–5), 1 to 25, and its rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Score {
    pub score: u8,
    pub rating: Rating,
}

/// The score of a severity (1 to 5, clamped) and a probability.
///
/// ```
/// use engine::logs::figures::{score, Rating};
/// let s = score(4, 0.4); // 4 × level 3
/// assert_eq!((s.score, s.rating), (12, Rating::Medium));
/// assert_eq!(score(5, 0.9).rating, Rating::High);
/// ```
pub fn score(severity: u8, probability: f64) -> Score {
    let score = severity.clamp(1, 5) * probability_level(probability);
    Score {
        score,
        rating: Rating::of(score),
    }
}

/// A risk's score before mitigation; `None` without a severity.
pub fn risk_score(risk: &Risk) -> Option<Score> {
    Some(score(risk.severity?, risk.probability))
}

/// A risk's score after mitigation: its mitigated severity and probability where given,
/// else its own; `None` without a severity either way.
pub fn mitigated_score(risk: &Risk) -> Option<Score> {
    let mitigated = risk.mitigated.as_ref();
    let severity = mitigated.and_then(|m| m.severity).or(risk.severity)?;
    let probability = mitigated
        .and_then(|m| m.probability)
        .unwrap_or(risk.probability);
    Some(score(severity, probability))
}

// ---------------------------------------------------------------------------------------
// Cross-team dependencies against the schedule

/// Why a cross-team dependency has the status computed for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum StatusRule {
    /// As recorded: delivered or missed, or nothing says otherwise.
    Recorded,
    /// Missed: its need-by date passed and it was not delivered.
    NeedByPassed { need_by: NaiveDate },
    /// At risk: the provider's task is scheduled to finish after the need-by date.
    ProviderFinishesLate {
        task: String,
        finish: NaiveDate,
        need_by: NaiveDate,
    },
    /// At risk: the date the provider committed to is after the need-by date.
    CommittedLate {
        committed: NaiveDate,
        need_by: NaiveDate,
    },
}

impl StatusRule {
    /// The rule in words, for a tooltip: `need-by 2026-03-02 has passed`.
    pub fn describe(&self) -> String {
        match self {
            StatusRule::Recorded => "as recorded".into(),
            StatusRule::NeedByPassed { need_by } => format!("need-by {need_by} has passed"),
            StatusRule::ProviderFinishesLate {
                task,
                finish,
                need_by,
            } => format!("task {task} finishes {finish}, after need-by {need_by}"),
            StatusRule::CommittedLate { committed, need_by } => {
                format!("committed for {committed}, after need-by {need_by}")
            }
        }
    }
}

/// A cross-team dependency's status as computed, and the rule that made it so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComputedStatus {
    pub status: CommitmentStatus,
    pub rule: StatusRule,
}

/// A cross-team dependency's status on `as_of`, the plan scheduled as `schedule`:
///
/// 1. delivered or missed: as recorded;
/// 2. else missed when its need-by date is before `as_of` (passed, undelivered);
/// 3. else at risk when its provider task (`task`) is scheduled to finish after need-by;
/// 4. else at risk when the date committed is after need-by;
/// 5. else as recorded (requested, committed, or at risk by someone's say-so).
///
/// ```
/// use engine::logs::figures::{commitment_status, StatusRule};
/// use engine::logs::model::{Commitment, CommitmentStatus};
/// use engine::{schedule, Program};
/// let json = r#"{"program": {"name": "P", "start": "2026-03-02"},
///   "workstreams": [{"id": "w", "name": "W"}],
///   "tasks": [{"id": "api", "name": "API", "workstream": "w", "duration": 10}]}"#;
/// let program: Program = serde_json::from_str(json).unwrap();
/// let plan = schedule(&program).unwrap(); // API finishes Friday 2026-03-13
/// let d = Commitment {
///     task: Some("api".into()),
///     need_by: "2026-03-11".parse().ok(),
///     ..Commitment::default()
/// };
/// let computed = commitment_status(&program, Some(&plan), &d, "2026-03-02".parse().unwrap());
/// assert_eq!(computed.status, CommitmentStatus::AtRisk);
/// assert!(matches!(computed.rule, StatusRule::ProviderFinishesLate { .. }));
/// ```
pub fn commitment_status(
    program: &Program,
    schedule: Option<&Schedule>,
    item: &Commitment,
    as_of: NaiveDate,
) -> ComputedStatus {
    let recorded = ComputedStatus {
        status: item.status,
        rule: StatusRule::Recorded,
    };
    let done = matches!(
        item.status,
        CommitmentStatus::Delivered | CommitmentStatus::Missed
    );
    let Some(need_by) = item.need_by.filter(|_| !done) else {
        return recorded;
    };
    if need_by < as_of {
        return ComputedStatus {
            status: CommitmentStatus::Missed,
            rule: StatusRule::NeedByPassed { need_by },
        };
    }
    if let Some(finish) = provider_finish(program, schedule, item)
        && finish > need_by
    {
        return ComputedStatus {
            status: CommitmentStatus::AtRisk,
            rule: StatusRule::ProviderFinishesLate {
                task: item.task.clone().unwrap_or_default(),
                finish,
                need_by,
            },
        };
    }
    if let Some(committed) = item.committed
        && committed > need_by
    {
        return ComputedStatus {
            status: CommitmentStatus::AtRisk,
            rule: StatusRule::CommittedLate { committed, need_by },
        };
    }
    recorded
}

/// The scheduled finish of the provider's task, if it has one in `schedule`.
fn provider_finish(
    program: &Program,
    schedule: Option<&Schedule>,
    item: &Commitment,
) -> Option<NaiveDate> {
    let task = item.task.as_deref()?;
    let index = program.tasks.iter().position(|t| t.id == task)?;
    Some(schedule?.tasks.get(index)?.finish)
}

// ---------------------------------------------------------------------------------------
// Benefits

/// How much of a benefit is realised: (latest measured − baseline) / (target − baseline).
/// 1 is the target reached, 0 no change (or nothing measured yet), below 0 worse than the
/// baseline, above 1 past the target. The latest measurement is the one of the latest
/// date (the last listed of that date). A target equal to its baseline (refused by the
/// check) counts 0.
///
/// ```
/// use engine::logs::figures::realization;
/// use engine::logs::model::{Benefit, Measurement};
/// let benefit = Benefit {
///     baseline: 40.0,
///     target: 20.0, // minutes per deployment: lower is better, the formula handles it
///     measured: vec![Measurement { date: "2026-03-01".parse().unwrap(), value: 30.0 }],
///     ..Benefit::default()
/// };
/// assert_eq!(realization(&benefit), 0.5);
/// ```
pub fn realization(benefit: &Benefit) -> f64 {
    let span = benefit.target - benefit.baseline;
    let latest = benefit
        .measured
        .iter()
        .enumerate()
        .max_by_key(|(i, m)| (m.date, *i))
        .map(|(_, m)| m.value);
    match latest {
        Some(value) if span != 0.0 && span.is_finite() => (value - benefit.baseline) / span,
        _ => 0.0,
    }
}

/// The program's benefits realization index: the mean of its benefits' [`realization`],
/// each benefit weighing the same (none is more important than another unless the charter
/// says so, and it has no field for that); a benefit not measured yet counts 0. `None`
/// without benefits.
///
/// ```
/// use engine::logs::figures::benefits_index;
/// use engine::logs::model::{Benefit, Charter, Measurement};
/// let measured = |value| vec![Measurement { date: "2026-03-01".parse().unwrap(), value }];
/// let charter = Charter {
///     benefits: vec![
///         Benefit { baseline: 0.0, target: 10.0, measured: measured(10.0), ..Benefit::default() },
///         Benefit { baseline: 0.0, target: 10.0, ..Benefit::default() },
///     ],
///     ..Charter::default()
/// };
/// assert_eq!(benefits_index(&charter), Some(0.5));
/// ```
pub fn benefits_index(charter: &Charter) -> Option<f64> {
    let count = charter.benefits.len();
    (count > 0).then(|| charter.benefits.iter().map(realization).sum::<f64>() / count as f64)
}
