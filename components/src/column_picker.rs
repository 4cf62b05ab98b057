//! `ColumnPicker`: a drop-down list of the plan grid's columns with a check box each, to
//! show or hide them.

use leptos::prelude::*;

use crate::grid_column::Column;

/// Check boxes for `columns` (those offered); `shown` is the columns shown. `toggle` gets a
/// column whose box was clicked.
#[component]
pub fn ColumnPicker(
    /// The columns that can be chosen (variance columns only with a baseline).
    #[prop(into)]
    columns: Signal<Vec<Column>>,
    #[prop(into)] shown: Signal<Vec<Column>>,
    toggle: Callback<Column>,
) -> impl IntoView {
    let boxes = move || {
        columns
            .get()
            .into_iter()
            .filter(|&c| c != Column::Name)
            .map(|c| {
                let checked = move || shown.with(|s| s.contains(&c));
                view! {
                    <label class="column-choice">
                        <input
                            type="checkbox"
                            data-col=c.key()
                            prop:checked=checked
                            on:change=move |_| toggle.run(c)
                        />
                        {c.label()}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <details class="column-picker">
            <summary class="button" data-action="columns">"Columns"</summary>
            <div class="column-picker-list" role="group" aria-label="Columns shown">
                {boxes}
            </div>
        </details>
    }
}
