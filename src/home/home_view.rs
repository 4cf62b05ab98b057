//! The home view's controller: the programs and the bin as the list shows them, and what
//! New, Rename, Duplicate, Delete, Restore and Import do (through [`crate::storage`]).

use components::{BinSummary, HomeActions, ProgramSummary, ProgramsHome};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::editor::new_program;
use crate::format::{self, now_ms};
use crate::ids::new_program_id;
use crate::route::{Nav, View};
use crate::state::{Ctx, store};
use crate::storage::{ProgramMeta, StorageError};

/// A storage action of the home view, answering the program it changed.
type Action = Box<
    dyn FnOnce(
        crate::storage::Store,
    ) -> std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Option<ProgramMeta>, StorageError>>>,
    >,
>;

/// The example program shipped with the app (a platform migration: 6 workstreams, 80 tasks
/// and milestones), inside the wasm so it opens from disk too.
const EXAMPLE: &str = include_str!("../../public/examples/platform-migration.planwork.json");

/// Stores a new program and opens it; without storage it lives in this tab only (and can
/// still be exported).
fn add_program(ctx: Ctx, nav: Nav, document: planfile::Document) {
    let Some(id) = document.id.clone() else {
        return;
    };
    spawn_local(async move {
        ctx.wait_ready().await;
        match store() {
            Ok(store) => {
                let created = store.create(&document, now_ms()).await;
                ctx.open_stored(nav, created, "The program was not created")
                    .await;
            }
            Err(_) => {
                ctx.handoff.set(Some(document));
                nav.go(View::Program(id));
            }
        }
    });
}

/// The home view.
#[component]
pub fn HomeView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let nav = Nav::expect();
    // Another tab may have changed the list while this view was away.
    ctx.refresh_soon();
    // The home view's messages (a failed import, rename, …) are about it: opening a
    // program leaves them behind.
    on_cleanup(move || {
        let _ = ctx.message.try_set(None);
    });

    let programs = Signal::derive(move || {
        ctx.programs
            .get()
            .into_iter()
            .map(|p| ProgramSummary {
                id: p.id,
                name: p.name,
                updated: format::date_time(p.updated_ms),
                size: format::size(p.size_bytes),
            })
            .collect::<Vec<_>>()
    });
    let bin = Signal::derive(move || {
        let now = now_ms();
        ctx.bin
            .get()
            .into_iter()
            .map(|entry| {
                let days = entry.days_left(now);
                BinSummary {
                    days_left: match days {
                        0 => "deleted at the next start".to_owned(),
                        1 => "1 more day".to_owned(),
                        n => format!("{n} more days"),
                    },
                    deleted: format::date_time(entry.deleted_ms),
                    id: entry.meta.id,
                    name: entry.meta.name,
                }
            })
            .collect::<Vec<_>>()
    });

    // Runs a storage action, then lists again; an error is shown, nothing else happens.
    // The action answers the program it changed, for the other tabs to hear of it.
    let act = move |title: &'static str, action: Action| {
        spawn_local(async move {
            ctx.wait_ready().await;
            let result = match store() {
                Ok(store) => action(store).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(meta) => {
                    if let Some(meta) = meta {
                        ctx.announce(&meta.id, meta.revision);
                    }
                    ctx.refresh().await;
                }
                Err(error) => ctx.show_error(title, &error.to_string()),
            }
        });
    };

    let actions = HomeActions {
        open: Callback::new(move |id: String| nav.go(View::Program(id))),
        create: Callback::new(move |name: String| {
            let id = new_program_id(now_ms());
            add_program(ctx, nav, new_program(&id, &name, format::today()));
        }),
        open_example: Callback::new(move |()| match planfile::read(EXAMPLE) {
            Ok(mut document) => {
                // A fresh copy each time: the example can be opened again after editing one.
                document.id = Some(new_program_id(now_ms()));
                add_program(ctx, nav, document);
            }
            Err(error) => ctx.show_error("The example could not be opened", &error.to_string()),
        }),
        rename: Callback::new(move |(id, name): (String, String)| {
            act(
                "The program was not renamed",
                Box::new(move |store| {
                    Box::pin(async move { store.rename(&id, &name, now_ms()).await.map(Some) })
                }),
            )
        }),
        duplicate: Callback::new(move |id: String| {
            act(
                "The program was not duplicated",
                Box::new(move |store| {
                    Box::pin(async move {
                        let new_id = new_program_id(now_ms());
                        store.duplicate(&id, &new_id, now_ms()).await.map(Some)
                    })
                }),
            )
        }),
        delete: Callback::new(move |id: String| {
            act(
                "The program was not deleted",
                Box::new(move |store| {
                    Box::pin(async move {
                        store.delete(&id, now_ms()).await?;
                        Ok(Some(ProgramMeta {
                            id,
                            name: String::new(),
                            updated_ms: 0.0,
                            revision: 0,
                            size_bytes: 0,
                        }))
                    })
                }),
            )
        }),
        restore: Callback::new(move |id: String| {
            act(
                "The program was not restored",
                Box::new(move |store| {
                    Box::pin(async move {
                        let fresh = new_program_id(now_ms());
                        store.restore(&id, &fresh, now_ms()).await.map(Some)
                    })
                }),
            )
        }),
        import: Callback::new(move |file: web_sys::File| {
            crate::home::import::import_file(ctx, nav, file)
        }),
    };

    view! { <ProgramsHome programs=programs bin=bin actions=actions /> }
}
