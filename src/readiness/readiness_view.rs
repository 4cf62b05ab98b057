//! The Readiness tab (issue 21), one milestone at a time: its readiness checklist (made from
//! a template, a table of typed cells, items waived by a named approver), the go/no-go
//! record (a Go with unmet hard gates is refused with the list), the release and cutover
//! runbook (a T-minus table of typed cells; steps checked off with their actual times), the
//! post-launch review with its follow-up actions, and all of it as Markdown or printed.
//!
//! Does not: decide anything (`engine::readiness`, `document::readiness`): every change is
//! one program edit through `Editor::act` (one undo step), a refusal said with its reason.

use components::{LogTableActions, LogTableView};
use document::logs::table::LogTable;
use document::readiness::table::{ReadinessTable, checklist_table, runbook_table};
use engine::readiness::edit::{
    add_item, add_step, checklist_from_template, remove_item, remove_step,
};
use engine::readiness::entries::{checklist_from, set_runbook_field};
use engine::readiness::typing::{set_item_field, set_step_field};
use leptos::prelude::*;

use super::go_no_go::GoNoGoForm;
use super::review_view::ReviewPanel;
use super::templates_view::{TemplatesBar, load as load_templates};
use crate::editor::Editor;
use crate::logs::logs_view::as_of;

fn as_log_table(table: Option<ReadinessTable>) -> LogTable {
    table.map_or_else(LogTable::default, |t| LogTable {
        total: t.rows.len(),
        columns: t.columns,
        rows: t.rows,
        summary: t.summary,
    })
}

/// The milestones: (id, name), in plan order.
fn milestones(editor: Editor) -> Vec<(String, String)> {
    editor.doc.with(|d| {
        d.as_ref().map_or_else(Vec::new, |d| {
            d.program
                .tasks
                .iter()
                .filter(|t| t.is_milestone())
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect()
        })
    })
}

/// The Readiness tab.
#[component]
pub fn ReadinessPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let refusal = RwSignal::new(None::<String>);
    // The first milestone with a checklist, else the first.
    let first = editor.doc.with_untracked(|d| {
        d.as_ref().and_then(|d| {
            d.program
                .readiness
                .checklists
                .first()
                .map(|c| c.milestone.clone())
                .or_else(|| {
                    d.program
                        .tasks
                        .iter()
                        .find(|t| t.is_milestone())
                        .map(|t| t.id.clone())
                })
        })
    });
    let milestone = RwSignal::new(first.unwrap_or_default());
    let checklist = Memo::new(move |_| {
        let (m, day) = (milestone.get(), as_of(editor));
        editor.doc.with(|d| {
            as_log_table(d.as_ref().and_then(|d| {
                editor
                    .derived
                    .with(|v| checklist_table(&d.program, v.program.ok(), &m, day))
            }))
        })
    });
    let runbook = Memo::new(move |_| {
        let m = milestone.get();
        editor
            .doc
            .with(|d| as_log_table(d.as_ref().and_then(|d| runbook_table(&d.program, &m))))
    });
    let has_checklist = move || checklist.with(|t| !t.columns.is_empty());
    let has_runbook = move || runbook.with(|t| !t.columns.is_empty());
    let m = move || milestone.get_untracked();
    let item_actions = LogTableActions {
        edit: Callback::new(move |(id, field, text): (String, &'static str, String)| {
            editor.act_on(refusal, &id, |p| {
                set_item_field(p, &m(), &id, field, &text).map(|e| vec![e])
            });
        }),
        delete: Callback::new(move |id: String| {
            editor.act_on(refusal, &format!("{id} not deleted"), |p| {
                remove_item(p, &m(), &id).map(|e| vec![e])
            });
        }),
    };
    let step_actions = LogTableActions {
        edit: Callback::new(move |(id, field, text): (String, &'static str, String)| {
            editor.act_on(refusal, &id, |p| {
                set_step_field(p, &m(), &id, field, &text).map(|e| vec![e])
            });
        }),
        delete: Callback::new(move |id: String| {
            editor.act_on(refusal, &format!("{id} not deleted"), |p| {
                remove_step(p, &m(), &id).map(|e| vec![e])
            });
        }),
    };
    // A template is `b:<name>` (built in, or the program's own) or `u:<name>` (this browser's).
    let template = RwSignal::new(format!("b:{}", engine::readiness::templates::BUILT_IN[0]));
    let yours = RwSignal::new(Vec::new());
    load_templates(yours);
    let create = move |_| {
        let chosen = template.get_untracked();
        editor.act_on(refusal, "No checklist made", |p| {
            match chosen.strip_prefix("u:") {
                Some(name) => {
                    let found =
                        yours.with_untracked(|ts| ts.iter().find(|t| t.name == name).cloned());
                    match found {
                        Some(t) => checklist_from(p, &m(), &t),
                        None => checklist_from_template(p, &m(), name).map(|e| vec![e]),
                    }
                }
                None => checklist_from_template(p, &m(), chosen.trim_start_matches("b:"))
                    .map(|e| vec![e]),
            }
        });
    };
    let (new_item, new_step) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let add_new_item = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if editor.act_on(refusal, "Not added", |p| {
            add_item(p, &m(), &new_item.get_untracked()).map(|(_, e)| vec![e])
        }) {
            new_item.set(String::new());
        }
    };
    let add_new_step = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if editor.act_on(refusal, "Not added", |p| {
            add_step(p, &m(), &new_step.get_untracked()).map(|(_, e)| vec![e])
        }) {
            new_step.set(String::new());
        }
    };
    let markdown = move |_| {
        let result = editor.doc.with_untracked(|d| {
            d.as_ref().map(|d| {
                let text = editor.derived.with_untracked(|v| {
                    document::readiness::markdown::milestone_markdown(
                        &d.program,
                        v.program.ok(),
                        &m(),
                        as_of(editor),
                    )
                });
                crate::file_io::export_text(
                    d,
                    &format!("readiness-{}.md", m()),
                    &text,
                    "text/markdown;charset=utf-8",
                )
            })
        });
        refusal.set(result.and_then(Result::err));
    };
    let print = move |_| crate::file_io::print_page();
    // Readiness per area: `quality 2/3 · security 1/2 …`.
    let by_area = move || {
        let m = milestone.get();
        editor.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.program.readiness.checklist(&m))
                .map(|c| {
                    engine::readiness::figures::by_area(c)
                        .into_iter()
                        .map(|(area, count)| {
                            format!("{} {}/{}", area.name(), count.settled, count.total)
                        })
                        .collect::<Vec<_>>()
                        .join(" · ")
                })
                .map(|line| format!("By area (met or waived): {line}"))
        })
    };
    let runbook_field = move |field: &'static str| {
        let m = milestone.get();
        editor.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.program.readiness.runbook(&m))
                .map(|b| match field {
                    "time_zone" => b.time_zone.clone(),
                    _ => b.t0.map(|t| t.to_text()).unwrap_or_default(),
                })
                .unwrap_or_default()
        })
    };
    let set_book = move |field: &'static str, text: String| {
        editor.act_on(refusal, "Runbook", |p| {
            set_runbook_field(p, &m(), field, &text).map(|e| vec![e])
        });
    };
    let options = move || {
        milestones(editor)
            .into_iter()
            .map(|(id, name)| {
                let selected = milestone.get() == id;
                view! { <option value=id.clone() selected=selected>{format!("{name} ({id})")}</option> }
            })
            .collect_view()
    };
    let templates = move || {
        let built_in = engine::readiness::templates::BUILT_IN
            .iter()
            .map(|name| view! { <option value=format!("b:{name}")>{*name}</option> });
        let own = yours.get().into_iter().map(|t| {
            view! { <option value=format!("u:{}", t.name)>{format!("Yours: {}", t.name)}</option> }
        });
        built_in
            .map(IntoAny::into_any)
            .chain(own.map(IntoAny::into_any))
            .collect_view()
    };
    view! {
        <section class="readiness-view logs-view" aria-label="Readiness" data-role="readiness">
            <div class="log-toolbar no-print" role="toolbar" aria-label="Readiness tools">
                <label>"Milestone "
                    <select data-role="readiness-milestone" on:change=move |ev| {
                        milestone.set(event_target_value(&ev));
                        refusal.set(None);
                    }>{options}</select>
                </label>
                <button type="button" class="button" data-action="readiness-markdown" on:click=markdown
                    title="Download the checklist, go/no-go, runbook and review as Markdown, for a wiki or an email">
                    "Markdown"
                </button>
                <button type="button" class="button" data-action="readiness-print" on:click=print
                    title="Print, or save as PDF from the print dialog">
                    "Print"
                </button>
            </div>
            {move || refusal.get().map(|why| view! { <p class="setup-error" role="alert" data-role="log-error">{why}</p> })}
            <h2 class="section-title">"Readiness checklist"</h2>
            <Show when=has_checklist fallback=move || view! {
                <div class="log-add no-print">
                    <select data-role="readiness-template" aria-label="Template"
                        on:change=move |ev| template.set(event_target_value(&ev))>{templates}</select>
                    <button type="button" class="button button-primary" data-action="create-checklist" on:click=create>
                        "Create the checklist"
                    </button>
                </div>
            }>
                <p class="log-summary" data-role="readiness-summary">{move || checklist.with(|t| t.summary.clone())}</p>
                <p class="section-hint" data-role="readiness-by-area">{by_area}</p>
                <LogTableView table=checklist log="checklist" actions=item_actions />
                <form class="log-add no-print" on:submit=add_new_item>
                    <input type="text" placeholder="New item…" aria-label="New item" data-role="new-item"
                        prop:value=move || new_item.get() on:input=move |ev| new_item.set(event_target_value(&ev)) />
                    <button type="submit" class="button">"Add item"</button>
                </form>
                <TemplatesBar milestone=milestone templates=yours refusal=refusal />
                <GoNoGoForm milestone=milestone refusal=refusal />
            </Show>
            <h2 class="section-title">"Release and cutover runbook"</h2>
            <Show when=has_runbook>
                <p class="log-summary" data-role="runbook-summary">{move || runbook.with(|t| t.summary.clone())}</p>
                <div class="log-add no-print">
                    <label>"Time zone "
                        <input type="text" class="log-filter" data-role="runbook-time-zone" placeholder="Europe/Berlin"
                            prop:value=move || runbook_field("time_zone")
                            on:change=move |ev| set_book("time_zone", event_target_value(&ev)) />
                    </label>
                    <label>"T0 (go-live) "
                        <input type="text" class="log-filter" data-role="runbook-t0" placeholder="the first checkpoint"
                            prop:value=move || runbook_field("t0")
                            on:change=move |ev| set_book("t0", event_target_value(&ev)) />
                    </label>
                </div>
                <LogTableView table=runbook log="runbook" actions=step_actions />
            </Show>
            <form class="log-add no-print" on:submit=add_new_step>
                <input type="text" placeholder="New step…" aria-label="New step" data-role="new-step"
                    prop:value=move || new_step.get() on:input=move |ev| new_step.set(event_target_value(&ev)) />
                <button type="submit" class="button">"Add step"</button>
            </form>
            <ReviewPanel milestone=milestone refusal=refusal />
        </section>
    }
}
