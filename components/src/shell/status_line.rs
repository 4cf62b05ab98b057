//! `StatusLine`: whether the program is saved ("Saved", "Saving…", an error).

use leptos::prelude::*;

/// The state of the last save, as the status line shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Loading,
    Saved,
    Saving,
    Unsaved,
    /// The save failed: what happened, in plain words.
    Failed(String),
}

/// One line saying whether the program is saved. Failures are announced.
#[component]
pub fn StatusLine(#[prop(into)] state: Signal<SaveState>) -> impl IntoView {
    move || {
        let (class, text, role) = match state.get() {
            SaveState::Loading => ("status-line", "Loading…".to_owned(), "status"),
            SaveState::Saved => ("status-line status-saved", "Saved".to_owned(), "status"),
            SaveState::Saving => ("status-line status-saving", "Saving…".to_owned(), "status"),
            SaveState::Unsaved => (
                "status-line status-unsaved",
                "Unsaved changes".to_owned(),
                "status",
            ),
            SaveState::Failed(why) => (
                "status-line status-failed",
                format!("Not saved. {why}"),
                "alert",
            ),
        };
        view! { <p class=class role=role data-role="save-status">{text}</p> }
    }
}
