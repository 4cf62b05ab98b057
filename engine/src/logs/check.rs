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
use crate::model::Program;
use crate::text::{MAX_DESCRIPTION_CHARS, MAX_ID_CHARS, MAX_NAME_CHARS, length_problem, quote};
use chrono::NaiveDate;
use std::collections::HashSet;

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

pub(super) struct LogCheck<'p> {
    pub(super) program: &'p Program,
    pub(super) has_task: &'p dyn Fn(&str) -> bool,
    pub(super) found: Vec<Diagnostic>,
}

/// One item being checked: where it is (`logs.issues[2]`), what a message calls it
/// (`issue`) and its id.
#[derive(Clone, Copy)]
pub(super) struct At<'a> {
    pub(super) path: &'a str,
    pub(super) kind: &'a str,
    pub(super) id: &'a str,
}

impl At<'_> {
    pub(super) fn field(&self, field: &str) -> String {
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

    pub(super) fn push(&mut self, code: Code, path: String, at: &At<'_>, message: String) {
        let ids = if at.id.is_empty() || at.id.len() > MAX_ID_CHARS {
            vec![]
        } else {
            vec![at.id.to_owned()]
        };
        self.found.push(Diagnostic::new(code, path, ids, message));
    }

    /// `kind 'ID'`, for messages.
    pub(super) fn named(at: &At<'_>) -> String {
        format!("{} '{}'", at.kind, quote(at.id))
    }

    // --- Rules shared by every log -------------------------------------------------------

    /// E011 for a blank id, E034 for an id used twice in one log.
    pub(super) fn unique<'a>(&mut self, log: &str, kind: &str, ids: impl Iterator<Item = &'a str>) {
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
    pub(super) fn length(&mut self, at: &At<'_>, field: &str, text: &str, limit: usize) {
        if text.len() <= limit {
            return;
        }
        let what = format!("the {field} of {}", Self::named(at));
        if let Some(message) = length_problem(text, limit, &what) {
            self.push(Code::TextTooLong, at.field(field), at, message);
        }
    }

    /// E025 for each of `texts` over its limit: ids and references, names, free text.
    pub(super) fn lengths(
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
    pub(super) fn title(&mut self, at: &At<'_>, field: &str, text: &str) {
        if crate::text::is_blank(text) {
            let message = format!("{} has an empty {field}", Self::named(at));
            self.push(Code::EmptyLogTitle, at.field(field), at, message);
        }
    }

    /// E016 for dates outside the supported range.
    pub(super) fn dates(&mut self, at: &At<'_>, dates: &[(&str, Option<NaiveDate>)]) {
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
    pub(super) fn order(
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
    pub(super) fn references(
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
    pub(super) fn reference(
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
    pub(super) fn probability(&mut self, at: &At<'_>, field: &str, probability: f64) {
        if !(0.0..=1.0).contains(&probability) {
            let message = format!(
                "{}: {field} {probability} is outside 0 to 1 (0% to 100%)",
                Self::named(at)
            );
            self.push(Code::LogProbabilityOutOfRange, at.field(field), at, message);
        }
    }

    /// E038 for a severity outside 1 to 5.
    pub(super) fn severity(&mut self, at: &At<'_>, field: &str, severity: Option<u8>) {
        if let Some(severity) = severity
            && !(1..=5).contains(&severity)
        {
            let message = format!("{}: {field} {severity} is outside 1 to 5", Self::named(at));
            self.push(Code::SeverityOutOfRange, at.field(field), at, message);
        }
    }
}
