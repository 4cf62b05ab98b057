//! Snapshots: named and automatic copies of a program, listed, viewed and restored.

use super::*;

impl Store {
    /// Keeps the stored version of program `id` as a snapshot.
    pub async fn take_snapshot(
        &self,
        id: &str,
        name: &str,
        kind: SnapshotKind,
        now_ms: f64,
    ) -> Result<SnapshotMeta, StorageError> {
        let tx = self.tx(&[TEXTS, SNAPSHOTS], true)?;
        let texts = tx.store(TEXTS)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let value = idb::run(texts.get(&key(id))).await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(id.to_owned()));
        }
        let mut record = SnapshotRecord {
            key: None,
            program_id: id.to_owned(),
            name: name.to_owned(),
            kind,
            created_ms: now_ms,
            text: text_from_js(&value)?,
        };
        let new_key = idb::run(snapshots.add(&record.to_js())).await?;
        tx.commit().await?;
        record.key = new_key.as_f64();
        Ok(snapshot_meta(&record))
    }

    /// The snapshots of program `id`, newest first.
    pub async fn list_snapshots(&self, id: &str) -> Result<Vec<SnapshotMeta>, StorageError> {
        let tx = self.tx(&[SNAPSHOTS], false)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let index = snapshots
            .index(BY_PROGRAM)
            .map_err(|e| idb::error_from(&e))?;
        let all = idb::run(index.get_all_with_key(&key(id))).await?;
        let mut list = Array::from(&all)
            .iter()
            .map(|value| SnapshotRecord::from_js(&value).map(|r| snapshot_meta(&r)))
            .collect::<Result<Vec<_>, _>>()?;
        list.sort_by(|a, b| b.key.total_cmp(&a.key));
        tx.commit().await?;
        Ok(list)
    }

    /// A snapshot with its program.
    pub async fn load_snapshot(&self, snapshot_key: f64) -> Result<Snapshot, StorageError> {
        let tx = self.tx(&[SNAPSHOTS], false)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let value = idb::run(snapshots.get(&JsValue::from_f64(snapshot_key))).await?;
        tx.commit().await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(format!("snapshot {snapshot_key}")));
        }
        let record = SnapshotRecord::from_js(&value)?;
        Ok(Snapshot {
            document: parse(&record.text, &record.program_id)?,
            meta: snapshot_meta(&record),
        })
    }

    /// Restores a snapshot over its program, which must still be at `base_revision`; the
    /// program's stored version is first kept as a `before-restore` snapshot.
    pub async fn restore_snapshot(
        &self,
        snapshot_key: f64,
        base_revision: u64,
        now_ms: f64,
    ) -> Result<Loaded, StorageError> {
        let snapshot = self.load_snapshot(snapshot_key).await?;
        let tx = self.tx(&[PROGRAMS, TEXTS, SNAPSHOTS], true)?;
        let programs = tx.store(PROGRAMS)?;
        let texts = tx.store(TEXTS)?;
        let snapshots = tx.store(SNAPSHOTS)?;
        let id = snapshot.meta.program_id.clone();
        let value = idb::run(programs.get(&key(&id))).await?;
        if value.is_undefined() {
            return Err(StorageError::NotFound(id));
        }
        let stored = ProgramRecord::from_js(&value)?;
        if stored.revision != base_revision {
            return Err(StorageError::Conflict);
        }
        let old = idb::run(texts.get(&key(&id))).await?;
        let before = SnapshotRecord {
            key: None,
            program_id: id.clone(),
            name: format!("Before restoring “{}”", snapshot.meta.name),
            kind: SnapshotKind::BeforeRestore,
            created_ms: now_ms,
            text: text_from_js(&old)?,
        };
        idb::run(snapshots.add(&before.to_js())).await?;
        let text = text_with_id(&snapshot.document, &id);
        let record = ProgramRecord {
            id: id.clone(),
            name: snapshot.document.program.program.name.clone(),
            updated_ms: now_ms,
            revision: stored.revision + 1,
            size_bytes: text.len() as u64,
            text: None,
            daily_day: stored.daily_day,
            deleted_ms: None,
            writer: None,
            writer_since: stored.revision,
        };
        idb::run(programs.put(&record.to_js())).await?;
        idb::run(texts.put(&text_to_js(&id, &text))).await?;
        tx.commit().await?;
        Ok(Loaded {
            meta: meta_of(&record),
            document: snapshot.document,
            history: None,
        })
    }
}
