//! `MilestoneReadiness`: under the dependency map, each milestone with a readiness checklist
//! and where it stands (readiness %, hard gates, what stops a Go), so that a map of who
//! waits on whom also shows which launches are not ready.

use leptos::prelude::*;

/// Rows of (milestone name, its readiness line, whether every hard gate is settled).
#[component]
pub fn MilestoneReadiness(
    #[prop(into)] rows: Signal<Vec<(String, String, bool)>>,
) -> impl IntoView {
    let body = move || {
        rows.get()
            .into_iter()
            .map(|(name, line, ready)| {
                view! {
                    <li data-role="milestone-readiness" class:flagged=!ready>
                        <strong>{name}</strong>{format!(": {line}")}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <section class="commitments" aria-label="Milestone readiness">
                <h2 class="section-title">"Milestone readiness"</h2>
                <ul class="detail-list">{body}</ul>
            </section>
        </Show>
    }
}
