//! Writing: unknown fields kept where they were (and gone with their item), two writes of
//! one program identical.

use super::read_file;
use planfile::{read, write};

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
