//! `LoadStrip` and `LoadStripLabels`: the resources' load under the Gantt chart, on the
//! chart's own time axis (its origin and pixels per day), as MS Project's resource graph
//! under a Gantt view. One row per resource: its demand as blocks (working days in a row
//! with the same load are one block), its capacity as a dashed line, the over-allocated
//! blocks in red; choosing a red block selects the tasks of its period. The labels (name,
//! capacity, periods over) sit under the grid, rows level with the strip's.
//!
//! Both are sticky at the bottom of their pane, so they stay in view while the rows scroll,
//! and the strip scrolls sideways with the chart because it is in the chart's pane.

use leptos::prelude::*;

use crate::load::load_chart::units;
use crate::plan::gantt::gantt_chart::LABEL_ROOM;
use crate::plan::gantt::gantt_scale::Zoom;
use document::load_view::{LoadModel, LoadRow, load_runs};

/// One resource's row height, and the strip's header height, in pixels.
pub const STRIP_ROW: f64 = 30.0;
pub const STRIP_HEAD: f64 = 22.0;

/// The strip's height in pixels for `resources` rows (what both panes add at their foot).
pub fn strip_height(resources: usize) -> f64 {
    STRIP_HEAD + resources as f64 * STRIP_ROW + 2.0
}

/// The load of `model`'s resources on a chart of `days` days from `origin` at `zoom`;
/// `select` gets the ids of the tasks of an over-allocated block chosen.
#[component]
pub fn LoadStrip(
    #[prop(into)] model: Signal<LoadModel>,
    #[prop(into)] origin: Signal<String>,
    #[prop(into)] days: Signal<i64>,
    #[prop(into)] zoom: Signal<Zoom>,
    select: Callback<Vec<String>>,
) -> impl IntoView {
    let ppd = move || zoom.get().px_per_day();
    let width = move || days.get().max(1) as f64 * ppd() + LABEL_ROOM;
    let height = move || model.with(|m| strip_height(m.resources.len()));
    let rows = move || {
        let (origin, ppd) = (origin.get(), ppd());
        model.with(|m| {
            m.resources
                .iter()
                .enumerate()
                .map(|(i, row)| row_view(row, i, &origin, ppd, select))
                .collect_view()
        })
    };
    view! {
        <div class="load-strip" data-role="load-strip" style:height=move || format!("{}px", height())>
            <svg width=width height=height role="img" aria-label="Resource load on the chart's time axis">
                {rows}
            </svg>
        </div>
    }
}

/// One resource's blocks, capacity line and red blocks, in row `i`.
fn row_view(
    row: &LoadRow,
    i: usize,
    origin: &str,
    ppd: f64,
    select: Callback<Vec<String>>,
) -> impl IntoView + use<> {
    let top = STRIP_HEAD + i as f64 * STRIP_ROW;
    let scale = row.top.max(f64::MIN_POSITIVE);
    let y = move |units: f64| top + STRIP_ROW - 3.0 - units / scale * (STRIP_ROW - 6.0);
    let runs = load_runs(row, origin);
    let mut capacity = String::new();
    for run in &runs {
        let cy = y(run.capacity);
        capacity.push_str(&format!(
            "M{:.1},{cy:.1}H{:.1}",
            run.from as f64 * ppd,
            run.to as f64 * ppd
        ));
    }
    let blocks = runs
        .into_iter()
        .filter(|run| run.demand > 0.0)
        .map(|run| {
            let period = run.over.and_then(|k| row.over.get(k));
            let tasks: Vec<String> = period
                .map(|p| p.tasks.iter().map(|(id, _)| id.clone()).collect())
                .unwrap_or_default();
            let title = match period {
                Some(p) => format!(
                    "{}: over capacity {} – {}, {} demanded, {} offered — {}",
                    row.name,
                    p.start,
                    p.finish,
                    units(run.demand),
                    units(run.capacity),
                    p.tasks
                        .iter()
                        .map(|(_, name)| name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None => format!(
                    "{}: {} demanded, {} offered",
                    row.name,
                    units(run.demand),
                    units(run.capacity)
                ),
            };
            let y0 = y(run.demand);
            view! {
                <rect class="load-bar" class:over=run.over.is_some()
                    x=run.from as f64 * ppd y=y0
                    width=((run.to - run.from) as f64 * ppd - 0.5).max(0.5)
                    height=top + STRIP_ROW - 3.0 - y0
                    on:click=move |_| if !tasks.is_empty() { select.run(tasks.clone()) }>
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        <g class="load-strip-row" data-resource=row.id.clone()>
            <line class="load-strip-rule" x1=0.0 x2="100%" y1=top + STRIP_ROW y2=top + STRIP_ROW />
            {blocks}
            <path class="load-capacity-line" d=capacity />
        </g>
    }
}

/// The strip's labels under the grid: each resource's name, capacity and periods over.
#[component]
pub fn LoadStripLabels(
    #[prop(into)] model: Signal<LoadModel>,
    /// Hides the strip.
    close: Callback<()>,
) -> impl IntoView {
    let height = move || model.with(|m| strip_height(m.resources.len()));
    let rows = move || {
        model.with(|m| {
            m.resources
                .iter()
                .map(|row| {
                    let over = match row.over.len() {
                        0 => String::new(),
                        1 => "1 period over".to_owned(),
                        n => format!("{n} periods over"),
                    };
                    view! {
                        <li class="load-strip-label" data-resource=row.id.clone()
                            style:height=format!("{STRIP_ROW}px")>
                            <span class="load-strip-name">{row.name.clone()}</span>
                            <span class="load-capacity">{format!(" {} a day", units(row.capacity))}</span>
                            <span class="load-strip-over">{over}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="load-strip load-strip-labels" style:height=move || format!("{}px", height())>
            <div class="load-strip-head" style:height=format!("{STRIP_HEAD}px")>
                <span>"Resource load (units a day)"</span>
                <button type="button" class="button-link" data-action="hide-load-strip"
                    title="Hide the load under the chart" on:click=move |_| close.run(())>
                    "Hide"
                </button>
            </div>
            <ul class="load-strip-list">{rows}</ul>
        </div>
    }
}
