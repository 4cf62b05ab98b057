//! `SCurveChart`: the cumulative probability of finishing by each date (an SVG step line
//! over the histogram's bins), with 50% and 80% lines and the deterministic date and the
//! deadline marked.

use leptos::prelude::*;

use crate::charts::chart_scale::{
    DayBin, DayMarker, Frame, date_axis, marker_band, markers_view, y_axis_label,
};

/// The cumulative S-curve of finish dates.
#[component]
pub fn SCurveChart(
    /// The chart's accessible name.
    #[prop(into)]
    title: String,
    bins: Vec<DayBin>,
    markers: Vec<DayMarker>,
) -> impl IntoView {
    let frame = Frame::over(&bins, &markers, marker_band(&markers));
    let total = f64::from(bins.iter().map(|b| b.count).sum::<u32>().max(1));
    let points = curve(&frame, &bins, total);
    let grid = [0.0, 0.5, 0.8, 1.0]
        .into_iter()
        .map(|share| {
            let y = frame.y(share);
            let class = if share == 0.5 || share == 0.8 {
                "chart-grid chart-grid-strong"
            } else {
                "chart-grid"
            };
            view! {
                <line class=class x1=frame.left x2=frame.width - frame.right y1=y y2=y />
                <text class="chart-tick" x=frame.left - 6.0 y=y + 4.0 text-anchor="end">
                    {format!("{:.0}%", share * 100.0)}
                </text>
            }
        })
        .collect_view();
    let axis = date_axis(&frame, &bins);
    let label = title.clone();
    view! {
        <svg class="chart s-curve-chart" viewBox=frame.view_box() role="img" aria-label=label>
            <title>{title}</title>
            {grid}
            <polyline class="chart-curve" points=points />
            {axis}
            {y_axis_label(&frame, "Chance of finishing by")}
            {markers_view(&frame, &markers)}
        </svg>
    }
}

/// The step line's points: the share finished by the end of each bin.
fn curve(frame: &Frame, bins: &[DayBin], total: f64) -> String {
    let Some(first) = bins.first() else {
        return String::new();
    };
    // Flat at 0% before the first bin and at 100% after the last, across the whole axis.
    let mut points = vec![
        format!("{:.1},{:.1}", frame.x(frame.lo), frame.y(0.0)),
        format!("{:.1},{:.1}", frame.x(f64::from(first.from)), frame.y(0.0)),
    ];
    let mut done = 0u32;
    for bin in bins {
        done += bin.count;
        let x = frame.x(f64::from(bin.to + 1));
        points.push(format!("{x:.1},{:.1}", frame.y(f64::from(done) / total)));
    }
    points.push(format!("{:.1},{:.1}", frame.x(frame.hi), frame.y(1.0)));
    points.join(" ")
}
