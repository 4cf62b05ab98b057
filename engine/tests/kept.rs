//! The kept program ([`engine::kept::KeptProgram`]): after any sequence of edits, its
//! incrementally kept schedule is the full schedule of the same program, and a refused
//! edit gives the full check's diagnostics and changes nothing.

mod common;

use common::{d, program, task};
use engine::edit::{Edit, History};
use engine::generate::{Options, Shape, generate_with};
use engine::kept::KeptProgram;
use engine::{Constraint, ConstraintKind, Dependency, LinkType, Program, Schedule};
use proptest::prelude::*;

/// The kept schedule equals the full one, task by task, then as a whole.
fn same_as_full(kept: &KeptProgram) -> Result<(), TestCaseError> {
    let full = engine::schedule(kept.program());
    match (kept.schedule(), &full) {
        (Ok(kept), Ok(full)) => {
            prop_assert_eq!(kept.tasks.len(), full.tasks.len());
            for (t, (k, f)) in kept.tasks.iter().zip(&full.tasks).enumerate() {
                prop_assert_eq!(k, f, "task {}", t);
            }
            prop_assert_eq!(kept, full);
        }
        (Err(kept), Err(full)) => prop_assert_eq!(kept, full),
        (kept, full) => prop_assert!(false, "kept {kept:?}, full {full:?}"),
    }
    Ok(())
}

const KINDS: [ConstraintKind; 8] = [
    ConstraintKind::ASAP,
    ConstraintKind::SNET,
    ConstraintKind::SNLT,
    ConstraintKind::FNET,
    ConstraintKind::FNLT,
    ConstraintKind::MSO,
    ConstraintKind::MFO,
    ConstraintKind::ALAP,
];

const LINKS: [LinkType; 4] = [LinkType::FS, LinkType::SS, LinkType::FF, LinkType::SF];

/// A random action of one to three edits to tasks and links, from `choice` numbers. Some
/// are refused: a negative duration, a constraint without its date, a link that closes a
/// cycle or repeats one, an unknown task, a duplicate id, a removed task a risk names, a
/// lag out of range, a row out of range …; one kind changes the status date (a full check).
fn random_action(program: &Program, choice: &[u64]) -> Vec<Edit> {
    let pick = |k: usize| choice[k % choice.len()] as usize;
    let n = program.tasks.len();
    let id_of = |k: usize| {
        program
            .tasks
            .get(pick(k) % n.max(1))
            .map_or("ghost".to_string(), |t| t.id.clone())
    };
    let day = |k: usize| program.program.start + chrono::Days::new((pick(k) % 120) as u64);
    let link = |k: usize, to: String| Dependency {
        from: if pick(k) % 17 == 0 {
            "ghost".into()
        } else {
            id_of(k + 1)
        },
        to,
        kind: LINKS[pick(k + 2) % 4],
        lag: match pick(k + 3) % 23 {
            0 => 200_000,
            k => (k % 9) as i64 - 3,
        },
    };
    (0..1 + pick(0) % 3)
        .map(|step| {
            let k = 4 * step + 1;
            let row = pick(k) % (n + 1);
            let mut changed = program.tasks.get(row % n.max(1)).cloned();
            let replace = |index: usize, task| Edit::ReplaceTask { index, task };
            match (pick(k + 1) % 14, changed.as_mut()) {
                (0 | 1, Some(t)) => {
                    t.duration = if t.milestone && pick(k + 2) % 4 != 0 {
                        0
                    } else {
                        (pick(k + 2) % 16) as i64 - 1
                    };
                    replace(row % n, changed.unwrap())
                }
                (2, Some(t)) => {
                    t.constraint = Some(Constraint {
                        kind: KINDS[pick(k + 2) % KINDS.len()],
                        date: (pick(k + 3) % 9 != 0).then(|| day(k + 4)),
                    });
                    replace(row % n, changed.unwrap())
                }
                (3, Some(t)) => {
                    t.deadline = (pick(k + 2) % 3 != 0).then(|| day(k + 3));
                    replace(row % n, changed.unwrap())
                }
                (4, Some(t)) => {
                    t.percent_complete = [0.0, 0.0, 30.0, 100.0, 150.0][pick(k + 2) % 5];
                    t.actual_start = (pick(k + 3) % 2 == 0).then(|| day(k + 4));
                    t.actual_finish = (pick(k + 5) % 4 == 0).then(|| day(k + 6));
                    replace(row % n, changed.unwrap())
                }
                (5, Some(t)) => {
                    t.workstream = match pick(k + 2) % 5 {
                        0 => "nowhere".into(),
                        w => program.workstreams[w % program.workstreams.len()]
                            .id
                            .clone(),
                    };
                    replace(row % n, changed.unwrap())
                }
                (6 | 7, _) => Edit::AddDependency {
                    dependency: link(k + 2, id_of(k + 3)),
                },
                (8, _) => Edit::InsertDependency {
                    index: pick(k + 2) % (program.dependencies.len() + 2),
                    dependency: link(k + 3, id_of(k + 4)),
                },
                (9, _) => match program.dependencies.get(pick(k + 2) % 40) {
                    Some(dep) if pick(k + 3) % 2 == 0 => Edit::RemoveDependency {
                        from: dep.from.clone(),
                        to: dep.to.clone(),
                    },
                    _ => Edit::RemoveDependencyAt {
                        index: pick(k + 2) % (program.dependencies.len() + 1),
                    },
                },
                (10, _) => {
                    // A lag changed, or a link added or dropped, in the predecessors cell.
                    let to = id_of(k + 2);
                    let mut links: Vec<Dependency> = program
                        .dependencies
                        .iter()
                        .filter(|dep| dep.to == to)
                        .cloned()
                        .collect();
                    match (pick(k + 3) % 3, links.first_mut()) {
                        (0, Some(first)) => first.lag = (pick(k + 4) % 11) as i64 - 4,
                        (1, _) => links.push(link(k + 5, to.clone())),
                        _ => {
                            links.pop();
                        }
                    }
                    Edit::SetPredecessors { task: to, links }
                }
                (11, _) => {
                    let mut new = task(&format!("n{}", pick(k + 2) % 50), (pick(k + 3) % 9) as i64);
                    new.workstream = program.workstreams[0].id.clone();
                    if pick(k + 4) % 6 == 0 {
                        new.id = id_of(k + 5);
                    }
                    Edit::InsertTask {
                        index: row,
                        task: new,
                    }
                }
                (12, _) => Edit::RemoveTask { index: row },
                _ => {
                    let mut info = program.program.clone();
                    info.status_date = (pick(k + 2) % 2 == 0).then(|| day(k + 3));
                    Edit::SetProgramInfo { info }
                }
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    /// After every action, made or refused, the kept program is the program the full
    /// history gives, with the same diagnostics, and its schedule is the full schedule;
    /// undoing every action gives the program and its schedule back. With or without
    /// summary tasks.
    #[test]
    fn the_kept_schedule_is_the_full_schedule_after_any_edits(
        n in 1usize..40, seed: u64, constraints: bool, team_calendar: bool, status: bool,
        late_every in 0usize..5, outlined: bool,
        actions in proptest::collection::vec(proptest::collection::vec(any::<u64>(), 16), 1..14),
    ) {
        let mut program = generate_with(Shape::Random, n, seed, Options { constraints, team_calendar });
        engine::generate::add_uncertainty(&mut program, seed);
        // Some tasks as late as possible from the start (more come by the edits).
        for (t, task) in program.tasks.iter_mut().enumerate() {
            if late_every > 0 && (t + seed as usize).is_multiple_of(2 * late_every) {
                task.constraint = Some(Constraint { kind: ConstraintKind::ALAP, date: None });
            }
        }
        if status {
            program.program.status_date = Some(program.program.start + chrono::Days::new(20));
        }
        if outlined {
            // Summaries of three tasks, and of three of those (the edits reach them too).
            engine::generate::outline(&mut program, 3);
        }
        let original = program.clone();
        let mut kept = KeptProgram::new(program).expect("generated programs are valid");
        same_as_full(&kept)?;
        let (mut history, mut reference) = (History::default(), original.clone());
        let mut kept_history = History::default();
        for choice in &actions {
            let action = random_action(kept.program(), choice);
            let full = history.apply(&mut reference, action.clone());
            let incremental = kept_history.apply_kept(&mut kept, action.clone());
            prop_assert_eq!(&incremental, &full, "{:?}", action);
            prop_assert_eq!(kept.program(), &reference);
            same_as_full(&kept)?;
        }
        while kept_history.undo_kept(&mut kept) {
            same_as_full(&kept)?;
        }
        prop_assert_eq!(kept.program(), &original);
    }
}

/// A hand-worked example: a → b → c (FS), durations 2, 3, 1, Monday 2026-01-05.
#[test]
fn edits_move_the_kept_schedule_as_worked_by_hand() {
    let plan = program(
        &[("a", 2), ("b", 3), ("c", 1)],
        &[("a", "b", LinkType::FS, 0), ("b", "c", LinkType::FS, 0)],
    );
    let mut kept = KeptProgram::new(plan).unwrap();
    let dates = |kept: &KeptProgram| -> Vec<(i64, i64)> {
        let schedule: &Schedule = kept.schedule().unwrap();
        schedule.tasks.iter().map(|t| (t.es, t.ef)).collect()
    };
    assert_eq!(dates(&kept), [(0, 2), (2, 5), (5, 6)]);
    // a lasts 4: b starts on day 4, c on day 7 (Tuesday 2026-01-13 is day 6).
    let mut a = kept.program().tasks[0].clone();
    a.duration = 4;
    kept.apply(&[Edit::ReplaceTask { index: 0, task: a }])
        .unwrap();
    assert_eq!(dates(&kept), [(0, 4), (4, 7), (7, 8)]);
    assert_eq!(kept.schedule().unwrap().tasks[2].start, d("2026-01-14"));
    // A two-day lag on b → c.
    let lagged = Dependency {
        from: "b".into(),
        to: "c".into(),
        kind: LinkType::FS,
        lag: 2,
    };
    kept.apply(&[Edit::SetPredecessors {
        task: "c".into(),
        links: vec![lagged],
    }])
    .unwrap();
    assert_eq!(dates(&kept), [(0, 4), (4, 7), (9, 10)]);
    // c → a closes a cycle: refused, nothing changes.
    let back = Dependency {
        from: "c".into(),
        to: "a".into(),
        kind: LinkType::FS,
        lag: 0,
    };
    let refused = kept
        .apply(&[Edit::AddDependency { dependency: back }])
        .unwrap_err();
    assert_eq!(refused.0[0].code, engine::Code::DependencyCycle);
    assert_eq!(refused.0[0].message, "dependency cycle: a → b → c → a");
    assert_eq!(dates(&kept), [(0, 4), (4, 7), (9, 10)]);
    // c ahead of a in the file is linked c → a once b → c is gone: the order is repaired.
    kept.apply(&[
        Edit::RemoveDependency {
            from: "b".into(),
            to: "c".into(),
        },
        Edit::AddDependency {
            dependency: Dependency {
                from: "c".into(),
                to: "a".into(),
                kind: LinkType::FS,
                lag: 0,
            },
        },
    ])
    .unwrap();
    assert_eq!(dates(&kept), [(1, 5), (5, 8), (0, 1)]);
    // Removing a takes its links along; inserting a task in front shifts the rows.
    kept.apply(&[
        Edit::RemoveTask { index: 0 },
        Edit::InsertTask {
            index: 0,
            task: task("z", 5),
        },
    ])
    .unwrap();
    assert_eq!(dates(&kept), [(0, 5), (0, 3), (0, 1)]);
    assert_eq!(kept.checked().task_index("c"), Some(2));
    assert_eq!(
        kept.schedule().unwrap(),
        &engine::schedule(kept.program()).unwrap()
    );
}
