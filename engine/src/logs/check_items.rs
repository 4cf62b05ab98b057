//! The checks of each log's items (see [`super::check`]): a risk's log fields, an
//! assumption, an issue, a cross-team dependency, a decision, a change request, the charter
//! and its benefits.

use std::collections::HashSet;

use super::check::{At, LogCheck};
use super::model::{Assumption, Benefit, ChangeRequest, Charter, Commitment, Decision, Issue};
use crate::check::date_in_range;
use crate::diagnostics::Code;
use crate::model::{Impact, Risk};
use crate::text::{MAX_DESCRIPTION_CHARS, MAX_ID_CHARS, MAX_NAME_CHARS, quote};

impl LogCheck<'_> {
    // --- Each log ------------------------------------------------------------------------

    /// A risk's log fields (its forecast fields are checked with the forecast's: E019).
    pub(super) fn risk(&mut self, at: At<'_>, risk: &Risk) {
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

    pub(super) fn assumption(&mut self, at: At<'_>, item: &Assumption) {
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

    pub(super) fn issue(&mut self, at: At<'_>, item: &Issue) {
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

    pub(super) fn commitment(&mut self, at: At<'_>, item: &Commitment) {
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

    pub(super) fn decision(&mut self, at: At<'_>, item: &Decision) {
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

    pub(super) fn change(&mut self, at: At<'_>, item: &ChangeRequest) {
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

    pub(super) fn charter(&mut self, charter: &Charter) {
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
