//! `planwork health` end to end: the DCMA assessment of a program under way against its
//! active baseline, as JSON and as a table; failing checks exit 0; the example program;
//! hostile text escaped.

mod common;

use common::{assert_exits_saying, planwork, stderr, stdout, temp_file};

const FIXTURE: &str = "tests/fixtures/health.planwork.json";

fn json(args: &[&str]) -> serde_json::Value {
    let out = planwork(args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

fn check<'a>(report: &'a serde_json::Value, slug: &str) -> &'a serde_json::Value {
    let checks = report["checks"].as_array().unwrap();
    checks.iter().find(|c| c["slug"] == slug).unwrap()
}

/// Status date Wednesday 14 January. Due by then in the baseline: design (9th, finished
/// on the 9th) and docs (13th, not started: forecast from the 14th to the 15th). Missed:
/// docs, 1 of 2; BEI: 1 finished of 2 due, 0.50. Docs has no link at all: logic fails,
/// 1 of 4 incomplete tasks (live is the finish milestone).
#[test]
fn health_measures_the_program_against_its_active_baseline() {
    let report = json(&["health", FIXTURE, "--json"]);
    assert_eq!(report["program"], "Health");
    assert_eq!(report["status_date"], "2026-01-14");
    assert_eq!(report["status_date_from"], "program");
    assert_eq!(report["baseline"], "Signed-off plan");
    assert_eq!(report["checks"].as_array().unwrap().len(), 14);
    let missed = check(&report, "missed-tasks");
    assert_eq!(missed["figure_text"], "50.0 % (1 of 2)");
    assert_eq!(missed["tasks"], serde_json::json!(["docs"]));
    assert_eq!(missed["outcome"], "fail");
    let bei = check(&report, "bei");
    assert_eq!(
        (bei["count"].as_i64(), bei["denominator"].as_i64()),
        (Some(1), Some(2))
    );
    let logic = check(&report, "logic");
    assert_eq!(logic["figure_text"], "25.0 % (1 of 4)");
    assert_eq!(logic["tasks"], serde_json::json!(["docs"]));
}

#[test]
fn health_prints_a_table_and_failing_checks_exit_0() {
    let out = planwork(&["health", FIXTURE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Health: schedule health on 2026-01-14 (the program's status date); baseline: Signed-off plan\n"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("! 11  Missed tasks") && l.contains("50.0 % (1 of 2)")),
        "{text}"
    );
    assert!(text.contains("\n11 Missed tasks: tasks due by the status date finishing after their baseline (1)\n  docs  Docs\n"), "{text}");
}

#[test]
fn a_date_given_beside_the_programs_own_is_not_used() {
    let out = planwork(&["health", FIXTURE, "--date", "2026-03-02", "--json"]);
    assert!(out.status.success());
    assert!(
        stderr(&out)
            .contains("--date 2026-03-02 not used: the program's status date is 2026-01-14"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_example_program_is_assessed_on_the_date_given() {
    let path = "../public/examples/platform-migration.planwork.json";
    let report = json(&["health", path, "--date", "2027-01-11", "--json"]);
    assert_eq!(report["status_date"], "2027-01-11");
    assert_eq!(report["status_date_from"], "given");
    // It has no baseline: 11 and 14 do not apply; it has resources: 10 does.
    assert_eq!(check(&report, "missed-tasks")["outcome"], "not_applicable");
    assert_eq!(check(&report, "bei")["outcome"], "not_applicable");
    assert_ne!(check(&report, "resources")["outcome"], "not_applicable");
    // On its start date nothing is forecast before it.
    assert_eq!(check(&report, "invalid-dates")["outcome"], "pass");
    let table = stdout(&planwork(&["health", path, "--date", "2027-01-11"]));
    assert!(
        table.contains("Platform migration (example): schedule health on 2027-01-11"),
        "{table}"
    );
}

#[test]
fn task_names_reach_the_terminal_escaped() {
    // docs has no link: logic fails and lists it by its id and name.
    let text = std::fs::read_to_string(FIXTURE).unwrap().replace(
        r#""name": "Docs""#,
        r#""name": "D\u001b[2J\nplanwork: all good""#,
    );
    let file = temp_file("health-escapes.json", text.as_bytes());
    let out = planwork(&["health", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(
        !table.contains('\u{1b}') && !table.contains("\nplanwork: all good"),
        "{table}"
    );
    assert!(table.contains(r"D\u{1b}[2J\nplanwork: all good"), "{table}");
}

#[test]
fn health_refuses_bad_requests() {
    assert_exits_saying(&planwork(&["health"]), 2, "health needs a program file");
    assert_exits_saying(
        &planwork(&["health", FIXTURE, "--date", "tomorrow"]),
        2,
        "--date takes YYYY-MM-DD, not 'tomorrow'",
    );
    assert_exits_saying(
        &planwork(&["health", "tests/fixtures/cycle.json"]),
        1,
        "dependency cycle: a → b → a [E009]",
    );
}
