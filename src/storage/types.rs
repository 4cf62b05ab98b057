//! What storage hands out and why it fails: [`StorageError`], a program's list entry, a bin
//! entry, a loaded program, the edits a save carries, snapshots. Plain data.

use std::fmt;

use planfile::Document;

use super::{BIN_DAYS, DAY_MS};

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
    /// The database was written by a newer Planwork (a higher schema version): it is not
    /// opened, so that this older one cannot damage it.
    NewerVersion,
    /// A newer Planwork, opened in another tab, upgraded the database: this page closed its
    /// connection for it and can no longer read or write.
    Superseded,
    /// The program's file would be larger than Planwork reads back
    /// ([`planfile::MAX_FILE_BYTES`]): it is not stored, so that nothing stored is unreadable.
    TooLarge(usize),
    /// The editor's save was set aside, unfinished, for the journal written as the page goes
    /// ([`Store::write_journal`]): the journal holds its edits. Not a failure to show.
    SetAside,
    /// Anything else IndexedDB reported.
    Failed(String),
}

impl StorageError {
    /// Whether trying again later may succeed (space freed, a passing failure); not for
    /// a conflict, missing storage or a newer Planwork.
    pub fn may_pass(&self) -> bool {
        matches!(self, StorageError::QuotaExceeded | StorageError::Failed(_))
    }
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
            StorageError::NewerVersion => write!(
                f,
                "This browser's Planwork data was written by a newer version of Planwork, so \
                 this older version does not open it (it could damage it). Nothing was changed. \
                 Open the newer Planwork instead (reload this page if Planwork was just \
                 updated); programs made here meanwhile stay only in this tab: export them."
            ),
            StorageError::Superseded => write!(
                f,
                "A newer version of Planwork was opened in another tab and has updated this \
                 browser's Planwork data, so this tab can no longer save. Nothing stored was \
                 lost. Export what you changed here since to keep it, then reload this tab to \
                 go on in the newer version."
            ),
            StorageError::TooLarge(bytes) => write!(
                f,
                "This program would take {:.1} MB as a file, more than the {} MB Planwork can \
                 read back, so it was not saved (the last saved version is kept). Undo the last \
                 change, or shorten long texts.",
                *bytes as f64 / 1e6,
                planfile::MAX_FILE_BYTES / (1024 * 1024)
            ),
            StorageError::SetAside => write!(f, "The save was set aside for the journal."),
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

/// A loaded program: its document (with `id` set to the program's id), where it stands, and
/// the undo history stored with this revision, if any (JSON, see `document::history`).
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub meta: ProgramMeta,
    pub document: Document,
    pub history: Option<String>,
}

/// The editor's side of a save: its edit count when it took the document (a number that
/// only grows within a page) and the document's undo history (JSON, see `document::history`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Edits {
    pub generation: u64,
    pub history: Option<String>,
}

/// Why a snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapshotKind {
    Manual,
    Daily,
    BeforeImport,
    BeforeReplace,
    BeforeRestore,
    /// Unsaved changes of a page, from its journal, kept because another page had written
    /// the program since.
    Recovered,
}

impl SnapshotKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SnapshotKind::Manual => "manual",
            SnapshotKind::Daily => "daily",
            SnapshotKind::BeforeImport => "before-import",
            SnapshotKind::BeforeReplace => "before-replace",
            SnapshotKind::BeforeRestore => "before-restore",
            SnapshotKind::Recovered => "recovered",
        }
    }

    pub fn parse(text: &str) -> Option<SnapshotKind> {
        Some(match text {
            "manual" => SnapshotKind::Manual,
            "daily" => SnapshotKind::Daily,
            "before-import" => SnapshotKind::BeforeImport,
            "before-replace" => SnapshotKind::BeforeReplace,
            "before-restore" => SnapshotKind::BeforeRestore,
            "recovered" => SnapshotKind::Recovered,
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
            SnapshotKind::Recovered => "recovered",
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
