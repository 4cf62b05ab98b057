//! Each log as CSV, with the headers a program manager would write and the computed
//! columns (age, status on the date, score …) beside the recorded ones. Text from the file
//! is written as text: the `csv` crate quotes what needs quoting.

use super::rows::{AssumptionRow, ChangeRow, DecisionRow, DependencyRow, IssueRow, RiskRow};
use chrono::NaiveDate;

/// A table as CSV text: a header row, then one row per item.
fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

fn date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn number(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn yes(flag: bool) -> String {
    if flag { "yes".into() } else { String::new() }
}

/// The risk register.
///
/// ```
/// use document::logs::{export, risk_rows};
/// let json = r#"{"program": {"name": "P", "start": "2026-03-02"}, "risks": [
///   {"id": "R1", "title": "Vendor, late", "probability": 0.3, "impact": {"min": 1, "max": 2},
///    "tasks": ["a"], "severity": 4}], "tasks": [{"id": "a", "name": "A", "workstream": "w"}]}"#;
/// let program: engine::Program = serde_json::from_str(json).unwrap();
/// let text = export::risks(&risk_rows(&program, "2026-03-02".parse().unwrap()));
/// assert!(text.starts_with("ID,Title,Owner,Category,Status,Response,Probability,"));
/// assert!(text.contains("R1,\"Vendor, late\",,,open,,30%,4,8,medium,"), "{text}");
/// ```
pub fn risks(rows: &[RiskRow]) -> String {
    let header = [
        "ID",
        "Title",
        "Owner",
        "Category",
        "Status",
        "Response",
        "Probability",
        "Impact (1-5)",
        "Score",
        "Rating",
        "Score after mitigation",
        "Rating after mitigation",
        "Raised",
        "Age (working days)",
        "Action overdue",
        "Tasks",
    ];
    table(
        &header,
        rows.iter().map(|r| {
            vec![
                r.id.clone(),
                r.title.clone(),
                r.owner.clone(),
                r.category.clone(),
                r.status.into(),
                r.response.unwrap_or_default().into(),
                engine::risks::format_percent(r.probability),
                r.severity.map(|s| s.to_string()).unwrap_or_default(),
                r.score.map(|s| s.score.to_string()).unwrap_or_default(),
                r.score
                    .map(|s| s.rating.name().to_string())
                    .unwrap_or_default(),
                r.mitigated_score
                    .map(|s| s.score.to_string())
                    .unwrap_or_default(),
                r.mitigated_score
                    .map(|s| s.rating.name().to_string())
                    .unwrap_or_default(),
                date(r.raised),
                number(r.age),
                yes(r.overdue),
                r.tasks.join(" "),
            ]
        }),
    )
}

/// The assumptions log.
pub fn assumptions(rows: &[AssumptionRow]) -> String {
    let header = [
        "ID",
        "Assumption",
        "Owner",
        "Status",
        "Raised",
        "Validate by",
        "Age (working days)",
        "Overdue",
        "Became",
        "Tasks",
    ];
    table(
        &header,
        rows.iter().map(|r| {
            vec![
                r.id.clone(),
                r.statement.clone(),
                r.owner.clone(),
                r.status.into(),
                date(r.raised),
                date(r.validate_by),
                number(r.age),
                yes(r.overdue),
                r.became.clone().unwrap_or_default(),
                r.tasks.join(" "),
            ]
        }),
    )
}

/// The issues log.
pub fn issues(rows: &[IssueRow]) -> String {
    let header = [
        "ID",
        "Title",
        "Owner",
        "Severity",
        "Status",
        "Escalated to",
        "Opened",
        "Due",
        "Resolved",
        "Age (working days)",
        "Resolution time (working days)",
        "Overdue",
        "Tasks",
    ];
    table(
        &header,
        rows.iter().map(|r| {
            vec![
                r.id.clone(),
                r.title.clone(),
                r.owner.clone(),
                r.severity.into(),
                r.status.into(),
                r.escalation.into(),
                date(r.opened),
                date(r.due),
                date(r.resolved),
                number(r.age),
                number(r.resolution_days),
                yes(r.overdue),
                r.tasks.join(" "),
            ]
        }),
    )
}

/// The cross-team dependencies log.
pub fn dependencies(rows: &[DependencyRow]) -> String {
    let header = [
        "ID",
        "Deliverable",
        "Provider",
        "Consumer",
        "Owner",
        "Need by",
        "Committed",
        "Recorded status",
        "Status",
        "Why",
        "Age (working days)",
        "Provider task",
        "Consumer task",
    ];
    table(
        &header,
        rows.iter().map(|r| {
            vec![
                r.id.clone(),
                r.title.clone(),
                r.provider.clone(),
                r.consumer.clone(),
                r.owner.clone(),
                date(r.need_by),
                date(r.committed),
                r.recorded.into(),
                r.status.into(),
                r.why.clone(),
                number(r.age),
                r.task.clone().unwrap_or_default(),
                r.for_task.clone().unwrap_or_default(),
            ]
        }),
    )
}

/// The decision log.
pub fn decisions(rows: &[DecisionRow]) -> String {
    let header = [
        "ID",
        "Decision",
        "Driver",
        "Approver",
        "Status",
        "Raised",
        "Needed by",
        "Decided",
        "Age (working days)",
        "Latency (working days)",
        "Overdue",
    ];
    table(
        &header,
        rows.iter().map(|r| {
            vec![
                r.id.clone(),
                r.title.clone(),
                r.driver.clone(),
                r.approver.clone(),
                r.status.into(),
                date(r.raised),
                date(r.needed_by),
                date(r.decided),
                number(r.age),
                number(r.latency),
                yes(r.overdue),
            ]
        }),
    )
}

/// The change log.
pub fn changes(rows: &[ChangeRow]) -> String {
    let header = [
        "ID",
        "Change",
        "Requested by",
        "Requested",
        "Scenario",
        "Approver",
        "Decision",
        "Status",
        "Waiting (working days)",
    ];
    table(
        &header,
        rows.iter().map(|r| {
            vec![
                r.id.clone(),
                r.title.clone(),
                r.requested_by.clone(),
                date(r.requested),
                r.scenario.clone().unwrap_or_default(),
                r.approver.clone(),
                r.decision.into(),
                r.status.into(),
                number(r.age),
            ]
        }),
    )
}
