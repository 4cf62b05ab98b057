//! The open program's domain: the document (`planfile::Document`: the program, its
//! scenarios, baselines and risks) and every operation on it that is neither storage nor
//! rendering.
//!
//! - [`derived`]: the open program derived once per revision (the program or scenario
//!   shown, its schedule, its variance to the active baseline), read by every view.
//! - [`plan_edit`]: what a user types in a cell, pastes, inserts or deletes, as engine edits.
//! - [`history`]: undo and redo of every change, program edits and document-level steps.
//! - [`outline`]: summary tasks as the plan shows them, and Indent, Outdent and Delete on them.
//! - [`scenarios`], [`baselines`]: managing them (create, duplicate, rename, delete, promote;
//!   save, make active, delete), and every scenario evaluated against the program.
//! - [`scenario_edit`]: the program a scenario shows, and edits made while it is shown.
//! - [`forecast_inputs`]: what a forecast runs on, and whether a result is stale.
//! - [`logs`]: the Logs tab's tables: one row per log item with its computed columns, a
//!   summary line per log, sort, filter and CSV export.
//! - [`status`]: the status pack's words (Markdown, email, plain text), its draft from an
//!   open document, and the KPI dashboard as charts.
//! - [`health`]: schedule health (the DCMA 14-point assessment) as the panel's rows and as
//!   Markdown for the status pack.
//! - [`board`]: the program board placed for the Board tab and its SVG, and the ROAM lanes.
//! - [`load_view`]: the Load tab: each resource's demand and capacity by day, over-allocations.
//! - [`plan_model`], [`columns`], [`plan_rows`]: the plan as the grid and the chart show
//!   it, and how it is built from the document and its schedule.
//!
//! Does not: touch the DOM, signals, storage, files or the clock (today's date is passed in);
//! check or schedule by its own rules (`engine` does). Plain Rust: `cargo test -p document`.

pub mod baselines;
pub mod board;
pub mod columns;
pub mod derived;
pub mod forecast_inputs;
pub mod health;
pub mod history;
pub mod load_view;
pub mod logs;
pub mod outline;
pub mod plan_edit;
pub mod plan_model;
pub mod plan_rows;
pub mod readiness;
pub mod scenario_edit;
pub mod scenarios;
pub mod status;

pub use columns::Column;

use engine::Diagnostics;

/// Diagnostics in plain words, one per line (at most five, then how many more).
pub fn describe(diagnostics: &Diagnostics) -> String {
    let mut lines: Vec<String> = diagnostics
        .0
        .iter()
        .take(5)
        .map(|d| d.message.clone())
        .collect();
    if diagnostics.0.len() > 5 {
        lines.push(format!("… and {} more.", diagnostics.0.len() - 5));
    }
    lines.join("\n")
}
