//! The stored values as plain JavaScript objects (no JSON): a program (in `programs` and,
//! with `deleted_ms`, in `bin`), a snapshot, a journal entry (`pending`), an undo history
//! (`history`) and a page's note of unsaved edits (`unsaved`).

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

use super::{SnapshotKind, StorageError};

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn string(object: &JsValue, key: &str) -> Result<String, StorageError> {
    get(object, key)
        .as_string()
        .ok_or_else(|| StorageError::Corrupt(format!("a stored record has no {key}")))
}

fn number(object: &JsValue, key: &str) -> Result<f64, StorageError> {
    get(object, key)
        .as_f64()
        .ok_or_else(|| StorageError::Corrupt(format!("a stored record has no {key}")))
}

/// A program as stored: in `programs` without its text (which is in `texts`), in `bin`
/// with it. The text is the program file (`planfile::write`).
#[derive(Clone, Debug)]
pub(crate) struct ProgramRecord {
    pub id: String,
    pub name: String,
    pub updated_ms: f64,
    pub revision: u64,
    pub size_bytes: u64,
    /// Only in the bin.
    pub text: Option<String>,
    /// The day (days since 1970-01-01, UTC) of the last automatic daily snapshot, or of
    /// the program's creation.
    pub daily_day: i64,
    /// Set in the bin: when it was deleted.
    pub deleted_ms: Option<f64>,
    /// The page (a [`super::Store`]'s tab id) whose editor made this revision, or on whose
    /// behalf it was recovered from its journal; `None` for any other write.
    pub writer: Option<String>,
    /// Every revision after this one, up to `revision`, was written by `writer`.
    pub writer_since: u64,
}

impl ProgramRecord {
    pub(crate) fn to_js(&self) -> JsValue {
        let object = Object::new();
        set(&object, "id", &self.id.as_str().into());
        set(&object, "name", &self.name.as_str().into());
        set(&object, "updated_ms", &self.updated_ms.into());
        set(&object, "revision", &(self.revision as f64).into());
        set(&object, "size_bytes", &(self.size_bytes as f64).into());
        set(&object, "daily_day", &(self.daily_day as f64).into());
        if let Some(deleted) = self.deleted_ms {
            set(&object, "deleted_ms", &deleted.into());
        }
        if let Some(text) = &self.text {
            set(&object, "text", &text.as_str().into());
        }
        if let Some(writer) = &self.writer {
            set(&object, "writer", &writer.as_str().into());
            set(&object, "writer_since", &(self.writer_since as f64).into());
        }
        object.into()
    }

    /// Whether nobody but `tab` wrote the program since revision `base`: it is still at
    /// `base`, or every revision since was written by `tab`'s editor.
    pub(crate) fn unchanged_since(&self, base: u64, tab: Option<&str>) -> bool {
        self.revision == base
            || (tab.is_some()
                && self.writer.as_deref() == tab
                && self.writer_since <= base
                && base <= self.revision)
    }

    /// Who wrote the next revision, made by `writer`, and since when they have been the
    /// only writer.
    pub(crate) fn next_writer(&self, writer: Option<&str>) -> (Option<String>, u64) {
        match writer {
            Some(tab) if self.writer.as_deref() == Some(tab) => {
                (Some(tab.to_owned()), self.writer_since)
            }
            _ => (writer.map(str::to_owned), self.revision),
        }
    }

    pub(crate) fn from_js(value: &JsValue) -> Result<ProgramRecord, StorageError> {
        Ok(ProgramRecord {
            id: string(value, "id")?,
            name: string(value, "name")?,
            updated_ms: number(value, "updated_ms")?,
            revision: number(value, "revision")? as u64,
            size_bytes: number(value, "size_bytes")? as u64,
            daily_day: get(value, "daily_day").as_f64().unwrap_or(0.0) as i64,
            deleted_ms: get(value, "deleted_ms").as_f64(),
            text: get(value, "text").as_string(),
            writer: get(value, "writer").as_string(),
            writer_since: get(value, "writer_since").as_f64().unwrap_or(0.0) as u64,
        })
    }
}

/// A snapshot as stored (`key` is set by the store's key generator).
#[derive(Clone, Debug)]
pub(crate) struct SnapshotRecord {
    pub key: Option<f64>,
    pub program_id: String,
    pub name: String,
    pub kind: SnapshotKind,
    pub created_ms: f64,
    pub text: String,
}

impl SnapshotRecord {
    pub(crate) fn to_js(&self) -> JsValue {
        let object = Object::new();
        if let Some(key) = self.key {
            set(&object, "key", &key.into());
        }
        set(&object, "program_id", &self.program_id.as_str().into());
        set(&object, "name", &self.name.as_str().into());
        set(&object, "kind", &self.kind.as_str().into());
        set(&object, "created_ms", &self.created_ms.into());
        set(&object, "text", &self.text.as_str().into());
        object.into()
    }

    pub(crate) fn from_js(value: &JsValue) -> Result<SnapshotRecord, StorageError> {
        let kind = string(value, "kind")?;
        Ok(SnapshotRecord {
            key: get(value, "key").as_f64(),
            program_id: string(value, "program_id")?,
            name: string(value, "name")?,
            kind: SnapshotKind::parse(&kind)
                .ok_or_else(|| StorageError::Corrupt(format!("unknown snapshot kind {kind}")))?,
            created_ms: number(value, "created_ms")?,
            text: string(value, "text")?,
        })
    }
}

/// A program's text in `texts`: `{id, text}`.
pub(crate) fn text_to_js(id: &str, text: &str) -> JsValue {
    let object = Object::new();
    set(&object, "id", &id.into());
    set(&object, "text", &text.into());
    object.into()
}

/// The text of a `texts` value.
pub(crate) fn text_from_js(value: &JsValue) -> Result<String, StorageError> {
    string(value, "text")
}

/// A journal entry in `pending`: the program as the editor held it when the page was hidden
/// or closed, written synchronously there.
#[derive(Clone, Debug)]
pub(crate) struct JournalRecord {
    /// The program id (the key).
    pub id: String,
    /// The program file (`planfile::write`).
    pub text: String,
    /// The stored revision the editor's program is based on.
    pub base_revision: u64,
    /// The editor's edit count (it only grows within a page).
    pub generation: u64,
    /// The page that wrote it (a [`super::Store`]'s tab id).
    pub tab: String,
    pub saved_ms: f64,
    /// The undo history of the program as it is here (`document::history`), if any.
    pub history: Option<String>,
}

impl JournalRecord {
    pub(crate) fn to_js(&self) -> JsValue {
        let object = Object::new();
        set(&object, "id", &self.id.as_str().into());
        set(&object, "text", &self.text.as_str().into());
        set(
            &object,
            "base_revision",
            &(self.base_revision as f64).into(),
        );
        set(&object, "generation", &(self.generation as f64).into());
        set(&object, "tab", &self.tab.as_str().into());
        set(&object, "saved_ms", &self.saved_ms.into());
        if let Some(history) = &self.history {
            set(&object, "history", &history.as_str().into());
        }
        object.into()
    }

    pub(crate) fn from_js(value: &JsValue) -> Result<JournalRecord, StorageError> {
        Ok(JournalRecord {
            id: string(value, "id")?,
            text: string(value, "text")?,
            base_revision: number(value, "base_revision")? as u64,
            generation: number(value, "generation")? as u64,
            tab: string(value, "tab")?,
            saved_ms: number(value, "saved_ms")?,
            history: get(value, "history").as_string(),
        })
    }
}

/// A program's undo history in `history`: `{id, revision, json}`, valid only while the
/// program is at `revision`.
pub(crate) fn history_to_js(id: &str, revision: u64, json: &str) -> JsValue {
    let object = Object::new();
    set(&object, "id", &id.into());
    set(&object, "revision", &(revision as f64).into());
    set(&object, "json", &json.into());
    object.into()
}

/// The history JSON of a `history` value, if it belongs to `revision`.
pub(crate) fn history_at(value: &JsValue, revision: u64) -> Option<String> {
    let stored = get(value, "revision").as_f64()? as u64;
    (stored == revision).then(|| get(value, "json").as_string())?
}

/// A page's note in `unsaved` (key: the page's tab id) that its editor holds edits to a
/// program not yet stored: written at once when the first such edit is made, deleted by the
/// save that stores them. Left behind by a page that died, it tells the next start that
/// those edits were lost.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct UnsavedRecord {
    pub tab: String,
    pub program_id: String,
    /// The program's name as the page had it.
    pub name: String,
    /// The stored revision the edits were made on.
    pub base_revision: u64,
    /// The editor's edit count at the first edit not stored.
    pub generation: u64,
    /// When that edit was made.
    pub edited_ms: f64,
}

impl UnsavedRecord {
    pub(crate) fn to_js(&self) -> JsValue {
        let object = Object::new();
        set(&object, "tab", &self.tab.as_str().into());
        set(&object, "program_id", &self.program_id.as_str().into());
        set(&object, "name", &self.name.as_str().into());
        set(
            &object,
            "base_revision",
            &(self.base_revision as f64).into(),
        );
        set(&object, "generation", &(self.generation as f64).into());
        set(&object, "edited_ms", &self.edited_ms.into());
        object.into()
    }

    pub(crate) fn from_js(value: &JsValue) -> Result<UnsavedRecord, StorageError> {
        Ok(UnsavedRecord {
            tab: string(value, "tab")?,
            program_id: string(value, "program_id")?,
            name: string(value, "name")?,
            base_revision: number(value, "base_revision")? as u64,
            generation: number(value, "generation")? as u64,
            edited_ms: number(value, "edited_ms")?,
        })
    }
}
