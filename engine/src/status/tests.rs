//! The status pack's rules worked by hand on a small program, and property tests.

use super::edit::{issue, override_rating, set_narrative, set_rule};
use super::facts::Inputs;
use super::model::{Dimension, Rag, Rated};
use super::pack::{draft, reported};
use super::rag::assess;
use crate::baseline::{Baseline, BaselineTask};
use crate::edit::Edit;
use crate::logs::model::{Action, Commitment, Decision};
use crate::model::Program;
use crate::readiness::model::{Checklist, Item, ItemStatus};
use crate::{Risk, schedule};
use chrono::NaiveDate;
use proptest::prelude::*;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Build (10 working days from Monday 2027-03-01) then GA, a milestone due Friday
/// 2027-03-05: the schedule puts GA on Friday 2027-03-12, five working days late.
fn program() -> Program {
    let json = r#"{"program": {"name": "P", "start": "2027-03-01"},
        "workstreams": [{"id": "eng", "name": "Eng"}],
        "tasks": [{"id": "build", "name": "Build", "workstream": "eng", "duration": 10},
                  {"id": "ga", "name": "GA", "workstream": "eng", "duration": 0, "milestone": true,
                   "deadline": "2027-03-05"}],
        "dependencies": [{"from": "build", "to": "ga", "type": "FS", "lag": 0}]}"#;
    serde_json::from_str(json).unwrap()
}

fn rated(program: &Program, on: &str, dimension: Dimension) -> Rated {
    let plan = schedule(program).unwrap();
    let inputs = Inputs {
        program,
        schedule: &plan,
        baseline: None,
        forecast: None,
        status_date: day(on),
    };
    let assessment = assess(&inputs, &program.status.rules);
    assessment
        .dimensions
        .into_iter()
        .find(|d| d.dimension == dimension)
        .unwrap()
}

fn apply(program: &mut Program, edit: Edit) {
    apply_all(program, vec![edit]);
}

fn apply_all(program: &mut Program, edits: Vec<Edit>) {
    crate::edit::History::default()
        .apply(program, edits)
        .unwrap();
}

#[test]
fn a_milestone_five_days_late_is_amber_and_six_red() {
    let mut p = program();
    let plan = schedule(&p).unwrap();
    assert_eq!(plan.tasks[1].finish, day("2027-03-12"), "the premise");
    // Late: 2027-03-05 → 2027-03-12 is 5 working days. Left on 2027-03-01: 4 days, 10 % of
    // which is 0.4, rounded up 1; Amber allows max(5, 1) = 5 days: Amber.
    let schedule_rating = rated(&p, "2027-03-01", Dimension::Schedule);
    assert_eq!(schedule_rating.rag, Some(Rag::Amber), "{schedule_rating:?}");
    assert!(schedule_rating.why.contains("5 working days late"));
    // Due Thursday 2027-03-04: 6 days late, over 5: Red.
    p.tasks[1].deadline = Some(day("2027-03-04"));
    assert_eq!(
        rated(&p, "2027-03-01", Dimension::Schedule).rag,
        Some(Rag::Red)
    );
    // Due 2027-03-12: on time: Green.
    p.tasks[1].deadline = Some(day("2027-03-12"));
    assert_eq!(
        rated(&p, "2027-03-01", Dimension::Schedule).rag,
        Some(Rag::Green)
    );
}

#[test]
fn ten_percent_of_a_long_runway_allows_more_than_five_days() {
    let mut p = program();
    // Build takes 100 days: GA on 2027-07-16 (100 working days from 2027-03-01, no holidays:
    // 20 weeks). Due 8 working days earlier, 2027-07-06. Left on 2027-03-01: 91 working
    // days to 2027-07-06; 10 % is 9.1, rounded up 10 ≥ 8: Amber, not Red.
    p.tasks[0].duration = 100;
    p.tasks[1].deadline = Some(day("2027-07-06"));
    let plan = schedule(&p).unwrap();
    assert_eq!(plan.tasks[1].finish, day("2027-07-16"), "the premise");
    assert_eq!(
        rated(&p, "2027-03-01", Dimension::Schedule).rag,
        Some(Rag::Amber)
    );
    // Thresholds are the program's: 5 % of 91 is 4.55 → 5 < 8: Red.
    let edit = set_rule(&p, "schedule.amber_percent_of_remaining", "5").unwrap();
    apply(&mut p, edit);
    assert_eq!(
        rated(&p, "2027-03-01", Dimension::Schedule).rag,
        Some(Rag::Red)
    );
}

fn risk(id: &str, severity: u8, probability: f64) -> Risk {
    Risk {
        id: id.into(),
        title: format!("Risk {id}"),
        probability,
        severity: Some(severity),
        ..Risk::default()
    }
}

#[test]
fn risks_rate_by_open_high_risks_and_overdue_mitigations() {
    let mut p = program();
    // R1: severity 5 × level 5 (90 %) = 25, high. R2: 3 × level 3 (50 %) = 9, medium.
    p.risks = vec![risk("R1", 5, 0.9), risk("R2", 3, 0.5)];
    assert_eq!(
        rated(&p, "2027-03-01", Dimension::Risk).rag,
        Some(Rag::Amber)
    );
    // R2's action was due 2027-02-26, not done: overdue on 2027-03-01. 1 high + 2 … no:
    // overdue count 1 < 2 and high 1 < 3: still Amber.
    p.risks[1].actions = vec![Action {
        text: "Pilot".into(),
        due: Some(day("2027-02-26")),
        ..Action::default()
    }];
    assert_eq!(
        rated(&p, "2027-03-01", Dimension::Risk).rag,
        Some(Rag::Amber)
    );
    // R1 gets an overdue action too: two with an overdue mitigation: Red.
    p.risks[0].actions = p.risks[1].actions.clone();
    let red = rated(&p, "2027-03-01", Dimension::Risk);
    assert_eq!(red.rag, Some(Rag::Red));
    assert_eq!(red.findings.len(), 3, "R1 high, R1 and R2 overdue: {red:?}");
    // Closed risks do not count.
    p.risks
        .iter_mut()
        .for_each(|r| r.status = crate::logs::model::RiskStatus::Closed);
    assert_eq!(
        rated(&p, "2027-03-01", Dimension::Risk).rag,
        Some(Rag::Green)
    );
}

#[test]
fn decisions_and_dependencies_rate_by_what_is_overdue() {
    let mut p = program();
    p.logs.decisions = vec![Decision {
        id: "DEC1".into(),
        title: "Pick a vendor".into(),
        needed_by: Some(day("2027-03-01")),
        ..Decision::default()
    }];
    // On 2027-03-04, 3 working days past needed-by: one overdue, not more than 5: Amber.
    assert_eq!(
        rated(&p, "2027-03-04", Dimension::Decisions).rag,
        Some(Rag::Amber)
    );
    // On 2027-03-10: 7 days past, more than 5: Red.
    assert_eq!(
        rated(&p, "2027-03-10", Dimension::Decisions).rag,
        Some(Rag::Red)
    );
    // A dependency needed by 2027-03-03, undelivered on 2027-03-04: missed: Red.
    p.logs.dependencies = vec![Commitment {
        id: "D1".into(),
        title: "API keys".into(),
        need_by: Some(day("2027-03-03")),
        opened: Some(day("2027-03-01")),
        ..Commitment::default()
    }];
    assert_eq!(
        rated(&p, "2027-03-02", Dimension::Dependencies).rag,
        Some(Rag::Green)
    );
    assert_eq!(
        rated(&p, "2027-03-04", Dimension::Dependencies).rag,
        Some(Rag::Red)
    );
    // Provided by Build (finishing 2027-03-12, after need-by 2027-03-10): at risk: Amber.
    p.logs.dependencies[0].need_by = Some(day("2027-03-10"));
    p.logs.dependencies[0].task = Some("build".into());
    assert_eq!(
        rated(&p, "2027-03-04", Dimension::Dependencies).rag,
        Some(Rag::Amber)
    );
}

#[test]
fn readiness_rates_the_milestones_coming_up() {
    let mut p = program();
    let item = |id: &str, status, due| Item {
        id: id.into(),
        status,
        due_before: Some(due),
        ..Item::default()
    };
    // GA on 2027-03-12. RC1 due T-5 (2027-03-05), not met.
    p.readiness.checklists = vec![Checklist {
        milestone: "ga".into(),
        items: vec![
            item("RC1", ItemStatus::NotStarted, 5),
            item("RC2", ItemStatus::Met, 1),
        ],
        ..Checklist::default()
    }];
    // On 2027-03-01: GA 9 working days away, nothing overdue, more than 5 days: Green.
    assert_eq!(
        rated(&p, "2027-03-01", Dimension::Readiness).rag,
        Some(Rag::Green)
    );
    // On 2027-03-08: RC1 overdue (Amber), GA 4 days away at 50 % (< 95 %): Red.
    let red = rated(&p, "2027-03-08", Dimension::Readiness);
    assert_eq!(red.rag, Some(Rag::Red), "{red:?}");
    assert!(red.findings[0].contains("50 % ready"), "{red:?}");
    // Outside the 20-day window (a later GA): not rated.
    p.tasks[0].duration = 60;
    assert_eq!(rated(&p, "2027-03-01", Dimension::Readiness).rag, None);
}

#[test]
fn scope_rates_tasks_added_and_removed_against_the_baseline() {
    let p = program();
    let plan = schedule(&p).unwrap();
    let task = |id: &str| BaselineTask {
        id: id.into(),
        start: day("2027-03-01"),
        finish: day("2027-03-01"),
    };
    // The baseline had build, ga and eight more: 10 tasks. 8 removed: 80 %: Red.
    let mut tasks: Vec<BaselineTask> = ["build", "ga"].map(task).to_vec();
    tasks.extend((1..=8).map(|n| task(&format!("old{n}"))));
    let mut baseline = Baseline {
        id: "b".into(),
        name: "B".into(),
        saved_on: day("2027-02-26"),
        tasks,
    };
    let scope_of = |baseline: &Baseline| {
        let inputs = Inputs {
            program: &p,
            schedule: &plan,
            baseline: Some(baseline),
            forecast: None,
            status_date: day("2027-03-01"),
        };
        let a = assess(&inputs, &p.status.rules);
        a.dimensions[5].rag
    };
    assert_eq!(scope_of(&baseline), Some(Rag::Red));
    // 1 of 10 removed: 10 %: Green; 2 of 10: 20 %: Amber.
    baseline.tasks.truncate(3);
    baseline
        .tasks
        .extend((2..=9).map(|n| task(&format!("kept{n}"))));
    // Now the baseline lacks nothing of the program but has 9 others: 9 removed of 11.
    assert_eq!(scope_of(&baseline), Some(Rag::Red));
    let mut ten: Vec<BaselineTask> = ["build", "ga"].map(task).to_vec();
    ten.extend((1..=8).map(|n| task(&format!("t{n}"))));
    // A program with those 10 tasks but one: 1 removed of 10 = 10 %: Green.
    let mut full = p.clone();
    for n in 1..=7 {
        let mut t = full.tasks[0].clone();
        t.id = format!("t{n}");
        full.tasks.push(t);
    }
    let full_plan = schedule(&full).unwrap();
    let inputs = Inputs {
        program: &full,
        schedule: &full_plan,
        baseline: Some(&Baseline {
            tasks: ten,
            ..baseline.clone()
        }),
        forecast: None,
        status_date: day("2027-03-01"),
    };
    let scope = &assess(&inputs, &full.status.rules).dimensions[5];
    assert_eq!(scope.rag, Some(Rag::Green), "{scope:?}");
    assert!(
        scope
            .why
            .starts_with("10 % of the baseline's tasks changed (0 added, 1 removed)")
    );
}

#[test]
fn an_override_needs_a_reason_and_both_ratings_are_shown() {
    let mut p = program();
    let on = day("2027-03-01");
    let refused = override_rating(
        &p,
        Dimension::Overall,
        Some(Rag::Green),
        Some(Rag::Red),
        "  ",
        on,
    );
    assert_eq!(refused.unwrap_err().field, "reason");
    let edit = override_rating(
        &p,
        Dimension::Overall,
        Some(Rag::Green),
        Some(Rag::Red),
        "Vendor fix confirmed",
        on,
    )
    .unwrap();
    apply(&mut p, edit);
    let r = reported(
        Some(Rag::Red),
        &p.status.draft.overrides,
        Dimension::Overall,
    );
    assert_eq!(
        (r.reported, r.computed, r.overridden),
        (Some(Rag::Green), Some(Rag::Red), true)
    );
    // Withdrawn: the computed rating stands; the history keeps both.
    let edit = override_rating(
        &p,
        Dimension::Overall,
        None,
        Some(Rag::Red),
        "Fix slipped",
        on,
    )
    .unwrap();
    apply(&mut p, edit);
    let r = reported(
        Some(Rag::Red),
        &p.status.draft.overrides,
        Dimension::Overall,
    );
    assert_eq!((r.reported, r.overridden), (Some(Rag::Red), false));
    assert_eq!(p.status.draft.overrides.len(), 2);
}

#[test]
fn issuing_keeps_the_pack_and_the_next_shows_what_changed() {
    let mut p = program();
    let edit = set_narrative(&p, "highlights", "Build started").unwrap();
    apply(&mut p, edit);
    let issue_on = |p: &Program, on: &str| {
        let plan = schedule(p).unwrap();
        let inputs = Inputs {
            program: p,
            schedule: &plan,
            baseline: None,
            forecast: None,
            status_date: day(on),
        };
        draft(&inputs, &p.status, day(on), Vec::new())
    };
    let first = issue_on(&p, "2027-03-01");
    assert_eq!(
        (first.id.as_str(), first.assessment.overall),
        ("SP1", Some(Rag::Amber))
    );
    assert!(
        first.changes.is_empty(),
        "nothing to compare the first pack with"
    );
    let edits = issue(&p, first).unwrap();
    apply_all(&mut p, edits);
    assert!(p.status.draft.is_empty(), "the draft starts afresh");
    assert_eq!(p.status.packs[0].narrative.highlights, "Build started");
    // Build slips 2 days (GA 2027-03-16, 7 days late: Red) and a risk is raised.
    p.tasks[0].duration = 12;
    p.risks.push(risk("R1", 2, 0.2));
    let second = issue_on(&p, "2027-03-08");
    assert_eq!(second.id, "SP2");
    assert_eq!(second.assessment.overall, Some(Rag::Red));
    let moved = &second.changes.moved;
    assert_eq!(
        (moved[0].id.as_str(), moved[0].days),
        ("ga", 2),
        "{moved:?}"
    );
    assert_eq!(second.changes.new_risks[0].id, "R1");
    assert_eq!(second.changes.since.as_deref(), Some("SP1"));
    // A pack cannot go back in time.
    let edits = issue(&p, second).unwrap();
    apply_all(&mut p, edits);
    let earlier = issue_on(&p, "2027-03-02");
    assert_eq!(issue(&p, earlier).unwrap_err().field, "status_date");
}

#[test]
fn the_check_refuses_an_override_without_a_reason() {
    let mut p = program();
    p.status.draft.overrides.push(super::model::Override {
        dimension: Dimension::Risk,
        reported: Some(Rag::Green),
        computed: None,
        reason: String::new(),
        on: day("2027-03-01"),
    });
    let problems = crate::check(&p).unwrap_err();
    assert_eq!(problems.0[0].code.as_str(), "E053");
    assert_eq!(problems.0[0].path, "status.draft.overrides[0].reason");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// On any generated program, the overall rating is the worst of the rated dimensions
    /// and every dimension states its rule; nothing panics.
    #[test]
    fn overall_is_the_worst_dimension(seed in 0u64..1_000, tasks in 1usize..120, days in 0i64..400) {
        let program = crate::generate::generate(crate::generate::Shape::Layered, tasks, seed);
        let plan = schedule(&program).unwrap();
        let inputs = Inputs {
            program: &program,
            schedule: &plan,
            baseline: None,
            forecast: None,
            status_date: program.program.start + chrono::Days::new(days as u64),
        };
        let a = assess(&inputs, &program.status.rules);
        let worst = a.dimensions.iter().filter_map(|d| d.rag).max();
        prop_assert_eq!(a.overall, worst);
        prop_assert!(a.dimensions.iter().all(|d| !d.rule.is_empty() && !d.why.is_empty()));
    }

    /// A pack compared with itself changes nothing.
    #[test]
    fn a_pack_compared_with_itself_is_quiet(seed in 0u64..1_000, tasks in 1usize..80) {
        let program = crate::generate::generate(crate::generate::Shape::Layered, tasks, seed);
        let plan = schedule(&program).unwrap();
        let inputs = Inputs {
            program: &program,
            schedule: &plan,
            baseline: None,
            forecast: None,
            status_date: program.program.start,
        };
        let facts = super::facts::facts(&inputs);
        let changes = super::changes::changes(&program, "SP1", &facts, &facts);
        prop_assert!(changes.is_quiet());
    }
}

#[test]
fn a_health_threshold_is_typed_like_any_rule() {
    let mut p = program();
    let edit = set_rule(&p, "health.fs_percent", "80 %").unwrap();
    apply(&mut p, edit);
    assert_eq!(p.status.rules.health.fs_percent, 80.0);
    let refused = set_rule(&p, "health.fs_percent", "180").unwrap_err();
    assert_eq!(refused.field, "health.fs_percent");
    assert!(refused.message.contains("0 to 100"), "{refused:?}");
    assert_eq!(
        super::edit::rule_value(&p.status.rules, "health.fs_percent").as_deref(),
        Some("80")
    );
}

#[test]
fn issuing_is_undone_whole_and_undo_keeps_no_copy_of_the_packs() {
    let mut p = program();
    let on = day("2027-03-01");
    let mut history = crate::edit::History::default();
    let edit = set_narrative(&p, "asks", "A decision on the vendor").unwrap();
    history.apply(&mut p, vec![edit]).unwrap();
    let plan = schedule(&p).unwrap();
    let inputs = Inputs {
        program: &p,
        schedule: &plan,
        baseline: None,
        forecast: None,
        status_date: on,
    };
    let pack = draft(&inputs, &p.status, on, Vec::new());
    let before = p.clone();
    let edits = issue(&p, pack).unwrap();
    history.apply(&mut p, edits).unwrap();
    assert_eq!(p.status.packs.len(), 1);
    // A narrative typed after: its undo holds the draft alone.
    let edit = set_narrative(&p, "highlights", "Kick-off done").unwrap();
    let Edit::SetStatusDraft { .. } = &edit else {
        panic!("a narrative is an edit of the draft: {edit:?}")
    };
    history.apply(&mut p, vec![edit]).unwrap();
    assert!(history.undo(&mut p));
    assert!(history.undo(&mut p), "the issue, both its edits");
    assert_eq!(p, before, "the pack taken back, the draft as it was");
}

#[test]
fn a_kpi_target_is_typed_like_any_rule() {
    let mut p = program();
    let edit = set_rule(&p, "targets.on_time_percent", "90").unwrap();
    apply(&mut p, edit);
    assert_eq!(p.status.rules.targets.on_time_percent, 90.0);
    let refused = set_rule(&p, "targets.on_time_tolerance_days", "-3").unwrap_err();
    assert_eq!(refused.field, "targets.on_time_tolerance_days");
    assert!(refused.message.contains("from 0 to 10000"), "{refused:?}");
    assert!(set_rule(&p, "targets.readiness_percent", "NaN").is_err());
}
