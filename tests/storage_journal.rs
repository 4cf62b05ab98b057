//! In-browser tests of the journal (`pending`) and the stored undo history (the schema's
//! upgrades are in `storage_schema.rs`): each test opens a fresh, uniquely named database (two
//! [`Store`]s on one database are two tabs) and deletes it at the end.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p planwork-app --test storage_journal`.

use planwork_app::storage::{
    Edits, RECOVERED_NAME, Recovered, Recovery, SnapshotKind, StorageError, Store,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{NOW, document, fresh, task_names};

/// Another tab on the same database.
async fn other_tab(name: &str) -> Store {
    Store::open(name).await.expect("IndexedDB opens again")
}

async fn finish(stores: &[&Store], name: String) {
    for store in stores {
        store.close();
    }
    Store::delete_database(&name)
        .await
        .expect("test database deleted");
}

/// The one recovery in `recovered`.
fn only(recovered: Vec<Recovery>) -> Recovery {
    assert_eq!(recovered.len(), 1, "{recovered:?}");
    recovered.into_iter().next().unwrap()
}

fn edits(generation: u64, history: Option<&str>) -> Edits {
    Edits {
        generation,
        history: history.map(str::to_owned),
    }
}

#[wasm_bindgen_test]
async fn the_journal_is_written_at_once_and_read_back() {
    let (store, db) = fresh("journal-written").await;
    store.create(&document("p-a", &[]), NOW).await.unwrap();
    assert_eq!(store.journal("p-a").await.unwrap(), None);

    let typed = document("p-a", &["One", "Two"]);
    store
        .write_journal(&typed, 1, &edits(7, Some("[history]")), NOW + 1.0)
        .unwrap();
    let journal = store.journal("p-a").await.unwrap().expect("written");
    assert_eq!(task_names(&journal.document), ["One", "Two"]);
    assert_eq!(
        (journal.base_revision, journal.generation, journal.saved_ms),
        (1, 7, NOW + 1.0)
    );
    assert_eq!(journal.tab, store.tab());
    assert_eq!(journal.history.as_deref(), Some("[history]"));
    // Writing again replaces the entry.
    let more = document("p-a", &["One", "Two", "Three"]);
    store
        .write_journal(&more, 1, &edits(8, None), NOW + 2.0)
        .unwrap();
    let journal = store.journal("p-a").await.unwrap().unwrap();
    assert_eq!(journal.generation, 8);
    assert_eq!(task_names(&journal.document).len(), 3);
    finish(&[&store], db).await;
}

#[wasm_bindgen_test]
async fn a_journal_nobody_else_wrote_after_becomes_the_stored_program() {
    let (closed, db) = fresh("journal-recovered").await;
    closed.create(&document("p-a", &[]), NOW).await.unwrap();
    let typed = document("p-a", &["One", "Two"]);
    closed
        .write_journal(&typed, 1, &edits(2, Some("{\"steps\":2}")), NOW + 1.0)
        .unwrap();
    closed.close();

    // The browser starts again: a new page recovers it.
    let page = other_tab(&db).await;
    let recovered = page.recover_all(NOW + 5.0).await.unwrap();
    assert_eq!(recovered.len(), 1);
    assert_eq!(recovered[0].program_id, "p-a");
    assert_eq!(recovered[0].name, "Alpha");
    let Recovered::Saved(meta) = &recovered[0].outcome else {
        panic!(
            "expected the journal to be saved, got {:?}",
            recovered[0].outcome
        );
    };
    assert_eq!((meta.revision, meta.updated_ms), (2, NOW + 5.0));
    let loaded = page.load("p-a").await.unwrap();
    assert_eq!(task_names(&loaded.document), ["One", "Two"]);
    assert_eq!(loaded.meta.revision, 2);
    assert_eq!(loaded.history.as_deref(), Some("{\"steps\":2}"));
    assert_eq!(page.journal("p-a").await.unwrap(), None, "deleted");
    assert!(page.list_snapshots("p-a").await.unwrap().is_empty());
    assert_eq!(page.recover("p-a", NOW + 6.0).await.unwrap(), []);
    finish(&[&page], db).await;
}

#[wasm_bindgen_test]
async fn a_journal_is_recovered_when_only_its_own_tab_saved_since() {
    let (tab, db) = fresh("journal-own-saves").await;
    tab.create(&document("p-a", &[]), NOW).await.unwrap();
    // The tab's save of its first edits lands (revision 2), then its journal of later edits,
    // still based on revision 1 (the save was in flight when the page was hidden).
    tab.save_edits(&document("p-a", &["One"]), 1, &edits(1, None), NOW + 1.0)
        .await
        .unwrap();
    let later = document("p-a", &["One", "Two"]);
    tab.write_journal(&later, 1, &edits(2, None), NOW + 2.0)
        .unwrap();
    tab.close();

    let page = other_tab(&db).await;
    let recovery = only(page.recover("p-a", NOW + 3.0).await.unwrap());
    assert!(matches!(recovery.outcome, Recovered::Saved(ref m) if m.revision == 3));
    assert_eq!(
        task_names(&page.load("p-a").await.unwrap().document),
        ["One", "Two"]
    );
    finish(&[&page], db).await;
}

#[wasm_bindgen_test]
async fn a_journal_is_kept_as_a_snapshot_when_another_tab_wrote_since() {
    let (tab_a, db) = fresh("journal-snapshot").await;
    let tab_b = other_tab(&db).await;
    tab_a.create(&document("p-a", &[]), NOW).await.unwrap();
    // B saves; A, still on revision 1, is closed with its own edits in the journal.
    tab_b
        .save_edits(&document("p-a", &["From B"]), 1, &edits(1, None), NOW + 1.0)
        .await
        .unwrap();
    let mine = document("p-a", &["From A"]);
    tab_a
        .write_journal(&mine, 1, &edits(1, Some("{}")), NOW + 2.0)
        .unwrap();
    assert!(tab_a.journal("p-a").await.unwrap().is_some());

    let recovery = only(tab_b.recover("p-a", NOW + 3.0).await.unwrap());
    let Recovered::KeptAsSnapshot(snapshot) = &recovery.outcome else {
        panic!("expected a snapshot, got {:?}", recovery.outcome);
    };
    assert_eq!(snapshot.kind, SnapshotKind::Recovered);
    assert_eq!(snapshot.name, RECOVERED_NAME);
    assert_eq!(snapshot.kind.label(), "recovered");
    // Both versions are there: B's as the program, A's as the snapshot.
    let loaded = tab_b.load("p-a").await.unwrap();
    assert_eq!(
        (loaded.meta.revision, task_names(&loaded.document)),
        (2, vec!["From B"])
    );
    let kept = tab_b.load_snapshot(snapshot.key).await.unwrap();
    assert_eq!(task_names(&kept.document), ["From A"]);
    assert_eq!(tab_b.list_snapshots("p-a").await.unwrap().len(), 1);
    assert_eq!(tab_b.journal("p-a").await.unwrap(), None);
    finish(&[&tab_a, &tab_b], db).await;
}

#[wasm_bindgen_test]
async fn a_journal_of_a_deleted_program_is_kept_as_its_snapshot() {
    let (tab_a, db) = fresh("journal-deleted").await;
    tab_a.create(&document("p-a", &[]), NOW).await.unwrap();
    tab_a
        .write_journal(&document("p-a", &["Late"]), 1, &edits(1, None), NOW + 1.0)
        .unwrap();
    tab_a.delete("p-a", NOW + 2.0).await.unwrap();
    let recovery = only(tab_a.recover("p-a", NOW + 3.0).await.unwrap());
    assert!(matches!(recovery.outcome, Recovered::KeptAsSnapshot(_)));
    // It comes back with the program from the bin.
    tab_a.restore("p-a", "p-fresh", NOW + 4.0).await.unwrap();
    let list = tab_a.list_snapshots("p-a").await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].kind, SnapshotKind::Recovered);
    finish(&[&tab_a], db).await;
}

#[wasm_bindgen_test]
async fn a_save_at_least_as_new_deletes_the_tabs_journal_and_an_older_one_does_not() {
    let (tab, db) = fresh("journal-newer-save").await;
    tab.create(&document("p-a", &[]), NOW).await.unwrap();
    let typed = document("p-a", &["One", "Two"]);
    tab.write_journal(&typed, 1, &edits(5, None), NOW + 1.0)
        .unwrap();
    // A save of generation 4 (in flight when the journal was written) leaves it.
    tab.save_edits(&document("p-a", &["One"]), 1, &edits(4, None), NOW + 2.0)
        .await
        .unwrap();
    assert!(tab.journal("p-a").await.unwrap().is_some(), "still newer");
    // Generation 5 (the same edits) deletes it in the same transaction.
    tab.save_edits(&typed, 2, &edits(5, None), NOW + 3.0)
        .await
        .unwrap();
    assert_eq!(tab.journal("p-a").await.unwrap(), None);

    // Another tab's journal stays after this tab's saves, unless it holds the same text.
    let other = other_tab(&db).await;
    other
        .write_journal(
            &document("p-a", &["Elsewhere"]),
            3,
            &edits(9, None),
            NOW + 4.0,
        )
        .unwrap();
    let same = document("p-a", &["One", "Two", "Three"]);
    tab.save_edits(&same, 3, &edits(6, None), NOW + 5.0)
        .await
        .unwrap();
    assert!(
        tab.journal("p-a").await.unwrap().is_some(),
        "not this tab's"
    );
    other
        .write_journal(&same, 3, &edits(10, None), NOW + 6.0)
        .unwrap();
    tab.save_edits(&same, 4, &edits(7, None), NOW + 7.0)
        .await
        .unwrap();
    assert_eq!(tab.journal("p-a").await.unwrap(), None, "the same text");
    finish(&[&tab, &other], db).await;
}

#[wasm_bindgen_test]
async fn a_journal_with_the_stored_text_is_just_deleted() {
    let (tab_a, db) = fresh("journal-same-text").await;
    let tab_b = other_tab(&db).await;
    tab_a.create(&document("p-a", &[]), NOW).await.unwrap();
    let both = document("p-a", &["Same"]);
    tab_b
        .save_edits(&both, 1, &edits(1, None), NOW + 1.0)
        .await
        .unwrap();
    tab_a
        .write_journal(&both, 1, &edits(3, None), NOW + 2.0)
        .unwrap();
    let recovery = only(tab_b.recover("p-a", NOW + 3.0).await.unwrap());
    assert_eq!(recovery.outcome, Recovered::AlreadyStored);
    assert_eq!(
        tab_b.load("p-a").await.unwrap().meta.revision,
        2,
        "no new revision"
    );
    assert!(
        tab_b.list_snapshots("p-a").await.unwrap().is_empty(),
        "no snapshot"
    );
    assert_eq!(tab_b.journal("p-a").await.unwrap(), None);
    finish(&[&tab_a, &tab_b], db).await;
}

#[wasm_bindgen_test]
async fn a_tab_whose_journal_was_recovered_for_it_saves_on_and_others_still_conflict() {
    let (tab_a, db) = fresh("journal-on-behalf").await;
    let tab_b = other_tab(&db).await;
    tab_a.create(&document("p-a", &[]), NOW).await.unwrap();
    // A is hidden (journal), B opens the program first and recovers it on A's behalf.
    tab_a
        .write_journal(&document("p-a", &["One"]), 1, &edits(1, None), NOW + 1.0)
        .unwrap();
    let recovery = only(tab_b.recover("p-a", NOW + 2.0).await.unwrap());
    assert!(matches!(recovery.outcome, Recovered::Saved(ref m) if m.revision == 2));
    // A's own save, still based on revision 1, is not a conflict: only A wrote since.
    let saved = tab_a
        .save_edits(
            &document("p-a", &["One", "Two"]),
            1,
            &edits(2, None),
            NOW + 3.0,
        )
        .await
        .unwrap();
    assert_eq!(saved.revision, 3);
    // Any other writer on an old revision is refused, as before.
    assert_eq!(
        tab_b
            .save_edits(&document("p-a", &["B"]), 2, &edits(1, None), NOW + 4.0)
            .await,
        Err(StorageError::Conflict)
    );
    assert_eq!(
        tab_a.save(&document("p-a", &["plain"]), 1, NOW + 4.0).await,
        Err(StorageError::Conflict),
        "a save that is not the editor's"
    );
    finish(&[&tab_a, &tab_b], db).await;
}

#[wasm_bindgen_test]
async fn the_history_is_stored_with_its_revision_and_only_read_at_it() {
    let (tab, db) = fresh("history").await;
    tab.create(&document("p-a", &[]), NOW).await.unwrap();
    assert_eq!(tab.load("p-a").await.unwrap().history, None);
    tab.save_edits(
        &document("p-a", &["One"]),
        1,
        &edits(1, Some("H2")),
        NOW + 1.0,
    )
    .await
    .unwrap();
    assert_eq!(
        tab.load("p-a").await.unwrap().history.as_deref(),
        Some("H2")
    );
    tab.save_edits(
        &document("p-a", &["One", "Two"]),
        2,
        &edits(2, Some("H3")),
        NOW + 2.0,
    )
    .await
    .unwrap();
    assert_eq!(
        tab.load("p-a").await.unwrap().history.as_deref(),
        Some("H3")
    );

    // A snapshot restored: a new revision without a history; the old one is not read.
    let snap = tab
        .take_snapshot("p-a", "two", SnapshotKind::Manual, NOW + 3.0)
        .await
        .unwrap();
    tab.restore_snapshot(snap.key, 3, NOW + 4.0).await.unwrap();
    let loaded = tab.load("p-a").await.unwrap();
    assert_eq!((loaded.meta.revision, loaded.history), (4, None));

    // A save that is not the editor's (a rename) drops it too.
    tab.save_edits(
        &document("p-a", &["One"]),
        4,
        &edits(3, Some("H5")),
        NOW + 5.0,
    )
    .await
    .unwrap();
    tab.rename("p-a", "Beta", NOW + 6.0).await.unwrap();
    assert_eq!(tab.load("p-a").await.unwrap().history, None);
    finish(&[&tab], db).await;
}

#[wasm_bindgen_test]
async fn a_history_made_by_the_editor_round_trips_through_storage() {
    use document::history::DocHistory;
    let (tab, db) = fresh("history-doc").await;
    let mut doc = document("p-a", &["One"]);
    tab.create(&doc, NOW).await.unwrap();
    let mut history = DocHistory::default();
    let mut task = doc.program.tasks[0].clone();
    task.name = "Renamed".into();
    history
        .edit(
            &mut doc,
            vec![engine::edit::Edit::ReplaceTask { index: 0, task }],
        )
        .unwrap();
    let json = history.to_json();
    tab.save_edits(&doc, 1, &edits(1, json.as_deref()), NOW + 1.0)
        .await
        .unwrap();

    let loaded = tab.load("p-a").await.unwrap();
    let mut restored = DocHistory::from_json(loaded.history.as_deref().unwrap()).unwrap();
    let mut shown = loaded.document;
    assert!(restored.undo(&mut shown));
    assert_eq!(task_names(&shown), ["One"]);
    assert!(restored.redo(&mut shown));
    assert_eq!(task_names(&shown), ["Renamed"]);
    finish(&[&tab], db).await;
}
