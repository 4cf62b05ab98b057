//! Tests of the readiness edits: each through the history, undone.

use super::*;
use crate::edit::History;
use crate::readiness::model::Moment;

fn program() -> Program {
    let json = r#"{"program": {"name": "P", "start": "2027-01-04"}, "workstreams": [{"id": "eng", "name": "Eng"}],
        "tasks": [{"id": "build", "name": "Build", "workstream": "eng", "duration": 10},
                  {"id": "ga", "name": "GA", "workstream": "eng", "duration": 0, "milestone": true}],
        "dependencies": [{"from": "build", "to": "ga", "type": "FS", "lag": 0}],
        "risks": [{"id": "R1", "title": "Vendor late", "probability": 0.2,
                   "impact": {"min": 1, "max": 3}, "tasks": ["build"]}]}"#;
    serde_json::from_str(json).unwrap()
}

fn apply(program: &mut Program, history: &mut History, edits: Vec<Edit>) {
    history.apply(program, edits).unwrap();
}

#[test]
fn a_checklist_from_a_template_then_a_conditional_go() {
    let mut p = program();
    let mut h = History::default();
    assert_eq!(
        checklist_from_template(&p, "build", "software release")
            .unwrap_err()
            .field,
        "milestone"
    );
    assert_eq!(
        checklist_from_template(&p, "ga", "nothing")
            .unwrap_err()
            .field,
        "template"
    );
    let edits = vec![checklist_from_template(&p, "ga", "software release").unwrap()];
    apply(&mut p, &mut h, edits);
    assert_eq!(p.readiness.checklists[0].template, "software release");
    assert!(checklist_from_template(&p, "ga", "data migration").is_err());
    let (id, edit) = add_item(&p, "ga", "Feature flags default off").unwrap();
    assert_eq!(id, "RC13");
    let edits = vec![edit];
    apply(&mut p, &mut h, edits);
    let go = GoNoGo {
        milestone: "ga".into(),
        outcome: Outcome::Go,
        ..GoNoGo::default()
    };
    let refused = record_go_no_go(&p, go.clone()).unwrap_err();
    assert!(
        refused.message.contains("RC1, RC2, RC4"),
        "{}",
        refused.message
    );
    let conditional = GoNoGo {
        outcome: Outcome::ConditionalGo,
        ..go.clone()
    };
    assert_eq!(
        record_go_no_go(&p, conditional.clone()).unwrap_err().field,
        "risk_acceptances"
    );
    let accepted = GoNoGo {
        risk_acceptances: vec!["R1".into()],
        conditions: vec!["Hypercare for two weeks".into()],
        ..conditional
    };
    let edits = vec![record_go_no_go(&p, accepted).unwrap()];
    apply(&mut p, &mut h, edits);
    let no_go = GoNoGo {
        outcome: Outcome::NoGo,
        ..go
    };
    assert_eq!(record_go_no_go(&p, no_go).unwrap_err().field, "next_review");
    assert!(h.undo(&mut p));
    assert!(p.readiness.go_no_go.is_empty());
}

#[test]
fn waive_needs_approver_and_reason_and_remove_takes_an_item_out() {
    let mut p = program();
    let mut h = History::default();
    let edits = vec![checklist_from_template(&p, "ga", "infrastructure change").unwrap()];
    apply(&mut p, &mut h, edits);
    let day = "2027-01-12".parse().unwrap();
    assert_eq!(
        waive(&p, "ga", "RC1", " ", "why", day).unwrap_err().field,
        "waiver.approver"
    );
    let edits = vec![waive(&p, "ga", "RC1", "CTO", "Staging only", day).unwrap()];
    apply(&mut p, &mut h, edits);
    let item = &p.readiness.checklists[0].items[0];
    assert_eq!(item.status, ItemStatus::Waived);
    let edits = vec![remove_item(&p, "ga", "RC2").unwrap()];
    apply(&mut p, &mut h, edits);
    assert!(
        p.readiness.checklists[0]
            .items
            .iter()
            .all(|i| i.id != "RC2")
    );
    let mut changed = p.readiness.checklists[0].items[0].clone();
    changed.owner = "Dana".into();
    let edits = vec![replace_item(&p, "ga", changed).unwrap()];
    apply(&mut p, &mut h, edits);
    assert_eq!(p.readiness.checklists[0].items[0].owner, "Dana");
}

#[test]
fn steps_are_added_after_the_last_typed_and_checked_off() {
    let mut p = program();
    let mut h = History::default();
    for title in ["Freeze writes", "Migrate", "Smoke test"] {
        let (_, edit) = add_step(&p, "ga", title).unwrap();
        let edits = vec![edit];
        apply(&mut p, &mut h, edits);
    }
    let steps = &p.readiness.runbooks[0].steps;
    assert_eq!(steps[2].after, ["S2"]);
    let at = |t: &str| Moment::parse(t).unwrap();
    let late = check_off_step(
        &p,
        "ga",
        "S1",
        at("2027-01-15 22:00"),
        at("2027-01-15 21:00"),
    );
    assert_eq!(late.unwrap_err().field, "actual_finish");
    let edit = check_off_step(
        &p,
        "ga",
        "S1",
        at("2027-01-15 22:00"),
        at("2027-01-15 22:20"),
    );
    let edits = vec![edit.unwrap()];
    apply(&mut p, &mut h, edits);
    assert!(p.readiness.runbooks[0].steps[0].done);
    let edits = vec![remove_step(&p, "ga", "S2").unwrap()];
    apply(&mut p, &mut h, edits);
    assert!(p.readiness.runbooks[0].steps[1].after.is_empty());
}

#[test]
fn a_follow_up_action_becomes_a_linked_issue() {
    let mut p = program();
    let mut h = History::default();
    let edit = set_review_field(&p, "ga", "went_well", "Rollback rehearsed\n\nOn time").unwrap();
    let edits = vec![edit];
    apply(&mut p, &mut h, edits);
    assert_eq!(p.readiness.reviews[0].went_well.len(), 2);
    assert_eq!(
        set_review_field(&p, "ga", "date", "July")
            .unwrap_err()
            .field,
        "date"
    );
    let due = "2027-02-01".parse().ok();
    let (at, edit) = add_action(&p, "ga", "Alert on queue depth", "SRE", due).unwrap();
    let edits = vec![edit];
    apply(&mut p, &mut h, edits);
    let today = "2027-01-20".parse().unwrap();
    let (issue, edits) = action_to_issue(&p, "ga", at, today).unwrap();
    assert_eq!(issue, "I1");
    apply(&mut p, &mut h, edits);
    assert_eq!(
        p.readiness.reviews[0].actions[0].issue.as_deref(),
        Some("I1")
    );
    assert_eq!(p.logs.issues[0].tasks, ["ga"]);
    assert!(action_to_issue(&p, "ga", at, today).is_err());
    let edits = vec![set_action_done(&p, "ga", at, true).unwrap()];
    apply(&mut p, &mut h, edits);
    assert!(p.readiness.reviews[0].actions[0].done);
    assert!(h.undo(&mut p));
    assert!(h.undo(&mut p));
    assert!(p.logs.issues.is_empty());
}

#[test]
fn a_milestone_named_by_readiness_cannot_stop_being_one() {
    let mut p = program();
    let mut h = History::default();
    let edits = vec![checklist_from_template(&p, "ga", "data migration").unwrap()];
    apply(&mut p, &mut h, edits);
    let mut task = p.tasks[1].clone();
    task.milestone = false;
    task.duration = 1;
    let edit = Edit::ReplaceTask { index: 1, task };
    assert!(h.apply(&mut p, vec![edit]).is_err());
}

#[test]
fn typed_fields_read_back_unchanged() {
    use crate::readiness::typing::*;
    let mut p = program();
    let mut h = History::default();
    let edits = vec![checklist_from_template(&p, "ga", "software release").unwrap()];
    apply(&mut p, &mut h, edits);
    for title in ["Freeze", "Migrate", "Cut over"] {
        let (_, edit) = add_step(&p, "ga", title).unwrap();
        apply(&mut p, &mut h, vec![edit]);
    }
    let typed = [
        ("area", "security"),
        ("status", "in progress"),
        ("gate", "advisory"),
        ("due_before", "T-7"),
        ("owner", "Ana"),
        ("waiver.approver", "CTO"),
    ];
    for (field, text) in typed {
        let edits = vec![set_item_field(&p, "ga", "RC1", field, text).unwrap()];
        apply(&mut p, &mut h, edits);
        let item = &p.readiness.checklists[0].items[0];
        assert_eq!(item_field_text(item, field), text);
    }
    assert_eq!(
        set_item_field(&p, "ga", "RC1", "id", "X")
            .unwrap_err()
            .field,
        "id"
    );
    assert_eq!(
        set_item_field(&p, "ga", "RC1", "colour", "X")
            .unwrap_err()
            .field,
        "colour"
    );
    let typed = [
        ("planned_start", "2027-01-15 22:00"),
        ("duration_minutes", "90"),
        ("after", "S1, S2"),
        ("checkpoint", "yes"),
        ("actual_start", "2027-01-15 22:05"),
    ];
    for (field, text) in typed {
        let edits = vec![set_step_field(&p, "ga", "S3", field, text).unwrap()];
        apply(&mut p, &mut h, edits);
    }
    let step = &p.readiness.runbooks[0].steps[2];
    for (field, text) in typed {
        assert_eq!(step_field_text(step, field), text);
    }
}
