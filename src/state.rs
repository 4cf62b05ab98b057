//! App-wide state ([`Ctx`], shared through context): the open database (and, at start-up,
//! the recovery of changes a closed tab left in the journal, and the news of edits a page
//! that died never stored), the programs and the bin as last listed, the app's messages, the
//! channel that tells other tabs what this one saved, and what to do when a newer Planwork
//! in another tab takes the database over.

use std::cell::RefCell;

use components::NoticeKind;
use futures_channel::oneshot;
use gloo_events::EventListener;
use leptos::prelude::*;
use planfile::Document;
use wasm_bindgen::JsCast;

use crate::format::{self, now_ms};
use crate::route::{Nav, View};
use crate::storage::{
    BinEntry, DB_NAME, Lost, ProgramMeta, RECOVERED_NAME, Recovered, Recovery, StorageError, Store,
};

thread_local! {
    /// The database once opened, or why it could not be.
    static STORE: RefCell<Option<Result<Store, StorageError>>> = const { RefCell::new(None) };
    static CHANNEL: RefCell<Option<(web_sys::BroadcastChannel, EventListener)>> =
        const { RefCell::new(None) };
}

/// The title of the message saying that a page's last edits were lost.
const LOST_TITLE: &str = "Last changes lost";

/// The open database, or why there is none.
pub fn store() -> Result<Store, StorageError> {
    STORE.with(|s| s.borrow().clone()).unwrap_or_else(|| {
        Err(StorageError::Unavailable(
            "IndexedDB is not open yet".into(),
        ))
    })
}

/// A message the app shows above the current view.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub kind: NoticeKind,
    pub title: String,
    pub text: String,
}

/// An import waiting for the user's choice: its program is already here.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub document: Document,
    pub existing_name: String,
}

/// A file from another tool, converted and waiting for the user to review it: nothing is
/// stored until they import it.
#[derive(Clone)]
pub struct PendingReview {
    pub document: Document,
    pub file_name: String,
    /// Where it came from: "MS Project", "a link".
    pub source: &'static str,
    /// What came in, in words, and each approximation or thing not carried over.
    pub summary: String,
    pub notes: Vec<String>,
}

/// App-wide state.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The database has been opened, or failed to open.
    pub ready: RwSignal<bool>,
    /// Why storage is unavailable, if it is.
    pub storage_error: RwSignal<Option<String>>,
    pub programs: RwSignal<Vec<ProgramMeta>>,
    pub bin: RwSignal<Vec<BinEntry>>,
    pub message: RwSignal<Option<Message>>,
    pub pending_import: RwSignal<Option<PendingImport>>,
    /// A converted file (MS Project) waiting to be reviewed and imported.
    pub pending_review: RwSignal<Option<PendingReview>>,
    /// A spreadsheet waiting in its mapping step.
    pub pending_sheet: RwSignal<Option<crate::home::sheet_import::PendingSheet>>,
    /// The browser refused persistent storage (and the user has not dismissed the notice).
    pub persist_refused: RwSignal<bool>,
    persist_asked: StoredValue<bool>,
    /// The last `(program id, revision)` another tab announced.
    pub remote: RwSignal<Option<(String, u64)>>,
    /// A program held only in memory (storage failed), for the program view to pick up.
    pub handoff: RwSignal<Option<Document>>,
    /// Edits lost at the last close, said at start-up: said again when their program is
    /// opened (the home view's messages go when it is left).
    losses: StoredValue<Vec<Recovery>>,
    /// What to do, synchronously, before this page's connection gives way to a newer
    /// Planwork (the editor journals its unsaved edits).
    before_giving_way: StoredValue<Vec<Callback<()>>>,
    /// The tasks waiting for the database to open (or fail to), told when it has.
    ready_waiters: StoredValue<Vec<oneshot::Sender<()>>>,
}

impl Ctx {
    /// Creates the state, provides it as context, opens the database (purging the bin of
    /// programs deleted 30 days ago, recovering the journal) and listens to other tabs.
    pub fn provide() -> Ctx {
        let ctx = Ctx {
            ready: RwSignal::new(false),
            storage_error: RwSignal::new(None),
            programs: RwSignal::new(Vec::new()),
            bin: RwSignal::new(Vec::new()),
            message: RwSignal::new(None),
            pending_import: RwSignal::new(None),
            pending_review: RwSignal::new(None),
            pending_sheet: RwSignal::new(None),
            persist_refused: RwSignal::new(false),
            persist_asked: StoredValue::new(false),
            remote: RwSignal::new(None),
            handoff: RwSignal::new(None),
            losses: StoredValue::new(Vec::new()),
            before_giving_way: StoredValue::new(Vec::new()),
            ready_waiters: StoredValue::new(Vec::new()),
        };
        provide_context(ctx);
        leptos::task::spawn_local(async move {
            match Store::open(DB_NAME).await {
                Ok(store) => {
                    store.on_superseded(move || ctx.give_way());
                    if let Err(error) = store.purge_bin(now_ms()).await {
                        ctx.show_error("The bin could not be emptied", &error.to_string());
                    }
                    match store.recover_all(now_ms()).await {
                        Ok(recovered) => ctx.recovered(&recovered),
                        Err(error) => ctx.show_error(
                            "Unsaved changes could not be recovered",
                            &error.to_string(),
                        ),
                    }
                    STORE.with(|s| *s.borrow_mut() = Some(Ok(store)));
                    ctx.refresh().await;
                }
                Err(error) => {
                    ctx.storage_error.set(Some(error.to_string()));
                    STORE.with(|s| *s.borrow_mut() = Some(Err(error)));
                }
            }
            ctx.ready.set(true);
            let waiters = ctx.ready_waiters.try_update_value(std::mem::take);
            for waiter in waiters.unwrap_or_default() {
                let _ = waiter.send(());
            }
        });
        ctx.listen();
        ctx
    }

    /// Waits until the database has been opened (or has failed to open); at once if it has.
    pub async fn wait_ready(&self) {
        if self.ready.try_get_untracked() != Some(false) {
            return;
        }
        let (tell, told) = oneshot::channel();
        if self
            .ready_waiters
            .try_update_value(|waiters| waiters.push(tell))
            .is_some()
        {
            // Cancelled only if the state is gone, and then there is nothing to wait for.
            let _ = told.await;
        }
    }

    /// Shows an error above the current view.
    pub fn show_error(&self, title: &str, text: &str) {
        self.message.set(Some(Message {
            kind: NoticeKind::Error,
            title: title.to_owned(),
            text: text.to_owned(),
        }));
    }

    /// Registers `callback` to run, synchronously, just before this page's connection gives
    /// way to a newer Planwork opened in another tab.
    pub fn before_giving_way(&self, callback: Callback<()>) {
        self.before_giving_way
            .update_value(|all| all.push(callback));
    }

    /// A newer Planwork in another tab is upgrading the database: last writes first, then
    /// say so (every later save fails with the same words).
    fn give_way(&self) {
        self.before_giving_way
            .with_value(|all| all.iter().for_each(|callback| callback.run(())));
        let _ = self.message.try_set(Some(Message {
            kind: NoticeKind::Warning,
            title: "A newer Planwork is open".to_owned(),
            text: StorageError::Superseded.to_string(),
        }));
    }

    /// Tells other tabs of the programs recovered from the journal, and the user of the
    /// changes kept as a snapshot because the program had been changed since, and of the
    /// edits a page that died never stored.
    pub fn recovered(&self, recovered: &[Recovery]) {
        for recovery in recovered {
            if let Recovered::Saved(meta) = &recovery.outcome {
                self.announce(&meta.id, meta.revision);
            }
        }
        let lost = recovered
            .iter()
            .filter(|r| matches!(r.outcome, Recovered::Lost(_)))
            .cloned();
        self.losses.update_value(|losses| losses.extend(lost));
        self.say_recovered(recovered);
    }

    /// The message about what was recovered (nothing to say: no message).
    fn say_recovered(&self, recovered: &[Recovery]) {
        let mut kept = Vec::new();
        let mut title = Vec::new();
        let mut text = Vec::new();
        for recovery in recovered {
            match &recovery.outcome {
                Recovered::KeptAsSnapshot(_) => kept.push(format!("“{}”", recovery.name)),
                Recovered::Lost(lost) => text.push(lost_words(&recovery.name, lost)),
                Recovered::Saved(_) | Recovered::AlreadyStored => {}
            }
        }
        if !text.is_empty() {
            title.push(LOST_TITLE);
        }
        if !kept.is_empty() {
            title.push("Unsaved changes kept as a snapshot");
            text.push(format!(
                "Unsaved changes to {} were found, but the program had been changed in \
                 another tab since. Both are kept: the program as the other tab saved it, and \
                 the unsaved changes as the snapshot “{RECOVERED_NAME}” (open the program, \
                 then Snapshots).",
                kept.join(", ")
            ));
        }
        if text.is_empty() {
            return;
        }
        self.message.set(Some(Message {
            kind: NoticeKind::Warning,
            title: title.join("; "),
            text: text.join(" "),
        }));
    }

    /// Says again, once, that edits to program `id` were lost at the last close, unless that
    /// is still said: it is being opened, and the message at start-up may have gone with the
    /// home view.
    pub fn remind_losses(&self, id: &str) {
        let mut mine = Vec::new();
        self.losses.update_value(|losses| {
            let (of_id, others) = losses.drain(..).partition(|r| r.program_id == id);
            mine = of_id;
            *losses = others;
        });
        let still_said = self
            .message
            .with_untracked(|m| m.as_ref().is_some_and(|m| m.title.contains(LOST_TITLE)));
        if !still_said {
            self.say_recovered(&mine);
        }
    }

    /// Lists the programs and the bin again.
    /// After a program was stored: tell other tabs, refresh the list and open it; or, if it
    /// was not stored, say why under `failure`.
    pub async fn open_stored(
        &self,
        nav: Nav,
        stored: Result<ProgramMeta, StorageError>,
        failure: &str,
    ) {
        match stored {
            Ok(meta) => {
                self.announce(&meta.id, meta.revision);
                self.refresh().await;
                nav.go(View::Program(meta.id));
            }
            Err(error) => self.show_error(failure, &error.to_string()),
        }
    }

    pub async fn refresh(&self) {
        let Ok(store) = store() else { return };
        match store.list().await {
            Ok(list) => self.programs.set(list),
            Err(error) => self.show_error("The programs could not be listed", &error.to_string()),
        }
        match store.list_bin().await {
            Ok(bin) => self.bin.set(bin),
            Err(error) => self.show_error("The bin could not be listed", &error.to_string()),
        }
    }

    /// Refreshes the lists without waiting.
    pub fn refresh_soon(&self) {
        let ctx = *self;
        leptos::task::spawn_local(async move { ctx.refresh().await });
    }

    /// Tells other tabs that program `id` is now at `revision` (0: deleted or renamed
    /// from the home view; lists only).
    pub fn announce(&self, id: &str, revision: u64) {
        CHANNEL.with(|channel| {
            if let Some((channel, _)) = channel.borrow().as_ref() {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"id".into(), &id.into());
                let _ =
                    js_sys::Reflect::set(&message, &"revision".into(), &(revision as f64).into());
                let _ = channel.post_message(&message);
            }
        });
    }

    fn listen(&self) {
        let Ok(channel) = web_sys::BroadcastChannel::new("planwork") else {
            return;
        };
        let ctx = *self;
        let on_message = EventListener::new(&channel, "message", move |event| {
            let Some(data) = event.dyn_ref::<web_sys::MessageEvent>().map(|e| e.data()) else {
                return;
            };
            let id = js_sys::Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|v| v.as_string());
            let revision = js_sys::Reflect::get(&data, &"revision".into())
                .ok()
                .and_then(|v| v.as_f64());
            if let (Some(id), Some(revision)) = (id, revision) {
                let _ = ctx.remote.try_set(Some((id, revision as u64)));
                ctx.refresh_soon();
            }
        });
        // The channel and its listener live as long as the page (or until replaced).
        CHANNEL.with(|c| {
            if let Some((old, _)) = c.borrow_mut().replace((channel, on_message)) {
                old.close();
            }
        });
    }

    /// Asks the browser once for persistent storage; shows a notice if it says no.
    pub fn ask_persist(&self) {
        if self.persist_asked.get_value() {
            return;
        }
        self.persist_asked.set_value(true);
        let ctx = *self;
        leptos::task::spawn_local(async move {
            let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
                return;
            };
            if let Ok(promise) = manager.persisted()
                && let Ok(value) = wasm_bindgen_futures::JsFuture::from(promise).await
                && value.as_bool() == Some(true)
            {
                return;
            }
            let granted = match manager.persist() {
                Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise)
                    .await
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false),
                Err(_) => false,
            };
            if !granted {
                let _ = ctx.persist_refused.try_set(true);
            }
        });
    }
}

/// What a page that died lost, in plain words.
fn lost_words(name: &str, lost: &Lost) -> String {
    let since = format::date_time_seconds(lost.edited_ms);
    let state = match lost.saved_ms {
        Some(saved) => format!(
            "“{name}” is as it was last saved, at {}.",
            format::date_time_seconds(saved)
        ),
        None => format!("“{name}” was deleted since."),
    };
    format!(
        "The browser closed (it quit or crashed) before Planwork could save the changes made \
         to “{name}” from {since} on: they are lost. {state}"
    )
}
