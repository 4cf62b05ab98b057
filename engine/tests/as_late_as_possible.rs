//! The as-late-as-possible constraint (ALAP): hand-worked examples and the properties that
//! hold on any plan. The program starts Monday 5 Jan 2026 on a Monday-to-Friday calendar
//! (offset 0 = Mon 5, 1 = Tue 6, … 5 = Mon 12).

mod common;
use common::*;
use engine::generate::{Options, Shape, generate_with};
use engine::{Code, Constraint, ConstraintKind, CriticalPath, LinkType, LinkType::*, Program};
use proptest::prelude::*;

fn alap(program: &mut Program, id: &str) {
    task_mut(program, id).constraint = Some(Constraint {
        kind: ConstraintKind::ALAP,
        date: None,
    });
}

/// A (3d) → C (5d), and P (1d) → B (1d) → C, B as late as possible.
///
/// The passes: A [0,3) Mon 5 – Wed 7; P [0,1) Mon 5; B as soon as possible [1,2) Tue 6;
/// C [3,8) Thu 8 – Wed 14. Late: C [3,8), B finishes by C's late start 3, P by B's late
/// start 2. B is then placed as late as C's start (3) and its late finish (3) allow: [2,3),
/// Wednesday 7, the day before C starts. B has no room left: total float 0, critical (C is).
/// P stays, and its free float grows from 0 to 1 (B now starts at 2); its total float is 1
/// either way. Nothing else moves: the program still finishes Wednesday 14.
fn just_in_time() -> Program {
    let mut p = program(
        &[("A", 3), ("C", 5), ("P", 1), ("B", 1)],
        &[("A", "C", FS, 0), ("P", "B", FS, 0), ("B", "C", FS, 0)],
    );
    alap(&mut p, "B");
    p
}

#[test]
fn placed_right_before_the_task_that_needs_it() {
    let p = just_in_time();
    let s = run(&p);
    let b = of(&p, &s, "B");
    assert_eq!(offsets(b), (2, 3, 2, 3, 0));
    assert_eq!(dates(b), ("2026-01-07".into(), "2026-01-07".into()));
    assert_eq!((b.free_float, b.critical), (0, true));
    let pred = of(&p, &s, "P");
    assert_eq!(offsets(pred), (0, 1, 1, 2, 1));
    assert_eq!(
        (pred.free_float, pred.critical),
        (1, false),
        "its predecessor gains the room"
    );
    assert_eq!(offsets(of(&p, &s, "A")), (0, 3, 0, 3, 0));
    assert_eq!(offsets(of(&p, &s, "C")), (3, 8, 3, 8, 0));
    assert_eq!(
        (s.finish_offset, s.finish.to_string()),
        (8, "2026-01-14".into())
    );

    let mut asap = p.clone();
    task_mut(&mut asap, "B").constraint = None;
    let s = run(&asap);
    assert_eq!(offsets(of(&asap, &s, "B")), (1, 2, 2, 3, 1));
    assert_eq!(of(&asap, &s, "P").free_float, 0, "before, B took P's room");
}

#[test]
fn on_the_longest_path_it_drives_its_successor_but_its_predecessor_does_not_drive_it() {
    let mut p = just_in_time();
    p.program.critical_path = CriticalPath::LongestPath;
    let s = run(&p);
    let critical: Vec<&str> = s.critical_tasks().map(|t| p.tasks[t].id.as_str()).collect();
    assert_eq!(critical, ["A", "C", "B"]);
}

/// A (5d) → D (1d), and B (1d) → C (1d) → D. B alone as late as possible does not move: C
/// starts right after it, and C is not pushed (MS Project would push C; this engine never
/// moves another task). B keeps its total float of 3.
///
/// B and C both as late as possible: C is placed first, before D starts (5): [4,5) Friday 9;
/// then B before C: [3,4) Thursday 8. Both have no room left.
#[test]
fn a_chain_is_placed_from_its_end_and_pushes_nothing() {
    let mut p = program(
        &[("A", 5), ("D", 1), ("B", 1), ("C", 1)],
        &[("A", "D", FS, 0), ("B", "C", FS, 0), ("C", "D", FS, 0)],
    );
    alap(&mut p, "B");
    let s = run(&p);
    assert_eq!(offsets(of(&p, &s, "B")), (0, 1, 3, 4, 3));
    assert_eq!(offsets(of(&p, &s, "C")), (1, 2, 4, 5, 3));
    assert!(!of(&p, &s, "B").critical);

    alap(&mut p, "C");
    let s = run(&p);
    assert_eq!(offsets(of(&p, &s, "C")), (4, 5, 4, 5, 0));
    assert_eq!(offsets(of(&p, &s, "B")), (3, 4, 3, 4, 0));
    assert_eq!(dates(of(&p, &s, "B")).0, "2026-01-08");
    assert_eq!(dates(of(&p, &s, "C")).0, "2026-01-09");
    assert_eq!(offsets(of(&p, &s, "D")), (5, 6, 5, 6, 0));
}

/// A (5d) and B (1d) without links: B goes to the program finish, Friday 9. A committed
/// finish later (Friday 16) does not carry it there: the program finish does not move, and
/// B has that week as float.
#[test]
fn without_successors_it_finishes_with_the_program_not_at_finish_by() {
    let mut p = program(&[("A", 5), ("B", 1)], &[]);
    alap(&mut p, "B");
    let s = run(&p);
    assert_eq!(offsets(&s.tasks[1]), (4, 5, 4, 5, 0));
    assert!(s.tasks[1].critical);
    p.program.finish_by = Some(d("2026-01-16"));
    let s = run(&p);
    assert_eq!(offsets(&s.tasks[1]), (4, 5, 9, 10, 5));
    assert!(!s.tasks[1].critical);
    assert_eq!(s.finish.to_string(), "2026-01-09");
}

/// A (3d) → C (5d) and a milestone M → C as late as possible: reached when C starts, shown
/// on the day before (Wednesday 7).
#[test]
fn a_milestone_is_placed_at_its_successors_start() {
    let mut p = program(
        &[("A", 3), ("C", 5), ("M", 0)],
        &[("A", "C", FS, 0), ("M", "C", FS, 0)],
    );
    alap(&mut p, "M");
    let s = run(&p);
    assert_eq!(offsets(of(&p, &s, "M")), (3, 3, 3, 3, 0));
    assert_eq!(dates(of(&p, &s, "M")).0, "2026-01-07");
}

/// B (1d) as late as possible, no links, beside A (5d): its deadline, Wednesday 7, stops it
/// there (its late finish), so it is not made to miss it. After A (B then starts Monday
/// 12), the deadline is missed as soon as possible already: B stays, with the warning.
#[test]
fn a_deadline_caps_how_late_it_goes_and_never_pulls_it_earlier() {
    let mut p = program(&[("A", 5), ("B", 1)], &[]);
    alap(&mut p, "B");
    task_mut(&mut p, "B").deadline = Some(d("2026-01-07"));
    let s = run(&p);
    assert_eq!(offsets(&s.tasks[1]), (2, 3, 2, 3, 0));
    assert!(s.warnings.is_empty());

    p.dependencies = program(&[], &[("A", "B", FS, 0)]).dependencies;
    let s = run(&p);
    assert_eq!(offsets(&s.tasks[1]), (5, 6, 2, 3, -3));
    assert_eq!(s.warnings[0].code, Code::DeadlineMissed);
}

/// A (3d) → C (5d), B (2d) → C start-to-start with a day's lag: B starts by 2 (Wednesday 7)
/// and runs into C. Finish-to-finish instead: B finishes with C, [6,8).
#[test]
fn start_and_finish_links_bound_the_start_and_the_finish() {
    let link = |kind: LinkType, lag| {
        let mut p = program(
            &[("A", 3), ("C", 5), ("B", 2)],
            &[("A", "C", FS, 0), ("B", "C", kind, lag)],
        );
        alap(&mut p, "B");
        let s = run(&p);
        offsets(of(&p, &s, "B"))
    };
    assert_eq!(link(SS, 1), (2, 4, 2, 4, 0));
    assert_eq!(link(FF, 0), (6, 8, 6, 8, 0));
}

/// B (1d) works Monday to Thursday; C starts Monday 12 (after A, 5d). Friday 9 is no working
/// day of B's: it is placed on Thursday 8.
#[test]
fn on_a_team_calendar_it_lands_on_a_team_working_day() {
    let mut p = program(
        &[("A", 5), ("C", 1), ("B", 1)],
        &[("A", "C", FS, 0), ("B", "C", FS, 0)],
    );
    let mut team = workstream("t");
    team.calendar = Some(engine::Calendar {
        workdays: vec![
            chrono::Weekday::Mon,
            chrono::Weekday::Tue,
            chrono::Weekday::Wed,
            chrono::Weekday::Thu,
        ],
        holidays: vec![],
    });
    p.workstreams.push(team);
    task_mut(&mut p, "B").workstream = "t".into();
    alap(&mut p, "B");
    let s = run(&p);
    let b = of(&p, &s, "B");
    assert_eq!((b.es, b.ef, b.lf, b.total_float), (3, 4, 4, 0));
    assert_eq!(dates(b).0, "2026-01-08");
}

/// Started or finished, a task stays where it happened: the schedule is the one it would
/// have as soon as possible.
#[test]
fn progress_keeps_it_where_it_happened() {
    for (actual_start, percent) in [("2026-01-05", 50.0), ("2026-01-05", 100.0)] {
        let mut p = just_in_time();
        p.program.status_date = Some(d("2026-01-06"));
        let b = task_mut(&mut p, "B");
        b.actual_start = Some(d(actual_start));
        b.percent_complete = percent;
        let mut asap = p.clone();
        task_mut(&mut asap, "B").constraint = None;
        assert_eq!(run(&p), run(&asap), "{percent}%");
    }
}

/// The forecast places the task late in every iteration: its P50 is its place in the
/// schedule, not where it could start.
#[test]
fn a_forecast_places_it_late_in_every_iteration() {
    let mut p = program(
        &[("A", 3), ("C", 5), ("M", 0)],
        &[("A", "C", FS, 0), ("M", "C", FS, 0)],
    );
    alap(&mut p, "M");
    task_mut(&mut p, "A").estimate = Some(Box::new(engine::Estimate {
        optimistic: 3.0,
        likely: 3.0,
        pessimistic: 3.0,
        distribution: engine::Distribution::Uniform,
    }));
    let checked = engine::check(&p).unwrap();
    let settings = engine::forecast::Settings {
        iterations: 20,
        seed: 7,
    };
    let f = engine::forecast::forecast(&checked, &settings).unwrap();
    assert_eq!(f.milestones[0].outcome.p50.to_string(), "2026-01-07");
    assert_eq!(f.criticality[2], 1.0);
}

/// A → M → C and B → C, M as late as possible: M waits for C, which waits for B too, so B
/// and the risk on B can move M (they could not move it as soon as possible).
#[test]
fn what_drives_a_milestone_placed_late_is_not_only_upstream_of_it() {
    let mut p = program(
        &[("A", 5), ("M", 0), ("B", 5), ("C", 5)],
        &[("A", "M", FS, 0), ("M", "C", FS, 0), ("B", "C", FS, 0)],
    );
    alap(&mut p, "M");
    for t in [0, 2] {
        p.tasks[t].estimate = Some(Box::new(engine::Estimate {
            optimistic: 2.0,
            likely: 5.0,
            pessimistic: 9.0,
            distribution: engine::Distribution::Uniform,
        }));
    }
    p.risks.push(engine::Risk {
        id: "R".into(),
        title: "Supplier late".into(),
        probability: 0.5,
        impact: engine::Impact { min: 1, max: 4 },
        tasks: vec!["B".into()],
        ..Default::default()
    });
    let checked = engine::check(&p).unwrap();
    let settings = engine::forecast::Settings {
        iterations: 500,
        seed: 3,
    };
    let f = engine::forecast::forecast(&checked, &settings).unwrap();
    let mut ids: Vec<String> = f
        .sensitivity()
        .drivers(engine::forecast::Target::Milestone(1))
        .into_iter()
        .map(|d| d.id)
        .collect();
    ids.sort();
    assert_eq!(ids, ["A", "B", "R"]);
}

/// Random plans with a random set of tasks made as late as possible (a task's other
/// constraint replaced), and the same plans with those tasks as soon as possible.
fn with_and_without(
    shape: Shape,
    n: usize,
    seed: u64,
    team_calendar: bool,
    every: usize,
    finish_by: u64,
) -> (Program, Program, Vec<usize>) {
    let mut asap = generate_with(
        shape,
        n,
        seed,
        Options {
            constraints: true,
            team_calendar,
        },
    );
    if finish_by > 0 {
        asap.program.finish_by = asap
            .program
            .start
            .checked_add_days(chrono::Days::new(finish_by * 7));
    }
    let chosen: Vec<usize> = (0..n)
        .filter(|t| (t * 7 + seed as usize).is_multiple_of(every))
        .collect();
    for &t in &chosen {
        asap.tasks[t].constraint = None;
    }
    let mut late = asap.clone();
    for &t in &chosen {
        late.tasks[t].constraint = Some(Constraint {
            kind: ConstraintKind::ALAP,
            date: None,
        });
    }
    (asap, late, chosen)
}

fn shapes() -> impl Strategy<Value = Shape> {
    prop_oneof![
        Just(Shape::Chain),
        Just(Shape::Layered),
        Just(Shape::Random)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Making tasks as late as possible moves no other task (early or late dates, so no
    /// other total float), nor the program finish; each moves only later, never past its
    /// late finish when it moves, and every link still holds.
    #[test]
    fn as_late_as_possible_moves_nothing_else(
        shape in shapes(), n in 1usize..200, seed: u64, team: bool, every in 1usize..6,
        finish_by in 0u64..40,
    ) {
        let (asap, late, chosen) = with_and_without(shape, n, seed, team, every, finish_by);
        let before = run(&asap);
        let after = run(&late);
        prop_assert_eq!(after.finish_offset, before.finish_offset);
        prop_assert_eq!(after.finish, before.finish);
        for (t, (b, a)) in before.tasks.iter().zip(&after.tasks).enumerate() {
            prop_assert_eq!((a.ls, a.lf), (b.ls, b.lf), "task {}", t);
            if !chosen.contains(&t) {
                prop_assert_eq!((a.es, a.ef, a.total_float), (b.es, b.ef, b.total_float), "task {}", t);
                continue;
            }
            prop_assert!(a.ef >= b.ef && a.es >= b.es, "task {} moved earlier: {:?} {:?}", t, b, a);
            if a.ef > b.ef {
                prop_assert!(a.ef <= b.lf && a.total_float >= 0, "task {} past its late finish: {:?}", t, a);
            }
        }
        let index: std::collections::HashMap<&str, usize> =
            late.tasks.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
        // Per task, whether a link from it leaves no slack.
        let mut tight = vec![false; n];
        for dep in &late.dependencies {
            let from = index[dep.from.as_str()];
            let (p, s) = (&after.tasks[from], &after.tasks[index[dep.to.as_str()]]);
            let slack = match dep.kind {
                LinkType::FS => s.es - (p.ef + dep.lag),
                LinkType::SS => s.es - (p.es + dep.lag),
                LinkType::FF => s.ef - (p.ef + dep.lag),
                LinkType::SF => s.ef - (p.es + dep.lag),
            };
            prop_assert!(slack >= 0, "{:?} broken: {:?} {:?}", dep, p, s);
            tight[from] |= slack == 0;
        }
        // On the program calendar (every offset a working day), one day later would break
        // a bound: a placed task could not go later.
        for &t in chosen.iter().filter(|_| !team) {
            let a = &after.tasks[t];
            let stopped = a.ef == before.tasks[t].ef || a.ef == a.lf
                || a.ef == after.finish_offset || tight[t];
            prop_assert!(stopped, "task {} could go later: {:?}", t, a);
        }
    }

    /// A forecast without variance is the schedule with its late placements, whatever the
    /// passes.
    #[test]
    fn a_forecast_without_variance_places_tasks_as_the_schedule_does(
        shape in shapes(), n in 1usize..120, seed: u64, team: bool, every in 1usize..4,
    ) {
        let (_, mut late, _) = with_and_without(shape, n, seed, team, every, 0);
        for task in &mut late.tasks {
            let d = task.duration as f64;
            task.estimate = Some(Box::new(engine::Estimate {
                optimistic: d, likely: d, pessimistic: d, distribution: engine::Distribution::Pert,
            }));
        }
        let plan = run(&late);
        let checked = engine::check(&late).unwrap();
        let settings = engine::forecast::Settings { iterations: 2, seed };
        let f = engine::forecast::forecast(&checked, &settings).unwrap();
        prop_assert_eq!(f.finish.p90, plan.finish);
        for (t, times) in plan.tasks.iter().enumerate() {
            prop_assert_eq!(f.criticality[t], if times.critical { 1.0 } else { 0.0 }, "task {}", t);
        }
        for m in &f.milestones {
            prop_assert_eq!(m.outcome.p50, plan.tasks[m.task].finish);
        }
    }
}
