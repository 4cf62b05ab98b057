//! The plan grid's markup: the focusable grid element with its header, the rows in view, and
//! the overlay on the active cell (its cursor, the type-to-replace cue, the cell editor and a
//! refusal) — in a layer that stays at the grid's left edge when the cell is in a frozen
//! column.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::plan::grid::cursor::{column_left, frozen_count, frozen_lefts, row_index};
use crate::plan::grid::grid_rows::{Drawn, render_new_row, render_row};
use crate::plan::grid::plan_grid::Grid;
use document::plan_model::PlanRow;

/// The whole grid.
pub(crate) fn grid(g: Grid) -> impl IntoView {
    let total_em = move || {
        g.columns
            .with(|c| c.iter().map(|c| c.width_em()).sum::<f64>())
    };
    let body_height = move || {
        let rows = g.model.with(|m| m.len()) + 1;
        format!("{}px", rows as f64 * g.row_height.get())
    };
    // Whether the active cell is in a frozen column (its overlay then sits in the frozen
    // layer, which stays in view when the grid scrolls sideways).
    let active_frozen = Memo::new(move |_| {
        let column = g.cursor.with(|c| c.active.as_ref().map(|(_, col)| *col))?;
        Some(
            g.columns
                .with(|c| c.iter().take(frozen_count(c)).any(|&f| f == column)),
        )
    });
    view! {
        <div
            class="plan-grid"
            role="grid"
            tabindex="0"
            aria-label="Plan: tasks and milestones"
            aria-rowcount=move || g.model.with(|m| m.len() + 1)
            node_ref=g.root
            style:width=move || format!("{}em", total_em())
            on:keydown=move |ev| g.on_key(&ev)
            on:paste=move |ev| g.on_paste(&ev)
            on:click=move |ev| g.on_click(&ev)
            on:dblclick=move |_| g.start_edit(None)
            on:focus=move |_| g.on_focus()
        >
            <div
                class="grid-head"
                role="row"
                style:height=move || format!("{}px", g.header_height.get())
            >
                {move || header(g)}
            </div>
            <div class="grid-body" style:height=body_height>
                <div class="grid-frozen-layer">
                    {move || (active_frozen.get() == Some(true)).then(|| overlay(g))}
                </div>
                {rows(g)}
                {move || (active_frozen.get() == Some(false)).then(|| overlay(g))}
            </div>
        </div>
    }
}

/// The column headings (frozen ones placed to stay in view).
fn header(g: Grid) -> impl IntoView {
    let shown = g.columns.get();
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
}

/// The rows in view. A memo: a change elsewhere in the model (a group closed below the
/// view) redraws nothing. Not keyed: Leptos patches the rows in view in place (an edit
/// changes the texts and attributes that differ, no row is re-created; measured by
/// `bench/web/app-plan-mutations.mjs`), and a keyed list measured slower.
fn rows(g: Grid) -> impl IntoView {
    let drawn = Memo::new(move |_| {
        let (first, last) = g.visible.get();
        let rh = g.row_height.get();
        let shown = g.columns.get();
        let chosen: HashSet<String> = g.selected.get().into_iter().collect();
        g.model.with(|m| {
            let mut rows: Vec<Drawn> = m
                .rows_in(first..last)
                .map(|(i, row)| Drawn {
                    selected: matches!(row, PlanRow::Task(t) if chosen.contains(&t.id)),
                    row: Some(row.clone()),
                    top: (i as f64 * rh).round() as i64,
                    height: rh.round() as i64,
                    columns: shown.clone(),
                })
                .collect();
            if last >= m.len() {
                rows.push(Drawn {
                    row: None,
                    top: (m.len() as f64 * rh).round() as i64,
                    height: rh.round() as i64,
                    selected: false,
                    columns: shown.clone(),
                });
            }
            rows
        })
    });
    move || {
        drawn
            .get()
            .into_iter()
            .map(|d| match &d.row {
                Some(row) => render_row(row, &d.columns, d.top, d.height, d.selected),
                None => render_new_row(&d.columns, d.top, d.height),
            })
            .collect_view()
    }
}

/// Where the active cell is: (top px, left em, width em), if it is shown.
fn place(g: Grid) -> Option<(f64, f64, f64)> {
    let (key, column) = g.cursor.with(|c| c.active.clone())?;
    let left = g.columns.with(|c| column_left(c, column))?;
    let index = g.model.with(|m| row_index(m, &key));
    Some((index as f64 * g.row_height.get(), left, column.width_em()))
}

/// The active cell's cursor, cue, editor and refusal.
fn overlay(g: Grid) -> impl IntoView {
    // The width of the frozen columns (em): a scrolled cell is brought clear of them.
    let frozen_width = move || {
        g.columns.with(|c| {
            c.iter()
                .take(frozen_count(c))
                .map(|c| c.width_em())
                .sum::<f64>()
        })
    };
    let cursor = move || {
        place(g).map(|(top, left, width)| {
            view! {
                <div
                    class="grid-cursor"
                    node_ref=g.cursor_el
                    style:top=format!("{top}px")
                    style:left=format!("{left}em")
                    style:width=format!("{width}em")
                    style:height=format!("{}px", g.row_height.get())
                    style:scroll-margin-top=format!("{}px", g.header_height.get())
                    style:scroll-margin-left=format!("{}em", frozen_width())
                ></div>
            }
        })
    };
    // Typing over a cell's text: say what it was and how to keep it.
    let cue = move || {
        let was = g.cursor.with(|c| c.replacing.clone())?;
        let (top, left, _) = place(g)?;
        Some(view! {
            <div
                class="replace-cue"
                role="status"
                data-role="replace-cue"
                style:top=format!("{}px", (top - g.row_height.get() * 0.85).max(0.0))
                style:left=format!("{left}em")
            >
                "Replacing “" {was} "” · Esc keeps it"
            </div>
        })
    };
    let error = move || {
        let reason = g.cursor.with(|c| c.error.clone())?;
        let (top, left, _) = place(g).unwrap_or((0.0, 0.0, 0.0));
        Some(view! {
            <div
                class="cell-error"
                role="alert"
                data-role="cell-error"
                style:top=format!("{}px", top + g.row_height.get())
                style:left=format!("{left}em")
            >
                {reason}
            </div>
        })
    };
    view! { {cursor} {cue} {move || editor(g)} {error} }
}

/// The cell editor, while a cell is being edited.
fn editor(g: Grid) -> Option<impl IntoView> {
    let (text, replacing) = g.cursor.with(|c| (c.draft.clone(), c.replacing.is_some()));
    let text = text?;
    let (top, left, width) = place(g)?;
    let class = if replacing {
        "grid-input replacing"
    } else {
        "grid-input"
    };
    Some(view! {
        <input
            class=class
            node_ref=g.input
            data-role="cell-input"
            aria-label="Cell"
            style:top=format!("{top}px")
            style:left=format!("{left}em")
            style:width=format!("{}em", width.max(8.0))
            style:height=format!("{}px", g.row_height.get())
            // The attribute, not the property: a fresh input shows it (the property set
            // while the input is built inside the overlay's closure did not stick).
            value=text
            aria-invalid=move || g.cursor.with(|c| c.error.is_some()).then_some("true")
            on:input=move |ev| {
                let typed = event_target_value(&ev);
                g.cursor.update(|c| c.draft = Some(typed));
            }
            on:keydown=move |ev| g.on_input_key(&ev)
            on:blur=move |_| {
                let pending = g.cursor.with_untracked(|c| c.editing() && c.error.is_none());
                if pending {
                    g.commit(0, 0);
                }
            }
        />
    })
}
