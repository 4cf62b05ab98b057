//! The import flow: a picked or dropped file becomes a new program, or (if its program is
//! already here) waits for the user's choice: open as a copy, or replace after a snapshot.
//! A file from MS Project is converted and waits for the user's review of what was
//! approximated or not carried over; a spreadsheet waits in its mapping step
//! (`sheet_import`); importing either makes a new program. A file that cannot
//! be read changes nothing and its problems are shown.

use leptos::prelude::*;
use leptos::task::spawn_local;
use planfile::Document;

use super::sheet_import::PendingSheet;
use crate::file_io::ReadFile;
use crate::format::now_ms;
use crate::ids::new_program_id;
use crate::perf;
use crate::route::{Nav, View, is_valid_program_id};
use crate::state::{Ctx, PendingImport, PendingReview, store};
use crate::storage::{SnapshotKind, StorageError};

/// The title of every message about an import that did not happen.
const FAILED: &str = "Import failed: nothing was changed";

/// Imports `file` (from the file picker or a drop).
pub fn import_file(ctx: Ctx, nav: Nav, file: web_sys::File) {
    spawn_local(async move {
        ctx.message.set(None);
        ctx.pending_import.set(None);
        ctx.pending_review.set(None);
        ctx.pending_sheet.set(None);
        let span = perf::start("planwork:import");
        let document = match crate::file_io::read_file(&file).await {
            Ok(ReadFile::Program(document)) => document,
            Ok(ReadFile::Sheet(table)) => {
                let mapping = interop::sheet::guess_mapping(&table);
                ctx.pending_sheet.set(Some(PendingSheet {
                    table: std::sync::Arc::new(table),
                    file_name: file.name(),
                    mapping,
                    rules: interop::sheet::Rules::default(),
                }));
                return;
            }
            Ok(ReadFile::FromMsProject { document, report }) => {
                ctx.pending_review.set(Some(PendingReview {
                    document,
                    file_name: file.name(),
                    source: "MS Project",
                    summary: report.summary(),
                    notes: report.notes.iter().map(ToString::to_string).collect(),
                }));
                return;
            }
            Err(message) => {
                ctx.show_error(FAILED, &message);
                return;
            }
        };
        store_new_or_ask(ctx, nav, document, span).await;
    });
}

/// The reviewed file (converted from another tool) becomes a new program.
pub fn import_reviewed(ctx: Ctx, nav: Nav) {
    let Some(pending) = ctx.pending_review.get_untracked() else {
        return;
    };
    ctx.pending_review.set(None);
    let span = perf::start("planwork:import");
    spawn_local(store_new_or_ask(ctx, nav, pending.document, span));
}

/// Stores `document` as a new program and opens it; if its program is already here, asks
/// first (open as a copy, or replace after a snapshot). Without storage, opens it in memory.
pub(crate) async fn store_new_or_ask(ctx: Ctx, nav: Nav, mut document: Document, span: perf::Span) {
    {
        ctx.wait_ready().await;
        let store = match store() {
            Ok(store) => store,
            Err(_) => {
                // No storage: keep the program in memory so it can still be seen and exported.
                let id = new_program_id(now_ms());
                document.id = Some(id.clone());
                ctx.handoff.set(Some(document));
                nav.go(View::Program(id));
                return;
            }
        };
        let id = document.id.clone().filter(|id| is_valid_program_id(id));
        if let Some(id) = &id {
            match store.load(id).await {
                Ok(existing) => {
                    ctx.pending_import.set(Some(PendingImport {
                        document,
                        existing_name: existing.meta.name,
                    }));
                    return;
                }
                Err(StorageError::NotFound(_)) => {}
                Err(StorageError::Corrupt(_)) => {
                    // The stored one is unreadable: still ask, never overwrite silently.
                    ctx.pending_import.set(Some(PendingImport {
                        document,
                        existing_name: id.clone(),
                    }));
                    return;
                }
                Err(error) => {
                    ctx.show_error(FAILED, &error.to_string());
                    return;
                }
            }
        }
        let id = id.unwrap_or_else(|| new_program_id(now_ms()));
        document.id = Some(id.clone());
        let store_span = perf::start("planwork:import-store");
        let created = store.create(&document, now_ms()).await;
        store_span.end();
        if created.is_ok() {
            span.end();
        }
        ctx.open_stored(nav, created, FAILED).await;
    }
}

/// The pending import becomes a new program: a new id, "(copy)" after its name.
pub fn import_as_copy(ctx: Ctx, nav: Nav) {
    let Some(pending) = ctx.pending_import.get_untracked() else {
        return;
    };
    ctx.pending_import.set(None);
    let mut document: Document = pending.document;
    let id = new_program_id(now_ms());
    document.id = Some(id.clone());
    document.program.program.name = format!("{} (copy)", document.program.program.name);
    spawn_local(async move {
        let result = match store() {
            Ok(store) => store.create(&document, now_ms()).await,
            Err(error) => Err(error),
        };
        ctx.open_stored(nav, result, FAILED).await;
    });
}

/// The pending import replaces the program here, whose current version is kept first as
/// a `before-import` snapshot.
pub fn import_replacing(ctx: Ctx, nav: Nav) {
    let Some(pending) = ctx.pending_import.get_untracked() else {
        return;
    };
    ctx.pending_import.set(None);
    let document = pending.document;
    spawn_local(async move {
        let result = match store() {
            Ok(store) => {
                store
                    .replace(&document, SnapshotKind::BeforeImport, now_ms())
                    .await
            }
            Err(error) => Err(error),
        };
        ctx.open_stored(nav, result, FAILED).await;
    });
}
