//! What a change request does to the plan (the milestones it moves, the shift of the
//! finish), and the program with its risks taken before or after mitigation, for the
//! forecast to show what mitigation buys.

use crate::compare::{compare, quick_impact};
use crate::diagnostics::Diagnostics;
use crate::model::{Program, Risk};
use crate::scenario::Change;
use crate::scheduler::Schedule;
use serde::Serialize;

use super::model::RiskStatus;

/// A milestone a change moves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MovedMilestone {
    pub id: String,
    pub name: String,
    /// Working days later with the change (negative: earlier); `None` when the milestone
    /// is in only one of the two plans.
    pub days: Option<i64>,
}

/// What a change request does to the schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeImpact {
    /// The milestones whose date moves, in the plan's order.
    pub milestones: Vec<MovedMilestone>,
    /// Working days the program finish moves (negative: earlier).
    pub finish_shift: i64,
}

impl ChangeImpact {
    /// In words: `finish +4 working days; Launch +4, Beta +2`.
    pub fn describe(&self) -> String {
        let signed = |days: i64| match days {
            0 => "unchanged".to_string(),
            d if d > 0 => format!("+{d} working days"),
            d => format!("{d} working days"),
        };
        let mut text = format!("finish {}", signed(self.finish_shift));
        let moved: Vec<String> = self
            .milestones
            .iter()
            .map(|m| match m.days {
                Some(days) => format!("{} {}", m.name, signed(days)),
                None => format!("{} added or removed", m.name),
            })
            .collect();
        if !moved.is_empty() {
            text.push_str("; ");
            text.push_str(&moved.join(", "));
        }
        text
    }
}

/// The impact of a change: `program` scheduled as `before`, the program with the change
/// (a scenario's program) scheduled as `after`.
///
/// ```
/// use engine::logs::impact::change_impact_of;
/// use engine::scenario::Change;
/// use engine::{schedule, Program};
/// let json = r#"{"program": {"name": "P", "start": "2026-03-02"},
///   "workstreams": [{"id": "w", "name": "W"}],
///   "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 5},
///             {"id": "m", "name": "Launch", "workstream": "w", "duration": 0}],
///   "dependencies": [{"from": "a", "to": "m"}]}"#;
/// let program: Program = serde_json::from_str(json).unwrap();
/// let before = schedule(&program).unwrap();
/// let slip = [Change::Slip { task: "a".into(), days: 3 }];
/// let impact = change_impact_of(&program, &before, &slip).unwrap();
/// assert_eq!(impact.finish_shift, 3);
/// assert_eq!(impact.milestones[0].days, Some(3));
/// ```
pub fn change_impact(
    program: &Program,
    before: &Schedule,
    changed: &Program,
    after: &Schedule,
) -> ChangeImpact {
    let comparison = compare(program, before, changed, after);
    ChangeImpact {
        milestones: comparison
            .moved_milestones()
            .map(|m| MovedMilestone {
                id: m.id.clone(),
                name: m.name.clone(),
                days: m.delta,
            })
            .collect(),
        finish_shift: comparison.finish.delta.unwrap_or(0),
    }
}

/// [`change_impact`] of `changes` (a scenario's) made to `program`; the diagnostics if the
/// changed program cannot be scheduled.
pub fn change_impact_of(
    program: &Program,
    before: &Schedule,
    changes: &[Change],
) -> Result<ChangeImpact, Diagnostics> {
    let impact = quick_impact(program, before, changes)?;
    Ok(change_impact(
        program,
        before,
        &impact.program,
        &impact.schedule,
    ))
}

// ---------------------------------------------------------------------------------------
// Mitigation

/// The program as its risks stand before mitigation, for a forecast: closed risks dropped,
/// occurred ones certain (probability 1), the others as entered. The logs are left out
/// (the forecast does not read them, and they could name a dropped risk).
pub fn unmitigated(program: &Program) -> Program {
    with_risks(program, |risk| risk)
}

/// The program with its risks mitigated, for a forecast beside [`unmitigated`]: each open
/// risk takes its post-mitigation probability and impact where given; closed risks are
/// dropped; occurred ones are certain (probability 1) with their mitigated impact where
/// given (mitigation may still soften a delay that happened). Logs left out, as there.
///
/// ```
/// use engine::logs::impact::mitigated;
/// use engine::logs::model::{Mitigated, RiskStatus};
/// use engine::{Program, Risk};
/// let mut program = Program::default();
/// program.risks.push(Risk {
///     id: "R1".into(),
///     probability: 0.6,
///     mitigated: Some(Mitigated { probability: Some(0.2), ..Mitigated::default() }),
///     ..Risk::default()
/// });
/// program.risks.push(Risk { id: "R2".into(), status: RiskStatus::Closed, ..Risk::default() });
/// let after = mitigated(&program);
/// assert_eq!(after.risks.len(), 1);
/// assert_eq!(after.risks[0].probability, 0.2);
/// ```
pub fn mitigated(program: &Program) -> Program {
    with_risks(program, mitigate)
}

/// What mitigating one risk buys: the working days its mitigation alone moves the program
/// finish earlier at P50 and at P80.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct MitigationValue {
    pub risk: String,
    pub title: String,
    pub p50_days: i64,
    pub p80_days: i64,
}

impl MitigationValue {
    /// In words: `mitigating R3 buys 6 working days at P80 (4 at P50)`.
    pub fn describe(&self) -> String {
        let days = |d: i64| match d {
            0 => "nothing".to_owned(),
            1 => "1 working day".to_owned(),
            d if d < 0 => format!("costs {} working days", -d),
            d => format!("{d} working days"),
        };
        format!(
            "mitigating {} buys {} at P80 ({} at P50)",
            self.risk,
            days(self.p80_days),
            days(self.p50_days)
        )
    }
}

/// For every open risk with values after mitigation, what mitigating it alone buys: the
/// forecast of the program as its risks stand ([`unmitigated`]), then one with only that
/// risk mitigated, with the same settings — each iteration draws from its own random
/// stream, so the difference is the risk's, not noise. Most first.
///
/// Cost: one forecast more than there are such risks.
///
/// ```
/// use engine::logs::impact::mitigation_values;
/// use engine::forecast::Settings;
/// let json = r#"{"program": {"name": "P", "start": "2026-03-02"},
///   "workstreams": [{"id": "w", "name": "W"}],
///   "tasks": [{"id": "a", "name": "Build", "workstream": "w", "duration": 10}],
///   "risks": [{"id": "R1", "title": "Vendor late", "probability": 1.0,
///              "impact": {"min": 5, "max": 5}, "tasks": ["a"],
///              "mitigated": {"impact": {"min": 1, "max": 1}}}]}"#;
/// let program: engine::Program = serde_json::from_str(json).unwrap();
/// let values = mitigation_values(&program, &Settings { iterations: 200, seed: 1 }).unwrap();
/// // Certain to happen: 5 days late, mitigated 1 day late — mitigation buys 4 days.
/// assert_eq!((values[0].p50_days, values[0].p80_days), (4, 4));
/// ```
pub fn mitigation_values(
    program: &Program,
    settings: &crate::forecast::Settings,
) -> Result<Vec<MitigationValue>, Diagnostics> {
    let finishes =
        |program: &Program| -> Result<(chrono::NaiveDate, chrono::NaiveDate), Diagnostics> {
            let checked = crate::check(program)?;
            let forecast = crate::forecast::forecast(&checked, settings)?;
            Ok((forecast.finish.p50, forecast.finish.p80))
        };
    let (p50, p80) = finishes(&unmitigated(program))?;
    let days = |from, to| {
        super::figures::working_days(program, to, from)
            - super::figures::working_days(program, from, to)
    };
    let mut values = Vec::new();
    for risk in program
        .risks
        .iter()
        .filter(|r| r.status == RiskStatus::Open && r.mitigated.is_some())
    {
        let one = with_risks(program, |r| if r.id == risk.id { mitigate(r) } else { r });
        let (m50, m80) = finishes(&one)?;
        values.push(MitigationValue {
            risk: risk.id.clone(),
            title: risk.title.clone(),
            p50_days: days(p50, m50),
            p80_days: days(p80, m80),
        });
    }
    values.sort_by_key(|v| std::cmp::Reverse(v.p80_days));
    Ok(values)
}

/// A risk with its values after mitigation where given (its probability only while open).
fn mitigate(mut risk: Risk) -> Risk {
    if let Some(m) = &risk.mitigated {
        if risk.status == RiskStatus::Open {
            risk.probability = m.probability.unwrap_or(risk.probability);
        }
        risk.impact = m.impact.unwrap_or(risk.impact);
    }
    risk
}

/// The program's risks closed dropped, occurred certain, each then `adjust`ed; no logs.
fn with_risks(program: &Program, adjust: impl Fn(Risk) -> Risk) -> Program {
    let risks = program
        .risks
        .iter()
        .filter(|risk| risk.status != RiskStatus::Closed)
        .map(|risk| {
            let mut risk = adjust(risk.clone());
            if risk.status == RiskStatus::Occurred {
                risk.probability = 1.0;
            }
            risk
        })
        .collect();
    Program {
        program: program.program.clone(),
        calendar: program.calendar.clone(),
        workstreams: program.workstreams.clone(),
        tasks: program.tasks.clone(),
        dependencies: program.dependencies.clone(),
        risks,
        resources: program.resources.clone(),
        logs: Default::default(),
        readiness: Default::default(),
        status: Default::default(),
        board: Default::default(),
    }
}
