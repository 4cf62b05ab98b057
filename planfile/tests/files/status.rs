//! Version 7's status book read and written back: rules, draft and issued packs, and the
//! fields a newer version writes kept where they are.

use super::{read_file, text};
use planfile::{read, write};

#[test]
fn version_7_reads_and_writes_the_status_book() {
    let document = read_file("v7/launch-status.planwork.json").unwrap();
    let status = &document.program.status;
    assert_eq!(
        status.rules.schedule.amber_days, 3,
        "a threshold of the program's own"
    );
    assert_eq!(status.packs.len(), 2);
    let second = &status.packs[1];
    assert_eq!(second.id, "SP2");
    assert_eq!(second.changes.since.as_deref(), Some("SP1"));
    assert_eq!(second.changes.moved[0].id, "go-live");
    assert_eq!(
        second.overrides[0].reason,
        "Recovery plan agreed with the vendor"
    );
    assert!(!second.facts.milestones.is_empty());
    assert_eq!(
        write(&document),
        text(std::path::Path::new(&format!(
            "{}/../tests/files/v8/launch-status.planwork.json",
            env!("CARGO_MANIFEST_DIR")
        ))),
        "the stored file, written as the current version, is the stored version 8 one"
    );
}

#[test]
fn unknown_fields_of_the_status_book_are_kept() {
    let original = text(std::path::Path::new(&format!(
        "{}/../tests/files/v7/launch-status.planwork.json",
        env!("CARGO_MANIFEST_DIR")
    )));
    let newer = original
        .replacen(
            "\"status\": {\n",
            "\"status\": {\n    \"cadence\": \"weekly\",\n",
            1,
        )
        .replacen(
            "\"id\": \"SP2\",",
            "\"id\": \"SP2\",\n        \"audience\": \"steering\",",
            1,
        );
    let document = read(&newer).unwrap();
    let written = write(&document);
    assert!(written.contains("\"cadence\": \"weekly\""), "{written}");
    assert!(written.contains("\"audience\": \"steering\""));
    assert_eq!(read(&written).unwrap(), document);
}

#[test]
fn an_override_without_a_reason_is_refused_naming_where() {
    let original = text(std::path::Path::new(&format!(
        "{}/../tests/files/v7/launch-status.planwork.json",
        env!("CARGO_MANIFEST_DIR")
    )));
    let broken = original.replacen(
        "\"reason\": \"Recovery plan agreed with the vendor\"",
        "\"reason\": \" \"",
        1,
    );
    let error = read(&broken).unwrap_err().to_string();
    assert!(
        error.contains("status.packs[1].overrides[0].reason"),
        "{error}"
    );
    assert!(error.contains("E053"), "{error}");
}
