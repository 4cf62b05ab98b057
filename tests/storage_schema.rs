//! In-browser tests of storage across schema versions (issue 16): databases written by every
//! earlier schema version, built store by store with programs in every earlier file-format
//! version, opened and upgraded without loss; a database of a newer version refused
//! untouched; and a page giving way to a newer Planwork that upgrades the database while it
//! is open. Each test uses a fresh, uniquely named database (two [`Store`]s on one database
//! are two pages).
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p planwork-app --test storage_schema`.

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::{NOW, document, edits, fresh, task_names, unique};
use planfile::Document;
use planwork_app::storage::{DB_VERSION, Recovered, Recovery, StorageError, Store};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// ---- Databases written by earlier schema versions ----

#[wasm_bindgen(inline_js = r#"
// Builds database `name` at schema `version` as an earlier Planwork left it: `stores` is a
// JSON list of {name, keyPath, autoIncrement?, index?: [name, path], records: [...]}, each
// created in the upgrade, then filled in one transaction.
export function makeDatabase(name, version, stores) {
  stores = JSON.parse(stores);
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, version);
    open.onupgradeneeded = () => {
      for (const s of stores) {
        const store = open.result.createObjectStore(s.name,
          { keyPath: s.keyPath, autoIncrement: !!s.autoIncrement });
        if (s.index) store.createIndex(s.index[0], s.index[1]);
      }
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(stores.map((s) => s.name), 'readwrite');
      for (const s of stores) for (const r of s.records) tx.objectStore(s.name).add(r);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
}

// Every record of every store of database `name`, and its version, as JSON (opened at
// whatever version it has).
export function dumpDatabase(name) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const dump = { version: db.version, stores: {} };
      if (names.length === 0) { db.close(); resolve(JSON.stringify(dump)); return; }
      const tx = db.transaction(names, 'readonly');
      for (const n of names) {
        tx.objectStore(n).getAll().onsuccess = (e) => { dump.stores[n] = e.target.result; };
      }
      tx.oncomplete = () => { db.close(); resolve(JSON.stringify(dump)); };
      tx.onerror = () => reject(tx.error);
    };
  });
}

// Opens database `name` at `version` as a newer Planwork would (adding a store), and closes
// it; resolves to "blocked" if another connection did not give way.
export function upgradeAsNewerPlanwork(name, version) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, version);
    let blocked = false;
    open.onblocked = () => { blocked = true; };
    open.onupgradeneeded = () => open.result.createObjectStore('from-the-future');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => { open.result.close(); resolve(blocked ? 'blocked' : 'upgraded'); };
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = makeDatabase)]
    fn make_database(name: &str, version: u32, stores: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = dumpDatabase)]
    fn dump_database(name: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = upgradeAsNewerPlanwork)]
    fn upgrade_as_newer_planwork(name: &str, version: u32) -> js_sys::Promise;
}

/// The program files of every earlier file-format version (`tests/files/`): (program id,
/// text).
fn fixtures() -> Vec<(&'static str, &'static str)> {
    vec![
        ("p-v0", include_str!("files/v0/launch.json")),
        ("p-v1", include_str!("files/v1/scenarios.planwork.json")),
        (
            "p-v2",
            include_str!("files/v2/colours-and-rules.planwork.json"),
        ),
    ]
}

/// The program as the app reads a file's text (its id set).
fn read_as(id: &str, text: &str) -> Document {
    let mut document = planfile::read(text).expect("the fixture reads");
    document.id = Some(id.into());
    document
}

/// The stores of schema `version` (1 to 3), holding the fixtures as programs, one of them
/// in the bin, a snapshot of each; version 3 adds a journal entry and an undo history.
fn earlier_schema(version: u32) -> String {
    let mut programs = Vec::new();
    let mut texts = Vec::new();
    let mut snapshots = Vec::new();
    for (i, (id, text)) in fixtures().into_iter().enumerate() {
        let mut record = serde_json::json!({
            "id": id, "name": format!("Program {i}"), "updated_ms": 1000 + i,
            "revision": 4 + i, "size_bytes": text.len(), "daily_day": 20000,
        });
        if version == 1 {
            record["text"] = text.into();
        } else {
            texts.push(serde_json::json!({ "id": id, "text": text }));
        }
        programs.push(record);
        snapshots.push(serde_json::json!({
            "program_id": id, "name": format!("kept {i}"), "kind": "manual",
            "created_ms": 900 + i, "text": text,
        }));
    }
    let (_, gone) = fixtures()[0];
    let bin = vec![serde_json::json!({
        "id": "p-gone", "name": "Gone", "updated_ms": 800, "revision": 2,
        "size_bytes": gone.len(), "daily_day": 20000, "text": gone, "deleted_ms": NOW - 1000.0,
    })];
    let keyed = |name: &str, records: Vec<serde_json::Value>| serde_json::json!({ "name": name, "keyPath": "id", "records": records });
    let mut stores = vec![
        keyed("programs", programs),
        keyed("bin", bin),
        serde_json::json!({
            "name": "snapshots", "keyPath": "key", "autoIncrement": true,
            "index": ["program_id", "program_id"], "records": snapshots,
        }),
    ];
    if version >= 2 {
        stores.push(keyed("texts", texts));
    }
    if version >= 3 {
        let (id, _) = fixtures()[2];
        let journal = planfile::write(&document(id, &["Typed before the upgrade"]));
        stores.push(keyed(
            "pending",
            vec![serde_json::json!({
                "id": id, "text": journal, "base_revision": 6, "generation": 3,
                "tab": "tab-gone", "saved_ms": 1200,
            })],
        ));
        stores.push(keyed(
            "history",
            vec![serde_json::json!({ "id": fixtures()[1].0, "revision": 5, "json": "H" })],
        ));
    }
    serde_json::Value::Array(stores).to_string()
}

async fn dump(name: &str) -> serde_json::Value {
    let text = JsFuture::from(dump_database(name)).await.expect("dumped");
    serde_json::from_str(&text.as_string().unwrap()).unwrap()
}

async fn upgrade_from(version: u32) {
    let name = unique(&format!("schema-{version}"));
    JsFuture::from(make_database(&name, version, &earlier_schema(version)))
        .await
        .expect("the earlier database is made");
    let store = Store::open(&name).await.expect("opens and upgrades");
    // As the app does at start-up: version 3's journal entry (of a page gone) is recovered.
    let recovered = store.recover_all(NOW).await.unwrap();
    if version >= 3 {
        assert!(
            matches!(&recovered[..], [Recovery { outcome: Recovered::Saved(m), .. }] if m.revision == 7),
            "{recovered:?}"
        );
        assert_eq!(
            store.load("p-v1").await.unwrap().history.as_deref(),
            Some("H")
        );
    } else {
        assert_eq!(recovered, []);
    }

    // Every program, with its revision and its text read as the file reads, its snapshot,
    // and a save in the current format.
    let list = store.list().await.unwrap();
    assert_eq!(list.len(), 3, "version {version}: {list:?}");
    for (i, (id, text)) in fixtures().into_iter().enumerate() {
        let loaded = store
            .load(id)
            .await
            .unwrap_or_else(|e| panic!("version {version}: {id} loads: {e}"));
        if version >= 3 && id == "p-v2" {
            // The journal's program, with the name it gives.
            assert_eq!(
                (loaded.meta.revision, loaded.meta.name.as_str()),
                (7, "Alpha")
            );
            assert_eq!(task_names(&loaded.document), ["Typed before the upgrade"]);
        } else {
            assert_eq!(loaded.meta.name, format!("Program {i}"));
            assert_eq!(loaded.meta.revision, 4 + i as u64);
            assert_eq!(
                planfile::write(&loaded.document),
                planfile::write(&read_as(id, text)),
                "version {version}: {id}"
            );
        }
        let snapshots = store.list_snapshots(id).await.unwrap();
        let kept = snapshots
            .iter()
            .find(|s| s.name == format!("kept {i}"))
            .unwrap_or_else(|| panic!("version {version}: {id}'s snapshot in {snapshots:?}"));
        let snapshot = store.load_snapshot(kept.key).await.unwrap();
        assert_eq!(
            planfile::write(&snapshot.document),
            planfile::write(&read_as(id, text))
        );
        let saved = store
            .save_edits(&loaded.document, loaded.meta.revision, &edits(1), NOW)
            .await
            .unwrap_or_else(|e| panic!("version {version}: {id} saves: {e}"));
        assert_eq!(saved.revision, loaded.meta.revision + 1);
    }
    let bin = store.list_bin().await.unwrap();
    assert_eq!(bin.len(), 1);
    assert_eq!(bin[0].meta.name, "Gone");
    store.restore("p-gone", "p-back", NOW).await.unwrap();
    let back = store.load("p-gone").await.unwrap();
    assert_eq!(
        planfile::write(&back.document),
        planfile::write(&read_as("p-gone", fixtures()[0].1))
    );
    // The newest store works on the upgraded database.
    store.note_unsaved("p-v0", "Program 0", 5, 2, NOW).unwrap();
    assert!(store.unsaved_note().await.unwrap().is_some());
    store.close();
    let dumped = dump(&name).await;
    assert_eq!(dumped["version"], DB_VERSION);
    // No program record keeps its text (version 1's moved into `texts`).
    for record in dumped["stores"]["programs"].as_array().unwrap() {
        assert!(record.get("text").is_none(), "{record}");
    }
    Store::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_schema_version_1_database_opens_and_upgrades_without_loss() {
    upgrade_from(1).await;
}

#[wasm_bindgen_test]
async fn a_schema_version_2_database_opens_and_upgrades_without_loss() {
    upgrade_from(2).await;
}

#[wasm_bindgen_test]
async fn a_schema_version_3_database_opens_and_upgrades_without_loss() {
    upgrade_from(3).await;
}

// ---- A database of a newer version ----

#[wasm_bindgen_test]
async fn a_database_of_a_newer_version_is_refused_and_left_as_it_was() {
    let name = unique("newer");
    let newer = serde_json::json!([
        { "name": "programs", "keyPath": "id", "records": [{ "id": "p-future", "shape": "new" }] },
        { "name": "from-the-future", "keyPath": "id", "records": [{ "id": "x" }] },
    ]);
    JsFuture::from(make_database(&name, DB_VERSION + 1, &newer.to_string()))
        .await
        .unwrap();
    let before = dump(&name).await;
    let error = Store::open(&name).await.expect_err("refused");
    assert_eq!(error, StorageError::NewerVersion);
    let message = error.to_string();
    assert!(
        message.contains("written by a newer version of Planwork"),
        "{message}"
    );
    assert!(message.contains("Nothing was changed"), "{message}");
    assert_eq!(dump(&name).await, before, "untouched");
    Store::delete_database(&name).await.unwrap();
}

// ---- A newer Planwork upgrading the database while a page has it open ----

#[wasm_bindgen_test]
async fn a_page_gives_way_to_a_newer_planwork_after_its_last_synchronous_write() {
    let (page, db) = fresh("superseded").await;
    page.create(&document("p-a", &["Stored"]), NOW)
        .await
        .unwrap();
    // The page's hook journals what its editor holds, as the editor does.
    let ran = Rc::new(Cell::new(false));
    page.on_superseded({
        let page = page.clone();
        let ran = Rc::clone(&ran);
        move || {
            let unsaved = document("p-a", &["Stored", "Typed"]);
            ran.set(
                page.write_journal(&unsaved, 1, &edits(4), NOW + 1.0)
                    .is_ok(),
            );
        }
    });
    let outcome = JsFuture::from(upgrade_as_newer_planwork(&db, DB_VERSION + 1))
        .await
        .unwrap();
    assert_eq!(
        outcome.as_string().as_deref(),
        Some("upgraded"),
        "not blocked"
    );
    assert!(ran.get(), "the journal was written before the page let go");

    // This page says plainly why it cannot go on.
    assert_eq!(page.list().await, Err(StorageError::Superseded));
    assert_eq!(
        page.save_edits(&document("p-a", &["Later"]), 1, &edits(5), NOW + 2.0)
            .await,
        Err(StorageError::Superseded)
    );
    assert_eq!(
        page.write_journal(&document("p-a", &["Later"]), 1, &edits(5), NOW + 2.0),
        Err(StorageError::Superseded)
    );
    assert_eq!(
        page.note_unsaved("p-a", "Alpha", 1, 5, NOW + 2.0),
        Err(StorageError::Superseded)
    );
    assert!(
        StorageError::Superseded
            .to_string()
            .contains("newer version of Planwork")
    );
    // The newer database has everything: the program as stored, the journal for it.
    let dumped = dump(&db).await;
    assert_eq!(dumped["version"], DB_VERSION + 1);
    assert_eq!(dumped["stores"]["programs"][0]["revision"], 1);
    let journal = dumped["stores"]["pending"][0]["text"].as_str().unwrap();
    assert_eq!(
        task_names(&planfile::read(journal).unwrap()),
        ["Stored", "Typed"]
    );
    page.close();
    Store::delete_database(&db).await.unwrap();
}
