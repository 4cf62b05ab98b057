//! The logs read from the file: `logs` decoded whole (a problem names its path, e.g.
//! `logs.issues[2].escalation`), the fields this version does not know kept under the item
//! they are in (`logs`, `logs/issues/I3`, `logs/charter`, `logs/charter/benefits/B1`), and
//! the scenario ids the logs name checked against the file's scenarios (the engine cannot
//! see them).

use super::{Decoder, Item};
use crate::raw::{Fields, field, kind, list, object};
use engine::Logs;
use engine::logs::model::{Assumption, ChangeRequest, Charter, Commitment, Decision, Issue};
use engine::scenario::Scenario;
use engine::text::quote;
use serde_json::value::RawValue;

pub(crate) const LOGS_FIELDS: &[&str] = &[
    "assumptions",
    "issues",
    "dependencies",
    "decisions",
    "changes",
    "charter",
];

/// Each log list and the fields of its items.
pub(crate) const LOG_ITEM_FIELDS: &[(&str, &[&str])] = &[
    (
        "assumptions",
        &[
            "id",
            "statement",
            "owner",
            "raised",
            "validate_by",
            "status",
            "tasks",
            "became",
        ],
    ),
    (
        "issues",
        &[
            "id",
            "title",
            "description",
            "severity",
            "owner",
            "opened",
            "due",
            "resolved",
            "status",
            "escalation",
            "tasks",
        ],
    ),
    (
        "dependencies",
        &[
            "id",
            "title",
            "provider",
            "consumer",
            "owner",
            "need_by",
            "committed",
            "status",
            "opened",
            "delivered",
            "task",
            "for_task",
        ],
    ),
    (
        "decisions",
        &[
            "id",
            "title",
            "context",
            "options",
            "decision",
            "driver",
            "approver",
            "contributors",
            "informed",
            "raised",
            "needed_by",
            "decided",
            "status",
            "links",
        ],
    ),
    (
        "changes",
        &[
            "id",
            "title",
            "reason",
            "requested_by",
            "requested",
            "scope",
            "scenario",
            "approver",
            "decision",
            "decided",
            "status",
        ],
    ),
];

pub(crate) const CHARTER_FIELDS: &[&str] = &[
    "purpose",
    "objectives",
    "scope_in",
    "scope_out",
    "stakeholders",
    "governance",
    "success_metrics",
    "benefits",
];

pub(crate) const BENEFIT_FIELDS: &[&str] = &[
    "id", "metric", "baseline", "target", "by", "method", "measured",
];

impl Decoder {
    /// The file's `logs`, or none (also when it has a problem, which is recorded). Each
    /// item is decoded on its own, so one bad item does not hide the next.
    pub(super) fn logs(&mut self, raw: Option<&RawValue>) -> Logs {
        let Some(raw) = raw else {
            return Logs::default();
        };
        let Some(fields) = object(raw) else {
            let problem = format!("expected an object of logs, found {}", kind(raw));
            self.problem("logs".into(), problem);
            return Logs::default();
        };
        self.keep("logs", || "logs".into(), &fields, LOGS_FIELDS);
        Logs {
            assumptions: self.log(&fields, "assumptions", |a: &Assumption| &a.id),
            issues: self.log(&fields, "issues", |i: &Issue| &i.id),
            dependencies: self.log(&fields, "dependencies", |d: &Commitment| &d.id),
            decisions: self.log(&fields, "decisions", |d: &Decision| &d.id),
            changes: self.log(&fields, "changes", |c: &ChangeRequest| &c.id),
            charter: self.charter(field(&fields, "charter")),
        }
    }

    /// The items of log `key`, each one's unknown fields kept as `logs/KEY/ID`.
    fn log<T: Item>(&mut self, fields: &Fields<'_>, key: &str, id: fn(&T) -> &str) -> Vec<T> {
        let known = LOG_ITEM_FIELDS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(&[][..], |(_, known)| *known);
        self.items(
            &format!("logs.{key}"),
            field(fields, key),
            |d, at, item: &T, item_fields| {
                let name = || format!("logs/{key}/{}", id(item));
                d.keep(at, name, item_fields, known);
            },
        )
    }

    /// The charter, its unknown fields kept as `logs/charter`, a benefit's as
    /// `logs/charter/benefits/ID`.
    fn charter(&mut self, raw: Option<&RawValue>) -> Option<Charter> {
        let raw = raw?;
        let charter: Charter = self.value("logs.charter", raw)?;
        if let Some(fields) = object(raw) {
            let item = || "logs/charter".to_string();
            self.keep("logs.charter", item, &fields, CHARTER_FIELDS);
            if let Some(benefits) = field(&fields, "benefits").and_then(list) {
                for (b, (element, benefit)) in
                    benefits.into_iter().zip(&charter.benefits).enumerate()
                {
                    if let Some(benefit_fields) = object(element) {
                        let name = || format!("logs/charter/benefits/{}", benefit.id);
                        let at = format!("logs.charter.benefits[{b}]");
                        self.keep(&at, name, &benefit_fields, BENEFIT_FIELDS);
                    }
                }
            }
        }
        Some(charter)
    }

    /// A change request's scenario and a decision's scenarios must be the file's.
    pub(super) fn scenarios_named(&mut self, logs: &Logs, scenarios: &[Scenario]) {
        let known = |id: &str| scenarios.iter().any(|s| s.id == id);
        for (c, change) in logs.changes.iter().enumerate() {
            if let Some(id) = change.scenario.as_deref().filter(|id| !known(id)) {
                self.problem(
                    format!("logs.changes[{c}].scenario"),
                    format!(
                        "change request '{}' names scenario '{}', which is not in the file",
                        quote(&change.id),
                        quote(id)
                    ),
                );
            }
        }
        for (d, decision) in logs.decisions.iter().enumerate() {
            for (s, id) in decision.links.scenarios.iter().enumerate() {
                if !known(id) {
                    self.problem(
                        format!("logs.decisions[{d}].links.scenarios[{s}]"),
                        format!(
                            "decision '{}' names scenario '{}', which is not in the file",
                            quote(&decision.id),
                            quote(id)
                        ),
                    );
                }
            }
        }
    }
}
