//! The program's logs: their checks, their edits (undo, the kept program) and the figures
//! computed from them, worked by hand on a small plan, and their rules as properties.

use chrono::NaiveDate;
use engine::edit::{Edit, History};
use engine::kept::KeptProgram;
use engine::logs::edit::{Log, add_item, remove_item, set_field};
use engine::logs::figures::{
    Rating, StatusRule, age, benefits_index, commitment_status, decision_latency, decision_overdue,
    issue_age, mitigated_score, probability_level, realization, resolution_time, risk_score, score,
    working_days,
};
use engine::logs::impact::{ChangeImpact, mitigated, unmitigated};
use engine::logs::model::{
    Assumption, Benefit, Charter, Commitment, CommitmentStatus, Decision, Issue, IssueStatus,
    Measurement, Mitigated, RiskStatus,
};
use engine::{Code, Impact, Program, Risk, check, schedule};
use proptest::prelude::*;

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Two teams; `api` (platform, 10 days) feeds `cutover` (apps, 5 days); a holiday on
/// Friday 2026-03-20. Starts Monday 2026-03-02: `api` finishes Friday 2026-03-13,
/// `cutover` Monday 2026-03-23 (the holiday skipped).
fn plan() -> Program {
    let json = r#"{
      "program": {"name": "Migration", "start": "2026-03-02"},
      "calendar": {"workdays": ["Mon","Tue","Wed","Thu","Fri"], "holidays": ["2026-03-20"]},
      "workstreams": [{"id": "platform", "name": "Platform"}, {"id": "apps", "name": "Apps"}],
      "tasks": [
        {"id": "api", "name": "API", "workstream": "platform", "duration": 10},
        {"id": "cutover", "name": "Cutover", "workstream": "apps", "duration": 5},
        {"id": "live", "name": "Live", "workstream": "apps", "duration": 0}
      ],
      "dependencies": [{"from": "api", "to": "cutover"}, {"from": "cutover", "to": "live"}],
      "risks": [{"id": "R1", "title": "Vendor late", "probability": 0.4,
                 "impact": {"min": 2, "max": 6}, "tasks": ["api"]}]
    }"#;
    serde_json::from_str(json).unwrap()
}

fn codes(program: &Program) -> Vec<(Code, String)> {
    match check(program) {
        Ok(_) => vec![],
        Err(d) => d.0.into_iter().map(|d| (d.code, d.path)).collect(),
    }
}

// ---------------------------------------------------------------------------------------
// Checks

#[test]
fn a_program_without_logs_reads_and_writes_as_before() {
    let program = plan();
    let text = serde_json::to_string(&program).unwrap();
    assert!(
        !text.contains("logs") && !text.contains("severity"),
        "{text}"
    );
    assert!(check(&program).is_ok());
}

#[test]
fn bad_log_items_are_reported_with_the_item_and_the_field() {
    let mut p = plan();
    p.risks[0].severity = Some(6);
    p.risks[0].mitigated = Some(Mitigated {
        probability: Some(1.5),
        ..Mitigated::default()
    });
    p.logs.assumptions = vec![
        Assumption {
            id: "A1".into(),
            statement: "Vendor ships".into(),
            raised: Some(date("2026-03-05")),
            validate_by: Some(date("2026-03-01")),
            tasks: vec!["nope".into()],
            ..Assumption::default()
        },
        Assumption {
            id: "A1".into(),
            statement: " ".into(),
            ..Assumption::default()
        },
    ];
    p.logs.issues.push(Issue {
        id: "I1".into(),
        title: "Quota".into(),
        opened: Some(date("2026-03-05")),
        resolved: Some(date("2026-03-04")),
        ..Issue::default()
    });
    p.logs.dependencies.push(Commitment {
        id: "D1".into(),
        title: "Keys".into(),
        provider: "security".into(),
        opened: Some(date("2026-03-05")),
        need_by: Some(date("2026-03-01")),
        ..Commitment::default()
    });
    p.logs.decisions.push(Decision {
        id: "DEC1".into(),
        title: "Pick a vendor".into(),
        raised: Some(date("2026-03-05")),
        decided: Some(date("2026-03-02")),
        links: engine::logs::model::DecisionLinks {
            risks: vec!["R9".into()],
            ..Default::default()
        },
        ..Decision::default()
    });
    p.logs.charter = Some(Charter {
        benefits: vec![Benefit {
            id: "B1".into(),
            metric: "Deploys a day".into(),
            baseline: 3.0,
            target: 3.0,
            ..Benefit::default()
        }],
        ..Charter::default()
    });
    let found = codes(&p);
    let expect = [
        (Code::SeverityOutOfRange, "risks[0].severity"),
        (
            Code::LogProbabilityOutOfRange,
            "risks[0].mitigated.probability",
        ),
        (Code::DuplicateLogId, "logs.assumptions[1].id"),
        (Code::LogDatesOutOfOrder, "logs.assumptions[0].validate_by"),
        (Code::UnknownLogReference, "logs.assumptions[0].tasks[0]"),
        (Code::EmptyLogTitle, "logs.assumptions[1].statement"),
        (Code::LogDatesOutOfOrder, "logs.issues[0].resolved"),
        (Code::LogDatesOutOfOrder, "logs.dependencies[0].need_by"),
        (Code::UnknownLogReference, "logs.dependencies[0].provider"),
        (Code::LogDatesOutOfOrder, "logs.decisions[0].decided"),
        (
            Code::UnknownLogReference,
            "logs.decisions[0].links.risks[0]",
        ),
        (Code::InvalidBenefit, "logs.charter.benefits[0].target"),
    ];
    for (code, path) in expect {
        assert!(
            found.contains(&(code, path.to_string())),
            "{code:?} at {path} not in {found:#?}"
        );
    }
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    let message = &check(&p).unwrap_err().0;
    let need_by = message
        .iter()
        .find(|d| d.path == "logs.dependencies[0].need_by")
        .unwrap();
    assert_eq!(
        need_by.message,
        "dependency 'D1': need_by 2026-03-01 is before opened 2026-03-05"
    );
    assert_eq!(need_by.ids, ["D1"]);
}

#[test]
fn a_mitigation_action_due_before_the_risk_was_raised_is_fine() {
    let mut p = plan();
    p.risks[0].raised = Some(date("2026-03-05"));
    p.risks[0].actions.push(engine::logs::model::Action {
        text: "Second vendor".into(),
        due: Some(date("2026-03-01")),
        ..Default::default()
    });
    assert_eq!(codes(&p), vec![]);
}

// ---------------------------------------------------------------------------------------
// Edits

#[test]
fn log_edits_are_undone_and_checked_like_any_edit_also_when_kept() {
    let mut program = plan();
    let mut kept = KeptProgram::new(program.clone()).unwrap();
    let mut history = History::default();
    let mut kept_history = History::default();
    let (id, edit) = add_item(&program, Log::Dependencies, "Staging API keys", None).unwrap();
    assert_eq!(id, "D1");
    history.apply(&mut program, vec![edit.clone()]).unwrap();
    kept_history.apply_kept(&mut kept, vec![edit]).unwrap();
    let edit = set_field(&program, Log::Dependencies, "D1", "task", "api").unwrap();
    history.apply(&mut program, vec![edit.clone()]).unwrap();
    kept_history.apply_kept(&mut kept, vec![edit]).unwrap();
    assert_eq!(kept.program(), &program);
    // An unknown task is refused by the check, on both paths, and nothing changes.
    let bad = set_field(&program, Log::Dependencies, "D1", "for_task", "ghost").unwrap();
    let refused = history.apply(&mut program, vec![bad.clone()]).unwrap_err();
    assert_eq!(refused.0[0].code, Code::UnknownLogReference);
    assert_eq!(
        kept_history.apply_kept(&mut kept, vec![bad]).unwrap_err(),
        refused
    );
    assert_eq!(kept.program(), &program);
    // A task a log names is not removed alone.
    let removal = vec![Edit::RemoveTask { index: 0 }];
    assert!(kept_history.apply_kept(&mut kept, removal.clone()).is_err());
    assert!(history.apply(&mut program, removal).is_err());
    assert!(history.undo(&mut program) && history.undo(&mut program));
    assert!(program.logs.is_empty());
    assert!(kept_history.undo_kept(&mut kept) && kept_history.undo_kept(&mut kept));
    assert_eq!(kept.program(), &program);
    assert_eq!(kept.schedule().unwrap(), &schedule(&program).unwrap());
}

#[test]
fn an_item_is_removed_and_put_back_by_undo() {
    let mut program = plan();
    let mut history = History::default();
    let (_, edit) = add_item(
        &program,
        Log::Decisions,
        "Pick a vendor",
        Some(date("2026-03-02")),
    )
    .unwrap();
    history.apply(&mut program, vec![edit]).unwrap();
    // Raised on the day it was added.
    assert_eq!(program.logs.decisions[0].raised, Some(date("2026-03-02")));
    let with_decision = program.clone();
    let edit = remove_item(&program, Log::Decisions, "DEC1").unwrap();
    history.apply(&mut program, vec![edit]).unwrap();
    assert!(program.logs.decisions.is_empty());
    history.undo(&mut program);
    assert_eq!(program, with_decision);
}

// ---------------------------------------------------------------------------------------
// Figures, worked by hand

#[test]
fn ages_and_latencies_count_working_days_of_the_program_calendar() {
    let p = plan();
    // Monday 2 March to Monday 23 March: three weeks, less the holiday on the 20th.
    assert_eq!(working_days(&p, date("2026-03-02"), date("2026-03-23")), 14);
    // Opened Thursday 19 March; on Monday 23 March it is 1 day old (Thursday; Friday is a
    // holiday; the weekend does not count).
    let issue = Issue {
        opened: Some(date("2026-03-19")),
        resolved: Some(date("2026-03-24")),
        ..Issue::default()
    };
    assert_eq!(issue_age(&p, &issue, date("2026-03-23")), Some(1));
    assert_eq!(resolution_time(&p, &issue), Some(2));
    let resolved = Issue {
        status: IssueStatus::Resolved,
        ..issue
    };
    assert_eq!(
        issue_age(&p, &resolved, date("2026-03-23")),
        None,
        "not open"
    );
    let decision = Decision {
        raised: Some(date("2026-03-02")),
        needed_by: Some(date("2026-03-06")),
        ..Decision::default()
    };
    assert_eq!(decision_latency(&p, &decision), None, "not decided");
    assert!(decision_overdue(&decision, date("2026-03-09")));
    assert!(!decision_overdue(&decision, date("2026-03-06")));
    let decided = Decision {
        decided: Some(date("2026-03-11")),
        ..decision
    };
    assert_eq!(decision_latency(&p, &decided), Some(7));
}

#[test]
fn working_days_follow_the_calendar_as_it_is_now() {
    // The last calendar is kept between calls: a change to it, a program of another
    // calendar, and the first again are each counted by their own.
    let mut p = plan();
    let (from, to) = (date("2026-03-02"), date("2026-03-23"));
    assert_eq!(working_days(&p, from, to), 14);
    p.calendar.holidays.push(date("2026-03-10"));
    assert_eq!(working_days(&p, from, to), 13, "a holiday added");
    p.calendar.holidays[1] = date("2026-03-11");
    assert_eq!(working_days(&p, from, to), 13, "moved, still in range");
    p.calendar.holidays[1] = date("2026-04-01");
    assert_eq!(working_days(&p, from, to), 14, "moved out of range");
    p.calendar.workdays.pop();
    assert_eq!(
        working_days(&p, from, to),
        12,
        "Fridays off (the holiday is one)"
    );
    assert_eq!(working_days(&Program::default(), from, to), 15);
    assert_eq!(working_days(&plan(), from, to), 14);
}

#[test]
fn risk_scores_multiply_severity_by_probability_level() {
    let mut risk = Risk {
        probability: 0.55,
        severity: Some(4),
        ..Risk::default()
    };
    // 55 % is level 4; 4 × 4 = 16: high.
    assert_eq!(
        risk_score(&risk).map(|s| (s.score, s.rating)),
        Some((16, Rating::High))
    );
    risk.mitigated = Some(Mitigated {
        probability: Some(0.25),
        severity: Some(3),
        ..Mitigated::default()
    });
    // 25 % is level 2; 3 × 2 = 6: low.
    assert_eq!(
        mitigated_score(&risk).map(|s| (s.score, s.rating)),
        Some((6, Rating::Low))
    );
    // 50 % is level 3; 2 × 3 = 6: low; 8 is the first medium score, 15 the first high.
    assert_eq!(
        (score(2, 0.5).score, score(2, 0.5).rating),
        (6, Rating::Low)
    );
    assert_eq!(
        (Rating::of(7), Rating::of(8)),
        (Rating::Low, Rating::Medium)
    );
    assert_eq!(
        (Rating::of(14), Rating::of(15)),
        (Rating::Medium, Rating::High)
    );
    assert_eq!(risk_score(&Risk::default()), None, "no severity, no score");
}

#[test]
fn a_dependency_is_at_risk_when_its_provider_finishes_after_need_by() {
    let p = plan();
    let plan_schedule = schedule(&p).unwrap();
    let mut d = Commitment {
        id: "D1".into(),
        title: "API ready".into(),
        task: Some("api".into()),
        need_by: Some(date("2026-03-12")),
        status: CommitmentStatus::Committed,
        ..Commitment::default()
    };
    let on = date("2026-03-02");
    let computed = commitment_status(&p, Some(&plan_schedule), &d, on);
    assert_eq!(computed.status, CommitmentStatus::AtRisk);
    assert_eq!(
        computed.rule,
        StatusRule::ProviderFinishesLate {
            task: "api".into(),
            finish: date("2026-03-13"),
            need_by: date("2026-03-12")
        }
    );
    d.need_by = Some(date("2026-03-13"));
    let computed = commitment_status(&p, Some(&plan_schedule), &d, on);
    assert_eq!(
        (computed.status, computed.rule),
        (CommitmentStatus::Committed, StatusRule::Recorded)
    );
    // Past need-by and not delivered: missed, whatever the schedule says.
    let computed = commitment_status(&p, Some(&plan_schedule), &d, date("2026-03-16"));
    assert_eq!(computed.status, CommitmentStatus::Missed);
    d.status = CommitmentStatus::Delivered;
    let computed = commitment_status(&p, Some(&plan_schedule), &d, date("2026-03-16"));
    assert_eq!(computed.status, CommitmentStatus::Delivered);
}

#[test]
fn the_benefits_index_is_the_mean_realization() {
    let on = |day: &str, value| Measurement {
        date: date(day),
        value,
    };
    let charter = Charter {
        benefits: vec![
            // 10 → 20, latest 15 (the March value, listed first): half way.
            Benefit {
                baseline: 10.0,
                target: 20.0,
                measured: vec![on("2026-03-01", 15.0), on("2026-02-01", 19.0)],
                ..Benefit::default()
            },
            // 100 → 50 (lower is better), latest 25: 150 %.
            Benefit {
                baseline: 100.0,
                target: 50.0,
                measured: vec![on("2026-03-01", 25.0)],
                ..Benefit::default()
            },
            // Not measured yet: 0.
            Benefit {
                baseline: 0.0,
                target: 1.0,
                ..Benefit::default()
            },
        ],
        ..Charter::default()
    };
    assert_eq!(realization(&charter.benefits[0]), 0.5);
    assert_eq!(realization(&charter.benefits[1]), 1.5);
    assert_eq!(benefits_index(&charter), Some((0.5 + 1.5 + 0.0) / 3.0));
    assert_eq!(benefits_index(&Charter::default()), None);
}

#[test]
fn a_change_request_moves_milestones_and_the_finish() {
    let p = plan();
    let before = schedule(&p).unwrap();
    let changes = [engine::scenario::Change::Slip {
        task: "api".into(),
        days: 4,
    }];
    let impact = engine::logs::impact::change_impact_of(&p, &before, &changes).unwrap();
    assert_eq!(impact.finish_shift, 4);
    assert_eq!(impact.milestones.len(), 1);
    assert_eq!(
        (impact.milestones[0].id.as_str(), impact.milestones[0].days),
        ("live", Some(4))
    );
    assert_eq!(
        impact.describe(),
        "finish +4 working days; Live +4 working days"
    );
    let none = ChangeImpact {
        milestones: vec![],
        finish_shift: 0,
    };
    assert_eq!(none.describe(), "finish unchanged");
}

#[test]
fn the_mitigated_program_carries_post_mitigation_values_and_still_checks() {
    let mut p = plan();
    p.risks[0].mitigated = Some(Mitigated {
        probability: Some(0.1),
        impact: Some(Impact { min: 1, max: 2 }),
        severity: None,
    });
    p.risks.push(Risk {
        id: "R2".into(),
        title: "Gone".into(),
        status: RiskStatus::Closed,
        ..Risk::default()
    });
    p.risks.push(Risk {
        id: "R3".into(),
        title: "Happened".into(),
        probability: 0.2,
        status: RiskStatus::Occurred,
        tasks: vec!["cutover".into()],
        impact: Impact { min: 3, max: 3 },
        ..Risk::default()
    });
    p.logs.decisions.push(Decision {
        id: "DEC1".into(),
        title: "Accept R2".into(),
        links: engine::logs::model::DecisionLinks {
            risks: vec!["R2".into()],
            ..Default::default()
        },
        ..Decision::default()
    });
    let after = mitigated(&p);
    let ids: Vec<&str> = after.risks.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["R1", "R3"]);
    assert_eq!(
        (after.risks[0].probability, after.risks[0].impact),
        (0.1, Impact { min: 1, max: 2 })
    );
    assert_eq!(after.risks[1].probability, 1.0);
    assert!(check(&after).is_ok());
    let before = unmitigated(&p);
    assert_eq!(before.risks[0].probability, 0.4);
    assert!(check(&before).is_ok());
}

#[test]
fn age_is_none_without_a_date() {
    assert_eq!(age(&plan(), None, date("2026-03-02")), None);
}

// ---------------------------------------------------------------------------------------
// Properties

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..2000).prop_map(|d| date("2025-01-01") + chrono::Duration::days(d))
}

proptest! {
    #[test]
    fn age_is_never_negative_and_grows_by_one_per_working_day(
        since in any_date(),
        as_of in any_date(),
    ) {
        let p = plan();
        let today = age(&p, Some(since), as_of).unwrap();
        prop_assert!(today >= 0);
        let tomorrow = age(&p, Some(since), as_of + chrono::Duration::days(1)).unwrap();
        let calendar = engine::calendar::WorkCalendar::new(&p.calendar.workdays, &p.calendar.holidays);
        let working = calendar.is_working_day(engine::calendar::day_number(as_of));
        let grows = usize::from(working && as_of >= since) as i64;
        prop_assert_eq!(tomorrow, today + grows);
    }

    #[test]
    fn a_provider_finishing_by_need_by_is_never_at_risk_by_the_schedule(
        duration in 0i64..40,
        need_by in any_date(),
        as_of in any_date(),
    ) {
        let mut p = plan();
        p.tasks[0].duration = duration;
        let planned = schedule(&p).unwrap();
        let d = Commitment { task: Some("api".into()), need_by: Some(need_by), ..Commitment::default() };
        let computed = commitment_status(&p, Some(&planned), &d, as_of);
        let by_schedule = matches!(computed.rule, StatusRule::ProviderFinishesLate { .. });
        prop_assert_eq!(by_schedule, planned.tasks[0].finish > need_by && need_by >= as_of);
    }

    #[test]
    fn the_score_is_monotone_in_both_factors(
        severity in 1u8..=5,
        more in 0u8..=4,
        probability in 0.0f64..=1.0,
        higher in 0.0f64..=1.0,
    ) {
        let base = score(severity, probability);
        let more_severe = score((severity + more).min(5), probability);
        let likelier = score(severity, (probability + higher).min(1.0));
        prop_assert!(more_severe.score >= base.score && more_severe.rating >= base.rating);
        prop_assert!(likelier.score >= base.score && likelier.rating >= base.rating);
        prop_assert!((1..=25).contains(&base.score));
        prop_assert!((1..=5).contains(&probability_level(probability)));
    }
}
