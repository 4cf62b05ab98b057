//! Which pages are alive: each [`super::Store`] (a page) holds a Web Lock named after its
//! tab id for as long as it is open, which the browser releases when the page closes or the
//! browser dies. A note a dead page left behind (`super::unsaved`) can then be told from one
//! of a page still at work. Does not: read or write IndexedDB.
//!
//! Web Locks (`navigator.locks`) are in every browser Planwork runs in but the oldest Firefox
//! it supports (89 to 95); there, no page is known to be dead and nothing is reported.

use std::cell::RefCell;
use std::collections::HashSet;

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

const PREFIX: &str = "planwork-page-";

/// The browser's lock manager, if it has one.
fn locks() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

fn method(object: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(object, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// A page's lock, held from [`PageLock::take`] until [`PageLock::release`] (or the page's
/// end).
#[derive(Debug, Default)]
pub(crate) struct PageLock {
    /// Resolving it ends the lock's callback, which releases the lock.
    release: RefCell<Option<Function>>,
}

impl PageLock {
    /// Takes the lock of page `tab`, and waits until the browser has granted it (at once:
    /// no other page asks for it).
    pub(crate) async fn take(tab: &str) -> PageLock {
        let lock = PageLock::default();
        let Some(locks) = locks() else {
            return lock;
        };
        let Some(request) = method(&locks, "request") else {
            return lock;
        };
        let mut release = None;
        let held = Promise::new(&mut |resolve, _| release = Some(resolve));
        let mut granted = None;
        let granted_promise = Promise::new(&mut |resolve, _| granted = Some(resolve));
        // The callback runs once the lock is granted; the lock is held until `held` settles.
        let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
            if let Some(granted) = granted {
                let _ = granted.call0(&JsValue::UNDEFINED);
            }
            held.into()
        });
        let name = JsValue::from_str(&format!("{PREFIX}{tab}"));
        if request.call2(&locks, &name, &callback).is_ok() {
            let _ = JsFuture::from(granted_promise).await;
            *lock.release.borrow_mut() = release;
        }
        lock
    }

    /// Releases the lock: to the browser, this page is gone.
    pub(crate) fn release(&self) {
        if let Some(release) = self.release.borrow_mut().take() {
            let _ = release.call0(&JsValue::UNDEFINED);
        }
    }
}

/// The tab ids of the pages alive now (holding their lock), or `None` if the browser cannot
/// tell.
pub(crate) async fn live_pages() -> Option<HashSet<String>> {
    let locks = locks()?;
    let query = method(&locks, "query")?;
    let promise = query.call0(&locks).ok()?.dyn_into::<Promise>().ok()?;
    let snapshot = JsFuture::from(promise).await.ok()?;
    let held = Reflect::get(&snapshot, &"held".into()).ok()?;
    Some(
        Array::from(&held)
            .iter()
            .filter_map(|lock| Reflect::get(&lock, &"name".into()).ok()?.as_string())
            .filter_map(|name| name.strip_prefix(PREFIX).map(str::to_owned))
            .collect(),
    )
}
