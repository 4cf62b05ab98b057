//! `ConflictBanner`: "This program was changed in another tab", with the two ways out.

use leptos::prelude::*;

/// Shown when another tab saved the program this tab is editing.
#[component]
pub fn ConflictBanner(
    /// Replace this tab's version with the stored one.
    on_load_theirs: Callback<()>,
    /// Keep this tab's version (theirs is kept as a snapshot first).
    on_keep_mine: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="notice notice-warning conflict-banner" role="alert">
            <div class="notice-body">
                <p class="notice-title">"This program was changed in another tab"</p>
                <p class="notice-message">
                    "Nothing is saved from this tab until you choose. Keeping yours saves \
                     the other tab's version as a snapshot first."
                </p>
                <div class="notice-actions">
                    <button
                        type="button"
                        class="button"
                        data-action="load-theirs"
                        on:click=move |_| on_load_theirs.run(())
                    >
                        "Load their version"
                    </button>
                    <button
                        type="button"
                        class="button button-primary"
                        data-action="keep-mine"
                        on:click=move |_| on_keep_mine.run(())
                    >
                        "Keep mine"
                    </button>
                </div>
            </div>
        </div>
    }
}
