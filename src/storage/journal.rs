//! The journal (`pending`): the editor's program written synchronously when its page is
//! hidden or closed, and its recovery into the stored program — or, if another page wrote
//! the program since, into a `recovered` snapshot, so that nothing is lost or silently
//! written over. Recovery also reads the notes of unsaved edits that dead pages left
//! (`super::unsaved`), to say plainly which edits were lost.

use super::*;

/// The name of a snapshot kept from a journal entry.
pub const RECOVERED_NAME: &str = "Unsaved changes, recovered";

/// A journal entry, as [`Store::journal`] reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Journal {
    pub document: Document,
    pub base_revision: u64,
    pub generation: u64,
    /// The page that wrote it ([`Store::tab`]).
    pub tab: String,
    pub saved_ms: f64,
    pub history: Option<String>,
}

/// What became of a journal entry.
#[derive(Clone, Debug, PartialEq)]
pub enum Recovered {
    /// Nobody else had written the program since: it is now the stored program.
    Saved(ProgramMeta),
    /// Another page had written the program since (or it was deleted): the entry is kept
    /// as a `recovered` snapshot beside it.
    KeptAsSnapshot(SnapshotMeta),
    /// The stored program already had the same text.
    AlreadyStored,
    /// A page that is gone (the browser was closed or killed, the tab crashed) had made
    /// edits it never stored: they are lost, and the program is as it was last saved.
    Lost(Lost),
}

/// Edits a page that is gone never stored (see [`Recovered::Lost`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Lost {
    /// When the first of them was made.
    pub edited_ms: f64,
    /// When the program was last saved, if it is still here.
    pub saved_ms: Option<f64>,
}

/// A journal entry recovered: the program's id and name (as the entry has it), and what
/// became of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovery {
    pub program_id: String,
    pub name: String,
    pub outcome: Recovered,
}

impl Store {
    /// Writes `document`, the editor's program based on stored revision `base_revision`,
    /// into the journal, replacing this program's entry. Synchronous: the request and the
    /// commit are issued before it returns, for `pagehide` and `visibilitychange`, after
    /// which the page may never run again. An editor's save in flight is set aside
    /// ([`StorageError::SetAside`]): it could not finish, and the entry would wait behind it.
    pub fn write_journal(
        &self,
        document: &Document,
        base_revision: u64,
        edits: &Edits,
        now_ms: f64,
    ) -> Result<(), StorageError> {
        self.check_open()?;
        let id = document
            .id
            .clone()
            .ok_or_else(|| StorageError::Failed("the program has no id".into()))?;
        let text = planfile::write(document);
        storable(&text)?;
        // A save in flight could not finish as the page goes, and this entry would wait
        // behind it and go with it: set it aside (the entry holds its edits).
        self.in_flight.set_aside();
        let record = JournalRecord {
            text,
            id,
            base_revision,
            generation: edits.generation,
            tab: self.tab.clone(),
            saved_ms: now_ms,
            history: edits.history.clone(),
        };
        idb::put_at_once(&self.db, PENDING, &record.to_js())
    }

    /// Program `id`'s journal entry, if there is one.
    pub async fn journal(&self, id: &str) -> Result<Option<Journal>, StorageError> {
        let tx = self.tx(&[PENDING], false)?;
        let value = idb::run(tx.store(PENDING)?.get(&key(id))).await?;
        tx.commit().await?;
        if value.is_undefined() {
            return Ok(None);
        }
        let record = JournalRecord::from_js(&value)?;
        Ok(Some(Journal {
            document: parse(&record.text, id)?,
            base_revision: record.base_revision,
            generation: record.generation,
            tab: record.tab,
            saved_ms: record.saved_ms,
            history: record.history,
        }))
    }

    /// Recovers what pages left of program `id`, in one transaction: its journal entry, if
    /// there is one, and the notes of unsaved edits of pages that are gone.
    ///
    /// A journal entry with the same text as stored is just deleted; one based on the stored
    /// revision (or with only its own page's writes since) becomes the stored program, a new
    /// revision written on that page's behalf, with its undo history; any other is kept as a
    /// `recovered` snapshot. A note whose edits the journal entry does not hold means they
    /// were lost ([`Recovered::Lost`]). Entries and notes are deleted in each case.
    pub async fn recover(&self, id: &str, now_ms: f64) -> Result<Vec<Recovery>, StorageError> {
        // Asked before the transaction, which would end while a non-IndexedDB wait ran.
        let live = pages::live_pages().await;
        let tx = self.tx(
            &[PROGRAMS, TEXTS, SNAPSHOTS, PENDING, HISTORY, UNSAVED],
            true,
        )?;
        let value = idb::run(tx.store(PENDING)?.get(&key(id))).await?;
        let journal = if value.is_undefined() {
            None
        } else {
            Some(JournalRecord::from_js(&value)?)
        };
        let stored = idb::run(tx.store(PROGRAMS)?.get(&key(id))).await?;
        let stored = if stored.is_undefined() {
            None
        } else {
            Some(ProgramRecord::from_js(&stored)?)
        };
        let mut recovered = Vec::new();
        for note in unsaved::notes_of_dead_pages(&tx, id, live.as_ref(), &self.tab).await? {
            let kept = journal
                .as_ref()
                .is_some_and(|j| j.tab == note.tab && j.generation >= note.generation);
            if !kept {
                recovered.push(Recovery {
                    program_id: id.to_owned(),
                    name: note.name.clone(),
                    outcome: Recovered::Lost(Lost {
                        edited_ms: note.edited_ms,
                        saved_ms: stored.as_ref().map(|s| s.updated_ms),
                    }),
                });
            }
            idb::run(tx.store(UNSAVED)?.delete(&key(&note.tab))).await?;
        }
        if let Some(journal) = journal {
            recovered.push(recover_journal(&tx, id, journal, stored.as_ref(), now_ms).await?);
        }
        tx.commit().await?;
        Ok(recovered)
    }

    /// Recovers every journal entry and every dead page's note (see [`Store::recover`]), at
    /// start-up.
    pub async fn recover_all(&self, now_ms: f64) -> Result<Vec<Recovery>, StorageError> {
        let tx = self.tx(&[PENDING, UNSAVED], false)?;
        let keys = idb::run(tx.store(PENDING)?.get_all_keys()).await?;
        let mut ids: Vec<String> = Array::from(&keys)
            .iter()
            .filter_map(|k| k.as_string())
            .collect();
        ids.extend(unsaved::noted_programs(&tx).await?);
        tx.commit().await?;
        ids.sort();
        ids.dedup();
        let mut recovered = Vec::new();
        for id in ids {
            recovered.extend(self.recover(&id, now_ms).await?);
        }
        Ok(recovered)
    }
}

/// Recovers program `id`'s journal entry (see [`Store::recover`]) inside its transaction,
/// and deletes it.
async fn recover_journal(
    tx: &Tx,
    id: &str,
    journal: JournalRecord,
    stored: Option<&ProgramRecord>,
    now_ms: f64,
) -> Result<Recovery, StorageError> {
    // The name the entry gives the program (its stored name if the text is unreadable).
    let document = parse(&journal.text, id).ok();
    let name = match (&document, stored) {
        (Some(document), _) => document.program.program.name.clone(),
        (None, Some(stored)) => stored.name.clone(),
        (None, None) => id.to_owned(),
    };
    let stored_text = match stored {
        Some(_) => text_from_js(&idb::run(tx.store(TEXTS)?.get(&key(id))).await?).ok(),
        None => None,
    };
    let ours = stored.is_some_and(|s| s.unchanged_since(journal.base_revision, Some(&journal.tab)));
    let outcome = if stored_text.as_deref() == Some(journal.text.as_str()) {
        Recovered::AlreadyStored
    } else if let (Some(stored), Some(_), true) = (stored, &document, ours) {
        let change = Change {
            id,
            name: &name,
            text: &journal.text,
            base_revision: Some(stored.revision),
            snapshot: None,
            writer: Some(&journal.tab),
            now_ms,
        };
        let record = change.write(tx).await?;
        store_history(tx, id, record.revision, journal.history.as_deref()).await?;
        Recovered::Saved(meta_of(&record))
    } else {
        Recovered::KeptAsSnapshot(keep_as_snapshot(tx, &journal, now_ms).await?)
    };
    idb::run(tx.store(PENDING)?.delete(&key(id))).await?;
    Ok(Recovery {
        program_id: id.to_owned(),
        name,
        outcome,
    })
}

/// Keeps a journal entry as a `recovered` snapshot of its program.
async fn keep_as_snapshot(
    tx: &Tx,
    journal: &JournalRecord,
    now_ms: f64,
) -> Result<SnapshotMeta, StorageError> {
    let mut record = SnapshotRecord {
        key: None,
        program_id: journal.id.clone(),
        name: RECOVERED_NAME.to_owned(),
        kind: SnapshotKind::Recovered,
        created_ms: now_ms,
        text: journal.text.clone(),
    };
    let new_key = idb::run(tx.store(SNAPSHOTS)?.add(&record.to_js())).await?;
    record.key = new_key.as_f64();
    Ok(snapshot_meta(&record))
}
