//! Schedule health: the DCMA 14-point assessment of the program on the draft's status date,
//! each check's outcome, figure and threshold, and its offending tasks, which a click selects
//! in the plan.

use document::health::{HealthRow, date_line, rows, summary};
use document::status::drafting::Drafted;
use engine::health::Outcome;
use leptos::prelude::*;

use crate::editor::Editor;

/// At most this many tasks are named in a row; the click selects all of them.
const NAMED: usize = 8;

/// The panel.
#[component]
pub fn HealthPanel(drafted: Memo<Option<Drafted>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let table = Memo::new(move |_| {
        drafted.with(|d| {
            d.as_ref().map(|d| {
                let rows = editor.doc.with(|doc| {
                    doc.as_ref()
                        .map_or_else(Vec::new, |doc| rows(&d.health, &doc.program))
                });
                (summary(&d.health), date_line(&d.health), rows)
            })
        })
    });
    let select = move |ids: Vec<String>| {
        editor.selected.set(ids);
        editor.tab.set("plan");
    };
    let row_view = move |row: HealthRow| {
        let class = match row.outcome {
            Outcome::Pass => "health-pass",
            Outcome::Fail => "health-fail",
            _ => "health-na",
        };
        let ids: Vec<String> = row.tasks.iter().map(|t| t.id.clone()).collect();
        let count = ids.len();
        let named: Vec<String> = row
            .tasks
            .iter()
            .take(NAMED)
            .map(|t| format!("{} {}", t.id, t.name))
            .collect();
        let more = count.saturating_sub(NAMED);
        let tasks = (count > 0).then(|| {
            view! {
                <button type="button" class="link-button" data-action="select-tasks"
                    title="Select these tasks in the plan" on:click=move |_| select(ids.clone())>
                    {format!("Select {count} in the plan")}
                </button>
                <span class="section-hint">{format!(" {}: {}{}", row.tasks_are, named.join(", "), if more > 0 { format!(" and {more} more") } else { String::new() })}</span>
            }
        });
        view! {
            <tr class=class data-check=row.slug>
                <td>{row.number}</td>
                <th scope="row">{row.name}</th>
                <td class="health-outcome">{row.outcome_word}</td>
                <td>{row.figure}</td>
                <td>{row.threshold}</td>
                <td>{tasks}{row.note.map(|n| view! { <span class="section-hint">{n}</span> })}</td>
            </tr>
        }
    };
    view! {
        <section data-role="health-panel" aria-label="Schedule health">
            {move || match table.get() {
                None => view! { <p class="section-hint">"The program cannot be scheduled, so its schedule health cannot be assessed."</p> }.into_any(),
                Some((summary, date, rows)) => view! {
                    <p class="log-summary" data-role="health-summary">{summary}</p>
                    <p class="section-hint">{date}". Definitions and thresholds: docs/health.md; the thresholds are the program's (status.rules.health in the file)."</p>
                    <table class="pack-table health-table">
                        <thead><tr><th>"#"</th><th>"Check"</th><th>"Outcome"</th><th>"Figure"</th><th>"Threshold"</th><th>"Tasks"</th></tr></thead>
                        <tbody>{rows.into_iter().map(row_view).collect_view()}</tbody>
                    </table>
                }.into_any(),
            }}
        </section>
    }
}
