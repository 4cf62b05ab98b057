//! `WorkstreamDelete`: deleting a workstream: which workstream its tasks move to, then
//! Delete or Cancel.

use leptos::prelude::*;

use super::Answer;

/// The deletion of workstream `name` with `tasks` tasks; `others` are the workstreams
/// (id, name) its tasks can move to. `on_delete` gets the chosen one's id and answers
/// `Err(reason)` to refuse.
#[component]
pub fn WorkstreamDelete(
    #[prop(into)] name: Signal<String>,
    #[prop(into)] tasks: Signal<usize>,
    #[prop(into)] others: Signal<Vec<(String, String)>>,
    on_delete: Callback<String, Answer>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(None::<String>);
    // The first other workstream until the user picks one.
    let target = move || {
        chosen
            .get()
            .filter(|c| others.with(|o| o.iter().any(|(id, _)| id == c)))
            .or_else(|| others.with(|o| o.first().map(|(id, _)| id.clone())))
    };
    let delete = move |_| {
        let answer = on_delete.run(target().unwrap_or_default());
        if let Err(why) = answer {
            error.set(Some(why));
        }
    };
    let question = move || match tasks.get() {
        0 => format!("Delete “{}”? It has no tasks.", name.get()),
        1 => format!(
            "Delete “{}”? Its task moves to another workstream.",
            name.get()
        ),
        n => format!(
            "Delete “{}”? Its {n} tasks move to another workstream.",
            name.get()
        ),
    };
    let options = move || {
        let selected = target();
        others
            .get()
            .into_iter()
            .map(|(id, name)| {
                let is_chosen = selected.as_deref() == Some(id.as_str());
                view! { <option value=id selected=is_chosen>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="ws-delete" data-role="workstream-delete">
            <p class="ws-delete-question">{question}</p>
            <div class="inline-form">
                <label class="field">
                    <span class="field-label">"Move its tasks to"</span>
                    <select
                        class="text-input"
                        on:change=move |ev| chosen.set(Some(event_target_value(&ev)))
                    >
                        {options}
                    </select>
                </label>
                <button type="button" class="button button-danger" on:click=delete>
                    "Delete workstream"
                </button>
                <button type="button" class="button" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
            {move || error.get().map(|why| view! {
                <p class="setup-error" role="alert" data-role="setup-error">{why}</p>
            })}
        </div>
    }
}
