//! Stage 2 of reading: a JSON tree to a checked program, with every problem at once.
//!
//! Each section and each item is decoded on its own, so one bad task does not hide the
//! next; a problem names its item and field (`tasks[3].duration`). A program whose
//! structure is sound is then checked by the engine (duplicate ids, unknown references,
//! cycles …) and its errors are reported the same way. Nothing is returned unless all is
//! well: a file is taken whole or not at all.

use crate::extras::dependency_item;
use crate::{Document, Extras, FileError, Problem};
use engine::baseline::Baseline;
use engine::scenario::Scenario;
use engine::{Calendar, Dependency, Program, ProgramInfo, Risk, Task, Workstream};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

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
];
pub(crate) const CONSTRAINT_FIELDS: &[&str] = &["type", "date"];
pub(crate) const RISK_FIELDS: &[&str] = &["id", "title", "probability", "impact", "tasks"];
pub(crate) const SCENARIO_FIELDS: &[&str] = &["id", "name", "description", "changes"];
pub(crate) const BASELINE_FIELDS: &[&str] = &["id", "name", "saved_on", "tasks"];
pub(crate) const DEPENDENCY_FIELDS: &[&str] = &["from", "to", "type", "lag"];

pub(crate) fn decode(top: Map<String, Value>) -> Result<Document, FileError> {
    let mut decoder = Decoder {
        problems: Vec::new(),
        extras: Extras::default(),
    };
    decoder.extras.keep(String::new(), &top, TOP_FIELDS);
    let info = decoder.program_info(top.get("program"));
    let calendar = decoder.calendar(top.get("calendar"));
    let workstreams = decoder.items(
        "workstreams",
        top.get("workstreams"),
        |d, ws: &Workstream, object| {
            d.extras
                .keep(format!("workstreams/{}", ws.id), object, WORKSTREAM_FIELDS);
            if let Some(Value::Object(calendar)) = object.get("calendar") {
                d.extras.keep(
                    format!("workstreams/{}/calendar", ws.id),
                    calendar,
                    CALENDAR_FIELDS,
                );
            }
        },
    );
    let tasks = decoder.items("tasks", top.get("tasks"), |d, task: &Task, object| {
        d.extras
            .keep(format!("tasks/{}", task.id), object, TASK_FIELDS);
        if let Some(Value::Object(constraint)) = object.get("constraint") {
            d.extras.keep(
                format!("tasks/{}/constraint", task.id),
                constraint,
                CONSTRAINT_FIELDS,
            );
        }
    });
    let dependencies = decoder.items(
        "dependencies",
        top.get("dependencies"),
        |d, dep: &Dependency, object| {
            d.extras.keep(
                dependency_item(&dep.from, &dep.to),
                object,
                DEPENDENCY_FIELDS,
            );
        },
    );
    let risks = decoder.items("risks", top.get("risks"), |d, risk: &Risk, object| {
        d.extras
            .keep(format!("risks/{}", risk.id), object, RISK_FIELDS);
    });
    let id = decoder.id(top.get("id"));
    let scenarios = decoder.items(
        "scenarios",
        top.get("scenarios"),
        |d, scenario: &Scenario, object| {
            d.extras.keep(
                format!("scenarios/{}", scenario.id),
                object,
                SCENARIO_FIELDS,
            );
        },
    );
    let baselines = decoder.items(
        "baselines",
        top.get("baselines"),
        |d, baseline: &Baseline, object| {
            d.extras.keep(
                format!("baselines/{}", baseline.id),
                object,
                BASELINE_FIELDS,
            );
        },
    );
    let active_baseline = decoder.active_baseline(top.get("active_baseline"), &baselines);
    decoder.unique_ids("scenarios", scenarios.iter().map(|s| s.id.as_str()));
    decoder.unique_ids("baselines", baselines.iter().map(|b| b.id.as_str()));
    let Decoder {
        mut problems,
        extras,
    } = decoder;
    let Some(info) = info else {
        return Err(FileError::Invalid { problems });
    };
    if !problems.is_empty() {
        return Err(FileError::Invalid { problems });
    }
    let program = Program {
        program: info,
        calendar,
        workstreams,
        tasks,
        dependencies,
        risks,
    };
    if let Err(diagnostics) = engine::check(&program) {
        problems.extend(diagnostics.0.into_iter().map(|d| Problem {
            path: d.path,
            message: d.message,
            code: Some(d.code.as_str()),
        }));
        return Err(FileError::Invalid { problems });
    }
    Ok(Document {
        id,
        program,
        scenarios,
        baselines,
        active_baseline,
        extras,
    })
}

struct Decoder {
    problems: Vec<Problem>,
    extras: Extras,
}

impl Decoder {
    fn problem(&mut self, path: String, message: String) {
        self.problems.push(Problem {
            path,
            message,
            code: None,
        });
    }

    fn id(&mut self, value: Option<&Value>) -> Option<String> {
        match value? {
            Value::String(id) if !id.trim().is_empty() => Some(id.clone()),
            other => {
                self.problem(
                    "id".into(),
                    format!("expected the program's id as text, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// The active baseline must be one of the baselines.
    fn active_baseline(&mut self, value: Option<&Value>, baselines: &[Baseline]) -> Option<String> {
        match value? {
            Value::String(id) if baselines.iter().any(|b| &b.id == id) => Some(id.clone()),
            Value::String(id) => {
                self.problem(
                    "active_baseline".into(),
                    format!("there is no baseline '{id}'"),
                );
                None
            }
            other => {
                self.problem(
                    "active_baseline".into(),
                    format!("expected a baseline id, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// Ids in `section` must be present and unique.
    fn unique_ids<'a>(&mut self, section: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = std::collections::HashSet::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.problem(
                    format!("{section}[{i}].id"),
                    "missing: every item needs an id".into(),
                );
            } else if !seen.insert(id) {
                self.problem(
                    format!("{section}[{i}].id"),
                    format!("'{id}' is used more than once"),
                );
            }
        }
    }

    fn program_info(&mut self, value: Option<&Value>) -> Option<ProgramInfo> {
        let Some(value) = value else {
            self.problem(
                "program".into(),
                "missing: the program's name and start date".into(),
            );
            return None;
        };
        if let Value::Object(object) = value {
            self.extras.keep("program".into(), object, PROGRAM_FIELDS);
        }
        self.value("program", value)
    }

    fn calendar(&mut self, value: Option<&Value>) -> Calendar {
        let Some(value) = value else {
            return Calendar::default();
        };
        if let Value::Object(object) = value {
            self.extras.keep("calendar".into(), object, CALENDAR_FIELDS);
        }
        self.value("calendar", value).unwrap_or_default()
    }

    /// Decodes each element of the list `section`; `keep` files the item's unknown fields.
    fn items<T: DeserializeOwned>(
        &mut self,
        section: &str,
        value: Option<&Value>,
        keep: impl Fn(&mut Self, &T, &Map<String, Value>),
    ) -> Vec<T> {
        let elements = match value {
            None => return Vec::new(),
            Some(Value::Array(elements)) => elements,
            Some(other) => {
                self.problem(
                    section.into(),
                    format!("expected a list, found {}", kind(other)),
                );
                return Vec::new();
            }
        };
        let mut items = Vec::with_capacity(elements.len());
        for (i, element) in elements.iter().enumerate() {
            let path = format!("{section}[{i}]");
            let Value::Object(object) = element else {
                self.problem(path, format!("expected an object, found {}", kind(element)));
                continue;
            };
            if let Some(item) = self.value::<T>(&path, element) {
                keep(self, &item, object);
                items.push(item);
            }
        }
        items
    }

    /// Decodes one value, or records the problem at `path` and the field inside it.
    fn value<T: DeserializeOwned>(&mut self, path: &str, value: &Value) -> Option<T> {
        match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(decoded) => Some(decoded),
            Err(error) => {
                let inner = error.path().to_string();
                let full = if inner == "." {
                    path.to_string()
                } else {
                    format!("{path}.{inner}")
                };
                self.problem(full, plain(&error.into_inner().to_string()));
                None
            }
        }
    }
}

/// serde's wording, in a program manager's words.
fn plain(message: &str) -> String {
    const DATE_ERRORS: [&str; 6] = [
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is out of range",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
    ];
    if DATE_ERRORS.iter().any(|e| message.contains(e)) {
        return format!("not a date: expected YYYY-MM-DD ({message})");
    }
    if message.contains("weekday names expected") {
        return "not a weekday: expected Mon, Tue, Wed, Thu, Fri, Sat or Sun".to_string();
    }
    message
        .replace("expected i64", "expected a whole number")
        .replace("expected f64", "expected a number")
        .replace("invalid type: null", "missing value (null)")
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::baseline::BaselineTask;
    use engine::{Constraint, ConstraintKind, Impact, LinkType};

    /// The keys `value` serialises to, sorted.
    fn keys<T: serde::Serialize>(value: &T) -> Vec<String> {
        let mut keys: Vec<String> = match serde_json::to_value(value) {
            Ok(Value::Object(map)) => map.keys().cloned().collect(),
            other => panic!("not an object: {other:?}"),
        };
        keys.sort();
        keys
    }

    fn sorted(fields: &[&str]) -> Vec<String> {
        let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        fields.sort();
        fields
    }

    /// Every field of the model is in its known list, so a model field can never be taken
    /// for an unknown one (kept and written twice), and every known field is in the model.
    #[test]
    fn the_known_fields_are_the_model_fields() {
        let date = serde_json::from_str("\"2026-01-05\"").unwrap();
        let calendar = Calendar::default();
        let task = Task {
            id: "t".into(),
            name: "T".into(),
            workstream: "w".into(),
            duration: 0,
            milestone: true,
            constraint: Some(Constraint {
                kind: ConstraintKind::SNET,
                date: Some(date),
            }),
            deadline: Some(date),
            actual_start: Some(date),
            actual_finish: Some(date),
            percent_complete: 50.0,
            estimate: Some(Box::default()),
        };
        let info = ProgramInfo {
            name: "P".into(),
            start: date,
            status_date: Some(date),
            finish_by: Some(date),
            critical_path: engine::CriticalPath::LongestPath,
        };
        let workstream = Workstream {
            id: "w".into(),
            name: "W".into(),
            calendar: Some(calendar.clone()),
            color: Some("#2f6fde".into()),
        };
        let dependency = Dependency {
            from: "a".into(),
            to: "b".into(),
            kind: LinkType::SS,
            lag: 1,
        };
        let risk = Risk {
            id: "r".into(),
            title: "R".into(),
            probability: 0.5,
            impact: Impact { min: 1, max: 2 },
            tasks: vec![],
        };
        let scenario = Scenario {
            id: "s".into(),
            name: "S".into(),
            description: "d".into(),
            changes: vec![],
        };
        let baseline = Baseline {
            id: "b".into(),
            name: "B".into(),
            saved_on: date,
            tasks: vec![BaselineTask {
                id: "t".into(),
                start: date,
                finish: date,
            }],
        };
        assert_eq!(keys(&task), sorted(TASK_FIELDS));
        assert_eq!(keys(&info), sorted(PROGRAM_FIELDS));
        assert_eq!(keys(&calendar), sorted(CALENDAR_FIELDS));
        assert_eq!(keys(&workstream), sorted(WORKSTREAM_FIELDS));
        assert_eq!(keys(&task.constraint), sorted(CONSTRAINT_FIELDS));
        assert_eq!(keys(&dependency), sorted(DEPENDENCY_FIELDS));
        assert_eq!(keys(&risk), sorted(RISK_FIELDS));
        assert_eq!(keys(&scenario), sorted(SCENARIO_FIELDS));
        assert_eq!(keys(&baseline), sorted(BASELINE_FIELDS));
        let program = Program {
            risks: vec![risk],
            ..Program::default()
        };
        let mut top = keys(&program);
        top.extend(
            [
                "format",
                "version",
                "id",
                "scenarios",
                "baselines",
                "active_baseline",
            ]
            .map(String::from),
        );
        top.sort();
        assert_eq!(top, sorted(TOP_FIELDS));
    }
}
