//! `TornadoChart`: the tasks and risks that drive a finish date most, as horizontal SVG bars
//! of their rank correlation with it (−1 to 1), strongest first.

use leptos::prelude::*;

/// One bar of the tornado.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoBar {
    pub label: String,
    /// "task" or "risk".
    pub kind: String,
    /// Spearman's rank correlation with the finish, −1 to 1.
    pub value: f64,
}

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 290.0;
const ROW: f64 = 24.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 40.0;

/// The sensitivity (tornado) chart.
#[component]
pub fn TornadoChart(
    /// The chart's accessible name.
    #[prop(into)]
    title: String,
    bars: Vec<TornadoBar>,
) -> impl IntoView {
    if bars.is_empty() {
        return view! {
            <p class="section-hint" data-empty="tornado">
                "Nothing drives this date: no task before it has an estimate and no risk touches it."
            </p>
        }
        .into_any();
    }
    let height = TOP + ROW * bars.len() as f64 + BOTTOM;
    let plot = WIDTH - LABEL_WIDTH - 20.0;
    let centre = LABEL_WIDTH + plot / 2.0;
    let x = move |v: f64| centre + v.clamp(-1.0, 1.0) * plot / 2.0;
    let base = TOP + ROW * bars.len() as f64;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = TOP + ROW * i as f64;
            let (from, to) = if bar.value < 0.0 { (x(bar.value), centre) } else { (centre, x(bar.value)) };
            let class = format!("chart-bar tornado-bar tornado-{}", bar.kind);
            let tip = format!("{} ({}): {:+.2}", bar.label, bar.kind, bar.value);
            let value_x = if bar.value < 0.0 { from - 4.0 } else { to + 4.0 };
            let value_anchor = if bar.value < 0.0 { "end" } else { "start" };
            let suffix = if bar.kind == "risk" { " (risk)" } else { "" };
            let label = format!("{}{suffix}", shorten(&bar.label, 40 - suffix.len()));
            view! {
                <g class="tornado-row" data-driver=bar.label.clone()>
                    <text class="chart-tick tornado-label" x=LABEL_WIDTH - 8.0 y=y + 16.0 text-anchor="end">
                        {label}
                    </text>
                    <rect class=class x=from y=y + 4.0 width=(to - from).max(1.0) height=ROW - 8.0>
                        <title>{tip}</title>
                    </rect>
                    <text class="chart-tick" x=value_x y=y + 16.0 text-anchor=value_anchor>
                        {format!("{:+.2}", bar.value)}
                    </text>
                </g>
            }
        })
        .collect_view();
    let ticks = [-1.0, -0.5, 0.0, 0.5, 1.0]
        .into_iter()
        .map(|v| {
            view! {
                <line class="chart-grid" x1=x(v) x2=x(v) y1=TOP y2=base />
                <text class="chart-tick" x=x(v) y=base + 14.0 text-anchor="middle">{format!("{v:+.1}")}</text>
            }
        })
        .collect_view();
    let label = title.clone();
    view! {
        <svg class="chart tornado-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label>
            <title>{title}</title>
            {ticks}
            {rows}
            <text class="chart-axis-label" x=centre y=height - 6.0 text-anchor="middle">
                "Rank correlation with the finish date"
            </text>
        </svg>
    }
    .into_any()
}

/// At most `most` characters, with an ellipsis when cut.
fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(most - 1).collect();
    cut.push('…');
    cut
}
