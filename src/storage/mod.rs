//! Programs in the browser's IndexedDB: the only code that touches it.
//!
//! One database (`planwork` in the app; tests use their own names) with three object stores:
//!
//! * `programs`: key = program id; value `{id, name, updated_ms, revision, size_bytes,
//!   daily_day}`: what the list shows and the revision a save checks;
//! * `texts`: key = program id; value `{id, text}`, where `text` is the program file
//!   (`planfile::write`), the one serialisation of a program. Kept apart from `programs` so
//!   that listing, and the revision check of a save, do not read megabytes of text;
//! * `bin`: deleted programs, `programs` value plus `text` and `deleted_ms`; purged after
//!   [`BIN_DAYS`] days;
//! * `snapshots`: auto key; `{key, program_id, name, kind, created_ms, text}`, indexed by
//!   `program_id`.
//!
//! Every change is one readwrite transaction, committed whole or not at all. A save reads
//! the stored revision first and refuses ([`StorageError::Conflict`]) if it is not the
//! revision the caller last loaded or saved: another tab wrote in between. Time is always an
//! argument (`now_ms`), never read here. Raw `web-sys` rather than a wrapper crate: the few
//! requests we make fit in one small helper module ([`idb`]), and aborting on early return
//! is explicit.

mod idb;
mod record;

use std::fmt;

use js_sys::Array;
use planfile::Document;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbTransactionMode};

use idb::{BIN, BY_PROGRAM, PROGRAMS, SNAPSHOTS, TEXTS, Tx, request};
use record::{ProgramRecord, SnapshotRecord, text_from_js, text_to_js};

/// The database the app uses.
pub const DB_NAME: &str = "planwork";
/// How long deleted programs stay in the bin.
pub const BIN_DAYS: i64 = 30;
const DAY_MS: f64 = 86_400_000.0;

/// Why storage failed, said plainly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// IndexedDB is missing or blocked (private mode, a policy, a broken profile).
    Unavailable(String),
    /// The browser's storage quota for this site is used up.
    QuotaExceeded,
    /// Another tab saved this program since this tab last loaded or saved it.
    Conflict,
    /// No program (or snapshot) with this id.
    NotFound(String),
    /// A program with this id already exists.
    AlreadyExists(String),
    /// What is stored cannot be read back.
    Corrupt(String),
    /// Anything else IndexedDB reported.
    Failed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(
                f,
                "This browser does not let Planwork store programs ({why}). Private browsing \
                 or blocked site data can cause this. Nothing is saved: export your work."
            ),
            StorageError::QuotaExceeded => write!(
                f,
                "The browser's storage for Planwork is full, so the last change was not saved. \
                 Export your work, then delete programs or snapshots you no longer need."
            ),
            StorageError::Conflict => {
                write!(
                    f,
                    "This program was changed in another tab since this tab loaded it."
                )
            }
            StorageError::NotFound(id) => write!(f, "There is no program or snapshot {id}."),
            StorageError::AlreadyExists(id) => write!(f, "A program {id} already exists."),
            StorageError::Corrupt(why) => write!(f, "A stored program cannot be read: {why}"),
            StorageError::Failed(why) => write!(f, "Saving or loading failed: {why}"),
        }
    }
}

impl std::error::Error for StorageError {}

/// What the list of programs shows about one.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramMeta {
    pub id: String,
    pub name: String,
    pub updated_ms: f64,
    pub revision: u64,
    pub size_bytes: u64,
}

/// A program in the bin.
#[derive(Clone, Debug, PartialEq)]
pub struct BinEntry {
    pub meta: ProgramMeta,
    pub deleted_ms: f64,
}

impl BinEntry {
    /// Days left before it is purged, counting a part of a day as a day (30 just after
    /// the delete, 1 on its last day, 0 when it is due).
    pub fn days_left(&self, now_ms: f64) -> i64 {
        let purge_at = self.deleted_ms + BIN_DAYS as f64 * DAY_MS;
        ((purge_at - now_ms) / DAY_MS).ceil().max(0.0) as i64
    }
}

/// A loaded program: its document (with `id` set to the program's id) and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub meta: ProgramMeta,
    pub document: Document,
}

/// Why a snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapshotKind {
    Manual,
    Daily,
    BeforeImport,
    BeforeReplace,
    BeforeRestore,
}

impl SnapshotKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SnapshotKind::Manual => "manual",
            SnapshotKind::Daily => "daily",
            SnapshotKind::BeforeImport => "before-import",
            SnapshotKind::BeforeReplace => "before-replace",
            SnapshotKind::BeforeRestore => "before-restore",
        }
    }

    pub fn parse(text: &str) -> Option<SnapshotKind> {
        Some(match text {
            "manual" => SnapshotKind::Manual,
            "daily" => SnapshotKind::Daily,
            "before-import" => SnapshotKind::BeforeImport,
            "before-replace" => SnapshotKind::BeforeReplace,
            "before-restore" => SnapshotKind::BeforeRestore,
            _ => return None,
        })
    }

    /// How the snapshot list names the kind.
    pub fn label(self) -> &'static str {
        match self {
            SnapshotKind::Manual => "named",
            SnapshotKind::Daily => "daily",
            SnapshotKind::BeforeImport => "before import",
            SnapshotKind::BeforeReplace => "before replace",
            SnapshotKind::BeforeRestore => "before restore",
        }
    }
}

/// A snapshot without its content.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotMeta {
    pub key: f64,
    pub program_id: String,
    pub name: String,
    pub kind: SnapshotKind,
    pub created_ms: f64,
}

/// A snapshot with its program.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub meta: SnapshotMeta,
    pub document: Document,
}

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

/// An open database.
#[derive(Clone, Debug)]
pub struct Store {
    db: IdbDatabase,
}

impl Store {
    /// Opens (creating if needed) the database `name`.
    pub async fn open(name: &str) -> Result<Store, StorageError> {
        Ok(Store {
            db: idb::open(name).await?,
        })
    }

    /// Closes the connection (needed before the database can be deleted).
    pub fn close(&self) {
        self.db.close();
    }

    /// Deletes the database `name` and everything in it.
    pub async fn delete_database(name: &str) -> Result<(), StorageError> {
        idb::delete_database(name).await
    }

    fn tx(&self, stores: &[&str], write: bool) -> Result<Tx, StorageError> {
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
        let all = request(&store.get_all().map_err(|e| idb::error_from(&e))?).await?;
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
        let count = request(
            &store
                .count_with_key(&key(id))
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
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
        let record = ProgramRecord {
            name: document.program.program.name.clone(),
            updated_ms: now_ms,
            revision: 1,
            size_bytes: text.len() as u64,
            text: None,
            daily_day: day_of(now_ms),
            deleted_ms: None,
            id: id.clone(),
        };
        let tx = self.tx(&[PROGRAMS, TEXTS], true)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let result = request(
            &programs
                .add(&record.to_js())
                .map_err(|e| idb::error_from(&e))?,
        )
        .await;
        match result {
            Err(StorageError::AlreadyExists(_)) => return Err(StorageError::AlreadyExists(id)),
            other => other?,
        };
        request(
            &texts
                .put(&text_to_js(&id, &text))
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        tx.commit().await?;
        Ok(meta_of(&record))
    }

    /// Loads a program.
    pub async fn load(&self, id: &str) -> Result<Loaded, StorageError> {
        let tx = self.tx(&[PROGRAMS, TEXTS], false)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let value = request(&programs.get(&key(id)).map_err(|e| idb::error_from(&e))?).await?;
        let text = request(&texts.get(&key(id)).map_err(|e| idb::error_from(&e))?).await?;
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
        self.write(document, Some(base_revision), None, now_ms)
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
        self.write(document, None, Some(kind), now_ms).await
    }

    async fn write(
        &self,
        document: &Document,
        base_revision: Option<u64>,
        snapshot: Option<SnapshotKind>,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        let id = document
            .id
            .clone()
            .ok_or_else(|| StorageError::Failed("the program has no id".into()))?;
        let text = planfile::write(document);
        let tx = self.tx(&[PROGRAMS, TEXTS, SNAPSHOTS], true)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let stored = request(&programs.get(&key(&id)).map_err(|e| idb::error_from(&e))?).await?;
        let stored = if stored.is_undefined() {
            None
        } else {
            Some(ProgramRecord::from_js(&stored)?)
        };
        let today = day_of(now_ms);
        let (revision, mut daily_day) = match (&stored, base_revision) {
            (None, Some(_)) => return Err(StorageError::NotFound(id)),
            (None, None) => (1, today),
            (Some(stored), Some(base)) if stored.revision != base => {
                return Err(StorageError::Conflict);
            }
            (Some(stored), _) => (stored.revision + 1, stored.daily_day),
        };
        let daily = stored.as_ref().is_some_and(|s| s.daily_day < today);
        if daily || (stored.is_some() && snapshot.is_some()) {
            // Only now is the stored text read: most saves do not need it.
            let old = request(&texts.get(&key(&id)).map_err(|e| idb::error_from(&e))?).await?;
            let old = text_from_js(&old)?;
            let mut kinds = Vec::new();
            if daily {
                kinds.push((SnapshotKind::Daily, format!("Daily, {}", day_name(today))));
                daily_day = today;
            }
            if let Some(kind) = snapshot {
                kinds.push((kind, String::from(kind.label())));
            }
            for (kind, name) in kinds {
                let record = SnapshotRecord {
                    key: None,
                    program_id: id.clone(),
                    name,
                    kind,
                    created_ms: now_ms,
                    text: old.clone(),
                };
                request(
                    &snapshots
                        .add(&record.to_js())
                        .map_err(|e| idb::error_from(&e))?,
                )
                .await?;
            }
        }
        let record = ProgramRecord {
            id,
            name: document.program.program.name.clone(),
            updated_ms: now_ms,
            revision,
            size_bytes: text.len() as u64,
            text: None,
            daily_day,
            deleted_ms: None,
        };
        request(
            &programs
                .put(&record.to_js())
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        request(
            &texts
                .put(&text_to_js(&record.id, &text))
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        tx.commit().await?;
        Ok(meta_of(&record))
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

    /// Moves a program to the bin (its snapshots stay, for a restore).
    pub async fn delete(&self, id: &str, now_ms: f64) -> Result<(), StorageError> {
        let tx = self.tx(&[PROGRAMS, TEXTS, BIN], true)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let bin = tx.store(BIN)?;
        let value = request(&programs.get(&key(id)).map_err(|e| idb::error_from(&e))?).await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(id.to_owned()));
        }
        let text = request(&texts.get(&key(id)).map_err(|e| idb::error_from(&e))?).await?;
        let mut record = ProgramRecord::from_js(&value)?;
        record.text = Some(text_from_js(&text)?);
        record.deleted_ms = Some(now_ms);
        request(&bin.put(&record.to_js()).map_err(|e| idb::error_from(&e))?).await?;
        request(&programs.delete(&key(id)).map_err(|e| idb::error_from(&e))?).await?;
        request(&texts.delete(&key(id)).map_err(|e| idb::error_from(&e))?).await?;
        tx.commit().await
    }

    /// The bin, most recently deleted first.
    pub async fn list_bin(&self) -> Result<Vec<BinEntry>, StorageError> {
        let tx = self.tx(&[BIN], false)?;
        let store = tx.store(BIN)?;
        let all = request(&store.get_all().map_err(|e| idb::error_from(&e))?).await?;
        let mut list = Array::from(&all)
            .iter()
            .map(|value| {
                ProgramRecord::from_js(&value).map(|r| BinEntry {
                    meta: meta_of(&r),
                    deleted_ms: r.deleted_ms.unwrap_or(0.0),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        list.sort_by(|a, b| b.deleted_ms.total_cmp(&a.deleted_ms));
        tx.commit().await?;
        Ok(list)
    }

    /// Brings a program back from the bin. If its id has been taken meanwhile (an import of
    /// the same program), it comes back as `fresh_id`.
    pub async fn restore(
        &self,
        id: &str,
        fresh_id: &str,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        let tx = self.tx(&[PROGRAMS, TEXTS, BIN, SNAPSHOTS], true)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let bin = tx.store(BIN)?;
        let value = request(&bin.get(&key(id)).map_err(|e| idb::error_from(&e))?).await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(id.to_owned()));
        }
        let mut record = ProgramRecord::from_js(&value)?;
        let mut text = record
            .text
            .take()
            .ok_or_else(|| StorageError::Corrupt(format!("{id}: the program's text is missing")))?;
        record.deleted_ms = None;
        record.updated_ms = now_ms;
        record.revision += 1;
        let taken = request(
            &programs
                .count_with_key(&key(id))
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        if taken.as_f64().unwrap_or(0.0) > 0.0 {
            let document = parse(&text, id)?;
            record.id = fresh_id.to_owned();
            text = text_with_id(&document, fresh_id);
            record.size_bytes = text.len() as u64;
            // Its snapshots follow it to the new id.
            let snapshots = tx.store(SNAPSHOTS)?;
            let index = snapshots
                .index(BY_PROGRAM)
                .map_err(|e| idb::error_from(&e))?;
            let all = request(
                &index
                    .get_all_with_key(&key(id))
                    .map_err(|e| idb::error_from(&e))?,
            )
            .await?;
            for value in Array::from(&all).iter() {
                let mut snapshot = SnapshotRecord::from_js(&value)?;
                snapshot.program_id = fresh_id.to_owned();
                request(
                    &snapshots
                        .put(&snapshot.to_js())
                        .map_err(|e| idb::error_from(&e))?,
                )
                .await?;
            }
        }
        request(
            &programs
                .add(&record.to_js())
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        request(
            &texts
                .put(&text_to_js(&record.id, &text))
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        request(&bin.delete(&key(id)).map_err(|e| idb::error_from(&e))?).await?;
        tx.commit().await?;
        Ok(meta_of(&record))
    }

    /// Deletes for good the programs that have been in the bin for [`BIN_DAYS`] days or
    /// more, with their snapshots. Returns how many.
    pub async fn purge_bin(&self, now_ms: f64) -> Result<usize, StorageError> {
        let tx = self.tx(&[BIN, SNAPSHOTS], true)?;
        let bin = tx.store(BIN)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let index = snapshots
            .index(BY_PROGRAM)
            .map_err(|e| idb::error_from(&e))?;
        let all = request(&bin.get_all().map_err(|e| idb::error_from(&e))?).await?;
        let limit = now_ms - BIN_DAYS as f64 * DAY_MS;
        let mut purged = 0;
        for value in Array::from(&all).iter() {
            let record = ProgramRecord::from_js(&value)?;
            if record.deleted_ms.unwrap_or(0.0) > limit {
                continue;
            }
            let keys = request(
                &index
                    .get_all_keys_with_key(&key(&record.id))
                    .map_err(|e| idb::error_from(&e))?,
            )
            .await?;
            for snapshot_key in Array::from(&keys).iter() {
                request(
                    &snapshots
                        .delete(&snapshot_key)
                        .map_err(|e| idb::error_from(&e))?,
                )
                .await?;
            }
            request(
                &bin.delete(&key(&record.id))
                    .map_err(|e| idb::error_from(&e))?,
            )
            .await?;
            purged += 1;
        }
        tx.commit().await?;
        Ok(purged)
    }

    /// Keeps the stored version of program `id` as a snapshot.
    pub async fn take_snapshot(
        &self,
        id: &str,
        name: &str,
        kind: SnapshotKind,
        now_ms: f64,
    ) -> Result<SnapshotMeta, StorageError> {
        let tx = self.tx(&[TEXTS, SNAPSHOTS], true)?;
        let texts = tx.store(TEXTS)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let value = request(&texts.get(&key(id)).map_err(|e| idb::error_from(&e))?).await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(id.to_owned()));
        }
        let mut record = SnapshotRecord {
            key: None,
            program_id: id.to_owned(),
            name: name.to_owned(),
            kind,
            created_ms: now_ms,
            text: text_from_js(&value)?,
        };
        let new_key = request(
            &snapshots
                .add(&record.to_js())
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        tx.commit().await?;
        record.key = new_key.as_f64();
        Ok(snapshot_meta(&record))
    }

    /// The snapshots of program `id`, newest first.
    pub async fn list_snapshots(&self, id: &str) -> Result<Vec<SnapshotMeta>, StorageError> {
        let tx = self.tx(&[SNAPSHOTS], false)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let index = snapshots
            .index(BY_PROGRAM)
            .map_err(|e| idb::error_from(&e))?;
        let all = request(
            &index
                .get_all_with_key(&key(id))
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        let mut list = Array::from(&all)
            .iter()
            .map(|value| SnapshotRecord::from_js(&value).map(|r| snapshot_meta(&r)))
            .collect::<Result<Vec<_>, _>>()?;
        list.sort_by(|a, b| b.key.total_cmp(&a.key));
        tx.commit().await?;
        Ok(list)
    }

    /// A snapshot with its program.
    pub async fn load_snapshot(&self, snapshot_key: f64) -> Result<Snapshot, StorageError> {
        let tx = self.tx(&[SNAPSHOTS], false)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let value = request(
            &snapshots
                .get(&JsValue::from_f64(snapshot_key))
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        tx.commit().await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(format!("snapshot {snapshot_key}")));
        }
        let record = SnapshotRecord::from_js(&value)?;
        Ok(Snapshot {
            document: parse(&record.text, &record.program_id)?,
            meta: snapshot_meta(&record),
        })
    }

    /// Restores a snapshot over its program, which must still be at `base_revision`; the
    /// program's stored version is first kept as a `before-restore` snapshot.
    pub async fn restore_snapshot(
        &self,
        snapshot_key: f64,
        base_revision: u64,
        now_ms: f64,
    ) -> Result<Loaded, StorageError> {
        let snapshot = self.load_snapshot(snapshot_key).await?;
        let tx = self.tx(&[PROGRAMS, TEXTS, SNAPSHOTS], true)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let id = snapshot.meta.program_id.clone();
        let value = request(&programs.get(&key(&id)).map_err(|e| idb::error_from(&e))?).await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(id));
        }
        let stored = ProgramRecord::from_js(&value)?;
        if stored.revision != base_revision {
            return Err(StorageError::Conflict);
        }
        let old = request(&texts.get(&key(&id)).map_err(|e| idb::error_from(&e))?).await?;
        let before = SnapshotRecord {
            key: None,
            program_id: id.clone(),
            name: format!("Before restoring “{}”", snapshot.meta.name),
            kind: SnapshotKind::BeforeRestore,
            created_ms: now_ms,
            text: text_from_js(&old)?,
        };
        request(
            &snapshots
                .add(&before.to_js())
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        let text = text_with_id(&snapshot.document, &id);
        let record = ProgramRecord {
            id: id.clone(),
            name: snapshot.document.program.program.name.clone(),
            updated_ms: now_ms,
            revision: stored.revision + 1,
            size_bytes: text.len() as u64,
            text: None,
            daily_day: stored.daily_day,
            deleted_ms: None,
        };
        request(
            &programs
                .put(&record.to_js())
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        request(
            &texts
                .put(&text_to_js(&id, &text))
                .map_err(|e| idb::error_from(&e))?,
        )
        .await?;
        tx.commit().await?;
        Ok(Loaded {
            meta: meta_of(&record),
            document: snapshot.document,
        })
    }
}
