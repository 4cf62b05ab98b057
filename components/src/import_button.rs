//! `ImportButton`: a button that opens the file picker and hands the chosen file over.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// "Import…": the chosen file goes to `on_file` as it is (reading it is not this
/// component's business).
#[component]
pub fn ImportButton(on_file: Callback<web_sys::File>) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            on_file.run(file);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    view! {
        <label class="button file-button">
            "Import…"
            <input
                type="file"
                class="visually-hidden"
                data-role="import-file"
                accept=".json,.planwork.json,application/json"
                on:change=on_change
            />
        </label>
    }
}
