//! Property tests of capacity-aware scheduling on random small problems: every rule holds,
//! the finish is never before the critical path, ample capacity gives the critical path,
//! small problems are solved optimally (against brute force), and more capacity never
//! gives a later finish.

mod leveling_support;

/// Named for `cargo test -p engine leveling`.
mod leveling {
    use super::leveling_support::{brute_force, violations};
    use engine::LinkType;
    use engine::leveling::{
        Capacity, Demand, Link, Objective, Options, Problem, level, lower_bounds,
    };
    use proptest::prelude::*;

    /// What to generate.
    #[derive(Clone, Copy, Debug)]
    struct Shape {
        tasks: usize,
        /// Leads and finish links that let a successor start first.
        leads: bool,
        pins: bool,
        periods: bool,
    }

    fn kind(k: u8) -> LinkType {
        [LinkType::FS, LinkType::SS, LinkType::FF, LinkType::SF][k as usize % 4]
    }

    /// A random problem: links only forwards (a DAG), one or two resources of 1–3 people,
    /// demands of a quarter to a whole capacity, some releases, pins and holidays.
    fn problems(shape: Shape) -> impl Strategy<Value = Problem> {
        let n = shape.tasks;
        (
            prop::collection::vec(0i64..=4, n),
            prop::collection::vec((0..n, 0..n, 0u8..4, -2i64..=3), 0..=n + 2),
            prop::collection::vec(0i64..=3, n),
            prop::collection::vec(0u8..4, n),
            prop::collection::vec((0u32..2, 1u32..=4), n),
            (1usize..=2, prop::collection::vec(1u32..=3, 2)),
            prop::collection::vec((0i64..8, 1i64..4, 0u32..=4), 0..=2),
            prop::collection::vec(-1i32..=1, n),
        )
            .prop_map(
                move |(durations, links, release, pins, demands, resources, periods, priority)| {
                    let (count, people) = resources;
                    let capacities: Vec<Capacity> = people[..count]
                        .iter()
                        .map(|&p| Capacity::constant(p * 100))
                        .collect();
                    let mut p = Problem::new(durations, capacities);
                    for (a, b, k, lag) in links {
                        if a == b {
                            continue;
                        }
                        let (from, to) = (a.min(b) as u32, a.max(b) as u32);
                        let kind = kind(k);
                        let lag = if shape.leads { lag } else { lag.max(0) };
                        p.links.push(Link {
                            from,
                            to,
                            kind,
                            lag,
                        });
                    }
                    if !shape.leads {
                        keep_time_order(&mut p);
                    }
                    for t in 0..n {
                        p.release[t] = release[t];
                        if shape.pins && pins[t] == 0 {
                            p.pinned[t] = Some(release[t] * 2);
                        }
                        let (r, quarters) = demands[t];
                        let r = r.min(count as u32 - 1);
                        let units = p.resources[r as usize].base * quarters / 4;
                        p.demands[t] = vec![Demand { resource: r, units }];
                    }
                    if shape.periods {
                        for &(from, length, people) in &periods {
                            p.resources[0]
                                .periods
                                .push((from, from + length, people * 100));
                        }
                    }
                    p.priority = priority;
                    p
                },
            )
    }

    /// Raises lags so that no link lets its successor start before its predecessor (then the
    /// serial scheme over every list contains an optimal schedule).
    fn keep_time_order(p: &mut Problem) {
        for link in &mut p.links {
            let (d_from, d_to) = (
                p.durations[link.from as usize],
                p.durations[link.to as usize],
            );
            let distance = match link.kind {
                LinkType::FS => d_from + link.lag,
                LinkType::SS => link.lag,
                LinkType::FF => d_from + link.lag - d_to,
                LinkType::SF => link.lag - d_to,
            };
            link.lag -= distance.min(0);
        }
    }

    /// A horizon past any schedule's finish for brute force.
    fn horizon(p: &Problem) -> i64 {
        let work: i64 = p.durations.iter().sum();
        let lags: i64 = p.links.iter().map(|l| l.lag.abs() + 4).sum();
        let release = p.release.iter().max().copied().unwrap_or(0);
        let periods: i64 = p
            .resources
            .iter()
            .flat_map(|c| c.periods.iter().map(|&(_, to, _)| to))
            .max()
            .unwrap_or(0);
        work + lags + release + periods + 2
    }

    fn options(schedules: usize, seed: u64) -> Options {
        Options {
            schedules,
            seed,
            ..Options::default()
        }
    }

    /// Demands every resource can meet somewhere: no holiday leaves a task without room.
    fn feasible(p: &Problem) -> bool {
        level(p, &options(1, 0)).is_ok()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(160))]

        #[test]
        fn every_rule_holds_and_the_finish_is_never_before_the_critical_path(
            p in problems(Shape { tasks: 9, leads: true, pins: true, periods: true }),
            seed in 0u64..4,
            schedules in prop_oneof![Just(1usize), Just(40), Just(400)],
        ) {
            prop_assume!(feasible(&p));
            let s = level(&p, &options(schedules, seed)).unwrap();
            prop_assert_eq!(violations(&p, &s), Vec::<String>::new());
            prop_assert!(s.finish >= lower_bounds(&p).critical_path);
            prop_assert!(s.schedules <= schedules);
            // Only pinned work, or a task that needs more than its resource's base capacity
            // (room only in periods), can end up over capacity.
            for &t in &s.overloaded {
                let t = t as usize;
                let window_only = p.demands[t]
                    .iter()
                    .any(|d| d.units > p.resources[d.resource as usize].base);
                prop_assert!(p.pinned[t].is_some() || window_only, "task {} overloaded", t);
            }
            for t in 0..p.len() {
                if p.pinned[t].is_none() {
                    prop_assert!(s.starts[t] >= 0);
                }
            }
        }

        #[test]
        fn tasks_beyond_their_float_are_the_ones_reported(
            p in problems(Shape { tasks: 7, leads: true, pins: false, periods: false }),
            slack in 0i64..4,
        ) {
            let finish_by = lower_bounds(&p).critical_path + slack;
            let options = Options {
                objective: Objective::WithinFloat { finish_by },
                ..options(300, 1)
            };
            let s = level(&p, &options).unwrap();
            prop_assert_eq!(violations(&p, &s), Vec::<String>::new());
            let late = late_finishes(&p, finish_by);
            for (t, &late) in late.iter().enumerate() {
                let beyond = s.starts[t] + p.durations[t] > late;
                prop_assert_eq!(beyond, s.unresolved.contains(&(t as u32)), "task {}", t);
            }
        }

        #[test]
        fn capacity_for_everyone_gives_the_critical_path(
            p in problems(Shape { tasks: 9, leads: true, pins: false, periods: false }),
        ) {
            let mut ample = p.clone();
            let total: u32 = p.demands.iter().flatten().map(|d| d.units).sum();
            for capacity in &mut ample.resources {
                *capacity = Capacity::constant(total);
            }
            let s = level(&ample, &options(50, 1)).unwrap();
            prop_assert_eq!(s.finish, lower_bounds(&ample).critical_path);
        }

        #[test]
        fn small_problems_are_solved_optimally(
            p in problems(Shape { tasks: 6, leads: false, pins: false, periods: true }),
        ) {
            prop_assume!(feasible(&p));
            let s = level(&p, &options(1_000, 1)).unwrap();
            let best = brute_force(&p, horizon(&p));
            prop_assert_eq!(Some(s.finish), best);
        }

        #[test]
        fn more_capacity_never_finishes_later(
            p in problems(Shape { tasks: 6, leads: false, pins: false, periods: false }),
            extra in 1u32..=100,
        ) {
            let mut more = p.clone();
            for capacity in &mut more.resources {
                capacity.base += extra;
            }
            let (before, after) = (brute_force(&p, horizon(&p)), brute_force(&more, horizon(&more)));
            prop_assert!(after <= before);
            let leveled = |p: &Problem| level(p, &options(1_000, 2)).unwrap().finish;
            prop_assert!(leveled(&more) <= leveled(&p));
        }
    }

    /// Each task's latest finish with resources ignored, when the program finishes by
    /// `finish_by` (and by each task's own latest finish).
    fn late_finishes(p: &Problem, finish_by: i64) -> Vec<i64> {
        let n = p.len();
        let mut late: Vec<i64> = (0..n)
            .map(|t| p.latest_finish[t].unwrap_or(finish_by).min(finish_by))
            .collect();
        // Links only run forwards by index: settle from the last task back.
        for t in (0..n).rev() {
            for link in p.links.iter().filter(|l| l.from as usize == t) {
                let (to, d_from, d_to) = (
                    link.to as usize,
                    p.durations[t],
                    p.durations[link.to as usize],
                );
                let to_start = late[to] - d_to;
                // The latest finish of `t` that keeps the link to a successor at its latest.
                let bound = match link.kind {
                    LinkType::FS => to_start - link.lag,
                    LinkType::SS => to_start - link.lag + d_from,
                    LinkType::FF => late[to] - link.lag,
                    LinkType::SF => late[to] - link.lag + d_from,
                };
                late[t] = late[t].min(bound);
            }
        }
        late
    }
}
