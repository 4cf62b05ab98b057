//! Planwork's Leptos UI components.
