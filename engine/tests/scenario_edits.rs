//! Grid and chart edits made while a scenario is shown, recorded as scenario changes
//! (`engine::scenario::{changes_for, with_edits}`), quick-impact entries
//! (`Adjustment`) and the plain-text comparison summary.
//!
//! The plan: A (5d) → B (3d) → M (milestone); C (2d) → M. Monday 2026-01-05 start.

mod common;
use common::*;
use engine::compare::quick_impact;
use engine::edit::Edit;
use engine::scenario::{Adjustment, Change, apply, changes_for, with_edits};
use engine::{Constraint, ConstraintKind, Dependency, LinkType, LinkType::FS, Program};

fn plan() -> Program {
    let mut p = program(
        &[("A", 5), ("B", 3), ("C", 2), ("M", 0)],
        &[("A", "B", FS, 0), ("B", "M", FS, 0), ("C", "M", FS, 0)],
    );
    task_mut(&mut p, "M").name = "Launch".into();
    p
}

fn index(p: &Program, id: &str) -> usize {
    p.tasks.iter().position(|t| t.id == id).unwrap()
}

/// A `ReplaceTask` edit of task `id` changed by `f`.
fn replace(p: &Program, id: &str, f: impl FnOnce(&mut engine::Task)) -> Edit {
    let i = index(p, id);
    let mut task = p.tasks[i].clone();
    f(&mut task);
    Edit::ReplaceTask { index: i, task }
}

fn link(from: &str, to: &str) -> Dependency {
    Dependency {
        from: from.into(),
        to: to.into(),
        kind: FS,
        lag: 0,
    }
}

#[test]
fn duration_constraint_and_deadline_become_their_changes() {
    let p = plan();
    let date = d("2026-02-02");
    let edits = [
        replace(&p, "B", |t| t.duration = 8),
        replace(&p, "C", |t| {
            t.constraint = Some(Constraint {
                kind: ConstraintKind::SNET,
                date: Some(date),
            });
            t.deadline = Some(date);
        }),
    ];
    let changes = changes_for(&p, &edits, &[]).unwrap();
    assert_eq!(
        changes,
        vec![
            Change::Estimate {
                task: "B".into(),
                days: 8
            },
            Change::SetConstraint {
                task: "C".into(),
                constraint: Some(Constraint {
                    kind: ConstraintKind::SNET,
                    date: Some(date)
                })
            },
            Change::SetDeadline {
                task: "C".into(),
                deadline: Some(date)
            },
        ]
    );
    // Replaying them on the program gives what the edits gave.
    let replayed = apply(&p, &changes).program;
    assert_eq!(replayed.tasks[index(&p, "B")].duration, 8);
    assert_eq!(replayed.tasks[index(&p, "C")].deadline, Some(date));
}

#[test]
fn inserted_and_removed_tasks_and_links_become_their_changes() {
    let p = plan();
    let edits = [
        Edit::RemoveTask {
            index: index(&p, "C"),
        },
        Edit::InsertTask {
            index: 1,
            task: task("N", 4),
        },
        Edit::AddDependency {
            dependency: link("N", "M"),
        },
        Edit::RemoveDependency {
            from: "A".into(),
            to: "B".into(),
        },
    ];
    let changes = changes_for(&p, &edits, &[]).unwrap();
    assert_eq!(
        changes,
        vec![
            // C's link to M goes with C: no separate change for it.
            Change::RemoveTask { task: "C".into() },
            Change::AddTask { task: task("N", 4) },
            Change::RemoveDependency {
                from: "A".into(),
                to: "B".into()
            },
            Change::AddDependency {
                dependency: link("N", "M")
            },
        ]
    );
}

#[test]
fn set_predecessors_is_the_difference_of_links() {
    let p = plan();
    // M's predecessors "B, C" become "B FS+2, A".
    let mut lagged = link("B", "M");
    lagged.lag = 2;
    let edits = [Edit::SetPredecessors {
        task: "M".into(),
        links: vec![lagged.clone(), link("A", "M")],
    }];
    let changes = changes_for(&p, &edits, &[]).unwrap();
    assert_eq!(
        changes,
        vec![
            Change::RemoveDependency {
                from: "B".into(),
                to: "M".into()
            },
            Change::RemoveDependency {
                from: "C".into(),
                to: "M".into()
            },
            Change::AddDependency { dependency: lagged },
            Change::AddDependency {
                dependency: link("A", "M")
            },
        ]
    );
}

#[test]
fn what_a_scenario_cannot_express_is_refused_with_a_reason() {
    let p = plan();
    let rename = changes_for(&p, &[replace(&p, "A", |t| t.name = "Other".into())], &[]);
    assert!(rename.unwrap_err().contains("cannot rename"));
    let mut p2 = p.clone();
    p2.workstreams.push(workstream("x"));
    let moved = changes_for(
        &p2,
        &[replace(&p2, "A", |t| t.workstream = "x".into())],
        &[],
    );
    assert!(moved.unwrap_err().contains("another workstream"));
    let progress = changes_for(&p, &[replace(&p, "A", |t| t.percent_complete = 50.0)], &[]);
    assert!(progress.unwrap_err().contains("progress"));
}

#[test]
fn a_cycle_is_refused_and_the_scenario_keeps_its_changes() {
    let p = plan();
    let before = vec![Change::Slip {
        task: "A".into(),
        days: 2,
    }];
    let cycle = [Edit::AddDependency {
        dependency: link("M", "A"),
    }];
    assert!(with_edits(&p, &before, &cycle).is_err());
    // A cycle made of the scenario's own link and the edit is refused too.
    let with_link = vec![Change::AddDependency {
        dependency: link("M", "C"),
    }];
    let closing = [Edit::AddDependency {
        dependency: link("C", "A"),
    }];
    let err = with_edits(&p, &with_link, &closing);
    assert!(err.is_err(), "C → A → B → M → C is a cycle");
}

#[test]
fn edits_merge_with_the_changes_already_there() {
    let p = plan();
    // A slipped by 2 in the scenario shows as 7 days; typing 9 re-estimates it (replacing
    // the slip), typing 10 again replaces that.
    let start = vec![Change::Slip {
        task: "A".into(),
        days: 2,
    }];
    let shown = apply(&p, &start).program;
    assert_eq!(shown.tasks[0].duration, 7);
    let once = with_edits(&p, &start, &[replace(&shown, "A", |t| t.duration = 9)]).unwrap();
    assert_eq!(
        once,
        vec![Change::Estimate {
            task: "A".into(),
            days: 9
        }]
    );
    let shown = apply(&p, &once).program;
    let twice = with_edits(&p, &once, &[replace(&shown, "A", |t| t.duration = 10)]).unwrap();
    assert_eq!(
        twice,
        vec![Change::Estimate {
            task: "A".into(),
            days: 10
        }]
    );

    // Removing a link the scenario added drops the addition.
    let added = with_edits(
        &p,
        &[],
        &[Edit::AddDependency {
            dependency: link("C", "B"),
        }],
    )
    .unwrap();
    assert_eq!(added.len(), 1);
    let shown = apply(&p, &added).program;
    let removed = with_edits(
        &p,
        &added,
        &[Edit::RemoveDependency {
            from: "C".into(),
            to: "B".into(),
        }],
    )
    .unwrap();
    assert!(removed.is_empty(), "{removed:?}");
    let _ = shown;
}

#[test]
fn a_task_the_scenario_added_can_be_renamed_re_estimated_and_removed() {
    let p = plan();
    let added = with_edits(
        &p,
        &[],
        &[Edit::InsertTask {
            index: 4,
            task: task("N", 1),
        }],
    )
    .unwrap();
    let shown = apply(&p, &added).program;
    let renamed = with_edits(
        &p,
        &added,
        &[replace(&shown, "N", |t| {
            t.name = "Pen test".into();
            t.duration = 6;
        })],
    )
    .unwrap();
    let mut expected = task("N", 6);
    expected.name = "Pen test".into();
    assert_eq!(renamed, vec![Change::AddTask { task: expected }]);
    let shown = apply(&p, &renamed).program;
    let with_link = with_edits(
        &p,
        &renamed,
        &[Edit::AddDependency {
            dependency: link("N", "M"),
        }],
    )
    .unwrap();
    assert_eq!(with_link.len(), 2);
    let shown2 = apply(&p, &with_link).program;
    let gone = with_edits(
        &p,
        &with_link,
        &[Edit::RemoveTask {
            index: index(&shown2, "N"),
        }],
    )
    .unwrap();
    assert!(
        gone.is_empty(),
        "the addition and its link are dropped: {gone:?}"
    );
    let _ = shown;
}

#[test]
fn removing_a_program_task_drops_the_changes_about_it() {
    let p = plan();
    let start = vec![
        Change::Slip {
            task: "C".into(),
            days: 3,
        },
        Change::AddDependency {
            dependency: link("C", "B"),
        },
    ];
    let shown = apply(&p, &start).program;
    let after = with_edits(
        &p,
        &start,
        &[Edit::RemoveTask {
            index: index(&shown, "C"),
        }],
    )
    .unwrap();
    assert_eq!(after, vec![Change::RemoveTask { task: "C".into() }]);
}

#[test]
fn an_edit_that_changes_nothing_a_scenario_keeps_is_refused() {
    let p = plan();
    // Moving row C to the top: same tasks, same links.
    let c = p.tasks[index(&p, "C")].clone();
    let edits = [
        Edit::RemoveTask {
            index: index(&p, "C"),
        },
        Edit::InsertTask { index: 0, task: c },
        Edit::AddDependency {
            dependency: link("C", "M"),
        },
    ];
    let err = with_edits(&p, &[], &edits).unwrap_err();
    assert!(err.contains("Nothing for the scenario to record"), "{err}");
}

#[test]
fn adjustments_read_slips_and_durations() {
    assert_eq!(Adjustment::parse("+15d", false), Ok(Adjustment::Slip(15)));
    assert_eq!(Adjustment::parse(" 3w", true), Ok(Adjustment::Slip(15)));
    assert_eq!(Adjustment::parse("-2", true), Ok(Adjustment::Slip(-2)));
    assert_eq!(
        Adjustment::parse("20d", false),
        Ok(Adjustment::Duration(20))
    );
    assert!(Adjustment::parse("soon", true).is_err());
    assert!(Adjustment::parse("", true).is_err());
    assert_eq!(
        Adjustment::Slip(15).changes(&["A".into(), "C".into()]),
        vec![
            Change::Slip {
                task: "A".into(),
                days: 15
            },
            Change::Slip {
                task: "C".into(),
                days: 15
            },
        ]
    );
    assert_eq!(Adjustment::Slip(15).label(), "+15d");
    assert_eq!(Adjustment::Duration(4).label(), "→ 4d");
}

#[test]
fn the_summary_reads_like_an_email() {
    let p = plan();
    let base = engine::schedule(&p).unwrap();
    let impact = quick_impact(
        &p,
        &base,
        &[Change::Slip {
            task: "A".into(),
            days: 5,
        }],
    )
    .unwrap();
    let text = impact.comparison.summary("Scenario 'A late'");
    assert_eq!(
        text,
        "Scenario 'A late': Launch 2026-01-14 → 2026-01-21 (+5 working days); \
         program finish 2026-01-14 → 2026-01-21 (+5 working days)."
    );
    let none = quick_impact(
        &p,
        &base,
        &[Change::Slip {
            task: "C".into(),
            days: 1,
        }],
    )
    .unwrap();
    assert!(
        none.comparison
            .summary("S")
            .starts_with("S: no milestone moves; program finish unchanged")
    );
    let _ = LinkType::SS;
}
