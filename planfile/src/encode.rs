//! Writing: a document to the bytes of a program file, always the same bytes for the same
//! document.
//!
//! Keys come in the order of the model (then unknown fields, in the order they were read),
//! items in program order, pretty-printed with two spaces and a final newline, as
//! `serde_json`'s pretty printer writes a whole tree — but written item by item, so that no
//! JSON tree of the whole program is built (it costs ten to thirty times the text).

use crate::decode::{LOG_ITEM_FIELDS, READINESS_ITEM_FIELDS, READINESS_PART_FIELDS};
use crate::extras::dependency_item;
use crate::{Document, Extras, FORMAT, VERSION};
use serde::Serialize;
use serde_json::{Map, Value};

pub(crate) fn encode(document: &Document) -> String {
    let program = &document.program;
    let extras = &document.extras;
    let mut top = Top {
        text: String::new(),
        keys: Vec::new(),
        plain: extras.is_empty(),
    };
    top.value("format", &Value::from(FORMAT));
    top.value("version", &Value::from(VERSION));
    if let Some(id) = &document.id {
        top.value("id", &Value::from(id.as_str()));
    }
    top.item("program", &program.program, |o| {
        extras.restore("program", o)
    });
    top.item("calendar", &program.calendar, |o| {
        extras.restore("calendar", o)
    });
    top.list("workstreams", &program.workstreams, |ws, o| {
        extras.restore(&format!("workstreams/{}", ws.id), o);
        if let Some(Value::Object(calendar)) = o.get_mut("calendar") {
            extras.restore(&format!("workstreams/{}/calendar", ws.id), calendar);
        }
    });
    top.list("tasks", &program.tasks, |task, o| {
        extras.restore(&format!("tasks/{}", task.id), o);
        if let Some(Value::Object(constraint)) = o.get_mut("constraint") {
            extras.restore(&format!("tasks/{}/constraint", task.id), constraint);
        }
    });
    top.list("dependencies", &program.dependencies, |dep, o| {
        extras.restore(&dependency_item(&dep.from, &dep.to), o)
    });
    if !program.risks.is_empty() {
        top.list("risks", &program.risks, |risk, o| {
            extras.restore(&format!("risks/{}", risk.id), o)
        });
    }
    if !program.resources.is_empty() {
        top.list("resources", &program.resources, |resource, o| {
            extras.restore(&format!("resources/{}", resource.id), o);
            if let Some(Value::Object(calendar)) = o.get_mut("calendar") {
                extras.restore(&format!("resources/{}/calendar", resource.id), calendar);
            }
        });
    }
    // A part with nothing this version knows is still written for what it does not.
    if !program.logs.is_empty() || extras.of("logs").is_some() {
        top.item("logs", &program.logs, |o| restore_logs(extras, o));
    }
    if !program.readiness.is_empty() || extras.of("readiness").is_some() {
        top.item("readiness", &program.readiness, |o| {
            restore_readiness(extras, o)
        });
    }
    if !program.status.is_empty() || extras.of("status").is_some() {
        top.item("status", &program.status, |o| restore_status(extras, o));
    }
    if !program.board.is_empty() || extras.of("board").is_some() {
        top.item("board", &program.board, |o| restore_board(extras, o));
    }
    if !document.scenarios.is_empty() {
        top.list("scenarios", &document.scenarios, |scenario, o| {
            extras.restore(&format!("scenarios/{}", scenario.id), o)
        });
    }
    if !document.baselines.is_empty() {
        top.list("baselines", &document.baselines, |baseline, o| {
            extras.restore(&format!("baselines/{}", baseline.id), o)
        });
    }
    if let Some(active) = &document.active_baseline {
        top.value("active_baseline", &Value::from(active.as_str()));
    }
    for (key, value) in extras.of("").into_iter().flatten() {
        if !top.keys.contains(key) {
            top.value(key, value);
        }
    }
    top.finish()
}

/// Adds the unknown fields of the logs, their items, the charter and its benefits.
fn restore_logs(extras: &Extras, logs: &mut Map<String, Value>) {
    extras.restore("logs", logs);
    for (key, _) in LOG_ITEM_FIELDS {
        if let Some(Value::Array(items)) = logs.get_mut(*key) {
            restore_items(extras, &format!("logs/{key}"), items);
        }
    }
    if let Some(Value::Object(charter)) = logs.get_mut("charter") {
        extras.restore("logs/charter", charter);
        if let Some(Value::Array(benefits)) = charter.get_mut("benefits") {
            restore_items(extras, "logs/charter/benefits", benefits);
        }
    }
}

/// Adds the unknown fields of readiness, of each of its parts (by position) and of their
/// items (by id).
fn restore_readiness(extras: &Extras, readiness: &mut Map<String, Value>) {
    extras.restore("readiness", readiness);
    for (key, _) in READINESS_PART_FIELDS {
        let Some(Value::Array(parts)) = readiness.get_mut(*key) else {
            continue;
        };
        for (n, part) in parts.iter_mut().enumerate() {
            let Value::Object(object) = part else {
                continue;
            };
            let name = format!("readiness/{key}/{n}");
            extras.restore(&name, object);
            for (_, list, _) in READINESS_ITEM_FIELDS.iter().filter(|(k, ..)| k == key) {
                if let Some(Value::Array(items)) = object.get_mut(*list) {
                    restore_items(extras, &format!("{name}/{list}"), items);
                }
            }
        }
    }
}

/// Adds to each item of `items` the unknown fields filed under `under/ID`.
fn restore_items(extras: &Extras, under: &str, items: &mut [Value]) {
    for item in items {
        if let Value::Object(object) = item {
            let id = object.get("id").and_then(Value::as_str).unwrap_or_default();
            let name = format!("{under}/{id}");
            extras.restore(&name, object);
        }
    }
}

/// `item` pretty-printed, with what the model does not know added by `finish` unless the
/// document has no unknown fields (`plain`): then it is written straight from the model.
fn item_text<T: Serialize>(
    item: &T,
    plain: bool,
    finish: impl FnOnce(&mut Map<String, Value>),
) -> String {
    if plain {
        // Writing a value to a string cannot fail: every key is a string and no IO is done.
        return serde_json::to_string_pretty(item).unwrap_or_default();
    }
    let mut value = serde_json::to_value(item).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        finish(map);
    }
    pretty(&value)
}

/// The top-level object as it is written, field by field.
struct Top {
    text: String,
    /// The keys written so far.
    keys: Vec<String>,
    /// The document has no unknown fields.
    plain: bool,
}

impl Top {
    /// Starts the field `key`.
    fn key(&mut self, key: &str) {
        self.text.push_str(if self.keys.is_empty() {
            "{\n  "
        } else {
            ",\n  "
        });
        self.text.push_str(&Value::from(key).to_string());
        self.text.push_str(": ");
        self.keys.push(key.to_string());
    }

    fn value(&mut self, key: &str, value: &Value) {
        self.key(key);
        push_indented(&mut self.text, &pretty(value), "  ");
    }

    /// A field holding one item of the model; `finish` adds its unknown fields.
    fn item<T: Serialize>(
        &mut self,
        key: &str,
        item: &T,
        finish: impl FnOnce(&mut Map<String, Value>),
    ) {
        self.key(key);
        push_indented(&mut self.text, &item_text(item, self.plain, finish), "  ");
    }

    /// A list field, each item turned to text (`finish` adds its unknown fields) and
    /// dropped before the next is made.
    fn list<T: Serialize>(
        &mut self,
        key: &str,
        items: &[T],
        finish: impl Fn(&T, &mut Map<String, Value>),
    ) {
        self.key(key);
        for (i, item) in items.iter().enumerate() {
            self.text
                .push_str(if i == 0 { "[\n    " } else { ",\n    " });
            let text = item_text(item, self.plain, |o| finish(item, o));
            push_indented(&mut self.text, &text, "    ");
        }
        self.text
            .push_str(if items.is_empty() { "[]" } else { "\n  ]" });
    }

    fn finish(mut self) -> String {
        self.text.push_str(if self.keys.is_empty() {
            "{}\n"
        } else {
            "\n}\n"
        });
        self.text
    }
}

/// A value pretty-printed with two spaces, as if at the top level.
fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// Appends `text`, its lines after the first indented by `indent` (JSON text has no line
/// break inside a string: they are written `\n`).
fn push_indented(out: &mut String, text: &str, indent: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        out.push_str(line);
    }
}

/// Adds the unknown fields of the status book, its rules, its draft and each pack.
fn restore_status(extras: &Extras, status: &mut Map<String, Value>) {
    extras.restore("status", status);
    for key in ["rules", "draft"] {
        if let Some(Value::Object(part)) = status.get_mut(key) {
            extras.restore(&format!("status/{key}"), part);
        }
    }
    if let Some(Value::Array(packs)) = status.get_mut("packs") {
        for pack in packs {
            let Value::Object(pack) = pack else { continue };
            let id = pack
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            extras.restore(&format!("status/packs/{id}"), pack);
        }
    }
}

/// Adds the unknown fields of the board, its interval and each objective.
fn restore_board(extras: &Extras, board: &mut Map<String, Value>) {
    extras.restore("board", board);
    if let Some(Value::Object(interval)) = board.get_mut("interval") {
        extras.restore("board/interval", interval);
    }
    if let Some(Value::Array(objectives)) = board.get_mut("objectives") {
        restore_items(extras, "board/objectives", objectives);
    }
}
