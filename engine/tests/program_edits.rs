//! Edits to the rest of the program — its settings, calendar, workstreams and risks — are
//! checked like task edits, and undo exactly; removing a workstream moves its tasks first.

mod common;
use common::*;
use engine::edit::{Edit, History};
use engine::generate::{Options, Shape, generate_with};
use engine::workstreams::remove_workstream;
use engine::{Calendar, Code, CriticalPath, Impact, LinkType::FS, Program, Risk, Task, Workstream};
use proptest::prelude::*;

/// Teams `a`, `b`, `c`; A1 and A2 in `a`, B1 and B2 in `b`, C1 in `c`; A1 → B1 → C1.
fn plan() -> Program {
    let mut p = program(
        &[("A1", 2), ("B1", 3), ("A2", 1), ("B2", 4), ("C1", 2)],
        &[("A1", "B1", FS, 0), ("B1", "C1", FS, 0)],
    );
    p.workstreams = vec![workstream("a"), workstream("b"), workstream("c")];
    for t in &mut p.tasks {
        t.workstream = t.id[..1].to_lowercase();
    }
    p
}

fn refusal(result: Result<(), engine::Diagnostics>) -> (Code, String) {
    let errors = result.unwrap_err();
    (errors.0[0].code, errors.0[0].message.clone())
}

#[test]
fn removing_a_workstream_moves_its_tasks_then_removes_it() {
    let mut p = plan();
    let original = p.clone();
    let action = remove_workstream(&p, "b", "c").unwrap();
    let mut moved_b1 = p.tasks[1].clone();
    moved_b1.workstream = "c".into();
    let mut moved_b2 = p.tasks[3].clone();
    moved_b2.workstream = "c".into();
    assert_eq!(
        action,
        [
            Edit::ReplaceTask {
                index: 1,
                task: moved_b1
            },
            Edit::ReplaceTask {
                index: 3,
                task: moved_b2
            },
            Edit::RemoveWorkstream { index: 1 },
        ]
    );
    let mut history = History::default();
    history.apply(&mut p, action).unwrap();
    let ids: Vec<&str> = p.workstreams.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    let teams: Vec<&str> = p.tasks.iter().map(|t| t.workstream.as_str()).collect();
    assert_eq!(teams, ["a", "c", "a", "c", "c"]);
    assert!(history.undo(&mut p));
    assert_eq!(p, original, "one undo step");
}

#[test]
fn removing_a_workstream_is_refused_with_a_plain_reason() {
    let p = plan();
    assert_eq!(
        remove_workstream(&p, "x", "a"),
        Err("There is no workstream 'x' to remove.".into())
    );
    assert_eq!(
        remove_workstream(&p, "a", "x"),
        Err("There is no workstream 'x' to move the tasks to.".into())
    );
    assert_eq!(
        remove_workstream(&p, "a", "a"),
        Err("The tasks of 'a' need another workstream to move to.".into())
    );
    let mut alone = program(&[("A", 1)], &[]);
    alone.workstreams[0].name = "Team".into();
    assert_eq!(
        remove_workstream(&alone, "w", "w"),
        Err("'Team' is the only workstream: a program needs one for its tasks.".into())
    );
    // Removing a workstream that tasks still name is refused by the check, and nothing
    // changes.
    let mut edited = p.clone();
    let result = History::default().apply(&mut edited, vec![Edit::RemoveWorkstream { index: 0 }]);
    assert_eq!(refusal(result).0, Code::UnknownWorkstream);
    assert_eq!(edited, p);
}

#[test]
fn workstreams_are_inserted_replaced_and_moved() {
    let mut p = plan();
    let original = p.clone();
    let mut history = History::default();
    let mut design = workstream("d");
    design.name = "Design".into();
    design.color = Some("#2f6fde".into());
    history
        .apply(
            &mut p,
            vec![Edit::InsertWorkstream {
                index: 1,
                workstream: design.clone(),
            }],
        )
        .unwrap();
    assert_eq!(p.workstreams[1], design);
    history
        .apply(&mut p, vec![Edit::MoveWorkstream { from: 1, to: 3 }])
        .unwrap();
    let ids: Vec<&str> = p.workstreams.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    let mut renamed = p.workstreams[0].clone();
    renamed.name = "Alpha".into();
    renamed.calendar = Some(Calendar::default());
    history
        .apply(
            &mut p,
            vec![Edit::ReplaceWorkstream {
                index: 0,
                workstream: renamed,
            }],
        )
        .unwrap();
    assert_eq!(p.workstreams[0].name, "Alpha");
    // An id change, a bad colour and a duplicate id are refused.
    let mut other = p.workstreams[0].clone();
    other.id = "z".into();
    let result = history.apply(
        &mut p,
        vec![Edit::ReplaceWorkstream {
            index: 0,
            workstream: other,
        }],
    );
    assert_eq!(
        refusal(result),
        (
            Code::InvalidEdit,
            "workstream 'a' cannot become 'z': ids do not change".into()
        )
    );
    let mut garish = p.workstreams[0].clone();
    garish.color = Some("#zz".into());
    let result = history.apply(
        &mut p,
        vec![Edit::ReplaceWorkstream {
            index: 0,
            workstream: garish,
        }],
    );
    assert_eq!(refusal(result).0, Code::InvalidColor);
    let result = history.apply(
        &mut p,
        vec![Edit::InsertWorkstream {
            index: 0,
            workstream: workstream("c"),
        }],
    );
    assert_eq!(refusal(result).0, Code::DuplicateWorkstreamId);
    let result = history.apply(&mut p, vec![Edit::MoveWorkstream { from: 0, to: 4 }]);
    assert_eq!(refusal(result).0, Code::InvalidEdit);
    while history.undo(&mut p) {}
    assert_eq!(p, original);
}

#[test]
fn program_settings_and_the_calendar_are_edited_and_checked() {
    let mut p = plan();
    let original = p.clone();
    let mut history = History::default();
    let mut info = p.program.clone();
    info.name = "Renamed".into();
    info.finish_by = Some(d("2026-03-02"));
    info.critical_path = CriticalPath::LongestPath;
    history
        .apply(&mut p, vec![Edit::SetProgramInfo { info: info.clone() }])
        .unwrap();
    assert_eq!(p.program, info);
    info.critical_path = CriticalPath::TotalFloat { max_days: -1 };
    let result = history.apply(&mut p, vec![Edit::SetProgramInfo { info }]);
    assert_eq!(refusal(result).0, Code::InvalidCriticalPath);
    let mut calendar = p.calendar.clone();
    calendar.holidays.push(d("2026-01-06"));
    history
        .apply(
            &mut p,
            vec![Edit::SetCalendar {
                calendar: calendar.clone(),
            }],
        )
        .unwrap();
    assert_eq!(
        run(&p).tasks[0].finish,
        d("2026-01-07"),
        "Tuesday is a holiday"
    );
    calendar.workdays.clear();
    let result = history.apply(&mut p, vec![Edit::SetCalendar { calendar }]);
    assert_eq!(refusal(result).0, Code::NoWorkingDay);
    assert!(history.undo(&mut p) && history.undo(&mut p));
    assert_eq!(p, original);
}

fn risk(id: &str, tasks: &[&str]) -> Risk {
    Risk {
        id: id.into(),
        title: format!("Risk {id}"),
        probability: 0.3,
        impact: Impact { min: 1, max: 5 },
        tasks: tasks.iter().map(|t| t.to_string()).collect(),
        ..Default::default()
    }
}

#[test]
fn risks_are_inserted_replaced_and_removed() {
    let mut p = plan();
    let original = p.clone();
    let mut history = History::default();
    history
        .apply(
            &mut p,
            vec![
                Edit::InsertRisk {
                    index: 0,
                    risk: risk("r1", &["A1"]),
                },
                Edit::InsertRisk {
                    index: 0,
                    risk: risk("r0", &["B1", "C1"]),
                },
            ],
        )
        .unwrap();
    let ids: Vec<&str> = p.risks.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["r0", "r1"]);
    let mut likelier = p.risks[1].clone();
    likelier.probability = 0.9;
    history
        .apply(
            &mut p,
            vec![Edit::ReplaceRisk {
                index: 1,
                risk: likelier,
            }],
        )
        .unwrap();
    assert_eq!(p.risks[1].probability, 0.9);
    let result = history.apply(
        &mut p,
        vec![Edit::InsertRisk {
            index: 2,
            risk: risk("r2", &["nobody"]),
        }],
    );
    assert_eq!(refusal(result).0, Code::UnknownTask);
    let result = history.apply(&mut p, vec![Edit::RemoveRisk { index: 5 }]);
    assert_eq!(
        refusal(result),
        (
            Code::InvalidEdit,
            "there is no risk at position 5 (2 in all)".into()
        )
    );
    history
        .apply(&mut p, vec![Edit::RemoveRisk { index: 0 }])
        .unwrap();
    assert_eq!(p.risks.len(), 1);
    while history.undo(&mut p) {}
    assert_eq!(p, original);
}

/// A random action on the program's settings, calendar, workstreams or risks, from
/// `choice` numbers; some are refused (a duplicate id, a workstream still in use, a bad
/// colour, a negative critical-path bound, a calendar without working days …).
fn random_action(program: &Program, choice: &[u64]) -> Vec<Edit> {
    let pick = |k: usize| choice[k % choice.len()] as usize;
    let teams = program.workstreams.len();
    let team = |k: usize| pick(k) % teams.max(1);
    let risks = program.risks.len();
    let new_team = |k: usize| Workstream {
        id: format!("team{}", pick(k) % 8),
        name: format!("Team {}", pick(k + 1)),
        calendar: (pick(k + 2) % 3 == 0).then(Calendar::default),
        color: match pick(k + 3) % 4 {
            0 => None,
            1 => Some("#zz".into()),
            _ => Some(format!("#{:06x}", pick(k + 4) % 0x100_0000)),
        },
    };
    let new_risk = |k: usize| {
        let task = |j: usize| {
            program
                .tasks
                .get(pick(j) % program.tasks.len().max(1))
                .map_or("nobody".to_string(), |t| t.id.clone())
        };
        Risk {
            id: format!("r{}", pick(k) % 6),
            title: "Risk".into(),
            probability: (pick(k + 1) % 11) as f64 / 10.0,
            impact: Impact {
                min: (pick(k + 2) % 4) as i64,
                max: 3 + (pick(k + 3) % 4) as i64,
            },
            tasks: vec![task(k + 4), task(k + 5)],
            ..Default::default()
        }
    };
    (0..1 + pick(0) % 3)
        .flat_map(|step| -> Vec<Edit> {
            let edit = match pick(step + 1) % 11 {
                0 => {
                    let mut info = program.program.clone();
                    info.name = format!("Program {}", pick(step + 2));
                    info.finish_by = (pick(step + 3) % 2 == 0)
                        .then(|| info.start + chrono::Days::new(pick(step + 4) as u64 % 200));
                    info.critical_path = match pick(step + 5) % 3 {
                        0 => CriticalPath::LongestPath,
                        _ => CriticalPath::TotalFloat {
                            max_days: (pick(step + 6) % 5) as i64 - 1,
                        },
                    };
                    Edit::SetProgramInfo { info }
                }
                1 => {
                    let mut calendar = program.calendar.clone();
                    calendar.workdays.truncate(pick(step + 2) % 6);
                    calendar.holidays.push(
                        program.program.start + chrono::Days::new(pick(step + 3) as u64 % 60),
                    );
                    Edit::SetCalendar { calendar }
                }
                2 => Edit::InsertWorkstream {
                    index: pick(step + 2) % (teams + 1),
                    workstream: new_team(step + 3),
                },
                3 => {
                    let index = team(step + 2);
                    let mut workstream = new_team(step + 3);
                    if let Some(old) = program
                        .workstreams
                        .get(index)
                        .filter(|_| pick(step + 9) % 5 != 0)
                    {
                        workstream.id = old.id.clone();
                    }
                    Edit::ReplaceWorkstream { index, workstream }
                }
                4 => Edit::RemoveWorkstream {
                    index: team(step + 2),
                },
                5 => Edit::MoveWorkstream {
                    from: team(step + 2),
                    to: pick(step + 3) % (teams + 1),
                },
                6 => Edit::InsertRisk {
                    index: pick(step + 2) % (risks + 1),
                    risk: new_risk(step + 3),
                },
                7 => Edit::ReplaceRisk {
                    index: pick(step + 2) % (risks + 1),
                    risk: new_risk(step + 3),
                },
                8 => Edit::RemoveRisk {
                    index: pick(step + 2) % (risks + 1),
                },
                _ => {
                    // A whole removal (its tasks moved), or, refused, a removal out of range.
                    let id = |k: usize| {
                        program
                            .workstreams
                            .get(team(k))
                            .map_or("none".to_string(), |w| w.id.clone())
                    };
                    return remove_workstream(program, &id(step + 2), &id(step + 3))
                        .unwrap_or_else(|_| vec![Edit::RemoveWorkstream { index: teams }]);
                }
            };
            vec![edit]
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Whatever is edited, a refused action changes nothing, the plan always checks, and
    /// undoing everything gives the program back exactly (redoing gives the edits back).
    #[test]
    fn settings_workstream_and_risk_edits_undo_exactly(
        n in 1usize..40, seed: u64,
        actions in proptest::collection::vec(proptest::collection::vec(any::<u64>(), 12), 1..16),
    ) {
        let mut program = generate_with(Shape::Random, n, seed, Options { constraints: true, team_calendar: true });
        engine::generate::add_uncertainty(&mut program, seed);
        let original = program.clone();
        let mut history = History::default();
        let mut states = vec![program.clone()];
        for choice in &actions {
            let action = random_action(&program, choice);
            let before = program.clone();
            match history.apply(&mut program, action) {
                Ok(()) => states.push(program.clone()),
                Err(_) => prop_assert_eq!(&program, &before, "a refused action changed the plan"),
            }
            prop_assert!(engine::check(&program).is_ok());
        }
        let done = states.len() - 1;
        for k in (0..done).rev() {
            prop_assert!(history.undo(&mut program));
            prop_assert_eq!(&program, &states[k]);
        }
        prop_assert!(!history.undo(&mut program));
        prop_assert_eq!(&program, &original);
        for state in states.iter().skip(1) {
            prop_assert!(history.redo(&mut program));
            prop_assert_eq!(&program, state);
        }
    }
}

#[test]
fn a_history_read_back_from_json_undoes_and_redoes_the_same() {
    let mut p = plan();
    let original = p.clone();
    let mut history = History::default();
    let mut longer = p.tasks[0].clone();
    longer.duration = 9;
    history
        .apply(
            &mut p,
            vec![Edit::ReplaceTask {
                index: 0,
                task: longer,
            }],
        )
        .unwrap();
    history
        .apply(&mut p, vec![Edit::RemoveTask { index: 4 }])
        .unwrap();
    assert!(history.undo(&mut p));
    let edited = p.clone();

    let json = serde_json::to_string(&history).unwrap();
    let mut back: History = serde_json::from_str(&json).unwrap();
    assert_eq!(back, history);
    assert!(back.redo(&mut p));
    assert_eq!(p.tasks.len(), 4, "the removal is redone");
    assert!(back.undo(&mut p));
    assert_eq!(p, edited);
    assert!(back.undo(&mut p));
    assert_eq!(p, original);
}

/// A task inserted with an id already in use is refused, and taking it back leaves the
/// first task's links alone.
#[test]
fn a_refused_insert_of_a_used_id_keeps_the_first_tasks_links() {
    let mut p = plan();
    let original = p.clone();
    let mut history = History::default();
    let (code, _) = refusal(history.apply(
        &mut p,
        vec![Edit::InsertTask {
            index: 0,
            task: task("B1", 1),
        }],
    ));
    assert_eq!(code, Code::DuplicateTaskId);
    assert_eq!(p, original);
}

/// Undoing an action that links to a task and then inserts it takes back exactly that
/// (the insertion's undo leaves the link to the link's own undo).
#[test]
fn an_action_linking_to_a_task_it_then_inserts_undoes_exactly() {
    let mut p = plan();
    let original = p.clone();
    let mut history = History::default();
    let link = engine::Dependency {
        from: "A1".into(),
        to: "N".into(),
        kind: FS,
        lag: 0,
    };
    let action = vec![
        Edit::AddDependency { dependency: link },
        Edit::InsertTask {
            index: 0,
            task: Task {
                workstream: "a".into(),
                ..task("N", 2)
            },
        },
    ];
    history.apply(&mut p, action).unwrap();
    assert_eq!((p.tasks.len(), p.dependencies.len()), (6, 3));
    assert!(history.undo(&mut p));
    assert_eq!(p, original);
    // Refused (a self-link), it changes nothing.
    let selfish = engine::Dependency {
        from: "N".into(),
        to: "N".into(),
        kind: FS,
        lag: 0,
    };
    let action = vec![
        Edit::AddDependency {
            dependency: selfish,
        },
        Edit::InsertTask {
            index: 0,
            task: Task {
                workstream: "a".into(),
                ..task("N", 2)
            },
        },
    ];
    let (code, _) = refusal(history.apply(&mut p, action));
    assert_eq!(code, Code::SelfLink);
    assert_eq!(p, original);
}
