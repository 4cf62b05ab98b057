//! Each version's stored files read, upgraded and written as the current version with
//! nothing lost; each version's additions read and written back.

use super::{every_example, files, read_file, text};
use planfile::{read, write};
use std::path::Path;

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
            once.starts_with("{\n  \"format\": \"planwork\",\n  \"version\": 8,\n"),
            "{once}"
        );
    }
}

/// Each version's files are read, upgraded and written as version 8 with nothing lost: the
/// version 8 file reads back as the same document (program, scenarios, baselines, logs,
/// unknown fields).
#[test]
fn every_version_is_written_as_version_8_without_loss() {
    for path in every_example() {
        let document = read(&text(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let written = write(&document);
        assert!(
            written.contains("\n  \"version\": 8,\n"),
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
        text(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/files/v8/launch.planwork.json")),
        "the stored version 8 launch is the version 1 one, written"
    );
}

/// Version 2 to 3 changes nothing but the number: a version 2 file read as if it said 3
/// is the same document, and the stored version 2 launch written is the version 8 one.
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
        text(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/files/v8/launch.planwork.json")),
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
/// is the same document, and the stored version 8 copies are the version 4 files written.
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
            .join(format!("../tests/files/v8/{name}.planwork.json"));
        assert_eq!(write(&v4), text(&stored), "{name}");
    }
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
                .join("../tests/files/v8/release-outline.planwork.json")
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
    assert!(write(&v0).contains("\"version\": 8"));
    assert_eq!(v0, read_file("v8/launch.planwork.json").unwrap());
    assert_eq!(v0, read_file("v7/launch.planwork.json").unwrap());
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
