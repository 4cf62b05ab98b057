//! The spreadsheet import's mapping step, wired: a CSV or tab-separated file read into a
//! table waits here with its guessed mapping and the default rules; every change of a
//! column's field or of a rule converts the table again (`interop::sheet::convert`) and the
//! preview shows what each row becomes. Import stores the program as a new one.
//!
//! Does not: read the file (`file_io`), guess or convert (`interop::sheet`), or draw
//! (`components::SheetMapping`).

use std::sync::Arc;

use components::{
    SheetActions, SheetColumn, SheetMapping, SheetPreview, SheetRow, SheetRule, SheetRules,
};
use interop::sheet::{Became, DateOrder, Field, Mapping, Rules, Table};
use leptos::prelude::*;
use leptos::task::spawn_local;
use planfile::Document;

use crate::perf;
use crate::route::Nav;
use crate::state::Ctx;

/// A spreadsheet read, waiting for its mapping to be reviewed.
#[derive(Clone)]
pub struct PendingSheet {
    pub table: Arc<Table>,
    pub file_name: String,
    pub mapping: Mapping,
    pub rules: Rules,
}

/// The date orders offered, in the order of their labels.
const DATE_ORDERS: [(DateOrder, &str); 3] = [
    (DateOrder::Auto, "as the file shows"),
    (DateOrder::DayFirst, "day first (03/04 is 3 April)"),
    (DateOrder::MonthFirst, "month first (03/04 is 4 March)"),
];

/// Rows shown under the headings, and rows shown in the preview.
const SAMPLES: usize = 3;
const PREVIEW_ROWS: usize = 200;

/// The mapping step, while a spreadsheet waits.
pub fn sheet_view(ctx: Ctx, nav: Nav) -> impl IntoView {
    // Drawn again only when another file waits: a field or a rule changed updates the
    // step in place (the selects keep their focus) through the memos below.
    let waiting = Memo::new(move |_| {
        ctx.pending_sheet
            .with(|p| p.as_ref().map(|p| p.file_name.clone()))
    });
    move || {
        let file_name = waiting.get()?;
        let preview = Memo::new(move |_| {
            ctx.pending_sheet
                .with(|p| p.as_ref().map(convert))
                .unwrap_or_default()
        });
        let actions = actions(ctx, nav, preview);
        Some(view! {
            <SheetMapping
                file_name=file_name
                fields=Field::ALL.iter().map(|f| f.label()).collect()
                date_orders=DATE_ORDERS.iter().map(|(_, label)| *label).collect()
                columns=Signal::derive(move || ctx.pending_sheet.with(|p| p.as_ref().map(columns).unwrap_or_default()))
                rules=Signal::derive(move || ctx.pending_sheet.with(|p| p.as_ref().map(rules).unwrap_or(SheetRules { days_per_point: 1.0, hours_per_day: 8.0, date_order: 0 })))
                preview=Signal::derive(move || preview.with(|(p, _)| p.clone()))
                actions=actions
            />
        })
    }
}

/// The columns as the mapping step shows them.
fn columns(pending: &PendingSheet) -> Vec<SheetColumn> {
    let table = &pending.table;
    (0..table.width())
        .map(|c| SheetColumn {
            heading: table.label(c),
            // The first rows as they are, so a row reads across the columns.
            samples: (0..table.len().min(SAMPLES))
                .map(|r| short(table.cell(r, c)))
                .collect(),
            field: Field::ALL
                .iter()
                .position(|f| *f == pending.mapping.field(c))
                .unwrap_or(0),
        })
        .collect()
}

fn rules(pending: &PendingSheet) -> SheetRules {
    SheetRules {
        days_per_point: pending.rules.days_per_point,
        hours_per_day: pending.rules.hours_per_day,
        date_order: DATE_ORDERS
            .iter()
            .position(|(o, _)| *o == pending.rules.date_order)
            .unwrap_or(0),
    }
}

/// The table converted by the mapping and rules: the preview as shown, and the program.
fn convert(pending: &PendingSheet) -> (SheetPreview, Option<engine::Program>) {
    let (table, mapping, rules) = (&pending.table, &pending.mapping, &pending.rules);
    let start =
        interop::sheet::suggested_start(table, mapping, rules).unwrap_or_else(crate::format::today);
    let preview = interop::sheet::convert(table, mapping, rules, start);
    let rows = preview
        .rows
        .iter()
        .filter(|r| r.became != Became::Blank)
        .take(PREVIEW_ROWS)
        .map(|r| SheetRow {
            row: r.row,
            name: name_of(table, mapping, r.row),
            became: match &r.became {
                Became::Task(id) => format!("task {id}"),
                Became::Parent { workstream } => {
                    format!("summary task, in workstream {workstream}")
                }
                Became::Skipped => "skipped".to_owned(),
                Became::Blank => String::new(),
            },
            problems: r.problems.iter().map(|p| p.message.clone()).collect(),
        })
        .collect();
    let shown = SheetPreview {
        summary: preview.report.summary(),
        refused: preview.refused.clone(),
        rows,
        notes: preview
            .report
            .notes
            .iter()
            .map(ToString::to_string)
            .collect(),
    };
    (shown, preview.program)
}

/// Row `row`'s name (rows are counted from 1 under the headings).
fn name_of(table: &Table, mapping: &Mapping, row: usize) -> String {
    mapping
        .columns_of(Field::Name)
        .first()
        .map(|&c| table.cell(row.saturating_sub(1), c).to_owned())
        .unwrap_or_default()
}

fn actions(
    ctx: Ctx,
    nav: Nav,
    preview: Memo<(SheetPreview, Option<engine::Program>)>,
) -> SheetActions {
    let change = move |f: &dyn Fn(&mut PendingSheet)| {
        ctx.pending_sheet.update(|p| {
            if let Some(p) = p {
                f(p);
            }
        });
    };
    SheetActions {
        field: Callback::new(move |(column, field): (usize, usize)| {
            change(&|p| {
                if let (Some(slot), Some(&f)) =
                    (p.mapping.columns.get_mut(column), Field::ALL.get(field))
                {
                    *slot = f;
                }
            })
        }),
        rule: Callback::new(move |rule: SheetRule| {
            change(&|p| match rule {
                SheetRule::DaysPerPoint(v) if v > 0.0 && v.is_finite() => {
                    p.rules.days_per_point = v
                }
                SheetRule::HoursPerDay(v) if v > 0.0 && v <= 24.0 => p.rules.hours_per_day = v,
                SheetRule::DateOrder(i) => {
                    if let Some((order, _)) = DATE_ORDERS.get(i) {
                        p.rules.date_order = *order;
                    }
                }
                _ => {}
            })
        }),
        import: Callback::new(move |()| {
            let Some(program) = preview.with_untracked(|(_, program)| program.clone()) else {
                return;
            };
            let name = ctx
                .pending_sheet
                .with_untracked(|p| p.as_ref().map(|p| file_stem(&p.file_name)))
                .unwrap_or_default();
            ctx.pending_sheet.set(None);
            let mut document = Document::new(program);
            if !name.is_empty() {
                document.program.program.name = name;
            }
            let span = perf::start("planwork:import");
            spawn_local(super::import::store_new_or_ask(ctx, nav, document, span));
        }),
        cancel: Callback::new(move |()| ctx.pending_sheet.set(None)),
    }
}

/// A cell as a sample: its first line, at most 60 characters.
fn short(cell: &str) -> String {
    let line = cell.lines().next().unwrap_or_default();
    let mut text: String = line.chars().take(60).collect();
    if text.len() < cell.len() {
        text.push('…');
    }
    text
}

/// A file's name without its extension: the program's name.
fn file_stem(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.chars().take(200).collect::<String>().trim().to_owned()
}
