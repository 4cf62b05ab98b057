//! The Load tab (issue 19): each resource's demand against its capacity by working day, for
//! the program or the scenario the plan shows (`document::load_view`), drawn by
//! `LoadChart`; choosing an over-allocated period selects its tasks in the plan. **Level**
//! levels the program into a new scenario (`leveling_run.rs`, in a worker), finishing as
//! early as it can or, with *Within float*, moving no finish; **Clear leveling** takes the
//! leveled starts a promoted leveling left on the program.

use components::LoadChart;
use document::load_view::{LoadModel, load_model};
use engine::words::thousands;
use leptos::prelude::*;

use super::leveling_run::{self, Run};
use crate::editor::{Editor, describe};

/// The load of the program or scenario the plan shows, while `wanted` (else nothing, so
/// that a view that hides it costs nothing).
pub fn load_memo(editor: Editor, wanted: Signal<bool>) -> Memo<LoadModel> {
    Memo::new(move |_| {
        if !wanted.get() {
            return LoadModel::default();
        }
        editor.doc.with(|d| {
            let Some(d) = d.as_ref() else {
                return LoadModel::default();
            };
            editor.derived.with(|v| match v.shown().ok() {
                Some(plan) => load_model(v.shown_program(d), plan),
                None => LoadModel::default(),
            })
        })
    })
}

/// Resources and their load, and leveling.
#[component]
pub fn LoadPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let model = load_memo(editor, Signal::stored(true));
    let select = Callback::new(move |ids: Vec<String>| {
        editor.selected.set(ids);
        editor.tab.set("plan");
    });
    let run = RwSignal::new(Run::Idle);
    let within_float = RwSignal::new(false);
    leveling_run::warm_up();
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
    let running_view = move |text: String| {
        view! {
            <p class="level-status" role="status" data-role="level-status">
                {text}
                <button type="button" class="button button-small" data-action="level-stop"
                    title="End the search now and make the scenario from the best result so far"
                    on:click=move |_| leveling_run::use_best_so_far()>"Use best so far"</button>
                <button type="button" class="button button-small" data-action="level-cancel"
                    title="Stop leveling; nothing is made"
                    on:click=move |_| leveling_run::cancel(run)>"Cancel"</button>
            </p>
        }
        .into_any()
    };
    let status = move || match run.get() {
        Run::Idle => None,
        Run::Starting => Some(running_view("Leveling… laying the plan out.".into())),
        Run::Running {
            schedules,
            budget,
            finish,
            bound,
        } => Some(running_view(format!(
            "Leveling… {} of {} schedules tried; best finish so far {finish} \
             (none can be before {bound}).",
            thousands(schedules),
            thousands(budget)
        ))),
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
                    disabled=move || !has_resources() || run.with(Run::is_running)
                    on:click=move |_| leveling_run::start(editor, run, within_float.get_untracked())
                >
                    "Level"
                </button>
                <label class="level-option"
                    title="Move no milestone and no finish: only tasks with float are delayed, and what cannot be resolved within it is reported">
                    <input type="checkbox" data-role="level-within-float"
                        prop:checked=move || within_float.get()
                        on:change=move |ev| within_float.set(event_target_checked(&ev)) />
                    " Within float"
                </label>
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
