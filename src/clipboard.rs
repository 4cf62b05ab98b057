//! Copying to the clipboard: plain text, or rich text (HTML with a plain-text twin) that a
//! mail client pastes as formatted. A copy says in a note whether it worked ([`copy_text`],
//! [`copy_rich`]), or tells a callback ([`copy_text_then`]).

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

const UNAVAILABLE: &str = "Copying is not available here: select the text and copy it.";

/// The page's `navigator.clipboard`, if the browser offers it here.
fn clipboard() -> Option<wasm_bindgen::JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined())
}

/// Calls `clipboard.<method>(argument)` and tells `done` how it went: `Ok` once copied, else
/// what to say.
fn call(
    method: &str,
    argument: wasm_bindgen::JsValue,
    done: impl FnOnce(Result<(), String>) + 'static,
) {
    let Some(clipboard) = clipboard() else {
        done(Err(UNAVAILABLE.into()));
        return;
    };
    let promise = js_sys::Reflect::get(&clipboard, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&clipboard, &argument).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        done(Err(UNAVAILABLE.into()));
        return;
    };
    spawn_local(async move {
        let copied = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(match copied {
            true => Ok(()),
            false => Err("The browser did not allow copying: select the text and copy it.".into()),
        });
    });
}

/// What `note` says of a copy.
fn tell(note: RwSignal<String>) -> impl FnOnce(Result<(), String>) + 'static {
    move |result| note.set(result.map_or_else(|why| why, |()| "Copied.".into()))
}

/// Copies `text` as plain text, saying in `note` whether it worked.
pub fn copy_text(text: String, note: RwSignal<String>) {
    copy_text_then(text, tell(note));
}

/// Copies `text` as plain text, then tells `done` how it went.
pub fn copy_text_then(text: String, done: impl FnOnce(Result<(), String>) + 'static) {
    call("writeText", text.into(), done);
}

/// Copies `html` as rich text, with `plain` for where only text can be pasted; where the
/// browser has no `ClipboardItem`, copies `plain` alone.
pub fn copy_rich(html: &str, plain: String, note: RwSignal<String>) {
    match clipboard_item(html, &plain) {
        Some(item) => call("write", js_sys::Array::of1(&item).into(), tell(note)),
        None => copy_text(plain, note),
    }
}

/// A `ClipboardItem` of `text/html` and `text/plain` blobs.
fn clipboard_item(html: &str, plain: &str) -> Option<wasm_bindgen::JsValue> {
    let constructor = js_sys::Reflect::get(&js_sys::global(), &"ClipboardItem".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let blob = |text: &str, kind: &str| {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(kind);
        let parts = js_sys::Array::of1(&text.into());
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
    };
    let parts = js_sys::Object::new();
    js_sys::Reflect::set(
        &parts,
        &"text/html".into(),
        &blob(html, "text/html")?.into(),
    )
    .ok()?;
    js_sys::Reflect::set(
        &parts,
        &"text/plain".into(),
        &blob(plain, "text/plain")?.into(),
    )
    .ok()?;
    js_sys::Reflect::construct(&constructor, &js_sys::Array::of1(&parts)).ok()
}
