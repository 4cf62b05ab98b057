//! `EmptyState`: what a list or region shows when it has nothing to show.

use leptos::prelude::*;

/// A quiet panel with a title and an optional line of explanation.
#[component]
pub fn EmptyState(
    /// The short statement, e.g. "No programs yet".
    #[prop(into)]
    title: String,
    /// One sentence saying what would appear here.
    #[prop(into, optional)]
    hint: Option<String>,
) -> impl IntoView {
    view! {
        <div class="empty-state" role="status">
            <p class="empty-state-title">{title}</p>
            {hint.map(|hint| view! { <p class="empty-state-hint">{hint}</p> })}
        </div>
    }
}
