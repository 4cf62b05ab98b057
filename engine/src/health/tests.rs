//! Hand-worked assessments: checks 1 to 8, 12 and 13 on small programs whose every figure is
//! worked out in the comments. Progress and the baseline (9, 10, 11, 14) are in
//! `tests_progress.rs`.

use super::*;
use crate::Program;

pub(super) fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// `program` checked, scheduled and assessed on `date` with DCMA's thresholds.
pub(super) fn assessed(program: &Program, baseline: Option<&Baseline>, date: &str) -> Report {
    let checked = crate::check(program).unwrap();
    let schedule = crate::schedule_checked(&checked).unwrap();
    assess(
        &checked,
        &schedule,
        baseline,
        d(date),
        &Thresholds::default(),
    )
}

pub(super) fn result(report: &Report, check: Check) -> &CheckResult {
    report.get(check).unwrap()
}

/// Starts Monday 2026-01-05 (offset 0), Monday to Friday, no holidays, one workstream.
///
/// ```text
/// start ─FS→ design(10) ─FS→ build(50) ─FS→ launch
///              ├─SS+2→ docs(5) ─FS−1→ launch
///              │        └─FS→ review(3)
///              └─FS→ audit(4, FNLT Fri 2026-01-16) ─FF→ launch
/// orphan(2): no link at all
/// ```
///
/// Early dates: start 0; design [0, 10); build [10, 60); docs [2, 7) (SS + 2);
/// review [7, 10); orphan [0, 2); audit [10, 14); launch 60 (after build). Finish 60.
/// Late finishes, back from 60: launch 60, build 60; audit min(60 by FF, 10 by its
/// FNLT: the offset after Fri 16th) = 10; review 60; orphan 60; docs min(launch 60 + 1 for
/// the lead, review's late start 57) = 57; design min(build's late start 10, audit's 6,
/// docs' late start 52 − 2) = 6; start: design's late start 6 − 10 = −4.
/// Total float (late less early finish): start −4, design −4, build 0, docs 50, review 50,
/// orphan 58, audit −4, launch 0.
fn launch_plan() -> Program {
    serde_json::from_str(
        r#"{"program": {"name": "Launch", "start": "2026-01-05"},
        "workstreams": [{"id": "w", "name": "W"}],
        "tasks": [
          {"id": "start", "name": "Start", "workstream": "w", "duration": 0, "milestone": true},
          {"id": "design", "name": "Design", "workstream": "w", "duration": 10},
          {"id": "build", "name": "Build", "workstream": "w", "duration": 50},
          {"id": "docs", "name": "Docs", "workstream": "w", "duration": 5},
          {"id": "review", "name": "Review", "workstream": "w", "duration": 3},
          {"id": "orphan", "name": "Orphan", "workstream": "w", "duration": 2},
          {"id": "audit", "name": "Audit", "workstream": "w", "duration": 4,
           "constraint": {"type": "FNLT", "date": "2026-01-16"}},
          {"id": "launch", "name": "Launch", "workstream": "w", "duration": 0, "milestone": true}],
        "dependencies": [
          {"from": "start", "to": "design"},
          {"from": "design", "to": "build"},
          {"from": "design", "to": "docs", "type": "SS", "lag": 2},
          {"from": "build", "to": "launch"},
          {"from": "docs", "to": "launch", "lag": -1},
          {"from": "docs", "to": "review"},
          {"from": "design", "to": "audit"},
          {"from": "audit", "to": "launch", "type": "FF"}]}"#,
    )
    .unwrap()
}

fn ids(result: &CheckResult) -> Vec<&str> {
    result.tasks.iter().map(String::as_str).collect()
}

#[test]
fn the_schedule_is_as_worked_out() {
    let program = launch_plan();
    let plan = crate::schedule(&program).unwrap();
    let floats: Vec<i64> = plan.tasks.iter().map(|t| t.lf - t.ef).collect();
    assert_eq!(floats, [-4, -4, 0, 50, 50, 58, -4, 0]);
    assert_eq!(plan.finish_offset, 60);
}

#[test]
fn logic_exempts_the_start_and_finish_milestones() {
    let report = assessed(&launch_plan(), None, "2026-01-05");
    // Eight incomplete tasks. Without a predecessor: start (the start milestone, exempt) and
    // orphan; without a successor: review, orphan and launch (the finish milestone, exempt).
    // 2 of 8 = 25 %, over 5 %.
    let logic = result(&report, Check::Logic);
    assert_eq!(logic.figure_text, "25.0 % (2 of 8)");
    assert_eq!(ids(logic), ["review", "orphan"]);
    assert_eq!(logic.outcome, Outcome::Fail);
    assert_eq!(report.incomplete_tasks, 8);
}

#[test]
fn leads_lags_and_types_count_the_links() {
    let report = assessed(&launch_plan(), None, "2026-01-05");
    // Eight links, all between incomplete tasks. One lead (docs → launch, −1): 12.5 %.
    let leads = result(&report, Check::Leads);
    assert_eq!(leads.figure_text, "12.5 % (1 of 8)");
    assert_eq!(ids(leads), ["launch"]);
    assert_eq!(
        leads.links,
        [LinkEnds {
            from: "docs".into(),
            to: "launch".into()
        }]
    );
    assert_eq!(leads.outcome, Outcome::Fail);
    // One lag (design → docs, SS + 2): 12.5 % over 5 %.
    let lags = result(&report, Check::Lags);
    assert_eq!(
        (lags.figure_text.as_str(), ids(lags)),
        ("12.5 % (1 of 8)", vec!["docs"])
    );
    // Six of eight finish-to-start (SS design → docs and FF audit → launch are not): 75 %,
    // under 90 %.
    let kinds = result(&report, Check::RelationshipTypes);
    assert_eq!(kinds.figure_text, "75.0 % (6 of 8)");
    assert_eq!(ids(kinds), ["docs", "launch"]);
    assert_eq!(kinds.links.len(), 2);
    assert_eq!(kinds.outcome, Outcome::Fail);
}

#[test]
fn constraints_float_and_duration() {
    let report = assessed(&launch_plan(), None, "2026-01-05");
    // Audit's finish-no-later-than is hard: 1 of 8.
    let hard = result(&report, Check::HardConstraints);
    assert_eq!(
        (hard.figure_text.as_str(), ids(hard)),
        ("12.5 % (1 of 8)", vec!["audit"])
    );
    // Float over 44: docs 50, review 50, orphan 58: 3 of 8 = 37.5 %.
    let high = result(&report, Check::HighFloat);
    assert_eq!(high.figure_text, "37.5 % (3 of 8)");
    assert_eq!(ids(high), ["docs", "review", "orphan"]);
    // Negative: audit misses its FNLT by 4 days, and so do start and design before it.
    let negative = result(&report, Check::NegativeFloat);
    assert_eq!(negative.figure_text, "37.5 % (3 of 8)");
    assert_eq!(ids(negative), ["start", "design", "audit"]);
    // Six tasks of some duration (the milestones aside); build's 50 days is over 44: 16.7 %.
    let long = result(&report, Check::HighDuration);
    assert_eq!(
        (long.figure_text.as_str(), ids(long)),
        ("16.7 % (1 of 6)", vec!["build"])
    );
    assert_eq!(long.outcome, Outcome::Fail);
    // Nothing before the status date (the program start) and no actuals.
    assert_eq!(result(&report, Check::InvalidDates).outcome, Outcome::Pass);
    let resources = result(&report, Check::Resources);
    assert_eq!(resources.outcome, Outcome::NotApplicable);
    assert!(resources.note.as_ref().unwrap().contains("no resources"));
}

#[test]
fn the_critical_path_test_delays_the_first_task_of_the_longest_path() {
    let report = assessed(&launch_plan(), None, "2026-01-05");
    // The longest path into launch (finish 60): start → design → build → launch (docs'
    // and audit's links do not drive). Its first task of some duration is design: 610 days
    // put build at [610, 660) and launch at 660, 600 later.
    let cpt = result(&report, Check::CriticalPathTest);
    assert_eq!(ids(cpt), ["design"]);
    assert_eq!((cpt.count, cpt.denominator), (600, 600));
    assert_eq!(
        cpt.figure_text,
        "1.00 (the finish moved 600 of 600 working days)"
    );
    assert_eq!(cpt.outcome, Outcome::Pass);
    // No finish_by: total float 0, so CPLI = (60 + 0) / 60 = 1.
    let cpli = result(&report, Check::Cpli);
    assert_eq!(cpli.figure, Some(1.0));
    assert_eq!(cpli.outcome, Outcome::Pass);
    assert!(cpli.note.as_ref().unwrap().contains("no committed finish"));
}

/// x(5) ─SS→ y(10), finish_by Wednesday 2026-01-14 (offset after it: 8). y is [0, 10): the
/// finish is 10, two days after the commitment.
fn start_to_start_plan() -> Program {
    serde_json::from_str(
        r#"{"program": {"name": "SS", "start": "2026-01-05", "finish_by": "2026-01-14"},
        "workstreams": [{"id": "w", "name": "W"}],
        "tasks": [{"id": "x", "name": "X", "workstream": "w", "duration": 5},
                  {"id": "y", "name": "Y", "workstream": "w", "duration": 10}],
        "dependencies": [{"from": "x", "to": "y", "type": "SS"}]}"#,
    )
    .unwrap()
}

#[test]
fn a_task_whose_finish_drives_nothing_fails_the_critical_path_test() {
    let report = assessed(&start_to_start_plan(), None, "2026-01-05");
    // The path into y is x → y by start-to-start; x starts first. Lengthened to 605 days, x
    // itself finishes last, at 605: the finish moved 595 while x moved 600.
    let cpt = result(&report, Check::CriticalPathTest);
    assert_eq!(ids(cpt), ["x"]);
    assert_eq!((cpt.count, cpt.denominator), (595, 600));
    assert_eq!(cpt.outcome, Outcome::Fail);
}

#[test]
fn cpli_counts_from_the_status_date_to_the_committed_finish() {
    // Given Wednesday 7th (offset 2; the program has no status date of its own): the
    // critical path is 10 − 2 = 8 days, the total float 8 − 10 = −2: (8 − 2) / 8 = 0.75.
    let report = assessed(&start_to_start_plan(), None, "2026-01-07");
    assert_eq!(report.status_date_from, DateSource::Given);
    let cpli = result(&report, Check::Cpli);
    assert_eq!((cpli.count, cpli.denominator), (6, 8));
    assert_eq!(
        cpli.figure_text,
        "0.75 (critical path 8 working days, total float -2)"
    );
    assert_eq!(cpli.outcome, Outcome::Fail);
    // Both tasks are forecast to start on the 5th, before the status date, without an
    // actual start: invalid, 2 of 2.
    let invalid = result(&report, Check::InvalidDates);
    assert_eq!(invalid.figure_text, "100.0 % (2 of 2)");
    // After the finish, no critical path remains.
    let late = assessed(&start_to_start_plan(), None, "2026-02-02");
    assert_eq!(result(&late, Check::Cpli).outcome, Outcome::NotApplicable);
}

#[test]
fn a_schedule_of_another_program_applies_to_nothing() {
    let program = launch_plan();
    let checked = crate::check(&program).unwrap();
    let other = crate::schedule(&start_to_start_plan()).unwrap();
    let report = assess(
        &checked,
        &other,
        None,
        d("2026-01-05"),
        &Thresholds::default(),
    );
    assert_eq!(report.count(Outcome::NotApplicable), 14);
}

#[test]
fn results_come_in_order_with_their_rules() {
    let report = assessed(&launch_plan(), None, "2026-01-05");
    let numbers: Vec<u8> = report.checks.iter().map(|r| r.number).collect();
    assert_eq!(numbers, (1..=14).collect::<Vec<u8>>());
    assert_eq!(report.checks[0].threshold_text, "≤ 5 % of incomplete tasks");
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["checks"][1]["slug"], "leads");
    assert_eq!(json["checks"][1]["outcome"], "fail");
    assert_eq!(json["checks"][1]["links"][0]["from"], "docs");
    assert_eq!(json["status_date_from"], "given");
}

#[test]
fn a_link_into_a_summary_gives_its_tasks_a_predecessor() {
    // phase (summary) holds p1 and p2; kickoff → phase; p1 → p2; p2 → done. p1 has no link
    // of its own in, but the link into its summary reaches it: nothing is missing.
    let program: Program = serde_json::from_str(
        r#"{"program": {"name": "O", "start": "2026-01-05"},
        "workstreams": [{"id": "w", "name": "W"}],
        "tasks": [{"id": "kickoff", "name": "K", "workstream": "w", "duration": 0, "milestone": true},
                  {"id": "phase", "name": "Phase", "workstream": "w", "summary": true},
                  {"id": "p1", "name": "P1", "workstream": "w", "duration": 3, "parent": "phase"},
                  {"id": "p2", "name": "P2", "workstream": "w", "duration": 2, "parent": "phase"},
                  {"id": "done", "name": "Done", "workstream": "w", "duration": 0, "milestone": true}],
        "dependencies": [{"from": "kickoff", "to": "phase"}, {"from": "p1", "to": "p2"},
                         {"from": "p2", "to": "done"}]}"#,
    )
    .unwrap();
    let report = assessed(&program, None, "2026-01-05");
    // Four incomplete tasks (the summary aside); none missing logic.
    assert_eq!(result(&report, Check::Logic).figure_text, "0.0 % (0 of 4)");
    assert_eq!(report.incomplete_tasks, 4);
}
