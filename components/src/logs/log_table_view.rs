//! `LogTableView`: one log as a table of typed cells (a `document::logs::table::LogTable`):
//! every editable cell is an input — Tab and Shift+Tab move between them, Enter commits and
//! moves to the same column of the next row (the cell commits as it loses the focus), Escape
//! puts the shown value back — and each
//! row can be deleted. A flagged row (overdue, at risk) is marked, with why on hover.
//! What a commit is refused for is reported by the caller; the typed text stays in the
//! cell so nothing typed is lost.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};

use document::logs::table::{LogTable, TableRow};

/// What the table reports.
#[derive(Clone, Copy)]
pub struct LogTableActions {
    /// (item id, field, text typed): a cell committed.
    pub edit: Callback<(String, &'static str, String)>,
    /// An item's id: its Delete button.
    pub delete: Callback<String>,
}

/// `table`'s rows; `log` names it for tests and styles (`issues`, `dependencies` …).
#[component]
pub fn LogTableView(
    #[prop(into)] table: Signal<LogTable>,
    log: &'static str,
    actions: LogTableActions,
) -> impl IntoView {
    let head = move || {
        table.with(|t| {
            t.columns
                .iter()
                .map(|c| view! { <th scope="col" title=c.hint>{c.heading}</th> })
                .collect_view()
        })
    };
    let body = move || {
        table.with(|t| {
            let fields: Vec<Option<&'static str>> = t.columns.iter().map(|c| c.field).collect();
            t.rows
                .iter()
                .map(|row| row_view(row, &fields, actions))
                .collect_view()
        })
    };
    let empty = move || table.with(|t| t.rows.is_empty());
    view! {
        <div class="log-scroll">
            <table class="data-table log-table" data-log=log>
                <thead>
                    <tr>{head}<th scope="col"><span class="visually-hidden">"Delete"</span></th></tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            <Show when=empty>
                <p class="empty-hint" data-role="log-empty">
                    {move || if table.with(|t| t.total == 0) {
                        "Nothing in this log yet: add the first item above."
                    } else {
                        "No item matches the filter."
                    }}
                </p>
            </Show>
        </div>
    }
}

fn row_view(
    row: &TableRow,
    fields: &[Option<&'static str>],
    actions: LogTableActions,
) -> impl IntoView + use<> {
    let id = row.id.clone();
    let cells = row
        .cells
        .iter()
        .zip(fields)
        .enumerate()
        .map(|(column, (text, field))| match field {
            Some(field) => {
                editable_cell(id.clone(), field, text.clone(), column, actions).into_any()
            }
            None if column == 0 => view! {
                <th scope="row" class="log-id">{text.clone()}</th>
            }
            .into_any(),
            None => view! { <td class="log-computed">{text.clone()}</td> }.into_any(),
        })
        .collect_view();
    let delete_id = id.clone();
    view! {
        <tr data-id=id class:flagged=row.flagged title=row.why.clone()>
            {cells}
            <td>
                <button type="button" class="button-link" data-action="delete-item"
                    title="Delete this item (Undo brings it back)"
                    on:click=move |_| actions.delete.run(delete_id.clone())>
                    "Delete"
                </button>
            </td>
        </tr>
    }
}

fn editable_cell(
    id: String,
    field: &'static str,
    text: String,
    column: usize,
    actions: LogTableActions,
) -> impl IntoView {
    let shown = text.clone();
    let reset = text.clone();
    let text_for_print = text.clone();
    view! {
        <td data-field=field>
            <input class="log-cell" type="text" prop:value=text data-column=column
                aria-label=field
                on:change=move |ev| {
                    if let Some(input) = input_of(&ev) && input.value() != shown {
                        actions.edit.run((id.clone(), field, input.value()));
                    }
                }
                on:keydown=move |ev: KeyboardEvent| {
                    let Some(input) = input_of(&ev) else {
                        return;
                    };
                    match ev.key().as_str() {
                        "Enter" => {
                            ev.prevent_default();
                            let below = row_below(&input);
                            // Losing the focus commits (the change event); the rows are
                            // drawn again after it, so the next cell is found then.
                            let _ = input.blur();
                            if let Some(below) = below {
                                set_timeout(move || focus_cell(&below, column), std::time::Duration::ZERO);
                            }
                        }
                        "Escape" => input.set_value(&reset),
                        _ => {}
                    }
                } />
            // What a printed page shows instead of the input (an input cannot wrap).
            <span class="cell-print">{text_for_print}</span>
        </td>
    }
}

fn input_of(ev: &web_sys::Event) -> Option<HtmlInputElement> {
    ev.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
}

/// The id of the item in the row below `input`'s.
fn row_below(input: &HtmlInputElement) -> Option<String> {
    input
        .closest("tr")
        .ok()
        .flatten()?
        .next_element_sibling()?
        .get_attribute("data-id")
}

/// Focuses column `column` of item `id`'s row.
fn focus_cell(id: &str, column: usize) {
    let selector = format!(
        "tr[data-id=\"{}\"] input[data-column=\"{column}\"]",
        id.replace('\\', "\\\\").replace('"', "\\\"")
    );
    let cell = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(cell) = cell {
        let _ = cell.focus();
    }
}
