//! Scenarios, quick impact, comparisons and baselines on hand-worked plans.
//!
//! The plan: A (5d) → B (3d) → M1 (milestone); C (2d) → M1; B → D (4d) → M2 (milestone).
//! Monday 2026-01-05 start. A (0–5), B (5–8), D (8–12) and M2 (12) are critical; M1 (8) has
//! 4 days of float (the program ends at M2) and C (0–2) has 10.

mod common;
use common::*;
use engine::baseline::{capture, variance};
use engine::compare::{compare, quick_impact};
use engine::scenario::{Change, Outcome, apply};
use engine::{Code, Constraint, ConstraintKind, Dependency, LinkType::FS, Program};

fn plan() -> Program {
    let mut p = program(
        &[("A", 5), ("B", 3), ("C", 2), ("M1", 0), ("D", 4), ("M2", 0)],
        &[
            ("A", "B", FS, 0),
            ("B", "M1", FS, 0),
            ("C", "M1", FS, 0),
            ("B", "D", FS, 0),
            ("D", "M2", FS, 0),
        ],
    );
    p.workstreams[0].name = "Identity".into();
    task_mut(&mut p, "A").name = "SSO cut-over".into();
    p
}

fn slip(task: &str, days: i64) -> Change {
    Change::Slip {
        task: task.into(),
        days,
    }
}

#[test]
fn every_change_applies_and_reads_in_plain_words() {
    let p = plan();
    let changes = vec![
        slip("A", 15),
        Change::Estimate {
            task: "C".into(),
            days: 4,
        },
        Change::AddTask { task: task("E", 2) },
        Change::AddDependency {
            dependency: Dependency {
                from: "E".into(),
                to: "M2".into(),
                kind: FS,
                lag: 1,
            },
        },
        Change::RemoveDependency {
            from: "C".into(),
            to: "M1".into(),
        },
        Change::SetConstraint {
            task: "D".into(),
            constraint: Some(Constraint {
                kind: ConstraintKind::SNET,
                date: Some(d("2026-03-02")),
            }),
        },
        Change::SetDeadline {
            task: "M2".into(),
            deadline: Some(d("2026-02-27")),
        },
        Change::RemoveTask { task: "C".into() },
    ];
    let applied = apply(&p, &changes);
    assert!(
        applied.outcomes.iter().all(|o| *o == Outcome::Applied),
        "{:?}",
        applied.outcomes
    );
    let v = &applied.program;
    assert_eq!(task_mut(&mut v.clone(), "A").duration, 20);
    assert!(v.tasks.iter().all(|t| t.id != "C"));
    assert!(
        v.dependencies
            .iter()
            .any(|d| d.from == "E" && d.to == "M2" && d.lag == 1)
    );
    let words: Vec<String> = changes.iter().map(|c| c.describe(&p)).collect();
    assert_eq!(
        words,
        [
            "Identity: 'SSO cut-over' +15d",
            "Identity: 'Task C' re-estimated to 4d",
            "Added 2d task 'Task E' (E)",
            "Added link E → M2 (FS+1d)",
            "Removed link C → M1",
            "Identity: 'Task D': constraint SNET 2026-03-02",
            "Identity: 'Task M2': deadline 2026-02-27",
            "Removed Identity: 'Task C'",
        ]
    );
    assert_eq!(p, plan(), "applying never mutates the program");
}

#[test]
fn a_change_that_no_longer_applies_says_so_and_the_rest_still_apply() {
    let mut p = plan();
    let changes = vec![
        slip("C", 3),
        slip("A", 2),
        Change::RemoveDependency {
            from: "C".into(),
            to: "M1".into(),
        },
    ];
    p.tasks.retain(|t| t.id != "C");
    p.dependencies.retain(|d| d.from != "C");
    let applied = apply(&p, &changes);
    assert_eq!(
        applied.outcomes[0],
        Outcome::NoLongerApplies("task 'C' no longer exists".into())
    );
    assert_eq!(applied.outcomes[1], Outcome::Applied);
    assert_eq!(
        applied.outcomes[2],
        Outcome::NoLongerApplies("there is no link C → M1 any more".into())
    );
    assert_eq!(changes[0].describe(&p), "'C' (deleted) +3d");
}

#[test]
fn later_edits_to_the_program_flow_into_the_scenario() {
    let changes = vec![slip("A", 2)];
    let mut p = plan();
    assert_eq!(run(&apply(&p, &changes).program).finish_offset, 14);
    task_mut(&mut p, "D").duration = 10;
    assert_eq!(
        run(&apply(&p, &changes).program).finish_offset,
        20,
        "the program's new estimate of D counts"
    );
}

#[test]
fn slipping_the_critical_path_moves_the_milestones() {
    let p = plan();
    let base = run(&p);
    let impact = quick_impact(&p, &base, &[slip("A", 5)]).unwrap();
    let c = &impact.comparison;
    let moved: Vec<(&str, Option<i64>)> = c
        .moved_milestones()
        .map(|m| (m.id.as_str(), m.delta))
        .collect();
    assert_eq!(moved, [("M1", Some(5)), ("M2", Some(5))]);
    assert_eq!(c.milestones[0].before, Some(d("2026-01-14")));
    assert_eq!(c.milestones[0].after, Some(d("2026-01-21")));
    assert_eq!(c.finish.delta, Some(5));
    assert!(!c.critical_path_changed());
    assert!(
        c.absorbed.is_empty(),
        "everything moved with A; C's float grew: {:?}",
        c.absorbed
    );
}

#[test]
fn a_slip_within_float_moves_nothing_and_is_absorbed() {
    let p = plan();
    let base = run(&p);
    let impact = quick_impact(&p, &base, &[slip("C", 4)]).unwrap();
    let c = &impact.comparison;
    assert_eq!(c.moved_milestones().count(), 0);
    assert_eq!(c.finish.delta, Some(0));
    assert_eq!(c.absorbed.len(), 1);
    assert_eq!(
        (
            c.absorbed[0].id.as_str(),
            c.absorbed[0].float_before,
            c.absorbed[0].float_after
        ),
        ("C", 10, 6)
    );
}

#[test]
fn a_slip_beyond_float_changes_the_critical_path() {
    let p = plan();
    let base = run(&p);
    // C grows to 14 days: M1 (now at 14) is later than M2 (12), so C and M1 become the
    // critical path and the old one gets 2 days of float.
    let c = quick_impact(&p, &base, &[slip("C", 12)])
        .unwrap()
        .comparison;
    let m1 = &c.milestones[0];
    assert_eq!(
        (m1.id.as_str(), m1.delta, m1.float_after),
        ("M1", Some(6), Some(0))
    );
    assert_eq!(c.finish.delta, Some(2));
    assert_eq!(c.became_critical, ["C", "M1"]);
    assert_eq!(c.left_critical, ["A", "B", "D", "M2"]);
}

#[test]
fn removing_a_link_can_pull_a_milestone_in() {
    let p = plan();
    let base = run(&p);
    let change = Change::RemoveDependency {
        from: "B".into(),
        to: "D".into(),
    };
    let c = quick_impact(&p, &base, &[change]).unwrap().comparison;
    let m2 = c.milestones.iter().find(|m| m.id == "M2").unwrap();
    assert_eq!(m2.delta, Some(-8));
    assert!(c.left_critical.contains(&"D".to_string()));
}

#[test]
fn added_milestones_and_removed_tasks_are_listed() {
    let p = plan();
    let base = run(&p);
    let changes = [
        Change::AddTask {
            task: task("M3", 0),
        },
        Change::RemoveTask { task: "M2".into() },
    ];
    let c = quick_impact(&p, &base, &changes).unwrap().comparison;
    let m2 = c.milestones.iter().find(|m| m.id == "M2").unwrap();
    assert_eq!((m2.after, m2.delta), (None, None));
    let m3 = c.milestones.iter().find(|m| m.id == "M3").unwrap();
    assert_eq!((m3.before, m3.delta), (None, None));
}

#[test]
fn a_change_that_closes_a_cycle_is_refused_with_the_cycle() {
    let p = plan();
    let base = run(&p);
    let change = Change::AddDependency {
        dependency: Dependency {
            from: "M2".into(),
            to: "A".into(),
            kind: FS,
            lag: 0,
        },
    };
    let error = quick_impact(&p, &base, &[change]).unwrap_err();
    assert_eq!(error.0[0].code, Code::DependencyCycle);
}

#[test]
fn comparing_a_schedule_with_itself_finds_nothing() {
    let p = plan();
    let s = run(&p);
    let c = compare(&p, &s, &p, &s);
    assert_eq!(c.moved_milestones().count(), 0);
    assert!(c.absorbed.is_empty() && !c.critical_path_changed());
}

#[test]
fn variance_against_a_baseline_is_in_working_days() {
    let mut p = plan();
    let baseline = capture("b1", "Signed off", d("2026-01-02"), &p, &run(&p));
    task_mut(&mut p, "A").duration = 7;
    p.tasks.push(task("NEW", 1));
    let checked = engine::check(&p).unwrap();
    let s = engine::schedule_checked(&checked).unwrap();
    let v = variance(&checked, &s, &baseline);
    assert_eq!(v[0].map(|v| (v.start, v.finish)), Some((0, 2)));
    assert_eq!(
        v[5].map(|v| (v.start, v.finish)),
        Some((2, 2)),
        "M2 follows"
    );
    assert_eq!(v[6], None, "added since the baseline");
    // Moving the whole program a week later shows as five working days of variance.
    p.program.start = d("2026-01-12");
    task_mut(&mut p, "A").duration = 5;
    let checked = engine::check(&p).unwrap();
    let s = engine::schedule_checked(&checked).unwrap();
    assert_eq!(
        variance(&checked, &s, &baseline)[3].map(|v| v.finish),
        Some(5)
    );
}
