//! Unit tests of `decode`: the private helpers and worked cases.

use super::*;
use engine::baseline::BaselineTask;
use engine::{Constraint, ConstraintKind, Impact, LinkType};
use serde_json::Value;

/// The keys `value` serialises to, sorted.
fn keys<T: serde::Serialize>(value: &T) -> Vec<String> {
    let mut keys: Vec<String> = match serde_json::to_value(value) {
        Ok(Value::Object(map)) => map.keys().cloned().collect(),
        other => panic!("not an object: {other:?}"),
    };
    keys.sort();
    keys
}

fn sorted(fields: &[&str]) -> Vec<String> {
    let mut fields: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
    fields.sort();
    fields
}

/// Every field of the model is in its known list, so a model field can never be taken
/// for an unknown one (kept and written twice), and every known field is in the model.
#[test]
fn the_known_fields_are_the_model_fields() {
    let date = serde_json::from_str("\"2026-01-05\"").unwrap();
    let calendar = Calendar::default();
    let task = Task {
        id: "t".into(),
        name: "T".into(),
        workstream: "w".into(),
        duration: 0,
        milestone: true,
        constraint: Some(Constraint {
            kind: ConstraintKind::SNET,
            date: Some(date),
        }),
        deadline: Some(date),
        actual_start: Some(date),
        actual_finish: Some(date),
        percent_complete: 50.0,
        estimate: Some(Box::default()),
        parent: Some("p".into()),
        summary: true,
        demands: vec![engine::Demand {
            resource: "r".into(),
            units: 1.0,
        }],
        priority: Some(500),
        leveled_start: Some(date),
    };
    let resource = engine::Resource {
        id: "r".into(),
        name: "R".into(),
        capacity: 2.0,
        calendar: Some(Calendar::default()),
        availability: vec![engine::Availability {
            from: date,
            to: date,
            capacity: 1.0,
        }],
    };
    let info = ProgramInfo {
        name: "P".into(),
        start: date,
        status_date: Some(date),
        finish_by: Some(date),
        critical_path: engine::CriticalPath::LongestPath,
    };
    let workstream = Workstream {
        id: "w".into(),
        name: "W".into(),
        calendar: Some(calendar.clone()),
        color: Some("#2f6fde".into()),
    };
    let dependency = Dependency {
        from: "a".into(),
        to: "b".into(),
        kind: LinkType::SS,
        lag: 1,
    };
    let risk = Risk {
        id: "r".into(),
        title: "R".into(),
        probability: 0.5,
        impact: Impact { min: 1, max: 2 },
        tasks: vec![],
        description: "d".into(),
        category: "c".into(),
        owner: "o".into(),
        raised: Some(date),
        severity: Some(3),
        response: Some(engine::logs::model::Response::Mitigate),
        actions: vec![Default::default()],
        status: engine::logs::model::RiskStatus::Occurred,
        mitigated: Some(Default::default()),
    };
    let scenario = Scenario {
        id: "s".into(),
        name: "S".into(),
        description: "d".into(),
        changes: vec![],
    };
    let baseline = Baseline {
        id: "b".into(),
        name: "B".into(),
        saved_on: date,
        tasks: vec![BaselineTask {
            id: "t".into(),
            start: date,
            finish: date,
        }],
    };
    assert_eq!(keys(&task), sorted(TASK_FIELDS));
    assert_eq!(keys(&info), sorted(PROGRAM_FIELDS));
    assert_eq!(keys(&calendar), sorted(CALENDAR_FIELDS));
    assert_eq!(keys(&workstream), sorted(WORKSTREAM_FIELDS));
    assert_eq!(keys(&task.constraint), sorted(CONSTRAINT_FIELDS));
    assert_eq!(keys(&dependency), sorted(DEPENDENCY_FIELDS));
    assert_eq!(keys(&risk), sorted(RISK_FIELDS));
    assert_eq!(keys(&resource), sorted(RESOURCE_FIELDS));
    assert_eq!(keys(&scenario), sorted(SCENARIO_FIELDS));
    assert_eq!(keys(&baseline), sorted(BASELINE_FIELDS));
    let program = Program {
        risks: vec![risk],
        resources: vec![resource],
        logs: engine::Logs {
            charter: Some(Default::default()),
            ..Default::default()
        },
        readiness: engine::Readiness {
            templates: vec![Default::default()],
            ..Default::default()
        },
        status: engine::status::Status {
            draft: engine::status::model::Draft {
                status_date: Some(date),
                ..Default::default()
            },
            ..Default::default()
        },
        board: engine::board::Board {
            objectives: vec![Default::default()],
            ..Default::default()
        },
        ..Program::default()
    };
    let mut top = keys(&program);
    top.extend(
        [
            "format",
            "version",
            "id",
            "scenarios",
            "baselines",
            "active_baseline",
        ]
        .map(String::from),
    );
    top.sort();
    assert_eq!(top, sorted(TOP_FIELDS));
}

/// Each log item's known fields are its model's: an item with every known field reads and
/// writes back with exactly those.
#[test]
fn the_known_log_fields_are_the_model_fields() {
    let item = |key: &str, fields: &[&str]| -> String {
        let values: Vec<String> = fields
            .iter()
            .map(|f| {
                let value = match (key, *f) {
                    (_, "tasks" | "contributors" | "informed") => "[\"x\"]",
                    (_, "options") => r#"[{"option": "o", "tradeoffs": "t"}]"#,
                    (_, "links") => r#"{"risks": ["r"]}"#,
                    (_, "severity") => "\"high\"",
                    ("assumptions", "status") => "\"broken\"",
                    ("dependencies", "status") => "\"delivered\"",
                    ("decisions", "status") => "\"decided\"",
                    (_, "status") => "\"closed\"",
                    ("changes", "decision") => "\"approved\"",
                    (_, "escalation") => "2",
                    (
                        _,
                        "raised" | "validate_by" | "opened" | "due" | "resolved" | "need_by"
                        | "committed" | "delivered" | "needed_by" | "decided" | "requested",
                    ) => "\"2026-01-05\"",
                    _ => "\"x\"",
                };
                format!("\"{f}\": {value}")
            })
            .collect();
        format!("{{{}}}", values.join(", "))
    };
    let lists: Vec<String> = LOG_ITEM_FIELDS
        .iter()
        .map(|(key, fields)| format!("\"{key}\": [{}]", item(key, fields)))
        .collect();
    let text = format!("{{{}}}", lists.join(", "));
    let logs: engine::Logs = serde_json::from_str(&text).unwrap();
    let written = serde_json::to_value(&logs).unwrap();
    for (key, fields) in LOG_ITEM_FIELDS {
        let first = &written[key][0];
        let mut found: Vec<String> = first.as_object().unwrap().keys().cloned().collect();
        found.sort();
        assert_eq!(found, sorted(fields), "{key}");
    }
    let charter = engine::logs::model::Charter {
        purpose: "p".into(),
        objectives: vec!["o".into()],
        scope_in: vec!["i".into()],
        scope_out: vec!["o".into()],
        stakeholders: vec![Default::default()],
        governance: engine::logs::model::Governance {
            escalation: vec!["e".into()],
            ..Default::default()
        },
        success_metrics: vec!["m".into()],
        benefits: vec![engine::logs::model::Benefit {
            by: Some(serde_json::from_str("\"2026-01-05\"").unwrap()),
            method: "m".into(),
            measured: vec![engine::logs::model::Measurement {
                date: serde_json::from_str("\"2026-01-05\"").unwrap(),
                value: 1.0,
            }],
            ..Default::default()
        }],
    };
    assert_eq!(keys(&charter), sorted(logs::CHARTER_FIELDS));
    assert_eq!(keys(&charter.benefits[0]), sorted(logs::BENEFIT_FIELDS));
    let all = engine::Logs {
        charter: Some(charter),
        ..logs
    };
    assert_eq!(keys(&all), sorted(logs::LOGS_FIELDS));
}

/// Readiness's known fields are its model's: every part and item with every field set
/// writes exactly the fields the reader knows.
#[test]
fn the_known_readiness_fields_are_the_model_fields() {
    use engine::readiness::model::*;
    let day = serde_json::from_str("\"2026-01-05\"").unwrap();
    let at = Moment::parse("2026-01-05T22:00");
    let item = Item {
        id: "RC1".into(),
        area: Area::Security,
        title: "t".into(),
        owner: "o".into(),
        due_before: Some(5),
        evidence: "e".into(),
        status: ItemStatus::Waived,
        gate: Gate::Advisory,
        waiver: Some(Waiver::default()),
    };
    let template_item = TemplateItem {
        id: "RC1".into(),
        area: Area::Security,
        title: "t".into(),
        owner: "o".into(),
        due_before: Some(5),
        evidence: "e".into(),
        gate: Gate::Advisory,
    };
    let step = Step {
        id: "S1".into(),
        title: "t".into(),
        owner: "o".into(),
        planned_start: at,
        duration_minutes: Some(5),
        after: vec!["S0".into()],
        checkpoint: true,
        rollback: "r".into(),
        communication: "c".into(),
        actual_start: at,
        actual_finish: at,
        done: true,
    };
    let x = || vec!["x".to_string()];
    let readiness = Readiness {
        checklists: vec![Checklist {
            milestone: "m".into(),
            template: "t".into(),
            items: vec![item.clone()],
        }],
        templates: vec![Template {
            name: "n".into(),
            items: vec![template_item.clone()],
        }],
        go_no_go: vec![GoNoGo {
            milestone: "m".into(),
            date: Some(day),
            attendees: x(),
            recommendations: vec![Default::default()],
            outcome: Outcome::Go,
            risk_acceptances: x(),
            next_review: Some(day),
            conditions: x(),
        }],
        runbooks: vec![Runbook {
            milestone: "m".into(),
            time_zone: "z".into(),
            t0: at,
            steps: vec![step.clone()],
        }],
        reviews: vec![Review {
            milestone: "m".into(),
            date: Some(day),
            outcomes: vec![Default::default()],
            incidents: x(),
            went_well: x(),
            went_badly: x(),
            actions: vec![Default::default()],
        }],
    };
    assert_eq!(keys(&readiness), sorted(readiness::READINESS_FIELDS));
    let written = serde_json::to_value(&readiness).unwrap();
    for (key, fields) in READINESS_PART_FIELDS {
        let first = &written[key][0];
        let mut found: Vec<String> = first.as_object().unwrap().keys().cloned().collect();
        found.sort();
        assert_eq!(found, sorted(fields), "{key}");
    }
    assert_eq!(keys(&item), sorted(READINESS_ITEM_FIELDS[0].2));
    assert_eq!(keys(&template_item), sorted(READINESS_ITEM_FIELDS[1].2));
    assert_eq!(keys(&step), sorted(READINESS_ITEM_FIELDS[2].2));
}

/// The status book's known fields are its model's: the rules, the draft and a pack written
/// with every field have exactly those keys.
#[test]
fn the_known_status_fields_are_the_model_fields() {
    use super::status::{DRAFT_FIELDS, PACK_FIELDS, RULES_FIELDS, STATUS_FIELDS};
    use engine::status::model::{Draft, Narrative, Override, Pack, Rules, Status};
    let date = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
    let over = Override {
        dimension: engine::status::Dimension::Overall,
        reported: None,
        computed: None,
        reason: "r".into(),
        on: date,
    };
    let narrative = Narrative {
        highlights: "h".into(),
        ..Narrative::default()
    };
    let draft = Draft {
        status_date: Some(date),
        narrative: narrative.clone(),
        overrides: vec![over.clone()],
    };
    let pack = Pack {
        id: "SP1".into(),
        status_date: date,
        issued_on: date,
        narrative,
        overrides: vec![over],
        assessment: Default::default(),
        changes: engine::status::model::Changes {
            since: Some("SP0".into()),
            ..Default::default()
        },
        facts: Default::default(),
    };
    let status = Status {
        rules: Rules {
            scope: engine::status::model::ScopeRule {
                green_percent: 1.0,
                ..Default::default()
            },
            ..Rules::default()
        },
        draft: draft.clone(),
        packs: vec![pack.clone()],
    };
    assert_eq!(keys(&status), sorted(STATUS_FIELDS));
    assert_eq!(keys(&Rules::default()), sorted(RULES_FIELDS));
    assert_eq!(keys(&draft), sorted(DRAFT_FIELDS));
    assert_eq!(keys(&pack), sorted(PACK_FIELDS));
}

/// The board's known fields are its model's: the board, its interval and an objective
/// written with every field have exactly those keys.
#[test]
fn the_known_board_fields_are_the_model_fields() {
    use super::board::{BOARD_FIELDS, INTERVAL_FIELDS, OBJECTIVE_FIELDS};
    use engine::board::{Board, CardsBy, Interval, Objective, RowsBy};
    let interval = Interval {
        name: "PI 1".into(),
        rows: RowsBy::Summaries,
        cards: CardsBy::Summaries,
        ..Interval::default_for(chrono::NaiveDate::from_ymd_opt(2027, 1, 11).unwrap())
    };
    let objective = Objective {
        id: "O1".into(),
        team: "t".into(),
        text: "x".into(),
        stretch: true,
        business_value: Some(8),
        actual_value: Some(6),
        cards: vec!["a".into()],
    };
    let board = Board {
        interval: Some(interval.clone()),
        objectives: vec![objective.clone()],
    };
    assert_eq!(keys(&board), sorted(BOARD_FIELDS));
    assert_eq!(keys(&interval), sorted(INTERVAL_FIELDS));
    assert_eq!(keys(&objective), sorted(OBJECTIVE_FIELDS));
}
