//! A page's note of edits not yet stored (`unsaved`), so that a crash is not a silent loss.
//!
//! Nothing on disk can know of an edit that never reached it; but the editor writes this
//! small note at once, synchronously, when it makes the first edit since its last save
//! (hundreds of milliseconds before that edit's save: the save waits for typing to pause, then
//! takes several round trips), and the save that stores the edits deletes it in the same
//! transaction. So after the browser is killed or crashes, a note of a page that is gone
//! ([`super::pages`]) means its last edits were lost, and [`Store::recover`] says so
//! ([`Recovered::Lost`]); unless the page's journal entry holds them. Only an edit made in the
//! few milliseconds before the note lands goes unnoticed.

use super::*;

impl Store {
    /// Notes that this page's editor holds edits to program `id` (named `name`), based on
    /// stored revision `base_revision`, not yet stored: the first made at `generation`, at
    /// `now_ms`. Synchronous, like [`Store::write_journal`]: the request and the commit are
    /// issued before it returns. Replaces this page's earlier note.
    pub fn note_unsaved(
        &self,
        id: &str,
        name: &str,
        base_revision: u64,
        generation: u64,
        now_ms: f64,
    ) -> Result<(), StorageError> {
        self.check_open()?;
        let record = UnsavedRecord {
            tab: self.tab.clone(),
            program_id: id.to_owned(),
            name: name.to_owned(),
            base_revision,
            generation,
            edited_ms: now_ms,
        };
        idb::put_at_once(&self.db, UNSAVED, &record.to_js())
    }

    /// Deletes this page's note (its editor's edits were stored, or set aside by the user).
    /// Synchronous, like [`Store::note_unsaved`].
    pub fn clear_unsaved(&self) -> Result<(), StorageError> {
        self.check_open()?;
        idb::delete_at_once(&self.db, UNSAVED, &key(&self.tab))
    }

    /// This page's note, if there is one.
    pub async fn unsaved_note(&self) -> Result<Option<(String, u64)>, StorageError> {
        let tx = self.tx(&[UNSAVED], false)?;
        let value = idb::run(tx.store(UNSAVED)?.get(&key(&self.tab))).await?;
        tx.commit().await?;
        if value.is_undefined() {
            return Ok(None);
        }
        let note = UnsavedRecord::from_js(&value)?;
        Ok(Some((note.program_id, note.generation)))
    }

    /// Inside a save of program `id` at `generation` by this page: deletes this page's note
    /// if the save stores every edit it stands for.
    pub(super) async fn settle_unsaved(
        &self,
        tx: &Tx,
        id: &str,
        generation: u64,
    ) -> Result<(), StorageError> {
        let store = tx.store(UNSAVED)?;
        let value = idb::run(store.get(&key(&self.tab))).await?;
        if value.is_undefined() {
            return Ok(());
        }
        let note = UnsavedRecord::from_js(&value)?;
        if note.program_id == id && note.generation <= generation {
            idb::run(store.delete(&key(&self.tab))).await?;
        }
        Ok(())
    }
}

/// The notes about program `id` left by pages that are gone (`live`: the pages alive; `None`:
/// not known, then no page counts as gone). This page is alive.
pub(super) async fn notes_of_dead_pages(
    tx: &Tx,
    id: &str,
    live: Option<&HashSet<String>>,
    this_page: &str,
) -> Result<Vec<UnsavedRecord>, StorageError> {
    let Some(live) = live else {
        return Ok(Vec::new());
    };
    let all = idb::run(tx.store(UNSAVED)?.get_all()).await?;
    let mut notes = Vec::new();
    for value in Array::from(&all).iter() {
        let note = UnsavedRecord::from_js(&value)?;
        if note.program_id == id && note.tab != this_page && !live.contains(&note.tab) {
            notes.push(note);
        }
    }
    Ok(notes)
}

/// The ids of the programs some page noted unsaved edits to.
pub(super) async fn noted_programs(tx: &Tx) -> Result<Vec<String>, StorageError> {
    let all = idb::run(tx.store(UNSAVED)?.get_all()).await?;
    Array::from(&all)
        .iter()
        .map(|value| UnsavedRecord::from_js(&value).map(|note| note.program_id))
        .collect()
}
