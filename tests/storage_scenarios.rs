//! In-browser round trip of a program's scenarios and baselines through IndexedDB
//! ([`planwork_app::storage`]), and through a snapshot: nothing lost, nothing reordered.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p planwork-app --test storage_scenarios`.

use chrono::NaiveDate;
use engine::baseline::capture;
use engine::scenario::{Change, Scenario};
use engine::{
    Constraint, ConstraintKind, Dependency, LinkType, Program, ProgramInfo, Task, Workstream,
};
use planfile::Document;
use planwork_app::storage::{SnapshotKind, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 2026-11-21T10:00:00Z.
const NOW: f64 = 1_795_255_200_000.0;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A program of three tasks with two scenarios (every kind of change) and two baselines.
fn document() -> Document {
    let mut program = Program {
        program: ProgramInfo {
            name: "Scenarios & baselines".into(),
            start: date("2026-01-05"),
            ..ProgramInfo::default()
        },
        ..Program::default()
    };
    program.workstreams.push(Workstream {
        id: "iam".into(),
        name: "Identity".into(),
        calendar: None,
        color: None,
    });
    for (id, days) in [("a", 5), ("b", 3), ("m", 0)] {
        program.tasks.push(Task {
            id: id.into(),
            name: format!("Task {id}"),
            workstream: "iam".into(),
            duration: days,
            ..Task::default()
        });
    }
    let link = |from: &str, to: &str| Dependency {
        from: from.into(),
        to: to.into(),
        kind: LinkType::FS,
        lag: 0,
    };
    program.dependencies = vec![link("a", "b"), link("b", "m")];
    let schedule = engine::schedule(&program).unwrap();
    let mut doc = Document::new(program.clone());
    doc.id = Some("p-scen".into());
    doc.scenarios = vec![
        Scenario {
            id: "s1".into(),
            name: "Identity 3 weeks late".into(),
            description: "What if the \"SSO\" vendor is <late>?".into(),
            changes: vec![
                Change::Slip {
                    task: "a".into(),
                    days: 15,
                },
                Change::Estimate {
                    task: "b".into(),
                    days: 4,
                },
                Change::SetConstraint {
                    task: "b".into(),
                    constraint: Some(Constraint {
                        kind: ConstraintKind::SNET,
                        date: Some(date("2026-02-02")),
                    }),
                },
                Change::SetDeadline {
                    task: "m".into(),
                    deadline: Some(date("2026-03-01")),
                },
            ],
        },
        Scenario {
            id: "s2".into(),
            name: "Re-plan".into(),
            description: String::new(),
            changes: vec![
                Change::AddTask {
                    task: Task {
                        id: "n".into(),
                        name: "New".into(),
                        workstream: "iam".into(),
                        duration: 2,
                        ..Task::default()
                    },
                },
                Change::AddDependency {
                    dependency: link("n", "m"),
                },
                Change::RemoveDependency {
                    from: "a".into(),
                    to: "b".into(),
                },
                Change::RemoveTask {
                    task: "gone".into(),
                },
            ],
        },
    ];
    doc.baselines = vec![
        capture("b1", "Signed off", date("2026-01-02"), &program, &schedule),
        capture("b2", "Re-plan", date("2026-02-01"), &program, &schedule),
    ];
    doc.active_baseline = Some("b2".into());
    doc
}

#[wasm_bindgen_test]
async fn scenarios_and_baselines_survive_save_load_and_snapshots() {
    let name = format!("planwork-test-scenarios-{}", js_sys::Math::random());
    let store = Store::open(&name).await.expect("IndexedDB opens");
    let doc = document();
    store.create(&doc, NOW).await.unwrap();

    let loaded = store.load("p-scen").await.unwrap().document;
    assert_eq!(loaded.scenarios, doc.scenarios);
    assert_eq!(loaded.baselines, doc.baselines);
    assert_eq!(loaded.active_baseline.as_deref(), Some("b2"));
    assert_eq!(planfile::write(&loaded), planfile::write(&doc));

    // Edited (a scenario removed, the other baseline active), saved, loaded again.
    let mut edited = loaded.clone();
    edited.scenarios.remove(0);
    edited.active_baseline = Some("b1".into());
    store.save(&edited, 1, NOW + 1000.0).await.unwrap();
    let again = store.load("p-scen").await.unwrap().document;
    assert_eq!(again.scenarios.len(), 1);
    assert_eq!(again.scenarios[0].id, "s2");
    assert_eq!(again.active_baseline.as_deref(), Some("b1"));

    // A snapshot keeps them too, and restoring it brings them back.
    let snapshot = store
        .take_snapshot("p-scen", "before", SnapshotKind::Manual, NOW + 2000.0)
        .await
        .unwrap();
    let mut later = again.clone();
    later.scenarios.clear();
    later.baselines.clear();
    later.active_baseline = None;
    let revision = store.load("p-scen").await.unwrap().meta.revision;
    store.save(&later, revision, NOW + 3000.0).await.unwrap();
    let revision = store.load("p-scen").await.unwrap().meta.revision;
    let restored = store
        .restore_snapshot(snapshot.key, revision, NOW + 4000.0)
        .await
        .unwrap()
        .document;
    assert_eq!(restored.scenarios, again.scenarios);
    assert_eq!(restored.baselines, again.baselines);
    assert_eq!(restored.active_baseline.as_deref(), Some("b1"));

    store.close();
    Store::delete_database(&name)
        .await
        .expect("test database deleted");
}
