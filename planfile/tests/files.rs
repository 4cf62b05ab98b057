//! The program file against stored example files: every version reads and upgrades, the
//! round trip is byte-identical, and each broken file gets its own clear message.

use planfile::{Document, FileError, read, write};
use std::path::{Path, PathBuf};

fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/files")
        .join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no files in {}", dir.display());
    paths
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn read_file(name: &str) -> Result<Document, FileError> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/files")
        .join(name);
    read(&text(&path))
}

/// Every stored example of every version, and the example shipped with the app.
fn every_example() -> Vec<PathBuf> {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples/platform-migration.planwork.json");
    let mut all: Vec<PathBuf> = ["v0", "v1", "v2", "v3", "v4", "v5", "v6"]
        .into_iter()
        .flat_map(files)
        .collect();
    all.push(shipped);
    all
}

#[test]
fn every_example_of_every_version_reads_and_round_trips_byte_identical() {
    for path in every_example() {
        let document = read(&text(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let once = write(&document);
        let again = write(&read(&once).unwrap());
        assert_eq!(once, again, "{}", path.display());
        if path.starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("../public")) {
            assert_eq!(
                once,
                text(&path),
                "the shipped example is in canonical form"
            );
        }
        assert!(
            once.starts_with("{\n  \"format\": \"planwork\",\n  \"version\": 6,\n"),
            "{once}"
        );
    }
}

/// Each version's files are read, upgraded and written as version 6 with nothing lost: the
/// version 6 file reads back as the same document (program, scenarios, baselines, logs,
/// unknown fields).
#[test]
fn every_version_is_written_as_version_6_without_loss() {
    for path in every_example() {
        let document = read(&text(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let written = write(&document);
        assert!(
            written.contains("\n  \"version\": 6,\n"),
            "{}",
            path.display()
        );
        assert_eq!(read(&written).unwrap(), document, "{}", path.display());
    }
}

/// Version 1 to 2 changes nothing but the number: a version 1 file read as if it said 2
/// is the same document.
#[test]
fn the_upgrade_from_version_1_is_only_the_version_number() {
    for path in files("v1") {
        let original = text(&path);
        let relabelled = original.replacen("\"version\": 1,", "\"version\": 2,", 1);
        assert_ne!(original, relabelled, "{}", path.display());
        assert_eq!(read(&original), read(&relabelled), "{}", path.display());
    }
    let v1 = read_file("v1/launch.planwork.json").unwrap();
    assert_eq!(
        v1,
        read_file("v2/launch.planwork.json").unwrap(),
        "the stored version 2 launch is the version 1 one"
    );
    assert_eq!(
        write(&v1),
        text(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/files/v6/launch.planwork.json")),
        "the stored version 6 launch is the version 1 one, written"
    );
}

/// Version 2 to 3 changes nothing but the number: a version 2 file read as if it said 3
/// is the same document, and the stored version 2 launch written is the version 6 one.
#[test]
fn the_upgrade_from_version_2_is_only_the_version_number() {
    for path in files("v2") {
        let original = text(&path);
        let relabelled = original.replacen("\"version\": 2,", "\"version\": 3,", 1);
        assert_ne!(original, relabelled, "{}", path.display());
        assert_eq!(read(&original), read(&relabelled), "{}", path.display());
    }
    assert_eq!(
        write(&read_file("v2/launch.planwork.json").unwrap()),
        text(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/files/v6/launch.planwork.json")),
    );
}

/// Version 3's addition: a task as late as possible, without a date, read, scheduled late
/// (each order placed just in time before what needs it) and written back as it was.
#[test]
fn version_3_reads_and_writes_as_late_as_possible() {
    use engine::ConstraintKind;
    let document = read_file("v3/just-in-time.planwork.json").unwrap();
    let program = &document.program;
    assert!(document.extras.is_empty(), "{:?}", document.extras);
    let late: Vec<(&str, ConstraintKind, Option<chrono::NaiveDate>)> = program
        .tasks
        .iter()
        .filter_map(|t| {
            t.constraint
                .as_ref()
                .map(|c| (t.id.as_str(), c.kind, c.date))
        })
        .collect();
    assert_eq!(
        late,
        [
            ("order", ConstraintKind::ALAP, None),
            ("deliver", ConstraintKind::ALAP, None)
        ]
    );
    // Design Mon 2 – Fri 6 March, build Mon 9 – Fri 20, install from Mon 23: the parts are
    // delivered on the two days before (Thu 19, Fri 20), ordered on the three before those.
    let plan = engine::schedule(program).unwrap();
    let dates = |i: usize| {
        (
            plan.tasks[i].start.to_string(),
            plan.tasks[i].finish.to_string(),
        )
    };
    assert_eq!(dates(2), ("2026-03-16".into(), "2026-03-18".into()));
    assert_eq!(dates(3), ("2026-03-19".into(), "2026-03-20".into()));
    let written = write(&document);
    assert!(
        written.contains("\"constraint\": {\n        \"type\": \"ALAP\"\n      }"),
        "{written}"
    );
    assert_eq!(read(&written).unwrap(), document);
}

/// Version 3 to 4 changes nothing but the number: a version 3 file read as if it said 4
/// is the same document.
#[test]
fn the_upgrade_from_version_3_is_only_the_version_number() {
    for path in files("v3") {
        let original = text(&path);
        let relabelled = original.replacen("\"version\": 3,", "\"version\": 4,", 1);
        assert_ne!(original, relabelled, "{}", path.display());
        assert_eq!(read(&original), read(&relabelled), "{}", path.display());
    }
}

/// Version 4 to 5 changes nothing but the number: a version 4 file read as if it said 5
/// is the same document, and the stored version 6 copies are the version 4 files written.
#[test]
fn the_upgrade_from_version_4_is_only_the_version_number() {
    for path in files("v4") {
        let original = text(&path);
        let relabelled = original.replacen("\"version\": 4,", "\"version\": 5,", 1);
        assert_ne!(original, relabelled, "{}", path.display());
        assert_eq!(read(&original), read(&relabelled), "{}", path.display());
    }
    for name in ["launch", "release-outline"] {
        let v4 = read_file(&format!("v4/{name}.planwork.json")).unwrap();
        let stored = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../tests/files/v6/{name}.planwork.json"));
        assert_eq!(write(&v4), text(&stored), "{name}");
    }
}

/// Version 5's addition: every log read, checked, and written back with nothing lost,
/// a field Planwork does not know on an assumption ("confidence") kept; the figures read
/// from it worked by hand.
#[test]
fn version_5_reads_and_writes_every_log() {
    use engine::logs::figures;
    use engine::logs::model::{CommitmentStatus, Escalation};
    let document = read_file("v5/launch-logs.planwork.json").unwrap();
    let program = &document.program;
    let logs = &program.logs;
    assert_eq!(
        (
            logs.assumptions.len(),
            logs.issues.len(),
            logs.dependencies.len()
        ),
        (2, 2, 2)
    );
    assert_eq!((logs.decisions.len(), logs.changes.len()), (2, 1));
    assert_eq!(logs.issues[0].escalation, Escalation::Program);
    assert_eq!(program.risks[0].actions.len(), 2);
    let charter = logs.charter.as_ref().unwrap();
    assert_eq!(charter.stakeholders[1].raci[1].letters, "RC");
    assert!(
        document
            .extras
            .of("logs/assumptions/A2")
            .unwrap()
            .contains_key("confidence")
    );
    let written = write(&document);
    assert!(written.contains("\"confidence\": \"low\""), "{written}");
    assert_eq!(read(&written).unwrap(), document);
    // Design Mon 5 – Fri 9 January, Build Mon 12 – Mon 26 (Monday 19 a holiday): the
    // runbook review (D1, need-by Fri 23) is at risk by the schedule.
    let plan = engine::schedule(program).unwrap();
    let on = "2026-01-20".parse().unwrap();
    let d1 = figures::commitment_status(program, Some(&plan), &logs.dependencies[0], on);
    assert_eq!(d1.status, CommitmentStatus::AtRisk);
    assert_eq!(
        d1.rule.describe(),
        "task build finishes 2026-01-26, after need-by 2026-01-23"
    );
    // DEC1 raised Wed 14, decided Fri 16: 2 working days. I2 opened Thu 8, resolved Mon 12.
    assert_eq!(
        figures::decision_latency(program, &logs.decisions[0]),
        Some(2)
    );
    assert_eq!(figures::resolution_time(program, &logs.issues[1]), Some(2));
    // Conversion 2.1 → 5.1, measured 2.4: a tenth of the way.
    let index = figures::benefits_index(charter).unwrap();
    assert!((index - 0.1).abs() < 1e-9, "{index}");
}

/// The shipped example has every log filled, realistically: as of Monday 22 February 2027
/// two cross-team dependencies are at risk by the schedule (SSO federation and the service
/// accounts finish Friday 26 February, after the portal and the migration tooling need them)
/// and two open decisions are past their needed-by date.
#[test]
fn the_shipped_example_has_every_log_working() {
    use engine::logs::figures;
    use engine::logs::model::CommitmentStatus;
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples/platform-migration.planwork.json");
    let document = read(&text(&path)).unwrap();
    let program = &document.program;
    let logs = &program.logs;
    assert!((6..=10).contains(&program.risks.len()));
    assert!(
        program
            .risks
            .iter()
            .all(|r| !r.owner.is_empty() && r.response.is_some())
    );
    assert!(logs.assumptions.iter().any(|a| a.became.is_some()));
    assert!((4..=6).contains(&logs.issues.len()));
    assert!((5..=8).contains(&logs.dependencies.len()));
    assert!((4..=6).contains(&logs.decisions.len()));
    assert_eq!(logs.changes.len(), 2);
    assert_eq!(logs.charter.as_ref().unwrap().benefits.len(), 3);
    let plan = engine::schedule(program).unwrap();
    let on = "2027-02-22".parse().unwrap();
    let at_risk: Vec<&str> = logs
        .dependencies
        .iter()
        .filter(|d| {
            let computed = figures::commitment_status(program, Some(&plan), d, on);
            computed.status == CommitmentStatus::AtRisk
                && matches!(
                    computed.rule,
                    figures::StatusRule::ProviderFinishesLate { .. }
                )
        })
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(at_risk, ["D1", "D4"]);
    let late: Vec<&str> = logs
        .decisions
        .iter()
        .filter(|d| figures::decision_overdue(d, on))
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(late, ["DEC2", "DEC5"]);
    let index = figures::benefits_index(logs.charter.as_ref().unwrap()).unwrap();
    assert!(index > 0.0 && index < 0.2, "{index}");
    // The forecast's program with risks mitigated still checks.
    assert!(engine::check(&engine::logs::impact::mitigated(program)).is_ok());
}

/// Version 4's addition: summary tasks read, scheduled (Build rolls up API → UI and Docs
/// after the specification: Wed 7 – Tue 13; its deadline Mon 12 makes API and UI a day
/// late) and written back as they were.
#[test]
fn version_4_reads_and_writes_summary_tasks() {
    let document = read_file("v4/release-outline.planwork.json").unwrap();
    assert!(document.extras.is_empty(), "{:?}", document.extras);
    let program = &document.program;
    assert!(program.tasks[1].summary);
    assert_eq!(program.tasks[2].parent.as_deref(), Some("build"));
    let plan = engine::schedule(program).unwrap();
    let build = &plan.tasks[1];
    assert_eq!(
        (build.start.to_string(), build.finish.to_string()),
        ("2026-01-07".into(), "2026-01-13".into())
    );
    assert_eq!(
        (plan.tasks[2].total_float, plan.tasks[3].total_float),
        (-1, -1)
    );
    assert_eq!(plan.tasks[5].start.to_string(), "2026-01-13");
    let written = write(&document);
    assert!(written.contains("\"parent\": \"build\""), "{written}");
    assert!(written.contains("\"summary\": true"), "{written}");
    assert_eq!(
        written,
        text(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../tests/files/v6/release-outline.planwork.json")
        )
    );
}

/// Version 4's other addition: resources, demands and priorities read, a field Planwork
/// does not know on a resource ("rota") kept and written back, and the load worked by
/// hand: from Monday 2 March the cut-over (SRE 1) and the drill (SRE 1.5) overload SRE
/// (capacity 2) on their three common days, Mon 2 – Wed 4.
#[test]
fn version_4_reads_and_writes_resources() {
    let document = read_file("v4/shared-sre.planwork.json").unwrap();
    let program = &document.program;
    assert_eq!(program.resources.len(), 2);
    assert_eq!(program.resources[1].capacity, 0.5);
    assert_eq!(program.tasks[0].priority, Some(700));
    assert_eq!(program.tasks[0].demands[1].units, 0.5);
    let written = write(&document);
    assert!(written.contains("\"rota\": \"weekly\""), "{written}");
    assert_eq!(read(&written).unwrap(), document);
    let checked = engine::check(program).unwrap();
    let plan = engine::schedule_checked(&checked).unwrap();
    let load = engine::load::load_profile(program, &plan);
    let over = &load.resources[0].over;
    assert_eq!(over.len(), 1);
    assert_eq!(
        (over[0].start.to_string(), over[0].finish.to_string()),
        ("2026-03-02".into(), "2026-03-04".into())
    );
    assert_eq!(over[0].tasks, vec![0, 1]);
    assert!(load.resources[1].over.is_empty());
}

#[test]
fn version_0_is_upgraded() {
    let v0 = read_file("v0/launch.json").unwrap();
    assert_eq!(v0.program.tasks.len(), 4);
    assert!(v0.extras.is_empty());
    assert!(write(&v0).contains("\"version\": 6"));
    assert_eq!(v0, read_file("v6/launch.planwork.json").unwrap());
    assert_eq!(v0, read_file("v4/launch.planwork.json").unwrap());
    assert_eq!(v0, read_file("v5/launch.planwork.json").unwrap());
}

#[test]
fn version_2_fields_are_read_and_written() {
    use engine::CriticalPath;
    use engine::scenario::Change;
    let document = read_file("v2/colours-and-rules.planwork.json").unwrap();
    let program = &document.program;
    assert!(document.extras.is_empty(), "{:?}", document.extras);
    let colours: Vec<Option<&str>> = program
        .workstreams
        .iter()
        .map(|w| w.color.as_deref())
        .collect();
    assert_eq!(colours, [Some("#2f6fde"), Some("#D9480F"), None]);
    assert_eq!(
        program.program.critical_path,
        CriticalPath::TotalFloat { max_days: 2 }
    );
    let changes = &document.scenarios[0].changes;
    assert!(
        matches!(&changes[0], Change::SetEstimate { task, estimate: Some(e) } if task == "sso" && e.optimistic == 5.0)
    );
    assert_eq!(
        changes[0].describe(program),
        "Identity: 'SSO cut-over' estimate 5/8/15d (PERT)"
    );
    assert_eq!(
        document.scenarios[1].changes[1],
        Change::SetEstimate {
            task: "portal".into(),
            estimate: None
        }
    );
    let written = write(&document);
    for field in [
        "\"color\": \"#2f6fde\"",
        "\"critical_path\": {\n      \"rule\": \"total_float\",\n      \"max_days\": 2\n    }",
        "\"change\": \"set_estimate\"",
        "\"estimate\": null",
    ] {
        assert!(written.contains(field), "{field} in\n{written}");
    }
    let longest = read_file("v2/longest-path.planwork.json").unwrap();
    assert_eq!(
        longest.program.program.critical_path,
        CriticalPath::LongestPath
    );
    assert!(write(&longest).contains("\"rule\": \"longest_path\""));
    // The default rule is not written: a plan that never chose one reads as before.
    assert!(!write(&read_file("v2/launch.planwork.json").unwrap()).contains("critical_path"));
}

#[test]
fn an_unknown_critical_path_rule_is_refused_naming_the_field() {
    let text = r#"{"format": "planwork", "version": 2,
      "program": {"name": "P", "start": "2026-01-05", "critical_path": {"rule": "shortest"}}}"#;
    let message = read(text).unwrap_err().to_string();
    assert!(message.contains("program.critical_path"), "{message}");
    assert!(message.contains("unknown variant `shortest`"), "{message}");
}

#[test]
fn unknown_fields_are_kept_where_they_were() {
    let document = read_file("v1/future-fields.planwork.json").unwrap();
    assert_eq!(document.id.as_deref(), Some("prog-7f3a"));
    let extras = &document.extras;
    assert!(extras.of("").unwrap().contains_key("stakeholders"));
    // A risk's `owner` was an unknown field before version 5; it now reads as the risk's.
    assert!(extras.of("risks/vendor").is_none());
    assert_eq!(document.program.risks[0].owner, "Ana");
    assert_eq!(document.program.risks[0].impact.max, 15);
    assert_eq!(
        document.program.tasks[0]
            .estimate
            .as_ref()
            .map(|e| e.pessimistic),
        Some(18.0)
    );
    assert_eq!(extras.of("program").unwrap()["sponsor"], "CTO office");
    assert!(extras.of("calendar").unwrap().contains_key("timezone"));
    assert!(extras.of("workstreams/id").unwrap().contains_key("lead"));
    assert!(
        extras
            .of("workstreams/qa/calendar")
            .unwrap()
            .contains_key("shift")
    );
    assert!(
        extras
            .of("tasks/sso")
            .unwrap()
            .contains_key("confidence_note")
    );
    assert!(
        extras
            .of("tasks/regress/constraint")
            .unwrap()
            .contains_key("reason")
    );
    assert!(
        extras
            .of("dependencies/sso→regress")
            .unwrap()
            .contains_key("note")
    );
    let written = write(&document);
    for field in [
        "\"stakeholders\"",
        "\"sponsor\"",
        "\"timezone\"",
        "\"lead\"",
        "\"shift\"",
        "\"confidence_note\"",
        "\"reason\"",
        "\"note\"",
        "\"owner\"",
    ] {
        assert!(written.contains(field), "{field} lost");
    }
    assert_eq!(
        document.program.tasks[1].name, "Regression <script>alert('x')</script>",
        "text stays text"
    );
}

#[test]
fn a_deleted_item_takes_its_unknown_fields_with_it() {
    let mut document = read_file("v1/future-fields.planwork.json").unwrap();
    document.program.tasks.retain(|t| t.id != "sso");
    document.program.risks.clear();
    document.program.dependencies.retain(|d| d.from != "sso");
    let written = write(&document);
    assert!(!written.contains("\"confidence_note\"") && !written.contains("\"note\""));
    assert!(read(&written).is_ok());
}

#[test]
fn two_writes_of_one_program_are_identical_and_follow_edits() {
    let mut document = read_file("v1/future-fields.planwork.json").unwrap();
    assert_eq!(write(&document), write(&document.clone()));
    document.program.tasks[0].percent_complete = 0.0;
    let written = write(&document);
    assert_eq!(
        read(&written).unwrap().program.tasks[0].percent_complete,
        0.0,
        "an edit wins over nothing"
    );
}

/// Each broken file and the words its message must contain.
const BROKEN: &[(&str, &[&str])] = &[
    ("trailing-comma.json", &["not valid JSON at line 4, column"]),
    ("truncated.json", &["ends too early"]),
    ("deep-nesting.json", &["nested too deeply"]),
    (
        "not-an-object.json",
        &["not a Planwork program", "not an object"],
    ),
    ("other-format.json", &["\"gantt-pro\" file"]),
    ("bad-version.json", &["no valid \"version\""]),
    ("unrelated-json.json", &["no \"format\": \"planwork\""]),
    (
        "wrong-types.json",
        &[
            "6 problem(s)",
            "dependencies: expected a list, found an object",
            "tasks[0].duration: invalid type: string \"abc\", expected a whole number",
            "tasks[1].name: invalid type: integer `5`, expected a string",
            "tasks[2]: expected an object, found text",
            "tasks[3].duration: invalid type: floating point",
            "tasks[4].constraint.type: unknown variant `SOMETIME`",
        ],
    ),
    (
        "bad-dates.json",
        &[
            "program.start: not a date: expected YYYY-MM-DD",
            "calendar.workdays[1]: not a weekday",
        ],
    ),
    ("huge-number.json", &["number out of range"]),
    (
        "cycle.json",
        &[
            "tasks[2].workstream: task 'c' names workstream 'ghost'",
            "[E003]",
            "a → b → a",
            "[E009]",
        ],
    ),
    ("missing-program.json", &["program: missing"]),
    (
        "bad-version-2-fields.json",
        &[
            "2 problem(s)",
            "program.critical_path.max_days: -3 days: a task is critical when its total float is at most a number of working days from 0 to 100000 [E023]",
            "workstreams[2].color: '#zz' is not a colour: write it as #2f6fde [E024]",
        ],
    ),
    (
        "duplicate-key.json",
        &[
            "tasks[0].duration: the key \"duration\" appears twice in one object; a key may appear only once (line 7, column",
        ],
    ),
    (
        "invisible-id.json",
        &["tasks[0].id: task 'Looks like nothing' has no id [E011]"],
    ),
    (
        "least-lag.json",
        &[
            "dependencies[0].lag: dependency a → b has a lag of -9223372036854775808; at most ±100000 is supported [E015]",
        ],
    ),
    (
        "bad-change-fields.json",
        &[
            "4 problem(s)",
            "scenarios[0].changes[0].days: invalid type: string \"ten\", expected a whole number",
            "scenarios[0].changes[1].task: expected an object (a task), found a list",
            "scenarios[0].changes[2].task: missing field `task`",
            "scenarios[1].changes[0].days: a slip of 9223372036854775807 working days; it must be from -100000 to 100000 [E015]",
        ],
    ),
    (
        "unknown-too-deep.json",
        &[
            "future.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a: nested too deeply: more than 20 levels of lists and objects (line 1, column",
        ],
    ),
    (
        "bad-logs.json",
        &[
            "2 problem(s)",
            "logs.changes[0].scenario: change request 'CR1' names scenario 'missing', which is not in the file",
            "logs.decisions[0].links.scenarios[1]: decision 'DEC1' names scenario 'gone', which is not in the file",
        ],
    ),
    (
        "bad-log-engine.json",
        &[
            "risks[0].severity: risk 'R1': severity 7 is outside 1 to 5 [E038]",
            "risks[0].mitigated.probability: risk 'R1': mitigated.probability 1.5 is outside 0 to 1 (0% to 100%) [E037]",
            "logs.issues[0].resolved: issue 'I1': resolved 2026-03-03 is before opened 2026-03-05 [E036]",
            "logs.issues[0].tasks[0]: issue 'I1' names task 'ghost' (tasks[0]), which does not exist [E035]",
            "logs.dependencies[1].need_by: dependency 'D2': need_by 2026-03-01 is before opened 2026-03-05 [E036]",
            "logs.dependencies[1].provider: dependency 'D2' names workstream 'nobody' (provider), which does not exist [E035]",
            "logs.dependencies[2].id: dependency 'D1' is used more than once in dependencies (first at dependencies[0]) [E034]",
        ],
    ),
    (
        "bad-log-types.json",
        &[
            "2 problem(s)",
            "logs.issues[0].escalation: escalation level 4: it is 0 (team), 1 (program), 2 (steering) or 3 (executive)",
            "logs.decisions[0].raised: not a date: expected YYYY-MM-DD",
        ],
    ),
    (
        "bad-readiness-types.json",
        &[
            "3 problem(s)",
            "readiness.checklists[0].items[1].status: unknown variant `done`, expected one of `not_started`, `in_progress`, `met`, `waived`",
            "readiness.go_no_go: expected a list, found an object",
            "readiness.runbooks[0].steps[0].planned_start: '10pm' is not a date and time of day like 2027-06-14T22:00",
        ],
    ),
    (
        "bad-readiness-rules.json",
        &[
            "readiness.checklists[0].items[1].waiver.approver: checklist of 'ga', item 'RC2' is waived without a approver [E044]",
            "readiness.checklists[1].milestone: checklist of 'build': task 'build' is not a milestone [E042]",
            "readiness.go_no_go[0].outcome: go/no-go of 'ga': a Go is refused while hard gates are neither met nor waived: RC1 [E048]",
            "readiness.go_no_go[1].next_review: go/no-go of 'ga': a No-Go needs the date of the next review [E047]",
            "readiness.runbooks[0].steps[0].duration_minutes: runbook of 'ga', step 'S1': duration_minutes 0 must be more than 0 [E051]",
            "readiness.runbooks[0].steps: runbook of 'ga': steps wait for each other in a cycle: ",
            "[E050]",
        ],
    ),
    (
        "bad-scenarios.json",
        &[
            "scenarios[2].changes[0].change: unknown variant `capacity`, expected one of `slip`",
            "active_baseline: there is no baseline 'nowhere'",
            "scenarios[1].id: 's1' is used more than once",
        ],
    ),
];

#[test]
fn each_broken_file_gets_its_specific_message() {
    let mut seen = Vec::new();
    for (name, expected) in BROKEN {
        let error = read_file(&format!("broken/{name}")).expect_err(name);
        let message = error.to_string();
        for words in *expected {
            assert!(
                message.contains(words),
                "{name}: expected «{words}» in:\n{message}"
            );
        }
        seen.push(name.to_string());
    }
    let on_disk: Vec<String> = files("broken")
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    seen.sort();
    assert_eq!(seen, on_disk, "every broken file is checked");
}

#[test]
fn an_oversize_file_is_refused_before_parsing() {
    let text = " ".repeat(planfile::MAX_FILE_BYTES + 1);
    assert_eq!(
        read(&text),
        Err(FileError::TooLarge {
            bytes: planfile::MAX_FILE_BYTES + 1
        })
    );
}

#[test]
fn known_top_level_fields_are_not_kept_as_unknown() {
    let document = read_file("v1/scenarios.planwork.json").unwrap();
    assert!(
        document.extras.of("").is_none(),
        "{:?}",
        document.extras.of("")
    );
    assert_eq!(document.scenarios.len(), 2);
    assert_eq!(document.scenarios[0].changes.len(), 3);
    assert_eq!(document.baselines[0].tasks.len(), 3);
    assert_eq!(document.active_baseline.as_deref(), Some("signed-off"));
    assert!(
        document
            .extras
            .of("scenarios/late-identity")
            .unwrap()
            .contains_key("owner")
    );
}
