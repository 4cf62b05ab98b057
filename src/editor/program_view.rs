//! The program view: one compact line (the name, edited in place, the save status, Undo,
//! Redo, Export), the tabs, and the tab shown, composed over the [`Editor`].

use components::{
    ConflictBanner, ExportActions, ExportMenu, Notice, NoticeKind, ProgramName, SnapshotActions,
    SnapshotSummary, SnapshotsPanel, StatusLine, ViewTabs, Workbench,
};
use document::derived::Scheduled;
use leptos::prelude::*;
use planfile::Document;

use super::{Editor, TABS};
use crate::format;
use crate::route::HOME_HASH;

/// The program view: name and start date, tasks, export, snapshots, save status.
#[component]
pub fn ProgramView(
    /// The program's id (from the route).
    id: String,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    editor.open(id.clone());

    let shown = Memo::new(move |_| {
        let current = editor.current.get();
        editor.doc.with(|d| {
            d.as_ref()
                .is_some_and(|d| d.id.is_some() && d.id == current)
        })
    });
    let title = Signal::derive(move || {
        editor.doc.with(|d| match d {
            Some(d) if shown.get() => d.program.program.name.clone(),
            _ => "Program".to_owned(),
        })
    });
    let tab = editor.tab;

    let snapshot_actions = SnapshotActions {
        take: Callback::new(move |name: String| editor.take_snapshot(name)),
        view: Callback::new(move |key: f64| editor.view_snapshot(key)),
        close_view: Callback::new(move |()| editor.viewed.set(None)),
        restore: Callback::new(move |key: f64| editor.restore_snapshot(key)),
    };
    let snapshots = snapshot_summaries(editor);
    let name = Signal::derive(move || {
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| d.program.program.name.clone())
                .unwrap_or_default()
        })
    });
    // One undoable step, refused (with the reason) for an empty name, as on the Setup tab.
    let on_name = Callback::new(move |value: String| editor.rename(&value));
    let head = move || {
        shown.get().then(|| {
            view! {
                <ProgramName name=name on_name=on_name />
                <StatusLine state=editor.status />
                {move || editor.confirmation.get().map(|text| view! {
                    <span class="confirmation" role="status" data-role="confirmation">{text}</span>
                })}
            }
        })
    };

    let banner = move || {
        (editor.conflict.get() || editor.remote_newer()).then(|| {
            view! {
                <ConflictBanner
                    on_load_theirs=Callback::new(move |()| editor.load_theirs())
                    on_keep_mine=Callback::new(move |()| editor.keep_mine())
                />
            }
        })
    };
    let load_error = move || {
        editor.load_error.get().map(|error| {
            view! {
                <Notice kind=NoticeKind::Error title="This program cannot be opened" message=error />
            }
        })
    };
    let body = move || {
        shown.get().then(|| {
            view! {
                {banner}
                <ViewTabs tabs=TABS active=tab />
                {move || match tab.get() {
                    "map" => view! { <crate::map::map_view::MapPanel /> }.into_any(),
                    "board" => view! { <crate::board::board_view::BoardPanel /> }.into_any(),
                    "load" => view! { <crate::load::load_view::LoadPanel /> }.into_any(),
                    "scenarios" => view! { <crate::scenarios::scenarios_view::ScenariosPanel /> }.into_any(),
                    "forecast" => view! { <crate::forecast::forecast_view::ForecastPanel /> }.into_any(),
                    "logs" => view! { <crate::logs::logs_view::LogsPanel /> }.into_any(),
                    "readiness" => view! { <crate::readiness::readiness_view::ReadinessPanel /> }.into_any(),
                    "status" => view! { <crate::status::status_view::StatusPanel /> }.into_any(),
                    "setup" => view! { <crate::setup::setup_view::SetupPanel /> }.into_any(),
                    "snapshots" => view! {
                        <SnapshotsPanel
                            snapshots=snapshots
                            viewed=editor.viewed
                            actions=snapshot_actions
                        />
                    }.into_any(),
                    _ => view! { <crate::plan::plan_view::PlanPanel /> }.into_any(),
                }}
            }
        })
    };
    view! {
        <Workbench
            program_id=id
            home_href=HOME_HASH
            title=title
            head=std::sync::Arc::new(move || view! { {head} }.into_any())
            toolbar=std::sync::Arc::new(move || toolbar(editor))
        >
            {load_error}
            {move || (!shown.get() && editor.load_error.with(Option::is_none)).then(|| view! { <p class="status-line">"Loading…"</p> })}
            {body}
        </Workbench>
    }
}

/// The program's tools: Undo, Redo, Print plan… and Export.
fn toolbar(editor: Editor) -> AnyView {
    let ctx = editor.ctx;
    // Each export reads the document and the program's schedule as derived for this
    // revision: nothing is checked or scheduled again.
    let exported = move |what: fn(&Document, &Scheduled) -> Result<(), String>| {
        Callback::new(move |()| {
            let result = editor.doc.with_untracked(|doc| {
                let doc = doc.as_ref()?;
                Some(editor.derived.with_untracked(|d| what(doc, &d.program)))
            });
            if let Some(Err(error)) = result {
                ctx.show_error("Export failed", &error);
            }
        })
    };
    let exports = ExportActions {
        program: exported(crate::file_io::export),
        schedule: exported(crate::file_io::export_schedule),
        calendar: exported(crate::file_io::export_calendar),
        ms_project: exported(crate::file_io::export_ms_project),
    };
    view! {
        <button
            type="button"
            class="button"
            data-action="undo"
            title="Undo (Ctrl+Z)"
            disabled=move || !editor.can_undo.get()
            on:click=move |_| { editor.undo(); }
        >
            "Undo"
        </button>
        <button
            type="button"
            class="button"
            data-action="redo"
            title="Redo (Ctrl+Shift+Z or Ctrl+Y)"
            disabled=move || !editor.can_redo.get()
            on:click=move |_| { editor.redo(); }
        >
            "Redo"
        </button>
        <button
            type="button"
            class="button"
            data-action="print"
            title="Print the plan, or save it as PDF (Ctrl+P on the Plan tab)"
            on:click=move |_| {
                editor.tab.set("plan");
                editor.print_pending.set(true);
            }
        >
            "Print plan…"
        </button>
        <button
            type="button"
            class="button"
            data-action="copy-link"
            title="Copy a link that carries this program (in the link itself: no server sees it), to paste into a chat or an email"
            on:click=move |_| {
                editor.doc.with_untracked(|doc| {
                    if let Some(doc) = doc {
                        crate::share::copy_link(ctx, doc);
                    }
                });
            }
        >
            "Copy link"
        </button>
        <ExportMenu actions=exports />
        <crate::present::PresentButton />
    }
    .into_any()
}

/// The program's snapshots as the Snapshots tab lists them.
fn snapshot_summaries(editor: Editor) -> Signal<Vec<SnapshotSummary>> {
    Signal::derive(move || {
        editor
            .snapshots
            .get()
            .into_iter()
            .map(|s| SnapshotSummary {
                key: s.key,
                name: s.name,
                kind: s.kind.label().to_owned(),
                created: format::date_time(s.created_ms),
            })
            .collect::<Vec<_>>()
    })
}
