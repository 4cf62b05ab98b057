//! The `planwork` binary end to end: files in, tables and JSON out, clear errors.

use std::process::{Command, Output};

fn planwork(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_planwork"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

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
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read tests/fixtures/missing.json"));
    let out = planwork(&["schedule"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn generated_programs_schedule() {
    let out = planwork(&[
        "generate", "--shape", "random", "--tasks", "200", "--seed", "3",
    ]);
    assert!(out.status.success());
    let dir = std::env::temp_dir().join(format!("planwork-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("random.json");
    std::fs::write(&file, &out.stdout).unwrap();
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
    let expected = std::fs::read_to_string("../tests/files/v2/launch.planwork.json").unwrap();
    for old in [
        "../tests/files/v0/launch.json",
        "../tests/files/v1/launch.planwork.json",
    ] {
        let out = planwork(&["upgrade", old]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(
            stdout(&out),
            expected,
            "the stored v2 example is the upgrade of {old}"
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
