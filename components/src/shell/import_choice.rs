//! `ImportChoice`: an imported file's program is already here: open it as a copy, or
//! replace the one here (after a snapshot), or cancel.

use leptos::prelude::*;

/// Asks what to do with an import whose program already exists.
#[component]
pub fn ImportChoice(
    /// The name of the program already here.
    #[prop(into)]
    existing_name: String,
    on_copy: Callback<()>,
    on_replace: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="notice notice-warning import-choice" role="alert">
            <div class="notice-body">
                <p class="notice-title">"This program is already here"</p>
                <p class="notice-message">
                    "The file holds a version of “" <span class="existing-name">{existing_name}</span>
                    "”. Open it as a separate copy, or replace the program here with it (the \
                     current version is kept as a snapshot)."
                </p>
                <div class="notice-actions">
                    <button type="button" class="button button-primary" data-action="import-copy"
                        on:click=move |_| on_copy.run(())>"Open as a copy"</button>
                    <button type="button" class="button" data-action="import-replace"
                        on:click=move |_| on_replace.run(())>"Replace"</button>
                    <button type="button" class="button" data-action="import-cancel"
                        on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
            </div>
        </div>
    }
}
