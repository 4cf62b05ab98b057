//! The open program: [`Editor`] holds it in memory (app-wide, so a save in flight outlives
//! the view), saves it automatically (debounced, and when the page is hidden: then it is
//! first written synchronously into the journal, which lands even if the page dies; a failed
//! save is tried again every few seconds), notes at once that it holds edits not yet stored
//! (so that a crash before the save is reported, not silent), asks the browser to confirm
//! leaving while work is not safely stored, takes and restores snapshots, and notices another
//! tab's saves. [`ProgramView`] composes the components of
//! the program view over it.
//!
//! Here: the editor's state, opening a program (recovering its journal, restoring its undo
//! history), edits and undo. `saving.rs`: saving, the journal, and another tab's saves;
//! `snapshots.rs`: snapshots; `program_view.rs`: the view.
//!
//! Does not: touch IndexedDB (it calls [`crate::storage`]) or schedule (it calls `engine`).

mod program_view;
mod saving;
mod snapshots;
mod stash;

pub use program_view::ProgramView;

use std::collections::HashSet;
use std::time::Duration;

use components::{FilterChoice, SaveState, SnapshotView, Zoom};
use engine::changes::ChangeSummary;
use engine::edit::Edit;
use engine::{Diagnostics, Workstream};
use leptos::prelude::*;
use leptos::task::spawn_local;
use planfile::Document;

use crate::format::now_ms;
use crate::perf;
use crate::state::{Ctx, store};
use crate::storage::{SnapshotMeta, StorageError};
use document::derived::{Derived, OpenProgram};
use document::history::DocHistory;
use document::scenarios::{Evaluation, evaluate};

/// How long a confirmation ("Undone: …", "5 tasks added …") stays shown.
const CONFIRMATION_TIME: Duration = Duration::from_secs(8);
/// How long typing must pause before a save.
const SAVE_DELAY: Duration = Duration::from_millis(400);
/// How long to wait before trying again a save that failed (the storage full, …).
const RETRY_DELAY: Duration = Duration::from_secs(5);
/// The program view's tabs: (key, label).
pub(crate) const TABS: &[(&str, &str)] = &[
    ("plan", "Plan"),
    ("map", "Dependency map"),
    ("board", "Board"),
    ("load", "Load"),
    ("scenarios", "Scenarios"),
    ("forecast", "Forecast"),
    ("logs", "Logs"),
    ("readiness", "Readiness"),
    ("status", "Status"),
    ("snapshots", "Snapshots"),
    // Last: set once at the start and seldom after, it stays out of the way of daily work.
    ("setup", "Setup"),
];

/// The program being edited and where its saving stands.
#[derive(Clone, Copy)]
pub struct Editor {
    ctx: Ctx,
    /// The id of the program the view shows.
    current: RwSignal<Option<String>>,
    pub(crate) doc: RwSignal<Option<Document>>,
    load_error: RwSignal<Option<String>>,
    /// The stored revision this tab last loaded or saved.
    base: RwSignal<u64>,
    /// Edits made (a counter that only grows within the page: the journal's generation)
    /// and the count at the last save or load.
    edits: StoredValue<u64>,
    saved: StoredValue<u64>,
    /// The count last written into the journal.
    journaled: StoredValue<u64>,
    /// Whether this page's note of unsaved edits (`Store::note_unsaved`) stands for the
    /// edits not yet stored.
    noted: StoredValue<bool>,
    saving: StoredValue<bool>,
    status: RwSignal<SaveState>,
    /// A save found that another tab had saved first.
    conflict: RwSignal<bool>,
    snapshots: RwSignal<Vec<SnapshotMeta>>,
    viewed: RwSignal<Option<SnapshotView>>,
    /// Undo and redo of the open program's changes.
    history: StoredValue<DocHistory>,
    /// Whether there is something to undo / redo (kept in step with `history`).
    pub(crate) can_undo: RwSignal<bool>,
    pub(crate) can_redo: RwSignal<bool>,
    /// The scenario the plan view shows and edits (`None`: the program itself).
    pub(crate) scenario: RwSignal<Option<String>>,
    /// The open program derived once per revision of `doc` (or change of `scenario`): what
    /// every tab reads. Lazy: computed when a view first reads it after a change.
    pub(crate) derived: Memo<Derived>,
    /// The program kept checked and scheduled edit by edit, for `derived` and `act`.
    open: StoredValue<OpenProgram>,
    /// Every scenario replayed on the program and compared with it, once per revision (read
    /// by the Scenarios tab; lazy like `derived`).
    pub(crate) evaluation: Memo<Option<Evaluation>>,
    /// The ids of the tasks selected in the grid or chart (quick impact starts from them).
    pub(crate) selected: RwSignal<Vec<String>>,
    /// The program view's tab shown: a key of [`TABS`].
    pub(crate) tab: RwSignal<&'static str>,
    /// The plan view's closed workstreams and the chart's zoom: kept here so that they
    /// survive a visit to another tab.
    pub(crate) collapsed: RwSignal<HashSet<String>>,
    pub(crate) zoom: RwSignal<Zoom>,
    /// Whether the plan view shows the resources' load under the chart.
    pub(crate) load_strip: RwSignal<bool>,
    /// The plan view's find text and filters (kept across tabs like the zoom).
    pub(crate) filter: RwSignal<FilterChoice>,
    /// A confirmation of what the last action did ("Undone: 5 tasks removed"), for a few
    /// seconds.
    pub(crate) confirmation: RwSignal<Option<String>>,
    /// "Print plan…" was asked for (in the head): the Plan tab prints when it sees it.
    pub(crate) print_pending: RwSignal<bool>,
}

impl Editor {
    /// Creates the editor state, provides it as context, journals and saves on `pagehide` and
    /// when the page is hidden, and asks to confirm leaving while work is not safely stored.
    pub fn provide(ctx: Ctx) -> Editor {
        let doc = RwSignal::new(None::<Document>);
        let scenario = RwSignal::new(None::<String>);
        let open = StoredValue::new(OpenProgram::default());
        let derived = Memo::new_owning(move |_| {
            let id = scenario.get();
            let span = perf::start("planwork:derive");
            let derived = doc.with(|d: &Option<Document>| {
                d.as_ref().map_or_else(Derived::default, |d| {
                    open.try_update_value(|o| o.derive(d, id.as_deref()))
                        .unwrap_or_else(|| Derived::of(d, id.as_deref()))
                })
            });
            span.end();
            (derived, true)
        });
        let evaluation = Memo::new(move |_| {
            doc.with(|d: &Option<Document>| {
                let d = d.as_ref()?;
                Some(derived.with(|v| evaluate(d, &v.program.schedule)))
            })
        });
        let editor = Editor {
            ctx,
            current: RwSignal::new(None),
            doc,
            load_error: RwSignal::new(None),
            base: RwSignal::new(0),
            edits: StoredValue::new(0),
            saved: StoredValue::new(0),
            journaled: StoredValue::new(0),
            noted: StoredValue::new(false),
            saving: StoredValue::new(false),
            status: RwSignal::new(SaveState::Loading),
            conflict: RwSignal::new(false),
            snapshots: RwSignal::new(Vec::new()),
            viewed: RwSignal::new(None),
            history: StoredValue::new(DocHistory::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            scenario,
            derived,
            open,
            evaluation,
            selected: RwSignal::new(Vec::new()),
            tab: RwSignal::new("plan"),
            collapsed: RwSignal::new(HashSet::new()),
            zoom: RwSignal::new(Zoom::Weeks),
            load_strip: RwSignal::new(false),
            filter: RwSignal::new(FilterChoice::default()),
            confirmation: RwSignal::new(None),
            print_pending: RwSignal::new(false),
        };
        provide_context(editor);
        let flush = move || {
            if editor.dirty() {
                // Edits the storage refused stay with the tab, for a reload to take back.
                editor.stash_if_refused();
                // The journal first, synchronously: the page may not run again to finish
                // the save, which takes several round trips to IndexedDB.
                editor.journal_now();
                spawn_local(async move { editor.save_now().await });
            }
        };
        // A newer Planwork in another tab takes the database over: hand it the edits.
        ctx.before_giving_way(Callback::new(move |()| editor.journal_now()));
        let hide = window_event_listener_untyped("pagehide", move |_| flush());
        let visibility = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
        let unload = window_event_listener_untyped("beforeunload", move |ev| {
            if editor.at_risk() {
                ev.prevent_default();
                // Older browsers show the dialog only when a return value is set.
                let _ = js_sys::Reflect::set(&ev, &"returnValue".into(), &"unsaved".into());
            }
        });
        let keys = window_event_listener(leptos::ev::keydown, move |ev| editor.on_key(&ev));
        on_cleanup(move || {
            hide.remove();
            visibility.remove();
            unload.remove();
            keys.remove();
        });
        editor
    }

    /// Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo (⌘ too). Not while typing in a field:
    /// there the browser undoes the typing.
    fn on_key(&self, ev: &web_sys::KeyboardEvent) {
        if !(ev.ctrl_key() || ev.meta_key()) || self.doc.with_untracked(Option::is_none) {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing {
            return;
        }
        let key = ev.key().to_lowercase();
        let done = match key.as_str() {
            "z" if ev.shift_key() => self.redo(),
            "z" => self.undo(),
            "y" => self.redo(),
            _ => return,
        };
        if done {
            ev.prevent_default();
        }
    }

    /// The name of the program shown, once it is loaded.
    pub(crate) fn program_name(&self) -> Option<String> {
        let current = self.current.get();
        self.doc.with(|d| {
            d.as_ref()
                .filter(|d| d.id.is_some() && d.id == current)
                .map(|d| d.program.program.name.clone())
        })
    }

    /// `f` over `program` (the program or the scenario shown) checked and scheduled, from the
    /// kept program when it is that one (see [`OpenProgram::with_checked`]).
    pub(crate) fn with_checked<T>(
        &self,
        program: &engine::Program,
        f: impl FnOnce(&engine::Checked<'_>, &engine::Schedule) -> T,
    ) -> Result<T, String> {
        self.open
            .try_with_value(|o| o.with_checked(program, f))
            .unwrap_or_else(|| Err("No program is open.".to_owned()))
    }

    /// Makes one user action's edits to the program, all or none: a refused action (an
    /// unknown predecessor, a cycle, …) leaves the plan as it was and says why.
    pub(crate) fn act(&self, action: Vec<Edit>) -> Result<(), Diagnostics> {
        let mut result = Ok(());
        self.edit_if(|doc| {
            result = self
                .history
                .try_update_value(|h| {
                    self.open
                        .try_update_value(|o| o.edit(h, doc, action))
                        .unwrap_or(Ok(()))
                })
                .unwrap_or(Ok(()));
            result.is_ok()
        });
        self.after_history_change();
        result
    }

    /// Makes the edits `build` makes of the open program (a typed value of a log or of a
    /// milestone's readiness, say) as one action; what refuses it — the value, naming its
    /// field, or the check — goes to `refusal`, led by `what` (the item). True when made.
    pub(crate) fn act_on(
        &self,
        refusal: RwSignal<Option<String>>,
        what: &str,
        build: impl FnOnce(&engine::Program) -> Result<Vec<Edit>, engine::logs::edit::Refusal>,
    ) -> bool {
        let Some(edits) = self
            .doc
            .with_untracked(|d| d.as_ref().map(|d| build(&d.program)))
        else {
            return false;
        };
        let result = edits
            .map_err(|r| format!("{what} ({}): {}", r.field, r.message))
            .and_then(|e| self.act(e).map_err(|d| format!("{what}: {}", describe(&d))));
        let made = result.is_ok();
        refusal.set(result.err());
        made
    }

    /// Renames the program: one undoable action, refused (with the reason) for a name that
    /// `engine::setup` does not take, such as an empty one. The same name changes nothing.
    pub(crate) fn rename(&self, name: &str) -> Result<(), String> {
        let info = self
            .doc
            .with_untracked(|d| {
                d.as_ref().map(|d| {
                    engine::setup::set_info_field(
                        &d.program.program,
                        engine::setup::InfoField::Name,
                        name,
                    )
                    .map(|info| (d.program.program == info, info))
                })
            })
            .unwrap_or_else(|| Err("No program is open.".to_owned()))?;
        match info {
            (true, _) => Ok(()),
            (false, info) => self
                .act(vec![Edit::SetProgramInfo { info }])
                .map_err(|d| describe(&d)),
        }
    }

    /// Makes one user action's edits to what the plan view shows: the program, or, when a
    /// scenario is shown, that scenario (the edits become its changes). The grid and the
    /// chart send every edit here.
    pub(crate) fn act_in_view(&self, action: Vec<Edit>) -> Result<(), String> {
        match self.scenario.get_untracked() {
            None => self.act(action).map_err(|d| describe(&d)),
            Some(id) => self.change(false, |doc| {
                document::scenario_edit::record(doc, &id, &action)
            }),
        }
    }

    /// Makes one undoable change to the document beyond the program's tasks and links:
    /// scenarios, baselines, or (`with_program`) the program as a whole. `change` returns
    /// `Err(reason)` to refuse; nothing changes then.
    pub(crate) fn change(
        &self,
        with_program: bool,
        change: impl FnOnce(&mut Document) -> Result<(), String>,
    ) -> Result<(), String> {
        let mut result = Err("No program is open.".to_owned());
        self.edit_if(|doc| {
            result = self
                .history
                .try_update_value(|h| h.change(doc, with_program, change))
                .unwrap_or(Ok(()));
            result.is_ok()
        });
        self.after_history_change();
        result
    }

    /// Undoes the last change; `false` if there was none.
    pub(crate) fn undo(&self) -> bool {
        self.step(DocHistory::undo, "Undone")
    }

    /// Redoes the last undone change; `false` if there was none.
    pub(crate) fn redo(&self) -> bool {
        self.step(DocHistory::redo, "Redone")
    }

    /// Undoes or redoes one step and says what it changed (`verb`: "Undone").
    fn step(&self, step: fn(&mut DocHistory, &mut Document) -> bool, verb: &str) -> bool {
        let mut done = false;
        let mut said = String::new();
        self.edit_if(|doc| {
            let before = doc.program.clone();
            done = self
                .history
                .try_update_value(|h| step(h, doc))
                .unwrap_or(false);
            if done {
                let words = ChangeSummary::between(&before, &doc.program).words();
                said = if words.is_empty() {
                    "a change to the scenarios or baselines".to_owned()
                } else {
                    words
                };
            }
            done
        });
        self.after_history_change();
        if done {
            self.confirm(format!("{verb}: {said}."));
        }
        done
    }

    /// Shows `text` as a confirmation of the last action for a few seconds (a newer one
    /// replaces it).
    pub(crate) fn confirm(&self, text: String) {
        let confirmation = self.confirmation;
        confirmation.set(Some(text.clone()));
        set_timeout(
            move || {
                if confirmation.with_untracked(|c| c.as_deref() == Some(text.as_str())) {
                    confirmation.set(None);
                }
            },
            CONFIRMATION_TIME,
        );
    }

    fn after_history_change(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }

    /// A new program is shown: its changes start a new history.
    fn reset_history(&self) {
        self.history.set_value(DocHistory::default());
        self.scenario.set(None);
        self.selected.set(Vec::new());
        self.collapsed.set(HashSet::new());
        self.filter.set(FilterChoice::default());
        self.confirmation.set(None);
        self.after_history_change();
    }

    fn dirty(&self) -> bool {
        self.edits.try_get_value() != self.saved.try_get_value()
    }

    /// Whether leaving the page now could lose work: edits not yet saved, a save in flight,
    /// another tab's save waiting for the user's choice, or a failed save.
    fn at_risk(&self) -> bool {
        self.dirty()
            || self.saving.try_get_value() == Some(true)
            || self.conflict.try_get_untracked() == Some(true)
            || matches!(self.status.try_get_untracked(), Some(SaveState::Failed(_)))
    }

    /// Starts counting edits afresh for a program just loaded (the count itself goes on:
    /// the journal tells this page's older entries by it); the note of unsaved edits to the
    /// one shown before goes (they were stored, journaled, or set aside by the user).
    fn mark_loaded(&self) {
        let count = self.edits.get_value();
        self.saved.set_value(count);
        self.clear_note();
    }

    /// Shows program `id`: saves the program in memory if it has unsaved edits (journals
    /// them if that fails), then loads `id` (again, if it is the same: it may have been
    /// renamed from the home view).
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
                // Not saved (another tab saved first, or the save failed): into the journal,
                // which loading recovers, so the edits are not dropped with the document.
                editor.journal_now();
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
            self.reset_history();
            self.doc.set(Some(document));
            self.mark_loaded();
            self.edits.update_value(|n| *n += 1);
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
        // A journal entry left by a page hidden or closed before its save landed, or a note of
        // edits a page that died never stored.
        match store.recover(&id, now_ms()).await {
            Ok(recovered) => self.ctx.recovered(&recovered),
            Err(error) => self
                .ctx
                .show_error("Unsaved changes could not be recovered", &error.to_string()),
        }
        self.ctx.remind_losses(&id);
        let span = perf::start("planwork:load");
        match store.load(&id).await {
            Ok(loaded) => {
                span.end();
                if self.current.get_untracked().as_deref() != Some(id.as_str()) {
                    return;
                }
                self.base.set(loaded.meta.revision);
                self.mark_loaded();
                self.reset_history();
                // The undo history stored with this revision, if it reads back.
                if let Some(history) = loaded
                    .history
                    .as_deref()
                    .and_then(|json| DocHistory::from_json(json).ok())
                {
                    self.history.set_value(history);
                    self.after_history_change();
                }
                self.doc.set(Some(loaded.document));
                self.status.set(SaveState::Saved);
                if let Some((stash, document)) = stash::take(&id) {
                    self.take_back(stash, document);
                }
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

    /// Applies a change to the program in memory and schedules a save, unless it turns out
    /// to change nothing (`false`): then nothing is notified. Not undoable by itself: user
    /// actions go through [`Editor::act`] or [`Editor::change`].
    fn edit_if(&self, change: impl FnOnce(&mut Document) -> bool) {
        let mut changed = false;
        self.doc.maybe_update(|doc| {
            changed = doc.as_mut().is_some_and(change);
            changed
        });
        if !changed {
            return;
        }
        self.edits.update_value(|n| *n += 1);
        self.note_unsaved();
        if !matches!(self.status.get_untracked(), SaveState::Failed(_)) {
            self.status.set(SaveState::Unsaved);
        }
        self.schedule_save();
    }
}

pub(crate) use document::describe;

/// A new program: a name, a start date, one workstream ("General"), no tasks.
pub fn new_program(id: &str, name: &str, start: chrono::NaiveDate) -> Document {
    let mut program = engine::Program::default();
    program.program.name = name.to_owned();
    program.program.start = start;
    program.workstreams.push(Workstream {
        id: "general".into(),
        name: "General".into(),
        calendar: None,
        color: None,
    });
    let mut document = Document::new(program);
    document.id = Some(id.to_owned());
    document
}
