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

    fn syntax(&mut self) -> std::io::Result<()> {
        let sound = base().to_string();
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", vec![]),
            ("whitespace", b"  \n\t ".to_vec()),
            ("open-brace", b"{".to_vec()),
            (
                "truncated-half",
                sound.as_bytes()[..sound.len() / 2].to_vec(),
            ),
            (
                "trailing-comma",
                br#"{"format": "planwork", "version": 2,}"#.to_vec(),
            ),
            ("single-quotes", br#"{'format': 'planwork'}"#.to_vec()),
            (
                "comment",
                b"// a comment\n{\"format\": \"planwork\"}".to_vec(),
            ),
            ("nan", br#"{"format": "planwork", "version": NaN}"#.to_vec()),
            (
                "infinity",
                br#"{"format": "planwork", "version": Infinity}"#.to_vec(),
            ),
            (
                "number-1e999",
                br#"{"format": "planwork", "version": 1e999}"#.to_vec(),
            ),
            (
                "leading-zero",
                br#"{"format": "planwork", "version": 02}"#.to_vec(),
            ),
            (
                "raw-control-in-string",
                b"{\"format\": \"plan\x01work\"}".to_vec(),
            ),
            ("bad-escape", br#"{"format": "plan\xwork"}"#.to_vec()),
            (
                "lone-surrogate",
                br#"{"format": "planwork", "x": "\ud800"}"#.to_vec(),
            ),
            (
                "invalid-utf8",
                b"{\"format\": \"planwork\", \"x\": \"\xff\xfe\"}".to_vec(),
            ),
            ("nul-bytes", b"\0\0\0\0".to_vec()),
            ("utf16", utf16(&sound)),
            (
                "bom",
                [b"\xef\xbb\xbf".as_slice(), sound.as_bytes()].concat(),
            ),
            (
                "bom-twice",
                [b"\xef\xbb\xbf\xef\xbb\xbf".as_slice(), sound.as_bytes()].concat(),
            ),
            ("trailing-garbage", format!("{sound} garbage").into_bytes()),
            ("two-documents", format!("{sound}{sound}").into_bytes()),
            ("only-a-string", br#""planwork""#.to_vec()),
            ("top-level-list", format!("[{sound}]").into_bytes()),
            ("top-level-null", b"null".to_vec()),
            ("brackets-100000", "[".repeat(100_000).into_bytes()),
            ("objects-100000", "{\"a\":".repeat(100_000).into_bytes()),
            (
                "closed-brackets-10000",
                ["[".repeat(10_000), "]".repeat(10_000)]
                    .concat()
                    .into_bytes(),
            ),
        ];
        for (name, bytes) in cases {
            self.write(&format!("syntax-{name}"), bytes)?;
        }
        // Truncated at every tenth of the way, and duplicate keys at three levels.
        for tenth in 1..10 {
            if self.sampled(3) {
                let cut = sound.len() * tenth / 10;
                self.write(
                    &format!("syntax-truncated-{tenth}0pc"),
                    &sound.as_bytes()[..cut],
                )?;
            }
        }
        let duplicated = [
            (
                "top",
                sound.replacen("\"format\"", "\"version\": 1, \"format\"", 1),
            ),
            (
                "program",
                sound.replacen(
                    "\"name\":\"Base\"",
                    "\"name\":\"Base\",\"name\":\"Other\"",
                    1,
                ),
            ),
            (
                "task",
                sound.replacen("\"duration\":10", "\"duration\":10,\"duration\":-5", 1),
            ),
        ];
        for (at, text) in duplicated {
            self.write(&format!("syntax-duplicate-key-{at}"), text)?;
        }
        Ok(())
    }

    fn shapes(&mut self) -> std::io::Result<()> {
        let cases: Vec<(&str, Value)> = vec![
            ("no-format", json!({"version": 2, "tasks": []})),
            ("other-format", json!({"format": "gantt-pro", "version": 2})),
            (
                "format-huge",
                json!({"format": "x".repeat(100_000), "version": 2}),
            ),
            (
                "version-text",
                json!({"format": "planwork", "version": "2"}),
            ),
            (
                "version-negative",
                json!({"format": "planwork", "version": -1}),
            ),
            ("version-newer", with(base(), "version", json!(99))),
            ("version-u64-max", with(base(), "version", json!(u64::MAX))),
            ("no-program", without(base(), "program")),
            ("program-list", with(base(), "program", json!([]))),
            ("tasks-object", with(base(), "tasks", json!({"a": {}}))),
            ("task-as-list", with(base(), "tasks", json!([[]]))),
            (
                "task-as-11-list",
                with(
                    base(),
                    "tasks",
                    json!([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]),
                ),
            ),
            (
                "change-as-list",
                with(
                    base(),
                    "scenarios",
                    json!([{"id": "s", "name": "S", "changes": [[]]}]),
                ),
            ),
            (
                "change-no-kind",
                with(
                    base(),
                    "scenarios",
                    json!([{"id": "s", "name": "S", "changes": [{"task": "a"}]}]),
                ),
            ),
            (
                "change-unknown-kind",
                with(
                    base(),
                    "scenarios",
                    json!([{"id": "s", "name": "S", "changes": [{"change": "capacity"}]}]),
                ),
            ),
            ("id-spaces", with(base(), "id", json!("   "))),
            ("id-number", with(base(), "id", json!(7))),
        ];
        for (name, value) in cases {
            self.json(&format!("shape-{name}"), &value)?;
        }
        Ok(())
    }

    /// Every field of the base, each wrong value in turn.
    fn wrong_types(&mut self) -> std::io::Result<()> {
        let base = base();
        for path in paths(&base) {
            for (what, value) in wrong_values() {
                if !self.sampled(40) {
                    continue;
                }
                let mut document = base.clone();
                if let Some(slot) = document.pointer_mut(&path) {
                    *slot = value;
                }
                self.json(&format!("type{}-{what}", path.replace('/', "-")), &document)?;
            }
        }
        Ok(())
    }

    fn numbers_and_dates(&mut self) -> std::io::Result<()> {
        let numbers: &[(&str, &str, Value)] = &[
            ("duration-max", "/tasks/1/duration", json!(i64::MAX)),
            ("duration-min", "/tasks/1/duration", json!(i64::MIN)),
            ("duration-100001", "/tasks/1/duration", json!(100_001)),
            ("lag-min", "/dependencies/0/lag", json!(i64::MIN)),
            ("lag-max", "/dependencies/0/lag", json!(i64::MAX)),
            ("percent-huge", "/tasks/0/percent_complete", json!(1e308)),
            (
                "percent-negative",
                "/tasks/0/percent_complete",
                json!(-0.0001),
            ),
            (
                "estimate-huge",
                "/tasks/1/estimate/pessimistic",
                json!(1e308),
            ),
            (
                "estimate-negative",
                "/tasks/1/estimate/optimistic",
                json!(-1.0),
            ),
            ("probability-2", "/risks/0/probability", json!(2.0)),
            ("impact-max", "/risks/0/impact/max", json!(i64::MAX)),
            ("impact-min", "/risks/0/impact/min", json!(i64::MIN)),
            (
                "max-days-min",
                "/program/critical_path/max_days",
                json!(i64::MIN),
            ),
            ("slip-max", "/scenarios/0/changes/0/days", json!(i64::MAX)),
            ("slip-min", "/scenarios/0/changes/0/days", json!(i64::MIN)),
            (
                "estimate-change-max",
                "/scenarios/0/changes/1/days",
                json!(i64::MAX),
            ),
            (
                "added-task-duration",
                "/scenarios/0/changes/3/task/duration",
                json!(-1),
            ),
            (
                "added-link-lag",
                "/scenarios/0/changes/5/dependency/lag",
                json!(i64::MIN),
            ),
        ];
        let dates = [
            "0000-01-01",
            "1899-12-31",
            "9999-12-31",
            "+10000-01-01",
            "+262143-12-31",
            "-262144-01-01",
            "2026-13-01",
            "2026-02-29",
        ];
        let date_fields = [
            "/program/start",
            "/program/status_date",
            "/program/finish_by",
            "/calendar/holidays/0",
            "/tasks/1/constraint/date",
            "/tasks/2/deadline",
            "/tasks/0/actual_start",
            "/scenarios/0/changes/8/deadline",
            "/baselines/0/saved_on",
            "/baselines/0/tasks/0/finish",
        ];
        for (name, path, value) in numbers {
            let mut document = base();
            if let Some(slot) = document.pointer_mut(path) {
                *slot = value.clone();
            }
            self.json(&format!("number-{name}"), &document)?;
        }
        for field in date_fields {
            for date in dates {
                if !self.sampled(10) {
                    continue;
                }
                let mut document = base();
                if let Some(slot) = document.pointer_mut(field) {
                    *slot = json!(date);
                }
                self.json(
                    &format!("date{}-{date}", field.replace('/', "-")),
                    &document,
                )?;
            }
        }
        // A plan that runs past 9999: a late start and long tasks; and its forecast.
        let mut late = chain_program(20, 5_000);
        late["program"]["start"] = json!("9990-01-04");
        self.json("date-schedule-past-9999", &late)?;
        let mut late = chain_program(2, 10);
        late["program"]["start"] = json!("9999-11-01");
        late["tasks"][1]["estimate"] =
            json!({"optimistic": 1.0, "likely": 10.0, "pessimistic": 100_000.0});
        self.json("date-forecast-past-9999", &late)?;
        Ok(())
    }

    /// Hostile text in every text field of the base, in turn.
    fn texts(&mut self) -> std::io::Result<()> {
        let base = base();
        let fields: Vec<String> = paths(&base)
            .into_iter()
            .filter(|p| base.pointer(p).is_some_and(Value::is_string))
            .filter(|p| !p.ends_with("/format") && !p.contains("date") && !p.ends_with("/color"))
            .collect();
        for field in &fields {
            for (what, text) in hostile_texts() {
                if !self.sampled(30) {
                    continue;
                }
                let mut document = base.clone();
                replace_text(&mut document, field, &text);
                self.json(
                    &format!("text{}-{what}", field.replace('/', "-")),
                    &document,
                )?;
            }
        }
        // Hostile names everywhere at once, in a program that is otherwise sound: it
        // schedules, and what is printed must be inert.
        let mut everywhere = base.clone();
        let names = [
            "/program/name",
            "/workstreams/0/name",
            "/tasks/0/name",
            "/tasks/1/name",
            "/tasks/2/name",
            "/risks/0/title",
        ];
        for (i, field) in names.iter().enumerate() {
            let text = &hostile_texts()[i % 9].1;
            if let Some(slot) = everywhere.pointer_mut(field) {
                *slot = json!(text);
            }
        }
        self.json("text-everywhere-sound", &everywhere)?;
        // The huge name of the report: 50 million characters, under the size limit.
        if !self.quick {
            let mut huge = chain_program(2, 1);
            huge["tasks"][0]["name"] = json!("x".repeat(50_000_000));
            self.json("text-name-50-million", &huge)?;
        }
        let mut long_id = chain_program(2, 1);
        let id = "i".repeat(if self.quick { 70_000 } else { 1_000_000 });
        long_id["tasks"][0]["id"] = json!(id);
        long_id["dependencies"][0]["from"] = json!(id);
        self.json("text-id-huge", &long_id)?;
        Ok(())
    }

    fn nesting(&mut self) -> std::io::Result<()> {
        for depth in [19, 20, 21, 100] {
            let mut document = base();
            document["future"] = nested(depth - 1);
            self.json(&format!("nesting-unknown-depth-{depth}"), &document)?;
        }
        let mut document = base();
        document["tasks"][0]["future"] = nested(30);
        self.json("nesting-in-a-task", &document)?;
        // Megabytes of nested unknown fields, as in the report (depth 100, and depth 18,
        // which the depth rule lets through: the kept-values budget refuses it).
        let megabytes: &[usize] = if self.quick { &[1] } else { &[10, 40] };
        for &mb in megabytes {
            for depth in [100, 18] {
                let one = nested(depth).to_string();
                let copies = mb * 1_000_000 / one.len().max(1);
                let mut text = String::with_capacity(mb * 1_000_000 + 4_096);
                text.push_str(&base().to_string());
                text.pop();
                text.push_str(",\"future\":[");
                for i in 0..copies {
                    if i > 0 {
                        text.push(',');
                    }
                    text.push_str(&one);
                }
                text.push_str("]}");
                self.write(&format!("nesting-{mb}mb-depth-{depth}"), text)?;
            }
        }
        // An unknown field on every task: more values than are kept.
        let tasks = if self.quick { 2_000 } else { 210_000 };
        let mut text = String::new();
        let _ = write!(
            text,
            r#"{{"format":"planwork","version":2,"program":{{"name":"P","start":"2026-01-05"}},"workstreams":[{{"id":"w","name":"W"}}],"tasks":["#
        );
        for i in 0..tasks {
            if i > 0 {
                text.push(',');
            }
            let _ = write!(
                text,
                r#"{{"id":"t{i}","name":"","workstream":"w","note":{i}}}"#
            );
        }
        text.push_str("]}");
        self.write("nesting-unknown-on-every-task", text)?;
        Ok(())
    }

    fn cycles_and_duplicates(&mut self) -> std::io::Result<()> {
        let big = if self.quick { 20_000 } else { 500_000 };
        for n in [10_000, 110_000.min(big), big] {
            let mut text = chain_text(n, "");
            close_cycle(&mut text, n);
            self.write(&format!("cycle-chain-{n}"), text)?;
        }
        // Many small cycles, and one link repeated.
        let pairs = if self.quick { 5_000 } else { 100_000 };
        let mut text = header();
        tasks_text(&mut text, 2 * pairs);
        text.push_str("],\"dependencies\":[");
        for i in 0..pairs {
            if i > 0 {
                text.push(',');
            }
            let (a, b) = (2 * i, 2 * i + 1);
            let _ = write!(
                text,
                r#"{{"from":"t{a}","to":"t{b}"}},{{"from":"t{b}","to":"t{a}"}}"#
            );
        }
        text.push_str("]}");
        self.write("cycle-many-small", text)?;
        for copies in [20_000, if self.quick { 50_000 } else { 1_000_000 }] {
            let mut text = header();
            tasks_text(&mut text, 3);
            text.push_str("],\"dependencies\":[");
            for i in 0..copies {
                text.push_str(if i == 0 { "" } else { "," });
                text.push_str(r#"{"from":"t0","to":"t1"}"#);
            }
            text.push_str("]}");
            self.write(&format!("duplicate-link-{copies}"), text)?;
        }
        let mut text = header();
        let copies = if self.quick { 10_000 } else { 100_000 };
        for i in 0..copies {
            text.push_str(if i == 0 { "" } else { "," });
            text.push_str(r#"{"id":"same","name":"Same","workstream":"w","duration":1}"#);
        }
        text.push_str("]}");
        self.write("duplicate-task-ids", text)?;
        let self_links = if self.quick { 10_000 } else { 100_000 };
        let mut text = header();
        tasks_text(&mut text, self_links);
        text.push_str("],\"dependencies\":[");
        for i in 0..self_links {
            text.push_str(if i == 0 { "" } else { "," });
            let _ = write!(text, r#"{{"from":"t{i}","to":"t{i}"}}"#);
        }
        text.push_str("]}");
        self.write("self-links", text)?;
        let mut document = base();
        document["workstreams"][1]["id"] = json!("eng");
        document["risks"] = json!([document["risks"][0], document["risks"][0]]);
        document["scenarios"] = json!([document["scenarios"][0], document["scenarios"][0]]);
        document["baselines"] = json!([document["baselines"][0], document["baselines"][0]]);
        self.json("duplicate-ids-everywhere", &document)?;
        Ok(())
    }

    /// 10⁵ to 10⁶ items, and files around the size limit.
    fn sizes(&mut self) -> std::io::Result<()> {
        let scale = if self.quick { 50 } else { 1 };
        let million = 1_000_000 / scale;
        // A million tasks: sound, but over the size limit once written indented.
        let mut text = header();
        for i in 0..million {
            text.push_str(if i == 0 { "" } else { "," });
            let _ = write!(text, r#"{{"id":"t{i}","name":"","workstream":"w"}}"#);
        }
        text.push_str("]}");
        self.write(&format!("size-tasks-{million}"), text)?;
        // One item too many in a list: dates in the full set, small numbers in the quick one.
        let over = planfile::MAX_ITEMS + 1;
        let (list, item) = if self.quick {
            ("\"future\":[", "0")
        } else {
            ("\"calendar\":{\"holidays\":[", "\"2026-01-01\"")
        };
        let mut text = String::from(
            r#"{"format":"planwork","version":2,"program":{"name":"P","start":"2026-01-05"},"#,
        );
        text.push_str(list);
        for i in 0..over {
            text.push_str(if i == 0 { "" } else { "," });
            text.push_str(item);
        }
        text.push_str(if self.quick { "]}" } else { "]}}" });
        self.write(&format!("size-list-of-{over}"), text)?;
        let mut text = header();
        tasks_text(&mut text, 2);
        text.push_str("],\"dependencies\":[");
        for i in 0..million {
            text.push_str(if i == 0 { "" } else { "," });
            let _ = write!(text, r#"{{"from":"u{i}","to":"v{i}"}}"#);
        }
        text.push_str("]}");
        self.write(&format!("size-unknown-links-{million}"), text)?;
        let mut text = header();
        tasks_text(&mut text, 10);
        text.push_str("],\"risks\":[");
        for i in 0..million / 10 {
            text.push_str(if i == 0 { "" } else { "," });
            let _ = write!(
                text,
                r#"{{"id":"R{i}","title":"Risk","probability":0.1,"impact":{{"min":1,"max":3}},"tasks":["t0","t1","t2","t3","t4","t5","t6","t7","t8","t9"]}}"#
            );
        }
        text.push_str("]}");
        self.write(&format!("size-risks-{}", million / 10), text)?;
        let mut text = header();
        tasks_text(&mut text, 1);
        text.push_str("],\"scenarios\":[{\"id\":\"s\",\"name\":\"S\",\"changes\":[");
        for i in 0..million {
            text.push_str(if i == 0 { "" } else { "," });
            text.push_str(r#"{"change":"slip","task":"t0","days":1}"#);
        }
        text.push_str("]}]}");
        self.write(&format!("size-scenario-changes-{million}"), text)?;
        let mut text = String::from(
            r#"{"format":"planwork","version":2,"program":{"name":"P","start":"2026-01-05"},"workstreams":["#,
        );
        for i in 0..million / 10 {
            text.push_str(if i == 0 { "" } else { "," });
            let _ = write!(
                text,
                r##"{{"id":"w{i}","name":"Team {i}","color":"#2f6fde"}}"##
            );
        }
        text.push_str("]}");
        self.write(&format!("size-workstreams-{}", million / 10), text)?;
        // Just over the size limit, and a sound program that fills most of it.
        if !self.quick {
            let mut text = String::from(r#"{"format":"planwork","version":2,"padding":""#);
            text.push_str(&" ".repeat(planfile::MAX_FILE_BYTES));
            text.push_str("\"}");
            self.write("size-over-the-limit", text)?;
            let mut text = chain_text(400_000, "");
            text.shrink_to_fit();
            self.write("size-chain-400000", text)?;
        }
        Ok(())
    }

    /// Random damage to a sound file: bytes deleted, inserted, repeated, swapped.
    fn mutations(&mut self) -> std::io::Result<()> {
        let sound = base().to_string().into_bytes();
        let count = if self.quick { 10 } else { 300 };
        for n in 0..count {
            let mut bytes = sound.clone();
            for _ in 0..1 + self.rng.below(4) {
                let at = self.rng.below(bytes.len() as u64) as usize;
                match self.rng.below(5) {
                    0 => {
                        bytes.remove(at);
                    }
                    1 => bytes.insert(at, b"{}[]\",:0-e\\ \x00\xff"[self.rng.below(14) as usize]),
                    2 => {
                        let end = (at + 1 + self.rng.below(40) as usize).min(bytes.len());
                        let slice = bytes[at..end].to_vec();
                        bytes.splice(at..at, slice);
                    }
                    3 => {
                        let other = self.rng.below(bytes.len() as u64) as usize;
                        bytes.swap(at, other);
                    }
                    _ => bytes.truncate(at.max(1)),
                }
            }
            self.write(&format!("mutation-{n:03}"), bytes)?;
        }
        Ok(())
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
