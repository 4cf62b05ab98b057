//! `LogTable`: one log as the Logs tab draws it — a plain-data seam like `plan_model`: its
//! columns (each editable one named by the field `engine::logs::typing::set_field` takes,
//! its cells written as that function reads them back: dates `2026-03-05`, probability
//! `30%`, impact `5–15`, id lists `a, b`), its rows (filtered and sorted), each row's flag
//! (overdue, at risk) with why, and the log's summary line.
//!
//! Does not: edit (the cell's text goes to `set_field`), or render.

use chrono::NaiveDate;
use engine::logs::edit::Log;
use engine::logs::figures::Score;
use engine::risks::{format_impact, format_percent};
use engine::{Program, Schedule};

use super::rows::{
    AssumptionRow, ChangeRow, DecisionRow, DependencyRow, IssueRow, LogRow, RiskRow,
    assumption_rows, change_rows, decision_rows, dependency_rows, issue_rows, risk_rows,
};
use super::{Filter, SortBy, export, shown, summary};

/// One log's table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LogTable {
    pub columns: Vec<TableColumn>,
    pub rows: Vec<TableRow>,
    /// Items in the log, before the filter.
    pub total: usize,
    /// The log in plain words ("3 open high risks, oldest 41 days").
    pub summary: String,
}

/// A column: its heading, and the field a typed cell sets (`None`: computed, read-only).
#[derive(Clone, Debug, PartialEq)]
pub struct TableColumn {
    pub heading: &'static str,
    pub field: Option<&'static str>,
    /// Hover help: what a computed column says, or how to type an editable one.
    pub hint: &'static str,
}

/// A row: the item's id and its cells in column order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableRow {
    pub id: String,
    pub cells: Vec<String>,
    /// Needs attention (overdue, at risk, missed), and why in words.
    pub flagged: bool,
    pub why: String,
}

/// An editable column: typed into, read back by the field's `set_field`.
pub(crate) const fn edit(
    heading: &'static str,
    field: &'static str,
    hint: &'static str,
) -> TableColumn {
    TableColumn {
        heading,
        field: Some(field),
        hint,
    }
}

/// A computed column: shown, never typed into.
pub(crate) const fn computed(heading: &'static str, hint: &'static str) -> TableColumn {
    TableColumn {
        heading,
        field: None,
        hint,
    }
}

const DATE: &str = "A date: 2026-03-05 (empty clears it)";
const IDS: &str = "Task ids, separated by commas";

/// `log`'s table on `as_of`: the rows `filter` keeps, sorted by `sort`. `schedule` is the
/// program's (a dependency's status is computed against it; `None` when it cannot be
/// scheduled).
///
/// ```
/// use document::logs::{table::log_table, Filter, SortBy};
/// use engine::logs::edit::Log;
/// let json = r#"{"program": {"name": "P", "start": "2026-03-02"}, "logs": {"issues": [
///   {"id": "I1", "title": "Quota", "owner": "Ana", "opened": "2026-03-02", "due": "2026-03-04"}]}}"#;
/// let program: engine::Program = serde_json::from_str(json).unwrap();
/// let table = log_table(&program, None, Log::Issues, "2026-03-06".parse().unwrap(),
///                       &Filter::default(), SortBy::Order);
/// let due = table.columns.iter().position(|c| c.field == Some("due")).unwrap();
/// assert_eq!(table.rows[0].cells[due], "2026-03-04");
/// assert!(table.rows[0].flagged);
/// ```
pub fn log_table(
    program: &Program,
    schedule: Option<&Schedule>,
    log: Log,
    as_of: NaiveDate,
    filter: &Filter,
    sort: SortBy,
) -> LogTable {
    match log {
        Log::Risks => {
            let rows = risk_rows(program, as_of);
            table(
                risk_columns(),
                &rows,
                filter,
                sort,
                summary::risks(&rows),
                |r| risk_cells(program, r),
            )
        }
        Log::Assumptions => {
            let rows = assumption_rows(program, as_of);
            let line = summary::assumptions(&rows);
            table(
                assumption_columns(),
                &rows,
                filter,
                sort,
                line,
                assumption_cells,
            )
        }
        Log::Issues => {
            let rows = issue_rows(program, as_of);
            table(
                issue_columns(),
                &rows,
                filter,
                sort,
                summary::issues(&rows),
                issue_cells,
            )
        }
        Log::Dependencies => {
            let rows = dependency_rows(program, schedule, as_of);
            let line = summary::dependencies(&rows);
            table(dependency_columns(), &rows, filter, sort, line, |r| {
                dependency_cells(program, r)
            })
        }
        Log::Decisions => {
            let rows = decision_rows(program, as_of);
            let line = summary::decisions(&rows);
            table(decision_columns(), &rows, filter, sort, line, |r| {
                decision_cells(program, r)
            })
        }
        Log::Changes => {
            let rows = change_rows(program, as_of);
            table(
                change_columns(),
                &rows,
                filter,
                sort,
                summary::changes(&rows),
                |r| change_cells(program, r),
            )
        }
    }
}

/// `log` as CSV (every item, the log's order), for its Export button.
pub fn log_csv(
    program: &Program,
    schedule: Option<&Schedule>,
    log: Log,
    as_of: NaiveDate,
) -> String {
    match log {
        Log::Risks => export::risks(&risk_rows(program, as_of)),
        Log::Assumptions => export::assumptions(&assumption_rows(program, as_of)),
        Log::Issues => export::issues(&issue_rows(program, as_of)),
        Log::Dependencies => export::dependencies(&dependency_rows(program, schedule, as_of)),
        Log::Decisions => export::decisions(&decision_rows(program, as_of)),
        Log::Changes => export::changes(&change_rows(program, as_of)),
    }
}

fn table<R: LogRow>(
    columns: Vec<TableColumn>,
    rows: &[R],
    filter: &Filter,
    sort: SortBy,
    summary: String,
    cells: impl Fn(&R) -> (Vec<String>, String),
) -> LogTable {
    let shown = shown(rows, filter, sort)
        .into_iter()
        .map(|row| {
            let (cells, why) = cells(row);
            TableRow {
                id: row.id().to_owned(),
                cells,
                flagged: row.flagged(),
                why,
            }
        })
        .collect();
    LogTable {
        columns,
        rows: shown,
        total: rows.len(),
        summary,
    }
}

fn date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn days(value: Option<i64>) -> String {
    value.map(|v| format!("{v} d")).unwrap_or_default()
}

fn score(score: Option<Score>) -> String {
    score.map_or_else(String::new, |s| format!("{} {}", s.score, s.rating.name()))
}

fn overdue(flag: bool, what: &str) -> String {
    if flag {
        format!("{what} is past")
    } else {
        String::new()
    }
}

fn risk_columns() -> Vec<TableColumn> {
    vec![
        computed("ID", "The risk's id"),
        edit("Risk", "title", "What might happen"),
        edit("Owner", "owner", "Who watches it"),
        edit("Category", "category", "Schedule, technical, vendor …"),
        edit("Probability", "probability", "A percent: 30%"),
        edit(
            "Delay (days)",
            "impact",
            "Working days it would add if it happens: 5–15",
        ),
        edit("Severity", "severity", "Impact 1 (minor) to 5 (severe)"),
        computed(
            "Score",
            "Severity × probability level (1–25): high from 15, medium from 8",
        ),
        edit(
            "Response",
            "response",
            "avoid, mitigate, transfer or accept",
        ),
        edit(
            "Prob. after",
            "mitigated.probability",
            "The probability once mitigated: 10% (empty: unchanged)",
        ),
        edit(
            "Delay after",
            "mitigated.impact",
            "The delay once mitigated: 2–5 (empty: unchanged)",
        ),
        edit(
            "Severity after",
            "mitigated.severity",
            "The severity once mitigated, 1 to 5 (empty: unchanged)",
        ),
        computed("Score after", "The score with the mitigated values"),
        edit("Status", "status", "open, closed or occurred"),
        edit("Raised", "raised", DATE),
        computed("Age", "Working days since raised, while open"),
        edit("Tasks", "tasks", IDS),
    ]
}

fn risk_cells(program: &Program, r: &RiskRow) -> (Vec<String>, String) {
    let risk = program.risks.iter().find(|risk| risk.id == r.id);
    let impact = risk
        .map(|risk| format_impact(risk.impact))
        .unwrap_or_default();
    let after = risk.and_then(|risk| risk.mitigated.as_ref());
    let after_probability = after
        .and_then(|m| m.probability)
        .map(format_percent)
        .unwrap_or_default();
    let after_impact = after
        .and_then(|m| m.impact)
        .map(format_impact)
        .unwrap_or_default();
    let after_severity = after
        .and_then(|m| m.severity)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let cells = vec![
        r.id.clone(),
        r.title.clone(),
        r.owner.clone(),
        r.category.clone(),
        format_percent(r.probability),
        impact,
        r.severity.map(|s| s.to_string()).unwrap_or_default(),
        score(r.score),
        r.response.unwrap_or_default().to_owned(),
        after_probability,
        after_impact,
        after_severity,
        score(r.mitigated_score),
        r.status.to_owned(),
        date(r.raised),
        days(r.age),
        r.tasks.join(", "),
    ];
    (cells, overdue(r.overdue, "a mitigation action's due date"))
}

fn assumption_columns() -> Vec<TableColumn> {
    vec![
        computed("ID", "The assumption's id"),
        edit("Assumption", "statement", "What the plan takes for granted"),
        edit("Owner", "owner", "Who validates it"),
        edit("Status", "status", "unvalidated, holds or broken"),
        edit("Raised", "raised", DATE),
        edit("Validate by", "validate_by", DATE),
        computed("Age", "Working days since raised, while unvalidated"),
        computed("Became", "The issue or risk a broken assumption became"),
        edit("Tasks", "tasks", IDS),
    ]
}

fn assumption_cells(r: &AssumptionRow) -> (Vec<String>, String) {
    let cells = vec![
        r.id.clone(),
        r.statement.clone(),
        r.owner.clone(),
        r.status.to_owned(),
        date(r.raised),
        date(r.validate_by),
        days(r.age),
        r.became.clone().unwrap_or_default(),
        r.tasks.join(", "),
    ];
    (cells, overdue(r.overdue, "its validate-by date"))
}

fn issue_columns() -> Vec<TableColumn> {
    vec![
        computed("ID", "The issue's id"),
        edit("Issue", "title", "What is wrong now"),
        edit("Owner", "owner", "Who resolves it"),
        edit("Severity", "severity", "low, medium, high or critical"),
        edit("Status", "status", "open, resolved or closed"),
        edit(
            "Escalation",
            "escalation",
            "team, program, steering or executive (0–3)",
        ),
        edit("Opened", "opened", DATE),
        edit("Due", "due", DATE),
        edit("Resolved", "resolved", DATE),
        computed("Age", "Working days since opened, while open"),
        computed("Resolution", "Working days from opened to resolved"),
        edit("Tasks", "tasks", IDS),
    ]
}

fn issue_cells(r: &IssueRow) -> (Vec<String>, String) {
    let cells = vec![
        r.id.clone(),
        r.title.clone(),
        r.owner.clone(),
        r.severity.to_owned(),
        r.status.to_owned(),
        r.escalation.to_owned(),
        date(r.opened),
        date(r.due),
        date(r.resolved),
        days(r.age),
        days(r.resolution_days),
        r.tasks.join(", "),
    ];
    (cells, overdue(r.overdue, "its due date"))
}

fn dependency_columns() -> Vec<TableColumn> {
    vec![
        computed("ID", "The dependency's id"),
        edit("Delivers", "title", "What the provider delivers"),
        edit("Provider", "provider", "The workstream (id) that delivers"),
        edit("Consumer", "consumer", "The workstream (id) that needs it"),
        edit("Owner", "owner", "Who chases it"),
        edit("Opened", "opened", DATE),
        edit("Need by", "need_by", DATE),
        edit("Committed", "committed", DATE),
        edit(
            "Recorded",
            "status",
            "requested, committed, at risk, delivered or missed",
        ),
        computed(
            "Status",
            "On the status date, against the schedule (hover for the rule)",
        ),
        computed("Age", "Working days open"),
        edit(
            "Provider task",
            "task",
            "The task that delivers it (its finish is checked against need-by)",
        ),
        edit("Consumer task", "for_task", "The task that needs it"),
    ]
}

fn dependency_cells(program: &Program, r: &DependencyRow) -> (Vec<String>, String) {
    let opened = program
        .logs
        .dependencies
        .iter()
        .find(|d| d.id == r.id)
        .and_then(|d| d.opened);
    let cells = vec![
        r.id.clone(),
        r.title.clone(),
        r.provider.clone(),
        r.consumer.clone(),
        r.owner.clone(),
        date(opened),
        date(r.need_by),
        date(r.committed),
        r.recorded.to_owned(),
        r.status.to_owned(),
        days(r.age),
        r.task.clone().unwrap_or_default(),
        r.for_task.clone().unwrap_or_default(),
    ];
    (cells, r.why.clone())
}

fn decision_columns() -> Vec<TableColumn> {
    vec![
        computed("ID", "The decision's id"),
        edit("Decision needed", "title", "What must be decided"),
        edit("Driver", "driver", "Who drives it (DACI)"),
        edit("Approver", "approver", "The one who decides (DACI)"),
        edit("Status", "status", "open, decided, superseded or reversed"),
        edit("Raised", "raised", DATE),
        edit("Needed by", "needed_by", DATE),
        edit("Decided", "decided", DATE),
        computed("Age", "Working days open"),
        computed("Latency", "Working days from raised to decided"),
        edit("Decision", "decision", "What was decided"),
        edit(
            "Context",
            "context",
            "Why it must be decided, the options and their trade-offs",
        ),
        edit(
            "Contributors",
            "contributors",
            "Who is consulted (DACI), names separated by commas",
        ),
        edit(
            "Informed",
            "informed",
            "Who is told (DACI), names separated by commas",
        ),
        edit(
            "Risks",
            "links.risks",
            "The risks it bears on: ids separated by commas",
        ),
        edit(
            "Issues",
            "links.issues",
            "The issues it settles: ids separated by commas",
        ),
        edit("Tasks", "links.tasks", IDS),
        edit(
            "Scenarios",
            "links.scenarios",
            "The scenarios considered: ids separated by commas",
        ),
    ]
}

fn decision_cells(program: &Program, r: &DecisionRow) -> (Vec<String>, String) {
    let item = program.logs.decisions.iter().find(|d| d.id == r.id);
    let text = |f: fn(&engine::logs::model::Decision) -> String| item.map(f).unwrap_or_default();
    let cells = vec![
        r.id.clone(),
        r.title.clone(),
        r.driver.clone(),
        r.approver.clone(),
        r.status.to_owned(),
        date(r.raised),
        date(r.needed_by),
        date(r.decided),
        days(r.age),
        days(r.latency),
        text(|d| d.decision.clone()),
        text(|d| d.context.clone()),
        text(|d| d.contributors.join(", ")),
        text(|d| d.informed.join(", ")),
        text(|d| d.links.risks.join(", ")),
        text(|d| d.links.issues.join(", ")),
        text(|d| d.links.tasks.join(", ")),
        text(|d| d.links.scenarios.join(", ")),
    ];
    (cells, overdue(r.overdue, "its needed-by date"))
}

fn change_columns() -> Vec<TableColumn> {
    vec![
        computed("ID", "The change request's id"),
        edit("Change", "title", "What is asked"),
        edit("Requested by", "requested_by", "Who asks"),
        edit("Requested", "requested", DATE),
        edit("Reason", "reason", "Why"),
        edit("Scope", "scope", "The change of scope, in words"),
        edit(
            "Scenario",
            "scenario",
            "The scenario (id) that holds the change",
        ),
        edit("Approver", "approver", "Who decides"),
        computed(
            "Decision",
            "pending, approved or rejected (Approve / Reject)",
        ),
        edit("Status", "status", "open, implemented, closed or withdrawn"),
        computed("Age", "Working days since requested"),
    ]
}

fn change_cells(program: &Program, r: &ChangeRow) -> (Vec<String>, String) {
    let item = program.logs.changes.iter().find(|c| c.id == r.id);
    let reason = item.map(|c| c.reason.clone()).unwrap_or_default();
    let scope = item.map(|c| c.scope.clone()).unwrap_or_default();
    let cells = vec![
        r.id.clone(),
        r.title.clone(),
        r.requested_by.clone(),
        date(r.requested),
        reason,
        scope,
        r.scenario.clone().unwrap_or_default(),
        r.approver.clone(),
        r.decision.to_owned(),
        r.status.to_owned(),
        days(r.age),
    ];
    (cells, String::new())
}

#[cfg(test)]
#[path = "table_tests.rs"]
mod tests;
