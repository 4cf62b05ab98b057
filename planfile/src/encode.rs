//! Writing: a document to the bytes of a program file, always the same bytes for the same
//! document.
//!
//! Keys come in the order of the model (then unknown fields, in the order they were read),
//! items in program order, pretty-printed with two spaces and a final newline.

use crate::extras::dependency_item;
use crate::{Document, FORMAT, VERSION};
use serde::Serialize;
use serde_json::{Map, Value};

pub(crate) fn encode(document: &Document) -> String {
    let program = &document.program;
    let extras = &document.extras;
    let mut top = Map::new();
    top.insert("format".into(), Value::from(FORMAT));
    top.insert("version".into(), Value::from(VERSION));
    if let Some(id) = &document.id {
        top.insert("id".into(), Value::from(id.as_str()));
    }
    top.insert(
        "program".into(),
        object(&program.program, |o| extras.restore("program", o)),
    );
    top.insert(
        "calendar".into(),
        object(&program.calendar, |o| extras.restore("calendar", o)),
    );
    let workstreams = program.workstreams.iter().map(|ws| {
        object(ws, |o| {
            extras.restore(&format!("workstreams/{}", ws.id), o);
            if let Some(Value::Object(calendar)) = o.get_mut("calendar") {
                extras.restore(&format!("workstreams/{}/calendar", ws.id), calendar);
            }
        })
    });
    top.insert("workstreams".into(), Value::Array(workstreams.collect()));
    let tasks = program.tasks.iter().map(|task| {
        object(task, |o| {
            extras.restore(&format!("tasks/{}", task.id), o);
            if let Some(Value::Object(constraint)) = o.get_mut("constraint") {
                extras.restore(&format!("tasks/{}/constraint", task.id), constraint);
            }
        })
    });
    top.insert("tasks".into(), Value::Array(tasks.collect()));
    let dependencies = program.dependencies.iter().map(|dep| {
        object(dep, |o| {
            extras.restore(&dependency_item(&dep.from, &dep.to), o)
        })
    });
    top.insert("dependencies".into(), Value::Array(dependencies.collect()));
    if !program.risks.is_empty() {
        let risks = program
            .risks
            .iter()
            .map(|risk| object(risk, |o| extras.restore(&format!("risks/{}", risk.id), o)));
        top.insert("risks".into(), Value::Array(risks.collect()));
    }
    if !document.scenarios.is_empty() {
        let scenarios = document.scenarios.iter().map(|scenario| {
            object(scenario, |o| {
                extras.restore(&format!("scenarios/{}", scenario.id), o)
            })
        });
        top.insert("scenarios".into(), Value::Array(scenarios.collect()));
    }
    if !document.baselines.is_empty() {
        let baselines = document.baselines.iter().map(|baseline| {
            object(baseline, |o| {
                extras.restore(&format!("baselines/{}", baseline.id), o)
            })
        });
        top.insert("baselines".into(), Value::Array(baselines.collect()));
    }
    if let Some(active) = &document.active_baseline {
        top.insert("active_baseline".into(), Value::from(active.as_str()));
    }
    extras.restore("", &mut top);
    // Writing a JSON tree to a string cannot fail: every key is a string and no IO is done.
    let mut text = serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_default();
    text.push('\n');
    text
}

/// `item` as a JSON object, then `finish` adds what the model does not know.
fn object<T: Serialize>(item: &T, finish: impl FnOnce(&mut Map<String, Value>)) -> Value {
    let mut value = serde_json::to_value(item).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        finish(map);
    }
    value
}
