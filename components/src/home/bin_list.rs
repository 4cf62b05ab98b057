//! `BinList`: deleted programs, with the days left before they go for good and Restore.

use leptos::prelude::*;

/// One program in the bin, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BinSummary {
    pub id: String,
    pub name: String,
    /// When it was deleted, as shown.
    pub deleted: String,
    /// e.g. "29 days left".
    pub days_left: String,
}

/// The bin: nothing at all when it is empty.
#[component]
pub fn BinList(
    #[prop(into)] entries: Signal<Vec<BinSummary>>,
    /// Called with the id of the program to bring back.
    on_restore: Callback<String>,
) -> impl IntoView {
    move || {
        let entries = entries.get();
        if entries.is_empty() {
            return ().into_any();
        }
        let rows = entries
            .into_iter()
            .map(|entry| {
                let id = entry.id.clone();
                view! {
                    <tr data-program-id=entry.id>
                        <td class="program-name">{entry.name}</td>
                        <td>{entry.deleted}</td>
                        <td class="bin-days">{entry.days_left}</td>
                        <td class="row-actions">
                            <button
                                type="button"
                                class="button button-small"
                                data-action="restore"
                                on:click=move |_| on_restore.run(id.clone())
                            >
                                "Restore"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="bin" aria-labelledby="bin-heading">
                <h2 id="bin-heading" class="section-title">"Bin"</h2>
                <p class="section-hint">"Deleted programs stay here for 30 days."</p>
                <table class="data-table bin-list">
                    <thead>
                        <tr>
                            <th scope="col">"Name"</th>
                            <th scope="col">"Deleted"</th>
                            <th scope="col">"Kept for"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        }
        .into_any()
    }
}
