//! `RiskTextField`: one labelled text field of a risk that commits on change (Enter or
//! leaving it). A refused value stays as typed, marked invalid, with the reason beside it;
//! Escape puts back the value there is.

use leptos::prelude::*;

/// A labelled field that commits what is typed.
#[component]
pub fn RiskTextField(
    /// The visible label (the field's accessible name).
    label: &'static str,
    /// The element id (unique on the page); the reason's id is derived from it.
    #[prop(into)]
    id: String,
    /// `data-field`, for styling and tests.
    field: &'static str,
    /// The value there is, as shown.
    #[prop(into)]
    value: Signal<String>,
    /// Commits the text; `Err` is the reason it was refused.
    commit: Callback<String, Result<(), String>>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    let on_change = move |_| {
        let Some(element) = input.get_untracked() else {
            return;
        };
        match commit.run(element.value()) {
            Ok(()) => {
                error.set(None);
                // Shown as the program now has it ("30" becomes "30%").
                element.set_value(&value.get_untracked());
            }
            Err(reason) => error.set(Some(reason)),
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape"
            && let Some(element) = input.get_untracked()
        {
            element.set_value(&value.get_untracked());
            error.set(None);
        }
    };
    view! {
        <div class="risk-field" data-field=field>
            <label class="field-label" for=id.clone()>{label}</label>
            <input
                id=id
                class="text-input"
                node_ref=input
                autocomplete="off"
                placeholder=placeholder
                prop:value=move || value.get()
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                on:change=on_change
                on:keydown=on_key
            />
            {move || {
                error.get().map(|reason| {
                    view! {
                        <p class="risk-refusal" id=error_id.clone() role="alert">{reason}</p>
                    }
                })
            }}
        </div>
    }
}
