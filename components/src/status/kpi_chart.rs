//! `KpiChart`: one KPI of the dashboard as an SVG: its series over the packs (lines, or
//! stacked bars), the target as a dashed line, the packs' dates below and round values at
//! the left; the reading above. Chart units (0–1 both ways, y up) are mapped to pixels here.

use document::status::dashboard::{Chart, Dot};
use leptos::prelude::*;

const WIDTH: f64 = 360.0;
const HEIGHT: f64 = 170.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 26.0;

fn x(at: f64) -> f64 {
    LEFT + at * (WIDTH - LEFT - RIGHT)
}

fn y(at: f64) -> f64 {
    HEIGHT - BOTTOM - at * (HEIGHT - TOP - BOTTOM)
}

fn points(run: &[Dot]) -> String {
    run.iter()
        .map(|d| format!("{:.1},{:.1}", x(d.x), y(d.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One KPI's chart and reading.
#[component]
pub fn KpiChart(chart: Chart) -> impl IntoView {
    let state = match chart.met {
        Some(true) => "kpi-met",
        Some(false) => "kpi-missed",
        None => "kpi-none",
    };
    let ticks = chart
        .y_ticks
        .iter()
        .map(|t| {
            view! {
                <line class="chart-grid" x1=LEFT x2=WIDTH - RIGHT y1=y(t.at) y2=y(t.at) />
                <text class="chart-tick" x=LEFT - 6.0 y=y(t.at) + 4.0 text-anchor="end">{t.text.clone()}</text>
            }
        })
        .collect_view();
    let dates = chart
        .x_labels
        .iter()
        .map(|l| view! { <text class="chart-tick" x=x(l.at) y=HEIGHT - 8.0 text-anchor="middle">{l.text.clone()}</text> })
        .collect_view();
    let lines = chart
        .lines
        .iter()
        .enumerate()
        .map(|(n, line)| {
            let class = format!("kpi-line kpi-series-{}", n.min(5));
            let runs = line
                .runs
                .iter()
                .map(|run| view! { <polyline class=class.clone() points=points(run) /> })
                .collect_view();
            let dots = line
                .runs
                .iter()
                .flatten()
                .map(|d| {
                    view! {
                        <circle class=format!("kpi-dot kpi-series-{}", n.min(5)) cx=x(d.x) cy=y(d.y) r="3.5">
                            <title>{format!("{}: {}", line.name, d.text)}</title>
                        </circle>
                    }
                })
                .collect_view();
            (runs, dots)
        })
        .collect_view();
    let bars = chart
        .bars
        .iter()
        .map(|bar| {
            bar.parts
                .iter()
                .map(|part| {
                    let top = y(part.y1);
                    view! {
                        <rect class=format!("kpi-bar kpi-bar-{}", part.series)
                            x=x(bar.x - bar.width / 2.0) width=bar.width * (WIDTH - LEFT - RIGHT)
                            y=top height=(y(part.y0) - top).max(0.0)>
                            <title>{part.text.clone()}</title>
                        </rect>
                    }
                })
                .collect_view()
        })
        .collect_view();
    let legend = (chart.lines.len() > 1 || !chart.bars.is_empty()).then(|| {
        let names: Vec<String> = chart.lines.iter().map(|l| l.name.clone()).collect();
        let parts: Vec<String> = chart
            .bars
            .first()
            .map(|b| b.parts.iter().map(|p| p.series.clone()).collect())
            .unwrap_or_default();
        let text = if names.is_empty() { parts } else { names };
        view! { <p class="kpi-legend">{text.join(" · ")}</p> }
    });
    let target_y = y(chart.target_y);
    view! {
        <figure class=format!("kpi-chart {state}") data-kpi=chart.key>
            <figcaption>
                <strong>{chart.title}</strong>
                <span class="kpi-reading" data-role="kpi-reading">{chart.reading.clone()}</span>
            </figcaption>
            <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=chart.reading.clone()>
                {ticks}
                {bars}
                <line class="kpi-target" x1=LEFT x2=WIDTH - RIGHT y1=target_y y2=target_y />
                <text class="chart-tick kpi-target-label" x=WIDTH - RIGHT y=target_y - 4.0 text-anchor="end">
                    {chart.target_label.clone()}
                </text>
                {lines}
                {dates}
            </svg>
            {legend}
        </figure>
    }
}
