//! The status pack (issue 22): drafting the next pack of a program with 200 log items and
//! twenty packs issued ([`crate::status_program::packed`]), timed in three parts as the app
//! runs them — the draft (`document::status::drafting::draft_pack`, schedule health
//! included), its outline written as Markdown and HTML, and the KPI dashboard over the packs
//! and the draft — and all three in a row. The program is checked and scheduled beforehand,
//! as the app keeps it. As in the native `cargo bench -p bench --bench status`.

use crate::status_program::packed;
use crate::timer::{Timing, measure};
use document::status::dashboard::dashboard;
use document::status::drafting::draft_pack;
use document::status::outline::outline;
use document::status::write::{html, markdown};
use engine::status::Pack;
use engine::status::kpi::history;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The result of [`bench_status`].
#[derive(Serialize)]
pub struct Report {
    pub tasks: usize,
    pub links: usize,
    pub milestones: usize,
    /// Milestones with a deadline.
    pub deadlines: usize,
    /// Risks and the items of every other log.
    pub log_items: usize,
    /// Packs issued before the draft.
    pub packs: usize,
    /// `draft_pack`: the facts, the six ratings, what changed since the last pack and the
    /// fourteen health checks.
    pub draft: Timing,
    /// `outline`, then `markdown` and `html` of its blocks.
    pub layout: Timing,
    /// `dashboard` over the packs issued and the draft.
    pub dashboard: Timing,
    /// The three in a row.
    pub all: Timing,
    /// What the draft says, to show it is a full pack.
    pub overall: String,
    pub changes: usize,
    pub failing_checks: usize,
    pub markdown_bytes: usize,
    pub html_bytes: usize,
    pub charts: usize,
}

/// Times drafting, laying out and charting the next pack of a `tasks`-task program with 200
/// log items and 20 packs issued, over `runs` samples each. Returns JSON `{tasks, links,
/// milestones, deadlines, log_items, packs, draft, layout, dashboard, all, …}`, each timing
/// `{runs, batch, median_ms, min_ms}`.
#[wasm_bindgen]
pub fn bench_status(tasks: usize, runs: usize) -> Result<String, String> {
    let report = status(tasks, runs)?;
    serde_json::to_string(&report).map_err(|e| e.to_string())
}

/// What [`bench_status`] measures, as a [`Report`].
pub fn status(tasks: usize, runs: usize) -> Result<Report, String> {
    let packed = packed(tasks)?;
    let doc = &packed.doc;
    let program = &doc.program;
    let name = program.program.name.as_str();
    let checked = engine::check(program).map_err(|_| "the packed program is invalid")?;
    let schedule = engine::schedule_checked(&checked).map_err(|_| "it cannot be scheduled")?;
    let forecast = Some(&packed.forecast);
    let draft = || draft_pack(doc, &checked, &schedule, forecast, packed.today);
    let layout = |pack: &Pack| {
        let blocks = outline(pack, name, false);
        (markdown(&blocks), html(&blocks))
    };
    let status = &program.status;
    let charts =
        |pack: &Pack| dashboard(program, &history(status, Some(pack)), &status.rules.targets);

    let drafted = draft();
    let pack = &drafted.pack;
    let (md, page) = layout(pack);
    let chart_count = charts(pack).len();
    let timing_draft = measure(runs, || draft().pack.facts.tasks.len());
    let timing_layout = measure(runs, || layout(pack).1.len());
    let timing_dashboard = measure(runs, || charts(pack).len());
    let timing_all = measure(runs, || {
        let drafted = draft();
        let (md, page) = layout(&drafted.pack);
        md.len() + page.len() + charts(&drafted.pack).len()
    });
    Ok(Report {
        tasks,
        links: program.dependencies.len(),
        milestones: program.tasks.iter().filter(|t| t.is_milestone()).count(),
        deadlines: packed.deadlines,
        log_items: program.risks.len()
            + program.logs.issues.len()
            + program.logs.decisions.len()
            + program.logs.dependencies.len()
            + program.logs.changes.len(),
        packs: status.packs.len(),
        draft: timing_draft,
        layout: timing_layout,
        dashboard: timing_dashboard,
        all: timing_all,
        overall: pack
            .assessment
            .overall
            .map_or("not rated", |rag| rag.name())
            .into(),
        changes: changes_count(pack),
        failing_checks: pack.assessment.health.len(),
        markdown_bytes: md.len(),
        html_bytes: page.len(),
        charts: chart_count,
    })
}

/// Items in the pack's "what changed".
fn changes_count(pack: &Pack) -> usize {
    let c = &pack.changes;
    c.moved.len()
        + c.new_risks.len()
        + c.closed_risks.len()
        + c.new_issues.len()
        + c.closed_issues.len()
        + c.decisions_made.len()
        + c.dependencies_at_risk.len()
        + c.critical_joined.len()
        + c.critical_left.len()
        + c.changes_approved.len()
        + c.tasks_added.len()
        + c.tasks_removed.len()
}

#[cfg(test)]
mod tests {
    use super::status;
    use crate::status_program::{LOGS, PACKS};

    #[test]
    fn a_small_program_drafts_a_full_pack_after_twenty() {
        let r = status(800, 1).unwrap();
        assert_eq!(r.packs, PACKS);
        assert_eq!(r.log_items, LOGS.iter().map(|(_, n)| n).sum::<usize>());
        assert!(r.deadlines >= 5, "{}", r.deadlines);
        assert!(r.changes > 0 && r.charts == 11 && r.markdown_bytes > 1_000);
    }
}
