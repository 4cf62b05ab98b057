//! The geometry the forecast charts share: the bins and markers they draw on a day axis,
//! the SVG frame that maps days and values to coordinates, and the parts drawn on every
//! chart (date axis, markers). Not a component.

use leptos::prelude::*;

/// Iterations finishing between two days (inclusive), as day numbers (days since some
/// fixed day, e.g. `NaiveDate::num_days_from_ce`), and the first day as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct DayBin {
    pub from: i32,
    pub to: i32,
    pub count: u32,
    pub label: String,
}

/// A day marked on a chart: the deterministic date, the deadline.
#[derive(Clone, Debug, PartialEq)]
pub struct DayMarker {
    pub at: i32,
    /// What the marker says, e.g. "Deadline 2026-06-30".
    pub label: String,
    /// The CSS class suffix: `chart-marker-<kind>`.
    pub kind: String,
}

/// The day axis spans at least this many days.
const MIN_SPAN_DAYS: i32 = 14;

/// A chart's drawing area in SVG user units.
pub(crate) struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// The day axis: first day and the day after the last.
    pub lo: f64,
    pub hi: f64,
}

impl Frame {
    /// A frame whose day axis spans the bins and the markers.
    pub fn over(bins: &[DayBin], markers: &[DayMarker], top: f64) -> Frame {
        let days = bins
            .iter()
            .flat_map(|b| [b.from, b.to + 1])
            .chain(markers.iter().flat_map(|m| [m.at, m.at + 1]));
        let (lo, hi) = days.fold((i32::MAX, i32::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
        let (lo, hi) = if lo > hi { (0, 1) } else { (lo, hi) };
        // A narrow spread (a milestone that cannot move) still gets a readable axis.
        let pad = (MIN_SPAN_DAYS - (hi - lo)).max(0);
        let (lo, hi) = (lo - pad / 2, hi + pad - pad / 2);
        Frame {
            width: 640.0,
            height: 240.0 + top,
            left: 66.0,
            right: 20.0,
            top,
            bottom: 48.0,
            lo: f64::from(lo),
            hi: f64::from(hi),
        }
    }

    pub fn plot_width(&self) -> f64 {
        self.width - self.left - self.right
    }

    pub fn plot_height(&self) -> f64 {
        self.height - self.top - self.bottom
    }

    /// The x of a day's start.
    pub fn x(&self, day: f64) -> f64 {
        self.left + (day - self.lo) / (self.hi - self.lo) * self.plot_width()
    }

    /// The y of a share of the value axis (0 at the bottom, 1 at the top).
    pub fn y(&self, share: f64) -> f64 {
        self.top + (1.0 - share.clamp(0.0, 1.0)) * self.plot_height()
    }

    pub fn bottom_y(&self) -> f64 {
        self.height - self.bottom
    }

    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }
}

/// At most `most` bins spread evenly, for the date ticks.
pub(crate) fn ticks(bins: &[DayBin], most: usize) -> Vec<DayBin> {
    if bins.is_empty() || most == 0 {
        return Vec::new();
    }
    let step = bins.len().div_ceil(most);
    bins.iter().step_by(step.max(1)).cloned().collect()
}

/// Height above the plot needed for the markers' labels (one line each).
pub(crate) fn marker_band(markers: &[DayMarker]) -> f64 {
    8.0 + 16.0 * markers.len() as f64
}

/// The date axis under a chart: the base line, date ticks and the axis label.
pub(crate) fn date_axis(frame: &Frame, bins: &[DayBin]) -> impl IntoView + use<> {
    let base = frame.bottom_y();
    let ticks = ticks(bins, 5)
        .into_iter()
        .map(|b| {
            let x = frame.x(f64::from(b.from));
            view! {
                <line class="chart-axis" x1=x x2=x y1=base y2=base + 4.0 />
                <text class="chart-tick" x=x y=base + 16.0 text-anchor="middle">{b.label}</text>
            }
        })
        .collect_view();
    view! {
        <line class="chart-axis" x1=frame.left x2=frame.width - frame.right y1=base y2=base />
        {ticks}
        <text class="chart-axis-label" x=frame.left + frame.plot_width() / 2.0 y=frame.height - 6.0 text-anchor="middle">
            "Finish date"
        </text>
    }
}

/// The y axis's title, turned to read upwards beside the plot.
pub(crate) fn y_axis_label(frame: &Frame, text: &'static str) -> impl IntoView + use<> {
    let y = frame.top + frame.plot_height() / 2.0;
    view! {
        <text
            class="chart-axis-label"
            x=14.0
            y=y
            text-anchor="middle"
            transform=format!("rotate(-90 14 {y})")
        >
            {text}
        </text>
    }
}

/// The markers: a dashed vertical line each, labelled above the plot (one line each, so
/// close dates do not overlap).
pub(crate) fn markers_view(frame: &Frame, markers: &[DayMarker]) -> impl IntoView + use<> {
    let base = frame.bottom_y();
    markers
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = frame.x(f64::from(m.at));
            let label_y = 16.0 + 16.0 * i as f64;
            let anchor = if x > frame.width * 0.6 {
                "end"
            } else {
                "start"
            };
            let class = format!("chart-marker chart-marker-{}", m.kind);
            view! {
                <g class=class>
                    <line x1=x x2=x y1=label_y + 3.0 y2=base />
                    <text x=x y=label_y text-anchor=anchor>{m.label.clone()}</text>
                </g>
            }
        })
        .collect_view()
}
