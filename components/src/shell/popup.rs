//! `Popup`: whether a button's pop-up list is open, closed by a click outside it or by
//! Escape — what the Export menu and the column picker share.

use leptos::prelude::*;

/// A pop-up's open state and the element it lives in.
#[derive(Clone, Copy)]
pub(crate) struct Popup {
    pub open: RwSignal<bool>,
    /// The element holding the button and the list: a click inside it keeps the list open.
    pub root: NodeRef<leptos::html::Div>,
}

impl Popup {
    /// A closed pop-up that closes on any click outside its root (the listener is removed
    /// with the component).
    pub(crate) fn new() -> Popup {
        let popup = Popup {
            open: RwSignal::new(false),
            root: NodeRef::new(),
        };
        let outside = window_event_listener(leptos::ev::click, move |ev| {
            let inside = popup.root.get_untracked().is_some_and(|el| {
                let el: &web_sys::Node = &el;
                ev.target()
                    .and_then(|t| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
                    .is_some_and(|t| el.contains(Some(&t)))
            });
            if !inside && popup.open.get_untracked() {
                popup.open.set(false);
            }
        });
        on_cleanup(move || outside.remove());
        popup
    }

    /// Escape closes an open pop-up (and goes no further).
    pub(crate) fn on_key(self, ev: &web_sys::KeyboardEvent) {
        if ev.key() == "Escape" && self.open.get_untracked() {
            self.open.set(false);
            ev.stop_propagation();
        }
    }

    /// `"true"` or `"false"`, for `aria-expanded`.
    pub(crate) fn expanded(self) -> &'static str {
        if self.open.get() { "true" } else { "false" }
    }

    pub(crate) fn toggle(self) {
        self.open.update(|o| *o = !*o);
    }
}
