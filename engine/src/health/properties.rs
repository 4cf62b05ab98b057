//! Property tests of the checks' rules on generated programs (with progress, summaries,
//! resources, team calendars and a baseline): figures are their counts over their
//! denominators, offenders belong to their population, outcomes follow the thresholds, and
//! no program or threshold makes the assessment panic.

use super::*;
use crate::baseline::capture;
use crate::generate::{Options, Shape, SplitMix64, add_resources, generate_with, outline};
use crate::model::{Dependency, LinkType, Program, Task};
use proptest::prelude::*;

/// What to build a program from.
#[derive(Clone, Debug)]
struct Recipe {
    shape: Shape,
    tasks: usize,
    seed: u64,
    team: bool,
    summaries: bool,
    resources: bool,
    /// Days after the program start of the status date, set on the program or given.
    status_days: u64,
    on_program: bool,
    baselined: bool,
}

fn recipes() -> impl Strategy<Value = Recipe> {
    let shape = prop_oneof![
        Just(Shape::Chain),
        Just(Shape::Layered),
        Just(Shape::Random)
    ];
    (
        shape,
        1usize..150,
        any::<u64>(),
        any::<[bool; 5]>(),
        0u64..300,
    )
        .prop_map(
            |(shape, tasks, seed, [team, summaries, resources, on_program, baselined], days)| {
                Recipe {
                    shape,
                    tasks,
                    seed,
                    team,
                    summaries,
                    resources,
                    status_days: days,
                    on_program,
                    baselined,
                }
            },
        )
}

/// The program, its baseline (its schedule before any progress, if asked) and the date.
fn build(r: &Recipe) -> (Program, Option<Baseline>, NaiveDate) {
    let options = Options {
        constraints: true,
        team_calendar: r.team,
    };
    let mut program = generate_with(r.shape, r.tasks, r.seed, options);
    // Resources first: the summaries the outline adds demand nothing.
    if r.resources {
        add_resources(&mut program, 2);
    }
    if r.summaries {
        outline(&mut program, 4);
    }
    let start = program.program.start;
    let baseline = r.baselined.then(|| {
        let plan = crate::schedule(&program).expect("generated programs schedule");
        capture("b", "Base", start, &program, &plan)
    });
    let date = start + chrono::Days::new(r.status_days);
    let mut rng = SplitMix64(r.seed ^ 0x5eed);
    for task in program.tasks.iter_mut().filter(|t| !t.summary) {
        match rng.below(4) {
            0 => task.percent_complete = 100.0,
            1 => task.percent_complete = 50.0,
            2 => task.demands.clear(),
            _ => {}
        }
    }
    if r.on_program {
        program.program.status_date = Some(date);
    }
    (program, baseline, date)
}

fn assessed(r: &Recipe, thresholds: &Thresholds) -> (Program, Report) {
    let (program, baseline, date) = build(r);
    let checked = crate::check(&program).expect("generated programs check");
    let schedule = crate::schedule_checked(&checked).expect("generated programs schedule");
    let report = assess(&checked, &schedule, baseline.as_ref(), date, thresholds);
    drop(checked);
    (program, report)
}

/// Whether the ids are in program order, each once.
fn in_program_order(program: &Program, ids: &[String]) -> bool {
    let position = |id: &String| program.tasks.iter().position(|t| &t.id == id);
    let positions: Vec<Option<usize>> = ids.iter().map(position).collect();
    positions.iter().all(Option::is_some) && positions.windows(2).all(|w| w[0] < w[1])
}

fn task<'p>(program: &'p Program, id: &str) -> &'p Task {
    program
        .tasks
        .iter()
        .find(|t| t.id == id)
        .expect("listed tasks exist")
}

/// Incomplete as the checks count it (milestones reach completion by percent here).
fn incomplete(task: &Task) -> bool {
    !task.summary && task.percent_complete < 100.0
}

/// The rules every result keeps.
fn check_rules(program: &Program, report: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(report.checks.len(), 14);
    for (i, r) in report.checks.iter().enumerate() {
        prop_assert_eq!(r.check, Check::ALL[i]);
        prop_assert_eq!(r.number as usize, i + 1);
        prop_assert!(in_program_order(program, &r.tasks), "{:?}", r);
        if r.outcome == Outcome::NotApplicable {
            prop_assert!(r.figure.is_none() && r.note.is_some(), "{:?}", r);
            continue;
        }
        if let Some(figure) = r.figure {
            let ratio = r.count as f64 / r.denominator as f64;
            let expected = match r.unit {
                Unit::Percent => r.count as f64 * 100.0 / r.denominator as f64,
                Unit::Ratio => ratio,
            };
            prop_assert_eq!(figure, expected, "{:?}", r);
        }
        check_population(program, r)?;
    }
    Ok(())
}

/// Offenders belong to the check's population, and the outcome follows the threshold.
fn check_population(program: &Program, r: &CheckResult) -> Result<(), TestCaseError> {
    let t = Thresholds::default();
    let percent = r.figure.unwrap_or(f64::NAN);
    let listed = |pred: &dyn Fn(&Task) -> bool| r.tasks.iter().all(|id| pred(task(program, id)));
    match r.check {
        Check::Logic | Check::HardConstraints | Check::HighFloat | Check::NegativeFloat => {
            prop_assert!(listed(&incomplete), "{:?}", r);
            prop_assert_eq!(r.tasks.len() as i64, r.count);
        }
        Check::HighDuration | Check::Resources => {
            prop_assert!(listed(&|x| incomplete(x) && !x.is_milestone()), "{:?}", r);
            prop_assert_eq!(r.tasks.len() as i64, r.count);
        }
        Check::InvalidDates | Check::MissedTasks => {
            prop_assert!(listed(&|x| !x.summary), "{:?}", r);
            prop_assert_eq!(r.tasks.len() as i64, r.count);
        }
        Check::Leads | Check::Lags => {
            prop_assert_eq!(r.links.len() as i64, r.count);
            let lead = r.check == Check::Leads;
            let offends = |l: &LinkEnds| {
                program.dependencies.iter().any(|d| {
                    d.from == l.from && d.to == l.to && if lead { d.lag < 0 } else { d.lag > 0 }
                })
            };
            prop_assert!(r.links.iter().all(offends), "{:?}", r);
            let limit = if lead {
                t.leads_percent
            } else {
                t.lags_percent
            };
            prop_assert_eq!(r.outcome == Outcome::Pass, percent <= limit);
        }
        Check::RelationshipTypes => {
            prop_assert_eq!(r.links.len() as i64, r.denominator - r.count);
            prop_assert_eq!(r.outcome == Outcome::Pass, percent >= t.fs_percent);
        }
        Check::Bei => prop_assert_eq!(r.outcome == Outcome::Pass, percent >= t.bei),
        Check::Cpli => prop_assert_eq!(r.outcome == Outcome::Pass, percent >= t.cpli),
        Check::CriticalPathTest => prop_assert_eq!(r.tasks.len(), 1),
    }
    Ok(())
}

/// `n` tasks between a start and a finish milestone, each linked from the start and to the
/// finish, with extra finish-to-start links (no lag) from earlier tasks to later ones.
fn fully_linked(durations: &[i64], extra: &[(usize, usize)]) -> Program {
    let mut program = crate::generate::generate(Shape::Chain, 0, 1);
    let task = |id: String, duration: i64| Task {
        name: id.clone(),
        id,
        workstream: "ws0".into(),
        duration,
        ..Task::default()
    };
    program.tasks.push(task("start".into(), 0));
    program.tasks.push(task("finish".into(), 0));
    let link = |from: String, to: String| Dependency {
        from,
        to,
        kind: LinkType::FS,
        lag: 0,
    };
    for (i, &duration) in durations.iter().enumerate() {
        program.tasks.push(task(format!("t{i}"), duration));
        program
            .dependencies
            .push(link("start".into(), format!("t{i}")));
        program
            .dependencies
            .push(link(format!("t{i}"), "finish".into()));
    }
    let n = durations.len();
    for &(a, b) in extra {
        let (a, b) = (a % n, b % n);
        let linked = |d: &Dependency| d.from == format!("t{a}") && d.to == format!("t{b}");
        if a < b && !program.dependencies.iter().any(linked) {
            program
                .dependencies
                .push(link(format!("t{a}"), format!("t{b}")));
        }
    }
    program
}

fn arbitrary_thresholds() -> impl Strategy<Value = Thresholds> {
    let number = prop_oneof![any::<f64>(), -10.0..200.0f64, Just(f64::NAN)];
    let days = prop_oneof![any::<i64>(), -5i64..700];
    (
        proptest::collection::vec(number, 13),
        proptest::collection::vec(days, 3),
    )
        .prop_map(|(n, d)| Thresholds {
            logic_percent: n[0],
            leads_percent: n[1],
            lags_percent: n[2],
            fs_percent: n[3],
            hard_constraints_percent: n[4],
            high_float_days: d[0],
            high_float_percent: n[5],
            negative_float_percent: n[6],
            high_duration_days: d[1],
            high_duration_percent: n[7],
            invalid_dates_percent: n[8],
            resources_percent: n[9],
            missed_tasks_percent: n[10],
            cpt_delay_days: d[2],
            cpli: n[11],
            bei: n[12],
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_result_keeps_the_rules(r in recipes()) {
        let (program, report) = assessed(&r, &Thresholds::default());
        check_rules(&program, &report)?;
    }

    #[test]
    fn the_critical_path_test_agrees_with_a_copy_scheduled_in_full(r in recipes()) {
        let (program, report) = assessed(&r, &Thresholds::default());
        let cpt = report.get(Check::CriticalPathTest).expect("check 12");
        prop_assume!(cpt.outcome != Outcome::NotApplicable);
        let t = program.tasks.iter().position(|x| x.id == cpt.tasks[0]).expect("tested task");
        // A task under way has its remaining work lengthened: a copy cannot say that.
        prop_assume!(program.tasks[t].percent_complete == 0.0);
        let before = crate::schedule(&program).expect("it schedules");
        let mut copy = program.clone();
        copy.tasks[t].duration += Thresholds::default().cpt_delay_days;
        let after = crate::schedule(&copy).expect("the copy schedules");
        prop_assert_eq!(cpt.denominator, after.tasks[t].ef - before.tasks[t].ef);
        prop_assert_eq!(cpt.count, after.finish_offset - before.finish_offset);
    }

    #[test]
    fn no_threshold_makes_it_panic(r in recipes(), thresholds in arbitrary_thresholds()) {
        let (_, report) = assessed(&r, &thresholds);
        prop_assert_eq!(report.checks.len(), 14);
    }

    #[test]
    fn a_fully_linked_plan_without_lags_passes_1_to_4(
        durations in proptest::collection::vec(1i64..30, 1..40),
        extra in proptest::collection::vec((0usize..40, 0usize..40), 0..60),
    ) {
        let program = fully_linked(&durations, &extra);
        let checked = crate::check(&program).expect("the plan checks");
        let schedule = crate::schedule_checked(&checked).expect("the plan schedules");
        let report = assess(&checked, &schedule, None, program.program.start, &Thresholds::default());
        for check in [Check::Logic, Check::Leads, Check::Lags, Check::RelationshipTypes] {
            prop_assert_eq!(report.get(check).map(|r| r.outcome), Some(Outcome::Pass), "{:?}", check);
        }
    }

    #[test]
    fn adding_a_lead_always_fails_2(
        shape in prop_oneof![Just(Shape::Chain), Just(Shape::Layered), Just(Shape::Random)],
        tasks in 2usize..150, seed: u64, which: prop::sample::Index, lead in 1i64..10,
    ) {
        let mut program = crate::generate::generate(shape, tasks, seed);
        prop_assume!(!program.dependencies.is_empty());
        let k = which.index(program.dependencies.len());
        program.dependencies[k].lag = -lead;
        let checked = crate::check(&program).expect("the plan checks");
        let schedule = crate::schedule_checked(&checked).expect("the plan schedules");
        let report = assess(&checked, &schedule, None, program.program.start, &Thresholds::default());
        let leads = report.get(Check::Leads).expect("check 2");
        prop_assert_eq!(leads.outcome, Outcome::Fail);
        let link = &program.dependencies[k];
        prop_assert!(leads.links.iter().any(|l| l.from == link.from && l.to == link.to));
    }
}
