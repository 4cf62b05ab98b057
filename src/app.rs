//! [`App`]: the shell every view sits in: the header, the app's messages (errors, the
//! persistent-storage notice, an import waiting for a choice), then the `<main>` region
//! that shows the programs home view or a program. A file dropped anywhere is imported.

use components::{AppHeader, ImportChoice, ImportReview, Notice, NoticeKind, PRODUCT_NAME};
use leptos::prelude::*;

use crate::editor::{Editor, ProgramView};
use crate::home::home_view::HomeView;
use crate::route::{HOME_HASH, Nav, View};
use crate::state::Ctx;

/// The root component of the app.
#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::provide();
    let ctx = Ctx::provide();
    let prefs = crate::prefs::Prefs::provide();
    let editor = Editor::provide(ctx);
    crate::present::Presenting::provide();

    // Drag and drop of a file anywhere on the page imports it.
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let file = ev
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            crate::home::import::import_file(ctx, nav, file);
        }
    });
    // A program link (`#share=…`): opened with the page, or pasted into its address later.
    crate::share::take_from_location(ctx);
    let shared =
        window_event_listener_untyped("hashchange", move |_| crate::share::take_from_location(ctx));
    on_cleanup(move || {
        over.remove();
        drop.remove();
        shared.remove();
    });

    // The tab's title names the open program (once it is loaded), isolated (first-strong
    // isolate … pop directional isolate) so that bidi controls in a name cannot reorder the
    // rest of the title.
    let program_name = Memo::new(move |_| editor.program_name());
    Effect::new(move |_| {
        let title = match (nav.view(), program_name.get()) {
            (View::Home, _) => PRODUCT_NAME.to_owned(),
            (View::Program(_), Some(name)) => format!("\u{2068}{name}\u{2069} · {PRODUCT_NAME}"),
            (View::Program(_), None) => format!("Program · {PRODUCT_NAME}"),
        };
        document().set_title(&title);
    });

    let main_view = move || match nav.view() {
        View::Home => view! { <HomeView /> }.into_any(),
        View::Program(id) => view! { <ProgramView id=id /> }.into_any(),
    };
    let view_name = move || match nav.view() {
        View::Home => "home",
        View::Program(_) => "program",
    };
    // Raised on the first save, mid-edit: a small button in the header bar, never a notice
    // that pushes the work down.
    let storage_warning = Signal::derive(move || {
        ctx.persist_refused.get().then(|| {
            (
                "Storage is not guaranteed".to_owned(),
                "The browser did not grant persistent storage, so it may clear Planwork's \
                 programs when space runs short. Export programs you care about regularly."
                    .to_owned(),
            )
        })
    });
    let messages = move || {
        view! {
            {move || {
                ctx.storage_error
                    .get()
                    .map(|error| {
                        view! {
                            <Notice
                                kind=NoticeKind::Error
                                title="Programs cannot be saved in this browser"
                                message=error
                            />
                        }
                    })
            }}
            {move || {
                ctx.message
                    .get()
                    .map(|m| {
                        view! {
                            <Notice
                                kind=m.kind
                                title=m.title
                                message=m.text
                                on_dismiss=Callback::new(move |()| ctx.message.set(None))
                            />
                        }
                    })
            }}
            {move || {
                ctx.pending_review.get().map(|pending| {
                    view! {
                        <ImportReview
                            file_name=pending.file_name
                            source=pending.source
                            summary=pending.summary
                            notes=pending.notes
                            on_import=Callback::new(move |()| crate::home::import::import_reviewed(ctx, nav))
                            on_cancel=Callback::new(move |()| ctx.pending_review.set(None))
                        />
                    }
                })
            }}
            {move || {
                ctx.pending_import
                    .get()
                    .map(|pending| {
                        view! {
                            <ImportChoice
                                existing_name=pending.existing_name
                                on_copy=Callback::new(move |()| crate::home::import::import_as_copy(ctx, nav))
                                on_replace=Callback::new(move |()| crate::home::import::import_replacing(ctx, nav))
                                on_cancel=Callback::new(move |()| ctx.pending_import.set(None))
                            />
                        }
                    })
            }}
        }
    };

    view! {
        <div class="app">
            <AppHeader
                home_href=HOME_HASH
                dark=prefs.dark
                on_dark=Callback::new(move |()| prefs.dark.update(|d| *d = !*d))
                large_text=prefs.large_text
                on_large_text=Callback::new(move |()| prefs.large_text.update(|l| *l = !*l))
                warning=storage_warning
                on_dismiss_warning=Callback::new(move |()| ctx.persist_refused.set(false))
            />
            <main id="main" class="app-main" data-view=view_name>
                <div class="messages" aria-live="polite">{messages}</div>
                {crate::home::sheet_import::sheet_view(ctx, nav)}
                {main_view}
            </main>
        </div>
    }
}
