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

#[test]
fn every_example_of_every_version_reads_and_round_trips_byte_identical() {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples/platform-migration.planwork.json");
    for path in files("v0").into_iter().chain(files("v1")).chain([shipped]) {
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
            once.starts_with("{\n  \"format\": \"planwork\",\n  \"version\": 1,\n"),
            "{once}"
        );
    }
}

#[test]
fn version_0_is_upgraded() {
    let v0 = read_file("v0/launch.json").unwrap();
    assert_eq!(v0.program.tasks.len(), 4);
    assert!(v0.extras.is_empty());
    assert!(write(&v0).contains("\"version\": 1"));
}

#[test]
fn unknown_fields_are_kept_where_they_were() {
    let document = read_file("v1/future-fields.planwork.json").unwrap();
    assert_eq!(document.id.as_deref(), Some("prog-7f3a"));
    let extras = &document.extras;
    assert!(extras.of("").unwrap().contains_key("stakeholders"));
    assert!(extras.of("risks/vendor").unwrap().contains_key("owner"));
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
