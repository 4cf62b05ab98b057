//! `TaskSearch`: a search over the program's tasks by workstream, name or id, listing the
//! matches as buttons; Enter picks the first (or, when none matches, offers the text as it
//! is, which the caller refuses with the reason). A refusal shows beside the search.

use leptos::prelude::*;

use crate::scenarios::quick_impact::{TaskChoice, matching_tasks};

/// Matches listed at most.
const MATCHES_SHOWN: usize = 8;

/// A labelled task search.
#[component]
pub fn TaskSearch(
    /// The visible label (the search's accessible name).
    label: &'static str,
    /// The element id (unique on the page).
    #[prop(into)]
    id: String,
    #[prop(into)] choices: Signal<Vec<TaskChoice>>,
    /// Ids not offered (already chosen).
    #[prop(into)]
    exclude: Signal<Vec<String>>,
    /// A task id (or unmatched text) picked; `Err` is the reason it was refused.
    pick: Callback<String, Result<(), String>>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let matches = move || {
        let taken = exclude.get();
        query.with(|q| choices.with(|all| matching_tasks(all, q, &taken, MATCHES_SHOWN)))
    };
    let choose = move |id: String| match pick.run(id) {
        Ok(()) => {
            error.set(None);
            query.set(String::new());
        }
        Err(reason) => error.set(Some(reason)),
    };
    view! {
        <div class="risk-task-search">
            <label class="field-label" for=id.clone()>{label}</label>
            <input
                id=id
                class="text-input"
                type="search"
                autocomplete="off"
                placeholder="Search by workstream or task name"
                prop:value=move || query.get()
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    error.set(None);
                }
                on:keydown=move |ev| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        let typed = query.get_untracked().trim().to_owned();
                        match matches().into_iter().next() {
                            Some(first) => choose(first.id),
                            None if !typed.is_empty() => choose(typed),
                            None => {}
                        }
                    }
                }
            />
            {move || {
                error.get().map(|reason| {
                    view! { <p class="risk-refusal" id=error_id.clone() role="alert">{reason}</p> }
                })
            }}
            <ul class="qi-matches risk-task-matches">
                {move || {
                    matches()
                        .into_iter()
                        .map(|c| {
                            let id = c.id.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="qi-match"
                                        data-task=c.id.clone()
                                        on:click=move |_| choose(id.clone())
                                    >
                                        <span class="qi-chip-team">{c.workstream}</span>
                                        <span>{c.name}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
