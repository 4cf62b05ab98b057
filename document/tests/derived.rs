//! The open program's derived view: the program or the scenario shown, scheduled, and its
//! variance to the active baseline, worked by hand.

use document::derived::Derived;
use planfile::Document;

/// One task of 3 days from Monday 2026-01-05 (finishes Wednesday 01-07); a baseline that had
/// it finish Tuesday 01-06 (active); a scenario slipping it 2 days (finishes Friday 01-09);
/// a scenario whose link closes a cycle.
fn doc() -> Document {
    planfile::read(
        r#"{"program": {"name": "P", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "W"}],
            "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 3},
                      {"id": "b", "name": "B", "workstream": "w", "duration": 1}],
            "dependencies": [{"from": "a", "to": "b"}],
            "scenarios": [
              {"id": "s1", "name": "Slip", "changes": [{"change": "slip", "task": "a", "days": 2}]},
              {"id": "s2", "name": "Loop", "changes": [
                {"change": "add_dependency", "dependency": {"from": "b", "to": "a"}}]}],
            "baselines": [{"id": "b1", "name": "Plan", "saved_on": "2026-01-02",
              "tasks": [{"id": "a", "start": "2026-01-05", "finish": "2026-01-06"}]}],
            "active_baseline": "b1"}"#,
    )
    .expect("the example reads")
}

#[test]
fn the_program_its_variance_and_its_finish_variance() {
    let doc = doc();
    let derived = Derived::of(&doc, None);
    let schedule = derived.shown().ok().expect("it schedules");
    // a: Mon 5 … Wed 7; b: Thu 8.
    assert_eq!(schedule.finish.to_string(), "2026-01-08");
    let variances = derived
        .shown()
        .variances
        .as_ref()
        .expect("a baseline is active");
    // a finishes one working day after its baseline; b is not in the baseline.
    assert_eq!(variances[0].map(|v| (v.start, v.finish)), Some((0, 1)));
    assert_eq!(variances[1], None);
    // The finish (Thu 8) against the baseline's last finish (Tue 6): two working days.
    assert_eq!(derived.shown().finish_variance, Some(2));
    assert!(std::ptr::eq(derived.shown_program(&doc), &doc.program));
    assert_eq!(derived.scenario_id(), None);
}

#[test]
fn a_scenario_shown_beside_the_program() {
    let doc = doc();
    let derived = Derived::of(&doc, Some("s1"));
    assert_eq!(derived.scenario_id(), Some("s1"));
    let shown = derived.shown().ok().expect("it schedules");
    // a slips 2: Mon 5 … Fri 9; b: Mon 12.
    assert_eq!(shown.finish.to_string(), "2026-01-12");
    assert_eq!(derived.shown().finish_variance, Some(4));
    assert_eq!(derived.shown_program(&doc).tasks[0].duration, 5);
    // The program's own schedule is kept beside it.
    assert_eq!(
        derived
            .program
            .ok()
            .map(|s| s.finish.to_string())
            .as_deref(),
        Some("2026-01-08")
    );
    assert_eq!(
        doc.program.tasks[0].duration, 3,
        "the program is not changed"
    );
}

#[test]
fn a_scenario_that_cannot_be_scheduled_says_why_and_a_deleted_one_shows_the_program() {
    let doc = doc();
    let looped = Derived::of(&doc, Some("s2"));
    let problem = looped.shown().problem().expect("a cycle");
    assert!(problem.contains("cycle"), "{problem}");
    assert_eq!(looped.shown().variances, None);
    assert!(looped.program.ok().is_some(), "the program still schedules");

    let gone = Derived::of(&doc, Some("s9"));
    assert_eq!(gone.scenario_id(), None);
    assert_eq!(gone.shown(), &Derived::of(&doc, None).program);
}
