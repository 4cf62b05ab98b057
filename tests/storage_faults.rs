//! In-browser tests of storage under faults (issue 16): a page that dies with edits not yet
//! stored (its note in `unsaved`, reported as lost, or not when its journal or a save holds
//! them); a program grown past what Planwork reads back, never stored; and the journal
//! written as a page goes, setting aside its save in flight. The schema's versions (earlier
//! ones upgraded, a newer one refused, a newer Planwork taking over) are in
//! `storage_schema.rs`. Each test uses a fresh, uniquely named database (two [`Store`]s on
//! one database are two pages).
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p planwork-app --test storage_faults`.

mod common;

use std::rc::Rc;

use common::{NOW, document, edits, fresh, task_names};
use planwork_app::storage::{Lost, Recovered, Recovery, StorageError, Store};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn other_page(name: &str) -> Store {
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

/// The losses in `recovered`.
fn losses(recovered: &[Recovery]) -> Vec<&Lost> {
    recovered
        .iter()
        .filter_map(|r| match &r.outcome {
            Recovered::Lost(lost) => Some(lost),
            _ => None,
        })
        .collect()
}

// ---- A page that dies with edits not stored ----

#[wasm_bindgen_test]
async fn edits_a_dead_page_never_stored_are_reported_lost_with_the_program_untouched() {
    let (dead, db) = fresh("unsaved-lost").await;
    dead.create(&document("p-a", &["Stored"]), NOW)
        .await
        .unwrap();
    // An edit is made (noted at once); the browser dies before its save.
    dead.note_unsaved("p-a", "Alpha", 1, 1, NOW + 10.0).unwrap();
    assert_eq!(dead.unsaved_note().await.unwrap(), Some(("p-a".into(), 1)));
    dead.close();

    let page = other_page(&db).await;
    let recovered = page.recover_all(NOW + 20.0).await.unwrap();
    assert_eq!(recovered.len(), 1, "{recovered:?}");
    assert_eq!(
        (recovered[0].program_id.as_str(), recovered[0].name.as_str()),
        ("p-a", "Alpha")
    );
    assert_eq!(
        recovered[0].outcome,
        Recovered::Lost(Lost {
            edited_ms: NOW + 10.0,
            saved_ms: Some(NOW)
        })
    );
    // The program is as last saved; the note is gone (said once).
    let loaded = page.load("p-a").await.unwrap();
    assert_eq!(
        (loaded.meta.revision, task_names(&loaded.document)),
        (1, vec!["Stored"])
    );
    assert_eq!(page.recover_all(NOW + 30.0).await.unwrap(), []);
    finish(&[&page], db).await;
}

#[wasm_bindgen_test]
async fn a_note_of_a_page_still_open_is_left_alone() {
    let (alive, db) = fresh("unsaved-alive").await;
    alive
        .create(&document("p-a", &["Stored"]), NOW)
        .await
        .unwrap();
    alive.note_unsaved("p-a", "Alpha", 1, 1, NOW + 1.0).unwrap();
    let page = other_page(&db).await;
    // The other page is still at work: its edits are on their way, not lost.
    assert_eq!(page.recover_all(NOW + 2.0).await.unwrap(), []);
    assert_eq!(page.recover("p-a", NOW + 2.0).await.unwrap(), []);
    assert!(alive.unsaved_note().await.unwrap().is_some());
    // Its own page's recovery leaves it too.
    assert_eq!(alive.recover("p-a", NOW + 3.0).await.unwrap(), []);
    assert!(alive.unsaved_note().await.unwrap().is_some());
    finish(&[&alive, &page], db).await;
}

#[wasm_bindgen_test]
async fn the_save_that_stores_the_noted_edits_deletes_the_note_and_an_older_one_does_not() {
    let (page, db) = fresh("unsaved-saved").await;
    page.create(&document("p-a", &[]), NOW).await.unwrap();
    page.note_unsaved("p-a", "Alpha", 1, 5, NOW + 1.0).unwrap();
    // A save of generation 4 (taken before the noted edit) leaves the note.
    page.save_edits(&document("p-a", &["One"]), 1, &edits(4), NOW + 2.0)
        .await
        .unwrap();
    assert_eq!(page.unsaved_note().await.unwrap(), Some(("p-a".into(), 5)));
    // Another program's save leaves it too.
    page.create(&document("p-b", &[]), NOW).await.unwrap();
    page.save_edits(&document("p-b", &["B"]), 1, &edits(9), NOW + 3.0)
        .await
        .unwrap();
    assert!(page.unsaved_note().await.unwrap().is_some());
    // Generation 5 stores the noted edits: the note goes in the same transaction.
    page.save_edits(&document("p-a", &["One", "Two"]), 2, &edits(5), NOW + 4.0)
        .await
        .unwrap();
    assert_eq!(page.unsaved_note().await.unwrap(), None);
    // A note set aside by the user goes too.
    page.note_unsaved("p-a", "Alpha", 3, 6, NOW + 5.0).unwrap();
    page.clear_unsaved().unwrap();
    assert_eq!(page.unsaved_note().await.unwrap(), None);
    page.close();
    let next = other_page(&db).await;
    assert_eq!(next.recover_all(NOW + 6.0).await.unwrap(), []);
    finish(&[&next], db).await;
}

#[wasm_bindgen_test]
async fn a_journal_holding_the_noted_edits_recovers_them_and_later_edits_are_reported_lost() {
    // Noted at generation 1, then the page was hidden (journal at generation 2): the journal
    // holds the edits, nothing is lost.
    let (page, db) = fresh("unsaved-journal").await;
    page.create(&document("p-a", &[]), NOW).await.unwrap();
    page.note_unsaved("p-a", "Alpha", 1, 1, NOW + 1.0).unwrap();
    page.write_journal(&document("p-a", &["One", "Two"]), 1, &edits(2), NOW + 2.0)
        .unwrap();
    page.close();
    let next = other_page(&db).await;
    let recovered = next.recover_all(NOW + 3.0).await.unwrap();
    assert!(losses(&recovered).is_empty(), "{recovered:?}");
    assert!(matches!(
        recovered[..],
        [Recovery {
            outcome: Recovered::Saved(_),
            ..
        }]
    ));
    assert_eq!(
        task_names(&next.load("p-a").await.unwrap().document),
        ["One", "Two"]
    );

    // Journal at generation 2, then more edits noted at generation 3: those are lost, and
    // said so, beside the journal's recovery.
    next.write_journal(
        &document("p-a", &["One", "Two", "Three"]),
        2,
        &edits(2),
        NOW + 4.0,
    )
    .unwrap();
    next.note_unsaved("p-a", "Alpha", 2, 3, NOW + 5.0).unwrap();
    next.close();
    let last = other_page(&db).await;
    let recovered = last.recover("p-a", NOW + 6.0).await.unwrap();
    assert_eq!(losses(&recovered).len(), 1, "{recovered:?}");
    assert_eq!(losses(&recovered)[0].edited_ms, NOW + 5.0);
    assert!(
        recovered
            .iter()
            .any(|r| matches!(r.outcome, Recovered::Saved(_)))
    );
    assert_eq!(
        task_names(&last.load("p-a").await.unwrap().document),
        ["One", "Two", "Three"]
    );
    finish(&[&last], db).await;
}

#[wasm_bindgen_test]
async fn a_note_of_a_deleted_program_says_so() {
    let (dead, db) = fresh("unsaved-deleted").await;
    dead.create(&document("p-a", &[]), NOW).await.unwrap();
    dead.note_unsaved("p-a", "Alpha", 1, 1, NOW + 1.0).unwrap();
    dead.close();
    let page = other_page(&db).await;
    page.delete("p-a", NOW + 2.0).await.unwrap();
    let recovered = page.recover_all(NOW + 3.0).await.unwrap();
    assert_eq!(losses(&recovered)[0].saved_ms, None);
    finish(&[&page], db).await;
}

// ---- Never storing what cannot be read back ----

#[wasm_bindgen_test]
async fn a_program_grown_past_the_read_limit_is_refused_and_the_stored_one_kept() {
    let (store, name) = fresh("too-large").await;
    let small = document("p-big", &["Small"]);
    let meta = store.create(&small, NOW).await.unwrap();
    // One edit makes a task name that takes the file past what Planwork reads back.
    let huge = "x".repeat(planfile::MAX_FILE_BYTES);
    let grown = document("p-big", &[huge.as_str()]);
    let error = store
        .save_edits(&grown, meta.revision, &edits(1), NOW + 1.0)
        .await
        .expect_err("refused");
    assert!(matches!(error, StorageError::TooLarge(bytes) if bytes > planfile::MAX_FILE_BYTES));
    let message = error.to_string();
    assert!(message.contains("more than the 50 MB"), "{message}");
    assert!(message.contains("not saved"), "{message}");
    assert!(!error.may_pass(), "not tried again by itself");
    // Nor as a journal entry or a new program.
    assert!(matches!(
        store.write_journal(&grown, meta.revision, &edits(1), NOW + 2.0),
        Err(StorageError::TooLarge(_))
    ));
    let mut copy = grown.clone();
    copy.id = Some("p-big-copy".into());
    assert!(matches!(
        store.create(&copy, NOW + 3.0).await,
        Err(StorageError::TooLarge(_))
    ));
    // What is stored still opens, as it was.
    let loaded = store.load("p-big").await.unwrap();
    assert_eq!(loaded.meta.revision, meta.revision);
    assert_eq!(task_names(&loaded.document), ["Small"]);
    assert!(store.journal("p-big").await.unwrap().is_none());
    finish(&[&store], name).await;
}

// ---- The journal written as the page goes ----

/// Waits `ms` milliseconds (the event loop turns meanwhile).
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_journal_written_as_a_page_goes_sets_aside_its_save_in_flight() {
    let (store, db) = fresh("set-aside").await;
    let meta = store
        .create(&document("p-s", &["Stored"]), NOW)
        .await
        .unwrap();
    let edited = document("p-s", &["Stored", "Typed"]);
    // The editor's save starts (its transaction open, its first request issued) …
    let outcome = Rc::new(std::cell::RefCell::new(None));
    wasm_bindgen_futures::spawn_local({
        let (store, edited, outcome) = (store.clone(), edited.clone(), Rc::clone(&outcome));
        async move {
            let saved = store
                .save_edits(&edited, meta.revision, &edits(1), NOW + 1.0)
                .await;
            *outcome.borrow_mut() = Some(saved);
        }
    });
    JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
        .await
        .unwrap();
    // … and the page goes: the journal entry, synchronously. Before, it waited behind the
    // save (both write `pending`), which a page that is gone never finishes.
    store
        .write_journal(&edited, meta.revision, &edits(1), NOW + 2.0)
        .unwrap();
    for _ in 0..200 {
        if outcome.borrow().is_some() {
            break;
        }
        pause(10).await;
    }
    let saved = outcome.borrow_mut().take().expect("the save ended");
    assert_eq!(saved, Err(StorageError::SetAside));
    // The journal holds the edits; nothing else changed; recovery stores them.
    let journal = store.journal("p-s").await.unwrap().expect("journaled");
    assert_eq!(task_names(&journal.document), ["Stored", "Typed"]);
    assert_eq!(
        store.load("p-s").await.unwrap().meta.revision,
        meta.revision
    );
    let page = other_page(&db).await;
    let recovered = page.recover_all(NOW + 3.0).await.unwrap();
    assert!(
        matches!(recovered.as_slice(), [r] if matches!(r.outcome, Recovered::Saved(_))),
        "{recovered:?}"
    );
    let loaded = page.load("p-s").await.unwrap();
    assert_eq!(task_names(&loaded.document), ["Stored", "Typed"]);
    finish(&[&store, &page], db).await;
}
