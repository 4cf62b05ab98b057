//! Stage 2 of reading: the top-level fields to a checked program, with every problem at once.
//!
//! Each section and each item is decoded on its own, from its own piece of the text, so one
//! bad task does not hide the next and no JSON tree of the whole file is ever built; a
//! problem names its item and field (`tasks[3].duration`, `scenarios[0].changes[2].days`).
//! Then the values the file keeps beside the program are checked
//! ([`engine::check::stored`]: scenarios and baselines), and a program whose structure is
//! sound is checked by the engine (text sizes, duplicate ids, unknown references, cycles …);
//! their problems are reported the same way. However many there are, at most
//! [`MAX_PROBLEMS`] are listed and the rest counted. Nothing is returned unless all is well:
//! a file is taken whole or not at all.

mod board;
mod logs;
mod readiness;
mod scenario;
mod status;
mod wording;

use crate::extras::{MAX_KEPT_VALUES, dependency_item};
use crate::raw::{Fields, Top, field, kind, list, object, without_position};
use crate::{Document, Extras, FileError, Problem};
use engine::baseline::Baseline;
use engine::check::stored;
use engine::scenario::Scenario;
use engine::text::{MAX_ID_CHARS, is_blank, length_problem, quote};
use engine::words::thousands;
use engine::{Calendar, Dependency, Program, ProgramInfo, Resource, Risk, Task, Workstream};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use wording::plain;

/// At most this many problems are listed; the rest are counted.
pub const MAX_PROBLEMS: usize = 100;

pub(crate) use logs::LOG_ITEM_FIELDS;
pub(crate) use readiness::{READINESS_ITEM_FIELDS, READINESS_PART_FIELDS};

pub(crate) const TOP_FIELDS: &[&str] = &[
    "format",
    "version",
    "id",
    "program",
    "calendar",
    "workstreams",
    "tasks",
    "dependencies",
    "risks",
    "resources",
    "logs",
    "readiness",
    "status",
    "board",
    "scenarios",
    "baselines",
    "active_baseline",
];
pub(crate) const PROGRAM_FIELDS: &[&str] =
    &["name", "start", "status_date", "finish_by", "critical_path"];
pub(crate) const CALENDAR_FIELDS: &[&str] = &["workdays", "holidays"];
pub(crate) const WORKSTREAM_FIELDS: &[&str] = &["id", "name", "calendar", "color"];
pub(crate) const TASK_FIELDS: &[&str] = &[
    "id",
    "name",
    "workstream",
    "duration",
    "milestone",
    "constraint",
    "deadline",
    "actual_start",
    "actual_finish",
    "percent_complete",
    "estimate",
    "parent",
    "summary",
    "demands",
    "priority",
    "leveled_start",
];
pub(crate) const RESOURCE_FIELDS: &[&str] = &["id", "name", "capacity", "calendar", "availability"];
pub(crate) const CONSTRAINT_FIELDS: &[&str] = &["type", "date"];
pub(crate) const RISK_FIELDS: &[&str] = &[
    "id",
    "title",
    "probability",
    "impact",
    "tasks",
    "description",
    "category",
    "owner",
    "raised",
    "severity",
    "response",
    "actions",
    "status",
    "mitigated",
];
pub(crate) const SCENARIO_FIELDS: &[&str] = &["id", "name", "description", "changes"];
pub(crate) const BASELINE_FIELDS: &[&str] = &["id", "name", "saved_on", "tasks"];
pub(crate) const DEPENDENCY_FIELDS: &[&str] = &["from", "to", "type", "lag"];

pub(crate) fn decode(top: Top<'_>) -> Result<Document, FileError> {
    let mut d = Decoder::default();
    d.keep("", String::new, &top.fields, TOP_FIELDS);
    let info = d.program_info(top.get("program"));
    let calendar = d.calendar(top.get("calendar"));
    let workstreams = d.items(
        "workstreams",
        top.get("workstreams"),
        |d, at, ws: &Workstream, fields| {
            d.keep(
                at,
                || format!("workstreams/{}", ws.id),
                fields,
                WORKSTREAM_FIELDS,
            );
            if let Some(calendar) = field(fields, "calendar").and_then(object) {
                let item = || format!("workstreams/{}/calendar", ws.id);
                d.keep(&format!("{at}.calendar"), item, &calendar, CALENDAR_FIELDS);
            }
        },
    );
    let tasks = d.items("tasks", top.get("tasks"), |d, at, task: &Task, fields| {
        d.keep(at, || format!("tasks/{}", task.id), fields, TASK_FIELDS);
        if let Some(constraint) = field(fields, "constraint").and_then(object) {
            let item = || format!("tasks/{}/constraint", task.id);
            d.keep(
                &format!("{at}.constraint"),
                item,
                &constraint,
                CONSTRAINT_FIELDS,
            );
        }
    });
    let dependencies = d.items(
        "dependencies",
        top.get("dependencies"),
        |d, at, dep: &Dependency, fields| {
            d.keep(
                at,
                || dependency_item(&dep.from, &dep.to),
                fields,
                DEPENDENCY_FIELDS,
            );
        },
    );
    let risks = d.items("risks", top.get("risks"), |d, at, risk: &Risk, fields| {
        d.keep(at, || format!("risks/{}", risk.id), fields, RISK_FIELDS);
    });
    let resources = d.items(
        "resources",
        top.get("resources"),
        |d, at, resource: &Resource, fields| {
            let item = || format!("resources/{}", resource.id);
            d.keep(at, item, fields, RESOURCE_FIELDS);
            if let Some(calendar) = field(fields, "calendar").and_then(object) {
                let item = || format!("resources/{}/calendar", resource.id);
                d.keep(&format!("{at}.calendar"), item, &calendar, CALENDAR_FIELDS);
            }
        },
    );
    let logs = d.logs(top.get("logs"));
    let readiness = d.readiness(top.get("readiness"));
    let status = d.status(top.get("status"));
    let board = d.board(top.get("board"));
    let id = d.id(top.get("id"));
    let scenarios = d.items(
        "scenarios",
        top.get("scenarios"),
        |d, at, scenario: &Scenario, fields| {
            d.engine_problems(stored::scenario(at, scenario));
            d.keep(
                at,
                || format!("scenarios/{}", scenario.id),
                fields,
                SCENARIO_FIELDS,
            );
        },
    );
    let baselines = d.items(
        "baselines",
        top.get("baselines"),
        |d, at, baseline: &Baseline, fields| {
            d.engine_problems(stored::baseline(at, baseline));
            d.keep(
                at,
                || format!("baselines/{}", baseline.id),
                fields,
                BASELINE_FIELDS,
            );
        },
    );
    let active_baseline = d.active_baseline(top.get("active_baseline"), &baselines);
    d.unique_ids("scenarios", scenarios.iter().map(|s| s.id.as_str()));
    d.unique_ids("baselines", baselines.iter().map(|b| b.id.as_str()));
    d.scenarios_named(&logs, &scenarios);
    let Some(info) = info else {
        return Err(d.failed());
    };
    if !d.problems.is_empty() {
        return Err(d.failed());
    }
    let program = Program {
        program: info,
        calendar,
        workstreams,
        tasks,
        dependencies,
        risks,
        resources,
        logs,
        readiness,
        status,
        board,
    };
    if let Err(diagnostics) = engine::check(&program) {
        d.engine_problems(diagnostics.0);
        return Err(d.failed());
    }
    Ok(Document {
        id,
        program,
        scenarios,
        baselines,
        active_baseline,
        extras: d.extras,
    })
}

struct Decoder {
    problems: Vec<Problem>,
    /// Problems found beyond [`MAX_PROBLEMS`], and where the first of them is.
    left_out: (usize, Option<String>),
    extras: Extras,
    /// How many more values unknown fields may keep.
    budget: usize,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder {
            problems: Vec::new(),
            left_out: (0, None),
            extras: Extras::default(),
            budget: MAX_KEPT_VALUES,
        }
    }
}

impl Decoder {
    fn problem(&mut self, path: String, message: String) {
        self.push(Problem {
            path,
            message,
            code: None,
        });
    }

    /// Records a problem, its message cut to a readable length, or counts it past the
    /// listed ones.
    fn push(&mut self, mut problem: Problem) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.left_out.0 += 1;
            self.left_out.1.get_or_insert(problem.path);
            return;
        }
        if let Some((at, _)) = problem.message.char_indices().nth(400) {
            problem.message.truncate(at);
            problem.message.push('…');
        }
        self.problems.push(problem);
    }

    fn engine_problems(&mut self, diagnostics: Vec<engine::Diagnostic>) {
        for d in diagnostics {
            self.push(Problem {
                path: d.path,
                message: d.message,
                code: Some(d.code.as_str()),
            });
        }
    }

    /// Every problem, those left out summarised.
    fn failed(mut self) -> FileError {
        let (more, first) = self.left_out;
        if let Some(path) = first {
            let all = self.problems.len() + more;
            self.problems.push(Problem {
                path,
                message: format!(
                    "… and {} more problems ({} in all; the first {MAX_PROBLEMS} are listed)",
                    thousands(more),
                    thousands(all)
                ),
                code: None,
            });
        }
        FileError::Invalid {
            problems: self.problems,
        }
    }

    /// Keeps the unknown fields of the item at `at` (its path) under `item`, within the
    /// budget of kept values.
    fn keep(
        &mut self,
        at: &str,
        item: impl FnOnce() -> String,
        fields: &Fields<'_>,
        known: &[&str],
    ) {
        if let Err(key) = self.extras.keep(item, fields, known, &mut self.budget) {
            let path = if at.is_empty() {
                key
            } else {
                format!("{at}.{key}")
            };
            self.problem(
                path,
                format!(
                    "this version of Planwork does not know this field, and keeps at most {} values in the fields it does not know",
                    thousands(MAX_KEPT_VALUES)
                ),
            );
            self.budget = 0;
        }
    }

    fn id(&mut self, raw: Option<&RawValue>) -> Option<String> {
        let raw = raw?;
        let problem = match serde_json::from_str::<String>(raw.get()) {
            Ok(id) if is_blank(&id) => {
                "the program's id is blank: it has no letter, digit or sign that shows".to_string()
            }
            Ok(id) => match length_problem(&id, MAX_ID_CHARS, "a program id") {
                None => return Some(id),
                Some(problem) => problem,
            },
            Err(_) => format!("expected the program's id as text, found {}", kind(raw)),
        };
        self.problem("id".into(), problem);
        None
    }

    /// The active baseline must be one of the baselines.
    fn active_baseline(
        &mut self,
        raw: Option<&RawValue>,
        baselines: &[Baseline],
    ) -> Option<String> {
        let raw = raw?;
        let problem = match serde_json::from_str::<String>(raw.get()) {
            Ok(id) if baselines.iter().any(|b| b.id == id) => return Some(id),
            Ok(id) => format!("there is no baseline '{}'", quote(&id)),
            Err(_) => format!("expected a baseline id, found {}", kind(raw)),
        };
        self.problem("active_baseline".into(), problem);
        None
    }

    /// Ids in `section` must be present and unique.
    fn unique_ids<'a>(&mut self, section: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = std::collections::HashSet::new();
        for (i, id) in ids.enumerate() {
            if is_blank(id) {
                self.problem(
                    format!("{section}[{i}].id"),
                    "missing: every item needs an id".into(),
                );
            } else if !seen.insert(id) {
                self.problem(
                    format!("{section}[{i}].id"),
                    format!("'{}' is used more than once", quote(id)),
                );
            }
        }
    }

    fn program_info(&mut self, raw: Option<&RawValue>) -> Option<ProgramInfo> {
        let Some(raw) = raw else {
            self.problem(
                "program".into(),
                "missing: the program's name and start date".into(),
            );
            return None;
        };
        if let Some(fields) = object(raw) {
            self.keep("program", || "program".into(), &fields, PROGRAM_FIELDS);
        }
        self.value("program", raw)
    }

    fn calendar(&mut self, raw: Option<&RawValue>) -> Calendar {
        let Some(raw) = raw else {
            return Calendar::default();
        };
        if let Some(fields) = object(raw) {
            self.keep("calendar", || "calendar".into(), &fields, CALENDAR_FIELDS);
        }
        self.value("calendar", raw).unwrap_or_default()
    }

    /// Decodes each element of the list `section`; `keep` files the item's unknown fields
    /// (given the item's path and its fields).
    fn items<T: Item>(
        &mut self,
        section: &str,
        raw: Option<&RawValue>,
        mut keep: impl FnMut(&mut Self, &str, &T, &Fields<'_>),
    ) -> Vec<T> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        let Some(elements) = list(raw) else {
            self.problem(
                section.into(),
                format!("expected a list, found {}", kind(raw)),
            );
            return Vec::new();
        };
        let mut items = Vec::with_capacity(elements.len());
        for (i, element) in elements.into_iter().enumerate() {
            let path = format!("{section}[{i}]");
            let Some(fields) = object(element) else {
                self.problem(path, format!("expected an object, found {}", kind(element)));
                continue;
            };
            if let Some(item) = T::decode(self, &path, element, &fields) {
                keep(self, &path, &item, &fields);
                items.push(item);
            }
        }
        items
    }

    /// Decodes one value, or records the problem at `path` and the field inside it.
    fn value<T: DeserializeOwned>(&mut self, path: &str, raw: &RawValue) -> Option<T> {
        // Most values decode: try without tracking the path, which costs a third more.
        if let Ok(decoded) = serde_json::from_str(raw.get()) {
            return Some(decoded);
        }
        let mut deserializer = serde_json::Deserializer::from_str(raw.get());
        match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
            Ok(decoded) => Some(decoded),
            Err(error) => {
                let inner = error.path().to_string();
                let full = if inner == "." {
                    path.to_string()
                } else if inner.starts_with('[') {
                    format!("{path}{inner}")
                } else {
                    format!("{path}.{inner}")
                };
                self.problem(
                    full,
                    plain(&without_position(&error.into_inner().to_string())),
                );
                None
            }
        }
    }
}

/// An item of a list: decoded whole by serde, except where a field's path would be lost.
trait Item: Sized {
    fn decode(d: &mut Decoder, path: &str, raw: &RawValue, fields: &Fields<'_>) -> Option<Self>;
}

macro_rules! items_decoded_whole {
    ($($t:ty),*) => {$(
        impl Item for $t {
            fn decode(d: &mut Decoder, path: &str, raw: &RawValue, _: &Fields<'_>) -> Option<Self> {
                d.value(path, raw)
            }
        }
    )*};
}
items_decoded_whole!(Workstream, Task, Dependency, Risk, Resource, Baseline);
items_decoded_whole!(
    engine::logs::model::Assumption,
    engine::logs::model::Issue,
    engine::logs::model::Commitment,
    engine::logs::model::Decision,
    engine::logs::model::ChangeRequest
);
items_decoded_whole!(
    engine::readiness::model::Checklist,
    engine::readiness::model::Template,
    engine::readiness::model::GoNoGo,
    engine::readiness::model::Runbook,
    engine::readiness::model::Review
);
items_decoded_whole!(engine::status::Pack, engine::board::Objective);

#[cfg(test)]
mod tests;
