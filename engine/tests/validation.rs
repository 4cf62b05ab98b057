//! Validation reports every problem at once, with stable codes, paths and ids; bad input
//! never panics.

mod common;
use common::*;
use engine::{Calendar, Code, Constraint, ConstraintKind, Dependency, LinkType::FS, Program};

fn codes(program: &Program) -> Vec<Code> {
    engine::schedule(program)
        .unwrap_err()
        .0
        .iter()
        .map(|d| d.code)
        .collect()
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut p = program(
        &[("A", 2), ("A", 3), ("B", -1), ("C", 1)],
        &[("A", "Z", FS, 0), ("C", "C", FS, 0)],
    );
    p.tasks[3].workstream = "nowhere".into();
    p.tasks[3].constraint = Some(Constraint {
        kind: ConstraintKind::SNET,
        date: None,
    });
    let errors = engine::schedule(&p).unwrap_err();
    let found: Vec<(Code, &str)> = errors.0.iter().map(|d| (d.code, d.path.as_str())).collect();
    assert_eq!(
        found,
        [
            (Code::DuplicateTaskId, "tasks[1].id"),
            (Code::NegativeDuration, "tasks[2].duration"),
            (Code::UnknownWorkstream, "tasks[3].workstream"),
            (Code::ConstraintWithoutDate, "tasks[3].constraint.date"),
            (Code::UnknownTask, "dependencies[0].to"),
            (Code::SelfLink, "dependencies[1]"),
        ]
    );
    assert!(errors.0.iter().all(|d| d.is_error()));
    assert_eq!(errors.0[4].ids, ["Z"]);
}

#[test]
fn cycles_are_named_in_order() {
    let p = program(
        &[("A", 1), ("B", 1), ("C", 1), ("D", 1), ("E", 1), ("F", 1)],
        &[
            ("A", "B", FS, 0),
            ("B", "C", FS, 0),
            ("C", "A", FS, 0),
            ("D", "E", FS, 0),
            ("E", "D", FS, 0),
            ("C", "F", FS, 0),
        ],
    );
    let errors = engine::schedule(&p).unwrap_err();
    let cycles: Vec<&Vec<String>> = errors
        .with_code(Code::DependencyCycle)
        .map(|d| &d.ids)
        .collect();
    assert_eq!(
        cycles,
        [
            &vec!["A".to_string(), "B".into(), "C".into()],
            &vec!["D".to_string(), "E".into()]
        ]
    );
    assert!(
        errors.0[0].message.contains("A → B → C → A"),
        "{}",
        errors.0[0].message
    );
}

#[test]
fn calendars_need_a_working_day() {
    let mut p = program(&[("A", 1)], &[]);
    p.calendar.workdays.clear();
    assert_eq!(codes(&p), [Code::NoWorkingDay]);
    let mut p = program(&[("A", 1)], &[]);
    p.workstreams[0].calendar = Some(Calendar {
        workdays: vec![chrono::Weekday::Sun],
        holidays: vec![],
    });
    let errors = engine::schedule(&p).unwrap_err();
    assert_eq!(
        errors.0.iter().map(|d| d.code).collect::<Vec<_>>(),
        [Code::NoWorkingDay]
    );
    assert_eq!(errors.0[0].ids, ["w"]);
}

#[test]
fn other_rules() {
    let mut p = program(
        &[("A", 2), ("M", 3), ("", 1), ("P", 1), ("F", 1)],
        &[("A", "P", FS, 0), ("A", "P", FS, 2)],
    );
    p.tasks[1].milestone = true;
    p.tasks[3].percent_complete = 120.0;
    p.tasks[4].actual_start = Some(d("2026-02-02"));
    p.tasks[4].actual_finish = Some(d("2026-01-30"));
    p.workstreams.push(workstream("w"));
    assert_eq!(
        codes(&p),
        [
            Code::DuplicateWorkstreamId,
            Code::EmptyId,
            Code::MilestoneWithDuration,
            Code::PercentOutOfRange,
            Code::FinishBeforeStart,
            Code::DuplicateLink,
        ]
    );
}

#[test]
fn huge_values_are_refused_not_overflowed() {
    let mut p = program(&[("A", 1_000_000), ("B", 1)], &[("A", "B", FS, i64::MAX)]);
    p.tasks[1].deadline = Some(d("1850-01-01"));
    assert_eq!(
        codes(&p),
        [
            Code::DateOutOfRange,
            Code::ValueOutOfRange,
            Code::ValueOutOfRange
        ]
    );
}

#[test]
fn a_schedule_beyond_representable_dates_is_an_error() {
    let n = 3_000;
    let tasks: Vec<(String, i64)> = (0..n).map(|i| (format!("T{i}"), 100_000)).collect();
    let task_refs: Vec<(&str, i64)> = tasks.iter().map(|(id, d)| (id.as_str(), *d)).collect();
    let mut p = program(&task_refs, &[]);
    p.dependencies = (1..n)
        .map(|i| Dependency {
            from: format!("T{}", i - 1),
            to: format!("T{i}"),
            kind: FS,
            lag: 0,
        })
        .collect();
    let errors = engine::schedule(&p).unwrap_err();
    assert!(errors.0.iter().all(|d| d.code == Code::ScheduleOutOfRange));
    assert!(!errors.0.is_empty());
}

#[test]
fn an_empty_program_schedules() {
    let p = program(&[], &[]);
    let s = run(&p);
    assert!(s.tasks.is_empty());
    assert_eq!(s.start, p.program.start);
}

#[test]
fn diagnostics_display_code_path_and_message() {
    let p = program(&[("A", -2)], &[]);
    let text = engine::schedule(&p).unwrap_err().to_string();
    assert_eq!(
        text.trim(),
        "error[E006] tasks[0].duration: task 'A' has a negative duration (-2) (negative-duration)"
    );
}

#[test]
fn a_workstream_colour_is_a_hex_colour() {
    let mut p = program(&[("A", 2)], &[]);
    p.workstreams[0].color = Some("#2f6fDE".into());
    assert!(engine::schedule(&p).is_ok(), "either case");
    p.workstreams.push(workstream("x"));
    p.workstreams.push(workstream("y"));
    for bad in ["#zz", "2f6fde", "#2f6fde0", "#2f6fd", "red", "", "#ééé"] {
        p.workstreams[2].color = Some(bad.into());
        let errors = engine::schedule(&p).unwrap_err();
        assert_eq!(errors.0.len(), 1, "{bad}");
        let error = &errors.0[0];
        assert_eq!(
            (error.code, error.path.as_str()),
            (Code::InvalidColor, "workstreams[2].color")
        );
        assert_eq!(
            error.message,
            format!("'{bad}' is not a colour: write it as #2f6fde")
        );
        assert_eq!(error.ids, ["y"]);
    }
}
