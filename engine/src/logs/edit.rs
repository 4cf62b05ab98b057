//! Editing the logs as people do: insert, replace or remove one item, type one field of an
//! item (`need_by` as `2026-03-05`, a probability as `30%`, a severity as `4`, a status as
//! `at risk`), add an item with the next readable id, turn a broken assumption into an
//! issue or a risk.
//!
//! Each function returns the edit(s) of one user action — an [`Edit::SetLogs`] with the
//! whole logs changed (its inverse restores the old ones, so undo works), or an
//! [`Edit::ReplaceRisk`] / [`Edit::InsertRisk`] for risks — or a [`Refusal`] naming the
//! field at fault. Nothing here changes the program; the engine's check still refuses, when
//! the edit is made, what breaks a rule across items (an unknown task, dates out of order).
//!
//! ```
//! use engine::logs::edit::{add_item, set_field, Log};
//! // (`set_field` is `engine::logs::typing::set_field`, re-exported here.)
//! use engine::edit::History;
//! use engine::Program;
//! let mut program = Program::default();
//! let mut history = History::default();
//! let (id, edit) = add_item(&program, Log::Issues, "Vendor API quota too low", None).unwrap();
//! assert_eq!(id, "I1");
//! history.apply(&mut program, vec![edit]).unwrap();
//! let edit = set_field(&program, Log::Issues, "I1", "opened", "2026-03-05").unwrap();
//! history.apply(&mut program, vec![edit]).unwrap();
//! let refused = set_field(&program, Log::Issues, "I1", "due", "5 March").unwrap_err();
//! assert_eq!(refused.field, "due");
//! assert!(history.undo(&mut program));
//! assert_eq!(program.logs.issues[0].opened, None);
//! ```

use crate::edit::Edit;
use crate::model::{Logs, Program, Risk};
use chrono::NaiveDate;

pub use super::typing::{parse_date, set_field};

use super::model::{
    Assumption, AssumptionStatus, ChangeRequest, Charter, Commitment, Decision, Issue,
};

/// One of the program's logs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Log {
    /// `Program::risks` (their log fields here; their forecast fields in [`crate::risks`]).
    Risks,
    Assumptions,
    Issues,
    /// Cross-team dependencies.
    Dependencies,
    Decisions,
    /// Change requests.
    Changes,
}

impl Log {
    /// Every log, in RAID order then decisions and changes.
    pub const ALL: [Log; 6] = [
        Log::Risks,
        Log::Assumptions,
        Log::Issues,
        Log::Dependencies,
        Log::Decisions,
        Log::Changes,
    ];

    /// The prefix of its readable ids: `R`, `A`, `I`, `D`, `DEC`, `CR`.
    pub fn prefix(self) -> &'static str {
        match self {
            Log::Risks => "R",
            Log::Assumptions => "A",
            Log::Issues => "I",
            Log::Dependencies => "D",
            Log::Decisions => "DEC",
            Log::Changes => "CR",
        }
    }

    /// Its key in the file (`dependencies`, `changes` …).
    pub fn key(self) -> &'static str {
        match self {
            Log::Risks => "risks",
            Log::Assumptions => "assumptions",
            Log::Issues => "issues",
            Log::Dependencies => "dependencies",
            Log::Decisions => "decisions",
            Log::Changes => "changes",
        }
    }

    /// What one item is called: `risk`, `dependency`, `change request` …
    pub fn item_name(self) -> &'static str {
        match self {
            Log::Risks => "risk",
            Log::Assumptions => "assumption",
            Log::Issues => "issue",
            Log::Dependencies => "dependency",
            Log::Decisions => "decision",
            Log::Changes => "change request",
        }
    }

    /// The ids of its items, in order.
    pub fn ids(self, program: &Program) -> Vec<&str> {
        let logs = &program.logs;
        match self {
            Log::Risks => program.risks.iter().map(|i| i.id.as_str()).collect(),
            Log::Assumptions => logs.assumptions.iter().map(|i| i.id.as_str()).collect(),
            Log::Issues => logs.issues.iter().map(|i| i.id.as_str()).collect(),
            Log::Dependencies => logs.dependencies.iter().map(|i| i.id.as_str()).collect(),
            Log::Decisions => logs.decisions.iter().map(|i| i.id.as_str()).collect(),
            Log::Changes => logs.changes.iter().map(|i| i.id.as_str()).collect(),
        }
    }
}

/// One item of a log (risks are edited through [`crate::risks`] and [`set_field`]).
#[derive(Clone, Debug, PartialEq)]
pub enum LogItem {
    Assumption(Assumption),
    Issue(Issue),
    Dependency(Commitment),
    Decision(Decision),
    Change(ChangeRequest),
}

impl LogItem {
    pub fn log(&self) -> Log {
        match self {
            LogItem::Assumption(_) => Log::Assumptions,
            LogItem::Issue(_) => Log::Issues,
            LogItem::Dependency(_) => Log::Dependencies,
            LogItem::Decision(_) => Log::Decisions,
            LogItem::Change(_) => Log::Changes,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            LogItem::Assumption(i) => &i.id,
            LogItem::Issue(i) => &i.id,
            LogItem::Dependency(i) => &i.id,
            LogItem::Decision(i) => &i.id,
            LogItem::Change(i) => &i.id,
        }
    }
}

/// Why a log item was not changed: the field at fault (`need_by`, `probability`, `id` …,
/// or `item` when the item itself is missing) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub field: String,
    pub message: String,
}

pub(super) fn refuse(field: &str, message: impl Into<String>) -> Refusal {
    Refusal {
        field: field.to_owned(),
        message: message.into(),
    }
}

/// The id for a new item of `log`: its prefix and one more than the highest number in use
/// with it (`I1` in an empty log), never one already used.
///
/// ```
/// use engine::logs::edit::{next_id, Log};
/// assert_eq!(next_id(&engine::Program::default(), Log::Decisions), "DEC1");
/// ```
pub fn next_id(program: &Program, log: Log) -> String {
    next_of(log.prefix(), &log.ids(program))
}

/// The id for a new benefit of the charter: `B1`, `B2` …
pub fn next_benefit_id(program: &Program) -> String {
    let ids: Vec<&str> = program
        .logs
        .charter
        .iter()
        .flat_map(|c| c.benefits.iter().map(|b| b.id.as_str()))
        .collect();
    next_of("B", &ids)
}

fn next_of(prefix: &str, ids: &[&str]) -> String {
    let highest = ids
        .iter()
        .filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let mut n = highest.saturating_add(1);
    while ids.iter().any(|id| *id == format!("{prefix}{n}")) {
        n = n.saturating_add(1);
    }
    format!("{prefix}{n}")
}

/// Inserts `item` into its log at `index` (past the end: last). Refused if its id is blank
/// or used in that log.
pub fn insert_item(program: &Program, item: LogItem, index: usize) -> Result<Edit, Refusal> {
    let id = item.id();
    if crate::text::is_blank(id) {
        return Err(refuse("id", "an item needs an id"));
    }
    if item.log().ids(program).contains(&id) {
        return Err(refuse(
            "id",
            format!("{} {id} is already in the log", item.log().item_name()),
        ));
    }
    let mut logs = program.logs.clone();
    fn put<T>(list: &mut Vec<T>, index: usize, item: T) {
        list.insert(index.min(list.len()), item);
    }
    match item {
        LogItem::Assumption(i) => put(&mut logs.assumptions, index, i),
        LogItem::Issue(i) => put(&mut logs.issues, index, i),
        LogItem::Dependency(i) => put(&mut logs.dependencies, index, i),
        LogItem::Decision(i) => put(&mut logs.decisions, index, i),
        LogItem::Change(i) => put(&mut logs.changes, index, i),
    }
    Ok(Edit::SetLogs { logs })
}

/// Replaces the item of the same id in its log.
pub fn replace_item(program: &Program, item: LogItem) -> Result<Edit, Refusal> {
    let log = item.log();
    let index = position(program, log, item.id())?;
    let mut logs = program.logs.clone();
    match item {
        LogItem::Assumption(i) => logs.assumptions[index] = i,
        LogItem::Issue(i) => logs.issues[index] = i,
        LogItem::Dependency(i) => logs.dependencies[index] = i,
        LogItem::Decision(i) => logs.decisions[index] = i,
        LogItem::Change(i) => logs.changes[index] = i,
    }
    Ok(Edit::SetLogs { logs })
}

/// Removes item `id` of `log` (a risk: [`Edit::RemoveRisk`]). Refused while another item
/// names it (an assumption that became it, a decision that links it), naming that item.
pub fn remove_item(program: &Program, log: Log, id: &str) -> Result<Edit, Refusal> {
    let index = position(program, log, id)?;
    if let Some(user) = named_by(program, log, id) {
        return Err(refuse(
            "item",
            format!("{user} names {} {id}: unlink it first", log.item_name()),
        ));
    }
    let mut logs = program.logs.clone();
    match log {
        Log::Risks => return Ok(Edit::RemoveRisk { index }),
        Log::Assumptions => drop(logs.assumptions.remove(index)),
        Log::Issues => drop(logs.issues.remove(index)),
        Log::Dependencies => drop(logs.dependencies.remove(index)),
        Log::Decisions => drop(logs.decisions.remove(index)),
        Log::Changes => drop(logs.changes.remove(index)),
    }
    Ok(Edit::SetLogs { logs })
}

/// The first item that names risk or issue `id` (`assumption A2`, `decision DEC1`).
fn named_by(program: &Program, log: Log, id: &str) -> Option<String> {
    let logs = &program.logs;
    let links = |d: &Decision| match log {
        Log::Risks => d.links.risks.iter().any(|r| r == id),
        Log::Issues => d.links.issues.iter().any(|i| i == id),
        _ => false,
    };
    if matches!(log, Log::Risks | Log::Issues)
        && let Some(a) = logs
            .assumptions
            .iter()
            .find(|a| a.became.as_deref() == Some(id))
    {
        return Some(format!("assumption {}", a.id));
    }
    logs.decisions
        .iter()
        .find(|d| links(d))
        .map(|d| format!("decision {}", d.id))
}

/// Replaces the charter (`None`: the program has none).
pub fn set_charter(program: &Program, charter: Option<Charter>) -> Edit {
    let logs = Logs {
        charter,
        ..program.logs.clone()
    };
    Edit::SetLogs { logs }
}

/// A new item of `log` with the next id and `title` (an assumption's statement), added last,
/// raised (an issue or dependency opened, a change requested) on `day` if given; returns its
/// id and the edit. A new risk has no probability or impact yet (0%, 0 days).
pub fn add_item(
    program: &Program,
    log: Log,
    title: &str,
    day: Option<NaiveDate>,
) -> Result<(String, Edit), Refusal> {
    let field = if log == Log::Assumptions {
        "statement"
    } else {
        "title"
    };
    let title = title.trim();
    if title.is_empty() {
        return Err(refuse(
            field,
            format!("a new {} needs a {field}", log.item_name()),
        ));
    }
    let id = next_id(program, log);
    let (id, title) = (id.clone(), title.to_owned());
    let item = match log {
        Log::Risks => {
            let risk = Risk {
                id: id.clone(),
                title,
                raised: day,
                ..Risk::default()
            };
            let index = program.risks.len();
            return Ok((id, Edit::InsertRisk { index, risk }));
        }
        Log::Assumptions => LogItem::Assumption(Assumption {
            id: id.clone(),
            statement: title,
            raised: day,
            ..Assumption::default()
        }),
        Log::Issues => LogItem::Issue(Issue {
            id: id.clone(),
            title,
            opened: day,
            ..Issue::default()
        }),
        Log::Dependencies => LogItem::Dependency(Commitment {
            id: id.clone(),
            title,
            opened: day,
            ..Commitment::default()
        }),
        Log::Decisions => LogItem::Decision(Decision {
            id: id.clone(),
            title,
            raised: day,
            ..Decision::default()
        }),
        Log::Changes => LogItem::Change(ChangeRequest {
            id: id.clone(),
            title,
            requested: day,
            ..ChangeRequest::default()
        }),
    };
    Ok((id, insert_item(program, item, usize::MAX)?))
}

/// Turns broken assumption `id` into a new issue (opened `today`, naming the assumption's
/// tasks), and records that it became it. Returns the new issue's id and the edit.
pub fn assumption_to_issue(
    program: &Program,
    id: &str,
    today: NaiveDate,
) -> Result<(String, Edit), Refusal> {
    let index = position(program, Log::Assumptions, id)?;
    let assumption = &program.logs.assumptions[index];
    if let Some(became) = &assumption.became {
        return Err(refuse("became", format!("it already became {became}")));
    }
    let issue_id = next_id(program, Log::Issues);
    let mut logs = program.logs.clone();
    logs.issues.push(Issue {
        id: issue_id.clone(),
        title: format!("Assumption {id} broken: {}", assumption.statement),
        owner: assumption.owner.clone(),
        opened: Some(today),
        tasks: assumption.tasks.clone(),
        ..Issue::default()
    });
    let changed = &mut logs.assumptions[index];
    changed.status = AssumptionStatus::Broken;
    changed.became = Some(issue_id.clone());
    Ok((issue_id, Edit::SetLogs { logs }))
}

/// Turns assumption `id` into a new risk (raised `today`, delaying the assumption's tasks
/// once a probability and an impact are given), and records that it became it: the risk's
/// insertion and the logs' change, one action.
pub fn assumption_to_risk(
    program: &Program,
    id: &str,
    today: NaiveDate,
) -> Result<(String, Vec<Edit>), Refusal> {
    let index = position(program, Log::Assumptions, id)?;
    let assumption = &program.logs.assumptions[index];
    if let Some(became) = &assumption.became {
        return Err(refuse("became", format!("it already became {became}")));
    }
    let risk_id = next_id(program, Log::Risks);
    let risk = Risk {
        id: risk_id.clone(),
        title: format!("Assumption {id} may not hold: {}", assumption.statement),
        owner: assumption.owner.clone(),
        raised: Some(today),
        tasks: assumption.tasks.clone(),
        ..Risk::default()
    };
    let mut logs = program.logs.clone();
    logs.assumptions[index].became = Some(risk_id.clone());
    let insert = Edit::InsertRisk {
        index: program.risks.len(),
        risk,
    };
    Ok((risk_id, vec![insert, Edit::SetLogs { logs }]))
}

/// The position of item `id` in `log`.
pub(super) fn position(program: &Program, log: Log, id: &str) -> Result<usize, Refusal> {
    log.ids(program)
        .iter()
        .position(|i| *i == id)
        .ok_or_else(|| refuse("item", format!("{} {id} no longer exists", log.item_name())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logs::model::Escalation;

    fn program() -> Program {
        let mut program = Program::default();
        program.logs.issues.push(Issue {
            id: "I1".into(),
            title: "Quota".into(),
            ..Issue::default()
        });
        program.risks.push(Risk {
            id: "R1".into(),
            title: "Vendor late".into(),
            ..Risk::default()
        });
        program
    }

    fn logs_of(edit: Edit) -> Logs {
        match edit {
            Edit::SetLogs { logs } => logs,
            other => panic!("expected SetLogs, got {other:?}"),
        }
    }

    #[test]
    fn typed_values_are_parsed_or_refused_naming_the_field() {
        let p = program();
        let logs = logs_of(set_field(&p, Log::Issues, "I1", "escalation", "Steering").unwrap());
        assert_eq!(logs.issues[0].escalation, Escalation::Steering);
        let refused = set_field(&p, Log::Issues, "I1", "severity", "huge").unwrap_err();
        assert_eq!(refused.field, "severity");
        assert!(refused.message.contains("critical"), "{}", refused.message);
        let Edit::ReplaceRisk { risk, .. } =
            set_field(&p, Log::Risks, "R1", "mitigated.probability", "30%").unwrap()
        else {
            panic!("a risk is replaced");
        };
        assert_eq!(risk.mitigated.unwrap().probability, Some(0.3));
        let refused = set_field(&p, Log::Risks, "R1", "severity", "6").unwrap_err();
        assert_eq!(refused.field, "severity");
        let refused = set_field(&p, Log::Issues, "I9", "title", "x").unwrap_err();
        assert_eq!(
            (refused.field.as_str(), refused.message.as_str()),
            ("item", "issue I9 no longer exists")
        );
        assert_eq!(
            set_field(&p, Log::Issues, "I1", "colour", "red")
                .unwrap_err()
                .field,
            "colour"
        );
    }

    #[test]
    fn ids_are_readable_and_never_repeat() {
        let mut p = program();
        assert_eq!(next_id(&p, Log::Issues), "I2");
        assert_eq!(next_id(&p, Log::Risks), "R2");
        assert_eq!(next_id(&p, Log::Changes), "CR1");
        p.logs.issues.push(Issue {
            id: "I007".into(),
            ..Issue::default()
        });
        assert_eq!(next_id(&p, Log::Issues), "I8");
        let refused = insert_item(
            &p,
            LogItem::Issue(Issue {
                id: "I1".into(),
                ..Issue::default()
            }),
            0,
        );
        assert_eq!(refused.unwrap_err().field, "id");
    }

    #[test]
    fn a_broken_assumption_becomes_an_issue_linked_back() {
        let mut p = program();
        p.logs.assumptions.push(Assumption {
            id: "A1".into(),
            statement: "The vendor ships in March".into(),
            tasks: vec![],
            ..Assumption::default()
        });
        let today = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let (id, edit) = assumption_to_issue(&p, "A1", today).unwrap();
        assert_eq!(id, "I2");
        let logs = logs_of(edit);
        assert_eq!(logs.assumptions[0].became.as_deref(), Some("I2"));
        assert_eq!(logs.assumptions[0].status, AssumptionStatus::Broken);
        assert_eq!(logs.issues[1].opened, Some(today));
        // Once linked, neither the issue nor a second conversion goes through.
        p.logs = logs;
        assert_eq!(
            remove_item(&p, Log::Issues, "I2").unwrap_err().field,
            "item"
        );
        assert_eq!(
            assumption_to_risk(&p, "A1", today).unwrap_err().field,
            "became"
        );
    }
}
