//! Tests of the readiness checks: one program with every problem, each named.

use super::*;
use crate::diagnostics::Code;

fn program(readiness: &str) -> Program {
    let json = format!(
        r#"{{"program": {{"name": "P", "start": "2027-01-04"}}, "workstreams": [{{"id": "eng", "name": "Eng"}}],
        "tasks": [{{"id": "build", "name": "Build", "workstream": "eng", "duration": 5}},
                  {{"id": "ga", "name": "GA", "workstream": "eng", "duration": 0, "milestone": true}}],
        "dependencies": [{{"from": "build", "to": "ga", "type": "FS", "lag": 0}}],
        "risks": [{{"id": "R1", "title": "Vendor late", "probability": 0.2,
                    "impact": {{"min": 1, "max": 3}}, "tasks": ["build"]}}],
        "readiness": {readiness}}}"#
    );
    serde_json::from_str(&json).unwrap()
}

fn codes(program: &Program) -> Vec<(Code, String)> {
    check_readiness(program)
        .into_iter()
        .map(|d| (d.code, d.path))
        .collect()
}

#[test]
fn a_sound_readiness_has_no_problem_and_the_engine_accepts_it() {
    let p = program(
        r#"{"checklists": [{"milestone": "ga", "items": [
            {"id": "RC1", "title": "Load test", "status": "met"},
            {"id": "RC2", "title": "Pen test", "status": "waived",
             "waiver": {"approver": "CISO", "reason": "Findings low"}}]}],
          "go_no_go": [{"milestone": "ga", "outcome": "go"}],
          "runbooks": [{"milestone": "ga", "steps": [
            {"id": "S1", "planned_start": "2027-01-08T22:00", "duration_minutes": 30},
            {"id": "S2", "after": ["S1"], "duration_minutes": 15}]}]}"#,
    );
    assert_eq!(codes(&p), vec![]);
    assert!(crate::check(&p).is_ok());
}

#[test]
fn milestones_must_be_milestones() {
    let p = program(
        r#"{"checklists": [{"milestone": "build"}, {"milestone": "nope"}],
            "reviews": [{"milestone": ""}]}"#,
    );
    let found = check_readiness(&p);
    assert_eq!(found.len(), 3);
    assert!(found.iter().all(|d| d.code == Code::UnknownMilestone));
    assert_eq!(
        found[1].message,
        "checklist of 'nope': there is no task 'nope'"
    );
    assert_eq!(found[2].path, "readiness.reviews[0].milestone");
}

#[test]
fn duplicate_ids_and_waivers_without_approval_are_named() {
    let p = program(
        r#"{"checklists": [{"milestone": "ga", "items": [
            {"id": "RC1"}, {"id": "RC1"}, {"id": "RC2", "status": "waived"}]}]}"#,
    );
    let found = check_readiness(&p);
    assert_eq!(found[0].code, Code::DuplicateReadinessId);
    assert_eq!(found[0].path, "readiness.checklists[0].items[1].id");
    assert_eq!(found[1].code, Code::WaiverWithoutApproval);
    assert_eq!(
        found[1].message,
        "checklist of 'ga', item 'RC2' is waived without a approver"
    );
    assert_eq!(
        found[2].path,
        "readiness.checklists[0].items[2].waiver.reason"
    );
}

#[test]
fn go_no_go_rules() {
    let p = program(
        r#"{"checklists": [{"milestone": "ga", "items": [
            {"id": "RC1", "title": "Pen test"}, {"id": "RC2", "gate": "advisory"}]}],
          "go_no_go": [{"milestone": "ga", "outcome": "go"},
                       {"milestone": "ga", "outcome": "conditional_go"},
                       {"milestone": "ga", "outcome": "conditional_go", "risk_acceptances": ["R9"]},
                       {"milestone": "ga", "outcome": "no_go"}]}"#,
    );
    let found = check_readiness(&p);
    let codes: Vec<Code> = found.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            Code::GoWithUnmetGates,
            Code::ConditionalGoWithoutRisk,
            Code::UnknownAcceptedRisk,
            Code::NoGoWithoutReview
        ]
    );
    assert_eq!(found[0].ids, ["RC1"]);
    assert!(found[0].message.ends_with("neither met nor waived: RC1"));
    assert_eq!(go_refusal(&p, "ga"), Some(vec!["RC1".into()]));
    assert_eq!(go_refusal(&p, "build"), None);
}

#[test]
fn runbook_rules() {
    let p = program(
        r#"{"runbooks": [{"milestone": "ga", "steps": [
            {"id": "S1", "after": ["S3"], "duration_minutes": 0},
            {"id": "S2", "after": ["S9", "S1"],
             "actual_start": "2027-01-08T22:00", "actual_finish": "2027-01-08T21:00"},
            {"id": "S3", "after": ["S2"]},
            {"id": "S3"}]}]}"#,
    );
    let found = codes(&p);
    let at = |code: Code| {
        found
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, p)| p.as_str())
    };
    assert_eq!(
        at(Code::DuplicateReadinessId),
        Some("readiness.runbooks[0].steps[3].id")
    );
    assert_eq!(
        at(Code::UnknownStep),
        Some("readiness.runbooks[0].steps[1].after[0]")
    );
    assert_eq!(
        at(Code::InvalidStepDuration),
        Some("readiness.runbooks[0].steps[0].duration_minutes")
    );
    assert_eq!(
        at(Code::StepFinishBeforeStart),
        Some("readiness.runbooks[0].steps[1].actual_finish")
    );
    assert_eq!(at(Code::StepCycle), Some("readiness.runbooks[0].steps"));
    assert!(crate::check(&p).is_err());
}

#[test]
fn a_review_action_names_an_issue_of_the_log() {
    let p = program(
        r#"{"reviews": [{"milestone": "ga", "actions": [{"text": "Fix alerts", "issue": "I7"}]}]}"#,
    );
    assert_eq!(
        codes(&p),
        [(
            Code::UnknownLogReference,
            "readiness.reviews[0].actions[0].issue".into()
        )]
    );
}
