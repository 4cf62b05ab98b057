//! `CriticalityTable`: the tasks most often on the critical path (the share of iterations in
//! which each was critical), sortable by name or criticality.

use leptos::prelude::*;

/// A task and its criticality index.
#[derive(Clone, Debug, PartialEq)]
pub struct CriticalityRow {
    pub id: String,
    pub name: String,
    /// 0 to 1.
    pub criticality: f64,
}

/// The top tasks by criticality.
#[component]
pub fn CriticalityTable(
    #[prop(into)] rows: Signal<Vec<CriticalityRow>>,
    /// How many rows to show at most.
    #[prop(default = 20)]
    limit: usize,
) -> impl IntoView {
    // Sort by criticality (most first) unless the name column was chosen.
    let by_name = RwSignal::new(false);
    let shown = move || {
        let mut rows = rows.get();
        rows.sort_by(|a, b| {
            b.criticality
                .total_cmp(&a.criticality)
                .then_with(|| a.name.cmp(&b.name))
        });
        rows.truncate(limit);
        if by_name.get() {
            rows.sort_by_key(|r| r.name.to_lowercase());
        }
        rows.into_iter()
            .map(|r| {
                let percent = format!("{:.0}%", r.criticality * 100.0);
                let width = format!("width: {:.1}%", r.criticality * 100.0);
                let id = r.id.clone();
                view! {
                    <tr data-task=id>
                        <td><span class="task-id">{r.id}</span>" "{r.name}</td>
                        <td class="criticality-cell">
                            <span class="criticality-bar" style=width></span>
                            <span class="criticality-value">{percent}</span>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let sort_label = |name: bool| move || if by_name.get() == name { "sorted" } else { "" };
    view! {
        <div class="table-scroll">
            <table class="data-table criticality-table">
                <thead>
                    <tr>
                        <th scope="col" aria-sort=move || if by_name.get() { "ascending" } else { "none" }>
                            <button type="button" class="link-button" data-sort="name" data-state=sort_label(true) on:click=move |_| by_name.set(true)>
                                "Task"
                            </button>
                        </th>
                        <th scope="col" aria-sort=move || if by_name.get() { "none" } else { "descending" }>
                            <button type="button" class="link-button" data-sort="criticality" data-state=sort_label(false) on:click=move |_| by_name.set(false)>
                                "Critical in"
                            </button>
                        </th>
                    </tr>
                </thead>
                <tbody>{shown}</tbody>
            </table>
        </div>
    }
}
