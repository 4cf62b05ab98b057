//! The KPI dashboard as charts: each [`Kpi`] as plain data the app's SVG draws — title,
//! reading, the packs' dates on the x axis, a y range with round bounds that holds the
//! target, the values as polylines (stacked bars for the risk burndown), the target line.
//!
//! **Chart units.** Every position is in 0–1 on both axes: x from the left edge (0) to the
//! right (1), y from the bottom (`y_min`, 0) to the top (`y_max`, 1). The app scales them to
//! its box, flipping y for SVG (`top + height × (1 − y)`). Pack `i` of `n` sits at the middle
//! of its slot, x = (i + ½) / n, so one pack is in the middle and bars never cross an edge;
//! packs are evenly spaced whatever their dates (a dashboard of weekly packs).

use engine::Program;
use engine::status::Pack;
use engine::status::kpi::{self, Kpi, Point, Targets, Unit};

/// A KPI's chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// The KPI's stable slug (`on_time_rate`), for an element id.
    pub key: &'static str,
    pub title: &'static str,
    /// The one-line reading under the title.
    pub reading: String,
    /// Whether the latest value meets the target (`None`: nothing measured yet).
    pub met: Option<bool>,
    /// Each pack's status date, at its x.
    pub x_labels: Vec<Label>,
    /// The y range in the KPI's unit: round bounds holding every value, the target and 0.
    pub y_min: f64,
    pub y_max: f64,
    /// Round values from `y_min` to `y_max`, at their y.
    pub y_ticks: Vec<Label>,
    /// The headline first, then each series (none for a stacked KPI). A line is broken
    /// where a pack has no value: each run is one polyline (a run of one point is a dot).
    pub lines: Vec<Line>,
    /// A stacked KPI's bars, one per pack with a value.
    pub bars: Vec<Bar>,
    /// The target line's y, and its text (`target 80 %`).
    pub target_y: f64,
    pub target_label: String,
}

/// A text at a position along one axis (chart units).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub at: f64,
    pub text: String,
}

/// One line of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub id: String,
    pub name: String,
    pub runs: Vec<Vec<Dot>>,
}

/// A value at its place, with its text for a tooltip (`2027-03-05: 67 %`).
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// One pack's stacked bar: centred on `x`, `width` wide.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x: f64,
    pub width: f64,
    /// Bottom to top, in the series' order; parts of no height are left out.
    pub parts: Vec<Part>,
}

/// A part of a stacked bar: a series' value from `y0` up to `y1`.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// The series' id (`under`, `middle`, `older`), for its colour.
    pub series: String,
    pub y0: f64,
    pub y1: f64,
    pub text: String,
}

/// The share of a slot a bar takes.
const BAR_SHARE: f64 = 0.6;

/// Every KPI's chart, in the dashboard's order.
pub fn dashboard(program: &Program, packs: &[&Pack], targets: &Targets) -> Vec<Chart> {
    kpi::all(program, packs, targets)
        .iter()
        .map(chart)
        .collect()
}

/// A KPI's chart.
pub fn chart(kpi: &Kpi) -> Chart {
    let n = kpi.points.len();
    let (y_min, y_max, step) = y_range(kpi);
    let scale = Scale { n, y_min, y_max };
    let (lines, bars) = if kpi.stacked {
        (Vec::new(), stacked_bars(kpi, &scale))
    } else {
        (lines(kpi, &scale), Vec::new())
    };
    Chart {
        key: kpi.key,
        title: kpi.name,
        reading: kpi.reading.clone(),
        met: kpi.met,
        x_labels: kpi
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| Label {
                at: scale.x(i),
                text: p.date.to_string(),
            })
            .collect(),
        y_min,
        y_max,
        y_ticks: ticks(kpi.unit, &scale, step),
        lines,
        bars,
        target_y: scale.y(kpi.target),
        target_label: format!("target {}", kpi::figure(kpi.unit, kpi.target)),
    }
}

/// Places in chart units.
struct Scale {
    n: usize,
    y_min: f64,
    y_max: f64,
}

impl Scale {
    fn x(&self, i: usize) -> f64 {
        (i as f64 + 0.5) / self.n.max(1) as f64
    }

    fn y(&self, value: f64) -> f64 {
        ((value - self.y_min) / (self.y_max - self.y_min)).clamp(0.0, 1.0)
    }
}

// ---------------------------------------------------------------------------------------
// The y range

/// Round bounds holding 0, the target and every value drawn (a stacked KPI's totals), and
/// the step between ticks. A percentage runs 0–100 unless a value goes beyond.
fn y_range(kpi: &Kpi) -> (f64, f64, f64) {
    let mut values = drawn(kpi);
    values.extend([0.0, kpi.target]);
    if kpi.unit == Unit::Percent {
        values.push(100.0);
    }
    let finite = values.into_iter().filter(|v| v.is_finite());
    let (lo, hi) = finite.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    nice_bounds(lo, hi)
}

/// The values a chart draws: its lines' values, or a stacked KPI's totals per pack.
fn drawn(kpi: &Kpi) -> Vec<f64> {
    if kpi.stacked {
        return (0..kpi.points.len())
            .map(|i| {
                kpi.series
                    .iter()
                    .filter_map(|s| value_at(&s.points, i))
                    .sum()
            })
            .collect();
    }
    let series = kpi.series.iter().flat_map(|s| &s.points);
    kpi.points
        .iter()
        .chain(series)
        .filter_map(|p| p.value)
        .collect()
}

/// `lo` down and `hi` up to a multiple of a round step (1, 2 or 5 × 10ⁿ, at least 1) that
/// cuts the range in about five; a range of nothing becomes 0–1.
///
/// ```text
/// 0–100 → step 20; −1–2 → step 1; 0–3.4 → 0–4 by 1; 0–130 → 0–150 by 50.
/// ```
pub fn nice_bounds(lo: f64, hi: f64) -> (f64, f64, f64) {
    let hi = if hi > lo { hi } else { lo + 1.0 };
    let step = nice_step((hi - lo) / 5.0);
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

fn nice_step(raw: f64) -> f64 {
    if raw <= 1.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&step| step >= raw)
        .unwrap_or(10.0 * magnitude)
}

fn ticks(unit: Unit, scale: &Scale, step: f64) -> Vec<Label> {
    let count = ((scale.y_max - scale.y_min) / step).round() as usize;
    (0..=count)
        .map(|k| {
            let value = scale.y_min + k as f64 * step;
            let text = match unit {
                Unit::Percent => format!("{} %", number(value)),
                _ => number(value),
            };
            Label {
                at: scale.y(value),
                text,
            }
        })
        .collect()
}

/// A tick's value without a needless `.0`.
fn number(value: f64) -> String {
    let text = format!("{:.1}", value + 0.0);
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

// ---------------------------------------------------------------------------------------
// Lines and bars

fn lines(kpi: &Kpi, scale: &Scale) -> Vec<Line> {
    let headline = Line {
        id: kpi.key.into(),
        name: kpi.points_name.clone(),
        runs: runs(&kpi.points, kpi.unit, scale),
    };
    let series = kpi.series.iter().map(|s| Line {
        id: s.id.clone(),
        name: s.name.clone(),
        runs: runs(&s.points, kpi.unit, scale),
    });
    std::iter::once(headline).chain(series).collect()
}

/// The points as polylines, broken where a pack has no value.
fn runs(points: &[Point], unit: Unit, scale: &Scale) -> Vec<Vec<Dot>> {
    let mut runs: Vec<Vec<Dot>> = Vec::new();
    let mut current: Vec<Dot> = Vec::new();
    for (i, point) in points.iter().enumerate() {
        match point.value {
            Some(value) => current.push(Dot {
                x: scale.x(i),
                y: scale.y(value),
                text: format!("{}: {}", point.date, kpi::figure(unit, value)),
            }),
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    runs
}

fn stacked_bars(kpi: &Kpi, scale: &Scale) -> Vec<Bar> {
    let width = BAR_SHARE / scale.n.max(1) as f64;
    (0..kpi.points.len())
        .filter(|&i| kpi.series.iter().any(|s| value_at(&s.points, i).is_some()))
        .map(|i| {
            let mut base = 0.0;
            let parts = kpi
                .series
                .iter()
                .filter_map(|s| {
                    let value = value_at(&s.points, i).filter(|v| *v > 0.0)?;
                    let part = Part {
                        series: s.id.clone(),
                        y0: scale.y(base),
                        y1: scale.y(base + value),
                        text: format!("{}: {}", s.name, kpi::figure(kpi.unit, value)),
                    };
                    base += value;
                    Some(part)
                })
                .collect();
            Bar {
                x: scale.x(i),
                width,
                parts,
            }
        })
        .collect()
}

fn value_at(points: &[Point], i: usize) -> Option<f64> {
    points.get(i).and_then(|p| p.value)
}

#[cfg(test)]
#[path = "dashboard_tests.rs"]
mod tests;
