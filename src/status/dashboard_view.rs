//! The KPI dashboard: each KPI over the packs issued and the draft, as a chart with its
//! target and a one-line reading.

use components::KpiChart;
use document::status::dashboard::dashboard;
use engine::status::Pack;
use engine::status::kpi::history;
use leptos::prelude::*;

use crate::editor::Editor;

/// The dashboard; `draft` is the next pack, measured as it stands.
#[component]
pub fn DashboardPanel(draft: Memo<Option<Pack>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let charts = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                draft.with(|draft| {
                    let status = &d.program.status;
                    let packs = history(status, draft.as_ref());
                    let mut charts = dashboard(&d.program, &packs, &status.rules.targets);
                    // The last point is the draft's: say so rather than repeat a date.
                    if draft.is_some() {
                        for label in charts.iter_mut().filter_map(|c| c.x_labels.last_mut()) {
                            label.text = "Draft".into();
                        }
                    }
                    charts
                })
            })
        })
    });
    let issued = move || {
        editor
            .doc
            .with(|d| d.as_ref().map_or(0, |d| d.program.status.packs.len()))
    };
    view! {
        <p class="section-hint">
            {move || format!(
                "Measured at each of the {} pack(s) issued and at the draft (the last point). Targets are the blueprints' (docs/status.md).",
                issued()
            )}
        </p>
        <div class="kpi-grid" data-role="kpi-dashboard">
            {move || charts.get().into_iter().map(|chart| view! { <KpiChart chart=chart /> }).collect_view()}
        </div>
    }
}
