//! Promises over raw IndexedDB: a request's result, a transaction that commits or aborts as
//! a whole, opening (the stores themselves are [`super::schema`]'s) and deleting a database,
//! and giving way to a newer Planwork that upgrades it. No knowledge of what is stored.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use gloo_events::EventListener;
use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, IdbDatabase, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode, IdbVersionChangeEvent,
};

use super::StorageError;

/// Object store names.
pub(crate) const PROGRAMS: &str = "programs";
pub(crate) const TEXTS: &str = "texts";
pub(crate) const BIN: &str = "bin";
pub(crate) const SNAPSHOTS: &str = "snapshots";
pub(crate) const PENDING: &str = "pending";
pub(crate) const HISTORY: &str = "history";
pub(crate) const UNSAVED: &str = "unsaved";
pub(crate) const TEMPLATES: &str = "templates";
/// The index of `snapshots` by program id.
pub(crate) const BY_PROGRAM: &str = "program_id";

/// Maps a DOM exception (or anything thrown) to a [`StorageError`].
pub(crate) fn error_from(value: &JsValue) -> StorageError {
    if let Some(exception) = value.dyn_ref::<DomException>() {
        let name = exception.name();
        let message = exception.message();
        return match name.as_str() {
            "QuotaExceededError" => StorageError::QuotaExceeded,
            "VersionError" => StorageError::NewerVersion,
            "InvalidStateError" | "UnknownError" | "SecurityError" | "NotAllowedError" => {
                StorageError::Unavailable(format!("{name}: {message}"))
            }
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

    pub(crate) fn raw(&self) -> &IdbTransaction {
        &self.tx
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
    at_once(db, store, |s| s.put(value))
}

/// Deletes `key` from `store` as [`put_at_once`] puts.
pub(crate) fn delete_at_once(
    db: &IdbDatabase,
    store: &str,
    key: &JsValue,
) -> Result<(), StorageError> {
    at_once(db, store, |s| s.delete(key))
}

/// One request on `store` in a transaction of its own, issued and committed at once.
fn at_once(
    db: &IdbDatabase,
    store: &str,
    call: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<(), StorageError> {
    let tx = db
        .transaction_with_str_and_mode(store, IdbTransactionMode::Readwrite)
        .map_err(|e| error_from(&e))?;
    tx.object_store(store)
        .and_then(|s| call(&s))
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

/// What a connection does when a newer Planwork, in another tab, asks to upgrade the
/// database: run the hook (the page's last synchronous writes, while it still can), then
/// close, and remember why (every later call says so: [`StorageError::Superseded`]).
#[derive(Default)]
pub(crate) struct GiveWay {
    superseded: Cell<bool>,
    hook: RefCell<Option<Box<dyn Fn()>>>,
}

impl GiveWay {
    pub(crate) fn superseded(&self) -> bool {
        self.superseded.get()
    }

    pub(crate) fn set_hook(&self, hook: Box<dyn Fn()>) {
        *self.hook.borrow_mut() = Some(hook);
    }

    fn give_way(&self, db: &IdbDatabase) {
        if let Some(hook) = self.hook.borrow().as_ref() {
            hook();
        }
        db.close();
        self.superseded.set(true);
    }
}

impl fmt::Debug for GiveWay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GiveWay")
            .field("superseded", &self.superseded.get())
            .finish_non_exhaustive()
    }
}

/// Opens (creating or upgrading) the database `name` at schema `version`: `upgrade` gets the
/// database, the upgrade's transaction and the version it had (0: new). A database of a
/// newer version is refused ([`StorageError::NewerVersion`]) and left as it is.
pub(crate) async fn open(
    name: &str,
    version: u32,
    upgrade: fn(&IdbDatabase, &IdbTransaction, u32),
) -> Result<(IdbDatabase, Rc<GiveWay>), StorageError> {
    let factory = factory()?;
    let open: IdbOpenDbRequest = factory
        .open_with_u32(name, version)
        .map_err(|e| StorageError::Unavailable(error_from(&e).to_string()))?;
    let on_upgrade = EventListener::new(&open, "upgradeneeded", {
        let open = open.clone();
        move |event| {
            let db = open
                .result()
                .ok()
                .and_then(|db| db.dyn_into::<IdbDatabase>().ok());
            let old = event
                .dyn_ref::<IdbVersionChangeEvent>()
                .map_or(0.0, IdbVersionChangeEvent::old_version);
            if let (Some(db), Some(tx)) = (db, open.transaction()) {
                upgrade(&db, &tx, old as u32);
            }
        }
    });
    let result = request(&open).await;
    drop(on_upgrade);
    let db = result
        .map_err(|e| match e {
            StorageError::Failed(message) => StorageError::Unavailable(message),
            other => other,
        })?
        .dyn_into::<IdbDatabase>()
        .map_err(|_| StorageError::Unavailable("IndexedDB did not open".into()))?;
    // A newer Planwork in another tab wants to upgrade the database: let it (this tab's
    // later calls then fail plainly, and its program stays in memory to export).
    let give_way = Rc::new(GiveWay::default());
    let on_version_change = EventListener::new(&db, "versionchange", {
        let db = db.clone();
        let give_way = Rc::clone(&give_way);
        move |_| give_way.give_way(&db)
    });
    // Lives as long as the connection (one per opened database).
    on_version_change.forget();
    Ok((db, give_way))
}

/// Deletes the database `name` (tests use a fresh database each).
pub(crate) async fn delete_database(name: &str) -> Result<(), StorageError> {
    let factory = factory()?;
    let req = factory.delete_database(name).map_err(|e| error_from(&e))?;
    request(&req).await.map(|_| ())
}
