//! `BaselinesPanel`: saved schedules to measure variance against: save the current one
//! under a name, mark one active, delete.

use leptos::prelude::*;

/// One baseline in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct BaselineSummary {
    pub id: String,
    pub name: String,
    /// The day it was saved, e.g. "2026-11-21".
    pub saved_on: String,
    pub tasks: usize,
    pub active: bool,
}

/// The callbacks of the baselines panel.
#[derive(Clone, Copy)]
pub struct BaselineActions {
    /// Save the current schedule, with the baseline's name.
    pub save: Callback<String>,
    pub set_active: Callback<String>,
    pub delete: Callback<String>,
}

/// The baselines list and the form to save one.
#[component]
pub fn BaselinesPanel(
    #[prop(into)] baselines: Signal<Vec<BaselineSummary>>,
    /// The name the form offers.
    #[prop(into)]
    suggested_name: Signal<String>,
    actions: BaselineActions,
) -> impl IntoView {
    let name = NodeRef::<leptos::html::Input>::new();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked().map(|i| i.value()).unwrap_or_default();
        let typed = typed.trim();
        actions.save.run(if typed.is_empty() {
            suggested_name.get_untracked()
        } else {
            typed.to_owned()
        });
    };
    let list = move || {
        let list = baselines.get();
        if list.is_empty() {
            return view! {
                <p class="section-hint" data-role="no-baselines">
                    "No baseline yet. Save one to measure later changes against it."
                </p>
            }
            .into_any();
        }
        let rows = list
            .into_iter()
            .map(|b| {
                let (id_active, id_delete) = (b.id.clone(), b.id.clone());
                view! {
                    <li class="baseline-row" class:baseline-active=b.active data-baseline=b.id.clone()>
                        <span class="baseline-name">{b.name}</span>
                        <span class="baseline-date">{format!("saved {}", b.saved_on)}</span>
                        <span class="baseline-tasks">{engine::words::count(b.tasks, "task", "tasks")}</span>
                        {if b.active {
                            view! { <span class="badge" data-role="active-baseline">"Active"</span> }.into_any()
                        } else {
                            view! {
                                <button type="button" class="button button-small" data-action="activate-baseline"
                                    on:click=move |_| actions.set_active.run(id_active.clone())>
                                    "Make active"
                                </button>
                            }.into_any()
                        }}
                        <button type="button" class="button button-small" data-action="delete-baseline"
                            aria-label="Delete baseline"
                            on:click=move |_| actions.delete.run(id_delete.clone())>
                            "Delete"
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="baseline-list">{rows}</ul> }.into_any()
    };
    view! {
        <section class="baselines-section" aria-labelledby="baselines-title">
            <h2 id="baselines-title" class="section-title">"Baselines"</h2>
            <p class="section-hint">
                "The active baseline gives the variance columns of the plan and of the comparison."
            </p>
            {list}
            <form class="baseline-save" on:submit=save>
                <label class="field-label" for="baseline-name">"Baseline name"</label>
                <input
                    id="baseline-name"
                    class="text-input"
                    data-field="baseline-name"
                    node_ref=name
                    prop:value=move || suggested_name.get()
                />
                <button type="submit" class="button button-primary" data-action="save-baseline">
                    "Save current schedule as baseline"
                </button>
            </form>
        </section>
    }
}
