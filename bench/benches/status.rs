//! Native figures for the status pack (issue 22), beside the wasm ones: drafting the next
//! pack of a 5,000-task program with 200 log items and 20 packs issued, its outline as
//! Markdown and HTML, and the KPI dashboard: `cargo bench -p bench --bench status`.

use bench::status::status;

fn main() {
    let r = status(5_000, 30).expect("the generated program drafts");
    println!(
        "status pack: {} tasks, {} links, {} milestones ({} with a deadline), {} log items, {} packs issued; \
         draft {} ({} changes, {} failing health checks), Markdown {} B, HTML {} B, {} charts\n",
        r.tasks,
        r.links,
        r.milestones,
        r.deadlines,
        r.log_items,
        r.packs,
        r.overall,
        r.changes,
        r.failing_checks,
        r.markdown_bytes,
        r.html_bytes,
        r.charts
    );
    println!("| part | median ms | min ms | runs × batch |");
    println!("|---|---:|---:|---:|");
    for (part, t) in [
        ("draft (draft_pack, health included)", &r.draft),
        ("outline, Markdown and HTML", &r.layout),
        ("KPI dashboard (20 packs + draft)", &r.dashboard),
        ("all three", &r.all),
    ] {
        println!(
            "| {part} | {:.3} | {:.3} | {} × {} |",
            t.median_ms, t.min_ms, t.runs, t.batch
        );
    }
}
