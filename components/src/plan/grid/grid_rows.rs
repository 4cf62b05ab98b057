//! The plan grid's rows as drawn: the rows in view (and the empty row when it is in view),
//! each a workstream's group row or a task's row, their cells in the shown columns (frozen
//! ones placed to stay in view).

use leptos::prelude::*;

use crate::plan::grid::cursor::frozen_lefts;
use crate::plan::grid::grid_cell::GridCell;
use document::Column;
use document::plan_model::{PlanRow, RowKey, TaskRow};

/// A row as drawn: what it shows and where (the empty row has no `row`).
#[derive(Clone, PartialEq)]
pub(crate) struct Drawn {
    pub row: Option<PlanRow>,
    /// Pixels.
    pub top: i64,
    pub height: i64,
    pub selected: bool,
    pub columns: Vec<Column>,
}

pub(crate) fn render_row(
    row: &PlanRow,
    columns: &[Column],
    top: i64,
    height: i64,
    selected: bool,
) -> AnyView {
    let style = format!("top:{top}px;height:{height}px");
    let lefts = frozen_lefts(columns);
    match row {
        PlanRow::Group(g) => {
            let key = row.key().to_string();
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
            let key = row.key().to_string();
            let mut class = String::from("grid-row task-row");
            if t.milestone {
                class.push_str(" milestone");
            }
            if t.summary {
                class.push_str(" summary");
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
                    let text = c.text(t).into_owned();
                    if c == Column::Name && (t.milestone || t.summary || t.level > 0) {
                        name_cell(t, &key, left, text)
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

/// A task's name as the outline shows it: indented by its level, a summary with the mark
/// that folds and unfolds it (▾/▸), a milestone with its diamond.
fn name_cell(t: &TaskRow, key: &str, left: Option<f64>, text: String) -> AnyView {
    let c = Column::Name;
    let title = text.clone();
    let mark = if t.summary {
        let (mark, label) = if t.folded {
            ("▸", "Show the tasks under it")
        } else {
            ("▾", "Hide the tasks under it")
        };
        view! { <span class="outline-toggle" data-role="outline-toggle" title=label>{mark}</span> }
            .into_any()
    } else if t.milestone {
        view! { <span class="milestone-mark" aria-label="Milestone">"◆"</span> }.into_any()
    } else {
        ().into_any()
    };
    view! {
        <div
            class=if left.is_some() { "grid-cell frozen" } else { "grid-cell" }
            role="gridcell"
            data-col=c.key()
            data-row=key.to_owned()
            title=title
            data-level=t.level.to_string()
            style:width=format!("{}em", c.width_em())
            style:left=left.map(|l| format!("{l}em"))
            style:padding-left=format!("calc(0.5em + {}em)", 1.2 * f64::from(t.level))
        >
            {mark}
            {text}
        </div>
    }
    .into_any()
}

pub(crate) fn render_new_row(columns: &[Column], top: i64, height: i64) -> AnyView {
    let lefts = frozen_lefts(columns);
    let cells = columns
        .iter()
        .zip(lefts)
        .map(|(&c, left)| {
            let hint = (c == Column::Name).then(|| "Type a task name to add it…".to_owned());
            view! { <GridCell column=c row_key=RowKey::New.to_string() text="" placeholder=hint frozen_left=left /> }
        })
        .collect_view();
    view! {
        <div class="grid-row new-row" role="row" data-key=RowKey::New.to_string() style=format!("top:{top}px;height:{height}px")>
            {cells}
        </div>
    }
    .into_any()
}
