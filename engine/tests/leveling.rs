//! Capacity-aware scheduling on hand-worked examples (expected starts worked out in the
//! comments), its errors and reports, running in chunks, and a PSPLIB instance whose
//! optimum is known.

mod leveling_support;

/// Named for `cargo test -p engine leveling`.
mod leveling {
    use super::leveling_support::{parse_sm, violations};
    use engine::LinkType;
    use engine::leveling::{
        Capacity, Demand, Infeasible, Leveler, Link, Objective, Options, Problem, Solution, level,
        lower_bounds,
    };

    fn link(from: u32, to: u32, kind: LinkType, lag: i64) -> Link {
        Link {
            from,
            to,
            kind,
            lag,
        }
    }

    fn needs(resource: u32, units: u32) -> Vec<Demand> {
        vec![Demand { resource, units }]
    }

    /// One worker (100 units a day) unless given.
    fn problem(durations: &[i64]) -> Problem {
        Problem::new(durations.to_vec(), vec![Capacity::constant(100)])
    }

    fn solve(problem: &Problem) -> Solution {
        solve_with(problem, Options::default())
    }

    fn solve_with(problem: &Problem, options: Options) -> Solution {
        let solution = level(problem, &options).expect("feasible");
        assert_eq!(violations(problem, &solution), Vec::<String>::new());
        solution
    }

    #[test]
    fn two_tasks_share_a_worker_and_the_one_with_a_successor_goes_first() {
        // 0 and 1 (3 days) both need the worker; 2 (1 day, no resource) follows 0.
        // 0 on days 0–2, then 1 on days 3–5; 2 starts when 0 ends, day 3. Finish 6.
        let mut p = problem(&[3, 3, 1]);
        p.demands[0] = needs(0, 100);
        p.demands[1] = needs(0, 100);
        p.links.push(link(0, 2, LinkType::FS, 0));
        let s = solve(&p);
        assert_eq!((s.starts, s.finish), (vec![0, 3, 3], 6));
    }

    #[test]
    fn without_resource_conflicts_every_link_type_gives_the_critical_path_dates() {
        // A(3) →FS+2 B(2): B ≥ 3 + 2 = 5. A →SS+1 C(4): C ≥ 1. C →FF+0 D(1): D finishes ≥ 5,
        // so D ≥ 4; A →SF+6 D: D finishes ≥ 0 + 6, so D ≥ 5. Finish max(3, 7, 5, 6) = 7.
        let mut p = problem(&[3, 2, 4, 1]);
        p.links = vec![
            link(0, 1, LinkType::FS, 2),
            link(0, 2, LinkType::SS, 1),
            link(2, 3, LinkType::FF, 0),
            link(0, 3, LinkType::SF, 6),
        ];
        let s = solve(&p);
        assert_eq!((s.starts, s.finish), (vec![0, 5, 1, 5], 7));
        assert_eq!(lower_bounds(&p).critical_path, 7);
    }

    #[test]
    fn a_lead_lets_the_successor_start_before_its_predecessor_ends() {
        // A(4) →FS−2 B(3): B ≥ 4 − 2 = 2; both need half the worker, so they may overlap.
        let mut p = problem(&[4, 3]);
        p.demands = vec![needs(0, 50), needs(0, 50)];
        p.links.push(link(0, 1, LinkType::FS, -2));
        let s = solve(&p);
        assert_eq!((s.starts, s.finish), (vec![0, 2], 5));
    }

    #[test]
    fn a_holiday_moves_a_task_to_the_first_run_of_days_long_enough() {
        // No one works days 2 and 3. A (3 days) does not fit in days 0–1, so starts on day 4;
        // milestone M follows A and consumes nothing.
        let mut p = problem(&[3, 0]);
        p.resources[0].periods.push((2, 4, 0));
        p.demands = vec![needs(0, 100), needs(0, 100)];
        p.links.push(link(0, 1, LinkType::FS, 0));
        let s = solve(&p);
        assert_eq!((s.starts, s.finish), (vec![4, 7], 7));
    }

    #[test]
    fn hiring_makes_room_for_a_task_that_needs_two_people() {
        // One person, two from day 5 to day 9. Small tasks 0 and 1 (3 days, one person) and
        // big task 2 (3 days, two people, so only within days 5–9). Best: the small ones on
        // days 0–2 and 3–5, the big one on days 6–8 (day 5 still has a small one). Finish 9.
        let mut p = problem(&[3, 3, 3]);
        p.resources[0].periods.push((5, 10, 200));
        p.demands = vec![needs(0, 100), needs(0, 100), needs(0, 200)];
        let s = solve(&p);
        assert_eq!((s.starts[2], s.finish), (6, 9));
        assert!(s.overloaded.is_empty());
    }

    #[test]
    fn pinned_work_keeps_its_days_and_others_fit_around_it() {
        // P (3 days, the worker) is pinned on day 2. A (2 days) fits before it on days 0–1;
        // B (3 days) waits until P ends, day 5. Finish 8.
        let mut p = problem(&[3, 2, 3]);
        p.pinned[0] = Some(2);
        p.demands = vec![needs(0, 100), needs(0, 100), needs(0, 100)];
        let s = solve(&p);
        assert_eq!((s.starts, s.finish), (vec![2, 0, 5], 8));
    }

    #[test]
    fn a_release_day_holds_a_task_back() {
        let mut p = problem(&[2, 2]);
        p.release[1] = 4;
        assert_eq!(solve(&p).starts, vec![0, 4]);
    }

    #[test]
    fn fractional_units_let_two_halves_share_a_day() {
        // Three 2-day tasks at half a person: two side by side on days 0–1, the third 2–3.
        let mut p = problem(&[2, 2, 2]);
        p.demands = vec![needs(0, 50), needs(0, 50), needs(0, 50)];
        let s = solve(&p);
        assert_eq!(s.finish, 4);
        assert_eq!(s.starts.iter().filter(|&&start| start == 0).count(), 2);
    }

    #[test]
    fn a_task_with_two_resources_waits_for_both() {
        // Tester (resource 0) and designer (resource 1). Task 0 needs the tester for 3 days,
        // task 1 the designer for 2; task 2 needs both for 1 day: it waits for task 0.
        let mut p = Problem::new(
            vec![3, 2, 1],
            vec![Capacity::constant(100), Capacity::constant(100)],
        );
        p.demands = vec![
            needs(0, 100),
            needs(1, 100),
            vec![
                Demand {
                    resource: 0,
                    units: 100,
                },
                Demand {
                    resource: 1,
                    units: 100,
                },
            ],
        ];
        let s = solve(&p);
        assert_eq!((s.starts, s.finish), (vec![0, 0, 3], 4));
    }

    #[test]
    fn higher_priority_goes_first_when_the_finish_is_the_same() {
        // Two independent 2-day tasks for one worker: either order finishes on day 4.
        let mut p = problem(&[2, 2]);
        p.demands = vec![needs(0, 100), needs(0, 100)];
        p.priority = vec![0, 5];
        assert_eq!(solve(&p).starts, vec![2, 0]);
        p.priority = vec![5, 0];
        assert_eq!(solve(&p).starts, vec![0, 2]);
    }

    #[test]
    fn priority_never_costs_a_day_of_finish() {
        // Task 0 (priority 9) and 1 share the worker; task 2 (no resource, 5 days) follows 1.
        // Doing 1 first finishes on day 7 (1: 0–1, 2: 2–6, 0: 2–4); 0 first would take 9.
        let mut p = problem(&[3, 2, 5]);
        p.demands[0] = needs(0, 100);
        p.demands[1] = needs(0, 100);
        p.links.push(link(1, 2, LinkType::FS, 0));
        p.priority = vec![9, 0, 0];
        let s = solve(&p);
        assert_eq!((s.starts, s.finish), (vec![2, 0, 2], 7));
    }

    #[test]
    fn milestones_consume_nothing() {
        // The milestone's demand is above capacity, but it works no day.
        let mut p = problem(&[0, 1]);
        p.demands = vec![needs(0, 500), needs(0, 100)];
        assert_eq!(solve(&p).starts, vec![0, 0]);
    }

    #[test]
    fn a_demand_above_every_day_is_infeasible_and_names_the_culprit() {
        let mut p = Problem::new(
            vec![2, 2],
            vec![Capacity::constant(100), Capacity::constant(200)],
        );
        p.demands[1] = vec![
            Demand {
                resource: 1,
                units: 100,
            },
            Demand {
                resource: 0,
                units: 150,
            },
        ];
        let error = level(&p, &Options::default()).unwrap_err();
        assert_eq!(
            error,
            Infeasible {
                task: 1,
                resource: 0
            }
        );
        assert!(error.to_string().contains("task 1"));
    }

    #[test]
    fn a_demand_with_never_enough_days_in_a_row_is_infeasible() {
        // Nobody but during days 0–1; the task needs the person 3 days running.
        let mut p = problem(&[3]);
        p.resources[0] = Capacity {
            base: 0,
            periods: vec![(0, 2, 100)],
        };
        p.demands[0] = needs(0, 100);
        assert_eq!(
            level(&p, &Options::default()),
            Err(Infeasible {
                task: 0,
                resource: 0
            })
        );
    }

    #[test]
    fn a_task_that_never_finds_room_is_placed_over_capacity_and_reported() {
        // A contractor only on days 0–2; two 3-day tasks both need all of them.
        let mut p = problem(&[3, 3]);
        p.resources[0] = Capacity {
            base: 0,
            periods: vec![(0, 3, 100)],
        };
        p.demands = vec![needs(0, 100), needs(0, 100)];
        let s = solve(&p);
        assert_eq!(s.overloaded, vec![0, 1]);
    }

    #[test]
    fn pinned_work_over_capacity_is_reported_not_moved() {
        let mut p = problem(&[2, 2, 1]);
        p.pinned = vec![Some(0), Some(1), None];
        p.demands = vec![needs(0, 100), needs(0, 100), needs(0, 100)];
        let s = solve(&p);
        assert_eq!((s.starts, s.overloaded), (vec![0, 1, 3], vec![0, 1]));
    }

    #[test]
    fn a_link_into_pinned_work_that_cannot_be_kept_is_reported() {
        // A (3 days) should finish before P, pinned on day 1: impossible. A starts as early as
        // it can (day 0) and is unresolved.
        let mut p = problem(&[3, 1]);
        p.pinned[1] = Some(1);
        p.links.push(link(0, 1, LinkType::FS, 0));
        let s = solve(&p);
        assert_eq!((s.starts, s.unresolved), (vec![0, 1], vec![0]));
    }

    #[test]
    fn within_float_reports_the_task_that_cannot_keep_its_late_finish() {
        // Two 3-day tasks, one worker, finish by day 5: one of them ends on day 6. The
        // higher-priority task keeps its float; the other is reported.
        let mut p = problem(&[3, 3]);
        p.demands = vec![needs(0, 100), needs(0, 100)];
        p.priority = vec![0, 1];
        let options = Options {
            objective: Objective::WithinFloat { finish_by: 5 },
            ..Options::default()
        };
        let s = solve_with(&p, options);
        assert_eq!((s.starts, s.unresolved), (vec![3, 0], vec![0]));
        // With room enough, nothing is unresolved.
        let options = Options {
            objective: Objective::WithinFloat { finish_by: 6 },
            ..Options::default()
        };
        assert!(solve_with(&p, options).unresolved.is_empty());
    }

    #[test]
    fn a_latest_finish_steers_the_order() {
        // Task 1 should finish by day 2: it goes first although it is listed second.
        let mut p = problem(&[2, 2]);
        p.demands = vec![needs(0, 100), needs(0, 100)];
        p.latest_finish[1] = Some(2);
        let s = solve(&p);
        assert_eq!((s.starts, s.unresolved), (vec![2, 0], vec![]));
    }

    #[test]
    fn malformed_problems_are_named() {
        let mut cycle = problem(&[1, 1]);
        cycle.links = vec![link(0, 1, LinkType::FS, 0), link(1, 0, LinkType::SS, 0)];
        assert!(cycle.validate().unwrap_err().contains("cycle"));
        let mut short = problem(&[1, 1]);
        short.release.pop();
        assert!(short.validate().unwrap_err().contains("release"));
        let mut unknown = problem(&[1]);
        unknown.demands[0] = needs(3, 10);
        assert!(unknown.validate().unwrap_err().contains("resource 3"));
        let mut far = problem(&[1]);
        far.pinned[0] = Some(5_000_000);
        assert!(far.validate().unwrap_err().contains("horizon"));
        assert_eq!(problem(&[1, 2]).validate(), Ok(()));
    }

    #[test]
    #[should_panic(expected = "malformed leveling problem")]
    fn leveling_a_malformed_problem_panics() {
        let mut p = problem(&[1]);
        p.links.push(link(0, 0, LinkType::FS, 0));
        let _ = level(&p, &Options::default());
    }

    #[test]
    fn an_empty_problem_finishes_at_day_zero() {
        let s = solve(&problem(&[]));
        assert_eq!((s.starts, s.finish), (vec![], 0));
    }

    #[test]
    fn work_that_is_all_pinned_is_returned_as_it_is() {
        let mut p = problem(&[2, 3]);
        p.pinned = vec![Some(4), Some(1)];
        p.demands = vec![needs(0, 50), needs(0, 50)];
        let s = solve(&p);
        assert_eq!((s.starts, s.finish, s.schedules), (vec![4, 1], 6, 1));
    }

    #[test]
    fn lower_bounds_count_the_critical_path_and_the_work() {
        // Three 2-day tasks at 60 %: 360 %-days of work at 100 % a day need 4 days; the
        // longest path is 2 days.
        let mut p = problem(&[2, 2, 2]);
        p.demands = vec![needs(0, 60), needs(0, 60), needs(0, 60)];
        let bounds = lower_bounds(&p);
        assert_eq!(
            (bounds.critical_path, bounds.resource, bounds.best()),
            (2, 4, 4)
        );
        // A holiday on days 1–2 pushes the work bound: 100 on day 0, then from day 3 on.
        p.resources[0].periods.push((1, 3, 0));
        assert_eq!(lower_bounds(&p).resource, 6);
    }

    #[test]
    fn a_run_in_chunks_reports_progress_and_ends_like_a_whole_run() {
        let p = parse_sm(include_str!("data/j305_3.sm"));
        let options = Options {
            schedules: 1_000,
            seed: 7,
            ..Options::default()
        };
        let mut leveler = Leveler::new(&p, options).unwrap();
        let mut seen = Vec::new();
        while leveler.step(64) {
            let progress = leveler.progress();
            assert!(progress.schedules <= 1_000);
            assert!(progress.finish >= progress.lower_bound);
            seen.push(progress.finish);
        }
        assert!(
            seen.windows(2).all(|w| w[1] <= w[0]),
            "the best only improves"
        );
        assert_eq!(leveler.best(), &level(&p, &options).unwrap());
        assert!(leveler.best().schedules <= 1_000);
    }

    #[test]
    fn the_same_seed_gives_the_same_schedule() {
        let p = parse_sm(include_str!("data/j305_3.sm"));
        let options = Options {
            schedules: 500,
            seed: 3,
            ..Options::default()
        };
        assert_eq!(level(&p, &options), level(&p, &options));
    }

    #[test]
    fn the_budget_is_never_exceeded() {
        let p = parse_sm(include_str!("data/j305_3.sm"));
        for schedules in [0, 1, 2, 3, 10, 77] {
            let options = Options {
                schedules,
                ..Options::default()
            };
            let s = solve_with(&p, options);
            assert!(
                s.schedules <= schedules.max(1),
                "{schedules}: {}",
                s.schedules
            );
        }
    }

    #[test]
    fn psplib_j305_3_reaches_its_optimum() {
        // Optimum 76 (Demeulemeester & Herroelen), critical path 54, latest-finish rule 80+.
        let p = parse_sm(include_str!("data/j305_3.sm"));
        assert_eq!(lower_bounds(&p).critical_path, 54);
        let options = Options {
            schedules: 2_000,
            seed: 1,
            ..Options::default()
        };
        let s = solve_with(&p, options);
        assert_eq!(s.finish, 76);
    }
}
