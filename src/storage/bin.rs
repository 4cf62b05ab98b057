//! The bin: deleted programs kept for [`BIN_DAYS`] days, restored or purged.

use super::*;

impl Store {
    /// Moves a program to the bin (its snapshots stay, for a restore; its undo history
    /// goes).
    pub async fn delete(&self, id: &str, now_ms: f64) -> Result<(), StorageError> {
        let tx = self.tx(&[PROGRAMS, TEXTS, BIN, HISTORY], true)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let bin = tx.store(BIN)?;
        let value = idb::run(programs.get(&key(id))).await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(id.to_owned()));
        }
        let text = idb::run(texts.get(&key(id))).await?;
        let mut record = ProgramRecord::from_js(&value)?;
        record.text = Some(text_from_js(&text)?);
        record.deleted_ms = Some(now_ms);
        idb::run(bin.put(&record.to_js())).await?;
        idb::run(programs.delete(&key(id))).await?;
        idb::run(texts.delete(&key(id))).await?;
        idb::run(tx.store(HISTORY)?.delete(&key(id))).await?;
        tx.commit().await
    }

    /// The bin, most recently deleted first.
    pub async fn list_bin(&self) -> Result<Vec<BinEntry>, StorageError> {
        let tx = self.tx(&[BIN], false)?;
        let store = tx.store(BIN)?;
        let all = idb::run(store.get_all()).await?;
        let mut list = Array::from(&all)
            .iter()
            .map(|value| {
                ProgramRecord::from_js(&value).map(|r| BinEntry {
                    meta: meta_of(&r),
                    deleted_ms: r.deleted_ms.unwrap_or(0.0),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        list.sort_by(|a, b| b.deleted_ms.total_cmp(&a.deleted_ms));
        tx.commit().await?;
        Ok(list)
    }

    /// Brings a program back from the bin. If its id has been taken meanwhile (an import of
    /// the same program), it comes back as `fresh_id`.
    pub async fn restore(
        &self,
        id: &str,
        fresh_id: &str,
        now_ms: f64,
    ) -> Result<ProgramMeta, StorageError> {
        let tx = self.tx(&[PROGRAMS, TEXTS, BIN, SNAPSHOTS], true)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let bin = tx.store(BIN)?;
        let value = idb::run(bin.get(&key(id))).await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(id.to_owned()));
        }
        let mut record = ProgramRecord::from_js(&value)?;
        let mut text = record
            .text
            .take()
            .ok_or_else(|| StorageError::Corrupt(format!("{id}: the program's text is missing")))?;
        record.deleted_ms = None;
        record.updated_ms = now_ms;
        (record.writer, record.writer_since) = record.next_writer(None);
        record.revision += 1;
        let taken = idb::run(programs.count_with_key(&key(id))).await?;
        if taken.as_f64().unwrap_or(0.0) > 0.0 {
            let document = parse(&text, id)?;
            record.id = fresh_id.to_owned();
            text = text_with_id(&document, fresh_id);
            record.size_bytes = text.len() as u64;
            // Its snapshots follow it to the new id.
            let snapshots = tx.store(SNAPSHOTS)?;
            let index = snapshots
                .index(BY_PROGRAM)
                .map_err(|e| idb::error_from(&e))?;
            let all = idb::run(index.get_all_with_key(&key(id))).await?;
            for value in Array::from(&all).iter() {
                let mut snapshot = SnapshotRecord::from_js(&value)?;
                snapshot.program_id = fresh_id.to_owned();
                idb::run(snapshots.put(&snapshot.to_js())).await?;
            }
        }
        idb::run(programs.add(&record.to_js())).await?;
        idb::run(texts.put(&text_to_js(&record.id, &text))).await?;
        idb::run(bin.delete(&key(id))).await?;
        tx.commit().await?;
        Ok(meta_of(&record))
    }

    /// Deletes for good the programs that have been in the bin for [`BIN_DAYS`] days or
    /// more, with their snapshots. Returns how many.
    pub async fn purge_bin(&self, now_ms: f64) -> Result<usize, StorageError> {
        let tx = self.tx(&[BIN, SNAPSHOTS], true)?;
        let bin = tx.store(BIN)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let index = snapshots
            .index(BY_PROGRAM)
            .map_err(|e| idb::error_from(&e))?;
        let all = idb::run(bin.get_all()).await?;
        let limit = now_ms - BIN_DAYS as f64 * DAY_MS;
        let mut purged = 0;
        for value in Array::from(&all).iter() {
            let record = ProgramRecord::from_js(&value)?;
            if record.deleted_ms.unwrap_or(0.0) > limit {
                continue;
            }
            let keys = idb::run(index.get_all_keys_with_key(&key(&record.id))).await?;
            for snapshot_key in Array::from(&keys).iter() {
                idb::run(snapshots.delete(&snapshot_key)).await?;
            }
            idb::run(bin.delete(&key(&record.id))).await?;
            purged += 1;
        }
        tx.commit().await?;
        Ok(purged)
    }
}
