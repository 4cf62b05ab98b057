//! The `planwork` binary end to end: files in, tables and JSON out, clear errors — the
//! schedule, generate, upgrade, forecast and hostile commands, and text from a file that
//! must reach the terminal escaped. Import and export are in `exchange.rs`.

mod common;

use common::{assert_exits_saying, planwork, stderr, stdout, temp_file};

#[test]
fn schedule_prints_json_with_every_key() {
    let out = planwork(&[
        "schedule",
        "../tests/files/v0/launch.json",
        "--json",
        "--driving",
        "go-live",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["start"], "2026-01-05");
    // Design Jan 5–9, Build Jan 12–26 (10 days, Monday 19th a holiday): go-live closes the 26th.
    assert_eq!(report["finish"], "2026-01-26");
    let build = &report["tasks"][1];
    for key in [
        "id",
        "es",
        "ef",
        "ls",
        "lf",
        "total_float",
        "free_float",
        "critical",
        "start",
        "finish",
    ] {
        assert!(build.get(key).is_some(), "missing {key}");
    }
    assert_eq!(
        (build["es"].as_i64(), build["ef"].as_i64()),
        (Some(5), Some(15))
    );
    assert_eq!(build["critical"], true);
    let runbook = &report["tasks"][2];
    assert_eq!(
        (runbook["es"].as_i64(), runbook["total_float"].as_i64()),
        (Some(2), Some(10))
    );
    assert_eq!(
        report["driving_path"],
        serde_json::json!(["design", "build", "go-live"])
    );
}

#[test]
fn schedule_prints_a_table() {
    let out = planwork(&["schedule", "../tests/files/v0/launch.json"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("Launch: 2026-01-05 → 2026-01-26"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("* build") && l.contains("2026-01-12")),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with("  runbook")), "{text}");
}

#[test]
fn invalid_programs_list_every_problem_and_exit_1() {
    let out = planwork(&["schedule", "tests/fixtures/cycle.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "tasks[2].workstream: task 'c' names workstream 'x', which does not exist [E003]"
        ),
        "{err}"
    );
    assert!(
        err.contains("tasks[0]: dependency cycle: a → b → a [E009]"),
        "{err}"
    );
    assert!(err.contains("2 problem(s)"), "{err}");
}

#[test]
fn file_errors_say_what_and_where() {
    let out = planwork(&["schedule", "tests/fixtures/syntax.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(
            "tests/fixtures/syntax.json: not valid JSON at line 3, column 27: trailing comma"
        ),
        "{err}"
    );
    let out = planwork(&["schedule", "tests/fixtures/missing.json"]);
    assert_exits_saying(&out, 2, "cannot read tests/fixtures/missing.json");
    let out = planwork(&["schedule"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn generated_programs_schedule() {
    let out = planwork(&[
        "generate", "--shape", "random", "--tasks", "200", "--seed", "3",
    ]);
    assert!(out.status.success());
    let file = temp_file("random.json", &out.stdout);
    let scheduled = planwork(&["schedule", file.to_str().unwrap(), "--json"]);
    assert!(scheduled.status.success(), "{}", stderr(&scheduled));
    let report: serde_json::Value = serde_json::from_str(&stdout(&scheduled)).unwrap();
    assert_eq!(report["tasks"].as_array().unwrap().len(), 200);
}

#[test]
fn the_table_marks_critical_tasks_by_the_programs_rule() {
    let out = planwork(&["schedule", "../tests/files/v2/longest-path.planwork.json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(
        table.contains("* Critical: longest path (3 of 4 tasks)"),
        "{table}"
    );
    let marked: Vec<&str> = table
        .lines()
        .filter(|line| !line.starts_with("* Critical"))
        .filter_map(|line| line.strip_prefix("* "))
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    // Network links is in progress and drives the move; the racks have slack.
    assert_eq!(marked, ["network", "move", "exit"]);
    let out = planwork(&["schedule", "../tests/files/v2/launch.planwork.json"]);
    assert!(
        stdout(&out).contains("* Critical: total float ≤ 0d (3 of 4 tasks)"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn upgrade_writes_the_current_version() {
    let expected = std::fs::read_to_string("../tests/files/v8/launch.planwork.json").unwrap();
    for old in [
        "../tests/files/v0/launch.json",
        "../tests/files/v1/launch.planwork.json",
        "../tests/files/v2/launch.planwork.json",
        "../tests/files/v3/launch.planwork.json",
        "../tests/files/v4/launch.planwork.json",
    ] {
        let out = planwork(&["upgrade", old]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            stdout(&out),
            expected,
            "the stored v8 example is the upgrade of {old}"
        );
    }
}

#[test]
fn forecast_prints_percentiles_criticality_and_drivers() {
    let out = planwork(&[
        "forecast",
        "../tests/files/v1/forecast.planwork.json",
        "--iterations",
        "2000",
        "--seed",
        "7",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["settings"]["iterations"], 2000);
    assert_eq!(report["settings"]["seed"], 7);
    let finish = &report["finish"];
    for key in ["p10", "p50", "p80", "p90", "mean", "deterministic"] {
        assert!(finish[key].is_string(), "{key}");
    }
    assert!(finish["p10"].as_str() <= finish["p90"].as_str());
    let launch = &report["milestones"][0]["outcome"];
    let on_time = launch["probability_on_time"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&on_time));
    // With room before the launch's deadline, the build is critical (total float ≤ 0) only
    // in the iterations that use its float up: at least those that miss the deadline. The
    // test after it always shares its float.
    let build = report["tasks"][0]["criticality"].as_f64().unwrap();
    assert!(0.0 < build && build < 1.0, "{build}");
    assert!(
        build >= 1.0 - on_time - 1e-9,
        "{build} against {on_time} on time"
    );
    assert_eq!(report["tasks"][1]["criticality"], build);
    assert_eq!(report["drivers_of_finish"][0]["id"], "build");
    let again = planwork(&[
        "forecast",
        "../tests/files/v1/forecast.planwork.json",
        "--iterations",
        "2000",
        "--seed",
        "7",
        "--json",
    ]);
    assert_eq!(stdout(&out), stdout(&again), "same seed, same output");
    let table = planwork(&[
        "forecast",
        "../tests/files/v1/forecast.planwork.json",
        "--iterations",
        "500",
    ]);
    assert!(
        stdout(&table).contains("program finish"),
        "{}",
        stdout(&table)
    );
}

/// A one-task program whose task has `id` and `name` (JSON-escaped already).
fn one_task(id: &str, name: &str) -> String {
    format!(
        r#"{{"format": "planwork", "version": 2,
            "program": {{"name": "P", "start": "2026-01-05"}},
            "workstreams": [{{"id": "w", "name": "W"}}],
            "tasks": [{{"id": "{id}", "name": "{name}", "workstream": "w", "duration": 2}}]}}"#
    )
}

/// Raw bytes that must never reach a terminal from a file: escape, other C0 controls but the
/// line feed, C1 controls and bidirectional controls.
fn has_raw_controls(text: &str) -> bool {
    text.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

#[test]
fn escape_sequences_and_line_breaks_from_a_file_are_printed_escaped() {
    // The escape clears the screen, the line break would forge a line, the override flips
    // what follows.
    let file = temp_file(
        "escapes.json",
        one_task("t\\u001b[2J", "A\\nplanwork: all good\\u202eevil").as_bytes(),
    );
    let path = file.to_str().unwrap();
    for args in [
        vec!["schedule", path],
        vec!["schedule", path, "--json"],
        vec!["upgrade", path],
    ] {
        let out = planwork(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(!has_raw_controls(&text), "{args:?}: {text:?}");
        assert!(!text.contains("\nplanwork: all good"), "{args:?}: {text}");
    }
    let table = stdout(&planwork(&["schedule", path]));
    assert!(table.contains("t\\u{1b}[2J"), "{table}");
    assert!(
        table.contains("A\\nplanwork: all good\\u{202e}evil"),
        "{table}"
    );
    // The JSON means the same characters, escaped.
    let json = stdout(&planwork(&["schedule", path, "--json"]));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["tasks"][0]["id"], "t\u{1b}[2J");
}

#[test]
fn problems_quote_hostile_text_escaped() {
    let file = temp_file(
        "escaped-problem.json",
        one_task("a", "x")
            .replace("\"w\", \"duration\"", "\"w\\u001b[31m\", \"duration\"")
            .as_bytes(),
    );
    let out = planwork(&["schedule", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(!has_raw_controls(&err), "{err:?}");
    assert!(err.contains("\\u{1b}[31m"), "{err}");
}

#[test]
fn an_id_of_only_invisible_characters_is_refused() {
    let out = planwork(&["schedule", "../tests/files/broken/invisible-id.json"]);
    assert_exits_saying(
        &out,
        1,
        "tasks[0].id: task 'Looks like nothing' has no id [E011]",
    );
}

#[test]
fn a_byte_order_mark_is_read_as_the_app_reads_it() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(one_task("a", "A").as_bytes());
    let file = temp_file("bom.json", &bytes);
    let out = planwork(&["schedule", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn text_that_is_not_utf8_is_refused_saying_where() {
    let file = temp_file("latin1.json", b"{\"program\": {\"name\": \"caf\xe9\"}}");
    let out = planwork(&["schedule", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("line 1, column"), "{err}");
}

#[test]
fn a_huge_id_is_refused_not_tabled() {
    // The table used to panic on an id of 65,536 characters or more.
    let file = temp_file(
        "huge-id.json",
        one_task(&"x".repeat(70_000), "A").as_bytes(),
    );
    let out = planwork(&["schedule", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("tasks[0].id: a task id of 70,000 characters"),
        "{err}"
    );
    assert!(
        err.len() < 1_000,
        "the id is quoted short: {} bytes",
        err.len()
    );
}

#[test]
fn generate_refuses_more_tasks_than_a_file_holds() {
    let out = planwork(&[
        "generate",
        "--shape",
        "chain",
        "--tasks",
        "18446744073709551615",
    ]);
    assert_exits_saying(&out, 2, "--tasks is at most 1,000,000");
}

#[test]
fn a_link_repeated_20000_times_gives_a_short_message() {
    let mut deps = String::new();
    for i in 0..20_000 {
        if i > 0 {
            deps.push(',');
        }
        deps.push_str(r#"{"from": "a", "to": "b", "type": "FS", "lag": 0}"#);
    }
    let text = format!(
        r#"{{"format": "planwork", "version": 2,
            "program": {{"name": "P", "start": "2026-01-05"}},
            "workstreams": [{{"id": "w", "name": "W"}}],
            "tasks": [{{"id": "a", "name": "A", "workstream": "w", "duration": 1}},
                      {{"id": "b", "name": "B", "workstream": "w", "duration": 1}}],
            "dependencies": [{deps}]}}"#
    );
    let file = temp_file("same-pair.json", text.as_bytes());
    let out = planwork(&["schedule", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("a → b is linked 20,000 times (dependencies 0, 1, 2, 3, 4 … and 19,995 more)"),
        "{err}"
    );
    assert!(err.len() < 1_000, "{} bytes of messages", err.len());
}

#[test]
fn the_quick_hostile_set_is_refused_politely() {
    let dir = std::env::temp_dir().join(format!("planwork-hostile-{}", std::process::id()));
    let dir = dir.to_str().unwrap();
    let made = planwork(&["hostile", "--out", dir, "--quick"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() > 20, "{} files", files.len());
    for file in &files {
        let path = file.to_str().unwrap();
        for command in ["schedule", "upgrade"] {
            let out = planwork(&[command, path]);
            let err = stderr(&out);
            assert!(
                matches!(out.status.code(), Some(0..=2)) && !err.contains("panicked"),
                "{command} {path}: {:?} {err}",
                out.status
            );
            assert!(!has_raw_controls(&err), "{command} {path}: {err:?}");
        }
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn the_forecast_table_lists_a_hundred_milestones_then_counts() {
    let tasks: Vec<String> = (0..250)
        .map(|i| {
            format!(r#"{{"id": "m{i}", "name": "Gate {i}", "workstream": "w", "duration": 0}}"#)
        })
        .collect();
    let text = format!(
        r#"{{"format": "planwork", "version": 2, "program": {{"name": "P", "start": "2026-01-05"}},
            "workstreams": [{{"id": "w", "name": "W"}}], "tasks": [{}]}}"#,
        tasks.join(",")
    );
    let file = temp_file("milestones.json", text.as_bytes());
    let out = planwork(&["forecast", file.to_str().unwrap(), "--iterations", "5"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("Gate 99 "), "{table}");
    assert!(!table.contains("Gate 100 "), "{table}");
    assert!(
        table.contains("… and 150 more milestones (--json lists them all)"),
        "{table}"
    );
}
