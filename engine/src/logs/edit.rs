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
//! use engine::edit::History;
//! use engine::Program;
//! let mut program = Program::default();
//! let mut history = History::default();
//! let (id, edit) = add_item(&program, Log::Issues, "Vendor API quota too low").unwrap();
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
use crate::risks::{parse_impact, parse_percent};
use chrono::NaiveDate;

use super::model::{
    Assumption, AssumptionStatus, ChangeDecision, ChangeRequest, ChangeStatus, Charter, Commitment,
    CommitmentStatus, Decision, DecisionStatus, Escalation, Issue, IssueSeverity, IssueStatus,
    Response, RiskStatus,
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

fn refuse(field: &str, message: impl Into<String>) -> Refusal {
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

/// A new item of `log` with the next id and `title` (an assumption's statement), added last;
/// returns its id and the edit. A new risk has no probability or impact yet (0%, 0 days).
pub fn add_item(program: &Program, log: Log, title: &str) -> Result<(String, Edit), Refusal> {
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
                ..Risk::default()
            };
            let index = program.risks.len();
            return Ok((id, Edit::InsertRisk { index, risk }));
        }
        Log::Assumptions => LogItem::Assumption(Assumption {
            id: id.clone(),
            statement: title,
            ..Assumption::default()
        }),
        Log::Issues => LogItem::Issue(Issue {
            id: id.clone(),
            title,
            ..Issue::default()
        }),
        Log::Dependencies => LogItem::Dependency(Commitment {
            id: id.clone(),
            title,
            ..Commitment::default()
        }),
        Log::Decisions => LogItem::Decision(Decision {
            id: id.clone(),
            title,
            ..Decision::default()
        }),
        Log::Changes => LogItem::Change(ChangeRequest {
            id: id.clone(),
            title,
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
fn position(program: &Program, log: Log, id: &str) -> Result<usize, Refusal> {
    log.ids(program)
        .iter()
        .position(|i| *i == id)
        .ok_or_else(|| refuse("item", format!("{} {id} no longer exists", log.item_name())))
}

// ---------------------------------------------------------------------------------------
// One field typed

/// Field `field` of item `id` in `log`, set from `text` as typed in a cell: free text
/// (trimmed), dates as `2026-03-05` (empty clears an optional one), a risk's probability
/// as a percent (`30%`) and impact as a range (`5-15`), severities as `1` to `5` (an
/// issue's as `low` … `critical`), statuses and responses by name (`at risk`, `mitigate`),
/// an escalation by level or name (`2`, `steering`), id lists separated by commas. The
/// fields of each log are those of the file; unknown ones are refused. Retyping the value
/// there gives an edit that changes nothing (the caller may skip it).
pub fn set_field(
    program: &Program,
    log: Log,
    id: &str,
    field: &str,
    text: &str,
) -> Result<Edit, Refusal> {
    let index = position(program, log, id)?;
    let value = Typed { field, text };
    let mut logs = program.logs.clone();
    match log {
        Log::Risks => {
            let mut risk = program.risks[index].clone();
            risk_field(&mut risk, &value)?;
            return Ok(Edit::ReplaceRisk { index, risk });
        }
        Log::Assumptions => assumption_field(&mut logs.assumptions[index], &value)?,
        Log::Issues => issue_field(&mut logs.issues[index], &value)?,
        Log::Dependencies => commitment_field(&mut logs.dependencies[index], &value)?,
        Log::Decisions => decision_field(&mut logs.decisions[index], &value)?,
        Log::Changes => change_field(&mut logs.changes[index], &value)?,
    }
    Ok(Edit::SetLogs { logs })
}

/// A field's name and the text typed for it.
struct Typed<'a> {
    field: &'a str,
    text: &'a str,
}

impl Typed<'_> {
    fn text(&self) -> String {
        self.text.trim().to_owned()
    }

    /// Text that must not be empty (a title, a statement).
    fn title(&self) -> Result<String, Refusal> {
        let text = self.text();
        if text.is_empty() {
            return Err(refuse(
                self.field,
                format!("the {} cannot be empty", self.field),
            ));
        }
        Ok(text)
    }

    /// A date typed as `2026-03-05`; empty is none.
    fn date(&self) -> Result<Option<NaiveDate>, Refusal> {
        let text = self.text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        parse_date(text)
            .map(Some)
            .map_err(|message| refuse(self.field, message))
    }

    /// A list of ids separated by commas (or spaces).
    fn ids(&self) -> Vec<String> {
        self.text
            .split([',', ' ', ';'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// An id, or none when empty.
    fn optional(&self) -> Option<String> {
        Some(self.text()).filter(|t| !t.is_empty())
    }

    /// One of `choices` by its name (any case, spaces or underscores alike).
    fn choice<T: Copy>(&self, choices: &[(&str, T)]) -> Result<T, Refusal> {
        let typed = self.text.trim().to_lowercase().replace(['_', '-'], " ");
        choices
            .iter()
            .find(|(name, _)| *name == typed)
            .map(|(_, value)| *value)
            .ok_or_else(|| {
                let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
                refuse(self.field, format!("type one of: {}", names.join(", ")))
            })
    }

    fn unknown(&self, log: Log) -> Refusal {
        refuse(
            self.field,
            format!("a {} has no field '{}'", log.item_name(), self.field),
        )
    }
}

/// A date typed as `2026-03-05` (year, month, day).
///
/// ```
/// use engine::logs::edit::parse_date;
/// assert_eq!(parse_date(" 2026-03-05 ").unwrap().to_string(), "2026-03-05");
/// assert!(parse_date("2026-02-30").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("'{}' is not a date: type it like 2026-03-05", text.trim()))?;
    if !crate::check::date_in_range(date) {
        return Err(format!(
            "{date} is outside the supported dates (1900 to 9999)"
        ));
    }
    Ok(date)
}

/// A severity typed as `1` to `5`; empty is none.
fn severity(value: &Typed<'_>) -> Result<Option<u8>, Refusal> {
    let text = value.text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(level @ 1..=5) => Ok(Some(level)),
        _ => Err(refuse(
            value.field,
            "a severity is 1 (negligible) to 5 (severe)",
        )),
    }
}

fn risk_field(risk: &mut Risk, value: &Typed<'_>) -> Result<(), Refusal> {
    let field = value.field;
    match field {
        "title" => risk.title = value.title()?,
        "description" => risk.description = value.text(),
        "category" => risk.category = value.text(),
        "owner" => risk.owner = value.text(),
        "raised" => risk.raised = value.date()?,
        "severity" => risk.severity = severity(value)?,
        "probability" => {
            risk.probability = parse_percent(value.text).map_err(|e| refuse(field, e.message))?;
        }
        "impact" => {
            risk.impact = parse_impact(value.text).map_err(|e| refuse(field, e.message))?;
        }
        "tasks" => risk.tasks = value.ids(),
        "response" => {
            risk.response = match value.text.trim() {
                "" => None,
                _ => Some(value.choice(&[
                    ("avoid", Response::Avoid),
                    ("mitigate", Response::Mitigate),
                    ("transfer", Response::Transfer),
                    ("accept", Response::Accept),
                ])?),
            }
        }
        "status" => {
            risk.status = value.choice(&[
                ("open", RiskStatus::Open),
                ("closed", RiskStatus::Closed),
                ("occurred", RiskStatus::Occurred),
            ])?
        }
        "mitigated.probability" => {
            let probability = match value.text.trim() {
                "" => None,
                text => Some(parse_percent(text).map_err(|e| refuse(field, e.message))?),
            };
            risk.mitigated.get_or_insert_default().probability = probability;
        }
        "mitigated.impact" => {
            let impact = match value.text.trim() {
                "" => None,
                text => Some(parse_impact(text).map_err(|e| refuse(field, e.message))?),
            };
            risk.mitigated.get_or_insert_default().impact = impact;
        }
        "mitigated.severity" => {
            risk.mitigated.get_or_insert_default().severity = severity(value)?;
        }
        _ => return Err(value.unknown(Log::Risks)),
    }
    if risk
        .mitigated
        .as_ref()
        .is_some_and(|m| *m == Default::default())
    {
        risk.mitigated = None;
    }
    Ok(())
}

fn assumption_field(item: &mut Assumption, value: &Typed<'_>) -> Result<(), Refusal> {
    match value.field {
        "statement" => item.statement = value.title()?,
        "owner" => item.owner = value.text(),
        "raised" => item.raised = value.date()?,
        "validate_by" => item.validate_by = value.date()?,
        "status" => {
            item.status = value.choice(&[
                ("unvalidated", AssumptionStatus::Unvalidated),
                ("holds", AssumptionStatus::Holds),
                ("broken", AssumptionStatus::Broken),
            ])?
        }
        "tasks" => item.tasks = value.ids(),
        "became" => item.became = value.optional(),
        _ => return Err(value.unknown(Log::Assumptions)),
    }
    Ok(())
}

fn issue_field(item: &mut Issue, value: &Typed<'_>) -> Result<(), Refusal> {
    match value.field {
        "title" => item.title = value.title()?,
        "description" => item.description = value.text(),
        "owner" => item.owner = value.text(),
        "opened" => item.opened = value.date()?,
        "due" => item.due = value.date()?,
        "resolved" => item.resolved = value.date()?,
        "severity" => {
            item.severity = value.choice(&[
                ("low", IssueSeverity::Low),
                ("medium", IssueSeverity::Medium),
                ("high", IssueSeverity::High),
                ("critical", IssueSeverity::Critical),
            ])?
        }
        "status" => {
            item.status = value.choice(&[
                ("open", IssueStatus::Open),
                ("resolved", IssueStatus::Resolved),
                ("closed", IssueStatus::Closed),
            ])?
        }
        "escalation" => {
            item.escalation = value.choice(&[
                ("0", Escalation::Team),
                ("1", Escalation::Program),
                ("2", Escalation::Steering),
                ("3", Escalation::Executive),
                ("team", Escalation::Team),
                ("program", Escalation::Program),
                ("steering", Escalation::Steering),
                ("executive", Escalation::Executive),
            ])?
        }
        "tasks" => item.tasks = value.ids(),
        _ => return Err(value.unknown(Log::Issues)),
    }
    Ok(())
}

fn commitment_field(item: &mut Commitment, value: &Typed<'_>) -> Result<(), Refusal> {
    match value.field {
        "title" => item.title = value.title()?,
        "provider" => item.provider = value.text(),
        "consumer" => item.consumer = value.text(),
        "owner" => item.owner = value.text(),
        "need_by" => item.need_by = value.date()?,
        "committed" => item.committed = value.date()?,
        "opened" => item.opened = value.date()?,
        "delivered" => item.delivered = value.date()?,
        "task" => item.task = value.optional(),
        "for_task" => item.for_task = value.optional(),
        "status" => {
            item.status = value.choice(&[
                ("requested", CommitmentStatus::Requested),
                ("committed", CommitmentStatus::Committed),
                ("at risk", CommitmentStatus::AtRisk),
                ("delivered", CommitmentStatus::Delivered),
                ("missed", CommitmentStatus::Missed),
            ])?
        }
        _ => return Err(value.unknown(Log::Dependencies)),
    }
    Ok(())
}

fn decision_field(item: &mut Decision, value: &Typed<'_>) -> Result<(), Refusal> {
    match value.field {
        "title" => item.title = value.title()?,
        "context" => item.context = value.text(),
        "decision" => item.decision = value.text(),
        "driver" => item.driver = value.text(),
        "approver" => item.approver = value.text(),
        "contributors" => item.contributors = names(value.text),
        "informed" => item.informed = names(value.text),
        "raised" => item.raised = value.date()?,
        "needed_by" => item.needed_by = value.date()?,
        "decided" => item.decided = value.date()?,
        "status" => {
            item.status = value.choice(&[
                ("open", DecisionStatus::Open),
                ("decided", DecisionStatus::Decided),
                ("superseded", DecisionStatus::Superseded),
                ("reversed", DecisionStatus::Reversed),
            ])?
        }
        "links.risks" => item.links.risks = value.ids(),
        "links.issues" => item.links.issues = value.ids(),
        "links.tasks" => item.links.tasks = value.ids(),
        "links.scenarios" => item.links.scenarios = value.ids(),
        _ => return Err(value.unknown(Log::Decisions)),
    }
    Ok(())
}

fn change_field(item: &mut ChangeRequest, value: &Typed<'_>) -> Result<(), Refusal> {
    match value.field {
        "title" => item.title = value.title()?,
        "reason" => item.reason = value.text(),
        "requested_by" => item.requested_by = value.text(),
        "requested" => item.requested = value.date()?,
        "scope" => item.scope = value.text(),
        "scenario" => item.scenario = value.optional(),
        "approver" => item.approver = value.text(),
        "decided" => item.decided = value.date()?,
        "decision" => {
            item.decision = value.choice(&[
                ("pending", ChangeDecision::Pending),
                ("approved", ChangeDecision::Approved),
                ("rejected", ChangeDecision::Rejected),
            ])?
        }
        "status" => {
            item.status = value.choice(&[
                ("open", ChangeStatus::Open),
                ("implemented", ChangeStatus::Implemented),
                ("closed", ChangeStatus::Closed),
                ("withdrawn", ChangeStatus::Withdrawn),
            ])?
        }
        _ => return Err(value.unknown(Log::Changes)),
    }
    Ok(())
}

/// People's names separated by commas or semicolons (names have spaces).
fn names(text: &str) -> Vec<String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
