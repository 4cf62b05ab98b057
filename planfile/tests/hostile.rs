//! Hostile and careless files (issue 16), built in memory: each is refused with its place
//! named, at a bounded cost, or read as the app reads it.

use planfile::{FileError, MAX_DEPTH, MAX_FILE_BYTES, MAX_ITEMS, MAX_KEPT_VALUES, read};

const HEAD: &str = r#"{"format": "planwork", "version": 2,
    "program": {"name": "P", "start": "2026-01-05"},
    "workstreams": [{"id": "w", "name": "W"}],
    "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 1}]"#;

/// The problems of a file refused for its content, as `path: message` lines.
fn problems(text: &str) -> Vec<String> {
    match read(text) {
        Err(FileError::Invalid { problems }) => problems.iter().map(|p| p.to_string()).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{HEAD}}}");
    assert_eq!(read(&text).unwrap().program.tasks[0].id, "a");
    let bytes = text.into_bytes();
    assert_eq!(planfile::read_bytes(&bytes).unwrap().program.tasks.len(), 1);
}

#[test]
fn unknown_fields_nested_deeper_than_the_limit_are_refused_where_they_are() {
    // Depth 100, the shape of the 40 MB file that took 7.5 GB: refused at the first level
    // too deep, before anything is built.
    let nested = format!("{}1{}", r#"{"a":"#.repeat(100), "}".repeat(100));
    let found = problems(&format!("{HEAD}, \"future\": [{nested}]}}"));
    let expected = format!(
        "future[0]{}: nested too deeply: more than {MAX_DEPTH} levels",
        // The file's object and the list are two of the levels.
        ".a".repeat(MAX_DEPTH - 2)
    );
    assert!(found[0].starts_with(&expected), "{found:?}");
}

#[test]
fn unknown_fields_are_kept_up_to_a_bound() {
    // 40 MB of shallow unknown values: the first MAX_KEPT_VALUES are kept, then refused.
    let values = vec!["[1,2,3,4,5,6,7,8,9]"; MAX_KEPT_VALUES / 5].join(",");
    let found = problems(&format!("{HEAD}, \"future\": [{values}]}}"));
    assert_eq!(
        found,
        [format!(
            "future: this version of Planwork does not know this field, and keeps at most {} values in the fields it does not know",
            engine::words::thousands(MAX_KEPT_VALUES)
        )]
    );
    let few = vec!["[1,2,3]"; 100].join(",");
    let document = read(&format!("{HEAD}, \"future\": [{few}]}}")).unwrap();
    assert_eq!(
        document.extras.of("").unwrap()["future"]
            .as_array()
            .unwrap()
            .len(),
        100
    );
}

#[test]
fn a_list_longer_than_the_limit_is_refused_naming_it() {
    let items = vec!["0"; MAX_ITEMS + 1].join(",");
    let found = problems(&format!("{HEAD}, \"future\": [{items}]}}"));
    assert!(
        found[0].starts_with("future[1000000]: a list of more than 1,000,000 items"),
        "{found:?}"
    );
}

#[test]
fn a_key_twice_is_refused_not_silently_replaced() {
    let text = HEAD.replace(r#""duration": 1"#, r#""duration": 1, "duration": 900"#);
    let found = problems(&format!("{text}}}"));
    assert!(
        found[0].starts_with(
            "tasks[0].duration: the key \"duration\" appears twice in one object; a key may appear only once"
        ),
        "{found:?}"
    );
}

#[test]
fn thousands_of_problems_are_listed_a_hundred_then_counted() {
    let tasks: Vec<String> = (0..5_000)
        .map(|i| format!(r#"{{"id": "t{i}", "name": "T", "workstream": "w", "duration": "x"}}"#))
        .collect();
    let text = format!(
        r#"{{"format": "planwork", "version": 2, "program": {{"name": "P", "start": "2026-01-05"}},
            "workstreams": [{{"id": "w", "name": "W"}}], "tasks": [{}]}}"#,
        tasks.join(",")
    );
    let found = problems(&text);
    assert_eq!(found.len(), planfile::MAX_PROBLEMS + 1);
    assert!(
        found[planfile::MAX_PROBLEMS].contains("… and 4,900 more problems (5,000 in all"),
        "{}",
        found[planfile::MAX_PROBLEMS]
    );
}

#[test]
fn one_size_rule_for_reading_and_writing() {
    // A program whose written form is over the limit is refused by check_size, the same
    // rule read applies, so it is never stored to fail on the way back.
    let document = planfile::Document::new(engine::generate::generate(
        engine::generate::Shape::Chain,
        10,
        1,
    ));
    let text = planfile::write(&document);
    assert!(planfile::check_size(&text).is_ok());
    assert!(read(&text).is_ok());
    let over = format!("{text}{}", " ".repeat(MAX_FILE_BYTES + 1 - text.len()));
    assert_eq!(
        planfile::check_size(&over),
        Err(FileError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
    assert_eq!(
        read(&over).unwrap_err(),
        planfile::check_size(&over).unwrap_err()
    );
}
