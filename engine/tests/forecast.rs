//! Forecasts: the correctness checks of issue 7 and the determinism of a seed.

mod common;
use common::*;
use engine::forecast::{Settings, Target, forecast};
use engine::generate::{Options, Shape, add_uncertainty, generate_with};
use engine::{Distribution, Estimate, Impact, LinkType::FS, Program, Risk};

fn estimate(a: f64, m: f64, b: f64, distribution: Distribution) -> Option<Box<Estimate>> {
    Some(Box::new(Estimate {
        optimistic: a,
        likely: m,
        pessimistic: b,
        distribution,
    }))
}

fn run_forecast(p: &Program, iterations: usize, seed: u64) -> engine::forecast::Forecast {
    let checked = engine::check(p).unwrap();
    forecast(&checked, &Settings { iterations, seed }).unwrap()
}

#[test]
fn zero_variance_reproduces_the_deterministic_schedule_exactly() {
    // Team calendars take the scheduler's general passes; without, the lean ones.
    for team_calendar in [true, false] {
        let mut p = generate_with(
            Shape::Random,
            300,
            9,
            Options {
                constraints: true,
                team_calendar,
            },
        );
        for task in &mut p.tasks {
            let d = task.duration as f64;
            task.estimate = estimate(d, d, d, Distribution::Pert);
        }
        let plan = run(&p);
        let f = run_forecast(&p, 200, 1);
        for o in std::iter::once(&f.finish).chain(f.milestones.iter().map(|m| &m.outcome)) {
            let exact = (o.p10, o.p50, o.p90, o.mean);
            assert_eq!(
                exact,
                (
                    o.deterministic,
                    o.deterministic,
                    o.deterministic,
                    o.deterministic
                )
            );
        }
        assert_eq!(f.finish.deterministic, plan.finish);
        assert!(plan.tasks.iter().any(|times| times.critical));
        for (t, times) in plan.tasks.iter().enumerate() {
            let expected = if times.critical { 1.0 } else { 0.0 };
            assert_eq!(
                f.criticality[t], expected,
                "task {t}, team calendar {team_calendar}"
            );
        }
    }
}

#[test]
fn a_chains_mean_finish_is_the_sum_of_the_means() {
    let shapes = [
        Distribution::Pert,
        Distribution::Triangular,
        Distribution::Uniform,
    ];
    let tasks: Vec<(String, i64)> = (0..12).map(|i| (format!("T{i}"), 5)).collect();
    let refs: Vec<(&str, i64)> = tasks.iter().map(|(id, d)| (id.as_str(), *d)).collect();
    let links: Vec<(String, String)> = (1..12)
        .map(|i| (format!("T{}", i - 1), format!("T{i}")))
        .collect();
    let link_refs: Vec<(&str, &str, engine::LinkType, i64)> = links
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str(), FS, 0))
        .collect();
    let mut p = program(&refs, &link_refs);
    let mut expected = 0.0;
    for (i, task) in p.tasks.iter_mut().enumerate() {
        task.estimate = estimate(3.0, 5.0, 12.0, shapes[i % 3]);
        expected += task.estimate.as_ref().unwrap().mean();
    }
    let f = run_forecast(&p, 20_000, 3);
    // Each task's sd ≤ 2.6 days: the chain's ≤ 9; the standard error of 20,000 means ≤ 0.07.
    assert!(
        (f.finish.mean_offset - expected).abs() < 0.3,
        "{} vs {expected}",
        f.finish.mean_offset
    );
}

#[test]
fn the_pert_mean_is_a_plus_four_m_plus_b_over_six() {
    let e = Estimate {
        optimistic: 2.0,
        likely: 4.0,
        pessimistic: 12.0,
        distribution: Distribution::Pert,
    };
    assert_eq!(e.mean(), 5.0);
    let mut p = program(&[("A", 4)], &[]);
    p.tasks[0].estimate = Some(Box::new(e));
    let f = run_forecast(&p, 40_000, 5);
    assert!(
        (f.finish.mean_offset - 5.0).abs() < 0.05,
        "{}",
        f.finish.mean_offset
    );
}

#[test]
fn a_sole_path_is_always_critical() {
    let mut p = program(
        &[("A", 5), ("B", 3), ("M", 0)],
        &[("A", "B", FS, 0), ("B", "M", FS, 0)],
    );
    p.tasks[0].estimate = estimate(2.0, 5.0, 20.0, Distribution::Triangular);
    p.tasks[1].estimate = estimate(1.0, 3.0, 9.0, Distribution::Uniform);
    let f = run_forecast(&p, 3_000, 8);
    assert_eq!(f.criticality, [1.0, 1.0, 1.0]);
}

fn with_risk(probability: f64, min: i64, max: i64) -> Program {
    let mut p = program(&[("A", 5), ("M", 0)], &[("A", "M", FS, 0)]);
    p.risks.push(Risk {
        id: "R".into(),
        title: "Vendor late".into(),
        probability,
        impact: Impact { min, max },
        tasks: vec!["A".into()],
        ..Default::default()
    });
    p
}

#[test]
fn a_risk_of_probability_zero_changes_nothing_and_of_one_adds_its_impact() {
    let none = run_forecast(&with_risk(0.0, 5, 5), 500, 1);
    assert_eq!(none.finish.p90, none.finish.deterministic);
    let sure = run_forecast(&with_risk(1.0, 5, 5), 500, 1);
    assert_eq!(
        (sure.finish.p10, sure.finish.p90),
        (d("2026-01-16"), d("2026-01-16")),
        "5 + 5 days"
    );
    let half = run_forecast(&with_risk(0.5, 5, 5), 4_000, 1);
    assert!(
        (half.finish.mean_offset - 7.5).abs() < 0.15,
        "{}",
        half.finish.mean_offset
    );
}

#[test]
fn probability_of_meeting_a_deadline() {
    let mut p = with_risk(0.25, 5, 5);
    p.tasks[1].deadline = Some(d("2026-01-09"));
    let f = run_forecast(&p, 8_000, 2);
    let on_time = f.milestones[0].outcome.probability_on_time.unwrap();
    assert!((on_time - 0.75).abs() < 0.02, "{on_time}");
    assert_eq!(f.milestones[0].outcome.committed, Some(d("2026-01-09")));
}

#[test]
fn the_same_seed_gives_the_same_forecast_and_another_seed_another() {
    let mut p = generate_with(
        Shape::Random,
        200,
        4,
        Options {
            constraints: true,
            team_calendar: false,
        },
    );
    add_uncertainty(&mut p, 4);
    let a = run_forecast(&p, 1_000, 77);
    let b = run_forecast(&p, 1_000, 77);
    assert_eq!(a, b);
    assert_eq!(
        a.sensitivity().drivers(Target::Finish),
        b.sensitivity().drivers(Target::Finish)
    );
    let c = run_forecast(&p, 1_000, 78);
    assert_ne!(a.finishes(Target::Finish), c.finishes(Target::Finish));
}

#[test]
fn chunks_give_the_same_result_as_one_run() {
    let mut p = generate_with(
        Shape::Layered,
        150,
        2,
        Options {
            constraints: false,
            team_calendar: false,
        },
    );
    add_uncertainty(&mut p, 2);
    let checked = engine::check(&p).unwrap();
    let settings = Settings {
        iterations: 700,
        seed: 5,
    };
    let mut simulation = engine::forecast::Simulation::new(&checked, &settings).unwrap();
    // Chunks of 7: not a multiple of the iterations the lean passes run at once.
    while simulation.progress().0 < 700 {
        simulation.run(7);
    }
    assert_eq!(
        simulation.finish().unwrap(),
        forecast(&checked, &settings).unwrap()
    );
}

#[test]
fn the_most_uncertain_task_on_the_path_drives_the_finish() {
    let mut p = program(
        &[("A", 5), ("B", 5), ("C", 5)],
        &[("A", "B", FS, 0), ("B", "C", FS, 0)],
    );
    p.tasks[0].estimate = estimate(4.0, 5.0, 6.0, Distribution::Uniform);
    p.tasks[1].estimate = estimate(2.0, 5.0, 30.0, Distribution::Pert);
    p.tasks[2].estimate = estimate(4.0, 5.0, 7.0, Distribution::Triangular);
    let f = run_forecast(&p, 5_000, 6);
    let drivers = f.sensitivity().drivers(Target::Finish);
    assert_eq!(drivers[0].id, "B");
    assert!(drivers[0].correlation > 0.9, "{:?}", drivers[0]);
}

#[test]
fn a_milestones_drivers_are_only_what_is_upstream_of_it() {
    // A → M1 → C; B → C. B and the risk on B cannot move M1; all three can move the finish.
    let mut p = program(
        &[("A", 5), ("M1", 0), ("B", 5), ("C", 5)],
        &[("A", "M1", FS, 0), ("M1", "C", FS, 0), ("B", "C", FS, 0)],
    );
    p.tasks[0].estimate = estimate(2.0, 5.0, 9.0, Distribution::Uniform);
    p.tasks[2].estimate = estimate(2.0, 5.0, 9.0, Distribution::Uniform);
    p.risks.push(Risk {
        id: "R".into(),
        title: "Supplier late".into(),
        probability: 0.5,
        impact: Impact { min: 1, max: 4 },
        tasks: vec!["B".into()],
        ..Default::default()
    });
    let f = run_forecast(&p, 2_000, 3);
    let sensitivity = f.sensitivity();
    let ids = |target| -> Vec<String> {
        let mut ids: Vec<String> = sensitivity
            .drivers(target)
            .into_iter()
            .map(|d| d.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(Target::Milestone(1)), ["A"]);
    assert_eq!(ids(Target::Finish), ["A", "B", "R"]);
}

#[test]
fn settings_out_of_range_are_refused() {
    let p = program(&[("A", 1)], &[]);
    let checked = engine::check(&p).unwrap();
    let error = forecast(
        &checked,
        &Settings {
            iterations: 0,
            seed: 1,
        },
    )
    .unwrap_err();
    assert_eq!(error.0[0].code, engine::Code::InvalidForecastSettings);
}

/// A forecast run in parts (ranges of iterations, merged) against the same forecast run
/// whole: the same outcomes, criticality and drivers of every finish, bit for bit.
fn parts_match_one_run(p: &Program, settings: Settings, cuts: &[usize]) {
    use engine::forecast::Simulation;
    let checked = engine::check(p).unwrap();
    let whole = forecast(&checked, &settings).unwrap();
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(settings.iterations);
    let parts: Vec<_> = bounds
        .windows(2)
        .map(|w| {
            let mut part = Simulation::range(&checked, &settings, w[0]..w[1]).unwrap();
            // Chunks of 3: parts and chunks not aligned with the lanes the passes run at once.
            while part.progress().0 < part.progress().1 {
                part.run(3);
            }
            part.into_part()
        })
        .collect();
    // Merged in another order than run: the merge orders them.
    let finishes = parts.iter().rev().map(|p| p.finishes()).collect();
    let (merged, counts) = Simulation::merge(&checked, &settings, finishes).unwrap();
    assert_eq!(merged.settings, whole.settings);
    assert_eq!(merged.finish, whole.finish);
    assert_eq!(merged.milestones, whole.milestones);
    assert_eq!(merged.criticality, whole.criticality);
    for target in whole.targets() {
        assert_eq!(merged.finishes(target), whole.finishes(target));
    }
    let ranks = merged.finish_ranks();
    let sums: Vec<_> = parts
        .iter()
        .map(|part| {
            let range = part.iterations();
            let mine: Vec<Vec<i64>> = ranks.iter().map(|r| r[range.clone()].to_vec()).collect();
            part.rank_sums(&counts, &mine).unwrap()
        })
        .collect();
    let sensitivity = whole.sensitivity();
    let expected: Vec<_> = whole
        .targets()
        .into_iter()
        .map(|t| sensitivity.drivers(t))
        .collect();
    assert!(expected.iter().any(|d| !d.is_empty()));
    assert_eq!(merged.drivers_from(&counts, &sums), expected);
}

#[test]
fn parts_merged_give_exactly_one_runs_forecast() {
    let mut p = generate_with(
        Shape::Layered,
        400,
        3,
        Options {
            constraints: true,
            team_calendar: false,
        },
    );
    add_uncertainty(&mut p, 4);
    assert!(!p.risks.is_empty() && p.tasks.iter().any(|t| t.is_milestone()));
    let settings = Settings {
        iterations: 1_001,
        seed: 9,
    };
    parts_match_one_run(&p, settings, &[333, 334, 700]);
    parts_match_one_run(&p, settings, &[]);
}

#[test]
fn parts_merged_match_on_the_general_passes_and_wide_columns() {
    // A team calendar: the general passes. A task estimated over thousands of days in a
    // short run: a column ranked by sorting, not by counting.
    let mut p = generate_with(
        Shape::Random,
        200,
        6,
        Options {
            constraints: false,
            team_calendar: true,
        },
    );
    add_uncertainty(&mut p, 2);
    let wide = p.tasks.iter_mut().find(|t| !t.is_milestone()).unwrap();
    wide.estimate = estimate(1.0, 5.0, 9_000.0, Distribution::Uniform);
    let settings = Settings {
        iterations: 300,
        seed: 3,
    };
    parts_match_one_run(&p, settings, &[1, 150]);
}

#[test]
fn parts_that_do_not_cover_the_run_are_refused() {
    use engine::forecast::Simulation;
    let mut p = generate_with(
        Shape::Chain,
        20,
        1,
        Options {
            constraints: false,
            team_calendar: false,
        },
    );
    add_uncertainty(&mut p, 1);
    let checked = engine::check(&p).unwrap();
    let settings = Settings {
        iterations: 100,
        seed: 1,
    };
    let mut half = Simulation::range(&checked, &settings, 0..50).unwrap();
    half.run(50);
    let part = half.into_part();
    assert!(Simulation::merge(&checked, &settings, vec![part.finishes()]).is_err());
    assert!(
        part.rank_sums(&part.finishes().counts, &[vec![0; 3]])
            .is_err()
    );
    // Counts that are not the whole run's (missing this part's values) are refused.
    let nothing = engine::forecast::ValueCounts::default();
    let ranks = vec![vec![0; 50]; 1 + part.finishes().milestones.len()];
    assert!(part.rank_sums(&nothing, &ranks).is_err());
}
