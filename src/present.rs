//! Present mode, for a projector: the page full screen, large text, high contrast, the
//! editing chrome hidden, on whichever tab is shown (the board, the plan's Gantt chart,
//! quick impact, the forecast). Entered from the program's tools; Escape (or leaving full
//! screen) ends it. The mode is an attribute on the root element that the style sheet
//! reads (`:root[data-presenting]`).

use leptos::prelude::*;

/// Whether the page is presenting, shared through context.
#[derive(Clone, Copy)]
pub struct Presenting(RwSignal<bool>);

impl Presenting {
    /// Provides the state, keeps the root element and full screen in step with it, and
    /// ends it on Escape or when the browser leaves full screen.
    pub fn provide() -> Presenting {
        let on = RwSignal::new(false);
        Effect::new(move |_| {
            let presenting = on.get();
            let document = document();
            let Some(root) = document.document_element() else {
                return;
            };
            if presenting {
                let _ = root.set_attribute("data-presenting", "");
                // Refused without a user gesture or in a frame: the mode works without it.
                let _ = root.request_fullscreen();
            } else {
                let _ = root.remove_attribute("data-presenting");
                if document.fullscreen_element().is_some() {
                    document.exit_fullscreen();
                }
            }
        });
        let left = window_event_listener_untyped("fullscreenchange", move |_| {
            if document().fullscreen_element().is_none() && on.get_untracked() {
                on.set(false);
            }
        });
        let escape = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() == "Escape" && on.get_untracked() {
                on.set(false);
            }
        });
        on_cleanup(move || {
            left.remove();
            escape.remove();
        });
        let presenting = Presenting(on);
        provide_context(presenting);
        presenting
    }

    pub fn set(&self, on: bool) {
        self.0.set(on);
    }
}

/// The button that starts present mode, and the one that ends it (shown only then).
#[component]
pub fn PresentButton() -> impl IntoView {
    let presenting = expect_context::<Presenting>();
    view! {
        <button type="button" class="button present-start" data-action="present"
            title="Present on a projector: full screen, large text, high contrast (Escape ends it)"
            on:click=move |_| presenting.set(true)>
            "Present"
        </button>
        <button type="button" class="button present-end" data-action="end-present"
            on:click=move |_| presenting.set(false)>
            "End presenting"
        </button>
    }
}
