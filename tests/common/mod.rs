//! Helpers shared by the storage tests (`storage_faults.rs`, `storage_schema.rs`,
//! `storage_journal.rs`): a fresh, uniquely named database, and small programs and edits to
//! store in it.
// Each test file is a crate of its own and uses some of these.
#![allow(dead_code)]

use engine::{Program, ProgramInfo, Task, Workstream};
use planfile::Document;
use planwork_app::storage::{Edits, Store};

/// 2026-11-21T10:00:00Z.
pub const NOW: f64 = 1_795_255_200_000.0;

/// A database name no other test (or earlier run) uses.
pub fn unique(test: &str) -> String {
    format!("planwork-test-{test}-{}", js_sys::Math::random())
}

/// A store on a new database, and the database's name.
pub async fn fresh(test: &str) -> (Store, String) {
    let name = unique(test);
    let store = Store::open(&name).await.expect("IndexedDB opens");
    (store, name)
}

/// Program `id`, named Alpha, with one workstream and a one-day task per name in `tasks`.
pub fn document(id: &str, tasks: &[&str]) -> Document {
    let mut program = Program {
        program: ProgramInfo {
            name: "Alpha".into(),
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
    for (i, name) in tasks.iter().enumerate() {
        program.tasks.push(Task {
            id: format!("t{i}"),
            name: (*name).into(),
            workstream: "general".into(),
            duration: 1,
            ..Task::default()
        });
    }
    let mut document = Document::new(program);
    document.id = Some(id.into());
    document
}

pub fn edits(generation: u64) -> Edits {
    Edits {
        generation,
        history: None,
    }
}

pub fn task_names(document: &Document) -> Vec<&str> {
    document
        .program
        .tasks
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}
