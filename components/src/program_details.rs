//! `ProgramDetails`: the program's name and start date, editable.

use leptos::prelude::*;

/// The name and start date fields. `on_name` gets each keystroke's value; `on_start` a
/// `YYYY-MM-DD` date when a valid one is chosen.
#[component]
pub fn ProgramDetails(
    #[prop(into)] name: Signal<String>,
    /// `YYYY-MM-DD`.
    #[prop(into)]
    start: Signal<String>,
    on_name: Callback<String>,
    on_start: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="details">
            <label class="field">
                <span class="field-label">"Name"</span>
                <input
                    type="text"
                    class="text-input"
                    data-field="program-name"
                    maxlength="200"
                    prop:value=move || name.get()
                    on:input=move |ev| on_name.run(event_target_value(&ev))
                />
            </label>
            <label class="field">
                <span class="field-label">"Start"</span>
                <input
                    type="date"
                    class="text-input"
                    data-field="program-start"
                    prop:value=move || start.get()
                    on:change=move |ev| on_start.run(event_target_value(&ev))
                />
            </label>
        </div>
    }
}
