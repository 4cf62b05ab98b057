//! Bad files: each broken file gets its own clear message; an oversize file is refused
//! before parsing; known top-level fields are not kept as unknown.

use super::{files, read_file};
use planfile::{FileError, read};

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
        "bad-board.json",
        &[
            "4 problem(s)",
            "board.interval.iterations: a planning interval has 1 to 52 iterations, not 0 [E056]",
            "board.objectives[0].business_value: a business value is 1 to 10, not 11 [E059]",
            "board.objectives[1].team: objective O2 names no workstream of the program [E057]",
            "board.objectives[2].cards[1]: objective O3 links to no task called party [E060]",
        ],
    ),
    (
        "bad-board-types.json",
        &[
            "5 problem(s)",
            "board.interval.start: not a date: expected YYYY-MM-DD",
            "board.objectives[0].business_value: invalid type: string \"high\", expected a whole number from 0 to 255",
            "board.objectives[1].stretch: invalid type: string \"yes\", expected a boolean",
            "board.objectives[2].actual_value: invalid value: integer `-1`, expected a whole number from 0 to 255",
            "board.objectives[3]: expected an object, found text",
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
