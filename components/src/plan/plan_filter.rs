//! `PlanFilter`: the plan's find box and filters — tasks whose name, ID or workstream holds
//! the text; only critical, late or milestone tasks; one workstream — as toggle buttons and
//! a list, with Clear. What they keep is decided by the app (`engine::filter`).

use leptos::prelude::*;

/// What the user chose. The default keeps every task.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterChoice {
    pub text: String,
    pub critical: bool,
    pub late: bool,
    pub milestones: bool,
    /// A workstream's id, "" for all.
    pub workstream: String,
}

impl FilterChoice {
    /// Whether anything is chosen.
    pub fn is_on(&self) -> bool {
        *self != FilterChoice::default()
    }
}

/// The find box (its input is `find`, so that Ctrl+F can focus it) and the filters.
/// `workstreams`: (id, name) in order.
#[component]
pub fn PlanFilter(
    choice: RwSignal<FilterChoice>,
    #[prop(into)] workstreams: Signal<Vec<(String, String)>>,
    find: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let toggle = |label: &'static str,
                  key: &'static str,
                  get: fn(&FilterChoice) -> bool,
                  flip: fn(&mut FilterChoice)| {
        view! {
            <button
                type="button"
                class="filter-toggle"
                data-filter=key
                aria-pressed=move || choice.with(get).to_string()
                on:click=move |_| choice.update(flip)
            >
                {label}
            </button>
        }
    };
    let options = move || {
        workstreams
            .get()
            .into_iter()
            .map(|(id, name)| {
                let chosen = {
                    let id = id.clone();
                    move || choice.with(|c| c.workstream == id)
                };
                view! { <option value=id selected=chosen>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="plan-filter" role="search" aria-label="Find and filter tasks">
            <input
                type="search"
                class="text-input plan-find"
                data-field="plan-find"
                aria-label="Find tasks"
                placeholder="Find: name, ID, workstream (Ctrl+F)"
                node_ref=find
                prop:value=move || choice.with(|c| c.text.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    choice.update(|c| c.text = text);
                }
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        choice.update(|c| c.text.clear());
                    }
                }
            />
            <div class="filter-toggles" role="group" aria-label="Show only">
                {toggle("Critical", "critical", |c| c.critical, |c| c.critical = !c.critical)}
                {toggle("Late", "late", |c| c.late, |c| c.late = !c.late)}
                {toggle("Milestones", "milestones", |c| c.milestones, |c| c.milestones = !c.milestones)}
            </div>
            <select
                class="text-input plan-filter-workstream"
                data-field="plan-filter-workstream"
                aria-label="Workstream shown"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    choice.update(|c| c.workstream = id);
                }
            >
                <option value="" selected=move || choice.with(|c| c.workstream.is_empty())>
                    "All workstreams"
                </option>
                {options}
            </select>
            <Show when=move || choice.with(FilterChoice::is_on)>
                <button
                    type="button"
                    class="button button-small"
                    data-action="clear-filter"
                    on:click=move |_| choice.set(FilterChoice::default())
                >
                    "Clear"
                </button>
            </Show>
        </div>
    }
}
