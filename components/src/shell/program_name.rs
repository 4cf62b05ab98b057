//! `ProgramName`: the program's name as a heading-sized field, edited in place (the start
//! date and the rest of the program's settings are on the Setup tab).

use leptos::prelude::*;

/// The name field. `on_name` gets each keystroke's value.
#[component]
pub fn ProgramName(#[prop(into)] name: Signal<String>, on_name: Callback<String>) -> impl IntoView {
    view! {
        <input
            type="text"
            class="program-name-field"
            data-field="program-name"
            aria-label="Program name"
            maxlength="200"
            prop:value=move || name.get()
            on:input=move |ev| on_name.run(event_target_value(&ev))
        />
    }
}
