//! The plan grid's input turned into edits (`document::plan_edit`): cells, the empty
//! row, Insert and Delete, and rows pasted from a spreadsheet, each edit then made through
//! `engine::edit::History` as the editor makes it (so a cycle is refused there).
//!
//! Run with `cargo test -p document --test plan_edit`.

use document::Column;
use document::plan_edit::{cell_edits, delete_edits, insert_edits, paste_edits};
use engine::edit::History;
use engine::{ConstraintKind, Program};

/// Tasks 1 → 2 (FS) in workstream `w`, and `x` in workstream `ops`.
fn program() -> Program {
    serde_json::from_str(
        r#"{"program": {"name": "P", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "Build"}, {"id": "ops", "name": "Operations"}],
            "tasks": [{"id": "1", "name": "Design", "workstream": "w", "duration": 5},
                      {"id": "2", "name": "Build", "workstream": "w", "duration": 10},
                      {"id": "x", "name": "Run", "workstream": "ops", "duration": 2}],
            "dependencies": [{"from": "1", "to": "2"}]}"#,
    )
    .unwrap()
}

/// Makes the edits for `text` typed into `column` of `task`, as the editor would.
fn type_cell(
    p: &mut Program,
    task: Option<&str>,
    column: Column,
    text: &str,
) -> Result<(), String> {
    let edits = cell_edits(p, task, column, text, None)?.unwrap_or_default();
    History::default().apply(p, edits).map_err(|d| {
        d.0.iter()
            .map(|d| d.message.clone())
            .collect::<Vec<_>>()
            .join("; ")
    })
}

#[test]
fn cells_take_durations_dates_and_predecessors() {
    let mut p = program();
    type_cell(&mut p, Some("2"), Column::Duration, "3w").unwrap();
    assert_eq!(p.tasks[1].duration, 15);
    type_cell(&mut p, Some("2"), Column::Start, "2026-02-02").unwrap();
    let c = p.tasks[1].constraint.clone().unwrap();
    assert_eq!(
        (c.kind, c.date.unwrap().to_string()),
        (ConstraintKind::SNET, "2026-02-02".into())
    );
    type_cell(&mut p, Some("2"), Column::Constraint, "mfo 2026-03-31").unwrap();
    assert_eq!(
        p.tasks[1].constraint.clone().unwrap().kind,
        ConstraintKind::MFO
    );
    type_cell(&mut p, Some("2"), Column::Constraint, "").unwrap();
    assert_eq!(p.tasks[1].constraint, None);
    type_cell(&mut p, Some("x"), Column::Predecessors, "1SS+2d, 2").unwrap();
    let into_x: Vec<_> = p.dependencies.iter().filter(|d| d.to == "x").collect();
    assert_eq!(into_x.len(), 2);
    assert_eq!((into_x[0].from.as_str(), into_x[0].lag), ("1", 2));
    type_cell(&mut p, Some("x"), Column::Workstream, "build").unwrap();
    assert_eq!(p.tasks[2].workstream, "w");
    type_cell(&mut p, Some("1"), Column::Duration, "0").unwrap();
    assert!(p.tasks[0].milestone, "a duration of 0 is a milestone");
}

/// `ALAP` (any case) is as late as possible, without a date; a date after it is refused;
/// the cell shows it back as `ALAP`; typing a start over it makes it start-no-earlier-than.
#[test]
fn the_constraint_cell_takes_as_late_as_possible_without_a_date() {
    let mut p = program();
    type_cell(&mut p, Some("x"), Column::Constraint, " alap ").unwrap();
    let alap = p.tasks[2].constraint.clone().unwrap();
    assert_eq!((alap.kind, alap.date), (ConstraintKind::ALAP, None));
    let before = p.clone();
    let refused = type_cell(&mut p, Some("x"), Column::Constraint, "ALAP 2026-03-02").unwrap_err();
    assert!(refused.contains("takes no date"), "{refused}");
    assert_eq!(p, before);
    let unknown = type_cell(&mut p, Some("x"), Column::Constraint, "LATE").unwrap_err();
    assert!(unknown.contains("or ALAP"), "{unknown}");
    type_cell(&mut p, Some("x"), Column::Start, "2026-02-02").unwrap();
    assert_eq!(
        p.tasks[2].constraint.clone().unwrap().kind,
        ConstraintKind::SNET
    );
}

#[test]
fn bad_cells_are_refused_with_the_reason_and_change_nothing() {
    let mut p = program();
    let before = p.clone();
    let refused =
        |p: &mut Program, task, column, text| type_cell(p, Some(task), column, text).unwrap_err();
    assert!(refused(&mut p, "2", Column::Duration, "abc").contains("not a duration"));
    assert!(refused(&mut p, "2", Column::Predecessors, "1, 99").contains("99"));
    assert!(refused(&mut p, "1", Column::Predecessors, "2").contains("cycle"));
    assert!(refused(&mut p, "1", Column::Predecessors, "1").contains("own predecessor"));
    assert!(refused(&mut p, "1", Column::Start, "next week").contains("not a date"));
    assert!(refused(&mut p, "1", Column::Workstream, "Nobody").contains("Build, Operations"));
    assert!(refused(&mut p, "1", Column::Percent, "120").contains("0 to 100"));
    assert!(refused(&mut p, "1", Column::Finish, "2026-01-01").contains("computed"));
    assert_eq!(p, before);
}

#[test]
fn the_empty_row_insert_and_delete() {
    let mut p = program();
    type_cell(&mut p, None, Column::Name, "Launch").unwrap();
    let launch = p.tasks.last().unwrap();
    // The next number after the largest numeric id, in the last task's workstream.
    assert_eq!(
        (
            launch.id.as_str(),
            launch.name.as_str(),
            launch.workstream.as_str()
        ),
        ("3", "Launch", "ops")
    );
    assert_eq!(cell_edits(&p, None, Column::Name, "  ", None), Ok(None));

    let (id, edits) = insert_edits(&p, Some("1")).unwrap();
    History::default().apply(&mut p, edits).unwrap();
    assert_eq!(
        (p.tasks[1].id.as_str(), p.tasks[1].workstream.as_str()),
        (id.as_str(), "w")
    );

    let edits = delete_edits(&p, &["1".to_owned(), id], |_| None);
    History::default().apply(&mut p, edits).unwrap();
    let ids: Vec<&str> = p.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["2", "x", "3"]);
    assert!(
        p.dependencies.iter().all(|d| d.from != "1"),
        "its links went with it"
    );
}

#[test]
fn pasted_rows_with_or_without_a_heading() {
    let mut p = program();
    let text = "Task Name\tDuration\tPredecessors\tWorkstream\r\nTest\t1w\t2\tOperations\r\nShip\t0\tTest\t\r\n";
    // A predecessor may name a row pasted with it only by id: "Test" is not an id.
    assert!(
        paste_edits(&p, text, None)
            .unwrap_err()
            .starts_with("Row 3:")
    );
    let text = "ID\tName\tDuration\tPredecessors\tWorkstream\nT\tTest\t1w\t2\tOperations\nS\tShip\t0\tT\t\n";
    let edits = paste_edits(&p, text, None).unwrap();
    History::default().apply(&mut p, edits).unwrap();
    let test = p.tasks.iter().find(|t| t.id == "T").unwrap();
    assert_eq!((test.duration, test.workstream.as_str()), (5, "ops"));
    assert!(p.dependencies.iter().any(|d| d.from == "T" && d.to == "S"));

    // Without a heading: Name, Duration, Predecessors, Workstream, Start.
    let mut q = program();
    let edits = paste_edits(&q, "Pack\t2d\t1\nFly\t\t3\n", Some("ops")).unwrap();
    History::default().apply(&mut q, edits).unwrap();
    let names: Vec<(&str, &str, i64)> = q.tasks[3..]
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str(), t.duration))
        .collect();
    assert_eq!(names, [("3", "Pack", 2), ("4", "Fly", 1)]);
    assert!(q.dependencies.iter().any(|d| d.from == "3" && d.to == "4"));

    assert!(
        paste_edits(&q, "Name\tDuration\n", None)
            .unwrap_err()
            .contains("heading")
    );
    assert!(
        paste_edits(&q, "\tabc\n", None)
            .unwrap_err()
            .contains("Row 1: no task name")
    );
}

#[test]
fn estimates_distributions_and_progress() {
    let mut p = program();
    type_cell(&mut p, Some("2"), Column::Estimate, "8/10/2w").unwrap();
    let e = p.tasks[1].estimate.clone().unwrap();
    assert_eq!((e.optimistic, e.likely, e.pessimistic), (8.0, 10.0, 10.0));
    assert_eq!(e.distribution, engine::Distribution::Pert);
    type_cell(&mut p, Some("2"), Column::Distribution, "tri").unwrap();
    // A new estimate keeps the distribution chosen.
    type_cell(&mut p, Some("2"), Column::Estimate, "5/8/15").unwrap();
    let e = p.tasks[1].estimate.clone().unwrap();
    assert_eq!(
        (e.likely, e.distribution),
        (8.0, engine::Distribution::Triangular)
    );
    // Refused, naming why, and nothing changes.
    let before = p.clone();
    let error = type_cell(&mut p, Some("2"), Column::Estimate, "15/8/5").unwrap_err();
    assert!(
        error.contains("optimistic ≤ likely ≤ pessimistic"),
        "{error}"
    );
    let error = type_cell(&mut p, Some("1"), Column::Distribution, "uniform").unwrap_err();
    assert!(error.contains("three-point estimate first"), "{error}");
    let error = type_cell(&mut p, Some("2"), Column::Distribution, "normal").unwrap_err();
    assert!(error.contains("PERT, triangular or uniform"), "{error}");
    assert_eq!(p, before);
    // Cleared: no estimate.
    type_cell(&mut p, Some("2"), Column::Estimate, "").unwrap();
    assert!(p.tasks[1].estimate.is_none());

    type_cell(&mut p, Some("1"), Column::ActualStart, "2026-01-05").unwrap();
    type_cell(&mut p, Some("1"), Column::ActualFinish, "2026-01-09").unwrap();
    type_cell(&mut p, Some("1"), Column::Percent, "100").unwrap();
    assert_eq!(p.tasks[0].actual_finish.unwrap().to_string(), "2026-01-09");
    let error = type_cell(&mut p, Some("1"), Column::TotalFloat, "3").unwrap_err();
    assert!(error.contains("Float is computed"), "{error}");
}

#[test]
fn a_name_in_the_empty_row_reports_the_new_tasks_id() {
    let p = program();
    let edits = cell_edits(&p, None, Column::Name, "Launch", None)
        .unwrap()
        .unwrap();
    assert_eq!(
        document::plan_edit::inserted_id(&edits).as_deref(),
        Some("3")
    );
    let edits = cell_edits(&p, Some("1"), Column::Duration, "2", None)
        .unwrap()
        .unwrap();
    assert_eq!(document::plan_edit::inserted_id(&edits), None);
}

/// Found by the soak (issue 16): the same predecessors typed again (here in another order,
/// and an empty cell committed empty) make no edit, so Undo has no empty step to take.
#[test]
fn the_same_predecessors_again_make_no_edit() {
    let mut p = program();
    type_cell(&mut p, Some("x"), Column::Predecessors, "1SS+2d, 2").unwrap();
    assert_eq!(
        cell_edits(&p, Some("x"), Column::Predecessors, "2, 1SS+2d", None),
        Ok(None)
    );
    assert_eq!(
        cell_edits(&p, Some("1"), Column::Predecessors, "", None),
        Ok(None)
    );
    // A changed lag is a change.
    assert!(matches!(
        cell_edits(&p, Some("x"), Column::Predecessors, "1SS+3d, 2", None),
        Ok(Some(_))
    ));
}

/// The Resources cell: demands typed by name or id, refused naming the part at fault.
#[test]
fn resources_typed_in_a_cell() {
    let mut p = program();
    p.resources.push(engine::Resource {
        id: "sre".into(),
        name: "SRE on-call".into(),
        capacity: 2.0,
        ..engine::Resource::default()
    });
    type_cell(&mut p, Some("1"), Column::Resources, "SRE on-call:0.5").unwrap();
    assert_eq!(p.tasks[0].demands[0].resource, "sre");
    assert_eq!(p.tasks[0].demands[0].units, 0.5);
    let refused = type_cell(&mut p, Some("1"), Column::Resources, "DBA").unwrap_err();
    assert!(refused.contains("no resource 'DBA'"), "{refused}");
    type_cell(&mut p, Some("1"), Column::Resources, "").unwrap();
    assert!(p.tasks[0].demands.is_empty());
}
