//! `SetupField`: a labelled text or date input that commits its value when it changes (on
//! leaving the field, on Enter, or on choosing a date), not on every keystroke, and shows a
//! refusal beside it. An optional field has a Clear button.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use super::Answer;

/// Ids that tie each field to its error message (`aria-describedby`).
static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// One field. `on_commit` gets the text as typed and answers `Err(reason)` to refuse; the
/// text then stays, with the reason beside it, until it is changed. `visually_hidden_label`
/// keeps the label for assistive technology only (in a row whose heading says it).
#[component]
pub fn SetupField(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    on_commit: Callback<String, Answer>,
    /// The input's type: `text` (the default) or `date`.
    #[prop(default = "text")]
    kind: &'static str,
    /// Offers "Clear" (commits an empty text).
    #[prop(optional)]
    clearable: bool,
    /// `data-field`, for tests and styles.
    #[prop(optional)]
    field: &'static str,
    #[prop(optional)] visually_hidden_label: bool,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let input = NodeRef::<leptos::html::Input>::new();
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let (input_id, error_id) = (format!("setup-field-{id}"), format!("setup-error-{id}"));
    let commit = move |text: String| {
        match on_commit.run(text) {
            Ok(()) => {
                error.set(None);
                // Show the value as taken (trimmed, or unchanged when the same).
                if let Some(input) = input.get_untracked() {
                    input.set_value(&value.get_untracked());
                }
            }
            Err(why) => error.set(Some(why)),
        }
    };
    let clear = clearable.then(|| {
        view! {
            <button
                type="button"
                class="button button-small"
                aria-label=format!("Clear {}", label.to_lowercase())
                disabled=move || value.with(String::is_empty)
                on:click=move |_| commit(String::new())
            >
                "Clear"
            </button>
        }
    });
    let label_class = if visually_hidden_label {
        "visually-hidden"
    } else {
        "field-label"
    };
    let described = error_id.clone();
    view! {
        <div class="field setup-field" data-field=field>
            <label class=label_class for=input_id.clone()>{label}</label>
            <span class="setup-field-input">
                <input
                        node_ref=input
                        id=input_id
                        type=kind
                        class="text-input"
                        maxlength=(kind == "text").then_some("200")
                        prop:value=move || value.get()
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        aria-describedby=move || error.with(Option::is_some).then(|| described.clone())
                        on:change=move |ev| commit(event_target_value(&ev))
                    />
                {clear}
            </span>
            {move || error.get().map(|why| view! {
                <p class="setup-error" id=error_id.clone() role="alert" data-role="setup-error">{why}</p>
            })}
        </div>
    }
}
