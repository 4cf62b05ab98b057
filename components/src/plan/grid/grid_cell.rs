//! `GridCell`: one cell of the plan grid: its text, aligned by its column's kind, and the
//! attributes that tests and the keyboard code find it by.

use leptos::prelude::*;

use document::Column;

/// A cell of `column` showing `text`, in the row with key `row_key`.
#[component]
pub fn GridCell(
    column: Column,
    /// The row's key (`t:<task id>`, `g:<workstream id>` or `new`).
    #[prop(into)]
    row_key: String,
    #[prop(into)] text: String,
    /// Text shown greyed when the cell is empty (the new-task row's hint).
    #[prop(default = None)]
    placeholder: Option<String>,
    /// For a frozen column: its left edge in em (it stays there when the grid scrolls).
    #[prop(default = None)]
    frozen_left: Option<f64>,
) -> impl IntoView {
    let mut class = String::from("grid-cell");
    if frozen_left.is_some() {
        class.push_str(" frozen");
    }
    if column.numeric() {
        class.push_str(" num");
    }
    if !column.editable() {
        class.push_str(" computed");
    }
    let empty = text.is_empty();
    // Long names are cut at the cell's edge: the whole text on hover.
    let title = (column == Column::Name && !empty).then(|| text.clone());
    let shown = match placeholder {
        Some(hint) if empty => view! { <span class="cell-placeholder">{hint}</span> }.into_any(),
        _ => text.into_any(),
    };
    view! {
        <div
            class=class
            role="gridcell"
            data-col=column.key()
            data-row=row_key
            title=title
            style:width=format!("{}em", column.width_em())
            style:left=frozen_left.map(|left| format!("{left}em"))
        >
            {shown}
        </div>
    }
}
