//! The logs' KPIs over the packs: decision latency, dependency aging and critical
//! dependency closure, the risk burndown by age, and issue resolution.
//!
//! Each reads the log items a pack kept ([`ItemFact`]): `opened` (raised, opened),
//! `closed` (decided, delivered, resolved), `due` (needed by), `open` and `high`. Items
//! without the dates a figure needs are left out of it. Working days are of the program's
//! calendar as it is now.

use super::{Better, Kpi, Measure, Meta, Point, Series, Targets, Unit};
use super::{build, figure, measure_each, percent};
use crate::logs::figures::working_days;
use crate::model::Program;
use crate::status::model::{ItemFact, Pack};
use chrono::NaiveDate;

// ---------------------------------------------------------------------------------------
// Decisions

/// **Decision latency** (working days, lower is better): the median of the working days
/// from raised to decided, over the decisions each pack saw decided on or before its
/// status date (superseded and reversed ones count: they were decided then). The median of
/// an even count is the mean of the middle two.
pub fn decision_latency(program: &Program, packs: &[&Pack], targets: &Targets) -> Kpi {
    let measures = measure_each(packs, |date, facts| {
        let latencies: Vec<i64> = facts
            .decisions
            .iter()
            .filter_map(|d| {
                let (raised, decided) = (d.opened?, d.closed?);
                (decided <= date).then(|| working_days(program, raised, decided))
            })
            .collect();
        let value = median(latencies.clone())?;
        let detail = format!("median of {} decisions made", latencies.len());
        Some(Measure::new(value, detail))
    });
    let meta = Meta {
        key: "decision_latency",
        name: "Decision latency",
        unit: Unit::WorkingDays,
        target: targets.decision_latency_days,
        better: Better::Lower,
    };
    let nothing = "no decision with its raised and decided dates yet";
    build(meta, packs, measures, "Median latency", nothing)
}

/// The median; `None` of nothing.
pub fn median(mut values: Vec<i64>) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2] as f64),
        _ => Some((values[n / 2 - 1] + values[n / 2]) as f64 / 2.0),
    }
}

// ---------------------------------------------------------------------------------------
// Dependencies

/// **Dependency aging** (working days, lower is better): the mean working days open, from
/// opened to each pack's status date, of the cross-team dependencies open then (not yet
/// delivered: a missed one still awaited counts) that have an opened date.
pub fn dependency_aging(program: &Program, packs: &[&Pack], targets: &Targets) -> Kpi {
    let measures = measure_each(packs, |date, facts| {
        let ages: Vec<i64> = facts
            .dependencies
            .iter()
            .filter(|d| d.open)
            .filter_map(|d| Some(working_days(program, d.opened?, date)))
            .collect();
        let value = mean(&ages)?;
        let oldest = ages.iter().max().copied().unwrap_or(0);
        let detail = format!(
            "{} open, the oldest {}",
            ages.len(),
            figure(Unit::WorkingDays, oldest as f64)
        );
        Some(Measure::new(value, detail))
    });
    let meta = Meta {
        key: "dependency_aging",
        name: "Dependency aging",
        unit: Unit::WorkingDays,
        target: targets.dependency_aging_days,
        better: Better::Lower,
    };
    let nothing = "no open dependency with an opened date";
    build(meta, packs, measures, "Mean age of open", nothing)
}

/// The mean; `None` of nothing.
pub fn mean(values: &[i64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<i64>() as f64 / values.len() as f64)
}

/// **Critical dependency closure** (%, higher is better): of the critical dependencies (the
/// task that needs one was critical in that pack: `high`) whose need-by date had passed by
/// each pack's status date, the share delivered on or before it. One due on the status
/// date itself is left for the next pack (it may still arrive that day); one recorded
/// delivered without a delivery date cannot be judged and is left out.
pub fn critical_dependency_closure(packs: &[&Pack], targets: &Targets) -> Kpi {
    let measures = measure_each(packs, |date, facts| {
        let due: Vec<&ItemFact> = facts
            .dependencies
            .iter()
            .filter(|d| d.high && d.due.is_some_and(|due| due < date))
            .filter(|d| d.closed.is_some() || d.state != "delivered")
            .collect();
        let on_time = due
            .iter()
            .filter(|d| matches!((d.closed, d.due), (Some(c), Some(due)) if c <= due))
            .count();
        let value = percent(on_time, due.len())?;
        let detail = format!("{on_time} of {} due delivered by their need-by", due.len());
        Some(Measure::new(value, detail))
    });
    let meta = Meta {
        key: "critical_dependency_closure",
        name: "Critical dependency closure",
        unit: Unit::Percent,
        target: targets.critical_closure_percent,
        better: Better::Higher,
    };
    let nothing = "no critical dependency was due yet";
    build(meta, packs, measures, "Delivered on time", nothing)
}

// ---------------------------------------------------------------------------------------
// Risks

/// **Risk burndown** (count, lower is better): the open high risks (score 15 or more) of
/// each pack by age in calendar days from raised to the status date, in three bands
/// (`series`, stacked): under `high_risk_age_days` (30), from it to `high_risk_old_days`
/// (45) included, and older. `points` counts those `high_risk_age_days` old or older.
/// Calendar days, because the blueprints' "30–45 days" is a month to six weeks; risks
/// without a raised date have no age and are left out of the bands (the reading counts
/// them). A pack that kept no risk has nothing to measure.
pub fn risk_burndown(packs: &[&Pack], targets: &Targets) -> Kpi {
    let bands: Vec<Option<[usize; 3]>> = packs
        .iter()
        .map(|p| ages(&p.facts.risks, p.status_date, targets))
        .collect();
    let measures = packs
        .iter()
        .zip(&bands)
        .map(|(p, b)| b.map(|b| burndown_measure(&p.facts.risks, b, targets)))
        .collect();
    let meta = Meta {
        key: "risk_burndown",
        name: "Risk burndown",
        unit: Unit::Count,
        target: targets.high_risks_aged,
        better: Better::Lower,
    };
    let counted = format!(
        "High risks open {} days or more",
        targets.high_risk_age_days
    );
    let mut kpi = build(meta, packs, measures, &counted, "the packs kept no risk");
    kpi.series = band_series(packs, &bands, targets);
    kpi.stacked = true;
    kpi
}

/// The open high risks by age band, of a pack with risks.
fn ages(risks: &[ItemFact], date: NaiveDate, targets: &Targets) -> Option<[usize; 3]> {
    if risks.is_empty() {
        return None;
    }
    let mut bands = [0; 3];
    for risk in risks.iter().filter(|r| r.open && r.high) {
        let Some(raised) = risk.opened else { continue };
        let age = (date - raised).num_days();
        let band = match age {
            a if a < targets.high_risk_age_days => 0,
            a if a <= targets.high_risk_old_days => 1,
            _ => 2,
        };
        bands[band] += 1;
    }
    Some(bands)
}

fn burndown_measure(risks: &[ItemFact], bands: [usize; 3], targets: &Targets) -> Measure {
    let undated = risks
        .iter()
        .filter(|r| r.open && r.high && r.opened.is_none())
        .count();
    let (young, old) = (targets.high_risk_age_days, targets.high_risk_old_days);
    let mut detail = format!(
        "{} open high risks: {} under {young} days, {} of {young}–{old} days, {} older",
        bands.iter().sum::<usize>() + undated,
        bands[0],
        bands[1],
        bands[2]
    );
    if undated > 0 {
        detail.push_str(&format!(", {undated} without a raised date"));
    }
    Measure::new((bands[1] + bands[2]) as f64, detail)
}

fn band_series(packs: &[&Pack], bands: &[Option<[usize; 3]>], targets: &Targets) -> Vec<Series> {
    let (young, old) = (targets.high_risk_age_days, targets.high_risk_old_days);
    let names = [
        ("under", format!("Under {young} days")),
        ("middle", format!("{young}–{old} days")),
        ("older", format!("Over {old} days")),
    ];
    names
        .into_iter()
        .enumerate()
        .map(|(i, (id, name))| Series {
            id: id.into(),
            name,
            points: packs
                .iter()
                .zip(bands)
                .map(|(p, b)| Point {
                    date: p.status_date,
                    value: b.map(|b| b[i] as f64),
                })
                .collect(),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Issues

/// **Issue resolution** (%, higher is better): of the issues each pack saw resolved on or
/// before its status date (opened and resolved dates known), the share resolved within
/// `issue_resolution_days` working days; the reading gives their mean resolution time.
pub fn issue_resolution(program: &Program, packs: &[&Pack], targets: &Targets) -> Kpi {
    let limit = targets.issue_resolution_days;
    let measures = measure_each(packs, |date, facts| {
        let times: Vec<i64> = facts
            .issues
            .iter()
            .filter_map(|i| {
                let (opened, resolved) = (i.opened?, i.closed?);
                (resolved <= date).then(|| working_days(program, opened, resolved))
            })
            .collect();
        let within = times.iter().filter(|&&t| t <= limit).count();
        let value = percent(within, times.len())?;
        let detail = format!(
            "{within} of {} resolved within {limit} working days, in {} on average",
            times.len(),
            figure(Unit::WorkingDays, mean(&times).unwrap_or(0.0))
        );
        Some(Measure::new(value, detail))
    });
    let meta = Meta {
        key: "issue_resolution",
        name: "Issue resolution",
        unit: Unit::Percent,
        target: targets.issue_resolution_percent,
        better: Better::Higher,
    };
    let nothing = "no issue resolved with its opened and resolved dates yet";
    build(meta, packs, measures, "Resolved in time", nothing)
}

#[cfg(test)]
#[path = "logs_tests.rs"]
mod tests;
