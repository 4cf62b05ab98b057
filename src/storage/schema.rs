//! The database's schema: its version, and the upgrade from every earlier one, which adds
//! what is missing and moves what moved, keeping every record. Does not: open the
//! database (see [`super::idb::open`]) or know anything of a record but where it lives.
//!
//! The versions:
//! 1. `programs` (each record with its program file `text`), `bin`, `snapshots`;
//! 2. the texts moved out of `programs` into `texts` (listing reads no megabytes);
//! 3. `pending` (the journal) and `history` (the undo history of a revision);
//! 4. `unsaved` (a page's note that it holds edits not yet stored, see `super::unsaved`);
//! 5. `templates` (the browser's own readiness templates, see `super::templates`).

use js_sys::{Array, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{IdbDatabase, IdbObjectStoreParameters, IdbTransaction};

use super::idb::{
    BIN, BY_PROGRAM, HISTORY, PENDING, PROGRAMS, SNAPSHOTS, TEMPLATES, TEXTS, UNSAVED,
};
use super::record::text_to_js;

/// The schema version this Planwork writes. A database of a newer version is not opened
/// (see [`super::StorageError::NewerVersion`]).
pub const DB_VERSION: u32 = 5;

/// Brings a database of version `old` (0: new) up to [`DB_VERSION`], inside the upgrade's
/// transaction `tx` (if anything fails, the whole upgrade is undone and the database stays as
/// it was). Existing stores and their records are kept.
pub(crate) fn upgrade(db: &IdbDatabase, tx: &IdbTransaction, old: u32) {
    let names = db.object_store_names();
    let keyed_by = |path: &str| {
        let parameters = IdbObjectStoreParameters::new();
        parameters.set_key_path(&JsValue::from_str(path));
        parameters
    };
    for name in [PROGRAMS, TEXTS, BIN, PENDING, HISTORY] {
        if !names.contains(name) {
            let _ = db.create_object_store_with_optional_parameters(name, &keyed_by("id"));
        }
    }
    if !names.contains(UNSAVED) {
        let _ = db.create_object_store_with_optional_parameters(UNSAVED, &keyed_by("tab"));
    }
    if !names.contains(TEMPLATES) {
        let _ = db.create_object_store_with_optional_parameters(TEMPLATES, &keyed_by("name"));
    }
    if !names.contains(SNAPSHOTS) {
        let auto = keyed_by("key");
        auto.set_auto_increment(true);
        if let Ok(store) = db.create_object_store_with_optional_parameters(SNAPSHOTS, &auto) {
            let _ = store.create_index_with_str(BY_PROGRAM, "program_id");
        }
    }
    if old == 1 {
        move_texts_out_of_programs(tx);
    }
}

/// Version 1 kept each program's text in its `programs` record: each goes into `texts`, and
/// the record is written back without it. (The bin's records keep their text, as they
/// always have.)
fn move_texts_out_of_programs(tx: &IdbTransaction) {
    let (Ok(programs), Ok(texts)) = (tx.object_store(PROGRAMS), tx.object_store(TEXTS)) else {
        return;
    };
    let Ok(all) = programs.get_all() else {
        return;
    };
    let on_success = Closure::once_into_js({
        let all = all.clone();
        move || {
            let records = all.result().unwrap_or(JsValue::UNDEFINED);
            for record in Array::from(&records).iter() {
                let id = Reflect::get(&record, &"id".into())
                    .ok()
                    .and_then(|v| v.as_string());
                let text = Reflect::get(&record, &"text".into())
                    .ok()
                    .and_then(|v| v.as_string());
                let (Some(id), Some(text)) = (id, text) else {
                    continue;
                };
                // The text leaves the record only once it is in `texts`; a failure aborts the
                // upgrade, which leaves version 1 as it was.
                if texts.put(&text_to_js(&id, &text)).is_ok()
                    && Reflect::delete_property(
                        record.unchecked_ref::<js_sys::Object>(),
                        &"text".into(),
                    )
                    .is_ok()
                {
                    let _ = programs.put(&record);
                }
            }
        }
    });
    all.set_onsuccess(Some(on_success.unchecked_ref()));
}
