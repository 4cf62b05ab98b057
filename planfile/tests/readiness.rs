//! Version 6: readiness read, checked and written back with nothing lost (a field Planwork
//! does not know on a checklist item kept), the figures read from it worked by hand, and
//! the upgrade from version 5 is only the number.

use planfile::{read, write};
use std::path::{Path, PathBuf};

fn path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/files")
        .join(name)
}

fn text(name: &str) -> String {
    std::fs::read_to_string(path(name)).unwrap()
}

#[test]
fn the_upgrade_from_version_5_is_only_the_version_number() {
    for name in ["launch", "launch-logs", "release-outline"] {
        let v5 = text(&format!("v5/{name}.planwork.json"));
        let relabelled = v5.replacen("\"version\": 5,", "\"version\": 6,", 1);
        assert_ne!(v5, relabelled);
        assert_eq!(read(&v5), read(&relabelled), "{name}");
        let current = text(&format!("v8/{name}.planwork.json"));
        assert_eq!(
            write(&read(&v5).unwrap()),
            current,
            "{name}: written as the current version"
        );
    }
}

#[test]
fn version_6_reads_and_writes_every_part_of_readiness() {
    use engine::readiness::{figures, model::Outcome, runbook};
    let stored = text("v6/launch-readiness.planwork.json");
    let document = read(&stored).unwrap();
    let program = &document.program;
    let readiness = &program.readiness;
    assert_eq!(
        (
            readiness.checklists[0].items.len(),
            readiness.templates.len(),
            readiness.go_no_go.len(),
            readiness.runbooks[0].steps.len(),
            readiness.reviews[0].actions.len()
        ),
        (4, 1, 2, 5, 2)
    );
    assert_eq!(readiness.go_no_go[1].outcome, Outcome::ConditionalGo);
    let kept = document
        .extras
        .of("readiness/checklists/0/items/RC3")
        .unwrap();
    assert!(kept.contains_key("reviewer"));
    assert_eq!(
        write(&document),
        text("v8/launch-readiness.planwork.json"),
        "written as the current version, unknown field included"
    );
    // Go-live is Monday 26 January (build Mon 12 – Mon 26, Monday 19 a holiday). RC3 (load
    // test, T-5) was due Monday 19 → the working day before it, Friday 16; on the 20th it
    // is overdue, and it is a hard gate not met: a Go would be refused.
    let plan = engine::schedule(program).unwrap();
    let checklist = &readiness.checklists[0];
    let on = "2026-01-20".parse().unwrap();
    assert_eq!(
        figures::overdue_items(program, &plan, checklist, on),
        ["RC3"]
    );
    assert_eq!(figures::readiness(checklist).percent(), Some(50.0));
    assert_eq!(
        engine::readiness::go_refusal(program, "go-live"),
        Some(vec!["RC3".into()])
    );
    // The runbook counts from its t0, 23:00: freeze at T-1h, finished 13 minutes after it
    // started (2 late, 2 ahead of its planned 22:15 finish).
    let steps = runbook::planned(&readiness.runbooks[0]);
    assert_eq!(steps[0].t_minutes, Some(-60));
    assert_eq!(steps[3].start.unwrap().to_text(), "2026-01-26 23:00");
    assert_eq!(steps[0].variance, Some(0));
    assert_eq!(
        runbook::critical_chain(&readiness.runbooks[0]),
        ["S1", "S2", "S3", "S4"]
    );
    let review = &readiness.reviews[0];
    let met: Vec<Option<bool>> = review.outcomes.iter().map(figures::outcome_met).collect();
    assert_eq!(met, [Some(true), Some(false)]);
}
