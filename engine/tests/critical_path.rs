//! The critical-path rule (`program.critical_path`), hand-worked.
//!
//! The plan, from Monday 2026-01-05: A (5d) → B (3d), B due Tuesday 2026-01-13; C (10d) on its
//! own; D (2d) on its own. B finishes Wednesday 14th (offset 8) against a deadline at offset
//! 7, so A and B have −1 day of float. C finishes last (offset 10) and sets the program
//! finish: float 0. D has 8 days of float.

mod common;
use common::*;
use engine::forecast::{Settings, forecast};
use engine::{Code, CriticalPath, Distribution, Estimate, LinkType::FS, Program};

fn plan() -> Program {
    let mut p = program(
        &[("A", 5), ("B", 3), ("C", 10), ("D", 2)],
        &[("A", "B", FS, 0)],
    );
    task_mut(&mut p, "B").deadline = Some(d("2026-01-13"));
    p
}

fn critical(p: &Program) -> Vec<String> {
    let s = run(p);
    s.critical_tasks().map(|t| p.tasks[t].id.clone()).collect()
}

#[test]
fn the_floats_of_the_example() {
    let s = run(&plan());
    let floats: Vec<i64> = s.tasks.iter().map(|t| t.total_float).collect();
    assert_eq!(floats, [-1, -1, 0, 8]);
    assert_eq!(s.finish_offset, 10);
}

#[test]
fn after_a_missed_deadline_the_task_that_sets_the_finish_is_critical_too() {
    // Under the old least-float rule only A and B (−1) were critical; C, which sets the
    // finish with no room at all, was not. Under total float ≤ 0 it is.
    let p = plan();
    assert_eq!(critical(&p), ["A", "B", "C"]);
}

#[test]
fn a_wider_bound_takes_in_near_critical_tasks() {
    let mut p = plan();
    p.program.critical_path = CriticalPath::TotalFloat { max_days: 7 };
    assert_eq!(critical(&p), ["A", "B", "C"], "D has 8 days");
    p.program.critical_path = CriticalPath::TotalFloat { max_days: 8 };
    assert_eq!(critical(&p), ["A", "B", "C", "D"]);
}

#[test]
fn the_longest_path_is_what_drives_the_finish_whatever_the_float() {
    let mut p = plan();
    p.program.critical_path = CriticalPath::LongestPath;
    assert_eq!(critical(&p), ["C"], "late A and B do not drive the finish");
    // B → C: now A, B and C make the longest path (A 0–5, B 5–8, C 8–18).
    p.dependencies.push(engine::Dependency {
        from: "B".into(),
        to: "C".into(),
        kind: FS,
        lag: 0,
    });
    assert_eq!(critical(&p), ["A", "B", "C"]);
    // Two tasks finishing last: the union of their driving paths.
    let mut two = program(
        &[("A", 4), ("B", 2), ("C", 2), ("E", 3)],
        &[("B", "C", FS, 0)],
    );
    two.program.critical_path = CriticalPath::LongestPath;
    assert_eq!(critical(&two), ["A", "B", "C"], "A and C both end at 4");
}

#[test]
fn room_before_finish_by_leaves_nothing_critical_by_float_but_the_longest_path_stays() {
    let mut p = program(&[("A", 5), ("B", 3)], &[("A", "B", FS, 0)]);
    p.program.finish_by = Some(d("2026-01-30"));
    assert!(critical(&p).is_empty(), "every float is 12 days");
    p.program.critical_path = CriticalPath::LongestPath;
    assert_eq!(critical(&p), ["A", "B"]);
}

#[test]
fn finished_tasks_are_never_critical_under_either_rule() {
    let mut p = program(&[("A", 5), ("B", 3)], &[("A", "B", FS, 0)]);
    task_mut(&mut p, "A").percent_complete = 100.0;
    assert_eq!(critical(&p), ["B"]);
    p.program.critical_path = CriticalPath::LongestPath;
    assert_eq!(critical(&p), ["B"]);
}

#[test]
fn a_negative_bound_is_refused_naming_the_field() {
    let mut p = plan();
    p.program.critical_path = CriticalPath::TotalFloat { max_days: -1 };
    let errors = engine::schedule(&p).unwrap_err();
    let found: Vec<(Code, &str)> = errors.0.iter().map(|d| (d.code, d.path.as_str())).collect();
    assert_eq!(
        found,
        [(Code::InvalidCriticalPath, "program.critical_path.max_days")]
    );
    assert_eq!(Code::InvalidCriticalPath.as_str(), "E023");
    assert!(
        errors.0[0].message.starts_with("-1 days"),
        "{}",
        errors.0[0]
    );
}

#[test]
fn the_rule_reads_as_a_legend_and_serialises_with_its_tag() {
    assert_eq!(
        CriticalPath::default().describe(),
        "Critical: total float ≤ 0d"
    );
    assert_eq!(
        CriticalPath::TotalFloat { max_days: 3 }.describe(),
        "Critical: total float ≤ 3d"
    );
    assert_eq!(
        CriticalPath::LongestPath.describe(),
        "Critical: longest path"
    );
    let json = |rule: &CriticalPath| serde_json::to_string(rule).unwrap();
    assert_eq!(
        json(&CriticalPath::TotalFloat { max_days: 2 }),
        r#"{"rule":"total_float","max_days":2}"#
    );
    assert_eq!(
        json(&CriticalPath::LongestPath),
        r#"{"rule":"longest_path"}"#
    );
    let read: CriticalPath = serde_json::from_str(r#"{"rule": "total_float"}"#).unwrap();
    assert_eq!(read, CriticalPath::default(), "max_days defaults to 0");
    // The default is not written with the program.
    let info = serde_json::to_value(&plan().program).unwrap();
    assert!(info.get("critical_path").is_none(), "{info}");
}

#[test]
fn the_criticality_index_follows_the_rule() {
    // A (10d) and B (8d) side by side, A's estimate fixed: B always has 2 days of float.
    let mut p = program(&[("A", 10), ("B", 8)], &[]);
    for t in &mut p.tasks {
        let days = t.duration as f64;
        t.estimate = Some(Box::new(Estimate {
            optimistic: days,
            likely: days,
            pessimistic: days,
            distribution: Distribution::Pert,
        }));
    }
    let index = |p: &Program| {
        let checked = engine::check(p).unwrap();
        forecast(
            &checked,
            &Settings {
                iterations: 20,
                seed: 3,
            },
        )
        .unwrap()
        .criticality
    };
    assert_eq!(index(&p), [1.0, 0.0]);
    p.program.critical_path = CriticalPath::TotalFloat { max_days: 2 };
    assert_eq!(index(&p), [1.0, 1.0]);
    p.program.critical_path = CriticalPath::LongestPath;
    assert_eq!(index(&p), [1.0, 0.0], "least float per iteration");
    // The scheduler's general passes (a team calendar) count the same way.
    p.workstreams[0].calendar = Some(engine::Calendar::default());
    p.program.critical_path = CriticalPath::TotalFloat { max_days: 2 };
    assert_eq!(index(&p), [1.0, 1.0]);
    p.program.critical_path = CriticalPath::LongestPath;
    assert_eq!(index(&p), [1.0, 0.0]);
}
