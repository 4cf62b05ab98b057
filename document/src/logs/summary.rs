//! One line per log in plain words, for the tab's header and a status pack: what needs
//! attention first, then how long it has waited ("3 open high risks, oldest 41 days").

use super::rows::{
    AssumptionRow, ChangeRow, DecisionRow, DependencyRow, IssueRow, LogRow, RiskRow,
};
use engine::logs::figures::Rating;

/// `n thing` or `n things`.
fn count(n: usize, thing: &str) -> String {
    match n {
        1 => format!("1 {thing}"),
        _ => format!("{n} {thing}s"),
    }
}

/// `, oldest N days` for the oldest of `rows` with an age.
fn oldest<'r, R: LogRow + 'r>(rows: impl Iterator<Item = &'r R>, words: &str) -> String {
    match rows.filter_map(|r| r.age()).max() {
        Some(1) => format!(", {words} 1 day"),
        Some(days) => format!(", {words} {days} days"),
        None => String::new(),
    }
}

/// `3 open high risks, oldest 41 days`; without high ones, `5 open risks, none high`.
///
/// ```
/// use document::logs::{risk_rows, summary};
/// let json = r#"{"program": {"name": "P", "start": "2026-03-02"}, "risks": [
///   {"id": "R1", "title": "A", "probability": 0.8, "impact": {"min": 1, "max": 2}, "tasks": [],
///    "severity": 5, "raised": "2026-03-02"}]}"#;
/// let program: engine::Program = serde_json::from_str(json).unwrap();
/// let rows = risk_rows(&program, "2026-03-09".parse().unwrap());
/// assert_eq!(summary::risks(&rows), "1 open high risk, oldest 5 days");
/// ```
pub fn risks(rows: &[RiskRow]) -> String {
    let open: Vec<&RiskRow> = rows.iter().filter(|r| r.status == "open").collect();
    let high: Vec<&RiskRow> = open
        .iter()
        .copied()
        .filter(|r| r.score.is_some_and(|s| s.rating == Rating::High))
        .collect();
    if high.is_empty() {
        return match open.len() {
            0 => "no open risk".into(),
            n => format!("{}, none high", count(n, "open risk")),
        };
    }
    let text = count(high.len(), "open high risk");
    text + &oldest(high.into_iter(), "oldest")
}

/// `1 assumption past validate-by, 1 broken`.
pub fn assumptions(rows: &[AssumptionRow]) -> String {
    let overdue = rows.iter().filter(|r| r.overdue).count();
    let broken = rows.iter().filter(|r| r.status == "broken").count();
    let unvalidated = rows.iter().filter(|r| r.status == "unvalidated").count();
    let mut parts = Vec::new();
    if overdue > 0 {
        parts.push(format!("{} past validate-by", count(overdue, "assumption")));
    } else {
        parts.push(format!("{} to validate", count(unvalidated, "assumption")));
    }
    if broken > 0 {
        parts.push(format!("{broken} broken"));
    }
    parts.join(", ")
}

/// `4 open issues, 1 overdue, oldest 12 days`.
pub fn issues(rows: &[IssueRow]) -> String {
    let open: Vec<&IssueRow> = rows.iter().filter(|r| r.status == "open").collect();
    if open.is_empty() {
        return "no open issue".into();
    }
    let overdue = open.iter().filter(|r| r.overdue).count();
    let mut text = count(open.len(), "open issue");
    if overdue > 0 {
        text.push_str(&format!(", {overdue} overdue"));
    }
    text + &oldest(open.into_iter(), "oldest")
}

/// `2 dependencies at risk, oldest open 17 days`; `1 dependency missed` first when some are.
pub fn dependencies(rows: &[DependencyRow]) -> String {
    let at_risk: Vec<&DependencyRow> = rows.iter().filter(|r| r.status == "at risk").collect();
    let missed = rows.iter().filter(|r| r.status == "missed").count();
    let mut parts = Vec::new();
    if missed > 0 {
        parts.push(format!(
            "{} missed",
            count(missed, "dependency").replace("dependencys", "dependencies")
        ));
    }
    if !at_risk.is_empty() {
        let text = plural_dependency(at_risk.len()) + " at risk";
        parts.push(text + &oldest(at_risk.into_iter(), "oldest open"));
    }
    if parts.is_empty() {
        let open = rows.iter().filter(|r| r.age.is_some()).count();
        return format!("{} open, none at risk", plural_dependency(open));
    }
    parts.join("; ")
}

fn plural_dependency(n: usize) -> String {
    match n {
        1 => "1 dependency".into(),
        n => format!("{n} dependencies"),
    }
}

/// `1 decision past needed-by`; else `2 decisions open, oldest 4 days`.
pub fn decisions(rows: &[DecisionRow]) -> String {
    let overdue = rows.iter().filter(|r| r.overdue).count();
    if overdue > 0 {
        return format!("{} past needed-by", count(overdue, "decision"));
    }
    let open: Vec<&DecisionRow> = rows.iter().filter(|r| r.status == "open").collect();
    match open.len() {
        0 => "no open decision".into(),
        n => count(n, "decision") + " open" + &oldest(open.into_iter(), "oldest"),
    }
}

/// `1 change request pending, 6 days`.
pub fn changes(rows: &[ChangeRow]) -> String {
    let pending: Vec<&ChangeRow> = rows.iter().filter(|r| r.decision == "pending").collect();
    match pending.len() {
        0 => "no change request pending".into(),
        n => count(n, "change request") + " pending" + &oldest(pending.into_iter(), "oldest"),
    }
}
