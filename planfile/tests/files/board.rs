//! Version 8's program board read and written back: the planning interval and the teams'
//! PI objectives, the fields a newer version writes kept where they are, version 7 files
//! read as version 8 unchanged but for the number, and each bad value refused naming where.

use super::{files, read_file, text};
use engine::board::{CardsBy, RowsBy};
use planfile::{read, write};
use std::path::{Path, PathBuf};

fn stored(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/files")
        .join(name)
}

fn board_file() -> String {
    text(&stored("v8/launch-board.planwork.json"))
}

/// The message of reading `text`, which must fail.
fn refused(text: &str) -> String {
    read(text).expect_err("refused").to_string()
}

#[test]
fn version_8_reads_and_writes_the_board() {
    let document = read_file("v8/launch-board.planwork.json").unwrap();
    assert!(document.extras.is_empty(), "{:?}", document.extras);
    let board = &document.program.board;
    let interval = board.interval.as_ref().unwrap();
    assert_eq!(interval.name, "Launch PI");
    assert_eq!(interval.start.to_string(), "2026-01-05");
    assert_eq!((interval.iterations, interval.length), (4, 10));
    assert_eq!(
        (interval.rows, interval.cards),
        (RowsBy::Workstreams, CardsBy::Tasks)
    );
    let objectives: Vec<(&str, &str, bool, Option<u8>)> = board
        .objectives
        .iter()
        .map(|o| (o.id.as_str(), o.team.as_str(), o.stretch, o.business_value))
        .collect();
    assert_eq!(
        objectives,
        [
            ("O1", "eng", false, Some(10)),
            ("O2", "qa", true, Some(4)),
            ("O3", "ops", false, Some(8)),
        ]
    );
    assert_eq!(board.objectives[0].actual_value, Some(9));
    assert_eq!(board.objectives[2].cards, ["runbook", "train", "go-live"]);
    assert_eq!(
        write(&document),
        board_file(),
        "the stored file is in canonical form"
    );
}

#[test]
fn a_board_of_other_rows_and_cards_round_trips() {
    let original = board_file();
    let changed = original.replacen(
        "\"length\": 10\n",
        "\"length\": 10,\n      \"rows\": \"summaries\",\n      \"cards\": \"summaries\"\n",
        1,
    );
    let document = read(&changed).unwrap();
    let interval = document.program.board.interval.as_ref().unwrap();
    assert_eq!(
        (interval.rows, interval.cards),
        (RowsBy::Summaries, CardsBy::Summaries)
    );
    assert_eq!(write(&document), changed, "byte-identical");
}

#[test]
fn a_version_7_file_reads_as_version_8_unchanged_but_for_the_number() {
    for path in files("v7") {
        let original = text(&path);
        let relabelled = original.replacen("\"version\": 7,", "\"version\": 8,", 1);
        assert_ne!(original, relabelled, "{}", path.display());
        let document = read(&original).unwrap();
        assert_eq!(
            Ok(&document),
            read(&relabelled).as_ref(),
            "{}",
            path.display()
        );
        assert!(document.program.board.is_empty(), "{}", path.display());
        let name = path.file_name().unwrap();
        assert_eq!(
            write(&document),
            text(&stored("v8").join(name)),
            "{}: written as the stored version 8 copy",
            path.display()
        );
    }
}

#[test]
fn unknown_fields_of_the_board_are_kept() {
    let newer = board_file()
        .replacen(
            "\"board\": {\n",
            "\"board\": {\n    \"cadence\": \"quarterly\",\n",
            1,
        )
        .replacen(
            "\"name\": \"Launch PI\",",
            "\"name\": \"Launch PI\",\n      \"ip_iteration\": true,",
            1,
        )
        .replacen(
            "\"id\": \"O2\",",
            "\"id\": \"O2\",\n        \"confidence\": 3,",
            1,
        );
    let document = read(&newer).unwrap();
    assert!(document.extras.of("board").unwrap().contains_key("cadence"));
    assert!(
        document
            .extras
            .of("board/interval")
            .unwrap()
            .contains_key("ip_iteration")
    );
    assert!(
        document
            .extras
            .of("board/objectives/O2")
            .unwrap()
            .contains_key("confidence")
    );
    let written = write(&document);
    for field in [
        "\"cadence\": \"quarterly\"",
        "\"ip_iteration\": true",
        "\"confidence\": 3",
    ] {
        assert!(written.contains(field), "{field} in\n{written}");
    }
    assert_eq!(read(&written).unwrap(), document);
    assert_eq!(write(&read(&written).unwrap()), written);
}

#[test]
fn a_board_of_only_unknown_fields_is_kept() {
    let newer = text(&stored("v8/launch.planwork.json")).replacen(
        "\n}\n",
        ",\n  \"board\": {\n    \"cadence\": \"quarterly\"\n  }\n}\n",
        1,
    );
    let document = read(&newer).unwrap();
    assert!(document.program.board.is_empty());
    assert_eq!(write(&document), newer, "written back as it was");
}

#[test]
fn bad_values_are_refused_naming_where_with_the_engine_codes() {
    let cases = [
        (
            "\"business_value\": 8,",
            "\"business_value\": 11,",
            "board.objectives[2].business_value: a business value is 1 to 10, not 11 [E059]",
        ),
        (
            "\"team\": \"qa\",",
            "\"team\": \"design\",",
            "board.objectives[1].team: objective O2 names no workstream of the program [E057]",
        ),
        (
            "\"iterations\": 4,",
            "\"iterations\": 0,",
            "board.interval.iterations: a planning interval has 1 to 52 iterations, not 0 [E056]",
        ),
        (
            "\"suite\"\n",
            "\"soak\"\n",
            "board.objectives[1].cards[0]: objective O2 links to no task called soak [E060]",
        ),
        (
            "\"id\": \"O3\",",
            "\"id\": \"O1\",",
            "board.objectives[2].id: two objectives are called O1 [E058]",
        ),
    ];
    for (from, to, expected) in cases {
        let broken = board_file().replacen(from, to, 1);
        assert_ne!(broken, board_file(), "{from}");
        let message = refused(&broken);
        assert!(
            message.contains(expected),
            "expected «{expected}» in:\n{message}"
        );
    }
}

#[test]
fn each_bad_objective_is_reported_on_its_own() {
    let broken = board_file()
        .replacen(
            "\"business_value\": 10,",
            "\"business_value\": \"high\",",
            1,
        )
        .replacen("\"stretch\": true,", "\"stretch\": \"yes\",", 1);
    let message = refused(&broken);
    for expected in [
        "2 problem(s)",
        "board.objectives[0].business_value: invalid type: string \"high\"",
        "board.objectives[1].stretch: invalid type: string \"yes\", expected a boolean",
    ] {
        assert!(
            message.contains(expected),
            "expected «{expected}» in:\n{message}"
        );
    }
}

#[test]
fn a_board_of_the_wrong_shape_is_refused_naming_where() {
    let original = board_file();
    let at = original.find("  \"board\": ").unwrap();
    let with_board = |board: &str| format!("{}  \"board\": {board}\n}}\n", &original[..at]);
    let cases = [
        (
            "[1]",
            "board: expected an object (the program board), found a list",
        ),
        (
            r#"{"interval": {"start": "next year"}}"#,
            "board.interval.start: not a date",
        ),
        (
            r#"{"interval": {"start": "2026-01-05", "iterations": -1}}"#,
            "board.interval.iterations: invalid value: integer `-1`",
        ),
        (
            r#"{"objectives": {"O1": {}}}"#,
            "board.objectives: expected a list, found an object",
        ),
        (
            r#"{"objectives": [{"id": "O1", "text": "Ship"}]}"#,
            "board.objectives[0]: missing field `team`",
        ),
        (
            r#"{"objectives": [{"id": "O1", "team": "eng", "text": "Ship", "business_value": 300}]}"#,
            "board.objectives[0].business_value: invalid value: integer `300`",
        ),
    ];
    for (board, expected) in cases {
        let message = refused(&with_board(board));
        assert!(
            message.contains(expected),
            "expected «{expected}» in:\n{message}"
        );
    }
}

#[test]
fn a_part_holding_only_fields_of_a_newer_version_is_written_back() {
    // The logs, readiness, status and board of a newer file, each with nothing this
    // version knows: kept whole, not dropped because the part looks empty here.
    let text = r#"{"format": "planwork", "version": 8,
      "program": {"name": "P", "start": "2027-01-04"},
      "workstreams": [{"id": "w", "name": "W"}],
      "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 1}],
      "logs": {"lessons": []}, "readiness": {"drills": 1},
      "status": {"cadence": "weekly"}, "board": {"swimlanes": 2}}"#;
    let document = read(text).unwrap();
    let written = write(&document);
    for field in [
        "\"lessons\"",
        "\"drills\": 1",
        "\"cadence\": \"weekly\"",
        "\"swimlanes\": 2",
    ] {
        assert!(written.contains(field), "{field} in\n{written}");
    }
    assert_eq!(read(&written).unwrap(), document);
}
