//! The stored values as plain JavaScript objects (no JSON): a program (in `programs` and,
//! with `deleted_ms`, in `bin`) and a snapshot.

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
        object.into()
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
