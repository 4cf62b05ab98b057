//! Which view the app shows, kept in step with `location.hash` so a reload or the back
//! button lands on the same view.
//!
//! Hashes: `#/` (or none) is the home view, `#/program/<id>` a program's workbench.
//! Anything else falls back to home. This module knows nothing about what a program is.

use leptos::prelude::*;

/// The hash of the home view.
pub const HOME_HASH: &str = "#/";

const PROGRAM_PREFIX: &str = "#/program/";

/// A view of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// The list of programs.
    Home,
    /// The workbench of the program with this id.
    Program(String),
}

impl View {
    /// The view a `location.hash` value (with or without its leading `#`) names.
    /// Unknown hashes and malformed program ids give [`View::Home`].
    pub fn from_hash(hash: &str) -> View {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        match hash.strip_prefix("/program/") {
            Some(id) if is_valid_program_id(id) => View::Program(id.to_owned()),
            _ => View::Home,
        }
    }

    /// The `location.hash` value, with its leading `#`, that names this view.
    pub fn to_hash(&self) -> String {
        match self {
            View::Home => HOME_HASH.to_owned(),
            View::Program(id) => format!("{PROGRAM_PREFIX}{id}"),
        }
    }
}

/// Whether `id` can stand in a hash as it is: 1 to 64 ASCII letters, digits, `-` or `_`.
pub fn is_valid_program_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The current view, shared through context. Changing it updates `location.hash`;
/// a `hashchange` (typed URL, back button, a plain link) updates it.
#[derive(Clone, Copy)]
pub struct Nav(RwSignal<View>);

impl Nav {
    /// Creates the navigation state from the page's current hash, keeps it in step with
    /// the hash for the lifetime of the current reactive owner, and provides it as context.
    pub fn provide() -> Nav {
        let nav = Nav(RwSignal::new(View::from_hash(&current_hash())));

        let listener = window_event_listener_untyped("hashchange", move |_| {
            let view = View::from_hash(&current_hash());
            if nav.0.get_untracked() != view {
                nav.0.set(view);
            }
        });
        on_cleanup(move || listener.remove());

        Effect::new(move |_| {
            let view = nav.0.get();
            if View::from_hash(&current_hash()) != view {
                // A new history entry, so that Back returns to the previous view.
                let _ = window().location().set_hash(&view.to_hash());
            }
        });

        provide_context(nav);
        nav
    }

    /// The navigation state provided by an enclosing [`Nav::provide`].
    ///
    /// # Panics
    /// If no ancestor provided one.
    pub fn expect() -> Nav {
        expect_context::<Nav>()
    }

    /// The current view (reactive).
    pub fn view(&self) -> View {
        self.0.get()
    }

    /// Shows `view`.
    pub fn go(&self, view: View) {
        self.0.set(view);
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}
