//! Hostile and careless input (issue 16): every case fails politely — a diagnostic naming
//! the field or item, never a panic, a stack overflow, a wrapped number or a wrong date —
//! and the messages stay short however many problems there are.

mod common;
use common::*;
use engine::check::stored;
use engine::edit::{Edit, History};
use engine::forecast::{Settings, forecast};
use engine::scenario::{Change, Scenario};
use engine::{Code, Dependency, Estimate, LinkType::FS, Program, Task};

/// Runs `f` on a thread with a small stack (256 KiB), as a stand-in for the browser's: a
/// recursion as deep as the plan overflows here long before it would natively.
fn on_a_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

/// A chain `t0 → t1 → … → t(n-1)`.
fn chain(n: usize) -> Program {
    let mut p = program(&[], &[]);
    p.tasks = (0..n).map(|i| task(&format!("t{i}"), 1)).collect();
    p.dependencies = (1..n)
        .map(|i| link(&format!("t{}", i - 1), &format!("t{i}"), 0))
        .collect();
    p
}

fn link(from: &str, to: &str, lag: i64) -> Dependency {
    Dependency {
        from: from.into(),
        to: to.into(),
        kind: FS,
        lag,
    }
}

fn errors(p: &Program) -> Vec<engine::Diagnostic> {
    engine::check(p).map(|_| ()).unwrap_err().0
}

#[test]
fn a_cycle_through_100000_tasks_is_named_without_recursion() {
    let found = on_a_small_stack(|| {
        let mut p = chain(100_000);
        p.dependencies.push(link("t99999", "t0", 0));
        errors(&p)
    });
    assert_eq!(found.len(), 1);
    let cycle = &found[0];
    assert_eq!(
        (cycle.code, cycle.path.as_str()),
        (Code::DependencyCycle, "tasks[0]")
    );
    assert_eq!(
        cycle.ids.len(),
        100_000,
        "every task of the cycle, in order"
    );
    assert_eq!(cycle.ids[..3], ["t0", "t1", "t2"]);
    assert_eq!(
        cycle.message,
        "dependency cycle: t0 → t1 → t2 → t3 → t4 → t5 → t6 → t7 → … 99,984 more … → \
         t99992 → t99993 → t99994 → t99995 → t99996 → t99997 → t99998 → t99999 → t0"
    );
}

#[test]
fn an_edit_that_closes_a_10000_task_cycle_is_refused_without_recursion() {
    let (refused, unchanged) = on_a_small_stack(|| {
        let mut p = chain(10_000);
        let before = p.clone();
        let edit = Edit::AddDependency {
            dependency: link("t9999", "t0", 0),
        };
        let refused = History::default().apply(&mut p, vec![edit]).unwrap_err();
        (refused, p == before)
    });
    assert!(unchanged, "a refused edit changes nothing");
    assert_eq!(refused.0[0].code, Code::DependencyCycle);
    assert!(refused.0[0].message.len() < 400, "{}", refused.0[0].message);
}

#[test]
fn one_link_repeated_20000_times_is_one_short_diagnostic() {
    let mut p = program(&[("a", 1), ("b", 1)], &[]);
    p.dependencies = vec![link("a", "b", 0); 20_000];
    let found = errors(&p);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].code, found[0].path.as_str()),
        (Code::DuplicateLink, "dependencies[1]")
    );
    assert_eq!(
        found[0].message,
        "a → b is linked 20,000 times (dependencies 0, 1, 2, 3, 4 … and 19,995 more)"
    );
}

#[test]
fn many_problems_of_one_kind_are_listed_fifty_then_counted() {
    let mut p = chain(10_000);
    for t in &mut p.tasks {
        t.workstream = "nowhere".into();
    }
    let found = errors(&p);
    assert_eq!(found.len(), 51);
    assert!(
        found[..50]
            .iter()
            .all(|d| d.code == Code::UnknownWorkstream)
    );
    let summary = &found[50];
    assert_eq!(
        (summary.code, summary.path.as_str()),
        (Code::UnknownWorkstream, "tasks[50].workstream")
    );
    assert_eq!(
        summary.message,
        "… and 9,950 more like this (10,000 in all; the first 50 are listed)"
    );
}

#[test]
fn the_least_lag_is_refused_not_wrapped() {
    for lag in [i64::MIN, i64::MIN + 1, -100_001, 100_001, i64::MAX] {
        let p = program(&[("a", 1), ("b", 1)], &[("a", "b", FS, lag)]);
        let found = errors(&p);
        assert_eq!(
            (found[0].code, found[0].path.as_str()),
            (Code::ValueOutOfRange, "dependencies[0].lag"),
            "lag {lag}"
        );
    }
    let p = program(&[("a", 1), ("b", 1)], &[("a", "b", FS, -100_000)]);
    assert!(engine::check(&p).is_ok(), "±100,000 is the limit");
    let known = |id: &str| id == "1";
    for typed in [
        "1FS-9223372036854775808d",
        "1FS+9223372036854775807d",
        "1FS-100001d",
    ] {
        let refused = engine::entry::parse_predecessors(typed, known);
        assert!(refused.is_err(), "{typed}");
    }
}

#[test]
fn text_over_its_limit_is_refused_naming_the_field() {
    let mut p = program(&[("a", 1)], &[]);
    p.tasks[0].name = "n".repeat(500);
    assert!(engine::check(&p).is_ok(), "500 characters is the limit");
    p.tasks[0].name = "é".repeat(52_428_800 / 2);
    let found = errors(&p);
    assert_eq!(found.len(), 1, "alone: the other messages quote names");
    assert_eq!(
        (found[0].code, found[0].path.as_str(), &found[0].ids[..]),
        (Code::TextTooLong, "tasks[0].name", &["a".to_string()][..])
    );
    assert!(
        found[0]
            .message
            .starts_with("a task name of 26,214,400 characters ('ééé"),
        "{}",
        found[0].message
    );
    assert!(found[0].message.ends_with("…'); at most 500 are allowed"));

    let mut p = program(&[("a", 1)], &[]);
    p.program.name = "x".repeat(501);
    p.workstreams[0].name = "x".repeat(501);
    p.dependencies = vec![link("a", &"b".repeat(101), 0)];
    let paths: Vec<String> = errors(&p).into_iter().map(|d| d.path).collect();
    assert_eq!(
        paths,
        ["program.name", "workstreams[0].name", "dependencies[0].to"]
    );
}

#[test]
fn an_edit_to_over_long_text_is_refused_by_the_same_rule() {
    let mut p = program(&[("a", 1)], &[]);
    let mut renamed = p.tasks[0].clone();
    renamed.name = "x".repeat(501);
    let edit = Edit::ReplaceTask {
        index: 0,
        task: renamed,
    };
    let refused = History::default().apply(&mut p, vec![edit]).unwrap_err();
    assert_eq!(refused.0[0].code, Code::TextTooLong);
    assert_eq!(p.tasks[0].name, "Task a");
}

#[test]
fn ids_of_invisible_characters_are_blank() {
    for id in [
        "\u{200B}",
        "\u{200B}\u{200C}\u{200D}",
        "\u{FEFF}",
        " \u{2060} ",
        "\u{202E}",
    ] {
        let p = program(&[(id, 1)], &[]);
        let found = errors(&p);
        assert_eq!(
            (found[0].code, found[0].path.as_str()),
            (Code::EmptyId, "tasks[0].id"),
            "{id:?}"
        );
    }
}

#[test]
fn a_schedule_past_year_9999_is_a_diagnostic_not_a_date() {
    let mut p = program(&[("a", 100_000)], &[]);
    p.program.start = d("9700-01-04");
    let found = engine::schedule(&p).unwrap_err().0;
    assert_eq!(
        (found[0].code, found[0].path.as_str()),
        (Code::ScheduleOutOfRange, "tasks[0]")
    );
    assert!(
        found[0].message.contains("9999-12-31"),
        "{}",
        found[0].message
    );
    p.tasks[0].duration = 10;
    assert!(engine::schedule(&p).is_ok());
}

#[test]
fn a_forecast_past_year_9999_is_a_diagnostic_not_a_date() {
    let mut p = program(&[("a", 10)], &[]);
    p.program.start = d("9980-01-06");
    p.tasks[0].estimate = Some(Box::new(Estimate {
        optimistic: 5.0,
        likely: 10.0,
        pessimistic: 50_000.0,
        distribution: Default::default(),
    }));
    let checked = engine::check(&p).unwrap();
    let settings = Settings {
        iterations: 200,
        seed: 1,
    };
    let found = forecast(&checked, &settings).unwrap_err().0;
    assert_eq!(found[0].code, Code::ScheduleOutOfRange);
}

#[test]
fn a_forecast_that_would_keep_too_many_samples_is_refused() {
    let mut p = program(&[], &[]);
    p.tasks = (0..20_000).map(|i| task(&format!("m{i}"), 0)).collect();
    let checked = engine::check(&p).unwrap();
    let settings = Settings {
        iterations: 100_000,
        seed: 1,
    };
    let found = forecast(&checked, &settings).unwrap_err().0;
    assert_eq!(
        (found[0].code, found[0].path.as_str()),
        (Code::InvalidForecastSettings, "forecast.iterations")
    );
    assert!(
        found[0].message.contains("at most 6,710 iterations fit"),
        "{}",
        found[0].message
    );
}

#[test]
fn scenario_and_baseline_values_are_bounded_with_the_field_named() {
    let long_task = Task {
        name: "x".repeat(501),
        ..task("new", 5)
    };
    let scenario = Scenario {
        id: "s".into(),
        name: "S".into(),
        description: String::new(),
        changes: vec![
            Change::Slip {
                task: "a".into(),
                days: i64::MAX,
            },
            Change::Estimate {
                task: "a".into(),
                days: -1,
            },
            Change::AddTask { task: long_task },
            Change::AddDependency {
                dependency: link("a", "b", i64::MIN),
            },
            Change::SetDeadline {
                task: "a".into(),
                deadline: Some(d("1850-01-01")),
            },
            Change::SetEstimate {
                task: "a".into(),
                estimate: Some(Estimate {
                    optimistic: 9.0,
                    likely: 2.0,
                    pessimistic: 1.0,
                    distribution: Default::default(),
                }),
            },
        ],
    };
    let found: Vec<(Code, String)> = stored::scenarios(&[scenario])
        .into_iter()
        .map(|d| (d.code, d.path))
        .collect();
    assert_eq!(
        found,
        [
            (Code::ValueOutOfRange, "scenarios[0].changes[0].days".into()),
            (Code::ValueOutOfRange, "scenarios[0].changes[1].days".into()),
            (
                Code::TextTooLong,
                "scenarios[0].changes[2].task.name".into()
            ),
            (
                Code::ValueOutOfRange,
                "scenarios[0].changes[3].dependency.lag".into()
            ),
            (
                Code::DateOutOfRange,
                "scenarios[0].changes[4].deadline".into()
            ),
            (
                Code::InvalidEstimate,
                "scenarios[0].changes[5].estimate".into()
            ),
        ]
    );
    let baseline = engine::baseline::Baseline {
        id: "b".repeat(101),
        name: "B".into(),
        saved_on: d("2026-01-05"),
        tasks: vec![engine::baseline::BaselineTask {
            id: "a".into(),
            start: d("2026-01-05"),
            finish: d("+12026-01-05"),
        }],
    };
    let found: Vec<String> = stored::baselines(&[baseline])
        .into_iter()
        .map(|d| d.path)
        .collect();
    assert_eq!(found, ["baselines[0].id", "baselines[0].tasks[0].finish"]);
}

#[test]
fn a_workstream_id_made_from_the_longest_name_fits() {
    let p = program(&[], &[]);
    let id = engine::workstreams::next_workstream_id(&p, &"Data platform ".repeat(40));
    assert!(id.chars().count() <= 40, "{id}");
    assert!(id.starts_with("data-platform-data"));
}
