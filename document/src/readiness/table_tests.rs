//! The tables' cells read back unchanged through the typing functions, and their flags.

use super::*;
use engine::edit::History;
use engine::readiness::edit::{add_step, checklist_from_template};
use engine::readiness::typing::{set_item_field, set_step_field};

fn program() -> Program {
    let json = r#"{"program": {"name": "P", "start": "2027-01-04"},
        "workstreams": [{"id": "w", "name": "W"}],
        "tasks": [{"id": "build", "name": "Build", "workstream": "w", "duration": 10},
                  {"id": "ga", "name": "GA", "workstream": "w", "duration": 0, "milestone": true}],
        "dependencies": [{"from": "build", "to": "ga", "type": "FS", "lag": 0}]}"#;
    let mut program: Program = serde_json::from_str(json).unwrap();
    let mut history = History::default();
    let edit = checklist_from_template(&program, "ga", "software release").unwrap();
    history.apply(&mut program, vec![edit]).unwrap();
    for title in ["Freeze", "Migrate", "Switch"] {
        let (_, edit) = add_step(&program, "ga", title).unwrap();
        history.apply(&mut program, vec![edit]).unwrap();
    }
    let edit = set_step_field(&program, "ga", "S1", "planned_start", "2027-01-15 20:00").unwrap();
    history.apply(&mut program, vec![edit]).unwrap();
    program
}

/// Typing a cell's own text back changes nothing, for every editable cell of both tables.
#[test]
fn every_editable_cell_reads_back_unchanged() {
    let program = program();
    let on = "2027-01-04".parse().unwrap();
    let plan = engine::schedule(&program).unwrap();
    let table = checklist_table(&program, Some(&plan), "ga", on).unwrap();
    for row in &table.rows {
        for (column, cell) in table.columns.iter().zip(&row.cells) {
            if let Some(field) = column.field {
                let edit = set_item_field(&program, "ga", &row.id, field, cell).unwrap();
                let mut after = program.clone();
                History::default().apply(&mut after, vec![edit]).unwrap();
                assert_eq!(after, program, "{} {field}", row.id);
            }
        }
    }
    let table = runbook_table(&program, "ga").unwrap();
    for row in &table.rows {
        for (column, cell) in table.columns.iter().zip(&row.cells) {
            if let Some(field) = column.field {
                let edit = set_step_field(&program, "ga", &row.id, field, cell).unwrap();
                let mut after = program.clone();
                History::default().apply(&mut after, vec![edit]).unwrap();
                assert_eq!(after, program, "{} {field}", row.id);
            }
        }
    }
}

#[test]
fn overdue_items_and_late_steps_are_flagged_with_why() {
    let mut program = program();
    let plan = engine::schedule(&program).unwrap();
    // GA is Friday 2027-01-15: T-5 is Friday 2027-01-08, T-10 Friday 2027-01-01, T-3
    // Tuesday 2027-01-12 (due that day, so not yet overdue on it).
    let on = "2027-01-12".parse().unwrap();
    let table = checklist_table(&program, Some(&plan), "ga", on).unwrap();
    let flagged: Vec<&str> = table
        .rows
        .iter()
        .filter(|r| r.flagged)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(flagged, ["RC1", "RC3", "RC4", "RC5", "RC6", "RC9", "RC11"]);
    assert_eq!(table.rows[0].why, "due 2027-01-08, not started");
    assert!(
        table
            .summary
            .ends_with("at risk; a Go is refused: RC1, RC2, RC4, RC6, RC7, RC8, RC12")
    );
    let edit = set_step_field(&program, "ga", "S1", "actual_finish", "2027-01-15 20:05").unwrap();
    History::default().apply(&mut program, vec![edit]).unwrap();
    let table = runbook_table(&program, "ga").unwrap();
    assert!(table.rows[0].flagged);
    assert_eq!(table.rows[0].why, "5m behind");
    let t = table.columns.iter().position(|c| c.heading == "T").unwrap();
    assert_eq!(table.rows[0].cells[t], "T0");
    assert_eq!(
        table.summary,
        "3 steps, 0 done, T0 2027-01-15 20:00, 5m behind"
    );
}
