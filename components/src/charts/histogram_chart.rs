//! `HistogramChart`: how many iterations finished in each span of days (SVG bars), with the
//! deterministic date and the deadline marked.

use leptos::prelude::*;

use crate::charts::chart_scale::{
    DayBin, DayMarker, Frame, date_axis, marker_band, markers_view, y_axis_label,
};

/// A histogram of finish dates.
#[component]
pub fn HistogramChart(
    /// The chart's accessible name, e.g. "Finish dates of Launch".
    #[prop(into)]
    title: String,
    bins: Vec<DayBin>,
    markers: Vec<DayMarker>,
) -> impl IntoView {
    let frame = Frame::over(&bins, &markers, marker_band(&markers));
    let most = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let bars = bins
        .iter()
        .map(|b| {
            let x = frame.x(f64::from(b.from));
            let w = (frame.x(f64::from(b.to + 1)) - x - 1.0).max(1.0);
            let y = frame.y(f64::from(b.count) / f64::from(most));
            let tip = format!(
                "{}: {}",
                b.label,
                engine::words::count(b.count as usize, "iteration", "iterations")
            );
            view! {
                <rect class="chart-bar" x=x y=y width=w height=frame.bottom_y() - y>
                    <title>{tip}</title>
                </rect>
            }
        })
        .collect_view();
    let y_ticks = [0.0, 0.5, 1.0]
        .into_iter()
        .map(|share| {
            let y = frame.y(share);
            let label = (share * f64::from(most)).round().to_string();
            view! {
                <line class="chart-grid" x1=frame.left x2=frame.width - frame.right y1=y y2=y />
                <text class="chart-tick" x=frame.left - 6.0 y=y + 4.0 text-anchor="end">{label}</text>
            }
        })
        .collect_view();
    let axes = date_axis(&frame, &bins);
    let label = title.clone();
    view! {
        <svg class="chart histogram-chart" viewBox=frame.view_box() role="img" aria-label=label>
            <title>{title}</title>
            {y_ticks}
            {bars}
            {axes}
            {y_axis_label(&frame, "Iterations")}
            {markers_view(&frame, &markers)}
        </svg>
    }
}
