//! A milestone's checklist and runbook as the readiness views draw them — a plain-data seam
//! like `logs::table`: columns (each editable one named by the field
//! `engine::readiness::typing::set_item_field` or `set_step_field` takes, its cells written
//! as that function reads them back: `T-5`, `in progress`, `2027-06-14 22:00`, `S1, S2`),
//! rows in order with their flag (overdue, behind) and why, and the summary line.
//!
//! Does not: edit (a cell's text goes to the typing functions), or render.

use chrono::NaiveDate;
use engine::readiness::figures;
use engine::readiness::model::Moment;
use engine::readiness::runbook::{self, hours_and_minutes, t_label};
use engine::readiness::typing::{item_field_text, step_field_text};
use engine::{Program, Schedule};

pub use crate::logs::table::{TableColumn, TableRow};
use crate::logs::table::{computed, edit};

/// A checklist's or a runbook's table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadinessTable {
    pub columns: Vec<TableColumn>,
    pub rows: Vec<TableRow>,
    pub summary: String,
}

const MOMENT: &str = "A date and time: 2027-06-14 22:00 (empty clears it)";

fn checklist_columns() -> Vec<TableColumn> {
    vec![
        computed("ID", "The item's id"),
        edit(
            "Area",
            "area",
            "quality, security, performance, operations, support, communications, legal, rollback or other",
        ),
        edit("Item", "title", "What must be true"),
        edit("Owner", "owner", "Who makes it true"),
        edit(
            "Due",
            "due_before",
            "Working days before the milestone: T-5 or 5",
        ),
        computed(
            "Due date",
            "The milestone's scheduled date minus the working days",
        ),
        edit(
            "Evidence",
            "evidence",
            "What shows it is met: text or a link",
        ),
        edit(
            "Status",
            "status",
            "not started, in progress, met or waived",
        ),
        edit("Gate", "gate", "hard (an unmet one stops a Go) or advisory"),
        edit("Waived by", "waiver.approver", "Who approved the waiver"),
        edit("Why waived", "waiver.reason", "The reason for the waiver"),
    ]
}

/// `milestone`'s checklist as a table on `as_of`, or `None` without one. `schedule` dates
/// the items (`None`: no due dates, nothing overdue).
///
/// ```
/// use document::readiness::table::checklist_table;
/// use engine::readiness::edit::checklist_from_template;
/// let json = r#"{"program": {"name": "P", "start": "2027-01-04"},
///   "workstreams": [{"id": "w", "name": "W"}],
///   "tasks": [{"id": "ga", "name": "GA", "workstream": "w", "duration": 0, "milestone": true}]}"#;
/// let mut program: engine::Program = serde_json::from_str(json).unwrap();
/// let edit = checklist_from_template(&program, "ga", "data migration").unwrap();
/// engine::edit::History::default().apply(&mut program, vec![edit]).unwrap();
/// let table = checklist_table(&program, None, "ga", "2027-01-04".parse().unwrap()).unwrap();
/// let due = table.columns.iter().position(|c| c.field == Some("due_before")).unwrap();
/// assert_eq!(table.rows[0].cells[due], "T-10");
/// ```
pub fn checklist_table(
    program: &Program,
    schedule: Option<&Schedule>,
    milestone: &str,
    as_of: NaiveDate,
) -> Option<ReadinessTable> {
    let checklist = program.readiness.checklist(milestone)?;
    let date = schedule.and_then(|s| figures::milestone_date(program, s, milestone));
    let columns = checklist_columns();
    let rows = checklist
        .items
        .iter()
        .map(|item| {
            let due = date.map(|d| figures::due_date(program, d, item.due_before));
            let overdue = date.is_some_and(|d| figures::overdue(program, d, item, as_of));
            let cells = columns
                .iter()
                .map(|c| match (c.field, c.heading) {
                    (Some(field), _) => item_field_text(item, field),
                    (None, "ID") => item.id.clone(),
                    _ => due.map(|d| d.to_string()).unwrap_or_default(),
                })
                .collect();
            let why = due
                .filter(|_| overdue)
                .map(|d| format!("due {d}, {}", item.status.name()))
                .unwrap_or_default();
            TableRow {
                id: item.id.clone(),
                cells,
                flagged: overdue,
                why,
            }
        })
        .collect();
    Some(ReadinessTable {
        columns,
        rows,
        summary: super::summary::checklist_line(program, schedule, checklist, as_of),
    })
}

fn runbook_columns() -> Vec<TableColumn> {
    vec![
        computed("ID", "The step's id"),
        edit("Step", "title", "What is done"),
        edit("Owner", "owner", "Who does it"),
        edit("Planned start", "planned_start", MOMENT),
        edit(
            "Minutes",
            "duration_minutes",
            "Minutes (90 or 90m) or hours (1.5h)",
        ),
        edit(
            "After",
            "after",
            "Step ids it waits for, separated by commas",
        ),
        edit("Checkpoint", "checkpoint", "yes: a go/no-go checkpoint"),
        computed(
            "Start",
            "Its planned start, typed or after the steps it waits for",
        ),
        computed("Finish", "Its planned start plus its minutes"),
        computed("T", "Before (T-) or after (T+) go-live"),
        edit("Actual start", "actual_start", MOMENT),
        edit("Actual finish", "actual_finish", MOMENT),
        edit("Done", "done", "yes once it is done"),
        computed("Ahead/behind", "Actual against planned times"),
        edit(
            "Rollback",
            "rollback",
            "How it is undone: text or a step id",
        ),
        edit("Communication", "communication", "Who is told what"),
    ]
}

/// `milestone`'s runbook as a table (the T-minus view), or `None` without one.
pub fn runbook_table(program: &Program, milestone: &str) -> Option<ReadinessTable> {
    let book = program.readiness.runbook(milestone)?;
    let columns = runbook_columns();
    let planned = runbook::planned(book);
    let moment = |m: Option<Moment>| m.map(Moment::to_text).unwrap_or_default();
    let rows = book
        .steps
        .iter()
        .zip(&planned)
        .map(|(step, plan)| {
            let cells = columns
                .iter()
                .map(|c| match (c.field, c.heading) {
                    (Some(field), _) => step_field_text(step, field),
                    (None, "ID") => step.id.clone(),
                    (None, "Start") => moment(plan.start),
                    (None, "Finish") => moment(plan.finish),
                    (None, "T") => plan.t_minutes.map(t_label).unwrap_or_default(),
                    _ => plan.variance.map(variance_text).unwrap_or_default(),
                })
                .collect();
            let behind = plan.variance.is_some_and(|v| v > 0);
            TableRow {
                id: step.id.clone(),
                cells,
                flagged: behind,
                why: plan
                    .variance
                    .filter(|_| behind)
                    .map(variance_text)
                    .unwrap_or_default(),
            }
        })
        .collect();
    Some(ReadinessTable {
        columns,
        rows,
        summary: super::summary::runbook_line(book),
    })
}

/// `5m behind`, `10m ahead`, `on time`.
pub fn variance_text(minutes: i64) -> String {
    match minutes {
        0 => "on time".into(),
        m if m > 0 => format!("{} behind", hours_and_minutes(m as u64)),
        m => format!("{} ahead", hours_and_minutes(m.unsigned_abs())),
    }
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
