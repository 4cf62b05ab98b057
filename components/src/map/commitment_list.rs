//! `CommitmentList`: the RAID log's cross-team dependencies under the dependency map — what
//! each provider team delivers to each consumer, by when, its status on the status date
//! (at risk when the provider's task is scheduled to finish after need-by; hover says which
//! rule) and how long it has been open; those needing attention marked.

use leptos::prelude::*;

use document::logs::{DependencyRow, LogRow};

/// The commitments in `rows`; `teams` turns a workstream id into its name.
#[component]
pub fn CommitmentList(
    #[prop(into)] rows: Signal<Vec<DependencyRow>>,
    #[prop(into)] teams: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let name = move |id: &str| {
        teams.with(|t| {
            t.iter()
                .find(|(i, _)| i == id)
                .map_or_else(|| id.to_owned(), |(_, n)| n.clone())
        })
    };
    let body = move || {
        rows.get()
            .into_iter()
            .map(|r| {
                let flagged = r.flagged();
                view! {
                    <tr data-id=r.id.clone() class:flagged=flagged title=r.why.clone()>
                        <th scope="row">{r.id.clone()}</th>
                        <td>{r.title.clone()}</td>
                        <td>{format!("{} → {}", name(&r.provider), name(&r.consumer))}</td>
                        <td>{r.need_by.map(|d| d.to_string()).unwrap_or_default()}</td>
                        <td data-col="status">{r.status}</td>
                        <td data-col="age">{r.age.map(|a| format!("{a} d")).unwrap_or_default()}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <section class="commitments" aria-label="Cross-team dependencies" data-role="commitments">
                <h2 class="section-title">"Cross-team dependencies (RAID log)"</h2>
                <table class="data-table">
                    <thead><tr><th>"ID"</th><th>"Delivers"</th><th>"Provider → consumer"</th>
                        <th>"Need by"</th><th>"Status"</th><th>"Open for"</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </section>
        </Show>
    }
}
