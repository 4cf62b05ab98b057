//! The tab's stash (`sessionStorage`): the program in memory, written as the page goes while
//! its edits could not be stored (the storage full), so that reloading the tab does not drop
//! them; the next load of that program in this tab takes it back. Does not: outlive the tab
//! (closing it ends its `sessionStorage`) or touch IndexedDB.

use planfile::Document;
use serde::{Deserialize, Serialize};

/// The key of program `id`'s stash.
fn key(id: &str) -> String {
    format!("planwork-unsaved:{id}")
}

/// A program's edits that could not be stored.
#[derive(Serialize, Deserialize)]
pub(super) struct Stash {
    pub id: String,
    /// The stored revision the edits were made on.
    pub base_revision: u64,
    /// The program file (`planfile::write`).
    pub text: String,
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Keeps `stash` in this tab, replacing its program's earlier one (synchronous: the page is
/// going).
pub(super) fn put(stash: &Stash) {
    let (Some(session), Ok(json)) = (session(), serde_json::to_string(stash)) else {
        return;
    };
    if session.set_item(&key(&stash.id), &json).is_err() {
        leptos::logging::warn!("Planwork: the unsaved changes did not fit in the tab's storage");
    }
}

/// Takes the stash of program `id` out of this tab, with its program read back; `None` if
/// there is none (or it cannot be read: then it is dropped, it could never be used).
pub(super) fn take(id: &str) -> Option<(Stash, Document)> {
    let session = session()?;
    let json = session.get_item(&key(id)).ok()??;
    let _ = session.remove_item(&key(id));
    let stash: Stash = serde_json::from_str(&json).ok()?;
    let mut document = planfile::read(&stash.text).ok()?;
    document.id = Some(stash.id.clone());
    Some((stash, document))
}

/// Drops program `id`'s stash: what it held was stored since (a stash is written whenever the
/// page is hidden while "Not saved", and the page may live on).
pub(super) fn clear(id: &str) {
    if let Some(session) = session() {
        let _ = session.remove_item(&key(id));
    }
}
