//! Charts of known KPIs, their places worked by hand; the range's rules as properties.

use super::*;
use chrono::NaiveDate;
use engine::status::kpi::{Better, Series};
use proptest::prelude::*;

fn date(i: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 3, 5).unwrap() + chrono::Days::new(7 * i as u64)
}

fn points(values: &[Option<f64>]) -> Vec<Point> {
    values
        .iter()
        .enumerate()
        .map(|(i, &value)| Point {
            date: date(i),
            value,
        })
        .collect()
}

/// A KPI of `values`, its target and unit, without series.
fn kpi(values: &[Option<f64>], target: f64, unit: Unit) -> Kpi {
    Kpi {
        key: "test",
        name: "Test",
        unit,
        points: points(values),
        points_name: "Headline".into(),
        series: Vec::new(),
        stacked: false,
        target,
        better: Better::Higher,
        latest: values.iter().rev().find_map(|v| *v),
        met: None,
        reading: "Test reading".into(),
    }
}

fn places(line: &Line) -> Vec<Vec<(f64, f64)>> {
    let round = |v: f64| (v * 1e6).round() / 1e6;
    line.runs
        .iter()
        .map(|run| run.iter().map(|d| (round(d.x), round(d.y))).collect())
        .collect()
}

#[test]
fn an_on_time_rate_over_three_packs() {
    // Three packs: slots at x = 1/6, 3/6, 5/6. A percentage: 0–100 by 20.
    // 100 % at y 1; 66.67 % at 0.666667; the first pack has no value, so one run of two.
    let chart = chart(&kpi(
        &[None, Some(100.0), Some(200.0 / 3.0)],
        80.0,
        Unit::Percent,
    ));
    assert_eq!((chart.y_min, chart.y_max), (0.0, 100.0));
    let ticks: Vec<&str> = chart.y_ticks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(ticks, ["0 %", "20 %", "40 %", "60 %", "80 %", "100 %"]);
    assert_eq!(chart.lines.len(), 1);
    assert_eq!(
        places(&chart.lines[0]),
        [vec![(0.5, 1.0), (0.833333, 0.666667)]]
    );
    assert_eq!(chart.lines[0].runs[0][1].text, "2027-03-19: 67 %");
    // The target 80 % at 80 / 100.
    assert!((chart.target_y - 0.8).abs() < 1e-9);
    assert_eq!(chart.target_label, "target 80 %");
    let labels: Vec<(f64, &str)> = chart
        .x_labels
        .iter()
        .map(|l| ((l.at * 6.0).round(), l.text.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            (1.0, "2027-03-05"),
            (3.0, "2027-03-12"),
            (5.0, "2027-03-19")
        ]
    );
}

#[test]
fn a_variance_below_zero_widens_the_range_and_a_gap_breaks_the_line() {
    let mut variance = kpi(&[Some(2.0), Some(0.0)], 0.0, Unit::WorkingDays);
    variance.series = vec![Series {
        id: "b".into(),
        name: "B".into(),
        points: points(&[Some(-1.0), None]),
    }];
    // Values −1 … 2 and the target 0: span 3, a fifth 0.6, step 1: −1 to 2.
    // y = (v + 1) / 3: 2 → 1, 0 → 1/3, −1 → 0. Two packs: x = 1/4, 3/4.
    let chart = chart(&variance);
    assert_eq!((chart.y_min, chart.y_max), (-1.0, 2.0));
    assert_eq!(
        places(&chart.lines[0]),
        [vec![(0.25, 1.0), (0.75, 0.333333)]]
    );
    assert_eq!(places(&chart.lines[1]), [vec![(0.25, 0.0)]]);
    assert!((chart.target_y - 1.0 / 3.0).abs() < 1e-9);
    let ticks: Vec<&str> = chart.y_ticks.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(ticks, ["-1", "0", "1", "2"]);
}

#[test]
fn the_risk_burndown_is_stacked_bars() {
    let mut burndown = kpi(&[None, Some(3.0)], 0.0, Unit::Count);
    burndown.stacked = true;
    burndown.series = [("under", 1.0), ("middle", 2.0), ("older", 1.0)]
        .into_iter()
        .map(|(id, v)| Series {
            id: id.into(),
            name: id.into(),
            points: points(&[None, Some(v)]),
        })
        .collect();
    // The total 4 and the target 0: 0–4 by 1. One bar, the second pack's, at x = 3/4,
    // 0.6 / 2 = 0.3 wide: 0–1 → 0–0.25, 1–3 → 0.25–0.75, 3–4 → 0.75–1.
    let chart = chart(&burndown);
    assert!(chart.lines.is_empty());
    assert_eq!((chart.y_min, chart.y_max), (0.0, 4.0));
    assert_eq!(chart.bars.len(), 1);
    let bar = &chart.bars[0];
    assert_eq!((bar.x, bar.width), (0.75, 0.3));
    let parts: Vec<(&str, f64, f64)> = bar
        .parts
        .iter()
        .map(|p| (p.series.as_str(), p.y0, p.y1))
        .collect();
    assert_eq!(
        parts,
        [
            ("under", 0.0, 0.25),
            ("middle", 0.25, 0.75),
            ("older", 0.75, 1.0)
        ]
    );
    assert_eq!(chart.target_y, 0.0);
}

#[test]
fn one_point_sits_in_the_middle() {
    let chart = chart(&kpi(&[Some(4.0)], 5.0, Unit::WorkingDays));
    // 0 … 5: a fifth is 1: 0–5 by 1. 4 at 0.8, the target 5 at the top.
    assert_eq!((chart.y_min, chart.y_max), (0.0, 5.0));
    assert_eq!(places(&chart.lines[0]), [vec![(0.5, 0.8)]]);
    assert_eq!(chart.target_y, 1.0);
}

#[test]
fn no_point_draws_no_line_and_keeps_the_target_inside() {
    let nothing = chart(&kpi(&[None, None], 0.0, Unit::WorkingDays));
    // Nothing but 0 and the target 0: a range of nothing becomes 0–1.
    assert_eq!((nothing.y_min, nothing.y_max), (0.0, 1.0));
    assert!(nothing.lines[0].runs.is_empty());
    assert_eq!(nothing.target_y, 0.0);
    // No pack at all: no label, no run, the target inside 0–100.
    let empty = chart(&kpi(&[], 85.0, Unit::Percent));
    assert!(empty.x_labels.is_empty() && empty.lines[0].runs.is_empty());
    assert!((empty.target_y - 0.85).abs() < 1e-9);
}

#[test]
fn the_dashboard_charts_every_kpi_in_order() {
    let charts = dashboard(&Program::default(), &[], &Targets::default());
    let keys: Vec<&str> = charts.iter().map(|c| c.key).collect();
    assert_eq!(keys.len(), 11);
    assert_eq!(
        (keys[0], keys[7], keys[10]),
        ("on_time_rate", "risk_burndown", "forecast_accuracy")
    );
}

#[test]
fn nice_bounds_are_round() {
    assert_eq!(nice_bounds(0.0, 100.0), (0.0, 100.0, 20.0));
    assert_eq!(nice_bounds(0.0, 3.4), (0.0, 4.0, 1.0));
    assert_eq!(nice_bounds(0.0, 130.0), (0.0, 150.0, 50.0));
    assert_eq!(nice_bounds(-12.0, 7.0), (-15.0, 10.0, 5.0));
}

proptest! {
    /// Every place is inside the chart, the target too, and the ticks run from bound to
    /// bound.
    #[test]
    fn everything_drawn_is_inside(
        values in prop::collection::vec(prop::option::of(-300.0f64..300.0), 0..8),
        target in -100.0f64..200.0,
        percent in any::<bool>(),
    ) {
        let unit = if percent { Unit::Percent } else { Unit::WorkingDays };
        let chart = chart(&kpi(&values, target, unit));
        let inside = |v: f64| (0.0..=1.0).contains(&v);
        prop_assert!(inside(chart.target_y));
        prop_assert!(chart.y_min < chart.y_max);
        prop_assert!(chart.y_min <= target.min(0.0) && chart.y_max >= target);
        for dot in chart.lines.iter().flat_map(|l| l.runs.iter().flatten()) {
            prop_assert!(inside(dot.x) && inside(dot.y));
        }
        let ends = (chart.y_ticks.first().map(|t| t.at), chart.y_ticks.last().map(|t| t.at));
        prop_assert_eq!(ends, (Some(0.0), Some(1.0)));
        let drawn = chart.lines[0].runs.iter().map(Vec::len).sum::<usize>();
        prop_assert_eq!(drawn, values.iter().flatten().count());
    }
}
