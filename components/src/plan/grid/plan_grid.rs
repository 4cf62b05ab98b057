//! `PlanGrid`: the plan as a spreadsheet: one row per task or milestone under collapsible
//! workstream rows, and a last, empty row in which typing a name adds a task.
//!
//! Keyboard: arrows move the active cell, Home/End to the row's first/last cell, PageUp/
//! PageDown by a screenful, Ctrl+Home to the first task, Ctrl+End to the empty row (to add a
//! task); typing replaces the cell's text (a cue says so, Escape keeps the old text), Enter, F2
//! or a double click edits it, Enter/Tab/Shift+Tab commit and move (Tab after a new task's
//! name goes on in that task's row), Escape cancels, Insert adds a task below, Delete removes
//! the selected rows, Shift/Ctrl+click and Shift+arrows select rows. Typing into a computed
//! cell says why it cannot be typed in. Pasting tab-separated text hands it to `paste`. Only
//! the rows in `visible` are in the DOM; one input, laid over the active cell, does the
//! editing. A refused cell keeps its text and shows the reason beside it. The ID and Task
//! columns are frozen: they stay in view when the grid scrolls sideways.
//!
//! Does not: parse or check anything (the callbacks do, and return the reason they refuse).

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::grid_cell::GridCell;
use crate::grid_column::Column;
use crate::plan_model::{PlanModel, PlanRow};

/// The key of the always-present empty row at the end.
pub const NEW_ROW: &str = "new";

/// A cell this close to the edge of the rows drawn may be out of view (a little more than
/// the margin `PlanSplit` draws beyond the view).
const EDGE_ROWS: usize = 10;

/// A cell's text committed: (task id, or `None` for the empty row; column; text typed).
/// `Ok(Some(id))`: the text made a new task `id` (a name typed in the empty row).
pub type CellCommit = Callback<(Option<String>, Column, String), Result<Option<String>, String>>;

/// What the grid asks of its owner. Each returns `Err(reason)` to refuse.
#[derive(Clone, Copy)]
pub struct GridActions {
    pub commit: CellCommit,
    /// The task ids now selected.
    pub select: Callback<Vec<String>>,
    /// Insert a task after this one (or at the end): the new task's id.
    pub insert: Callback<Option<String>, Result<String, String>>,
    /// Remove these tasks.
    pub delete: Callback<Vec<String>, Result<(), String>>,
    /// (the active task's id, the pasted text).
    pub paste: Callback<(Option<String>, String), Result<(), String>>,
    /// A workstream id: its group row was opened or closed.
    pub toggle_group: Callback<String>,
}

/// The active cell: a row key and a column.
type Cell = (String, Column);

fn task_of(key: &str) -> Option<String> {
    key.strip_prefix("t:").map(str::to_owned)
}

/// Whether `row` has key `key` (without building the row's key).
fn has_key(row: &PlanRow, key: &str) -> bool {
    match row {
        PlanRow::Group(g) => key.strip_prefix("g:") == Some(g.workstream.as_str()),
        PlanRow::Task(t) => key.strip_prefix("t:") == Some(t.id.as_str()),
    }
}

/// The key of row `index`, the empty row after the last.
fn key_at(model: &PlanModel, index: usize) -> String {
    model
        .rows
        .get(index)
        .map_or_else(|| NEW_ROW.to_owned(), PlanRow::key)
}

fn row_index(model: &PlanModel, key: &str) -> usize {
    if key == NEW_ROW {
        return model.rows.len();
    }
    model
        .rows
        .iter()
        .position(|r| has_key(r, key))
        .unwrap_or(model.rows.len())
}

/// The task of row `key`, or for a workstream's row its last task shown (so that Insert
/// there adds to that workstream).
fn task_at_or_under(model: &PlanModel, key: &str) -> Option<String> {
    if key.starts_with("g:") {
        let at = row_index(model, key);
        return model
            .rows
            .get(at + 1..)?
            .iter()
            .map_while(|r| match r {
                PlanRow::Task(t) => Some(t.id.clone()),
                PlanRow::Group(_) => None,
            })
            .last();
    }
    task_of(key)
}

/// The left edge of `column` in em, and whether it is shown.
fn column_left(columns: &[Column], column: Column) -> Option<f64> {
    let at = columns.iter().position(|&c| c == column)?;
    Some(columns[..at].iter().map(|c| c.width_em()).sum())
}

/// How many of the first `columns` are frozen (a frozen column after one that is not would
/// slide over it, so only a leading run of them is).
fn frozen_count(columns: &[Column]) -> usize {
    columns.iter().take_while(|c| c.frozen()).count()
}

/// The left edge (em) of each column that is frozen, `None` for the others.
fn frozen_lefts(columns: &[Column]) -> Vec<Option<f64>> {
    let frozen = frozen_count(columns);
    let mut left = 0.0;
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let at = (i < frozen).then_some(left);
            left += c.width_em();
            at
        })
        .collect()
}

/// The first task's row (the cursor's first place), else the empty row.
fn first_task_key(model: &PlanModel) -> String {
    model
        .rows
        .iter()
        .find(|r| matches!(r, PlanRow::Task(_)))
        .map_or_else(|| NEW_ROW.to_owned(), PlanRow::key)
}

/// Why `column` of row `key` cannot be typed in, or `None` if it can.
fn not_editable(key: &str, column: Column) -> Option<&'static str> {
    if key == NEW_ROW {
        return (column != Column::Name)
            .then_some("Type the new task's name first, in the Task column.");
    }
    if key.starts_with("g:") {
        return Some(
            "This is the workstream's summary row: its dates come from its tasks. Enter or a \
             click opens or closes it.",
        );
    }
    column.computed_reason()
}

/// The grid of `model`'s rows `visible.0..visible.1` (plus the empty row), in `columns`.
#[component]
pub fn PlanGrid(
    #[prop(into)] model: Signal<PlanModel>,
    #[prop(into)] columns: Signal<Vec<Column>>,
    #[prop(into)] visible: Signal<(usize, usize)>,
    #[prop(into)] row_height: Signal<f64>,
    #[prop(into)] header_height: Signal<f64>,
    /// The selected task ids.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    actions: GridActions,
    /// Take the keyboard focus when shown if nothing else has it (a program just opened:
    /// the cursor is on its first task, ready for typing).
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    let cursor = NodeRef::<leptos::html::Div>::new();
    let active = RwSignal::new(None::<Cell>);
    // The text being typed, when the active cell is being edited.
    let draft = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // While typing replaces a cell's text: the text it had (the cue shows it).
    let replacing = RwSignal::new(None::<String>);
    // The row a Shift-selection extends from.
    let anchor = RwSignal::new(None::<String>);

    let focus_root = move || {
        if let Some(el) = root.get_untracked() {
            let el: &web_sys::HtmlElement = &el;
            let focused = document().active_element();
            if focused.as_ref().map(|f| f.unchecked_ref::<web_sys::Node>())
                != Some(el.unchecked_ref::<web_sys::Node>())
            {
                let _ = el.focus();
            }
        }
    };
    if autofocus {
        Effect::new(move |_| {
            let idle = document()
                .active_element()
                .is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"));
            if idle && let Some(el) = root.get() {
                // Without scrolling: the page stays at its top, the program's head in view.
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = el.focus_with_options(&options);
            }
        });
    }
    // A new editor takes the focus, with the caret after its text.
    Effect::new(move |_| {
        if draft.with(Option::is_some)
            && let Some(el) = input.get()
        {
            let _ = el.focus();
            let end = el.value().encode_utf16().count() as u32;
            let _ = el.set_selection_range(end, end);
        }
    });
    // Brings the active cell into view once the DOM shows it (its scroll margin keeps it
    // clear of the sticky header).
    let reveal = move || {
        request_animation_frame(move || {
            if let Some(el) = cursor.get_untracked() {
                let el: &web_sys::Element = el.unchecked_ref();
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    };

    let close_editor = move || {
        draft.set(None);
        replacing.set(None);
        error.set(None);
    };
    let set_active = move |cell: Option<Cell>| {
        close_editor();
        active.set(cell);
    };
    let select_rows = move |keys: Vec<String>| {
        actions
            .select
            .run(keys.iter().filter_map(|k| task_of(k)).collect());
    };
    // Selects the row of `key`; with `extend`, the rows from the anchor to it.
    let select_to = move |key: &str, extend: bool, toggle: bool| {
        if toggle {
            if let Some(id) = task_of(key) {
                let mut ids = selected.get_untracked();
                match ids.iter().position(|i| *i == id) {
                    Some(at) => {
                        ids.remove(at);
                    }
                    None => ids.push(id),
                }
                actions.select.run(ids);
            }
            anchor.set(Some(key.to_owned()));
            return;
        }
        let from = anchor.get_untracked().filter(|_| extend);
        match from {
            Some(from) => model.with_untracked(|m| {
                let (a, b) = (row_index(m, &from), row_index(m, key));
                select_rows((a.min(b)..=a.max(b)).map(|i| key_at(m, i)).collect());
            }),
            None => {
                anchor.set(Some(key.to_owned()));
                select_rows(vec![key.to_owned()]);
            }
        }
    };
    // Makes row `index`'s cell in `column` the active one (`selects`: the row is selected,
    // `extend`ing a Shift-selection).
    let go_to = move |index: usize, column: Column, selects: bool, extend: bool, sideways: bool| {
        let (key, index) = model.with_untracked(|m| {
            let i = index.min(m.rows.len());
            (key_at(m, i), i)
        });
        set_active(Some((key.clone(), column)));
        if selects {
            select_to(&key, extend, false);
        }
        // Scrolling into view costs a layout: only when the cell may be out of view.
        let (first, last) = visible.get_untracked();
        let near_edge = index < first + EDGE_ROWS || index + EDGE_ROWS >= last;
        if sideways || near_edge {
            reveal();
        }
    };
    // Moves the active cell by rows and columns.
    let step = move |rows: i64, cols: i64, extend: bool| {
        let Some((key, column)) = active.get_untracked() else {
            return;
        };
        let shown = columns.get_untracked();
        let at = shown.iter().position(|&c| c == column).unwrap_or(0) as i64;
        let next_col = shown
            .get((at + cols).clamp(0, shown.len().saturating_sub(1) as i64) as usize)
            .copied()
            .unwrap_or(column);
        let next_index = model.with_untracked(|m| {
            (row_index(m, &key) as i64 + rows).clamp(0, m.rows.len() as i64) as usize
        });
        go_to(next_index, next_col, rows != 0, extend, cols != 0);
    };
    // Rows in a screenful of the grid's pane (PageUp / PageDown move by it).
    let page_rows = move || {
        let pane = root
            .get_untracked()
            .and_then(|el| el.parent_element())
            .map_or(0, |p| p.client_height());
        let header = header_height.get_untracked();
        ((f64::from(pane) - header) / row_height.get_untracked().max(1.0))
            .floor()
            .max(2.0) as i64
            - 1
    };
    // The first or last shown column.
    let edge_column = move |last: bool| {
        columns.with_untracked(|c| if last { c.last() } else { c.first() }.copied())
    };
    // Opens the editor on the active cell: with `typed`, replacing its text (type-to-replace),
    // else on its text. A cell that cannot be typed in says why instead.
    let start_edit = move |typed: Option<String>| {
        let Some((key, column)) = active.get_untracked() else {
            return;
        };
        if let Some(reason) = not_editable(&key, column) {
            // A workstream row's Enter opens or closes it: no message for a plain Enter there.
            if typed.is_some() || !key.starts_with("g:") {
                error.set(Some(reason.to_owned()));
            }
            return;
        }
        let current = model.with_untracked(|m| {
            m.rows.iter().find_map(|r| match r {
                PlanRow::Task(t) if has_key(r, &key) => Some(column.text(t).to_owned()),
                _ => None,
            })
        });
        error.set(None);
        match typed {
            Some(text) => {
                replacing.set(current.filter(|c| !c.is_empty()));
                draft.set(Some(text));
            }
            None => draft.set(Some(current.unwrap_or_default())),
        }
    };
    // Commits the draft; on success moves by (rows, cols) and returns the focus to the grid.
    let commit = move |rows: i64, cols: i64| {
        let (Some((key, column)), Some(text)) = (active.get_untracked(), draft.get_untracked())
        else {
            return;
        };
        match actions.commit.run((task_of(&key), column, text)) {
            Ok(created) => {
                close_editor();
                match created {
                    // A name typed in the empty row made a task: Tab goes on along the new
                    // task's row (as in Excel and MS Project); Enter stays on the (new)
                    // empty row, ready for the next name.
                    Some(id) if key == NEW_ROW && cols != 0 => {
                        active.set(Some((format!("t:{id}"), column)));
                        step(0, cols, false);
                    }
                    _ if key == NEW_ROW => step(0, cols, false),
                    _ => step(rows, cols, false),
                }
                focus_root();
            }
            Err(reason) => error.set(Some(reason)),
        }
    };
    let cancel = move || {
        close_editor();
        focus_root();
    };

    // Whether the active cell is in the last column (or, `backwards`, the first), or none is.
    let at_edge = move |backwards: bool| {
        let Some((_, column)) = active.get_untracked() else {
            return true;
        };
        columns.with_untracked(|c| {
            if backwards { c.first() } else { c.last() }.is_none_or(|&edge| edge == column)
        })
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if draft.with_untracked(Option::is_some) {
            return;
        }
        let key = ev.key();
        let group = active
            .get_untracked()
            .and_then(|(k, _)| k.strip_prefix("g:").map(str::to_owned));
        let ctrl = ev.ctrl_key() || ev.meta_key();
        let plain = !(ctrl || ev.alt_key());
        let handled = match key.as_str() {
            "Home" if ctrl => {
                let first = model.with_untracked(|m| row_index(m, &first_task_key(m)));
                if let Some(c) = edge_column(false) {
                    go_to(first, c, true, false, true);
                }
                true
            }
            // The empty row at the end, where typing a name adds a task.
            "End" if ctrl => {
                let end = model.with_untracked(|m| m.rows.len());
                go_to(end, Column::Name, false, false, true);
                true
            }
            "Home" | "End" => {
                if let (Some((k, _)), Some(c)) = (active.get_untracked(), edge_column(key == "End"))
                {
                    set_active(Some((k, c)));
                    reveal();
                }
                true
            }
            "PageDown" | "PageUp" => {
                let page = page_rows();
                step(
                    if key == "PageDown" { page } else { -page },
                    0,
                    ev.shift_key(),
                );
                reveal();
                true
            }
            "ArrowDown" => {
                step(1, 0, ev.shift_key());
                true
            }
            "ArrowUp" => {
                step(-1, 0, ev.shift_key());
                true
            }
            "ArrowRight" => {
                step(0, 1, false);
                true
            }
            "ArrowLeft" => {
                step(0, -1, false);
                true
            }
            // Tab moves along the row; from the last (or, backwards, the first) column it
            // leaves the grid, so the keyboard is never trapped in it.
            "Tab" if !at_edge(ev.shift_key()) => {
                step(0, if ev.shift_key() { -1 } else { 1 }, false);
                true
            }
            "Enter" | " " if group.is_some() => {
                if let Some(ws) = group {
                    actions.toggle_group.run(ws);
                }
                true
            }
            "Enter" | "F2" => {
                start_edit(None);
                true
            }
            "Escape" => {
                error.set(None);
                true
            }
            "Insert" => {
                let after = active
                    .get_untracked()
                    .and_then(|(k, _)| model.with_untracked(|m| task_at_or_under(m, &k)));
                match actions.insert.run(after) {
                    Ok(id) => {
                        let key = format!("t:{id}");
                        set_active(Some((key.clone(), Column::Name)));
                        select_to(&key, false, false);
                    }
                    Err(reason) => error.set(Some(reason)),
                }
                true
            }
            "Delete" => {
                let ids = selected.get_untracked();
                if !ids.is_empty()
                    && let Err(reason) = actions.delete.run(ids)
                {
                    error.set(Some(reason));
                }
                true
            }
            _ if plain && key.chars().count() == 1 && active.with_untracked(Option::is_some) => {
                start_edit(Some(key.clone()));
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    let on_input_key = move |ev: leptos::ev::KeyboardEvent| {
        ev.stop_propagation();
        let moved = match ev.key().as_str() {
            "Enter" => Some((1, 0)),
            "Tab" => Some((0, if ev.shift_key() { -1 } else { 1 })),
            "ArrowDown" => Some((1, 0)),
            "ArrowUp" => Some((-1, 0)),
            "Escape" => {
                cancel();
                ev.prevent_default();
                None
            }
            _ => None,
        };
        if let Some((rows, cols)) = moved {
            ev.prevent_default();
            commit(rows, cols);
        }
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        // Typing in a cell pastes into it, unless what comes is rows and columns.
        let editing = draft.with_untracked(Option::is_some);
        if editing && !text.trim_end().contains(['\t', '\n']) {
            return;
        }
        ev.prevent_default();
        let at = active.get_untracked().and_then(|(k, _)| task_of(&k));
        match actions.paste.run((at, text)) {
            Ok(()) => {
                draft.set(None);
                error.set(None);
                focus_root();
            }
            Err(reason) => error.set(Some(reason)),
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(cell) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[role=gridcell]").ok().flatten())
        else {
            return;
        };
        let (Some(key), Some(column)) = (
            cell.get_attribute("data-row"),
            cell.get_attribute("data-col")
                .and_then(|c| Column::from_key(&c)),
        ) else {
            return;
        };
        // A workstream's row opens or closes from its first cell (the ▸/▾ mark).
        if let Some(ws) = key.strip_prefix("g:")
            && column == Column::Id
        {
            actions.toggle_group.run(ws.to_owned());
        }
        // A click picks the cell (typing then replaces its text; a double click, Enter or
        // F2 edits it).
        set_active(Some((key.clone(), column)));
        select_to(&key, ev.shift_key(), ev.ctrl_key() || ev.meta_key());
        focus_root();
    };
    let on_double_click = move |_| start_edit(None);

    let total_em = move || columns.with(|c| c.iter().map(|c| c.width_em()).sum::<f64>());
    let header = move || {
        let shown = columns.get();
        let lefts = frozen_lefts(&shown);
        shown
            .into_iter()
            .zip(lefts)
            .map(|(c, left)| {
                let mut class = String::from("grid-head-cell");
                if c.numeric() {
                    class.push_str(" num");
                }
                if left.is_some() {
                    class.push_str(" frozen");
                }
                view! {
                    <div
                        class=class
                        role="columnheader"
                        data-col=c.key()
                        style:width=format!("{}em", c.width_em())
                        style:left=left.map(|l| format!("{l}em"))
                    >
                        <span class="grid-head-label">{c.label()}</span>
                    </div>
                }
            })
            .collect_view()
    };
    // The rows drawn (a memo: a change elsewhere in the model, such as a collapsed group
    // below the view, redraws nothing). Redrawn whole rather than keyed: an edit changes the
    // dates of most rows in view, and measured, rebuilding ~40 rows beats diffing them.
    let drawn = Memo::new(move |_| {
        let (first, last) = visible.get();
        let rh = row_height.get();
        let shown = columns.get();
        let chosen: HashSet<String> = selected.get().into_iter().collect();
        model.with(|m| {
            let end = last.min(m.rows.len());
            let mut rows: Vec<Drawn> = m
                .rows
                .get(first.min(end)..end)
                .unwrap_or_default()
                .iter()
                .enumerate()
                .map(|(i, row)| Drawn {
                    selected: matches!(row, PlanRow::Task(t) if chosen.contains(&t.id)),
                    row: Some(row.clone()),
                    top: ((first + i) as f64 * rh).round() as i64,
                    height: rh.round() as i64,
                    columns: shown.clone(),
                })
                .collect();
            if last >= m.rows.len() {
                rows.push(Drawn {
                    row: None,
                    top: (m.rows.len() as f64 * rh).round() as i64,
                    height: rh.round() as i64,
                    selected: false,
                    columns: shown.clone(),
                });
            }
            rows
        })
    });
    let rows = move || {
        drawn
            .get()
            .into_iter()
            .map(|d| match &d.row {
                Some(row) => render_row(row, &d.columns, d.top, d.height, d.selected),
                None => render_new_row(&d.columns, d.top, d.height),
            })
            .collect_view()
    };
    // Whether the active cell is in a frozen column (its cursor and editor then sit in the
    // frozen layer, which stays in view when the grid scrolls sideways).
    let active_frozen = Memo::new(move |_| {
        let (_, column) = active.get()?;
        Some(columns.with(|c| c.iter().take(frozen_count(c)).any(|&f| f == column)))
    });
    // The width of the frozen columns (em): a scrolled cell is brought clear of them.
    let frozen_width = move || {
        columns.with(|c| {
            c.iter()
                .take(frozen_count(c))
                .map(|c| c.width_em())
                .sum::<f64>()
        })
    };
    // Where the active cell is: (top px, left em, width em), if it is shown.
    let place = move || {
        let (key, column) = active.get()?;
        let left = columns.with(|c| column_left(c, column))?;
        let index = model.with(|m| row_index(m, &key));
        Some((index as f64 * row_height.get(), left, column.width_em()))
    };
    let cursor_view = move || {
        place().map(|(top, left, width)| {
            view! {
                <div
                    class="grid-cursor"
                    node_ref=cursor
                    style:top=format!("{top}px")
                    style:left=format!("{left}em")
                    style:width=format!("{width}em")
                    style:height=format!("{}px", row_height.get())
                    style:scroll-margin-top=format!("{}px", header_height.get())
                    style:scroll-margin-left=format!("{}em", frozen_width())
                ></div>
            }
        })
    };
    // Typing over a cell's text: say what it was and how to keep it.
    let cue_view = move || {
        let was = replacing.get()?;
        let (top, left, _) = place()?;
        Some(view! {
            <div
                class="replace-cue"
                role="status"
                data-role="replace-cue"
                style:top=format!("{}px", (top - row_height.get() * 0.85).max(0.0))
                style:left=format!("{left}em")
            >
                "Replacing “" {was} "” · Esc keeps it"
            </div>
        })
    };
    let editor_view = move || {
        let text = draft.get()?;
        let (top, left, width) = place()?;
        let class = if replacing.with(Option::is_some) {
            "grid-input replacing"
        } else {
            "grid-input"
        };
        Some(view! {
            <input
                class=class
                node_ref=input
                data-role="cell-input"
                aria-label="Cell"
                style:top=format!("{top}px")
                style:left=format!("{left}em")
                style:width=format!("{}em", width.max(8.0))
                style:height=format!("{}px", row_height.get())
                // The attribute, not the property: a fresh input shows it (the property set
                // while the input is built inside the overlay's closure did not stick).
                value=text
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:input=move |ev| draft.set(Some(event_target_value(&ev)))
                on:keydown=on_input_key
                on:blur=move |_| {
                    if draft.with_untracked(Option::is_some) && error.with_untracked(Option::is_none) {
                        commit(0, 0);
                    }
                }
            />
        })
    };
    let error_view = move || {
        let reason = error.get()?;
        let (top, left, _) = place().unwrap_or((0.0, 0.0, 0.0));
        Some(view! {
            <div
                class="cell-error"
                role="alert"
                data-role="cell-error"
                style:top=format!("{}px", top + row_height.get())
                style:left=format!("{left}em")
            >
                {reason}
            </div>
        })
    };
    let overlay = move || view! { {cursor_view} {cue_view} {editor_view} {error_view} };
    let body_height = move || {
        let rows = model.with(|m| m.rows.len()) + 1;
        format!("{}px", rows as f64 * row_height.get())
    };

    view! {
        <div
            class="plan-grid"
            role="grid"
            tabindex="0"
            aria-label="Plan: tasks and milestones"
            aria-rowcount=move || model.with(|m| m.rows.len() + 1)
            node_ref=root
            style:width=move || format!("{}em", total_em())
            on:keydown=on_key
            on:paste=on_paste
            on:click=on_click
            on:dblclick=on_double_click
            on:focus=move |_| {
                // The cursor starts on the first task (not a workstream's row).
                if active.with_untracked(Option::is_none) {
                    set_active(Some((model.with_untracked(first_task_key), Column::Name)));
                }
            }
        >
            <div
                class="grid-head"
                role="row"
                style:height=move || format!("{}px", header_height.get())
            >
                {header}
            </div>
            <div class="grid-body" style:height=body_height>
                <div class="grid-frozen-layer">
                    {move || (active_frozen.get() == Some(true)).then(overlay)}
                </div>
                {rows}
                {move || (active_frozen.get() == Some(false)).then(overlay)}
            </div>
        </div>
    }
}

/// A row as drawn: what it shows and where (the empty row has no `row`).
#[derive(Clone, PartialEq)]
struct Drawn {
    row: Option<PlanRow>,
    /// Pixels.
    top: i64,
    height: i64,
    selected: bool,
    columns: Vec<Column>,
}

fn render_row(row: &PlanRow, columns: &[Column], top: i64, height: i64, selected: bool) -> AnyView {
    let style = format!("top:{top}px;height:{height}px");
    let lefts = frozen_lefts(columns);
    match row {
        PlanRow::Group(g) => {
            let key = row.key();
            let mark = if g.collapsed { "▸" } else { "▾" };
            let cells = columns
                .iter()
                .zip(&lefts)
                .map(|(&c, &left)| {
                    let text = match c {
                        Column::Id => String::new(),
                        Column::Name if g.shown == g.tasks => format!("{} ({})", g.name, g.tasks),
                        Column::Name => format!("{} ({} of {})", g.name, g.shown, g.tasks),
                        Column::Start => g.start.clone(),
                        Column::Finish => g.finish.clone(),
                        _ => String::new(),
                    };
                    let toggle = (c == Column::Id).then(|| {
                        view! { <span class="group-toggle" aria-hidden="true">{mark}</span> }
                    });
                    view! {
                        <div
                            class=if left.is_some() { "grid-cell frozen" } else { "grid-cell" }
                            role="gridcell"
                            data-col=c.key()
                            data-row=key.clone()
                            style:width=format!("{}em", c.width_em())
                            style:left=left.map(|l| format!("{l}em"))
                        >
                            {toggle}
                            {text}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div
                    class="grid-row group-row"
                    role="row"
                    data-key=key.clone()
                    aria-expanded=if g.collapsed { "false" } else { "true" }
                    style=style
                    style:border-left-color=g.color.clone()
                >
                    {cells}
                </div>
            }
            .into_any()
        }
        PlanRow::Task(t) => {
            let key = row.key();
            let mut class = String::from("grid-row task-row");
            if t.milestone {
                class.push_str(" milestone");
            }
            if t.critical {
                class.push_str(" critical");
            }
            if selected {
                class.push_str(" selected");
            }
            let cells = columns
                .iter()
                .zip(&lefts)
                .map(|(&c, &left)| {
                    let text = c.text(t).to_owned();
                    if c == Column::Name && t.milestone {
                        let title = text.clone();
                        view! {
                            <div
                                class=if left.is_some() { "grid-cell frozen" } else { "grid-cell" }
                                role="gridcell"
                                data-col=c.key()
                                data-row=key.clone()
                                title=title
                                style:width=format!("{}em", c.width_em())
                                style:left=left.map(|l| format!("{l}em"))
                            >
                                <span class="milestone-mark" aria-label="Milestone">"◆"</span>
                                {text}
                            </div>
                        }
                        .into_any()
                    } else {
                        view! { <GridCell column=c row_key=key.clone() text=text frozen_left=left /> }
                            .into_any()
                    }
                })
                .collect_view();
            view! {
                <div
                    class=class
                    role="row"
                    data-key=key
                    data-task-id=t.id.clone()
                    aria-selected=if selected { "true" } else { "false" }
                    style=style
                >
                    {cells}
                </div>
            }
            .into_any()
        }
    }
}

fn render_new_row(columns: &[Column], top: i64, height: i64) -> AnyView {
    let lefts = frozen_lefts(columns);
    let cells = columns
        .iter()
        .zip(lefts)
        .map(|(&c, left)| {
            let hint = (c == Column::Name).then(|| "Type a task name to add it…".to_owned());
            view! { <GridCell column=c row_key=NEW_ROW text="" placeholder=hint frozen_left=left /> }
        })
        .collect_view();
    view! {
        <div class="grid-row new-row" role="row" data-key=NEW_ROW style=format!("top:{top}px;height:{height}px")>
            {cells}
        </div>
    }
    .into_any()
}
