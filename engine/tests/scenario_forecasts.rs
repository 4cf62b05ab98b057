//! A scenario's Monte Carlo forecast reflects every kind of change: the forecast of the
//! scenario applied (same settings, same seed) moves from the program's the way the change
//! says.
//!
//! The plan, from Monday 2026-01-05: A "Build" (10d, estimated 8/10/15) → B "Test" (5d,
//! estimated 4/5/8) → M "Launch" (milestone, deadline Friday 2026-01-23, the deterministic
//! date); C "Docs" (4d, estimated 3/4/6) → M. A and B make the only path that can be
//! critical: C takes at most 6 days, A and B at least 12.

mod common;
use common::*;
use engine::forecast::{Forecast, Outcome, Settings, forecast};
use engine::scenario::{Change, Outcome as Replayed, apply};
use engine::{
    Constraint, ConstraintKind, Dependency, Distribution, Estimate, LinkType::FS, Program,
};

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
        &[("A", 10), ("B", 5), ("C", 4), ("M", 0)],
        &[("A", "B", FS, 0), ("B", "M", FS, 0), ("C", "M", FS, 0)],
    );
    task_mut(&mut p, "A").estimate = Some(Box::new(est(8.0, 10.0, 15.0)));
    task_mut(&mut p, "B").estimate = Some(Box::new(est(4.0, 5.0, 8.0)));
    task_mut(&mut p, "C").estimate = Some(Box::new(est(3.0, 4.0, 6.0)));
    task_mut(&mut p, "M").deadline = Some(d("2026-01-23"));
    p
}

const SETTINGS: Settings = Settings {
    iterations: 2_000,
    seed: 11,
};

fn forecast_of(p: &Program) -> Forecast {
    let checked = engine::check(p).unwrap_or_else(|e| panic!("{e}"));
    forecast(&checked, &SETTINGS).unwrap()
}

/// The forecast of the program with `changes` applied (each of which must apply).
fn scenario(changes: &[Change]) -> Forecast {
    let applied = apply(&plan(), changes);
    assert!(
        applied.outcomes.iter().all(|o| *o == Replayed::Applied),
        "{:?}",
        applied.outcomes
    );
    forecast_of(&applied.program)
}

/// P10, P50 and P90 as working-day offsets.
fn points(o: &Outcome) -> [i64; 3] {
    let p = plan();
    let checked = engine::check(&p).unwrap();
    [o.p10, o.p50, o.p90].map(|date| checked.timeline().offset_of(date))
}

/// How many working days each of P10, P50 and P90 moved, scenario minus program.
fn shift(program: &Outcome, scenario: &Outcome) -> [i64; 3] {
    let (a, b) = (points(program), points(scenario));
    [b[0] - a[0], b[1] - a[1], b[2] - a[2]]
}

fn launch(f: &Forecast) -> &Outcome {
    &f.milestones[0].outcome
}

fn on_time(f: &Forecast) -> f64 {
    launch(f).probability_on_time.unwrap()
}

#[test]
fn the_programs_forecast() {
    let f = forecast_of(&plan());
    assert_eq!(launch(&f).deterministic, d("2026-01-23"));
    let [p10, p50, p90] = points(launch(&f));
    assert!(
        12 <= p10 && p10 < p50 && p50 < p90 && p90 <= 23,
        "{p10} {p50} {p90}"
    );
    let chance = on_time(&f);
    assert!(0.1 < chance && chance < 0.9, "{chance}");
    assert_eq!(f.criticality[2], 0.0, "C is never critical");
}

#[test]
fn a_slip_moves_every_percentile_by_the_slip() {
    // The bug this guards: the forecast draws A from its estimate, so a slip that changed
    // only the duration left the scenario's forecast where the program's was.
    let base = forecast_of(&plan());
    let slipped = scenario(&[Change::Slip {
        task: "A".into(),
        days: 10,
    }]);
    assert_eq!(shift(launch(&base), launch(&slipped)), [10, 10, 10]);
    assert_eq!(shift(&base.finish, &slipped.finish), [10, 10, 10]);
    assert!(on_time(&slipped) < on_time(&base));
    assert_eq!(on_time(&slipped), 0.0, "at least 22 days against 15");
}

#[test]
fn a_new_duration_moves_and_widens_the_forecast() {
    // A re-estimated to 20 days: 16/20/30, twice the spread.
    let base = forecast_of(&plan());
    let longer = scenario(&[Change::Estimate {
        task: "A".into(),
        days: 20,
    }]);
    let moved = shift(launch(&base), launch(&longer));
    assert!(moved.iter().all(|&days| days >= 7), "{moved:?}");
    let spread = |o: &Outcome| points(o)[2] - points(o)[0];
    assert!(spread(launch(&longer)) > spread(launch(&base)));
    assert!(on_time(&longer) < on_time(&base));
    // Shorter, to 5 days (4/5/7.5): earlier.
    let shorter = scenario(&[Change::Estimate {
        task: "A".into(),
        days: 5,
    }]);
    assert!(
        shift(launch(&base), launch(&shorter))
            .iter()
            .all(|&d| d < 0)
    );
    assert!(on_time(&shorter) > on_time(&base));
}

#[test]
fn a_new_three_point_estimate_moves_the_forecast_but_not_the_plan() {
    let base = forecast_of(&plan());
    let pessimistic = scenario(&[Change::SetEstimate {
        task: "A".into(),
        estimate: Some(est(12.0, 15.0, 25.0)),
    }]);
    assert_eq!(
        launch(&pessimistic).deterministic,
        launch(&base).deterministic,
        "the duration is unchanged"
    );
    assert!(
        shift(launch(&base), launch(&pessimistic))
            .iter()
            .all(|&d| d > 0)
    );
    assert!(on_time(&pessimistic) < on_time(&base));
    // Without an estimate A keeps its 10 days: the spread narrows.
    let certain = scenario(&[Change::SetEstimate {
        task: "A".into(),
        estimate: None,
    }]);
    let spread = |o: &Outcome| points(o)[2] - points(o)[0];
    assert!(spread(launch(&certain)) < spread(launch(&base)));
}

#[test]
fn an_added_task_moves_the_program_finish_and_not_the_milestone_it_does_not_feed() {
    let base = forecast_of(&plan());
    let mut x = task("X", 25);
    x.estimate = Some(Box::new(est(20.0, 25.0, 30.0)));
    let added = scenario(&[Change::AddTask { task: x }]);
    assert!(shift(&base.finish, &added.finish).iter().all(|&d| d > 0));
    assert!(points(&added.finish)[0] >= 20, "X sets the finish");
    assert_eq!(added.criticality.len(), 5);
    assert!(added.criticality[4] > 0.99, "X is nearly always critical");
    // M is untouched: X comes last in the task list, so it draws after A, B and C in each
    // iteration and their draws are the same.
    assert_eq!(shift(launch(&base), launch(&added)), [0, 0, 0]);
    assert_eq!(on_time(&added), on_time(&base));
}

#[test]
fn a_removed_task_brings_everything_after_it_forward() {
    let base = forecast_of(&plan());
    let without = scenario(&[Change::RemoveTask { task: "A".into() }]);
    assert!(
        points(launch(&without))[2] < points(launch(&base))[0],
        "B or C alone (at most 8 days) beats A and B (at least 12)"
    );
    assert_eq!(on_time(&without), 1.0);
}

#[test]
fn an_added_link_delays_and_a_removed_link_advances() {
    let base = forecast_of(&plan());
    // C (3–6 days) before A: every iteration finishes C's draw later.
    let linked = scenario(&[Change::AddDependency {
        dependency: Dependency {
            from: "C".into(),
            to: "A".into(),
            kind: FS,
            lag: 0,
        },
    }]);
    let moved = shift(launch(&base), launch(&linked));
    assert!(
        moved.iter().all(|&days| (3..=6).contains(&days)),
        "{moved:?}"
    );
    assert!(on_time(&linked) < on_time(&base));
    // B beside A instead of after it: the launch waits for the longer of them.
    let unlinked = scenario(&[Change::RemoveDependency {
        from: "A".into(),
        to: "B".into(),
    }]);
    let moved = shift(launch(&base), launch(&unlinked));
    assert!(moved.iter().all(|&days| days <= -4), "{moved:?}");
    assert!(on_time(&unlinked) > on_time(&base));
}

#[test]
fn a_constraint_moves_the_forecast_by_the_days_it_holds_the_task() {
    let base = forecast_of(&plan());
    // A may not start before Monday 19th: 10 working days late on every draw.
    let held = scenario(&[Change::SetConstraint {
        task: "A".into(),
        constraint: Some(Constraint {
            kind: ConstraintKind::SNET,
            date: Some(d("2026-01-19")),
        }),
    }]);
    assert_eq!(shift(launch(&base), launch(&held)), [10, 10, 10]);
    assert_eq!(on_time(&held), 0.0);
}

#[test]
fn a_deadline_moves_the_chance_of_meeting_it_and_no_date() {
    let base = forecast_of(&plan());
    let later = scenario(&[Change::SetDeadline {
        task: "M".into(),
        deadline: Some(d("2026-02-06")),
    }]);
    assert_eq!(shift(launch(&base), launch(&later)), [0, 0, 0]);
    assert_eq!(launch(&later).committed, Some(d("2026-02-06")));
    assert!(on_time(&later) > on_time(&base));
    assert_eq!(
        on_time(&later),
        1.0,
        "at most 23 working days: by 6 February"
    );
    let earlier = scenario(&[Change::SetDeadline {
        task: "M".into(),
        deadline: Some(d("2026-01-21")),
    }]);
    assert!(on_time(&earlier) < on_time(&base));
    let none = scenario(&[Change::SetDeadline {
        task: "M".into(),
        deadline: None,
    }]);
    assert_eq!(launch(&none).probability_on_time, None);
}
