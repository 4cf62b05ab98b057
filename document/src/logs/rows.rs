//! One row per log item, as the Logs tab's tables show it: the item's own columns and
//! those computed on a status date (age, overdue, score, the dependency's status against
//! the schedule, latency, resolution time).

use chrono::NaiveDate;
use engine::logs::figures::{self, Score};
use engine::logs::model::{
    AssumptionStatus, ChangeDecision, CommitmentStatus, DecisionStatus, Escalation, IssueSeverity,
    IssueStatus, Response, RiskStatus,
};
use engine::{Program, Schedule};

/// What every row offers to sort and filter by.
pub trait LogRow {
    fn id(&self) -> &str;
    fn owner(&self) -> &str;
    /// The status in words, as a filter names it (`open`, `at risk` …).
    fn status(&self) -> &str;
    /// Needs attention: overdue, or (a dependency) at risk or missed.
    fn flagged(&self) -> bool;
    /// Working days open, for an open item.
    fn age(&self) -> Option<i64>;
    /// The date it is due by (validate-by, due, need-by, needed-by), if any.
    fn due(&self) -> Option<NaiveDate>;
}

#[derive(Clone, Debug, PartialEq)]
pub struct RiskRow {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub category: String,
    pub status: &'static str,
    pub response: Option<&'static str>,
    pub probability: f64,
    pub severity: Option<u8>,
    pub score: Option<Score>,
    pub mitigated_score: Option<Score>,
    pub raised: Option<NaiveDate>,
    pub age: Option<i64>,
    /// An open action is past its due date.
    pub overdue: bool,
    pub tasks: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AssumptionRow {
    pub id: String,
    pub statement: String,
    pub owner: String,
    pub status: &'static str,
    pub raised: Option<NaiveDate>,
    pub validate_by: Option<NaiveDate>,
    pub age: Option<i64>,
    pub overdue: bool,
    pub became: Option<String>,
    pub tasks: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IssueRow {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub severity: &'static str,
    pub status: &'static str,
    pub escalation: &'static str,
    pub opened: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub resolved: Option<NaiveDate>,
    pub age: Option<i64>,
    /// Working days from opened to resolved.
    pub resolution_days: Option<i64>,
    pub overdue: bool,
    pub tasks: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DependencyRow {
    pub id: String,
    pub title: String,
    pub provider: String,
    pub consumer: String,
    pub owner: String,
    pub need_by: Option<NaiveDate>,
    pub committed: Option<NaiveDate>,
    /// The status as recorded.
    pub recorded: &'static str,
    /// The status as computed on the status date, and why.
    pub status: &'static str,
    pub why: String,
    pub age: Option<i64>,
    pub task: Option<String>,
    pub for_task: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DecisionRow {
    pub id: String,
    pub title: String,
    pub driver: String,
    pub approver: String,
    pub status: &'static str,
    pub raised: Option<NaiveDate>,
    pub needed_by: Option<NaiveDate>,
    pub decided: Option<NaiveDate>,
    pub age: Option<i64>,
    /// Working days from raised to decided.
    pub latency: Option<i64>,
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    pub id: String,
    pub title: String,
    pub requested_by: String,
    pub requested: Option<NaiveDate>,
    pub scenario: Option<String>,
    pub approver: String,
    pub decision: &'static str,
    pub status: &'static str,
    pub age: Option<i64>,
}

/// The risks' rows on `as_of`.
pub fn risk_rows(program: &Program, as_of: NaiveDate) -> Vec<RiskRow> {
    program
        .risks
        .iter()
        .map(|r| RiskRow {
            id: r.id.clone(),
            title: r.title.clone(),
            owner: r.owner.clone(),
            category: r.category.clone(),
            status: risk_status(r.status),
            response: r.response.map(response),
            probability: r.probability,
            severity: r.severity,
            score: figures::risk_score(r),
            mitigated_score: figures::mitigated_score(r),
            raised: r.raised,
            age: figures::risk_age(program, r, as_of),
            overdue: figures::risk_overdue(r, as_of),
            tasks: r.tasks.clone(),
        })
        .collect()
}

/// The assumptions' rows on `as_of`.
pub fn assumption_rows(program: &Program, as_of: NaiveDate) -> Vec<AssumptionRow> {
    let logs = &program.logs;
    logs.assumptions
        .iter()
        .map(|a| AssumptionRow {
            id: a.id.clone(),
            statement: a.statement.clone(),
            owner: a.owner.clone(),
            status: match a.status {
                AssumptionStatus::Unvalidated => "unvalidated",
                AssumptionStatus::Holds => "holds",
                AssumptionStatus::Broken => "broken",
            },
            raised: a.raised,
            validate_by: a.validate_by,
            age: figures::assumption_age(program, a, as_of),
            overdue: figures::assumption_overdue(a, as_of),
            became: a.became.clone(),
            tasks: a.tasks.clone(),
        })
        .collect()
}

/// The issues' rows on `as_of`.
pub fn issue_rows(program: &Program, as_of: NaiveDate) -> Vec<IssueRow> {
    program
        .logs
        .issues
        .iter()
        .map(|i| IssueRow {
            id: i.id.clone(),
            title: i.title.clone(),
            owner: i.owner.clone(),
            severity: match i.severity {
                IssueSeverity::Low => "low",
                IssueSeverity::Medium => "medium",
                IssueSeverity::High => "high",
                IssueSeverity::Critical => "critical",
            },
            status: match i.status {
                IssueStatus::Open => "open",
                IssueStatus::Resolved => "resolved",
                IssueStatus::Closed => "closed",
            },
            escalation: escalation(i.escalation),
            opened: i.opened,
            due: i.due,
            resolved: i.resolved,
            age: figures::issue_age(program, i, as_of),
            resolution_days: figures::resolution_time(program, i),
            overdue: figures::issue_overdue(i, as_of),
            tasks: i.tasks.clone(),
        })
        .collect()
}

/// The cross-team dependencies' rows on `as_of`, their status computed against `schedule`
/// (the program's; `None` when it cannot be scheduled: only the dates count then).
pub fn dependency_rows(
    program: &Program,
    schedule: Option<&Schedule>,
    as_of: NaiveDate,
) -> Vec<DependencyRow> {
    program
        .logs
        .dependencies
        .iter()
        .map(|d| {
            let computed = figures::commitment_status(program, schedule, d, as_of);
            DependencyRow {
                id: d.id.clone(),
                title: d.title.clone(),
                provider: d.provider.clone(),
                consumer: d.consumer.clone(),
                owner: d.owner.clone(),
                need_by: d.need_by,
                committed: d.committed,
                recorded: d.status.name(),
                status: computed.status.name(),
                why: computed.rule.describe(),
                age: figures::commitment_age(program, d, as_of),
                task: d.task.clone(),
                for_task: d.for_task.clone(),
            }
        })
        .collect()
}

/// The decisions' rows on `as_of`.
pub fn decision_rows(program: &Program, as_of: NaiveDate) -> Vec<DecisionRow> {
    program
        .logs
        .decisions
        .iter()
        .map(|d| DecisionRow {
            id: d.id.clone(),
            title: d.title.clone(),
            driver: d.driver.clone(),
            approver: d.approver.clone(),
            status: match d.status {
                DecisionStatus::Open => "open",
                DecisionStatus::Decided => "decided",
                DecisionStatus::Superseded => "superseded",
                DecisionStatus::Reversed => "reversed",
            },
            raised: d.raised,
            needed_by: d.needed_by,
            decided: d.decided,
            age: figures::decision_age(program, d, as_of),
            latency: figures::decision_latency(program, d),
            overdue: figures::decision_overdue(d, as_of),
        })
        .collect()
}

/// The change requests' rows on `as_of`.
pub fn change_rows(program: &Program, as_of: NaiveDate) -> Vec<ChangeRow> {
    program
        .logs
        .changes
        .iter()
        .map(|c| ChangeRow {
            id: c.id.clone(),
            title: c.title.clone(),
            requested_by: c.requested_by.clone(),
            requested: c.requested,
            scenario: c.scenario.clone(),
            approver: c.approver.clone(),
            decision: match c.decision {
                ChangeDecision::Pending => "pending",
                ChangeDecision::Approved => "approved",
                ChangeDecision::Rejected => "rejected",
            },
            status: match c.status {
                engine::logs::model::ChangeStatus::Open => "open",
                engine::logs::model::ChangeStatus::Implemented => "implemented",
                engine::logs::model::ChangeStatus::Closed => "closed",
                engine::logs::model::ChangeStatus::Withdrawn => "withdrawn",
            },
            age: figures::change_age(program, c, as_of),
        })
        .collect()
}

fn risk_status(status: RiskStatus) -> &'static str {
    match status {
        RiskStatus::Open => "open",
        RiskStatus::Closed => "closed",
        RiskStatus::Occurred => "occurred",
    }
}

fn response(response: Response) -> &'static str {
    match response {
        Response::Avoid => "avoid",
        Response::Mitigate => "mitigate",
        Response::Transfer => "transfer",
        Response::Accept => "accept",
    }
}

fn escalation(level: Escalation) -> &'static str {
    level.name()
}

macro_rules! log_row {
    ($row:ty, $owner:ident, $flag:expr, $due:expr) => {
        impl LogRow for $row {
            fn id(&self) -> &str {
                &self.id
            }
            fn owner(&self) -> &str {
                &self.$owner
            }
            fn status(&self) -> &str {
                self.status
            }
            fn flagged(&self) -> bool {
                let flag: fn(&$row) -> bool = $flag;
                flag(self)
            }
            fn age(&self) -> Option<i64> {
                self.age
            }
            fn due(&self) -> Option<NaiveDate> {
                let due: fn(&$row) -> Option<NaiveDate> = $due;
                due(self)
            }
        }
    };
}

log_row!(RiskRow, owner, |r| r.overdue, |_| None);
log_row!(AssumptionRow, owner, |r| r.overdue, |r| r.validate_by);
log_row!(IssueRow, owner, |r| r.overdue, |r| r.due);
log_row!(
    DependencyRow,
    owner,
    |r| r.status == CommitmentStatus::AtRisk.name() || r.status == CommitmentStatus::Missed.name(),
    |r| r.need_by
);
// A decision's owner is its driver.
log_row!(DecisionRow, driver, |r| r.overdue, |r| r.needed_by);

impl LogRow for ChangeRow {
    fn id(&self) -> &str {
        &self.id
    }
    /// A change request's owner is who asked for it.
    fn owner(&self) -> &str {
        &self.requested_by
    }
    fn status(&self) -> &str {
        self.status
    }
    fn flagged(&self) -> bool {
        false
    }
    fn age(&self) -> Option<i64> {
        self.age
    }
    fn due(&self) -> Option<NaiveDate> {
        None
    }
}
