//! Saving the open program: debounced after edits, at once on demand, into the journal
//! synchronously when the page is hidden or closed (or a newer Planwork takes the database
//! over), again every few seconds after a failure (the storage full), the note of edits
//! not yet stored, and what to do when another tab saved first (load theirs, or keep mine).

use components::SaveState;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::stash::{self, Stash};
use super::{Editor, RETRY_DELAY, SAVE_DELAY};
use crate::format::now_ms;
use crate::perf;
use crate::state::store;
use crate::storage::{Edits, SnapshotKind, StorageError};

impl Editor {
    pub(super) fn schedule_save(&self) {
        self.schedule_save_in(SAVE_DELAY);
    }

    /// Saves after `delay`, unless another edit comes first (its own save is scheduled).
    fn schedule_save_in(&self, delay: std::time::Duration) {
        let editor = *self;
        let generation = self.edits.get_value();
        set_timeout(
            move || {
                if editor.edits.try_get_value() == Some(generation) {
                    spawn_local(async move { editor.save_now().await });
                }
            },
            delay,
        );
    }

    /// Notes in storage, synchronously, that this page holds edits not yet stored, unless its
    /// note already stands for them: if the browser dies before they are saved, the next
    /// start can say they were lost.
    pub(super) fn note_unsaved(&self) {
        if self.noted.get_value() || !self.dirty() {
            return;
        }
        let Ok(store) = store() else { return };
        let noted = self.doc.with_untracked(|doc| {
            let doc = doc.as_ref()?;
            let id = doc.id.as_deref()?;
            let generation = self.edits.get_value();
            let base = self.base.get_untracked();
            let name = &doc.program.program.name;
            Some(store.note_unsaved(id, name, base, generation, now_ms()))
        });
        // On failure (storage full, a newer Planwork took over), the next edit tries again.
        self.noted.set_value(matches!(noted, Some(Ok(()))));
    }

    /// Deletes this page's note of unsaved edits (they were set aside).
    pub(super) fn clear_note(&self) {
        self.noted.set_value(false);
        if let Ok(store) = store() {
            let _ = store.clear_unsaved();
        }
    }

    /// A save (or "Keep mine") stored the edits up to `generation`; it deleted this page's
    /// note with them. Edits made meanwhile are noted afresh.
    fn stored(&self, generation: u64) {
        self.saved.set_value(generation);
        if let Some(id) = self.current.get_untracked() {
            stash::clear(&id);
        }
        self.noted.set_value(false);
        self.note_unsaved();
    }

    /// As the page goes with edits the storage refused ("Not saved"): keeps them in the
    /// tab's stash, which does not depend on the storage that refused them, for a reload of
    /// the tab to take back.
    pub(super) fn stash_if_refused(&self) {
        if !self.dirty() || !matches!(self.status.get_untracked(), SaveState::Failed(_)) {
            return;
        }
        let base_revision = self.base.get_untracked();
        let kept = self.doc.with_untracked(|doc| {
            let doc = doc.as_ref()?;
            Some(Stash {
                id: doc.id.clone()?,
                base_revision,
                text: planfile::write(doc),
            })
        });
        if let Some(kept) = kept {
            stash::put(&kept);
        }
    }

    /// Shows the edits this tab kept before it was reloaded (see [`Editor::stash_if_refused`])
    /// over the program just loaded: saved at once if they were made on the revision loaded,
    /// else the choice between the two offered, as when another tab saved first.
    pub(super) fn take_back(&self, stash: Stash, document: planfile::Document) {
        self.doc.set(Some(document));
        self.edits.update_value(|n| *n += 1);
        self.note_unsaved();
        self.status.set(SaveState::Unsaved);
        if stash.base_revision == self.base.get_untracked() {
            let editor = *self;
            spawn_local(async move { editor.save_now().await });
        } else {
            self.conflict.set(true);
        }
    }

    /// The edit count and the undo history (JSON) of the program as it is now: what a save
    /// or the journal records with it.
    fn edits_now(&self) -> Edits {
        Edits {
            generation: self.edits.get_value(),
            history: self.history.with_value(|h| h.to_json()),
        }
    }

    /// Writes the program in memory into the journal, synchronously, if it has edits not
    /// yet saved (or not yet journaled): the page is being hidden or closed, and may never
    /// run again to finish a save. Even in a conflict or after a failed save: recovery then
    /// keeps it as a snapshot.
    pub(super) fn journal_now(&self) {
        let generation = self.edits.get_value();
        if !self.dirty() || self.journaled.get_value() == generation {
            return;
        }
        let Ok(store) = store() else { return };
        let base = self.base.get_untracked();
        let edits = self.edits_now();
        let written = self.doc.with_untracked(|doc| {
            doc.as_ref()
                .map(|doc| store.write_journal(doc, base, &edits, now_ms()))
        });
        match written {
            Some(Ok(())) => {
                self.journaled.set_value(generation);
                // The journal holds these edits: a note is needed only for later ones.
                self.noted.set_value(false);
            }
            // Nothing more can be done while the page goes: the save that follows may land.
            Some(Err(error)) => {
                leptos::logging::warn!("Planwork: the unsaved changes were not journaled: {error}")
            }
            None => {}
        }
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
        // Taken with the document: the history belongs to it.
        let edits = self.edits_now();
        let generation = edits.generation;
        self.saving.set_value(true);
        self.status.set(SaveState::Saving);
        let span = perf::start("planwork:save");
        let result = store
            .save_edits(&document, self.base.get_untracked(), &edits, now_ms())
            .await;
        self.saving.set_value(false);
        match result {
            Ok(meta) => {
                span.end();
                self.base.set(meta.revision);
                self.stored(generation);
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
            Err(StorageError::SetAside) => {
                // The journal holds these edits; the page may run on (it was only hidden).
                self.status.set(SaveState::Unsaved);
                self.schedule_save();
            }
            Err(StorageError::Superseded) => {
                self.status
                    .set(SaveState::Failed(StorageError::Superseded.to_string()));
            }
            Err(error) => {
                let again = if error.may_pass() {
                    // Space may be freed (here or in another tab): try again by itself.
                    self.schedule_save_in(RETRY_DELAY);
                    " Planwork tries again every few seconds."
                } else {
                    ""
                };
                self.status.set(SaveState::Failed(format!(
                    "{error} Your program stays open in this tab: export it to keep a copy.{again}"
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
            editor.mark_loaded();
            editor.load(id).await;
        });
    }

    pub(super) fn keep_mine(&self) {
        let editor = *self;
        let Some(document) = self.doc.get_untracked() else {
            return;
        };
        let edits = self.edits_now();
        spawn_local(async move {
            let store = match store() {
                Ok(store) => store,
                Err(error) => {
                    editor.status.set(SaveState::Failed(error.to_string()));
                    return;
                }
            };
            let generation = edits.generation;
            match store
                .replace_edits(&document, SnapshotKind::BeforeReplace, &edits, now_ms())
                .await
            {
                Ok(meta) => {
                    editor.base.set(meta.revision);
                    editor.stored(generation);
                    editor.conflict.set(false);
                    editor.status.set(SaveState::Saved);
                    editor.ctx.announce(&meta.id, meta.revision);
                    editor.reload_snapshots(&meta.id).await;
                }
                // The journal holds it; the choice is still offered.
                Err(StorageError::SetAside) => {}
                Err(error) => editor.status.set(SaveState::Failed(error.to_string())),
            }
        });
    }
}
