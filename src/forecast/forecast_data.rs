//! The forecast tab's data: a result turned into the forecast components' plain data (table
//! rows, day bins, markers, tornado bars, criticality, comparison rows), and the risks
//! section's data and edits (through `engine::risks`). Pure functions, no signals. What a
//! forecast runs on is `document::forecast_inputs`.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use components::{
    CompareRow, CriticalityRow, DayBin, DayMarker, ForecastRow, RiskChange, RiskView, TaskChoice,
    TornadoBar,
};
use engine::Program;
use engine::edit::Edit;
use engine::forecast::{Driver, Outcome};
use engine::risks::{self, Refusal, RiskField, format_impact, format_percent};

use crate::forecast::forecast_store::Kept;
use crate::forecast::forecast_worker::ForecastResult;

/// Every task, as a task search offers it (workstream name, name, duration).
pub fn task_choices(program: &Program) -> Vec<TaskChoice> {
    program
        .tasks
        .iter()
        .map(|t| TaskChoice {
            id: t.id.clone(),
            workstream: program
                .workstreams
                .iter()
                .find(|w| w.id == t.workstream)
                .map_or_else(|| t.workstream.clone(), |w| w.name.clone()),
            name: t.name.clone(),
            duration: format!("{}d", t.duration),
        })
        .collect()
}

/// The program's risks as the risks section shows them.
pub fn risk_views(program: &Program) -> Vec<RiskView> {
    let choices = task_choices(program);
    program
        .risks
        .iter()
        .map(|r| RiskView {
            id: r.id.clone(),
            title: r.title.clone(),
            probability: format_percent(r.probability),
            impact: format_impact(r.impact),
            tasks: r
                .tasks
                .iter()
                .map(|id| {
                    choices
                        .iter()
                        .find(|c| &c.id == id)
                        .cloned()
                        .unwrap_or_else(|| TaskChoice {
                            id: id.clone(),
                            name: id.clone(),
                            ..TaskChoice::default()
                        })
                })
                .collect(),
        })
        .collect()
}

/// The edits a risk change asks for (none if it changes nothing), or why not.
pub fn risk_edits(program: &Program, change: &RiskChange) -> Result<Vec<Edit>, Refusal> {
    match change {
        RiskChange::Add {
            title,
            probability,
            impact,
        } => risks::add_risk(program, title, probability, impact),
        RiskChange::Title { risk, text } => risks::set_title(program, risk, text),
        RiskChange::Probability { risk, text } => risks::set_probability(program, risk, text),
        RiskChange::Impact { risk, text } => risks::set_impact(program, risk, text),
        RiskChange::AddTask { risk, task } => risks::add_task(program, risk, task),
        RiskChange::RemoveTask { risk, task } => risks::remove_task(program, risk, task),
        RiskChange::Remove { risk } => risks::remove_risk(program, risk),
    }
}

/// The field a change is about, to show the engine's refusal of it beside that field.
pub fn risk_field(change: &RiskChange) -> RiskField {
    match change {
        RiskChange::Add { .. } | RiskChange::Remove { .. } => RiskField::Risk,
        RiskChange::Title { .. } => RiskField::Title,
        RiskChange::Probability { .. } => RiskField::Probability,
        RiskChange::Impact { .. } => RiskField::Impact,
        RiskChange::AddTask { .. } | RiskChange::RemoveTask { .. } => RiskField::Tasks,
    }
}

/// The table's rows: the program finish, then each milestone.
pub fn summary_rows(result: &ForecastResult) -> Vec<ForecastRow> {
    let row = |key: &str, name: &str, o: &Outcome| ForecastRow {
        key: key.to_owned(),
        name: name.to_owned(),
        deterministic: o.deterministic.to_string(),
        p10: o.p10.to_string(),
        p50: o.p50.to_string(),
        p80: o.p80.to_string(),
        p90: o.p90.to_string(),
        mean: o.mean.to_string(),
        committed: o.committed.map(|d| d.to_string()),
        on_time: o.probability_on_time,
    };
    let forecast = &result.forecast;
    let mut rows = vec![row(
        document::forecast_inputs::PROGRAM,
        "Program finish",
        &forecast.finish,
    )];
    rows.extend(
        forecast
            .milestones
            .iter()
            .zip(&result.milestone_names)
            .map(|(m, name)| row(&m.id, name, &m.outcome)),
    );
    rows
}

/// The planned date, the P80 and the deadline, marked on the charts.
pub fn markers(outcome: &Outcome) -> Vec<DayMarker> {
    let mut markers = vec![
        DayMarker {
            at: outcome.deterministic.num_days_from_ce(),
            label: format!("Planned {}", short_date(outcome.deterministic)),
            kind: "planned".to_owned(),
        },
        DayMarker {
            at: outcome.p80.num_days_from_ce(),
            label: format!("P80 {}", short_date(outcome.p80)),
            kind: "p80".to_owned(),
        },
    ];
    if let Some(deadline) = outcome.committed {
        markers.push(DayMarker {
            at: deadline.num_days_from_ce(),
            label: format!("Deadline {}", short_date(deadline)),
            kind: "deadline".to_owned(),
        });
    }
    markers
}

pub fn driver_kind(kind: engine::forecast::DriverKind) -> String {
    match kind {
        engine::forecast::DriverKind::Task => "task".to_owned(),
        engine::forecast::DriverKind::Risk => "risk".to_owned(),
    }
}

/// `14 Mar 2026` (by hand: chrono's formatter costs the page kilobytes).
pub fn short_date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", date.day(), date.year())
}

/// P50 and P80 of A and B for the program finish and each of A's milestones.
pub fn compare_rows(a: Option<Arc<Kept>>, b: Option<Arc<Kept>>) -> Vec<CompareRow> {
    let (Some(a), Some(b)) = (a, b) else {
        return Vec::new();
    };
    let (fa, fb) = (&a.result.forecast, &b.result.forecast);
    let row = |name: String, x: Option<&Outcome>, y: Option<&Outcome>| {
        let days = |p: fn(&Outcome) -> NaiveDate| match (x, y) {
            (Some(x), Some(y)) => Some((p(y) - p(x)).num_days()),
            _ => None,
        };
        CompareRow {
            name,
            a_p50: x.map(|o| o.p50.to_string()),
            b_p50: y.map(|o| o.p50.to_string()),
            delta_p50: days(|o| o.p50),
            a_p80: x.map(|o| o.p80.to_string()),
            b_p80: y.map(|o| o.p80.to_string()),
            delta_p80: days(|o| o.p80),
        }
    };
    let mut rows = vec![row(
        "Program finish".to_owned(),
        Some(&fa.finish),
        Some(&fb.finish),
    )];
    for (m, name) in fa.milestones.iter().zip(&a.result.milestone_names) {
        let other = fb
            .milestones
            .iter()
            .find(|n| n.id == m.id)
            .map(|n| &n.outcome);
        rows.push(row(name.clone(), Some(&m.outcome), other));
    }
    rows
}

/// A finish's histogram bins on the day axis.
pub fn day_bins(outcome: &Outcome) -> Vec<DayBin> {
    outcome
        .histogram
        .iter()
        .map(|b| DayBin {
            from: b.first.num_days_from_ce(),
            to: b.last.num_days_from_ce(),
            count: b.count,
            label: short_date(b.first),
        })
        .collect()
}

/// The tornado's bars: the drivers that drive anything (|correlation| ≥ 0.01).
pub fn tornado_bars(drivers: &[Driver]) -> Vec<TornadoBar> {
    drivers
        .iter()
        .filter(|d| d.correlation.abs() >= 0.01)
        .map(|d| TornadoBar {
            label: d.name.clone(),
            kind: driver_kind(d.kind),
            value: d.correlation,
        })
        .collect()
}

/// Every task critical in at least one iteration, with its criticality index.
pub fn criticality_rows(result: &ForecastResult) -> Vec<CriticalityRow> {
    result
        .tasks
        .iter()
        .zip(&result.forecast.criticality)
        .filter(|(_, c)| **c > 0.0)
        .map(|((id, name), c)| CriticalityRow {
            id: id.clone(),
            name: name.clone(),
            criticality: *c,
        })
        .collect()
}
