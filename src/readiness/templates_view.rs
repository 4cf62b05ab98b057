//! The browser's own readiness templates on the Readiness tab: **Save as template** keeps a
//! milestone's checklist in this browser (IndexedDB), for the team's next program; **Export
//! templates** and **Import templates** carry them to another browser as one file. A
//! checklist made from one copies it into the program (see
//! `engine::readiness::entries::checklist_from`), so the program file stays whole.
//!
//! Does not: read or write the file format (`document::readiness::templates_file`) or
//! IndexedDB (`crate::storage`) by itself.

use document::readiness::templates_file::{read, write};
use engine::readiness::entries::template_of;
use engine::readiness::model::Template;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::editor::Editor;
use crate::state::store;

/// The templates kept in this browser, loaded into `into` (quietly none if storage fails:
/// the built-in ones are still offered).
pub fn load(into: RwSignal<Vec<Template>>) {
    spawn_local(async move {
        let Ok(store) = store() else { return };
        let Ok(kept) = store.templates().await else {
            return;
        };
        let templates = kept
            .iter()
            .filter_map(|(_, text)| read(text).ok())
            .flatten()
            .collect();
        into.set(templates);
    });
}

/// Keeps `templates` in this browser, then reloads `into`.
fn keep(
    templates: Vec<Template>,
    into: RwSignal<Vec<Template>>,
    said: RwSignal<Option<String>>,
    done: String,
) {
    spawn_local(async move {
        let texts: Vec<(String, String)> = templates
            .iter()
            .map(|t| (t.name.clone(), write(std::slice::from_ref(t))))
            .collect();
        let result = match store() {
            Ok(store) => store.put_templates(&texts).await.map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(()) => {
                said.set(Some(done));
                load(into);
            }
            Err(why) => said.set(Some(format!("The templates were not kept: {why}"))),
        }
    });
}

/// Save as template, export and import.
#[component]
pub fn TemplatesBar(
    milestone: RwSignal<String>,
    templates: RwSignal<Vec<Template>>,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let name = RwSignal::new(String::new());
    let said = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let made = editor.doc.with_untracked(|d| {
            d.as_ref().map(|d| {
                template_of(
                    &d.program,
                    &milestone.get_untracked(),
                    &name.get_untracked(),
                )
            })
        });
        match made {
            Some(Ok(template)) => {
                let done = format!(
                    "“{}” is kept in this browser: offered for every program's checklists.",
                    template.name
                );
                keep(vec![template], templates, said, done);
                name.set(String::new());
                refusal.set(None);
            }
            Some(Err(r)) => refusal.set(Some(format!("Not saved ({}): {}", r.field, r.message))),
            None => {}
        }
    };
    let export = move |_| {
        let all = templates.get_untracked();
        let result = editor.doc.with_untracked(|d| {
            d.as_ref().map(|d| {
                crate::file_io::export_text(
                    d,
                    "readiness-templates.json",
                    &write(&all),
                    "application/json",
                )
            })
        });
        refusal.set(result.and_then(Result::err));
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        spawn_local(async move {
            match crate::file_io::read_templates(&file).await {
                Ok(read) => {
                    let done = format!(
                        "{} imported into this browser.",
                        engine::words::count(read.len(), "template", "templates")
                    );
                    keep(read, templates, said, done);
                }
                Err(why) => refusal.set(Some(why)),
            }
        });
    };
    view! {
        <div class="log-add no-print" data-role="templates-bar">
            <form class="log-add" on:submit=save>
                <input type="text" placeholder="Template name" aria-label="Template name" data-role="template-name"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                <button type="submit" class="button" data-action="save-template"
                    title="Keep this checklist in this browser as a template for other milestones and programs">
                    "Save as template"
                </button>
            </form>
            <button type="button" class="button" data-action="export-templates" on:click=export
                disabled=move || templates.with(Vec::is_empty)>
                "Export templates"
            </button>
            <label class="button">
                "Import templates"
                <input type="file" accept=".json,application/json" class="visually-hidden"
                    data-role="import-templates" on:change=import />
            </label>
            {move || said.get().map(|s| view! { <span role="status" data-role="templates-said">{s}</span> })}
        </div>
    }
}
