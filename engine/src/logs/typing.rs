//! One field of a log item typed in a cell, as an edit of the logs (or of the risk), or a
//! [`Refusal`] naming the field: free text, dates, percents, impact ranges, severities,
//! statuses by name, id and name lists. See [`set_field`].

use chrono::NaiveDate;

use super::edit::{Log, Refusal, position, refuse};
use super::model::{
    Assumption, AssumptionStatus, ChangeDecision, ChangeRequest, ChangeStatus, Commitment,
    CommitmentStatus, Decision, DecisionStatus, Escalation, Issue, IssueSeverity, IssueStatus,
    Response, RiskStatus,
};
use crate::edit::Edit;
use crate::model::{Program, Risk};
use crate::risks::{parse_impact, parse_percent};

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
