//! The hostile set's malformed files: broken syntax, wrong shapes and types, extreme
//! numbers and dates, hostile text in every field.

use serde_json::{Value, json};

use super::*;

impl Set {
    pub(super) fn syntax(&mut self) -> std::io::Result<()> {
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

    pub(super) fn shapes(&mut self) -> std::io::Result<()> {
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
    pub(super) fn wrong_types(&mut self) -> std::io::Result<()> {
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

    pub(super) fn numbers_and_dates(&mut self) -> std::io::Result<()> {
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
    pub(super) fn texts(&mut self) -> std::io::Result<()> {
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
}
