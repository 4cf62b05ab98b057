//! `ColumnPicker`: a "Columns" button that opens a list of the plan grid's columns with a
//! check box each, to show or hide them. Escape or a click outside closes it.

use leptos::prelude::*;

use crate::shell::popup::Popup;

use document::Column;

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
    let popup = Popup::new();
    let open = popup.open;
    view! {
        <div
            class="column-picker"
            node_ref=popup.root
            on:keydown=move |ev| popup.on_key(&ev)
        >
            <button
                type="button"
                class="button"
                data-action="columns"
                aria-haspopup="true"
                aria-expanded=move || popup.expanded()
                on:click=move |_| popup.toggle()
            >
                "Columns"
            </button>
            <Show when=move || open.get()>
                <div class="column-picker-list" role="group" aria-label="Columns shown">
                    {boxes}
                </div>
            </Show>
        </div>
    }
}
