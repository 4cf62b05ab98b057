//! Snapshots of the open program: listing, taking (after any save in flight), viewing and
//! restoring one.

use components::{SaveState, SnapshotView};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Editor;
use crate::format::{self, now_ms};
use crate::state::store;
use crate::storage::{SnapshotKind, StorageError};

impl Editor {
    pub(super) async fn reload_snapshots(&self, id: &str) {
        let Ok(store) = store() else { return };
        match store.list_snapshots(id).await {
            Ok(list) => self.snapshots.set(list),
            Err(error) => self
                .ctx
                .show_error("Snapshots could not be listed", &error.to_string()),
        }
    }

    pub(super) fn take_snapshot(&self, name: String) {
        let editor = *self;
        spawn_local(async move {
            // Through `snapshot_now`, which waits for an autosave in flight: saving alone
            // returns at once while one runs, and the snapshot was then refused as unsaved.
            if let Err(why) = editor.snapshot_now(&name).await {
                editor.ctx.show_error("No snapshot taken", &why);
            }
        });
    }

    /// Saves, then takes a named snapshot of the program, waiting for a save in flight;
    /// `Err` says why none was taken (promoting a scenario needs one first).
    pub(crate) async fn snapshot_now(&self, name: &str) -> Result<(), String> {
        let Some(id) = self.current.get_untracked() else {
            return Err("No program is open.".into());
        };
        for _ in 0..30 {
            self.save_now().await;
            if !self.dirty() {
                break;
            }
            TimeoutFuture::new(100).await;
        }
        if self.dirty() {
            return Err(
                "The program's latest changes are not saved, so a snapshot would miss them.".into(),
            );
        }
        let store = store().map_err(|e| e.to_string())?;
        store
            .take_snapshot(&id, name, SnapshotKind::Manual, now_ms())
            .await
            .map_err(|e| e.to_string())?;
        self.reload_snapshots(&id).await;
        Ok(())
    }

    pub(super) fn view_snapshot(&self, key: f64) {
        let editor = *self;
        spawn_local(async move {
            let result = match store() {
                Ok(store) => store.load_snapshot(key).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(snapshot) => {
                    let program = &snapshot.document.program;
                    editor.viewed.set(Some(SnapshotView {
                        title: format!(
                            "Snapshot “{}” ({}, {})",
                            snapshot.meta.name,
                            snapshot.meta.kind.label(),
                            format::date_time(snapshot.meta.created_ms)
                        ),
                        program_name: program.program.name.clone(),
                        task_count: program.tasks.len(),
                        tasks: program
                            .tasks
                            .iter()
                            .take(50)
                            .map(|t| (t.name.clone(), t.duration))
                            .collect(),
                    }));
                }
                Err(error) => editor
                    .ctx
                    .show_error("The snapshot could not be opened", &error.to_string()),
            }
        });
    }

    pub(super) fn restore_snapshot(&self, key: f64) {
        let editor = *self;
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        spawn_local(async move {
            editor.save_now().await;
            let result = match store() {
                Ok(store) => {
                    store
                        .restore_snapshot(key, editor.base.get_untracked(), now_ms())
                        .await
                }
                Err(error) => Err(error),
            };
            match result {
                Ok(loaded) => {
                    let generation = editor.edits.get_value();
                    editor.saved.set_value(generation);
                    editor.base.set(loaded.meta.revision);
                    editor.reset_history();
                    editor.doc.set(Some(loaded.document));
                    editor.viewed.set(None);
                    editor.status.set(SaveState::Saved);
                    editor.ctx.announce(&id, loaded.meta.revision);
                    editor.reload_snapshots(&id).await;
                }
                Err(StorageError::Conflict) => editor.conflict.set(true),
                Err(error) => editor
                    .ctx
                    .show_error("The snapshot was not restored", &error.to_string()),
            }
        });
    }
}
