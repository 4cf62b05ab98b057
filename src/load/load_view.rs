//! The Load tab (issue 19): each resource's demand against its capacity by working day, for
//! the program or the scenario the plan shows (`document::load_view`), drawn by
//! `LoadChart`; choosing an over-allocated period selects its tasks in the plan. **Level**
//! levels the program into a new scenario (`leveling_run.rs`); **Clear leveling** takes the
//! leveled starts a promoted leveling left on the program.

use components::LoadChart;
use document::load_view::{LoadModel, load_model};
use leptos::prelude::*;

use super::leveling_run::{self, Run};
use crate::editor::{Editor, describe};

/// Resources and their load, and leveling.
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
    let run = RwSignal::new(Run::Idle);
    let cancel = RwSignal::new(false);
    let has_resources = move || model.with(|m| !m.resources.is_empty());
    let leveled = move || {
        editor.doc.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.program.tasks.iter().any(|t| t.leveled_start.is_some()))
        })
    };
    let clear = move |_| {
        let edits = editor
            .doc
            .with_untracked(|d| {
                d.as_ref()
                    .map(|d| engine::resources::clear_leveling(&d.program))
            })
            .unwrap_or_default();
        let result = editor.act(edits).map_err(|d| describe(&d));
        run.set(match result {
            Ok(()) => Run::Done(
                "Leveling cleared: every task is back where its links and constraints put it."
                    .into(),
            ),
            Err(why) => Run::Failed(why),
        });
    };
    let status = move || match run.get() {
        Run::Idle => None,
        Run::Running(n) => Some(
            view! {
                <p class="level-status" role="status" data-role="level-status">
                    {format!("Leveling… {n} schedules tried.")}
                    <button type="button" class="button button-small" data-action="level-cancel"
                        on:click=move |_| cancel.set(true)>"Cancel"</button>
                </p>
            }
            .into_any(),
        ),
        Run::Done(text) => Some(
            view! { <p class="level-status" role="status" data-role="level-status">{text}</p> }
                .into_any(),
        ),
        Run::Failed(why) => Some(
            view! { <p class="setup-error" role="alert" data-role="level-error">{why}</p> }
                .into_any(),
        ),
    };
    view! {
        <section class="load-view" aria-label="Resource load" data-role="load">
            <div class="load-toolbar" role="toolbar" aria-label="Leveling">
                <button
                    type="button"
                    class="button button-primary"
                    data-action="level"
                    title="Delay tasks so that no resource is over capacity, finishing as early as possible: a new scenario, the program unchanged"
                    disabled=move || !has_resources() || matches!(run.get(), Run::Running(_))
                    on:click=move |_| leveling_run::start(editor, run, cancel)
                >
                    "Level"
                </button>
                <Show when=leveled>
                    <button type="button" class="button" data-action="clear-leveling" on:click=clear>
                        "Clear leveling"
                    </button>
                </Show>
            </div>
            {status}
            <LoadChart model=model select=select />
        </section>
    }
}
