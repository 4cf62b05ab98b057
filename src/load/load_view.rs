//! The Load tab (issue 19): each resource's demand against its capacity by working day, for
//! the program or the scenario the plan shows (`document::load_view`), drawn by
//! `LoadChart`. Choosing an over-allocated period selects its tasks in the plan.

use components::LoadChart;
use document::load_view::{LoadModel, load_model};
use leptos::prelude::*;

use crate::editor::Editor;

/// Resources and their load.
#[component]
pub fn LoadPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let model = Memo::new(move |_| {
        editor.doc.with(|d| {
            let Some(d) = d.as_ref() else {
                return LoadModel::default();
            };
            editor.derived.with(|v| match v.shown().ok() {
                Some(plan) => load_model(v.shown_program(d), plan),
                None => LoadModel::default(),
            })
        })
    });
    let select = Callback::new(move |ids: Vec<String>| {
        editor.selected.set(ids);
        editor.tab.set("plan");
    });
    view! {
        <section class="load-view" aria-label="Resource load" data-role="load">
            <LoadChart model=model select=select />
        </section>
    }
}
