//! Scenario changes on tasks with a three-point estimate: a slip moves the three points, a
//! new duration rescales them, `set_estimate` replaces them; recorded from grid edits and
//! merged so that what the scenario shows is what it replays.
//!
//! The plan: A (10d, estimated 8/10/15) → M (milestone); B (4d, no estimate) → M. Monday
//! 2026-01-05 start.

mod common;
use common::*;
use engine::edit::Edit;
use engine::scenario::{Change, apply, changes_for, with_edits};
use engine::{Distribution, Estimate, LinkType::FS, Program};

fn est(a: f64, m: f64, b: f64) -> Estimate {
    Estimate {
        optimistic: a,
        likely: m,
        pessimistic: b,
        distribution: Distribution::Pert,
    }
}

fn plan() -> Program {
    let mut p = program(
        &[("A", 10), ("B", 4), ("M", 0)],
        &[("A", "M", FS, 0), ("B", "M", FS, 0)],
    );
    p.workstreams[0].name = "Identity".into();
    task_mut(&mut p, "A").name = "SSO cut-over".into();
    task_mut(&mut p, "A").estimate = Some(Box::new(est(8.0, 10.0, 15.0)));
    p
}

/// Task `id` of `changes` replayed on the plan: (duration, estimate).
fn after(changes: &[Change], id: &str) -> (i64, Option<Estimate>) {
    let mut p = apply(&plan(), changes).program;
    let t = task_mut(&mut p, id);
    (t.duration, t.estimate.as_deref().cloned())
}

fn estimate(task: &str, days: i64) -> Change {
    Change::Estimate {
        task: task.into(),
        days,
    }
}

fn slip(task: &str, days: i64) -> Change {
    Change::Slip {
        task: task.into(),
        days,
    }
}

fn set(task: &str, e: Option<Estimate>) -> Change {
    Change::SetEstimate {
        task: task.into(),
        estimate: e,
    }
}

#[test]
fn a_new_duration_rescales_the_three_points() {
    // Hand-worked: 10 days estimated 8/10/15, re-estimated to 20: × 20/10 = 16/20/30.
    assert_eq!(
        after(&[estimate("A", 20)], "A"),
        (20, Some(est(16.0, 20.0, 30.0)))
    );
    // To 5: × 1/2 = 4/5/7.5, the same shape.
    assert_eq!(
        after(&[estimate("A", 5)], "A"),
        (5, Some(est(4.0, 5.0, 7.5)))
    );
    // A task without an estimate only changes its duration.
    assert_eq!(after(&[estimate("B", 6)], "B"), (6, None));
}

#[test]
fn from_a_duration_of_zero_a_new_duration_moves_the_points() {
    let mut p = plan();
    task_mut(&mut p, "A").duration = 0;
    task_mut(&mut p, "A").estimate = Some(Box::new(est(0.0, 1.0, 2.0)));
    let v = apply(&p, &[estimate("A", 5)]).program;
    assert_eq!(v.tasks[0].estimate.as_deref(), Some(&est(5.0, 6.0, 7.0)));
}

#[test]
fn a_slip_moves_the_three_points_and_none_goes_below_zero() {
    assert_eq!(
        after(&[slip("A", 3)], "A"),
        (13, Some(est(11.0, 13.0, 18.0)))
    );
    assert_eq!(after(&[slip("A", -9)], "A"), (1, Some(est(0.0, 1.0, 6.0))));
    assert_eq!(after(&[slip("A", -20)], "A"), (0, Some(est(0.0, 0.0, 0.0))));
}

#[test]
fn set_estimate_replaces_or_removes_the_estimate_and_keeps_the_duration() {
    assert_eq!(
        after(&[set("A", Some(est(5.0, 8.0, 15.0)))], "A"),
        (10, Some(est(5.0, 8.0, 15.0)))
    );
    assert_eq!(after(&[set("A", None)], "A"), (10, None));
    assert_eq!(
        after(&[set("B", Some(est(3.0, 4.0, 9.0)))], "B"),
        (4, Some(est(3.0, 4.0, 9.0)))
    );
    let gone = apply(&plan(), &[set("Z", None)]);
    assert!(matches!(
        gone.outcomes[0],
        engine::scenario::Outcome::NoLongerApplies(_)
    ));
}

#[test]
fn set_estimate_reads_in_plain_words_and_in_the_file() {
    let p = plan();
    let mut triangular = est(5.0, 8.0, 15.0);
    assert_eq!(
        set("A", Some(triangular.clone())).describe(&p),
        "Identity: 'SSO cut-over' estimate 5/8/15d (PERT)"
    );
    triangular.distribution = Distribution::Triangular;
    triangular.pessimistic = 15.5;
    assert_eq!(
        set("A", Some(triangular)).describe(&p),
        "Identity: 'SSO cut-over' estimate 5/8/15.5d (Triangular)"
    );
    assert_eq!(
        set("A", None).describe(&p),
        "Identity: 'SSO cut-over' estimate removed"
    );
    let json = serde_json::to_string(&set("A", Some(est(5.0, 8.0, 15.0)))).unwrap();
    assert_eq!(
        json,
        r#"{"change":"set_estimate","task":"A","estimate":{"optimistic":5.0,"likely":8.0,"pessimistic":15.0,"distribution":"pert"}}"#
    );
    let read: Change =
        serde_json::from_str(r#"{"change": "set_estimate", "task": "A", "estimate": null}"#)
            .unwrap();
    assert_eq!(read, set("A", None));
    assert_eq!(read.task(), Some("A"));
}

fn replace(p: &Program, id: &str, f: impl FnOnce(&mut engine::Task)) -> Edit {
    let i = p.tasks.iter().position(|t| t.id == id).unwrap();
    let mut task = p.tasks[i].clone();
    f(&mut task);
    Edit::ReplaceTask { index: i, task }
}

#[test]
fn a_changed_estimate_in_the_grid_becomes_set_estimate() {
    let p = plan();
    let typed = est(9.0, 12.0, 20.0);
    let only_estimate = replace(&p, "A", |t| t.estimate = Some(Box::new(typed.clone())));
    assert_eq!(
        changes_for(&p, &[only_estimate], &[]),
        Ok(vec![set("A", Some(typed.clone()))])
    );
    // A duration and an estimate typed in one action: the estimate comes last, as typed.
    let both = replace(&p, "A", |t| {
        t.duration = 12;
        t.estimate = Some(Box::new(typed.clone()));
    });
    let changes = changes_for(&p, &[both], &[]).unwrap();
    assert_eq!(
        changes,
        vec![estimate("A", 12), set("A", Some(typed.clone()))]
    );
    assert_eq!(after(&changes, "A"), (12, Some(typed)));
    let removed = replace(&p, "A", |t| t.estimate = None);
    assert_eq!(changes_for(&p, &[removed], &[]), Ok(vec![set("A", None)]));
}

#[test]
fn a_second_estimate_replaces_the_first() {
    let p = plan();
    let first = with_edits(
        &p,
        &[],
        &[replace(&p, "A", |t| {
            t.estimate = Some(Box::new(est(9.0, 12.0, 20.0)))
        })],
    )
    .unwrap();
    let shown = apply(&p, &first).program;
    let second = with_edits(
        &p,
        &first,
        &[replace(&shown, "A", |t| {
            t.estimate = Some(Box::new(est(6.0, 9.0, 14.0)))
        })],
    )
    .unwrap();
    assert_eq!(second, vec![set("A", Some(est(6.0, 9.0, 14.0)))]);
}

/// What a scenario shows after each edit is what its changes replay: the relative changes
/// (a slip, a new duration) compose with an estimate set before or after them.
#[test]
fn what_the_scenario_shows_is_what_it_replays() {
    let p = plan();
    let check = |changes: &[Change], edit: &dyn Fn(&Program) -> Edit, expected: (i64, Estimate)| {
        let shown = apply(&p, changes).program;
        let merged = with_edits(&p, changes, &[edit(&shown)]).unwrap();
        assert_eq!(
            after(&merged, "A"),
            (expected.0, Some(expected.1)),
            "{merged:?}"
        );
        merged
    };
    // A slipped by 2 shows 12 days, 10/12/17; typing 18 scales what is shown: × 18/12.
    let merged = check(
        &[slip("A", 2)],
        &|shown| replace(shown, "A", |t| t.duration = 18),
        (18, est(15.0, 18.0, 25.5)),
    );
    assert_eq!(
        merged[0],
        estimate("A", 18),
        "the new duration replaces the slip"
    );
    // An estimate set, then a new duration: the set estimate is scaled (× 20/10).
    let merged = check(
        &[set("A", Some(est(6.0, 9.0, 14.0)))],
        &|shown| replace(shown, "A", |t| t.duration = 20),
        (20, est(12.0, 18.0, 28.0)),
    );
    assert_eq!(merged.len(), 2);
    // A new duration, then an estimate typed: kept as typed, whatever came before.
    let merged = check(
        &merged,
        &|shown| {
            replace(shown, "A", |t| {
                t.estimate = Some(Box::new(est(1.0, 2.0, 3.0)))
            })
        },
        (20, est(1.0, 2.0, 3.0)),
    );
    // And a new duration after that scales the typed estimate (× 10/20).
    check(
        &merged,
        &|shown| replace(shown, "A", |t| t.duration = 10),
        (10, est(0.5, 1.0, 1.5)),
    );
}

#[test]
fn a_task_the_scenario_adds_takes_its_estimate_with_it() {
    let p = plan();
    let mut n = task("N", 10);
    n.estimate = Some(Box::new(est(8.0, 10.0, 15.0)));
    let added = with_edits(&p, &[], &[Edit::InsertTask { index: 3, task: n }]).unwrap();
    let shown = apply(&p, &added).program;
    let longer = with_edits(&p, &added, &[replace(&shown, "N", |t| t.duration = 20)]).unwrap();
    let mut expected = task("N", 20);
    expected.estimate = Some(Box::new(est(16.0, 20.0, 30.0)));
    assert_eq!(longer, vec![Change::AddTask { task: expected }]);
    let shown = apply(&p, &longer).program;
    let cleared = with_edits(&p, &longer, &[replace(&shown, "N", |t| t.estimate = None)]).unwrap();
    assert_eq!(
        cleared,
        vec![Change::AddTask {
            task: task("N", 20)
        }]
    );
}
