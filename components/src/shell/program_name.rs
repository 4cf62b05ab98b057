//! `ProgramName`: the program's name as a heading-sized field, edited in place (the start
//! date and the rest of the program's settings are on the Setup tab). A new name is taken
//! when the field is left or Enter is pressed, as one step of Undo; one that cannot be taken
//! (an empty name) stays in the field with the reason beside it.

use leptos::prelude::*;

/// The name field. `on_name` gets the name typed when the field is committed (left, or
/// Enter) and answers `Err(reason)` to refuse it.
#[component]
pub fn ProgramName(
    #[prop(into)] name: Signal<String>,
    on_name: Callback<String, Result<(), String>>,
) -> impl IntoView {
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    // A name changed elsewhere (undo, another tab) replaces a refused text: its reason goes.
    Effect::new(move |_| {
        name.track();
        error.set(None);
    });
    view! {
        <input
            type="text"
            class="program-name-field"
            data-field="program-name"
            aria-label="Program name"
            aria-invalid=move || error.get().is_some().to_string()
            aria-errormessage="program-name-error"
            maxlength="200"
            prop:value=move || name.get()
            on:change=move |ev| error.set(on_name.run(event_target_value(&ev)).err())
        />
        {move || error.get().map(|why| view! {
            <span class="program-name-error" id="program-name-error" role="alert"
                data-role="program-name-error">{why}</span>
        })}
    }
}
