//! Property tests on random programs: the rules of the schedule hold for any plan.

use engine::generate::{Options, Shape, generate_with};
use engine::{CriticalPath, LinkType, Program, Schedule};
use proptest::prelude::*;

fn shapes() -> impl Strategy<Value = Shape> {
    prop_oneof![
        Just(Shape::Chain),
        Just(Shape::Layered),
        Just(Shape::Random)
    ]
}

fn plan(
    shape: Shape,
    n: usize,
    seed: u64,
    constraints: bool,
    team_calendar: bool,
) -> (Program, Schedule) {
    let program = generate_with(
        shape,
        n,
        seed,
        Options {
            constraints,
            team_calendar,
        },
    );
    let schedule = engine::schedule(&program).expect("generated programs are valid");
    (program, schedule)
}

fn index_of(program: &Program) -> std::collections::HashMap<&str, usize> {
    program
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_link_rule_holds(shape in shapes(), n in 1usize..300, seed: u64, constraints: bool, team: bool) {
        let (program, s) = plan(shape, n, seed, constraints, team);
        let index = index_of(&program);
        for dep in &program.dependencies {
            let (p, t) = (&s.tasks[index[dep.from.as_str()]], &s.tasks[index[dep.to.as_str()]]);
            let ok = match dep.kind {
                LinkType::FS => t.es >= p.ef + dep.lag,
                LinkType::SS => t.es >= p.es + dep.lag,
                LinkType::FF => t.ef >= p.ef + dep.lag,
                LinkType::SF => t.ef >= p.es + dep.lag,
            };
            prop_assert!(ok, "{dep:?} broken: {p:?} {t:?}");
        }
        for t in &s.tasks {
            prop_assert!(t.es >= 0 && t.es <= t.ef && t.start <= t.finish);
        }
    }

    #[test]
    fn float_is_never_negative_without_constraints(shape in shapes(), n in 1usize..300, seed: u64, team: bool) {
        let (_, s) = plan(shape, n, seed, false, team);
        for t in &s.tasks {
            prop_assert!(t.total_float >= 0, "{t:?}");
            prop_assert!(t.free_float >= 0, "{t:?}");
            prop_assert!(t.es <= t.ls && t.ef <= t.lf, "{t:?}");
        }
    }

    #[test]
    fn free_float_never_exceeds_total_float(shape in shapes(), n in 1usize..300, seed: u64) {
        let (_, s) = plan(shape, n, seed, false, false);
        for t in &s.tasks {
            prop_assert!(t.free_float <= t.total_float, "{t:?}");
        }
    }

    /// MS Project's rule: under total float ≤ N the critical tasks are exactly the
    /// unfinished ones with float ≤ N (finished ones never); without constraints the
    /// zero-float chain reaches the finish.
    #[test]
    fn critical_tasks_are_the_unfinished_with_float_at_most_the_bound(
        shape in shapes(), n in 1usize..300, seed: u64, constraints: bool, team: bool,
        max_days in 0i64..12, finished in 0usize..40,
    ) {
        let mut program = generate_with(shape, n, seed, Options { constraints, team_calendar: team });
        for task in program.tasks.iter_mut().take(finished.min(n - 1)) {
            task.percent_complete = 100.0;
        }
        program.program.critical_path = CriticalPath::TotalFloat { max_days };
        let s = engine::schedule(&program).expect("generated programs are valid");
        for (t, times) in s.tasks.iter().enumerate() {
            let open = program.tasks[t].percent_complete < 100.0;
            prop_assert_eq!(times.critical, open && times.total_float <= max_days, "task {}", t);
        }
        if !constraints && finished == 0 {
            let last = s.tasks.iter().map(|t| t.ef).max().unwrap();
            prop_assert!(s.tasks.iter().any(|t| t.critical && t.ef == last), "the critical path reaches the finish");
        }
    }

    /// P6's longest path: never empty while work remains, it reaches a task that finishes
    /// last, holds no finished task, and is the union of the driving paths into the
    /// unfinished tasks that finish last.
    #[test]
    fn the_longest_path_reaches_the_finish(
        shape in shapes(), n in 1usize..300, seed: u64, constraints: bool, team: bool,
        finished in 0usize..40,
    ) {
        let mut program = generate_with(shape, n, seed, Options { constraints, team_calendar: team });
        for task in program.tasks.iter_mut().take(finished.min(n - 1)) {
            task.percent_complete = 100.0;
        }
        program.program.critical_path = CriticalPath::LongestPath;
        let checked = engine::check(&program).expect("generated programs are valid");
        let s = engine::schedule_checked(&checked).unwrap();
        let open = |t: usize| program.tasks[t].percent_complete < 100.0;
        let last = (0..n).filter(|&t| open(t)).map(|t| s.tasks[t].ef).max().unwrap();
        prop_assert!(s.tasks.iter().any(|t| t.critical), "not empty");
        prop_assert!((0..n).any(|t| s.tasks[t].critical && s.tasks[t].ef == last), "reaches the finish");
        let ends: Vec<usize> = (0..n).filter(|&t| open(t) && s.tasks[t].ef == last).collect();
        let union = engine::paths::driving_set(&checked, &s, &ends);
        for (t, (times, &on_path)) in s.tasks.iter().zip(&union).enumerate() {
            prop_assert!(!times.critical || open(t), "finished task {} is critical", t);
            prop_assert_eq!(times.critical, on_path && open(t), "task {}", t);
        }
    }

    /// On finish-to-start plans without constraints the two rules agree: the longest path
    /// is the zero-float tasks.
    #[test]
    fn on_plain_plans_the_longest_path_is_the_zero_float_chain(
        chain: bool, n in 1usize..300, seed: u64,
    ) {
        let shape = if chain { Shape::Chain } else { Shape::Layered };
        let mut program = generate_with(shape, n, seed, Options { constraints: false, team_calendar: false });
        let by_float = engine::schedule(&program).unwrap();
        program.program.critical_path = CriticalPath::LongestPath;
        let by_path = engine::schedule(&program).unwrap();
        for (t, (a, b)) in by_float.tasks.iter().zip(&by_path.tasks).enumerate() {
            prop_assert_eq!(a.critical, b.critical, "task {}", t);
        }
    }

    #[test]
    fn scheduling_is_deterministic_and_pure(shape in shapes(), n in 1usize..200, seed: u64) {
        let program = generate_with(shape, n, seed, Options { constraints: true, team_calendar: true });
        let before = program.clone();
        let first = engine::schedule(&program).unwrap();
        prop_assert_eq!(&program, &before);
        prop_assert_eq!(first, engine::schedule(&program).unwrap());
    }

    #[test]
    fn the_driving_path_ends_at_its_target(n in 2usize..200, seed: u64) {
        let program = generate_with(Shape::Random, n, seed, Options { constraints: false, team_calendar: false });
        let checked = engine::check(&program).unwrap();
        let s = engine::schedule_checked(&checked).unwrap();
        let target = n - 1;
        let path = engine::paths::driving_path(&checked, &s, target);
        prop_assert_eq!(path.last().copied(), Some(target));
        // Unconstrained: the path starts at a task placed at the program start.
        prop_assert_eq!(s.tasks[path[0]].es, 0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The order the passes walk: every task once, each after its predecessors, whatever
    /// the file order; and the file order itself when every link points down the file.
    #[test]
    fn the_topological_order_places_each_task_after_its_predecessors(
        shape in shapes(), n in 1usize..300, seed: u64, rotate: usize,
    ) {
        let (program, _) = plan(shape, n, seed, false, false);
        let checked = engine::check(&program).expect("generated programs are valid");
        prop_assert!(checked.topological_order().eq(0..n), "links all point forward");

        let mut shuffled = program.clone();
        shuffled.tasks.reverse();
        shuffled.tasks.rotate_left(rotate % n);
        let checked = engine::check(&shuffled).expect("the same program");
        let order: Vec<usize> = checked.topological_order().collect();
        let mut position = vec![usize::MAX; n];
        for (at, &t) in order.iter().enumerate() {
            prop_assert_eq!(position[t], usize::MAX, "task {} placed twice", t);
            position[t] = at;
        }
        prop_assert_eq!(order.len(), n);
        let index = index_of(&shuffled);
        for dep in &shuffled.dependencies {
            let (p, t) = (index[dep.from.as_str()], index[dep.to.as_str()]);
            prop_assert!(position[p] < position[t], "{:?} out of order", dep);
        }
    }
}

#[test]
fn shuffled_task_order_gives_the_same_dates() {
    let program = generate_with(
        Shape::Random,
        500,
        42,
        Options {
            constraints: true,
            team_calendar: true,
        },
    );
    let s = engine::schedule(&program).unwrap();
    let mut reversed = program.clone();
    reversed.tasks.reverse();
    reversed.dependencies.reverse();
    let r = engine::schedule(&reversed).unwrap();
    let n = program.tasks.len();
    for i in 0..n {
        let (a, b) = (&s.tasks[i], &r.tasks[n - 1 - i]);
        assert_eq!(
            (a.es, a.ef, a.ls, a.lf, a.total_float),
            (b.es, b.ef, b.ls, b.lf, b.total_float)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_link_closes_a_cycle_exactly_when_check_would_refuse_it(n in 2usize..120, seed: u64, a: usize, b: usize) {
        let mut program = generate_with(Shape::Random, n, seed, Options { constraints: false, team_calendar: false });
        let (from, to) = (a % n, b % n);
        let predicted = {
            let checked = engine::check(&program).unwrap();
            engine::paths::cycle_if_linked(&checked, from, to)
        };
        let already_linked = program.dependencies.iter().any(|d| d.from == program.tasks[from].id && d.to == program.tasks[to].id);
        prop_assume!(!already_linked && from != to);
        program.dependencies.push(engine::Dependency {
            from: program.tasks[from].id.clone(),
            to: program.tasks[to].id.clone(),
            kind: LinkType::FS,
            lag: 0,
        });
        let refused = engine::check(&program).err().is_some_and(|e| e.with_code(engine::Code::DependencyCycle).count() > 0);
        prop_assert_eq!(predicted.is_some(), refused);
        if let Some(cycle) = predicted {
            prop_assert_eq!(cycle[0], from);
            prop_assert_eq!(cycle[1], to);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_slip_within_float_never_moves_the_finish_and_a_critical_slip_moves_it_exactly(
        shape in shapes(), n in 2usize..150, seed: u64, pick: usize, slip in 1i64..30,
    ) {
        use engine::scenario::Change;
        let program = generate_with(shape, n, seed, Options { constraints: false, team_calendar: false });
        let base = engine::schedule(&program).unwrap();
        let t = pick % n;
        prop_assume!(!program.tasks[t].is_milestone());
        let change = Change::Slip { task: program.tasks[t].id.clone(), days: slip };
        let impact = engine::compare::quick_impact(&program, &base, &[change]).unwrap();
        let delta = impact.comparison.finish.delta.unwrap();
        let float = base.tasks[t].total_float;
        if slip <= float {
            prop_assert_eq!(delta, 0);
        }
        // Exactly the slip when links are finish-to-start. With SS or SF links a task can be
        // critical through its start alone, and a longer duration then delays nothing.
        if base.tasks[t].critical && shape != Shape::Random {
            prop_assert_eq!(delta, slip);
        }
        // Never more than the slip. Only the random shape has SS, FF and SF links, and with
        // them a task driven by its finish (FF in) that drives by its start (SS or SF out)
        // is "reverse critical": a longer task starts earlier and the program finishes
        // earlier (as in MS Project and P6; the hand-worked case is in links.rs). Elsewhere
        // a slip never brings the finish forward.
        prop_assert!(delta.abs() <= slip, "delta {} for a slip of {}", delta, slip);
        if shape != Shape::Random {
            prop_assert!(delta >= 0);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A forecast without variance is the deterministic schedule, whichever passes it runs
    /// (lean on the program calendar, the scheduler's own with team calendars).
    #[test]
    fn a_forecast_without_variance_is_the_schedule(
        shape in shapes(), n in 1usize..200, seed: u64, team: bool, finish_by in 0u64..60,
        max_days in 0i64..6,
    ) {
        let mut program = generate_with(shape, n, seed, Options { constraints: true, team_calendar: team });
        program.program.critical_path = CriticalPath::TotalFloat { max_days };
        if finish_by > 0 {
            program.program.finish_by = program.program.start.checked_add_days(chrono::Days::new(finish_by * 7));
        }
        for task in &mut program.tasks {
            let d = task.duration as f64;
            task.estimate = Some(Box::new(engine::Estimate { optimistic: d, likely: d, pessimistic: d, distribution: engine::Distribution::Pert }));
        }
        let plan = engine::schedule(&program).unwrap();
        let checked = engine::check(&program).unwrap();
        let f = engine::forecast::forecast(&checked, &engine::forecast::Settings { iterations: 3, seed }).unwrap();
        prop_assert_eq!(f.finish.p90, plan.finish);
        for (t, times) in plan.tasks.iter().enumerate() {
            prop_assert_eq!(f.criticality[t], if times.critical { 1.0 } else { 0.0 }, "task {}", t);
        }
        for m in &f.milestones {
            prop_assert_eq!(m.outcome.p50, plan.tasks[m.task].finish);
        }
    }
}

/// A random user action on a program of `n` tasks, from `choice` numbers.
fn random_action(program: &Program, choice: &[u64]) -> Vec<engine::edit::Edit> {
    use engine::edit::Edit;
    let pick = |k: usize| choice[k % choice.len()] as usize;
    if program.tasks.is_empty() {
        // Every task was removed: the only edit that refers to nothing is an insertion.
        return vec![Edit::InsertTask {
            index: 0,
            task: engine::Task {
                id: format!("new{}", pick(1)),
                name: "New".into(),
                workstream: "ws0".into(),
                duration: 3,
                ..Default::default()
            },
        }];
    }
    let n = program.tasks.len();
    let task_id = |k: usize| program.tasks[pick(k) % n].id.clone();
    let link = |k: usize, kind: LinkType| engine::Dependency {
        from: task_id(k),
        to: task_id(k + 1),
        kind,
        lag: (pick(k + 2) % 5) as i64 - 2,
    };
    (0..1 + pick(0) % 3)
        .map(|step| match pick(step + 3) % 7 {
            0 => {
                let mut task = program.tasks[pick(step) % n].clone();
                task.duration = (pick(step + 1) % 20) as i64 - 1;
                Edit::ReplaceTask {
                    index: pick(step) % n,
                    task,
                }
            }
            1 => Edit::InsertTask {
                index: pick(step) % (n + 1),
                task: engine::Task {
                    id: format!("new{}", pick(step + 1)),
                    name: "New".into(),
                    workstream: "ws0".into(),
                    duration: 3,
                    ..Default::default()
                },
            },
            2 => Edit::RemoveTask {
                index: pick(step) % n,
            },
            3 => Edit::AddDependency {
                dependency: link(step, LinkType::FS),
            },
            4 => Edit::RemoveDependency {
                from: task_id(step),
                to: task_id(step + 1),
            },
            5 => Edit::SetPredecessors {
                task: task_id(step + 1),
                links: vec![link(step, LinkType::SS), link(step + 4, LinkType::FF)],
            },
            _ => Edit::RemoveDependencyAt {
                index: pick(step) % (program.dependencies.len() + 1),
            },
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever is edited, a refused action changes nothing, the plan always checks, and
    /// undoing everything gives the program back exactly (redoing gives the edits back).
    #[test]
    fn edits_are_all_or_nothing_and_undo_exactly(
        n in 2usize..40, seed: u64, actions in proptest::collection::vec(proptest::collection::vec(any::<u64>(), 6), 1..12),
    ) {
        let mut program = generate_with(Shape::Random, n, seed, Options { constraints: false, team_calendar: false });
        let original = program.clone();
        let mut history = engine::edit::History::default();
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Each task's four dates are those of its offsets on the program timeline: the start
    /// is the working day at the start offset, the finish the working day before the finish
    /// offset; a milestone is the working day before its offset (offset 0: the first one),
    /// unless a start-to-start or start-to-finish link alone places it: then it is the day
    /// at its offset (the day of the start that places it, as MS Project shows it).
    #[test]
    fn every_date_is_the_date_of_its_offset(
        shape in shapes(), n in 1usize..200, seed: u64, constraints: bool,
    ) {
        let (program, schedule) = plan(shape, n, seed, constraints, false);
        let checked = engine::check(&program).expect("valid");
        let date = |k: i64| checked.timeline().date_of(k).expect("in range");
        let index: std::collections::HashMap<&str, usize> =
            program.tasks.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
        for (t, s) in schedule.tasks.iter().enumerate() {
            let (start, finish, late_start, late_finish) = if program.tasks[t].is_milestone() {
                // The bounds its links put on it, from its predecessors' offsets.
                let (mut by_start, mut other) = (i64::MIN, i64::MIN);
                for dep in program.dependencies.iter().filter(|d| index[d.to.as_str()] == t) {
                    let p = &schedule.tasks[index[dep.from.as_str()]];
                    match dep.kind {
                        LinkType::SS | LinkType::SF => by_start = by_start.max(p.es + dep.lag),
                        LinkType::FS | LinkType::FF => other = other.max(p.ef + dep.lag),
                    }
                }
                let at_start = s.es > 0 && by_start == s.es && other < s.es;
                if at_start && program.tasks[t].constraint.is_some() {
                    continue; // a constraint at the same offset decides: either is right
                }
                let instant = |k: i64| date(if k > 0 && !at_start { k - 1 } else { k });
                (instant(s.es), instant(s.es), instant(s.ls), instant(s.ls))
            } else {
                (date(s.es), date(s.ef - 1), date(s.ls), date(s.lf - 1))
            };
            prop_assert_eq!((s.start, s.finish), (start, finish), "task {}", t);
            prop_assert_eq!((s.late_start, s.late_finish), (late_start, late_finish), "task {}", t);
        }
    }
}
