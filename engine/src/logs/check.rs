//! Checking the logs: every problem in the risks' log fields, assumptions, issues,
//! cross-team dependencies, decisions, change requests and charter, each with a stable code
//! (E034 to E041, and the engine's own for empty ids, dates out of range and text sizes),
//! the path of the field and a message naming the item's id and the field.
//!
//! Run by the engine's check ([`crate::check`]), so a program with a bad log item is refused
//! like one with a bad risk; and alone ([`check_logs`]) where only the logs changed. Nothing
//! here reads or changes the schedule. Scenario ids (a change request's `scenario`, a
//! decision's `links.scenarios`) are not the program's: the file reader checks them.

use crate::check::date_in_range;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Impact, Program, Risk};
use crate::text::{MAX_DESCRIPTION_CHARS, MAX_ID_CHARS, MAX_NAME_CHARS, length_problem, quote};
use chrono::NaiveDate;
use std::collections::HashSet;

use super::model::{Assumption, Benefit, ChangeRequest, Charter, Commitment, Decision, Issue};

/// Every problem in the logs of `program` (and in its risks' log fields), its tasks known
/// by their ids in the program.
///
/// ```
/// use engine::logs::check_logs;
/// use engine::{Code, Program};
/// let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
///   "logs": {"dependencies": [{"id": "D1", "title": "API keys",
///     "opened": "2026-03-05", "need_by": "2026-03-01"}]}}"#;
/// let program: Program = serde_json::from_str(json).unwrap();
/// let problems = check_logs(&program);
/// assert_eq!(problems[0].code, Code::LogDatesOutOfOrder);
/// assert_eq!(problems[0].path, "logs.dependencies[0].need_by");
/// assert_eq!(
///     problems[0].message,
///     "dependency 'D1': need_by 2026-03-01 is before opened 2026-03-05"
/// );
/// ```
pub fn check_logs(program: &Program) -> Vec<Diagnostic> {
    let tasks: HashSet<&str> = program.tasks.iter().map(|t| t.id.as_str()).collect();
    log_problems(program, &|id| tasks.contains(id))
}

/// [`check_logs`] with the tasks known by `has_task` (the check's own index).
pub(crate) fn log_problems(program: &Program, has_task: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    let mut check = LogCheck {
        program,
        has_task,
        found: Vec::new(),
    };
    check.all();
    check.found
}

struct LogCheck<'p> {
    program: &'p Program,
    has_task: &'p dyn Fn(&str) -> bool,
    found: Vec<Diagnostic>,
}

/// One item being checked: where it is (`logs.issues[2]`), what a message calls it
/// (`issue`) and its id.
#[derive(Clone, Copy)]
struct At<'a> {
    path: &'a str,
    kind: &'a str,
    id: &'a str,
}

impl At<'_> {
    fn field(&self, field: &str) -> String {
        format!("{}.{field}", self.path)
    }
}

impl LogCheck<'_> {
    fn all(&mut self) {
        let program = self.program;
        for (r, risk) in program.risks.iter().enumerate() {
            let path = format!("risks[{r}]");
            self.risk(
                At {
                    path: &path,
                    kind: "risk",
                    id: &risk.id,
                },
                risk,
            );
        }
        let logs = &program.logs;
        self.unique(
            "assumptions",
            "assumption",
            logs.assumptions.iter().map(|a| a.id.as_str()),
        );
        self.unique("issues", "issue", logs.issues.iter().map(|i| i.id.as_str()));
        self.unique(
            "dependencies",
            "dependency",
            logs.dependencies.iter().map(|d| d.id.as_str()),
        );
        self.unique(
            "decisions",
            "decision",
            logs.decisions.iter().map(|d| d.id.as_str()),
        );
        self.unique(
            "changes",
            "change request",
            logs.changes.iter().map(|c| c.id.as_str()),
        );
        for (i, item) in logs.assumptions.iter().enumerate() {
            let path = format!("logs.assumptions[{i}]");
            self.assumption(
                At {
                    path: &path,
                    kind: "assumption",
                    id: &item.id,
                },
                item,
            );
        }
        for (i, item) in logs.issues.iter().enumerate() {
            let path = format!("logs.issues[{i}]");
            self.issue(
                At {
                    path: &path,
                    kind: "issue",
                    id: &item.id,
                },
                item,
            );
        }
        for (i, item) in logs.dependencies.iter().enumerate() {
            let path = format!("logs.dependencies[{i}]");
            self.commitment(
                At {
                    path: &path,
                    kind: "dependency",
                    id: &item.id,
                },
                item,
            );
        }
        for (i, item) in logs.decisions.iter().enumerate() {
            let path = format!("logs.decisions[{i}]");
            self.decision(
                At {
                    path: &path,
                    kind: "decision",
                    id: &item.id,
                },
                item,
            );
        }
        for (i, item) in logs.changes.iter().enumerate() {
            let path = format!("logs.changes[{i}]");
            self.change(
                At {
                    path: &path,
                    kind: "change request",
                    id: &item.id,
                },
                item,
            );
        }
        if let Some(charter) = &logs.charter {
            self.charter(charter);
        }
    }

    fn push(&mut self, code: Code, path: String, at: &At<'_>, message: String) {
        let ids = if at.id.is_empty() || at.id.len() > MAX_ID_CHARS {
            vec![]
        } else {
            vec![at.id.to_owned()]
        };
        self.found.push(Diagnostic::new(code, path, ids, message));
    }

    /// `kind 'ID'`, for messages.
    fn named(at: &At<'_>) -> String {
        format!("{} '{}'", at.kind, quote(at.id))
    }

    // --- Rules shared by every log -------------------------------------------------------

    /// E011 for a blank id, E034 for an id used twice in one log.
    fn unique<'a>(&mut self, log: &str, kind: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = std::collections::HashMap::new();
        for (i, id) in ids.enumerate() {
            let path = format!("logs.{log}[{i}].id");
            let at = At {
                path: &path,
                kind,
                id,
            };
            if crate::text::is_blank(id) {
                let message = format!("{kind} at position {i} has no id");
                self.push(Code::EmptyId, path.clone(), &at, message);
            } else if let Some(first) = seen.insert(id, i) {
                let message = format!(
                    "{} is used more than once in {log} (first at {log}[{first}])",
                    Self::named(&at)
                );
                self.push(Code::DuplicateLogId, path.clone(), &at, message);
            }
        }
    }

    /// E025 when `text` (the `field` of the item) is over `limit` characters.
    fn length(&mut self, at: &At<'_>, field: &str, text: &str, limit: usize) {
        if text.len() <= limit {
            return;
        }
        let what = format!("the {field} of {}", Self::named(at));
        if let Some(message) = length_problem(text, limit, &what) {
            self.push(Code::TextTooLong, at.field(field), at, message);
        }
    }

    /// E025 for each of `texts` over its limit: ids and references, names, free text.
    fn lengths(
        &mut self,
        at: &At<'_>,
        ids: &[(&str, &str)],
        names: &[(&str, &str)],
        free: &[(&str, &str)],
    ) {
        for (field, text) in ids {
            self.length(at, field, text, MAX_ID_CHARS);
        }
        for (field, text) in names {
            self.length(at, field, text, MAX_NAME_CHARS);
        }
        for (field, text) in free {
            self.length(at, field, text, MAX_DESCRIPTION_CHARS);
        }
    }

    /// E039 when the item's title (or statement, or metric) is blank.
    fn title(&mut self, at: &At<'_>, field: &str, text: &str) {
        if crate::text::is_blank(text) {
            let message = format!("{} has an empty {field}", Self::named(at));
            self.push(Code::EmptyLogTitle, at.field(field), at, message);
        }
    }

    /// E016 for dates outside the supported range.
    fn dates(&mut self, at: &At<'_>, dates: &[(&str, Option<NaiveDate>)]) {
        for (field, date) in dates {
            if let Some(date) = date
                && !date_in_range(*date)
            {
                let message = format!(
                    "{}: {field} {date} is outside the supported dates (1900 to 9999)",
                    Self::named(at)
                );
                self.push(Code::DateOutOfRange, at.field(field), at, message);
            }
        }
    }

    /// E036 when `later` (a field and its date) is before `earlier`, the date it follows.
    fn order(
        &mut self,
        at: &At<'_>,
        earlier: (&str, Option<NaiveDate>),
        later: (&str, Option<NaiveDate>),
    ) {
        let (Some(first), Some(then)) = (earlier.1, later.1) else {
            return;
        };
        if then < first {
            let message = format!(
                "{}: {} {then} is before {} {first}",
                Self::named(at),
                later.0,
                earlier.0
            );
            self.push(Code::LogDatesOutOfOrder, at.field(later.0), at, message);
        }
    }

    /// E035 for each of `ids` (the `field` list) that `exists` does not know.
    fn references(
        &mut self,
        at: &At<'_>,
        field: &str,
        what: &str,
        ids: &[String],
        exists: &dyn Fn(&str) -> bool,
    ) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(at, &format!("{field}[{i}]"), what, id, exists);
        }
    }

    /// E035 when `id` (in `field`) is not one `exists` knows.
    fn reference(
        &mut self,
        at: &At<'_>,
        field: &str,
        what: &str,
        id: &str,
        exists: &dyn Fn(&str) -> bool,
    ) {
        if id.len() > MAX_ID_CHARS {
            self.length(at, field, id, MAX_ID_CHARS);
        } else if !exists(id) {
            let message = format!(
                "{} names {what} '{}' ({field}), which does not exist",
                Self::named(at),
                quote(id)
            );
            self.push(Code::UnknownLogReference, at.field(field), at, message);
        }
    }

    /// E037 for a probability outside 0 to 1.
    fn probability(&mut self, at: &At<'_>, field: &str, probability: f64) {
        if !(0.0..=1.0).contains(&probability) {
            let message = format!(
                "{}: {field} {probability} is outside 0 to 1 (0% to 100%)",
                Self::named(at)
            );
            self.push(Code::LogProbabilityOutOfRange, at.field(field), at, message);
        }
    }

    /// E038 for a severity outside 1 to 5.
    fn severity(&mut self, at: &At<'_>, field: &str, severity: Option<u8>) {
        if let Some(severity) = severity
            && !(1..=5).contains(&severity)
        {
            let message = format!("{}: {field} {severity} is outside 1 to 5", Self::named(at));
            self.push(Code::SeverityOutOfRange, at.field(field), at, message);
        }
    }

    // --- Each log ------------------------------------------------------------------------

    /// A risk's log fields (its forecast fields are checked with the forecast's: E019).
    fn risk(&mut self, at: At<'_>, risk: &Risk) {
        self.lengths(
            &at,
            &[],
            &[("category", &risk.category), ("owner", &risk.owner)],
            &[("description", &risk.description)],
        );
        self.severity(&at, "severity", risk.severity);
        let mut dates = vec![("raised", risk.raised)];
        for (a, action) in risk.actions.iter().enumerate() {
            let field = format!("actions[{a}]");
            self.length(
                &at,
                &format!("{field}.text"),
                &action.text,
                MAX_DESCRIPTION_CHARS,
            );
            self.length(
                &at,
                &format!("{field}.owner"),
                &action.owner,
                MAX_NAME_CHARS,
            );
            if let Some(due) = action.due
                && !date_in_range(due)
            {
                dates.push(("actions[].due", Some(due)));
            }
        }
        self.dates(&at, &dates);
        if let Some(mitigated) = &risk.mitigated {
            if let Some(p) = mitigated.probability {
                self.probability(&at, "mitigated.probability", p);
            }
            self.severity(&at, "mitigated.severity", mitigated.severity);
            if let Some(impact) = mitigated.impact
                && !impact_in_order(impact)
            {
                let message = format!(
                    "{}: mitigated.impact {}–{} must be whole working days from 0, the least first",
                    Self::named(&at),
                    impact.min,
                    impact.max
                );
                self.push(
                    Code::InvalidLogValue,
                    at.field("mitigated.impact"),
                    &at,
                    message,
                );
            }
        }
    }

    fn assumption(&mut self, at: At<'_>, item: &Assumption) {
        self.lengths(
            &at,
            &[("became", item.became.as_deref().unwrap_or(""))],
            &[("owner", &item.owner)],
            &[("statement", &item.statement)],
        );
        self.title(&at, "statement", &item.statement);
        self.dates(
            &at,
            &[("raised", item.raised), ("validate_by", item.validate_by)],
        );
        self.order(
            &at,
            ("raised", item.raised),
            ("validate_by", item.validate_by),
        );
        self.tasks(&at, "tasks", &item.tasks);
        if let Some(became) = &item.became {
            let logs = &self.program.logs;
            let exists = logs.issues.iter().any(|i| &i.id == became)
                || self.program.risks.iter().any(|r| &r.id == became);
            self.reference(&at, "became", "issue or risk", became, &|_| exists);
        }
    }

    fn issue(&mut self, at: At<'_>, item: &Issue) {
        self.lengths(
            &at,
            &[],
            &[("title", &item.title), ("owner", &item.owner)],
            &[("description", &item.description)],
        );
        self.title(&at, "title", &item.title);
        let dates = [
            ("opened", item.opened),
            ("due", item.due),
            ("resolved", item.resolved),
        ];
        self.dates(&at, &dates);
        self.order(&at, ("opened", item.opened), ("due", item.due));
        self.order(&at, ("opened", item.opened), ("resolved", item.resolved));
        self.tasks(&at, "tasks", &item.tasks);
    }

    fn commitment(&mut self, at: At<'_>, item: &Commitment) {
        self.lengths(
            &at,
            &[],
            &[("title", &item.title), ("owner", &item.owner)],
            &[],
        );
        self.title(&at, "title", &item.title);
        let dates = [
            ("opened", item.opened),
            ("need_by", item.need_by),
            ("committed", item.committed),
            ("delivered", item.delivered),
        ];
        self.dates(&at, &dates);
        self.order(&at, ("opened", item.opened), ("need_by", item.need_by));
        self.order(&at, ("opened", item.opened), ("committed", item.committed));
        self.order(&at, ("opened", item.opened), ("delivered", item.delivered));
        let workstreams = &self.program.workstreams;
        let exists = |id: &str| workstreams.iter().any(|w| w.id == id);
        for (field, id) in [("provider", &item.provider), ("consumer", &item.consumer)] {
            if !id.is_empty() {
                self.reference(&at, field, "workstream", id, &exists);
            }
        }
        for (field, task) in [("task", &item.task), ("for_task", &item.for_task)] {
            if let Some(task) = task {
                let has_task = self.has_task;
                self.reference(&at, field, "task", task, has_task);
            }
        }
    }

    fn decision(&mut self, at: At<'_>, item: &Decision) {
        let people: Vec<(String, &str)> = item
            .contributors
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("contributors[{i}]"), p.as_str()))
            .chain(
                item.informed
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (format!("informed[{i}]"), p.as_str())),
            )
            .collect();
        let mut names = vec![
            ("title", item.title.as_str()),
            ("driver", item.driver.as_str()),
            ("approver", item.approver.as_str()),
        ];
        names.extend(people.iter().map(|(f, p)| (f.as_str(), *p)));
        let mut free = vec![
            ("context", item.context.as_str()),
            ("decision", item.decision.as_str()),
        ];
        let options: Vec<(String, &str)> = item
            .options
            .iter()
            .enumerate()
            .flat_map(|(o, option)| {
                [
                    (format!("options[{o}].option"), option.option.as_str()),
                    (format!("options[{o}].tradeoffs"), option.tradeoffs.as_str()),
                ]
            })
            .collect();
        free.extend(options.iter().map(|(f, t)| (f.as_str(), *t)));
        self.lengths(&at, &[], &names, &free);
        self.title(&at, "title", &item.title);
        let dates = [
            ("raised", item.raised),
            ("needed_by", item.needed_by),
            ("decided", item.decided),
        ];
        self.dates(&at, &dates);
        self.order(&at, ("raised", item.raised), ("needed_by", item.needed_by));
        self.order(&at, ("raised", item.raised), ("decided", item.decided));
        let program = self.program;
        let risk = |id: &str| program.risks.iter().any(|r| r.id == id);
        let issue = |id: &str| program.logs.issues.iter().any(|i| i.id == id);
        self.references(&at, "links.risks", "risk", &item.links.risks, &risk);
        self.references(&at, "links.issues", "issue", &item.links.issues, &issue);
        self.tasks(&at, "links.tasks", &item.links.tasks);
        for (i, id) in item.links.scenarios.iter().enumerate() {
            self.length(&at, &format!("links.scenarios[{i}]"), id, MAX_ID_CHARS);
        }
    }

    fn change(&mut self, at: At<'_>, item: &ChangeRequest) {
        self.lengths(
            &at,
            &[("scenario", item.scenario.as_deref().unwrap_or(""))],
            &[
                ("title", &item.title),
                ("requested_by", &item.requested_by),
                ("approver", &item.approver),
            ],
            &[("reason", &item.reason), ("scope", &item.scope)],
        );
        self.title(&at, "title", &item.title);
        self.dates(
            &at,
            &[("requested", item.requested), ("decided", item.decided)],
        );
        self.order(
            &at,
            ("requested", item.requested),
            ("decided", item.decided),
        );
    }

    fn charter(&mut self, charter: &Charter) {
        let at = At {
            path: "logs.charter",
            kind: "the charter",
            id: "",
        };
        let lists = [
            ("objectives", &charter.objectives),
            ("scope_in", &charter.scope_in),
            ("scope_out", &charter.scope_out),
            ("success_metrics", &charter.success_metrics),
            ("governance.escalation", &charter.governance.escalation),
        ];
        self.length(&at, "purpose", &charter.purpose, MAX_DESCRIPTION_CHARS);
        for (field, texts) in lists {
            for (i, text) in texts.iter().enumerate() {
                self.length(&at, &format!("{field}[{i}]"), text, MAX_DESCRIPTION_CHARS);
            }
        }
        for (f, forum) in charter.governance.forums.iter().enumerate() {
            let field = format!("governance.forums[{f}]");
            self.length(&at, &format!("{field}.name"), &forum.name, MAX_NAME_CHARS);
            self.length(
                &at,
                &format!("{field}.cadence"),
                &forum.cadence,
                MAX_NAME_CHARS,
            );
        }
        for (s, person) in charter.stakeholders.iter().enumerate() {
            let path = format!("logs.charter.stakeholders[{s}]");
            let at = At {
                path: &path,
                kind: "stakeholder",
                id: &person.name,
            };
            self.lengths(
                &at,
                &[],
                &[("name", &person.name), ("role", &person.role)],
                &[],
            );
            self.title(&at, "name", &person.name);
            for (r, raci) in person.raci.iter().enumerate() {
                self.length(&at, &format!("raci[{r}].area"), &raci.area, MAX_NAME_CHARS);
                if !raci_letters_valid(&raci.letters) {
                    let message = format!(
                        "{}: raci[{r}].letters '{}' must be some of R, A, C and I, each once",
                        Self::named(&at),
                        quote(&raci.letters)
                    );
                    let field = at.field(&format!("raci[{r}].letters"));
                    self.push(Code::InvalidLogValue, field, &at, message);
                }
            }
        }
        let ids = charter.benefits.iter().map(|b| b.id.as_str());
        self.unique("charter.benefits", "benefit", ids);
        for (b, benefit) in charter.benefits.iter().enumerate() {
            let path = format!("logs.charter.benefits[{b}]");
            self.benefit(
                At {
                    path: &path,
                    kind: "benefit",
                    id: &benefit.id,
                },
                benefit,
            );
        }
    }

    fn benefit(&mut self, at: At<'_>, benefit: &Benefit) {
        self.lengths(
            &at,
            &[],
            &[("metric", &benefit.metric)],
            &[("method", &benefit.method)],
        );
        self.title(&at, "metric", &benefit.metric);
        let mut dates = vec![("by", benefit.by)];
        dates.extend(
            benefit
                .measured
                .iter()
                .map(|m| ("measured[].date", Some(m.date))),
        );
        self.dates(&at, &dates);
        let numbers = [("baseline", benefit.baseline), ("target", benefit.target)];
        let measured = benefit
            .measured
            .iter()
            .map(|m| ("measured[].value", m.value));
        for (field, value) in numbers.into_iter().chain(measured) {
            if !value.is_finite() {
                let message = format!("{}: {field} is not a number", Self::named(&at));
                self.push(Code::InvalidBenefit, at.field(field), &at, message);
            }
        }
        if benefit.target == benefit.baseline {
            let message = format!(
                "{}: target {} equals the baseline: nothing would be realised",
                Self::named(&at),
                benefit.target
            );
            self.push(Code::InvalidBenefit, at.field("target"), &at, message);
        }
    }

    /// E035 for task ids in `field` that the program does not have.
    fn tasks(&mut self, at: &At<'_>, field: &str, ids: &[String]) {
        let has_task = self.has_task;
        self.references(at, field, "task", ids, has_task);
    }
}

/// Whether an impact range is whole working days from 0, the least first.
fn impact_in_order(impact: Impact) -> bool {
    impact.min >= 0 && impact.min <= impact.max && impact.max <= crate::check::MAX_DAYS
}

/// Whether RACI letters are some of R, A, C and I, each at most once, and at least one.
fn raci_letters_valid(letters: &str) -> bool {
    let mut seen = HashSet::new();
    !letters.is_empty()
        && letters
            .chars()
            .all(|c| "RACI".contains(c) && seen.insert(c))
}
