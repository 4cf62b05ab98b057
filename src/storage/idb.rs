//! Promises over raw IndexedDB: a request's result, a transaction that commits or aborts as
//! a whole, opening and deleting a database. No knowledge of what is stored.

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbOpenDbRequest,
    IdbRequest, IdbTransaction, IdbTransactionMode,
};

use super::StorageError;

/// The schema version; [`upgrade`] creates the stores of each version (3 added `pending`
/// and `history`).
pub(crate) const DB_VERSION: u32 = 3;

/// Object store names.
pub(crate) const PROGRAMS: &str = "programs";
pub(crate) const TEXTS: &str = "texts";
pub(crate) const BIN: &str = "bin";
pub(crate) const SNAPSHOTS: &str = "snapshots";
pub(crate) const PENDING: &str = "pending";
pub(crate) const HISTORY: &str = "history";
/// The index of `snapshots` by program id.
pub(crate) const BY_PROGRAM: &str = "program_id";

/// Maps a DOM exception (or anything thrown) to a [`StorageError`].
pub(crate) fn error_from(value: &JsValue) -> StorageError {
    if let Some(exception) = value.dyn_ref::<DomException>() {
        let name = exception.name();
        let message = exception.message();
        return match name.as_str() {
            "QuotaExceededError" => StorageError::QuotaExceeded,
            "InvalidStateError" | "UnknownError" | "SecurityError" | "NotAllowedError"
            | "VersionError" => StorageError::Unavailable(format!("{name}: {message}")),
            "ConstraintError" => StorageError::AlreadyExists(message),
            _ => StorageError::Failed(format!("{name}: {message}")),
        };
    }
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return StorageError::Failed(String::from(error.message()));
    }
    StorageError::Failed(format!("{value:?}"))
}

/// The result of `request`, once it succeeds. The request's own success and error events
/// settle a promise directly (no Rust closures to leak).
pub(crate) async fn request(request: &IdbRequest) -> Result<JsValue, StorageError> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| error_from(&e)),
        Err(_) => Err(match request.error() {
            Ok(Some(exception)) => error_from(&exception.into()),
            _ => StorageError::Failed("an IndexedDB request failed".into()),
        }),
    }
}

/// Makes one IndexedDB call that returns a request, and waits for the request's result.
pub(crate) async fn run(call: Result<IdbRequest, JsValue>) -> Result<JsValue, StorageError> {
    request(&call.map_err(|e| error_from(&e))?).await
}

/// A transaction that is committed by [`Tx::commit`] and aborted when dropped otherwise:
/// an early return (`?`) never leaves part of its writes behind.
pub(crate) struct Tx {
    tx: IdbTransaction,
    done: Option<JsFuture>,
}

impl Tx {
    pub(crate) fn new(
        db: &IdbDatabase,
        stores: &[&str],
        mode: IdbTransactionMode,
    ) -> Result<Tx, StorageError> {
        let names = stores
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect::<Array>();
        let tx = db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(|e| error_from(&e))?;
        let promise = Promise::new(&mut |resolve, reject| {
            tx.set_oncomplete(Some(&resolve));
            tx.set_onabort(Some(&reject));
        });
        Ok(Tx {
            tx,
            done: Some(JsFuture::from(promise)),
        })
    }

    pub(crate) fn store(&self, name: &str) -> Result<IdbObjectStore, StorageError> {
        self.tx.object_store(name).map_err(|e| error_from(&e))
    }

    /// Commits and waits until the writes are durable (or the transaction aborted).
    pub(crate) async fn commit(mut self) -> Result<(), StorageError> {
        // commit() only speeds things up; a transaction without pending requests commits
        // anyway, so an error here (already committing) is not a failure. web-sys marks
        // commit() deprecated, but it is standard and in every current browser.
        #[allow(deprecated)]
        let _ = self.tx.commit();
        let done = self.done.take();
        match done {
            Some(done) => match done.await {
                Ok(_) => Ok(()),
                Err(_) => Err(match self.tx.error() {
                    Some(exception) => error_from(&exception.into()),
                    None => StorageError::Failed("the transaction was aborted".into()),
                }),
            },
            None => Ok(()),
        }
    }
}

impl Drop for Tx {
    fn drop(&mut self) {
        if let Some(done) = self.done.take() {
            let _ = self.tx.abort();
            // Keep the completion promise's handlers alive until it settles.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = done.await;
            });
        }
    }
}

/// Puts `value` into `store` in a transaction of its own, issuing the request and the
/// commit before returning, with nothing awaited: for a page being hidden or closed, whose
/// script may not run again. Whether it landed is not known here.
pub(crate) fn put_at_once(
    db: &IdbDatabase,
    store: &str,
    value: &JsValue,
) -> Result<(), StorageError> {
    let tx = db
        .transaction_with_str_and_mode(store, IdbTransactionMode::Readwrite)
        .map_err(|e| error_from(&e))?;
    tx.object_store(store)
        .and_then(|s| s.put(value))
        .map_err(|e| error_from(&e))?;
    // See `Tx::commit` on `commit()`; here it matters: the transaction is sent to be
    // committed now, not when the (possibly never again running) event loop turns.
    #[allow(deprecated)]
    tx.commit().map_err(|e| error_from(&e))
}

/// The browser's IndexedDB, or why there is none.
fn factory() -> Result<web_sys::IdbFactory, StorageError> {
    let global = js_sys::global();
    let factory = match global.dyn_ref::<web_sys::Window>() {
        Some(window) => window.indexed_db(),
        None => Err(JsValue::from_str("no window")),
    };
    match factory {
        Ok(Some(factory)) => Ok(factory),
        Ok(None) => Err(StorageError::Unavailable(
            "this browser has no IndexedDB".into(),
        )),
        Err(e) => Err(StorageError::Unavailable(format!(
            "IndexedDB is blocked: {}",
            error_from(&e)
        ))),
    }
}

/// Opens (creating or upgrading) the database `name`.
pub(crate) async fn open(name: &str) -> Result<IdbDatabase, StorageError> {
    let factory = factory()?;
    let open: IdbOpenDbRequest = factory
        .open_with_u32(name, DB_VERSION)
        .map_err(|e| StorageError::Unavailable(error_from(&e).to_string()))?;
    let on_upgrade = Closure::<dyn FnMut(web_sys::Event)>::new({
        let open = open.clone();
        move |_event: web_sys::Event| {
            if let Ok(db) = open.result()
                && let Ok(db) = db.dyn_into::<IdbDatabase>()
            {
                upgrade(&db);
            }
        }
    });
    open.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let result = request(&open).await;
    open.set_onupgradeneeded(None);
    drop(on_upgrade);
    let db = result
        .map_err(|e| match e {
            StorageError::Failed(message) => StorageError::Unavailable(message),
            other => other,
        })?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| StorageError::Unavailable("IndexedDB did not open".into()))?;
    // A newer Planwork in another tab wants to upgrade the database: let it (this tab's
    // later saves then fail plainly, and its program stays in memory to export).
    let on_version_change = Closure::<dyn FnMut(web_sys::Event)>::new({
        let db = db.clone();
        move |_event: web_sys::Event| db.close()
    });
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    // Lives as long as the connection (one per opened database).
    on_version_change.forget();
    Ok(db)
}

/// Creates the object stores that are missing (version 1 had no `texts`; nothing stored
/// before version 2 was ever released; version 3 added `pending` and `history`). Existing
/// stores and their records are left as they are.
fn upgrade(db: &IdbDatabase) {
    let names = db.object_store_names();
    let keyed_by_id = IdbObjectStoreParameters::new();
    keyed_by_id.set_key_path(&JsValue::from_str("id"));
    if !names.contains(PROGRAMS) {
        let _ = db.create_object_store_with_optional_parameters(PROGRAMS, &keyed_by_id);
    }
    if !names.contains(TEXTS) {
        let _ = db.create_object_store_with_optional_parameters(TEXTS, &keyed_by_id);
    }
    for name in [BIN, PENDING, HISTORY] {
        if !names.contains(name) {
            let _ = db.create_object_store_with_optional_parameters(name, &keyed_by_id);
        }
    }
    if !names.contains(SNAPSHOTS) {
        let auto = IdbObjectStoreParameters::new();
        auto.set_key_path(&JsValue::from_str("key"));
        auto.set_auto_increment(true);
        if let Ok(store) = db.create_object_store_with_optional_parameters(SNAPSHOTS, &auto) {
            let _ = store.create_index_with_str(BY_PROGRAM, "program_id");
        }
    }
}

/// Deletes the database `name` (tests use a fresh database each).
pub(crate) async fn delete_database(name: &str) -> Result<(), StorageError> {
    let factory = factory()?;
    let req = factory.delete_database(name).map_err(|e| error_from(&e))?;
    request(&req).await.map(|_| ())
}
