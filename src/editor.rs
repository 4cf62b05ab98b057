//! The open program: [`Editor`] holds it in memory (app-wide, so a save in flight outlives
//! the view), saves it automatically (debounced, and when the page is hidden), takes and
//! restores snapshots, and notices another tab's saves. [`ProgramView`] composes the
//! components of the program view over it.
//!
//! Does not: touch IndexedDB (it calls [`crate::storage`]) or schedule (it calls `engine`).

use std::collections::HashSet;
use std::time::Duration;

use components::{
    ConflictBanner, Notice, NoticeKind, ProgramDetails, SaveState, SnapshotActions,
    SnapshotSummary, SnapshotView, SnapshotsPanel, StatusLine, TaskActions, TaskRow, TaskTable,
    Workbench,
};
use engine::{Task, Workstream};
use leptos::prelude::*;
use leptos::task::spawn_local;
use planfile::Document;

use crate::format::{self, now_ms};
use crate::perf;
use crate::route::HOME_HASH;
use crate::state::{Ctx, store};
use crate::storage::{SnapshotKind, SnapshotMeta, StorageError};

/// How long typing must pause before a save.
const SAVE_DELAY: Duration = Duration::from_millis(400);
/// The task table shows at most this many rows (the full grid is a later issue).
const MAX_ROWS: usize = 200;

/// The program being edited and where its saving stands.
#[derive(Clone, Copy)]
pub struct Editor {
    ctx: Ctx,
    /// The id of the program the view shows.
    current: RwSignal<Option<String>>,
    doc: RwSignal<Option<Document>>,
    load_error: RwSignal<Option<String>>,
    /// The stored revision this tab last loaded or saved.
    base: RwSignal<u64>,
    /// Edits made (a counter) and the count at the last save.
    edits: StoredValue<u64>,
    saved: StoredValue<u64>,
    saving: StoredValue<bool>,
    status: RwSignal<SaveState>,
    /// A save found that another tab had saved first.
    conflict: RwSignal<bool>,
    snapshots: RwSignal<Vec<SnapshotMeta>>,
    viewed: RwSignal<Option<SnapshotView>>,
}

impl Editor {
    /// Creates the editor state, provides it as context, and saves on `pagehide` and when
    /// the page is hidden.
    pub fn provide(ctx: Ctx) -> Editor {
        let editor = Editor {
            ctx,
            current: RwSignal::new(None),
            doc: RwSignal::new(None),
            load_error: RwSignal::new(None),
            base: RwSignal::new(0),
            edits: StoredValue::new(0),
            saved: StoredValue::new(0),
            saving: StoredValue::new(false),
            status: RwSignal::new(SaveState::Loading),
            conflict: RwSignal::new(false),
            snapshots: RwSignal::new(Vec::new()),
            viewed: RwSignal::new(None),
        };
        provide_context(editor);
        let flush = move || {
            if editor.dirty() {
                spawn_local(async move { editor.save_now().await });
            }
        };
        let hide = window_event_listener_untyped("pagehide", move |_| flush());
        let visibility = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
        on_cleanup(move || {
            hide.remove();
            visibility.remove();
        });
        editor
    }

    fn dirty(&self) -> bool {
        self.edits.try_get_value() != self.saved.try_get_value()
    }

    /// Shows program `id`: saves the program in memory if it has unsaved edits, then loads
    /// `id` (again, if it is the same: it may have been renamed from the home view).
    pub fn open(&self, id: String) {
        let editor = *self;
        let in_memory = self.doc.with_untracked(|d| {
            d.as_ref()
                .is_some_and(|d| d.id.as_deref() == Some(id.as_str()))
        });
        if in_memory && store().is_err() {
            // Without storage the program in memory is the only copy: keep showing it.
            self.current.set(Some(id));
            return;
        }
        self.current.set(Some(id.clone()));
        self.viewed.set(None);
        spawn_local(async move {
            if editor.dirty() {
                editor.save_now().await;
            }
            editor.load(id).await;
        });
    }

    async fn load(&self, id: String) {
        self.ctx.wait_ready().await;
        self.status.set(SaveState::Loading);
        self.load_error.set(None);
        self.conflict.set(false);
        if let Some(document) = self
            .ctx
            .handoff
            .with_untracked(|h| h.as_ref().filter(|d| d.id.as_deref() == Some(&id)).cloned())
        {
            // Held in memory only: storage failed.
            self.doc.set(Some(document));
            self.edits.set_value(1);
            self.saved.set_value(0);
            self.status.set(SaveState::Failed(
                "Storage is unavailable: this program is only in this tab. Export it to keep it."
                    .into(),
            ));
            return;
        }
        let store = match store() {
            Ok(store) => store,
            Err(error) => {
                self.load_error.set(Some(error.to_string()));
                return;
            }
        };
        let span = perf::start("planwork:load");
        match store.load(&id).await {
            Ok(loaded) => {
                span.end();
                if self.current.get_untracked().as_deref() != Some(id.as_str()) {
                    return;
                }
                self.base.set(loaded.meta.revision);
                self.edits.set_value(0);
                self.saved.set_value(0);
                self.doc.set(Some(loaded.document));
                self.status.set(SaveState::Saved);
                self.reload_snapshots(&id).await;
            }
            Err(StorageError::NotFound(_)) => {
                self.doc.set(None);
                self.load_error.set(Some(format!(
                    "There is no program “{id}” in this browser. It may have been deleted \
                     (see the bin on the programs page)."
                )));
            }
            Err(error) => {
                self.doc.set(None);
                self.load_error.set(Some(error.to_string()));
            }
        }
    }

    /// Applies an edit to the program in memory and schedules a save.
    fn edit(&self, change: impl FnOnce(&mut Document)) {
        let mut changed = false;
        self.doc.update(|doc| {
            if let Some(doc) = doc {
                change(doc);
                changed = true;
            }
        });
        if !changed {
            return;
        }
        self.edits.update_value(|n| *n += 1);
        if !matches!(self.status.get_untracked(), SaveState::Failed(_)) {
            self.status.set(SaveState::Unsaved);
        }
        self.schedule_save();
    }

    fn schedule_save(&self) {
        let editor = *self;
        let generation = self.edits.get_value();
        set_timeout(
            move || {
                if editor.edits.try_get_value() == Some(generation) {
                    spawn_local(async move { editor.save_now().await });
                }
            },
            SAVE_DELAY,
        );
    }

    /// Saves now if there are unsaved edits (and no conflict is waiting for the user).
    pub async fn save_now(&self) {
        if self.saving.get_value() || self.conflict.get_untracked() || !self.dirty() {
            return;
        }
        let Some(document) = self.doc.get_untracked() else {
            return;
        };
        let id = document.id.clone().unwrap_or_default();
        let store = match store() {
            Ok(store) => store,
            Err(_) => {
                // Kept for the program view to find again after a visit to the home view.
                self.ctx.handoff.set(Some(document));
                self.status.set(SaveState::Failed(
                    "Storage is unavailable: this program is only in this tab. Export it to \
                     keep it."
                        .into(),
                ));
                return;
            }
        };
        let generation = self.edits.get_value();
        self.saving.set_value(true);
        self.status.set(SaveState::Saving);
        let span = perf::start("planwork:save");
        let result = store
            .save(&document, self.base.get_untracked(), now_ms())
            .await;
        self.saving.set_value(false);
        match result {
            Ok(meta) => {
                span.end();
                self.base.set(meta.revision);
                self.saved.set_value(generation);
                self.ctx.announce(&id, meta.revision);
                self.ctx.ask_persist();
                if self.dirty() {
                    self.status.set(SaveState::Unsaved);
                    self.schedule_save();
                } else {
                    self.status.set(SaveState::Saved);
                }
            }
            Err(StorageError::Conflict) => {
                self.conflict.set(true);
                self.status.set(SaveState::Unsaved);
            }
            Err(error) => {
                self.status.set(SaveState::Failed(format!(
                    "{error} Your program stays open in this tab: export it to keep a copy."
                )));
            }
        }
    }

    /// Another tab announced a newer revision of the program shown.
    fn remote_newer(&self) -> bool {
        let base = self.base.get();
        let current = self.current.get();
        self.ctx.remote.with(|remote| {
            remote
                .as_ref()
                .is_some_and(|(id, revision)| Some(id) == current.as_ref() && *revision > base)
        })
    }

    fn load_theirs(&self) {
        let editor = *self;
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        spawn_local(async move {
            editor.edits.set_value(0);
            editor.saved.set_value(0);
            editor.load(id).await;
        });
    }

    fn keep_mine(&self) {
        let editor = *self;
        let Some(document) = self.doc.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let store = match store() {
                Ok(store) => store,
                Err(error) => {
                    editor.status.set(SaveState::Failed(error.to_string()));
                    return;
                }
            };
            let generation = editor.edits.get_value();
            match store
                .replace(&document, SnapshotKind::BeforeReplace, now_ms())
                .await
            {
                Ok(meta) => {
                    editor.base.set(meta.revision);
                    editor.saved.set_value(generation);
                    editor.conflict.set(false);
                    editor.status.set(SaveState::Saved);
                    editor.ctx.announce(&meta.id, meta.revision);
                    editor.reload_snapshots(&meta.id).await;
                }
                Err(error) => editor.status.set(SaveState::Failed(error.to_string())),
            }
        });
    }

    async fn reload_snapshots(&self, id: &str) {
        let Ok(store) = store() else { return };
        match store.list_snapshots(id).await {
            Ok(list) => self.snapshots.set(list),
            Err(error) => self
                .ctx
                .show_error("Snapshots could not be listed", &error.to_string()),
        }
    }

    fn take_snapshot(&self, name: String) {
        let editor = *self;
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        spawn_local(async move {
            editor.save_now().await;
            if editor.dirty() {
                editor.ctx.show_error(
                    "No snapshot taken",
                    "The program's latest changes are not saved, so a snapshot would miss them.",
                );
                return;
            }
            let result = match store() {
                Ok(store) => {
                    store
                        .take_snapshot(&id, &name, SnapshotKind::Manual, now_ms())
                        .await
                }
                Err(error) => Err(error),
            };
            match result {
                Ok(_) => editor.reload_snapshots(&id).await,
                Err(error) => editor
                    .ctx
                    .show_error("No snapshot taken", &error.to_string()),
            }
        });
    }

    fn view_snapshot(&self, key: f64) {
        let editor = *self;
        spawn_local(async move {
            let result = match store() {
                Ok(store) => store.load_snapshot(key).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(snapshot) => {
                    let program = &snapshot.document.program;
                    editor.viewed.set(Some(SnapshotView {
                        title: format!(
                            "Snapshot “{}” ({}, {})",
                            snapshot.meta.name,
                            snapshot.meta.kind.label(),
                            format::date_time(snapshot.meta.created_ms)
                        ),
                        program_name: program.program.name.clone(),
                        task_count: program.tasks.len(),
                        tasks: program
                            .tasks
                            .iter()
                            .take(50)
                            .map(|t| (t.name.clone(), t.duration))
                            .collect(),
                    }));
                }
                Err(error) => editor
                    .ctx
                    .show_error("The snapshot could not be opened", &error.to_string()),
            }
        });
    }

    fn restore_snapshot(&self, key: f64) {
        let editor = *self;
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        spawn_local(async move {
            editor.save_now().await;
            let result = match store() {
                Ok(store) => {
                    store
                        .restore_snapshot(key, editor.base.get_untracked(), now_ms())
                        .await
                }
                Err(error) => Err(error),
            };
            match result {
                Ok(loaded) => {
                    let generation = editor.edits.get_value();
                    editor.saved.set_value(generation);
                    editor.base.set(loaded.meta.revision);
                    editor.doc.set(Some(loaded.document));
                    editor.viewed.set(None);
                    editor.status.set(SaveState::Saved);
                    editor.ctx.announce(&id, loaded.meta.revision);
                    editor.reload_snapshots(&id).await;
                }
                Err(StorageError::Conflict) => editor.conflict.set(true),
                Err(error) => editor
                    .ctx
                    .show_error("The snapshot was not restored", &error.to_string()),
            }
        });
    }
}

/// A new program: a name, a start date, one workstream ("General"), no tasks.
pub fn new_program(id: &str, name: &str, start: chrono::NaiveDate) -> Document {
    let mut program = engine::Program::default();
    program.program.name = name.to_owned();
    program.program.start = start;
    program.workstreams.push(Workstream {
        id: "general".into(),
        name: "General".into(),
        calendar: None,
    });
    let mut document = Document::new(program);
    document.id = Some(id.to_owned());
    document
}

fn add_task(doc: &mut Document, name: String, duration: i64) {
    let program = &mut doc.program;
    if program.workstreams.is_empty() {
        program.workstreams.push(Workstream {
            id: "general".into(),
            name: "General".into(),
            calendar: None,
        });
    }
    let workstream = program.workstreams[0].id.clone();
    let taken: HashSet<&str> = program.tasks.iter().map(|t| t.id.as_str()).collect();
    let mut n = program.tasks.len() + 1;
    while taken.contains(format!("t{n}").as_str()) {
        n += 1;
    }
    program.tasks.push(Task {
        id: format!("t{n}"),
        name,
        workstream,
        duration,
        ..Task::default()
    });
}

/// The rows the task table shows, how many tasks there are, and why the plan cannot be
/// scheduled if it cannot.
fn rows_of(doc: &Document) -> (Vec<TaskRow>, usize, Option<String>) {
    let tasks = &doc.program.tasks;
    let (dates, problem) = match engine::schedule(&doc.program) {
        Ok(plan) => (
            plan.tasks
                .iter()
                .take(MAX_ROWS)
                .map(|t| (t.start.to_string(), t.finish.to_string()))
                .collect::<Vec<_>>(),
            None,
        ),
        Err(diagnostics) => (
            Vec::new(),
            Some(
                diagnostics
                    .0
                    .iter()
                    .take(5)
                    .map(|d| d.message.clone())
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ),
    };
    let rows = tasks
        .iter()
        .take(MAX_ROWS)
        .enumerate()
        .map(|(i, task)| {
            let (start, finish) = dates.get(i).cloned().unwrap_or_default();
            TaskRow {
                id: task.id.clone(),
                name: task.name.clone(),
                duration: task.duration,
                start,
                finish,
            }
        })
        .collect();
    (rows, tasks.len(), problem)
}

/// The program view: name and start date, tasks, export, snapshots, save status.
#[component]
pub fn ProgramView(
    /// The program's id (from the route).
    id: String,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    editor.open(id.clone());
    let ctx = editor.ctx;

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
    let table = Memo::new(move |_| {
        editor
            .doc
            .with(|d| d.as_ref().map(rows_of).unwrap_or_default())
    });
    // Memos, not derived signals: the table reads the rows once per cell.
    let rows = Memo::new(move |_| table.with(|t| t.0.clone()));
    let total = Memo::new(move |_| table.with(|t| t.1));
    let plan_problem = move || table.with(|t| t.2.clone());

    let export = move |_| {
        if let Some(doc) = editor.doc.get_untracked() {
            if let Err(error) = crate::file_io::export(&doc) {
                ctx.show_error("Export failed", &error);
            }
        }
    };
    let toolbar = move || {
        view! {
            <button type="button" class="button" data-action="export" on:click=export>
                "Export"
            </button>
        }
        .into_any()
    };

    let task_actions = TaskActions {
        rename: Callback::new(move |(task, name): (String, String)| {
            editor.edit(|d| {
                if let Some(t) = d.program.tasks.iter_mut().find(|t| t.id == task) {
                    t.name = name;
                }
            })
        }),
        set_duration: Callback::new(move |(task, days): (String, i64)| {
            editor.edit(|d| {
                if let Some(t) = d.program.tasks.iter_mut().find(|t| t.id == task) {
                    t.duration = days;
                }
            })
        }),
        delete: Callback::new(move |task: String| {
            editor.edit(|d| {
                d.program.tasks.retain(|t| t.id != task);
                d.program
                    .dependencies
                    .retain(|dep| dep.from != task && dep.to != task);
            })
        }),
        add: Callback::new(move |(name, days): (String, i64)| {
            editor.edit(|d| add_task(d, name, days))
        }),
    };
    let snapshot_actions = SnapshotActions {
        take: Callback::new(move |name: String| editor.take_snapshot(name)),
        view: Callback::new(move |key: f64| editor.view_snapshot(key)),
        close_view: Callback::new(move |()| editor.viewed.set(None)),
        restore: Callback::new(move |key: f64| editor.restore_snapshot(key)),
    };
    let snapshots = Signal::derive(move || {
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
    });
    let name = Signal::derive(move || {
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| d.program.program.name.clone())
                .unwrap_or_default()
        })
    });
    let start = Signal::derive(move || {
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| d.program.program.start.to_string())
                .unwrap_or_default()
        })
    });
    let on_name =
        Callback::new(move |value: String| editor.edit(|d| d.program.program.name = value));
    let on_start = Callback::new(move |value: String| {
        if let Ok(date) = value.parse::<chrono::NaiveDate>() {
            editor.edit(|d| d.program.program.start = date);
        }
    });

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
                <StatusLine state=editor.status />
                {banner}
                <ProgramDetails name=name start=start on_name=on_name on_start=on_start />
                {move || {
                    plan_problem()
                        .map(|problem| {
                            view! {
                                <Notice
                                    kind=NoticeKind::Warning
                                    title="The plan cannot be scheduled"
                                    message=problem
                                />
                            }
                        })
                }}
                <TaskTable rows=rows total=total actions=task_actions />
                <SnapshotsPanel
                    snapshots=snapshots
                    viewed=editor.viewed
                    actions=snapshot_actions
                />
            }
        })
    };
    view! {
        <Workbench program_id=id home_href=HOME_HASH title=title toolbar=std::sync::Arc::new(toolbar)>
            {load_error}
            {move || (!shown.get() && editor.load_error.with(Option::is_none)).then(|| view! { <p class="status-line">"Loading…"</p> })}
            {body}
        </Workbench>
    }
}
