//! The schedule's KPIs over the packs: milestones finished on time, the forecast's variance
//! to the commitments, and how accurate past forecasts turned out.
//!
//! Milestone dates are the packs' [`MilestoneFact`]s: `finish` is the forecast finish (the
//! actual once done), `committed` the deadline else the baseline finish, `actual` set once
//! done. Day counts are working days of the program's calendar as it is now (a pack keeps
//! no calendar).

use super::{Better, Kpi, Measure, Meta, Point, Series, Targets, Unit};
use super::{build, measure_each, percent, signed_days};
use crate::logs::figures::working_days;
use crate::model::Program;
use crate::status::model::{Facts, MilestoneFact, Pack};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

// ---------------------------------------------------------------------------------------
// On-time rate

/// **Milestone on-time rate** (%, higher is better): of the milestones done by each pack
/// (an actual finish in its facts) that have a committed date, the share that finished at
/// most `on_time_tolerance_days` working days after it; finishing early is on time.
pub fn on_time_rate(program: &Program, packs: &[&Pack], targets: &Targets) -> Kpi {
    let tolerance = targets.on_time_tolerance_days;
    let measures = measure_each(packs, |_, facts| {
        let done: Vec<(NaiveDate, NaiveDate)> = facts
            .milestones
            .iter()
            .filter_map(|m| Some((m.committed?, m.actual?)))
            .collect();
        let on_time = done
            .iter()
            .filter(|&&(committed, actual)| working_days(program, committed, actual) <= tolerance)
            .count();
        let value = percent(on_time, done.len())?;
        let detail = format!(
            "{on_time} of {} milestones within {tolerance} working days",
            done.len()
        );
        Some(Measure::new(value, detail))
    });
    let meta = Meta {
        key: "on_time_rate",
        name: "On-time rate",
        unit: Unit::Percent,
        target: targets.on_time_percent,
        better: Better::Higher,
    };
    build(
        meta,
        packs,
        measures,
        "Milestones on time",
        "no milestone with a committed date is done yet",
    )
}

// ---------------------------------------------------------------------------------------
// Schedule variance

/// **Schedule variance** (working days, lower is better): forecast finish − committed date
/// in working days (negative: early), per milestone with a committed date (`series`, in the
/// order they first appear, named as last seen), and for the program: its forecast finish
/// against `finish_by` (`points`). Without a `finish_by` in any pack, `points` is each
/// pack's worst open milestone (the largest variance of those not done).
pub fn schedule_variance(program: &Program, packs: &[&Pack], targets: &Targets) -> Kpi {
    let program_known = packs
        .iter()
        .any(|p| p.facts.finish.is_some() && p.facts.finish_by.is_some());
    let measures = measure_each(packs, |_, facts| {
        if program_known {
            program_variance(program, facts)
        } else {
            worst_open(program, facts)
        }
    });
    let meta = Meta {
        key: "schedule_variance",
        name: "Schedule variance",
        unit: Unit::WorkingDays,
        target: targets.schedule_variance_days,
        better: Better::Lower,
    };
    let (points_name, nothing) = if program_known {
        ("Program finish", "")
    } else {
        (
            "Worst open milestone",
            "no open milestone has a committed date, and the program no finish_by",
        )
    };
    let mut kpi = build(meta, packs, measures, points_name, nothing);
    kpi.series = milestone_series(program, packs);
    kpi
}

/// The program's forecast finish against its `finish_by`.
fn program_variance(program: &Program, facts: &Facts) -> Option<Measure> {
    let (finish, by) = (facts.finish?, facts.finish_by?);
    let days = signed_days(program, by, finish);
    let detail = format!(
        "program finish {finish} against finish_by {by}: {}",
        lateness(days)
    );
    Some(Measure::new(days as f64, detail))
}

/// The open milestone furthest behind its committed date.
fn worst_open(program: &Program, facts: &Facts) -> Option<Measure> {
    let (days, m, committed) = facts
        .milestones
        .iter()
        .filter(|m| m.actual.is_none())
        .filter_map(|m| {
            let committed = m.committed?;
            Some((signed_days(program, committed, m.finish), m, committed))
        })
        .max_by_key(|(days, _, _)| *days)?;
    let detail = format!(
        "{} {} forecast {} against {committed}: {}",
        m.id,
        m.name,
        m.finish,
        lateness(days)
    );
    Some(Measure::new(days as f64, detail))
}

/// `3 working days late`, `2 working days early`, `on its date`.
fn lateness(days: i64) -> String {
    match days {
        0 => "on its date".into(),
        d if d > 0 => format!("{d} working days late"),
        d => format!("{} working days early", -d),
    }
}

/// One series per milestone that had a committed date in some pack.
fn milestone_series(program: &Program, packs: &[&Pack]) -> Vec<Series> {
    let mut order: Vec<(&str, &str)> = Vec::new();
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    for m in packs.iter().flat_map(|p| &p.facts.milestones) {
        if m.committed.is_none() {
            continue;
        }
        match index.get(m.id.as_str()) {
            Some(&i) => order[i].1 = &m.name,
            None => {
                index.insert(&m.id, order.len());
                order.push((&m.id, &m.name));
            }
        }
    }
    order
        .into_iter()
        .map(|(id, name)| Series {
            id: id.into(),
            name: name.into(),
            points: packs
                .iter()
                .map(|p| Point {
                    date: p.status_date,
                    value: variance_of(program, &p.facts, id),
                })
                .collect(),
        })
        .collect()
}

fn variance_of(program: &Program, facts: &Facts, id: &str) -> Option<f64> {
    let m = facts.milestones.iter().find(|m| m.id == id)?;
    Some(signed_days(program, m.committed?, m.finish) as f64)
}

// ---------------------------------------------------------------------------------------
// Forecast accuracy

/// **Forecast accuracy** (%, higher is better). At each pack, for each milestone done by
/// then (an actual finish), each earlier pack that forecast it while it was open, within
/// `forecast_horizon_days` working days before the actual finish, is one forecast judged.
/// It is accurate when |forecast finish − actual| ≤ `forecast_tolerance_percent` of the
/// working days from that pack's status date to the actual finish, and at least 1 day.
/// The value is the share accurate. A forecast is the pack's scheduled finish (not its
/// P80: the date the pack reported).
pub fn forecast_accuracy(program: &Program, packs: &[&Pack], targets: &Targets) -> Kpi {
    let open: Vec<FxHashMap<&str, NaiveDate>> = packs.iter().map(|p| open_forecasts(p)).collect();
    let measures = (0..packs.len())
        .map(|k| accuracy_at(program, packs, &open, k, targets))
        .collect();
    let meta = Meta {
        key: "forecast_accuracy",
        name: "Forecast accuracy",
        unit: Unit::Percent,
        target: targets.forecast_accuracy_percent,
        better: Better::Higher,
    };
    let nothing = format!(
        "no milestone done yet that a pack forecast within {} working days of its finish",
        targets.forecast_horizon_days
    );
    build(meta, packs, measures, "Forecasts accurate", &nothing)
}

/// The forecast finish of each milestone a pack saw open.
fn open_forecasts(pack: &Pack) -> FxHashMap<&str, NaiveDate> {
    pack.facts
        .milestones
        .iter()
        .filter(|m| m.actual.is_none())
        .map(|m| (m.id.as_str(), m.finish))
        .collect()
}

/// The forecasts judged by pack `k`: its done milestones against the packs before it.
fn accuracy_at(
    program: &Program,
    packs: &[&Pack],
    open: &[FxHashMap<&str, NaiveDate>],
    k: usize,
    targets: &Targets,
) -> Option<Measure> {
    let done = packs[k]
        .facts
        .milestones
        .iter()
        .filter(|m| m.actual.is_some());
    let judged: Vec<bool> = done
        .flat_map(|m| {
            packs[..k]
                .iter()
                .zip(open)
                .filter_map(move |(pack, forecasts)| {
                    let forecast = *forecasts.get(m.id.as_str())?;
                    judge(program, pack.status_date, forecast, m, targets)
                })
        })
        .collect();
    let accurate = judged.iter().filter(|&&ok| ok).count();
    let value = percent(accurate, judged.len())?;
    let detail = format!(
        "{accurate} of {} forecasts made within {} working days of the finish were within {} %",
        judged.len(),
        targets.forecast_horizon_days,
        super::trim(targets.forecast_tolerance_percent)
    );
    Some(Measure::new(value, detail))
}

/// Whether a forecast made on `made` of milestone `m`'s finish was accurate; `None` when it
/// is not judged (made on or after the finish, or further ahead than the horizon).
fn judge(
    program: &Program,
    made: NaiveDate,
    forecast: NaiveDate,
    m: &MilestoneFact,
    targets: &Targets,
) -> Option<bool> {
    let actual = m.actual?;
    let horizon = working_days(program, made, actual);
    if horizon == 0 || horizon > targets.forecast_horizon_days {
        return None;
    }
    let error = signed_days(program, forecast, actual).abs() as f64;
    let allowed = (horizon as f64 * targets.forecast_tolerance_percent / 100.0).max(1.0);
    Some(error <= allowed)
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
