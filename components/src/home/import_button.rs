//! `ImportButton`: a button that opens the file picker and hands the chosen file over.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// "Import…": the chosen file goes to `on_file` as it is (reading it is not this
/// component's business). The control is a real button (found by its role and name, and
/// pressed from the keyboard) that opens the picker of a file input hidden from view and
/// from assistive technology.
#[component]
pub fn ImportButton(on_file: Callback<web_sys::File>) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
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
    let open_picker = move |_| {
        if let Some(input) = input.get_untracked() {
            input.click();
        }
    };
    view! {
        <button type="button" class="button file-button" data-action="import" on:click=open_picker>
            "Import…"
        </button>
        <input
            node_ref=input
            type="file"
            class="visually-hidden"
            data-role="import-file"
            tabindex="-1"
            aria-hidden="true"
            accept=".json,.planwork.json,application/json,.xml,application/xml,text/xml,.csv,text/csv,.tsv,.txt"
            on:change=on_change
        />
    }
}
