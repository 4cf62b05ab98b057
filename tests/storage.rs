//! In-browser tests of the IndexedDB layer ([`planwork_app::storage`]): each test opens a
//! fresh, uniquely named database and deletes it at the end.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p planwork-app` (see `scripts/test`).

use engine::{Program, ProgramInfo, Task, Workstream};
use planfile::Document;
use planwork_app::storage::{SnapshotKind, StorageError, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DAY: f64 = 86_400_000.0;
/// 2026-11-21T10:00:00Z.
const NOW: f64 = 1_795_255_200_000.0;

/// A fresh database with a name no other test uses.
async fn fresh(test: &str) -> (Store, String) {
    let name = format!("planwork-test-{test}-{}", js_sys::Math::random());
    let store = Store::open(&name).await.expect("IndexedDB opens");
    (store, name)
}

async fn finish(store: Store, name: String) {
    store.close();
    Store::delete_database(&name)
        .await
        .expect("test database deleted");
}

fn document(id: &str, name: &str, tasks: usize) -> Document {
    let mut program = Program {
        program: ProgramInfo {
            name: name.into(),
            ..ProgramInfo::default()
        },
        ..Program::default()
    };
    program.workstreams.push(Workstream {
        id: "general".into(),
        name: "General".into(),
        calendar: None,
        color: None,
    });
    for i in 0..tasks {
        program.tasks.push(Task {
            id: format!("t{i}"),
            name: format!("Task <{i}> & \"quoted\""),
            workstream: "general".into(),
            duration: 1 + i as i64,
            ..Task::default()
        });
    }
    let mut document = Document::new(program);
    document.id = Some(id.into());
    document
}

/// The same program file (documents read from a file also carry what they did not know).
fn assert_same(a: &Document, b: &Document) {
    assert_eq!(planfile::write(a), planfile::write(b));
}

#[wasm_bindgen_test]
async fn save_and_load_round_trip_is_identical() {
    let (store, db) = fresh("roundtrip").await;
    let doc = document("p-a", "Alpha", 20);
    let created = store.create(&doc, NOW).await.unwrap();
    assert_eq!(created.revision, 1);
    assert_eq!(created.size_bytes, planfile::write(&doc).len() as u64);

    let loaded = store.load("p-a").await.unwrap();
    assert_eq!(loaded.document.program, doc.program);
    assert_eq!(planfile::write(&loaded.document), planfile::write(&doc));

    let mut edited = loaded.document.clone();
    edited.program.tasks[3].name = "Changed".into();
    let saved = store.save(&edited, 1, NOW + 1000.0).await.unwrap();
    assert_eq!(saved.revision, 2);
    assert_eq!(saved.updated_ms, NOW + 1000.0);
    let again = store.load("p-a").await.unwrap();
    assert_eq!(planfile::write(&again.document), planfile::write(&edited));
    assert_eq!(again.meta.revision, 2);

    assert!(matches!(
        store.create(&doc, NOW).await,
        Err(StorageError::AlreadyExists(_))
    ));
    assert!(matches!(
        store.load("p-missing").await,
        Err(StorageError::NotFound(_))
    ));
    finish(store, db).await;
}

#[wasm_bindgen_test]
async fn list_rename_duplicate() {
    let (store, db) = fresh("list").await;
    store
        .create(&document("p-a", "Alpha", 1), NOW)
        .await
        .unwrap();
    store
        .create(&document("p-b", "Beta", 2), NOW + 10.0)
        .await
        .unwrap();
    let names = |list: Vec<planwork_app::storage::ProgramMeta>| {
        list.into_iter().map(|m| m.name).collect::<Vec<_>>()
    };
    assert_eq!(names(store.list().await.unwrap()), ["Beta", "Alpha"]);

    let renamed = store.rename("p-a", "Alpha 2", NOW + 20.0).await.unwrap();
    assert_eq!(renamed.revision, 2);
    assert_eq!(names(store.list().await.unwrap()), ["Alpha 2", "Beta"]);
    let loaded = store.load("p-a").await.unwrap();
    assert_eq!(loaded.document.program.program.name, "Alpha 2");

    let copy = store.duplicate("p-b", "p-c", NOW + 30.0).await.unwrap();
    assert_eq!(copy.name, "Beta (copy)");
    let copy = store.load("p-c").await.unwrap();
    assert_eq!(copy.document.id.as_deref(), Some("p-c"));
    assert_eq!(copy.document.program.tasks.len(), 2);
    assert_eq!(store.list().await.unwrap().len(), 3);
    finish(store, db).await;
}

#[wasm_bindgen_test]
async fn delete_to_bin_and_restore() {
    let (store, db) = fresh("bin").await;
    let doc = document("p-a", "Alpha", 3);
    store.create(&doc, NOW).await.unwrap();
    store.delete("p-a", NOW + DAY).await.unwrap();
    assert!(store.list().await.unwrap().is_empty());
    let bin = store.list_bin().await.unwrap();
    assert_eq!(bin.len(), 1);
    assert_eq!(bin[0].meta.name, "Alpha");
    assert_eq!(bin[0].days_left(NOW + DAY), 30);
    assert_eq!(bin[0].days_left(NOW + 11.5 * DAY), 20);
    assert_eq!(bin[0].days_left(NOW + 30.5 * DAY), 1);
    assert_eq!(bin[0].days_left(NOW + 31.0 * DAY), 0);

    store
        .restore("p-a", "p-fresh", NOW + 2.0 * DAY)
        .await
        .unwrap();
    assert!(store.list_bin().await.unwrap().is_empty());
    let loaded = store.load("p-a").await.unwrap();
    assert_same(&loaded.document, &doc);

    // Restoring into a taken id gives the program a fresh one.
    store.delete("p-a", NOW).await.unwrap();
    store.create(&doc, NOW).await.unwrap();
    let meta = store.restore("p-a", "p-fresh", NOW).await.unwrap();
    assert_eq!(meta.id, "p-fresh");
    let fresh_copy = store.load("p-fresh").await.unwrap();
    assert_eq!(fresh_copy.document.id.as_deref(), Some("p-fresh"));
    assert_eq!(store.list().await.unwrap().len(), 2);
    finish(store, db).await;
}

#[wasm_bindgen_test]
async fn bin_is_purged_after_thirty_days() {
    let (store, db) = fresh("purge").await;
    store
        .create(&document("p-old", "Old", 1), NOW)
        .await
        .unwrap();
    store
        .create(&document("p-new", "New", 1), NOW)
        .await
        .unwrap();
    store
        .take_snapshot("p-old", "kept", SnapshotKind::Manual, NOW)
        .await
        .unwrap();
    store.delete("p-old", NOW).await.unwrap();
    store.delete("p-new", NOW + 10.0 * DAY).await.unwrap();

    assert_eq!(store.purge_bin(NOW + 29.0 * DAY).await.unwrap(), 0);
    assert_eq!(store.list_bin().await.unwrap().len(), 2);
    assert_eq!(store.purge_bin(NOW + 30.0 * DAY).await.unwrap(), 1);
    let bin = store.list_bin().await.unwrap();
    assert_eq!(bin.len(), 1);
    assert_eq!(bin[0].meta.id, "p-new");
    assert!(
        store.list_snapshots("p-old").await.unwrap().is_empty(),
        "snapshots purged too"
    );
    finish(store, db).await;
}

#[wasm_bindgen_test]
async fn snapshots_take_list_view_restore() {
    let (store, db) = fresh("snapshots").await;
    let first = document("p-a", "Alpha", 2);
    store.create(&first, NOW).await.unwrap();
    let snap = store
        .take_snapshot("p-a", "before workshop", SnapshotKind::Manual, NOW + 1.0)
        .await
        .unwrap();
    assert_eq!(snap.name, "before workshop");

    let second = document("p-a", "Alpha after", 5);
    let saved = store.save(&second, 1, NOW + 2.0).await.unwrap();
    assert_eq!(saved.revision, 2);

    let viewed = store.load_snapshot(snap.key).await.unwrap();
    assert_eq!(viewed.document.program.tasks.len(), 2);

    // A restore on a stale revision is refused and changes nothing.
    assert_eq!(
        store.restore_snapshot(snap.key, 1, NOW + 3.0).await,
        Err(StorageError::Conflict)
    );
    let restored = store
        .restore_snapshot(snap.key, 2, NOW + 3.0)
        .await
        .unwrap();
    assert_eq!(restored.meta.revision, 3);
    assert_same(&restored.document, &first);
    assert_same(&store.load("p-a").await.unwrap().document, &first);

    let list = store.list_snapshots("p-a").await.unwrap();
    let kinds: Vec<_> = list.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SnapshotKind::BeforeRestore, SnapshotKind::Manual]);
    let before = store.load_snapshot(list[0].key).await.unwrap();
    assert_same(&before.document, &second);
    finish(store, db).await;
}

#[wasm_bindgen_test]
async fn first_save_of_a_day_keeps_a_daily_snapshot() {
    let (store, db) = fresh("daily").await;
    let doc = document("p-a", "Alpha", 1);
    store.create(&doc, NOW).await.unwrap();
    store
        .save(&document("p-a", "Alpha", 2), 1, NOW + 60_000.0)
        .await
        .unwrap();
    assert!(
        store.list_snapshots("p-a").await.unwrap().is_empty(),
        "same day: none"
    );
    store
        .save(&document("p-a", "Alpha", 3), 2, NOW + DAY)
        .await
        .unwrap();
    store
        .save(&document("p-a", "Alpha", 4), 3, NOW + DAY + 1.0)
        .await
        .unwrap();
    let list = store.list_snapshots("p-a").await.unwrap();
    assert_eq!(list.len(), 1, "one per day");
    assert_eq!(list[0].kind, SnapshotKind::Daily);
    let daily = store.load_snapshot(list[0].key).await.unwrap();
    assert_eq!(
        daily.document.program.tasks.len(),
        2,
        "the version before the day's edits"
    );
    finish(store, db).await;
}

#[wasm_bindgen_test]
async fn two_handles_saving_on_the_same_revision_conflict() {
    let (tab_a, db) = fresh("conflict").await;
    let tab_b = Store::open(&db).await.unwrap();
    tab_a
        .create(&document("p-a", "Alpha", 1), NOW)
        .await
        .unwrap();
    let base = tab_b.load("p-a").await.unwrap().meta.revision;

    tab_a
        .save(&document("p-a", "From A", 1), base, NOW + 1.0)
        .await
        .unwrap();
    let result = tab_b
        .save(&document("p-a", "From B", 1), base, NOW + 2.0)
        .await;
    assert_eq!(result, Err(StorageError::Conflict));
    let stored = tab_b.load("p-a").await.unwrap();
    assert_eq!(
        stored.meta.name, "From A",
        "the conflicting save wrote nothing"
    );

    // "Keep mine": B replaces after keeping A's version as a snapshot.
    let replaced = tab_b
        .replace(
            &document("p-a", "From B", 1),
            SnapshotKind::BeforeReplace,
            NOW + 3.0,
        )
        .await
        .unwrap();
    assert_eq!(replaced.revision, stored.meta.revision + 1);
    let list = tab_b.list_snapshots("p-a").await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].kind, SnapshotKind::BeforeReplace);
    let kept = tab_b.load_snapshot(list[0].key).await.unwrap();
    assert_eq!(kept.document.program.program.name, "From A");
    tab_b.close();
    finish(tab_a, db).await;
}

#[wasm_bindgen_test]
async fn missing_programs_and_snapshots_are_not_found() {
    let (store, db) = fresh("corrupt").await;
    // Deleting a missing program is NotFound; loading a missing snapshot too.
    assert!(matches!(
        store.delete("p-x", NOW).await,
        Err(StorageError::NotFound(_))
    ));
    assert!(matches!(
        store.load_snapshot(12345.0).await,
        Err(StorageError::NotFound(_))
    ));
    finish(store, db).await;
}

#[wasm_bindgen_test]
async fn the_browsers_own_templates_are_kept_by_name() {
    let (store, name) = fresh("templates").await;
    assert!(store.templates().await.unwrap().is_empty());
    let ours = |text: &str| ("Our release".to_owned(), text.to_owned());
    store.put_templates(&[ours("{\"v\": 1}")]).await.unwrap();
    store
        .put_templates(&[ours("{\"v\": 2}"), ("another".to_owned(), "{}".to_owned())])
        .await
        .unwrap();
    // Sorted by name whatever the case; one of the same name replaced.
    let kept = store.templates().await.unwrap();
    assert_eq!(
        kept,
        vec![("another".to_owned(), "{}".to_owned()), ours("{\"v\": 2}")]
    );
    finish(store, name).await;
}
