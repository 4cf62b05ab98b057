//! The Scenarios tab's baselines: save, make active, delete.

use components::{BaselineActions, BaselineSummary, BaselinesPanel};
use leptos::prelude::*;

use document::baselines;

use crate::editor::Editor;

/// The baselines: save, make active, delete.
#[component]
pub(super) fn BaselinesSection(report: Callback<Result<(), String>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let baselines = Signal::derive(move || {
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.baselines
                        .iter()
                        .map(|b| BaselineSummary {
                            id: b.id.clone(),
                            name: b.name.clone(),
                            saved_on: b.saved_on.to_string(),
                            tasks: b.tasks.len(),
                            active: d.active_baseline.as_deref() == Some(b.id.as_str()),
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let suggested = Signal::derive(move || {
        let n = editor
            .doc
            .with(|d| d.as_ref().map_or(0, |d| d.baselines.len()))
            + 1;
        format!("Baseline {n} ({})", crate::format::today())
    });
    let actions = BaselineActions {
        save: Callback::new(move |name: String| {
            report.run(editor.change(false, |doc| {
                baselines::save(doc, &name, crate::format::today()).map(|_| ())
            }))
        }),
        set_active: Callback::new(move |id: String| {
            report.run(editor.change(false, |doc| baselines::set_active(doc, &id)))
        }),
        delete: Callback::new(move |id: String| {
            report.run(editor.change(false, |doc| baselines::delete(doc, &id)))
        }),
    };
    view! { <BaselinesPanel baselines=baselines suggested_name=suggested actions=actions /> }
}
