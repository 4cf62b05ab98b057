//! The Status tab (issue 22): the pack the draft would issue, computed from the open
//! program on its status date (schedule, active baseline, the last forecast, logs,
//! readiness), or a past pack as it was issued; as a one-pager or with its detail; as
//! Markdown, an email (rich text or plain) or printed.
//!
//! Does not: rate anything (`engine::status`) or word the pack (`document::status`): it
//! shows what they make, and every change is one program edit through `Editor::act_on`.

use components::PackBlocks;
use document::status::drafting::{Drafted, draft_pack};
use document::status::outline::{Block, one_pager, outline};
use document::status::write::{html, markdown, plain};
use leptos::prelude::*;

use super::dashboard_view::DashboardPanel;
use super::draft_form::DraftForm;
use super::health_view::HealthPanel;
use super::rules_view::RulesPanel;
use crate::editor::Editor;

/// The Status tab's sections: (key, label).
const SECTIONS: &[(&str, &str)] = &[
    ("pack", "Status pack"),
    ("dashboard", "KPI dashboard"),
    ("health", "Schedule health"),
    ("rules", "RAG rules"),
];

/// The pack `doc`'s draft would issue today, from the program checked and scheduled (the
/// kept program) and its last forecast on this page, with its schedule health; `None`
/// while the program cannot be scheduled.
pub fn current_draft(editor: Editor) -> Option<Drafted> {
    let today = crate::format::today();
    editor.doc.with(|d| {
        let d = d.as_ref()?;
        let kept =
            d.id.as_ref()
                .and_then(|id| crate::forecast::forecast_store::kept(&(id.clone(), String::new())));
        let forecast = kept.as_ref().map(|k| &k.result.forecast);
        editor
            .with_checked(&d.program, |checked, schedule| {
                draft_pack(d, checked, schedule, forecast, today)
            })
            .ok()
    })
}

/// The Status tab.
#[component]
pub fn StatusPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let section = RwSignal::new("pack");
    // "" for the draft, else the id of the issued pack shown.
    let shown = RwSignal::new(String::new());
    let detail = RwSignal::new(true);
    let refusal = RwSignal::new(None::<String>);
    let note = RwSignal::new(String::new());
    let drafted = Memo::new(move |_| current_draft(editor));
    let draft = Memo::new(move |_| drafted.with(|d| d.as_ref().map(|d| d.pack.clone())));
    let pack = Memo::new(move |_| {
        let id = shown.get();
        if id.is_empty() {
            return draft.get();
        }
        editor.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.program.status.packs.iter().find(|p| p.id == id).cloned())
        })
    });
    let program_name = move || {
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| d.program.program.name.clone())
                .unwrap_or_default()
        })
    };
    let blocks = Memo::new(move |_| -> Vec<Block> {
        let issued = !shown.get().is_empty();
        pack.with(|p| {
            p.as_ref().map_or_else(Vec::new, |p| {
                if detail.get() {
                    outline(p, &program_name(), issued)
                } else {
                    one_pager(p, &program_name(), issued)
                }
            })
        })
    });
    let whole = move || {
        let issued = !shown.get_untracked().is_empty();
        pack.with_untracked(|p| p.as_ref().map(|p| outline(p, &program_name(), issued)))
    };
    let download = move |_| {
        let Some(blocks) = whole() else { return };
        let result = editor.doc.with_untracked(|d| {
            d.as_ref().map(|d| {
                let name = pack.with_untracked(|p| {
                    p.as_ref().map_or("status.md".into(), |p| {
                        format!("status-{}.md", p.status_date)
                    })
                });
                crate::file_io::export_text(
                    d,
                    &name,
                    &markdown(&blocks),
                    "text/markdown;charset=utf-8",
                )
            })
        });
        refusal.set(result.and_then(Result::err));
    };
    let copy_email = move |_| {
        if let Some(blocks) = whole() {
            crate::clipboard::copy_rich(&html(&blocks), plain(&blocks), note);
        }
    };
    let copy_plain = move |_| {
        if let Some(blocks) = whole() {
            crate::clipboard::copy_text(plain(&blocks), note);
        }
    };
    let print = move |_| crate::file_io::print_page();
    let packs = move || {
        editor.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.program
                    .status
                    .packs
                    .iter()
                    .rev()
                    .map(|p| (p.id.clone(), format!("{} — {}", p.id, p.status_date)))
                    .collect::<Vec<_>>()
            })
        })
    };
    let pack_options = move || {
        let current = shown.get();
        let draft_option =
            view! { <option value="" selected=current.is_empty()>"Draft (next pack)"</option> };
        let past = packs().into_iter().map(|(id, label)| {
            let selected = current == id;
            view! { <option value=id selected=selected>{label}</option> }
        });
        (draft_option, past.collect_view())
    };
    let tabs = move || {
        SECTIONS
            .iter()
            .map(|(key, label)| {
                let key = *key;
                view! {
                    <button type="button" class="button" data-section=key
                        aria-pressed=move || (section.get() == key).to_string()
                        on:click=move |_| section.set(key)>{*label}</button>
                }
            })
            .collect_view()
    };
    let pack_section = move || {
        view! {
            <div class="log-toolbar no-print" role="toolbar" aria-label="Status pack tools">
                <label>"Pack "
                    <select data-role="pack-shown" on:change=move |ev| {
                        shown.set(event_target_value(&ev));
                        refusal.set(None);
                    }>{pack_options}</select>
                </label>
                <label class="check">
                    <input type="checkbox" data-role="pack-detail" prop:checked=move || detail.get()
                        on:change=move |ev| detail.set(event_target_checked(&ev)) />
                    " With the detail"
                </label>
                <button type="button" class="button" data-action="pack-markdown" on:click=download
                    title="Download the pack (one-pager and detail) as Markdown">"Markdown"</button>
                <button type="button" class="button" data-action="pack-copy-email" on:click=copy_email
                    title="Copy the pack as formatted text, to paste into an email">"Copy for email"</button>
                <button type="button" class="button" data-action="pack-copy-text" on:click=copy_plain
                    title="Copy the pack as plain text">"Copy as text"</button>
                <button type="button" class="button" data-action="pack-print" on:click=print
                    title="Print, or save as PDF from the print dialog">"Print"</button>
                <span class="section-hint" role="status" data-role="pack-note">{move || note.get()}</span>
            </div>
            {move || refusal.get().map(|why| view! { <p class="setup-error" role="alert" data-role="status-error">{why}</p> })}
            <Show when=move || shown.get().is_empty()>
                <DraftForm draft=draft shown=shown refusal=refusal />
            </Show>
            <Show when=move || pack.with(Option::is_none)>
                <p class="section-hint">"The program cannot be scheduled, so no pack can be drafted: fix the problems the Plan tab lists."</p>
            </Show>
            <article class="status-pack" data-role="status-pack">
                <PackBlocks blocks=blocks />
            </article>
        }
    };
    view! {
        <section class="status-view logs-view" aria-label="Status" data-role="status">
            <div class="log-toolbar no-print" role="toolbar" aria-label="Status sections">{tabs}</div>
            {move || match section.get() {
                "rules" => view! { <RulesPanel refusal=refusal /> }.into_any(),
                "dashboard" => view! { <DashboardPanel draft=draft /> }.into_any(),
                "health" => view! { <HealthPanel drafted=drafted /> }.into_any(),
                _ => pack_section().into_any(),
            }}
        </section>
    }
}
