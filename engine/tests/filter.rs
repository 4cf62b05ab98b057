//! The plan view's find and filters: which tasks each one keeps, on a scheduled program.

use engine::filter::{TaskFilter, is_late};
use engine::{Program, schedule};

fn program() -> Program {
    serde_json::from_str(
        r#"{"program": {"name": "P", "start": "2027-01-04"},
            "workstreams": [{"id": "pay", "name": "Payments"}, {"id": "ops", "name": "Ops"}],
            "tasks": [
              {"id": "1", "name": "Design API", "workstream": "pay", "duration": 5},
              {"id": "2", "name": "Build API", "workstream": "pay", "duration": 10, "deadline": "2027-01-15"},
              {"id": "3", "name": "Runbook", "workstream": "ops", "duration": 2},
              {"id": "M1", "name": "Straße live", "workstream": "ops", "duration": 0, "milestone": true}
            ],
            "dependencies": [{"from": "1", "to": "2"}, {"from": "2", "to": "M1"}, {"from": "3", "to": "M1"}]}"#,
    )
    .unwrap()
}

/// The ids `filter` keeps, in file order.
fn kept(filter: &TaskFilter) -> Vec<String> {
    let program = program();
    let plan = schedule(&program).unwrap();
    program
        .tasks
        .iter()
        .zip(&plan.tasks)
        .filter(|(task, times)| {
            let ws = program
                .workstreams
                .iter()
                .find(|w| w.id == task.workstream)
                .map_or("", |w| w.name.as_str());
            filter.matches(task, ws, Some(times))
        })
        .map(|(task, _)| task.id.clone())
        .collect()
}

#[test]
fn an_empty_filter_keeps_everything() {
    assert!(TaskFilter::default().is_empty());
    assert_eq!(kept(&TaskFilter::default()), ["1", "2", "3", "M1"]);
    assert!(TaskFilter::new("  ").is_empty());
}

#[test]
fn the_text_is_found_in_the_name_id_or_workstream_any_case() {
    assert_eq!(kept(&TaskFilter::new("api")), ["1", "2"]);
    assert_eq!(kept(&TaskFilter::new("m1")), ["M1"]);
    assert_eq!(kept(&TaskFilter::new("OPS")), ["3", "M1"]);
    assert_eq!(kept(&TaskFilter::new("STRASSE")), Vec::<String>::new());
    assert_eq!(kept(&TaskFilter::new("straße")), ["M1"]);
    assert_eq!(kept(&TaskFilter::new("STRAẞE")), ["M1"], "Unicode case");
}

#[test]
fn critical_late_milestones_and_a_workstream() {
    // 1 (5d) then 2 (10d) finish on 2027-01-15 + 5 working days = 2027-01-22, a week after
    // 2's deadline of the 15th: both carry −5 days of float, so both are late and critical.
    // M1 follows 2 and sets the program finish: float 0, critical (float ≤ 0), not late.
    let critical = TaskFilter {
        critical: true,
        ..TaskFilter::default()
    };
    assert_eq!(kept(&critical), ["1", "2", "M1"]);
    let late = TaskFilter {
        late: true,
        ..TaskFilter::default()
    };
    assert_eq!(kept(&late), ["1", "2"]);
    let milestones = TaskFilter {
        milestones: true,
        ..TaskFilter::default()
    };
    assert_eq!(kept(&milestones), ["M1"]);
    let ops = TaskFilter {
        workstream: Some("ops".into()),
        ..TaskFilter::default()
    };
    assert_eq!(kept(&ops), ["3", "M1"]);
    // Filters combine: all must pass.
    let both = TaskFilter {
        text: "api".into(),
        late: true,
        workstream: Some("ops".into()),
        ..TaskFilter::default()
    };
    assert_eq!(kept(&both), Vec::<String>::new());
}

#[test]
fn late_is_a_missed_deadline_or_negative_float() {
    let program = program();
    let plan = schedule(&program).unwrap();
    assert!(
        is_late(&program.tasks[1], &plan.tasks[1]),
        "deadline missed"
    );
    assert!(!is_late(&program.tasks[2], &plan.tasks[2]), "3 has room");
    // Without a schedule, critical and late find nothing.
    let critical = TaskFilter {
        critical: true,
        ..TaskFilter::default()
    };
    assert!(!critical.matches(&program.tasks[0], "Payments", None));
    assert!(TaskFilter::new("design").matches(&program.tasks[0], "Payments", None));
}
