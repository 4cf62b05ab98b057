//! The open program kept checked and scheduled edit by edit (`OpenProgram`) gives what a
//! full check and schedule gives, after any sequence of edits, refusals, undos, redos and
//! changes made behind its back.

use document::derived::{Derived, OpenProgram};
use document::history::DocHistory;
use engine::edit::Edit;
use engine::generate::{Shape, generate};
use engine::{Dependency, LinkType};
use planfile::Document;
use proptest::prelude::*;

/// One thing a user does to the open program.
#[derive(Clone, Debug)]
enum Step {
    /// Task `task % T`'s duration set to `days`.
    Duration {
        task: usize,
        days: i64,
    },
    /// A link `from % T → to % T` (may close a cycle or repeat one: then refused).
    Link {
        from: usize,
        to: usize,
        lag: i64,
    },
    /// The link at `at % D` removed.
    Unlink {
        at: usize,
    },
    /// A copy of task `task % T` inserted under a new id.
    Insert {
        task: usize,
    },
    /// Task `task % T` removed with its links.
    Remove {
        task: usize,
    },
    Undo,
    Redo,
    /// The program changed without the kept program (as another tab's save would).
    Behind {
        task: usize,
        days: i64,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (any::<usize>(), 0i64..20).prop_map(|(task, days)| Step::Duration { task, days }),
        3 => (any::<usize>(), any::<usize>(), -3i64..5).prop_map(|(from, to, lag)| Step::Link { from, to, lag }),
        2 => any::<usize>().prop_map(|at| Step::Unlink { at }),
        1 => any::<usize>().prop_map(|task| Step::Insert { task }),
        1 => any::<usize>().prop_map(|task| Step::Remove { task }),
        2 => Just(Step::Undo),
        1 => Just(Step::Redo),
        1 => (any::<usize>(), 0i64..20).prop_map(|(task, days)| Step::Behind { task, days }),
    ]
}

/// The action of `step` on `doc`, if it is an action.
fn action(doc: &Document, step: &Step, serial: usize) -> Option<Vec<Edit>> {
    let tasks = &doc.program.tasks;
    let links = &doc.program.dependencies;
    let pick = |n: usize| (!tasks.is_empty()).then(|| n % tasks.len());
    Some(match *step {
        Step::Duration { task, days } => {
            let index = pick(task)?;
            let mut task = tasks[index].clone();
            task.duration = days;
            task.milestone = false;
            vec![Edit::ReplaceTask { index, task }]
        }
        Step::Link { from, to, lag } => vec![Edit::AddDependency {
            dependency: Dependency {
                from: tasks[pick(from)?].id.clone(),
                to: tasks[pick(to)?].id.clone(),
                kind: LinkType::FS,
                lag,
            },
        }],
        Step::Unlink { at } => {
            (!links.is_empty()).then_some(())?;
            vec![Edit::RemoveDependencyAt {
                index: at % links.len(),
            }]
        }
        Step::Insert { task } => {
            let index = pick(task)?;
            let mut task = tasks[index].clone();
            task.id = format!("new{serial}");
            vec![Edit::InsertTask { index, task }]
        }
        Step::Remove { task } => vec![Edit::RemoveTask { index: pick(task)? }],
        _ => return None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn kept_equals_full(seed in 0u64..1_000, size in 5usize..40, steps in prop::collection::vec(step(), 1..25)) {
        let mut doc = Document { program: generate(Shape::Random, size, seed), ..Document::default() };
        // The same actions through a full check each time, for the refusals' diagnostics.
        let mut reference = doc.clone();
        let (mut history, mut reference_history) = (DocHistory::default(), DocHistory::default());
        let mut open = OpenProgram::default();
        for (serial, step) in steps.iter().enumerate() {
            match step {
                Step::Undo => {
                    prop_assert_eq!(history.undo(&mut doc), reference_history.undo(&mut reference));
                }
                Step::Redo => {
                    prop_assert_eq!(history.redo(&mut doc), reference_history.redo(&mut reference));
                }
                Step::Behind { task, days } => {
                    for d in [&mut doc, &mut reference] {
                        if let Some(t) = d.program.tasks.get_mut(task % size.max(1)) {
                            t.duration = *days;
                            t.milestone = false;
                        }
                    }
                }
                _ => {
                    let Some(edits) = action(&doc, step, serial) else { continue };
                    let kept = open.edit(&mut history, &mut doc, edits.clone());
                    let full = reference_history.edit(&mut reference, edits);
                    prop_assert_eq!(kept, full, "the same result, refusals alike");
                }
            }
            prop_assert_eq!(&doc.program, &reference.program);
            let derived = open.derive(&doc, None);
            let expected = Derived::of(&doc, None);
            prop_assert_eq!(&derived.program, &expected.program);
        }
    }
}

/// A worked case: an edit through the kept program moves the schedule as a full schedule
/// does; a cycle is refused with the full check's words and nothing changes.
#[test]
fn an_edit_and_a_refusal() {
    let mut doc = planfile::read(
        r#"{"program": {"name": "P", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "W"}],
            "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 3},
                      {"id": "b", "name": "B", "workstream": "w", "duration": 1}],
            "dependencies": [{"from": "a", "to": "b"}]}"#,
    )
    .expect("reads");
    let (mut open, mut history) = (OpenProgram::default(), DocHistory::default());
    let finish = |open: &mut OpenProgram, doc: &Document| {
        open.derive(doc, None)
            .program
            .ok()
            .map(|s| s.finish.to_string())
    };
    // a: Mon 5 … Wed 7; b: Thu 8.
    assert_eq!(finish(&mut open, &doc).as_deref(), Some("2026-01-08"));
    let mut longer = doc.program.tasks[0].clone();
    longer.duration = 5;
    open.edit(
        &mut history,
        &mut doc,
        vec![Edit::ReplaceTask {
            index: 0,
            task: longer,
        }],
    )
    .expect("made");
    // a: Mon 5 … Fri 9; b: Mon 12.
    assert_eq!(finish(&mut open, &doc).as_deref(), Some("2026-01-12"));
    let before = doc.clone();
    let cycle = Edit::AddDependency {
        dependency: Dependency {
            from: "b".into(),
            to: "a".into(),
            kind: LinkType::FS,
            lag: 0,
        },
    };
    let refused = open
        .edit(&mut history, &mut doc, vec![cycle])
        .expect_err("a cycle");
    assert!(document::describe(&refused).contains("cycle"));
    assert_eq!(doc, before);
    assert!(history.undo(&mut doc));
    assert_eq!(
        finish(&mut open, &doc).as_deref(),
        Some("2026-01-08"),
        "undone behind its back"
    );
}

/// A drag's arithmetic reads the kept program when it is the program shown, and a fresh
/// check for any other (a scenario's): the same answer either way.
#[test]
fn with_checked_reads_the_kept_program_or_checks_afresh() {
    let doc = planfile::read(
        r#"{"program": {"name": "P", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "W"}],
            "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 3}]}"#,
    )
    .expect("reads");
    let mut open = OpenProgram::default();
    let finish = |open: &OpenProgram, program: &engine::Program| {
        open.with_checked(program, |checked, plan| {
            (checked.task_index("a"), plan.finish)
        })
        .expect("it schedules")
    };
    let fresh = finish(&open, &doc.program);
    open.derive(&doc, None);
    assert_eq!(finish(&open, &doc.program), fresh, "kept: the same");
    let mut other = doc.program.clone();
    other.tasks[0].duration = 5;
    // Mon 5 … Fri 9, checked afresh: the kept program is not this one.
    assert_eq!(finish(&open, &other).1.to_string(), "2026-01-09");
    other.dependencies.push(Dependency {
        from: "a".into(),
        to: "a".into(),
        kind: LinkType::FS,
        lag: 0,
    });
    assert!(
        open.with_checked(&other, |_, _| ()).is_err(),
        "a program that does not check says why"
    );
}
