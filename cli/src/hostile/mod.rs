//! `planwork hostile`: program files made to be refused (issue 16) — every kind of malformed
//! JSON, wrong types in every field, extreme numbers and dates, 10⁵–10⁶ items, deep nesting,
//! long cycles, duplicate and huge ids, and HTML, escape and bidirectional control
//! characters in every text field, plus random mutations of a sound file. `scripts/hostile`
//! runs each against the commands and reports panics, timeouts, memory and messages that do
//! not say where; `cli/tests/cli.rs` runs the quick set.
//!
//! A subcommand of the one binary rather than a tool of its own: the runner and the test
//! drive the binary as a person would, and the files come back from a seed instead of
//! hundreds of megabytes kept in the repository.
//!
//! Each file is named `FAMILY-WHAT.json`. Most files are small; the full set also writes
//! about twenty of 5 to 53 MB (about 500 MB in all: delete them after the run).

mod large;
mod malformed;

use engine::rng::SplitMix64;
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::PathBuf;

/// Writes the files into `dir` (created if need be); how many.
pub fn write_all(dir: &str, seed: u64, quick: bool) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut set = Set {
        dir: PathBuf::from(dir),
        count: 0,
        rng: SplitMix64(seed),
        quick,
    };
    set.syntax()?;
    set.shapes()?;
    set.wrong_types()?;
    set.numbers_and_dates()?;
    set.texts()?;
    set.nesting()?;
    set.cycles_and_duplicates()?;
    set.sizes()?;
    set.mutations()?;
    Ok(set.count)
}

/// A sound program using every field of the format once: the base of most files.
pub fn base() -> Value {
    json!({
        "format": "planwork", "version": 2, "id": "p-hostile",
        "program": {"name": "Base", "start": "2026-01-05", "status_date": "2026-02-02",
                    "finish_by": "2026-06-30",
                    "critical_path": {"rule": "total_float", "max_days": 2}},
        "calendar": {"workdays": ["Mon", "Tue", "Wed", "Thu", "Fri"], "holidays": ["2026-04-03"]},
        "workstreams": [
            {"id": "eng", "name": "Engineering", "color": "#2f6fde",
             "calendar": {"workdays": ["Mon", "Tue", "Wed", "Thu"], "holidays": ["2026-03-02"]}},
            {"id": "ops", "name": "Operations"}],
        "tasks": [
            {"id": "a", "name": "Design", "workstream": "eng", "duration": 5,
             "actual_start": "2026-01-05", "percent_complete": 40.0,
             "estimate": {"optimistic": 4.0, "likely": 5.0, "pessimistic": 9.0,
                          "distribution": "triangular"}},
            {"id": "b", "name": "Build", "workstream": "eng", "duration": 10,
             "constraint": {"type": "SNET", "date": "2026-01-19"},
             "estimate": {"optimistic": 8.0, "likely": 10.0, "pessimistic": 20.0}},
            {"id": "c", "name": "Run", "workstream": "ops", "duration": 3, "deadline": "2026-03-13"},
            {"id": "d", "name": "Done before", "workstream": "ops", "duration": 2,
             "actual_start": "2026-01-05", "actual_finish": "2026-01-06"},
            {"id": "m", "name": "Launch", "workstream": "ops", "duration": 0, "milestone": true,
             "deadline": "2026-03-20"}],
        "dependencies": [
            {"from": "a", "to": "b", "type": "FS", "lag": 0},
            {"from": "b", "to": "c", "type": "SS", "lag": 2},
            {"from": "c", "to": "m"}],
        "risks": [{"id": "R1", "title": "Vendor late", "probability": 0.3,
                   "impact": {"min": 2, "max": 8}, "tasks": ["b"]}],
        "scenarios": [{"id": "s1", "name": "Late vendor", "description": "What if",
            "changes": [
                {"change": "slip", "task": "b", "days": 10},
                {"change": "estimate", "task": "c", "days": 5},
                {"change": "set_estimate", "task": "a",
                 "estimate": {"optimistic": 1.0, "likely": 2.0, "pessimistic": 3.0}},
                {"change": "add_task",
                 "task": {"id": "x", "name": "Extra", "workstream": "ops", "duration": 2}},
                {"change": "remove_task", "task": "x"},
                {"change": "add_dependency",
                 "dependency": {"from": "a", "to": "c", "type": "FF", "lag": -1}},
                {"change": "remove_dependency", "from": "a", "to": "c"},
                {"change": "set_constraint", "task": "c",
                 "constraint": {"type": "FNLT", "date": "2026-03-31"}},
                {"change": "set_deadline", "task": "m", "deadline": "2026-04-30"}]}],
        "baselines": [{"id": "bl", "name": "Signed off", "saved_on": "2026-01-02",
            "tasks": [{"id": "a", "start": "2026-01-05", "finish": "2026-01-09"}]}],
        "active_baseline": "bl"
    })
}

/// Values put in place of each field in turn.
fn wrong_values() -> Vec<(&'static str, Value)> {
    vec![
        ("null", Value::Null),
        ("true", json!(true)),
        ("zero", json!(0)),
        ("minus-one", json!(-1)),
        ("fraction", json!(1.5)),
        ("text", json!("text")),
        ("empty-text", json!("")),
        ("list", json!([])),
        ("list-of-list", json!([[]])),
        ("object", json!({})),
        ("object-a", json!({"a": 1})),
        ("huge-float", json!(1e308)),
        ("i64-min", json!(i64::MIN)),
        ("u64-max", json!(u64::MAX)),
        ("bad-date", json!("2026-02-30")),
    ]
}

/// Hostile text put in each text field in turn.
fn hostile_texts() -> Vec<(&'static str, String)> {
    vec![
        ("html", r#"<img src=x onerror="alert(1)">"#.into()),
        ("script", "</script><script>alert(1)</script>".into()),
        (
            "escape-clear",
            "\u{1b}[2J\u{1b}[H\u{1b}]0;owned\u{7}".into(),
        ),
        (
            "newline-forged",
            "ok\n  T99  Forged line  5  2026-01-05".into(),
        ),
        ("bidi-override", "\u{202e}exe.txt\u{202c}".into()),
        (
            "zero-width-only",
            "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}".into(),
        ),
        ("nul-and-c1", "a\u{0}b\u{9b}31mc\u{7f}".into()),
        ("zalgo", format!("Z{}", "\u{301}".repeat(2_000))),
        ("emoji-zwj", "👩‍👩‍👧‍👦🏳️‍🌈".into()),
        ("id-101", "i".repeat(101)),
        ("name-501", "n".repeat(501)),
        ("description-10001", "d".repeat(10_001)),
        ("blank", "   \t ".into()),
    ]
}

struct Set {
    dir: PathBuf,
    count: usize,
    rng: SplitMix64,
    quick: bool,
}

impl Set {
    fn write(&mut self, name: &str, bytes: impl AsRef<[u8]>) -> std::io::Result<()> {
        let file: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let mut path = self.dir.join(format!("{file}.json"));
        for n in 2.. {
            if !path.exists() {
                break;
            }
            path = self.dir.join(format!("{file}-{n}.json"));
        }
        std::fs::write(path, bytes)?;
        self.count += 1;
        Ok(())
    }

    fn json(&mut self, name: &str, value: &Value) -> std::io::Result<()> {
        self.write(name, value.to_string())
    }

    /// In the quick set, about one in `n` of a family's many small files.
    fn sampled(&mut self, n: u64) -> bool {
        !self.quick || self.rng.below(n) == 0
    }
}

/// Every path (JSON Pointer) in `value`, containers and leaves, but not the root.
fn paths(value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![(String::new(), value)];
    while let Some((at, value)) = stack.pop() {
        if !at.is_empty() {
            found.push(at.clone());
        }
        match value {
            Value::Object(fields) => {
                stack.extend(fields.iter().map(|(k, v)| (format!("{at}/{k}"), v)));
            }
            Value::Array(items) => {
                stack.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, v)| (format!("{at}/{i}"), v)),
                );
            }
            _ => {}
        }
    }
    found.sort();
    found
}

/// Puts `text` in the field at `path`, and where it is an id, in every place naming it.
fn replace_text(document: &mut Value, path: &str, text: &str) {
    let old = document.pointer(path).cloned();
    if let Some(slot) = document.pointer_mut(path) {
        *slot = json!(text);
    }
    if path.ends_with("/id") || path.ends_with("/workstream") {
        let Some(Value::String(old)) = old else {
            return;
        };
        for other in paths(document) {
            if let Some(slot) = document.pointer_mut(&other)
                && *slot == json!(old)
                && (other.ends_with("/from")
                    || other.ends_with("/to")
                    || other.ends_with("/task")
                    || other.ends_with("/workstream")
                    || other.contains("/tasks/"))
            {
                *slot = json!(text);
            }
        }
    }
}

fn with(mut value: Value, key: &str, field: Value) -> Value {
    value[key] = field;
    value
}

fn without(mut value: Value, key: &str) -> Value {
    if let Some(fields) = value.as_object_mut() {
        fields.remove(key);
    }
    value
}

/// `{"a": {"a": … 0 …}}`, `depth` objects deep.
fn nested(depth: usize) -> Value {
    let mut value = json!(0);
    for _ in 0..depth {
        value = json!({ "a": value });
    }
    value
}

fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xff, 0xfe];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    bytes
}

/// A sound program's opening, up to the task list (left open).
fn header() -> String {
    String::from(
        r#"{"format":"planwork","version":2,"program":{"name":"P","start":"2026-01-05"},"workstreams":[{"id":"w","name":"W"}],"tasks":["#,
    )
}

/// Tasks `t0` … `t(n-1)` of one day each.
fn tasks_text(text: &mut String, n: usize) {
    text.reserve(n * 56);
    for i in 0..n {
        text.push_str(if i == 0 { "" } else { "," });
        let _ = write!(
            text,
            r#"{{"id":"t{i}","name":"T{i}","workstream":"w","duration":1}}"#
        );
    }
}

/// A chain of `n` tasks as text, `t0 → t1 → …`, with the closing `]}` left to add; `extra`
/// goes after the links.
fn chain_text(n: usize, extra: &str) -> String {
    let mut text = header();
    tasks_text(&mut text, n);
    text.push_str("],\"dependencies\":[");
    for i in 1..n {
        text.push_str(if i == 1 { "" } else { "," });
        let _ = write!(text, r#"{{"from":"t{}","to":"t{i}"}}"#, i - 1);
    }
    text.push_str(extra);
    text.push_str("]}");
    text
}

/// Adds the link from the last task of a chain of `n` to the first.
fn close_cycle(text: &mut String, n: usize) {
    text.truncate(text.len() - 2);
    let _ = write!(text, r#",{{"from":"t{}","to":"t0"}}]}}"#, n - 1);
}

/// A chain of `n` tasks of `days` each, as a value.
fn chain_program(n: usize, days: i64) -> Value {
    let tasks: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("t{i}"), "name": format!("T{i}"), "workstream": "w", "duration": days}))
        .collect();
    let links: Vec<Value> = (1..n)
        .map(|i| json!({"from": format!("t{}", i - 1), "to": format!("t{i}")}))
        .collect();
    json!({"format": "planwork", "version": 2,
           "program": {"name": "P", "start": "2026-01-05"},
           "workstreams": [{"id": "w", "name": "W"}],
           "tasks": tasks, "dependencies": links})
}
