//! The user's display preferences: the colour theme (light or dark), large text for a
//! projector, and the plan grid's columns. Kept in `localStorage` (they belong to this
//! browser, not to a program) and applied as `data-theme` / `data-text` on `<html>`.
//!
//! Does not: touch IndexedDB or a program.

use leptos::prelude::*;

const THEME_KEY: &str = "planwork.theme";
const TEXT_KEY: &str = "planwork.text";
const COLUMNS_KEY: &str = "planwork.columns";

/// Display preferences, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Prefs {
    pub dark: RwSignal<bool>,
    pub large_text: RwSignal<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// A stored preference, if storage is available and holds it.
pub fn load(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Stores a preference; a browser that refuses (private mode, quota) just forgets it.
pub fn store(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// The grid's column choice as stored: column keys separated by commas.
pub fn load_columns() -> Option<String> {
    load(COLUMNS_KEY)
}

pub fn store_columns(keys: &str) {
    store(COLUMNS_KEY, keys);
}

impl Prefs {
    /// Reads the stored preferences, provides them, and keeps `<html>` and the store in
    /// step with them.
    pub fn provide() -> Prefs {
        let prefs = Prefs {
            dark: RwSignal::new(load(THEME_KEY).as_deref() == Some("dark")),
            large_text: RwSignal::new(load(TEXT_KEY).as_deref() == Some("large")),
        };
        provide_context(prefs);
        Effect::new(move |_| {
            let theme = if prefs.dark.get() { "dark" } else { "light" };
            let text = if prefs.large_text.get() {
                "large"
            } else {
                "normal"
            };
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("data-theme", theme);
                let _ = html.set_attribute("data-text", text);
            }
            store(THEME_KEY, theme);
            store(TEXT_KEY, text);
        });
        prefs
    }
}
