//! Saving the open program: debounced after edits, at once on demand, and what to do when
//! another tab saved first (load theirs, or keep mine).

use components::SaveState;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{Editor, SAVE_DELAY};
use crate::format::now_ms;
use crate::perf;
use crate::state::store;
use crate::storage::{SnapshotKind, StorageError};

impl Editor {
    pub(super) fn schedule_save(&self) {
        let editor = *self;
        let generation = self.edits.get_value();
        set_timeout(
            move || {
                if editor.edits.try_get_value() == Some(generation) {
                    spawn_local(async move { editor.save_now().await });
                }
            },
            SAVE_DELAY,
        );
    }

    /// Saves now if there are unsaved edits (and no conflict is waiting for the user).
    pub async fn save_now(&self) {
        if self.saving.get_value() || self.conflict.get_untracked() || !self.dirty() {
            return;
        }
        let Some(document) = self.doc.get_untracked() else {
            return;
        };
        let id = document.id.clone().unwrap_or_default();
        let store = match store() {
            Ok(store) => store,
            Err(_) => {
                // Kept for the program view to find again after a visit to the home view.
                self.ctx.handoff.set(Some(document));
                self.status.set(SaveState::Failed(
                    "Storage is unavailable: this program is only in this tab. Export it to \
                     keep it."
                        .into(),
                ));
                return;
            }
        };
        let generation = self.edits.get_value();
        self.saving.set_value(true);
        self.status.set(SaveState::Saving);
        let span = perf::start("planwork:save");
        let result = store
            .save(&document, self.base.get_untracked(), now_ms())
            .await;
        self.saving.set_value(false);
        match result {
            Ok(meta) => {
                span.end();
                self.base.set(meta.revision);
                self.saved.set_value(generation);
                self.ctx.announce(&id, meta.revision);
                self.ctx.ask_persist();
                if self.dirty() {
                    self.status.set(SaveState::Unsaved);
                    self.schedule_save();
                } else {
                    self.status.set(SaveState::Saved);
                }
            }
            Err(StorageError::Conflict) => {
                self.conflict.set(true);
                self.status.set(SaveState::Unsaved);
            }
            Err(error) => {
                self.status.set(SaveState::Failed(format!(
                    "{error} Your program stays open in this tab: export it to keep a copy."
                )));
            }
        }
    }

    /// Another tab announced a newer revision of the program shown.
    pub(super) fn remote_newer(&self) -> bool {
        let base = self.base.get();
        let current = self.current.get();
        self.ctx.remote.with(|remote| {
            remote
                .as_ref()
                .is_some_and(|(id, revision)| Some(id) == current.as_ref() && *revision > base)
        })
    }

    pub(super) fn load_theirs(&self) {
        let editor = *self;
        let Some(id) = self.current.get_untracked() else {
            return;
        };
        spawn_local(async move {
            editor.edits.set_value(0);
            editor.saved.set_value(0);
            editor.load(id).await;
        });
    }

    pub(super) fn keep_mine(&self) {
        let editor = *self;
        let Some(document) = self.doc.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let store = match store() {
                Ok(store) => store,
                Err(error) => {
                    editor.status.set(SaveState::Failed(error.to_string()));
                    return;
                }
            };
            let generation = editor.edits.get_value();
            match store
                .replace(&document, SnapshotKind::BeforeReplace, now_ms())
                .await
            {
                Ok(meta) => {
                    editor.base.set(meta.revision);
                    editor.saved.set_value(generation);
                    editor.conflict.set(false);
                    editor.status.set(SaveState::Saved);
                    editor.ctx.announce(&meta.id, meta.revision);
                    editor.reload_snapshots(&meta.id).await;
                }
                Err(error) => editor.status.set(SaveState::Failed(error.to_string())),
            }
        });
    }
}
