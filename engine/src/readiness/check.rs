//! Checking readiness: every problem in the checklists, go/no-go records, runbooks and
//! reviews, each with a stable code (E042 to E052, and the engine's own for empty ids,
//! dates out of range and text sizes), the path of the field and a message naming the
//! item and the field.
//!
//! Run by the engine's check ([`crate::check`]) and alone ([`check_readiness`]) where only
//! readiness changed. [`go_refusal`] is the rule a Go must pass: no unmet hard gate that is
//! not waived.

use std::collections::{HashMap, HashSet};

use super::model::{Checklist, GoNoGo, ItemStatus, Outcome, Review, Runbook};
use super::runbook::step_cycle;
use crate::check::date_in_range;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Program;
use crate::text::{MAX_DESCRIPTION_CHARS, MAX_ID_CHARS, MAX_NAME_CHARS, length_problem, quote};
use chrono::NaiveDate;

/// The ids of the items of `milestone`'s checklist that stop a Go: hard gates neither met
/// nor waived, in checklist order; `None` when a Go may be recorded.
///
/// ```
/// use engine::readiness::check::go_refusal;
/// use engine::Program;
/// let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
///   "workstreams": [{"id": "eng", "name": "Eng"}],
///   "tasks": [{"id": "ga", "name": "GA", "workstream": "eng", "duration": 0, "milestone": true}],
///   "readiness": {"checklists": [{"milestone": "ga", "items": [
///     {"id": "RC1", "title": "Load test", "status": "met"},
///     {"id": "RC2", "title": "Pen test"},
///     {"id": "RC3", "title": "Docs", "gate": "advisory"}]}]}}"#;
/// let program: Program = serde_json::from_str(json).unwrap();
/// assert_eq!(go_refusal(&program, "ga"), Some(vec!["RC2".to_string()]));
/// ```
pub fn go_refusal(program: &Program, milestone: &str) -> Option<Vec<String>> {
    let unmet = program
        .readiness
        .checklist(milestone)
        .map(unmet_hard_gates)
        .unwrap_or_default();
    (!unmet.is_empty()).then_some(unmet)
}

/// The ids of the hard gates of `checklist` neither met nor waived.
pub fn unmet_hard_gates(checklist: &Checklist) -> Vec<String> {
    checklist
        .items
        .iter()
        .filter(|i| i.gate == super::model::Gate::Hard && !i.status.is_settled())
        .map(|i| i.id.clone())
        .collect()
}

/// Every problem in `program.readiness`, its tasks known from the program.
///
/// ```
/// use engine::readiness::check::check_readiness;
/// use engine::{Code, Program};
/// let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
///   "workstreams": [{"id": "eng", "name": "Eng"}],
///   "tasks": [{"id": "build", "name": "Build", "workstream": "eng", "duration": 5}],
///   "readiness": {"checklists": [{"milestone": "build"}]}}"#;
/// let program: Program = serde_json::from_str(json).unwrap();
/// let problems = check_readiness(&program);
/// assert_eq!(problems[0].code, Code::UnknownMilestone);
/// assert_eq!(problems[0].message, "checklist of 'build': task 'build' is not a milestone");
/// ```
pub fn check_readiness(program: &Program) -> Vec<Diagnostic> {
    if program.readiness.is_empty() {
        return Vec::new();
    }
    let milestones: HashMap<&str, bool> = program
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.milestone))
        .collect();
    let mut check = Check {
        program,
        milestones,
        found: Vec::new(),
    };
    check.all();
    check.found
}

struct Check<'p> {
    program: &'p Program,
    /// Each task id, and whether it is a milestone.
    milestones: HashMap<&'p str, bool>,
    found: Vec<Diagnostic>,
}

impl Check<'_> {
    fn all(&mut self) {
        let readiness = &self.program.readiness;
        for (c, checklist) in readiness.checklists.iter().enumerate() {
            self.checklist(&format!("readiness.checklists[{c}]"), checklist);
        }
        for (t, template) in readiness.templates.iter().enumerate() {
            let at = format!("readiness.templates[{t}]");
            let what = format!("template '{}'", quote(&template.name));
            self.text(&at, &what, "name", &template.name, MAX_NAME_CHARS);
            let ids = template.items.iter().map(|i| i.id.as_str());
            self.unique(&at, "items", &what, "item", ids);
        }
        self.one_per_milestone(
            "checklists",
            readiness.checklists.iter().map(|c| &c.milestone),
        );
        self.one_per_milestone("runbooks", readiness.runbooks.iter().map(|r| &r.milestone));
        self.one_per_milestone("reviews", readiness.reviews.iter().map(|r| &r.milestone));
        for (g, record) in readiness.go_no_go.iter().enumerate() {
            self.go_no_go(&format!("readiness.go_no_go[{g}]"), record);
        }
        for (r, runbook) in readiness.runbooks.iter().enumerate() {
            self.runbook(&format!("readiness.runbooks[{r}]"), runbook);
        }
        for (r, review) in readiness.reviews.iter().enumerate() {
            self.review(&format!("readiness.reviews[{r}]"), review);
        }
    }

    fn push(&mut self, code: Code, path: String, ids: Vec<String>, message: String) {
        self.found.push(Diagnostic::new(code, path, ids, message));
    }

    /// The milestone a part belongs to must be a task that is a milestone.
    fn milestone(&mut self, at: &str, what: &str, id: &str) {
        let message = match self.milestones.get(id) {
            Some(true) => return,
            Some(false) => format!("{what}: task '{}' is not a milestone", quote(id)),
            None if id.is_empty() => format!("{what}: milestone is missing"),
            None => format!("{what}: there is no task '{}'", quote(id)),
        };
        let path = format!("{at}.milestone");
        self.push(Code::UnknownMilestone, path, vec![id.to_owned()], message);
    }

    /// A milestone has at most one checklist, runbook or review (`key`).
    fn one_per_milestone<'a>(&mut self, key: &str, milestones: impl Iterator<Item = &'a String>) {
        let mut seen = HashSet::new();
        for (i, id) in milestones.enumerate() {
            if !id.is_empty() && !seen.insert(id) {
                let message = format!("milestone '{}' has more than one of the {key}", quote(id));
                let path = format!("readiness.{key}[{i}].milestone");
                self.push(Code::DuplicateReadinessId, path, vec![id.clone()], message);
            }
        }
    }

    /// Ids in list `key` of `at` must be present and unique.
    fn unique<'a>(
        &mut self,
        at: &str,
        key: &str,
        what: &str,
        kind: &str,
        ids: impl Iterator<Item = &'a str>,
    ) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{at}.{key}[{i}].id");
            if crate::text::is_blank(id) {
                let message = format!("{what}: {kind} {} has no id", i + 1);
                self.push(Code::EmptyId, path, vec![], message);
            } else if !seen.insert(id) {
                let message = format!("{what}: {kind} id '{}' is used more than once", quote(id));
                self.push(
                    Code::DuplicateReadinessId,
                    path,
                    vec![id.to_owned()],
                    message,
                );
            } else if let Some(problem) = length_problem(id, MAX_ID_CHARS, "an id") {
                self.push(
                    Code::TextTooLong,
                    path,
                    vec![],
                    format!("{what}: {problem}"),
                );
            }
        }
    }

    fn text(&mut self, at: &str, what: &str, field: &str, text: &str, limit: usize) {
        if let Some(problem) = length_problem(text, limit, field) {
            let path = format!("{at}.{field}");
            self.push(
                Code::TextTooLong,
                path,
                vec![],
                format!("{what}: {problem}"),
            );
        }
    }

    fn date(&mut self, at: &str, what: &str, field: &str, date: Option<NaiveDate>) {
        if let Some(date) = date.filter(|d| !date_in_range(*d)) {
            let message = format!("{what}: {field} {date} is out of the supported range");
            self.push(
                Code::DateOutOfRange,
                format!("{at}.{field}"),
                vec![],
                message,
            );
        }
    }

    fn checklist(&mut self, at: &str, checklist: &Checklist) {
        let what = format!("checklist of '{}'", quote(&checklist.milestone));
        self.milestone(at, &what, &checklist.milestone);
        let ids = checklist.items.iter().map(|i| i.id.as_str());
        self.unique(at, "items", &what, "item", ids);
        for (i, item) in checklist.items.iter().enumerate() {
            let item_at = format!("{at}.items[{i}]");
            let named = format!("{what}, item '{}'", quote(&item.id));
            self.text(&item_at, &named, "title", &item.title, MAX_NAME_CHARS);
            self.text(&item_at, &named, "owner", &item.owner, MAX_NAME_CHARS);
            self.text(
                &item_at,
                &named,
                "evidence",
                &item.evidence,
                MAX_DESCRIPTION_CHARS,
            );
            if item.due_before.is_some_and(|d| !(0..=10_000).contains(&d)) {
                let message = format!("{named}: due_before must be 0 to 10000 working days");
                let path = format!("{item_at}.due_before");
                self.push(Code::ValueOutOfRange, path, vec![item.id.clone()], message);
            }
            let waiver = item.waiver.clone().unwrap_or_default();
            self.date(&item_at, &named, "waiver.date", waiver.date);
            if item.status == ItemStatus::Waived {
                for (field, value) in [("approver", &waiver.approver), ("reason", &waiver.reason)] {
                    if value.trim().is_empty() {
                        let message = format!("{named} is waived without a {field}");
                        let path = format!("{item_at}.waiver.{field}");
                        let ids = vec![item.id.clone()];
                        self.push(Code::WaiverWithoutApproval, path, ids, message);
                    }
                }
            }
        }
    }

    fn go_no_go(&mut self, at: &str, record: &GoNoGo) {
        let what = format!("go/no-go of '{}'", quote(&record.milestone));
        self.milestone(at, &what, &record.milestone);
        self.date(at, &what, "date", record.date);
        self.date(at, &what, "next_review", record.next_review);
        for (r, risk) in record.risk_acceptances.iter().enumerate() {
            if !self.program.risks.iter().any(|known| &known.id == risk) {
                let message = format!("{what}: accepted risk '{}' does not exist", quote(risk));
                let path = format!("{at}.risk_acceptances[{r}]");
                self.push(Code::UnknownAcceptedRisk, path, vec![risk.clone()], message);
            }
        }
        match record.outcome {
            Outcome::ConditionalGo if record.risk_acceptances.is_empty() => {
                let message = format!("{what}: a Conditional Go names at least one accepted risk");
                let path = format!("{at}.risk_acceptances");
                self.push(Code::ConditionalGoWithoutRisk, path, vec![], message);
            }
            Outcome::NoGo if record.next_review.is_none() => {
                let message = format!("{what}: a No-Go needs the date of the next review");
                self.push(
                    Code::NoGoWithoutReview,
                    format!("{at}.next_review"),
                    vec![],
                    message,
                );
            }
            Outcome::Go => {
                if let Some(unmet) = go_refusal(self.program, &record.milestone) {
                    let message = format!(
                        "{what}: a Go is refused while hard gates are neither met nor waived: {}",
                        unmet.join(", ")
                    );
                    self.push(
                        Code::GoWithUnmetGates,
                        format!("{at}.outcome"),
                        unmet,
                        message,
                    );
                }
            }
            _ => {}
        }
    }

    fn runbook(&mut self, at: &str, runbook: &Runbook) {
        let what = format!("runbook of '{}'", quote(&runbook.milestone));
        self.milestone(at, &what, &runbook.milestone);
        self.text(at, &what, "time_zone", &runbook.time_zone, MAX_ID_CHARS);
        let ids = runbook.steps.iter().map(|s| s.id.as_str());
        self.unique(at, "steps", &what, "step", ids);
        let known: HashSet<&str> = runbook.steps.iter().map(|s| s.id.as_str()).collect();
        for (s, step) in runbook.steps.iter().enumerate() {
            let step_at = format!("{at}.steps[{s}]");
            let named = format!("{what}, step '{}'", quote(&step.id));
            self.text(&step_at, &named, "title", &step.title, MAX_NAME_CHARS);
            self.text(&step_at, &named, "owner", &step.owner, MAX_NAME_CHARS);
            self.text(
                &step_at,
                &named,
                "rollback",
                &step.rollback,
                MAX_DESCRIPTION_CHARS,
            );
            let communication = &step.communication;
            self.text(
                &step_at,
                &named,
                "communication",
                communication,
                MAX_DESCRIPTION_CHARS,
            );
            for (a, after) in step.after.iter().enumerate() {
                if !known.contains(after.as_str()) {
                    let message = format!("{named}: after names unknown step '{}'", quote(after));
                    let path = format!("{step_at}.after[{a}]");
                    self.push(Code::UnknownStep, path, vec![after.clone()], message);
                }
            }
            if let Some(minutes) = step.duration_minutes.filter(|m| *m <= 0) {
                let message = format!("{named}: duration_minutes {minutes} must be more than 0");
                let path = format!("{step_at}.duration_minutes");
                self.push(
                    Code::InvalidStepDuration,
                    path,
                    vec![step.id.clone()],
                    message,
                );
            }
            if let (Some(start), Some(finish)) = (step.actual_start, step.actual_finish)
                && finish < start
            {
                let message = format!(
                    "{named}: actual_finish {} is before actual_start {}",
                    finish.to_text(),
                    start.to_text()
                );
                let path = format!("{step_at}.actual_finish");
                self.push(
                    Code::StepFinishBeforeStart,
                    path,
                    vec![step.id.clone()],
                    message,
                );
            }
        }
        if let Some(cycle) = step_cycle(runbook) {
            let message = format!(
                "{what}: steps wait for each other in a cycle: {}",
                cycle.join(" → ")
            );
            self.push(Code::StepCycle, format!("{at}.steps"), cycle, message);
        }
    }

    fn review(&mut self, at: &str, review: &Review) {
        let what = format!("review of '{}'", quote(&review.milestone));
        self.milestone(at, &what, &review.milestone);
        self.date(at, &what, "date", review.date);
        for (a, action) in review.actions.iter().enumerate() {
            let action_at = format!("{at}.actions[{a}]");
            let named = format!("{what}, action {}", a + 1);
            self.text(
                &action_at,
                &named,
                "text",
                &action.text,
                MAX_DESCRIPTION_CHARS,
            );
            self.text(&action_at, &named, "owner", &action.owner, MAX_NAME_CHARS);
            self.date(&action_at, &named, "due", action.due);
            if let Some(issue) = &action.issue
                && !self.program.logs.issues.iter().any(|i| &i.id == issue)
            {
                let message = format!("{named}: issue '{}' is not in the RAID log", quote(issue));
                let path = format!("{action_at}.issue");
                self.push(
                    Code::UnknownLogReference,
                    path,
                    vec![issue.clone()],
                    message,
                );
            }
        }
    }
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
