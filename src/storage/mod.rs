//! Programs in the browser's IndexedDB: the only code that touches it.
//!
//! One database (`planwork` in the app; tests use their own names) with these object stores:
//!
//! * `programs`: key = program id; value `{id, name, updated_ms, revision, size_bytes,
//!   daily_day, writer, writer_since}`: what the list shows, the revision a save checks, and
//!   which page's editor wrote the last revisions (see [`Store::tab`]);
//! * `texts`: key = program id; value `{id, text}`, where `text` is the program file
//!   (`planfile::write`), the one serialisation of a program. Kept apart from `programs` so
//!   that listing, and the revision check of a save, do not read megabytes of text;
//! * `bin`: deleted programs, `programs` value plus `text` and `deleted_ms`; purged after
//!   [`BIN_DAYS`] days;
//! * `snapshots`: auto key; `{key, program_id, name, kind, created_ms, text}`, indexed by
//!   `program_id`;
//! * `pending` (the journal): key = program id; `{id, text, base_revision, generation, tab,
//!   saved_ms, history}`: the editor's program as it was when its page was hidden or closed,
//!   written synchronously there ([`Store::write_journal`]), since the page may never run
//!   again to finish an ordinary save. [`Store::recover`] turns it into the stored program,
//!   or a `recovered` snapshot if another page wrote the program since;
//! * `history`: key = program id; `{id, revision, json}`: the undo history the editor had at
//!   that revision (`document::history`), written with each save;
//! * `unsaved`: key = a page's tab id; `{tab, program_id, name, base_revision, generation,
//!   edited_ms}`: that page's editor holds edits not yet stored (see [`unsaved`]), written
//!   synchronously at its first such edit and deleted by the save that stores them.
//!
//! The schema's versions and their upgrades are [`schema`]'s. A database written by a newer
//! Planwork is not opened ([`StorageError::NewerVersion`]); when a newer Planwork in another
//! tab upgrades it, this page's connection gives way ([`StorageError::Superseded`]).
//!
//! Every change is one readwrite transaction, committed whole or not at all. A save reads
//! the stored revision first and refuses ([`StorageError::Conflict`]) if it is not the
//! revision the caller last loaded or saved: another tab wrote in between (the editor's
//! save, [`Store::save_edits`], also goes ahead when every revision since was its own page's). Time is always an
//! argument (`now_ms`), never read here. Raw `web-sys` ([`idb`]; why: ARCHITECTURE.md).

mod bin;
mod idb;
mod journal;
mod pages;
mod record;
mod schema;
mod snapshots;
mod templates;
mod types;
mod unsaved;

use std::collections::HashSet;
use std::rc::Rc;

use js_sys::Array;
use planfile::Document;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbTransactionMode};

use idb::{
    BIN, BY_PROGRAM, GiveWay, HISTORY, PENDING, PROGRAMS, SNAPSHOTS, TEMPLATES, TEXTS, Tx, UNSAVED,
};
use pages::PageLock;
use record::{
    JournalRecord, ProgramRecord, SnapshotRecord, UnsavedRecord, history_at, history_to_js,
    text_from_js, text_to_js,
};

pub use journal::{Journal, Lost, RECOVERED_NAME, Recovered, Recovery};
pub use schema::DB_VERSION;
pub use types::{
    BinEntry, Edits, Loaded, ProgramMeta, Snapshot, SnapshotKind, SnapshotMeta, StorageError,
};

/// The database the app uses.
pub const DB_NAME: &str = "planwork";
/// How long deleted programs stay in the bin.
pub const BIN_DAYS: i64 = 30;
const DAY_MS: f64 = 86_400_000.0;

fn meta_of(record: &ProgramRecord) -> ProgramMeta {
    ProgramMeta {
        id: record.id.clone(),
        name: record.name.clone(),
        updated_ms: record.updated_ms,
        revision: record.revision,
        size_bytes: record.size_bytes,
    }
}

fn snapshot_meta(record: &SnapshotRecord) -> SnapshotMeta {
    SnapshotMeta {
        key: record.key.unwrap_or(0.0),
        program_id: record.program_id.clone(),
        name: record.name.clone(),
        kind: record.kind,
        created_ms: record.created_ms,
    }
}

/// Days since 1970-01-01 (UTC) at `now_ms`.
fn day_of(now_ms: f64) -> i64 {
    (now_ms / DAY_MS).floor() as i64
}

/// `YYYY-MM-DD` (UTC) of a day number.
fn day_name(day: i64) -> String {
    // 719_163 days from 0001-01-01 (day 1 of the common era) to 1970-01-01.
    i32::try_from(day + 719_163)
        .ok()
        .and_then(chrono::NaiveDate::from_num_days_from_ce_opt)
        .map(|date| date.to_string())
        .unwrap_or_default()
}

/// `Err(TooLarge)` if `text` is larger than a program file Planwork reads back: the read
/// limit is the write limit, so that whatever is stored can be opened again.
fn storable(text: &str) -> Result<(), StorageError> {
    planfile::check_size(text).map_err(|_| StorageError::TooLarge(text.len()))
}

/// The program file of `document` with its id set to `id`.
fn text_with_id(document: &Document, id: &str) -> String {
    if document.id.as_deref() == Some(id) {
        planfile::write(document)
    } else {
        let mut document = document.clone();
        document.id = Some(id.to_owned());
        planfile::write(&document)
    }
}

fn parse(text: &str, id: &str) -> Result<Document, StorageError> {
    let mut document =
        planfile::read(text).map_err(|e| StorageError::Corrupt(format!("{id}: {e}")))?;
    document.id = Some(id.to_owned());
    Ok(document)
}

fn key(id: &str) -> JsValue {
    JsValue::from_str(id)
}

/// An open database, as one page (tab) sees it.
#[derive(Clone, Debug)]
pub struct Store {
    db: IdbDatabase,
    /// This page's id, new at each [`Store::open`]: the writer of its editor's saves and
    /// journal entries, and the name of its lock (see [`pages`]).
    tab: String,
    /// Whether the connection gave way to a newer Planwork, and what to do first then.
    give_way: Rc<GiveWay>,
    /// Held while the page is open: it tells other pages this one is alive.
    lock: Rc<PageLock>,
    /// The editor's save in flight, which the journal's write sets aside.
    in_flight: Rc<InFlight>,
}

/// The save in flight (see [`Store::write_journal`]): a page that goes cannot finish it (it
/// takes several round trips, each needing the page to run again), and the journal entry,
/// written to a store the save holds, would wait behind it and be lost with it.
#[derive(Debug, Default)]
struct InFlight {
    tx: std::cell::RefCell<Option<web_sys::IdbTransaction>>,
    set_aside: std::cell::Cell<bool>,
}

impl InFlight {
    fn start(&self, tx: &Tx) {
        *self.tx.borrow_mut() = Some(tx.raw().clone());
        self.set_aside.set(false);
    }

    /// Aborts the save in flight, if any, at once.
    fn set_aside(&self) {
        // (Already committing, it cannot be aborted: then it lands, and is no longer set aside.)
        if let Some(tx) = self.tx.borrow_mut().take()
            && tx.abort().is_ok()
        {
            self.set_aside.set(true);
        }
    }

    /// The save ended: whether it was set aside.
    fn finish(&self) -> bool {
        self.tx.borrow_mut().take();
        self.set_aside.replace(false)
    }
}

impl Store {
    /// Opens (creating or upgrading if needed) the database `name`, as a page of its own.
    /// A database of a newer schema version is refused ([`StorageError::NewerVersion`]).
    pub async fn open(name: &str) -> Result<Store, StorageError> {
        let random = || (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
        let (db, give_way) = idb::open(name, schema::DB_VERSION, schema::upgrade).await?;
        let tab = format!("tab-{:08x}{:08x}", random(), random());
        let lock = Rc::new(PageLock::take(&tab).await);
        Ok(Store {
            db,
            tab,
            give_way,
            lock,
            in_flight: Rc::default(),
        })
    }

    /// This page's id (see [`Store::open`]).
    pub fn tab(&self) -> &str {
        &self.tab
    }

    /// Closes the connection (needed before the database can be deleted); to other pages,
    /// this one is gone.
    pub fn close(&self) {
        self.db.close();
        self.lock.release();
    }

    /// Runs `hook` when a newer Planwork in another tab asks to upgrade the database, just
    /// before this page's connection closes for it: the page's last chance to write
    /// anything, synchronously (the journal). Every call after fails with
    /// [`StorageError::Superseded`].
    pub fn on_superseded(&self, hook: impl Fn() + 'static) {
        self.give_way.set_hook(Box::new(hook));
    }

    /// `Err(Superseded)` once the connection gave way to a newer Planwork.
    fn check_open(&self) -> Result<(), StorageError> {
        if self.give_way.superseded() {
            Err(StorageError::Superseded)
        } else {
            Ok(())
        }
    }

    /// Deletes the database `name` and everything in it.
    pub async fn delete_database(name: &str) -> Result<(), StorageError> {
        idb::delete_database(name).await
    }

    fn tx(&self, stores: &[&str], write: bool) -> Result<Tx, StorageError> {
        self.check_open()?;
        let mode = if write {
            IdbTransactionMode::Readwrite
        } else {
            IdbTransactionMode::Readonly
        };
        Tx::new(&self.db, stores, mode)
    }

    /// The programs, most recently changed first.
    pub async fn list(&self) -> Result<Vec<ProgramMeta>, StorageError> {
        let tx = self.tx(&[PROGRAMS], false)?;
        let store = tx.store(PROGRAMS)?;
        let all = idb::run(store.get_all()).await?;
        let mut list = Array::from(&all)
            .iter()
            .map(|value| ProgramRecord::from_js(&value).map(|r| meta_of(&r)))
            .collect::<Result<Vec<_>, _>>()?;
        list.sort_by(|a, b| {
            b.updated_ms
                .total_cmp(&a.updated_ms)
                .then(a.name.cmp(&b.name))
        });
        tx.commit().await?;
        Ok(list)
    }

    /// Whether a program `id` exists (not counting the bin).
    pub async fn exists(&self, id: &str) -> Result<bool, StorageError> {
        let tx = self.tx(&[PROGRAMS], false)?;
        let store = tx.store(PROGRAMS)?;
        let count = idb::run(store.count_with_key(&key(id))).await?;
        tx.commit().await?;
        Ok(count.as_f64().unwrap_or(0.0) > 0.0)
    }

    /// Stores a new program; its id is `document.id`. Fails if the id is taken.
    pub async fn create(
        &self,
        document: &Document,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        let id = document
            .id
            .clone()
            .ok_or_else(|| StorageError::Failed("a new program needs an id".into()))?;
        let text = planfile::write(document);
        storable(&text)?;
        let record = ProgramRecord {
            name: document.program.program.name.clone(),
            updated_ms: now_ms,
            revision: 1,
            size_bytes: text.len() as u64,
            text: None,
            daily_day: day_of(now_ms),
            deleted_ms: None,
            writer: None,
            writer_since: 0,
            id: id.clone(),
        };
        let tx = self.tx(&[PROGRAMS, TEXTS], true)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let result = idb::run(programs.add(&record.to_js())).await;
        match result {
            Err(StorageError::AlreadyExists(_)) => return Err(StorageError::AlreadyExists(id)),
            other => other?,
        };
        idb::run(texts.put(&text_to_js(&id, &text))).await?;
        tx.commit().await?;
        Ok(meta_of(&record))
    }

    /// Loads a program, with the undo history stored with its revision.
    pub async fn load(&self, id: &str) -> Result<Loaded, StorageError> {
        let tx = self.tx(&[PROGRAMS, TEXTS, HISTORY], false)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let history = tx.store(HISTORY)?;
        let value = idb::run(programs.get(&key(id))).await?;
        let text = idb::run(texts.get(&key(id))).await?;
        let history = idb::run(history.get(&key(id))).await?;
        tx.commit().await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(id.to_owned()));
        }
        if text.is_undefined() {
            return Err(StorageError::Corrupt(format!(
                "{id}: the program's text is missing"
            )));
        }
        let record = ProgramRecord::from_js(&value)?;
        Ok(Loaded {
            document: parse(&text_from_js(&text)?, id)?,
            history: history_at(&history, record.revision),
            meta: meta_of(&record),
        })
    }

    /// Saves `document` over the stored program `document.id`, if it is still at
    /// `base_revision`; otherwise nothing is written and the answer is
    /// [`StorageError::Conflict`]. The first save of a (UTC) day first keeps the stored
    /// version as a daily snapshot.
    pub async fn save(
        &self,
        document: &Document,
        base_revision: u64,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        self.write(document, Some(base_revision), None, None, now_ms)
            .await
    }

    /// The editor's save: as [`Store::save`], with this page as the writer. It is not a
    /// conflict if every revision since `base_revision` was written by this page (its
    /// journal recovered on its behalf by another page). In the same transaction: the
    /// undo history is stored with the new revision, this page's journal entry is deleted
    /// if the save is at least as new (or any journal entry with the same text), and so is
    /// its note of unsaved edits ([`Store::note_unsaved`]).
    pub async fn save_edits(
        &self,
        document: &Document,
        base_revision: u64,
        edits: &Edits,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        self.write(document, Some(base_revision), None, Some(edits), now_ms)
            .await
    }

    /// Writes `document` over the stored program whatever its revision, after keeping the
    /// stored version as a snapshot of `kind`. Creates the program if it does not exist.
    pub async fn replace(
        &self,
        document: &Document,
        kind: SnapshotKind,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        self.write(document, None, Some(kind), None, now_ms).await
    }

    /// The editor's replace ("Keep mine"): as [`Store::replace`], and as [`Store::save_edits`]
    /// for the writer, the history and the journal.
    pub async fn replace_edits(
        &self,
        document: &Document,
        kind: SnapshotKind,
        edits: &Edits,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        self.write(document, None, Some(kind), Some(edits), now_ms)
            .await
    }

    /// A change of the program, in one transaction that the journal's write may set aside
    /// ([`StorageError::SetAside`]).
    async fn write(
        &self,
        document: &Document,
        base_revision: Option<u64>,
        snapshot: Option<SnapshotKind>,
        edits: Option<&Edits>,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        let written = self
            .write_once(document, base_revision, snapshot, edits, now_ms)
            .await;
        if self.in_flight.finish() {
            return Err(StorageError::SetAside);
        }
        written
    }

    async fn write_once(
        &self,
        document: &Document,
        base_revision: Option<u64>,
        snapshot: Option<SnapshotKind>,
        edits: Option<&Edits>,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        let id = document
            .id
            .clone()
            .ok_or_else(|| StorageError::Failed("the program has no id".into()))?;
        let text = planfile::write(document);
        let tx = self.tx(
            &[PROGRAMS, TEXTS, SNAPSHOTS, PENDING, HISTORY, UNSAVED],
            true,
        )?;
        self.in_flight.start(&tx);
        let writer = edits.map(|_| self.tab.as_str());
        let change = Change {
            id: &id,
            name: &document.program.program.name,
            text: &text,
            base_revision,
            snapshot,
            writer,
            now_ms,
        };
        let record = change.write(&tx).await?;
        let history = edits.and_then(|e| e.history.as_deref());
        store_history(&tx, &id, record.revision, history).await?;
        if let Some(edits) = edits {
            self.settle_journal(&tx, &id, &text, edits.generation)
                .await?;
            self.settle_unsaved(&tx, &id, edits.generation).await?;
        }
        tx.commit().await?;
        Ok(meta_of(&record))
    }

    /// Deletes program `id`'s journal entry if a save of `text` at `generation` by this
    /// page makes it needless: it is this page's and not newer, or it holds the same text.
    async fn settle_journal(
        &self,
        tx: &Tx,
        id: &str,
        text: &str,
        generation: u64,
    ) -> Result<(), StorageError> {
        let pending = tx.store(PENDING)?;
        let value = idb::run(pending.get(&key(id))).await?;
        if value.is_undefined() {
            return Ok(());
        }
        let journal = JournalRecord::from_js(&value)?;
        let older_of_mine = journal.tab == self.tab && journal.generation <= generation;
        if older_of_mine || journal.text == text {
            idb::run(pending.delete(&key(id))).await?;
        }
        Ok(())
    }

    /// Renames a stored program (a new revision).
    pub async fn rename(
        &self,
        id: &str,
        name: &str,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        let loaded = self.load(id).await?;
        let mut document = loaded.document;
        document.program.program.name = name.to_owned();
        self.save(&document, loaded.meta.revision, now_ms).await
    }

    /// Copies program `id` as a new program `new_id` named "… (copy)".
    pub async fn duplicate(
        &self,
        id: &str,
        new_id: &str,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        let loaded = self.load(id).await?;
        let mut document = loaded.document;
        document.id = Some(new_id.to_owned());
        document.program.program.name = format!("{} (copy)", document.program.program.name);
        self.create(&document, now_ms).await
    }
}

/// Stores `history` (JSON) as program `id`'s undo history at `revision`, or, with `None`,
/// deletes the one stored (it belonged to an older revision).
async fn store_history(
    tx: &Tx,
    id: &str,
    revision: u64,
    history: Option<&str>,
) -> Result<(), StorageError> {
    let store = tx.store(HISTORY)?;
    match history {
        Some(json) => idb::run(store.put(&history_to_js(id, revision, json))).await?,
        None => idb::run(store.delete(&key(id))).await?,
    };
    Ok(())
}

/// One write of a program's text as a new revision, inside a transaction over `programs`,
/// `texts` and `snapshots`.
struct Change<'a> {
    id: &'a str,
    name: &'a str,
    text: &'a str,
    /// Refuse with [`StorageError::Conflict`] unless the stored program is still at this
    /// revision (or only `writer` wrote since); `None`: write whatever is stored, creating
    /// the program if there is none.
    base_revision: Option<u64>,
    /// Keep the stored version as a snapshot of this kind first.
    snapshot: Option<SnapshotKind>,
    /// The page whose editor makes the change (see [`ProgramRecord::writer`]).
    writer: Option<&'a str>,
    now_ms: f64,
}

impl Change<'_> {
    /// Makes the change; the first write of a (UTC) day keeps the stored version as a
    /// daily snapshot. Returns the new record.
    async fn write(&self, tx: &Tx) -> Result<ProgramRecord, StorageError> {
        storable(self.text)?;
        let id = self.id;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let stored = idb::run(programs.get(&key(id))).await?;
        let stored = if stored.is_undefined() {
            None
        } else {
            Some(ProgramRecord::from_js(&stored)?)
        };
        let today = day_of(self.now_ms);
        let (revision, mut daily_day) = match (&stored, self.base_revision) {
            (None, Some(_)) => return Err(StorageError::NotFound(id.to_owned())),
            (None, None) => (1, today),
            (Some(stored), Some(base)) if !stored.unchanged_since(base, self.writer) => {
                return Err(StorageError::Conflict);
            }
            (Some(stored), _) => (stored.revision + 1, stored.daily_day),
        };
        let (writer, writer_since) = match &stored {
            Some(stored) => stored.next_writer(self.writer),
            None => (self.writer.map(str::to_owned), 0),
        };
        let daily = stored.as_ref().is_some_and(|s| s.daily_day < today);
        if daily || (stored.is_some() && self.snapshot.is_some()) {
            // Only now is the stored text read: most saves do not need it.
            let old = idb::run(texts.get(&key(id))).await?;
            let old = text_from_js(&old)?;
            let mut kinds = Vec::new();
            if daily {
                kinds.push((SnapshotKind::Daily, format!("Daily, {}", day_name(today))));
                daily_day = today;
            }
            if let Some(kind) = self.snapshot {
                kinds.push((kind, String::from(kind.label())));
            }
            for (kind, name) in kinds {
                let record = SnapshotRecord {
                    key: None,
                    program_id: id.to_owned(),
                    name,
                    kind,
                    created_ms: self.now_ms,
                    text: old.clone(),
                };
                idb::run(snapshots.add(&record.to_js())).await?;
            }
        }
        let record = ProgramRecord {
            id: id.to_owned(),
            name: self.name.to_owned(),
            updated_ms: self.now_ms,
            revision,
            size_bytes: self.text.len() as u64,
            text: None,
            daily_day,
            deleted_ms: None,
            writer,
            writer_since,
        };
        idb::run(programs.put(&record.to_js())).await?;
        idb::run(texts.put(&text_to_js(id, self.text))).await?;
        Ok(record)
    }
}
