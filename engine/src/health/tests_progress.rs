//! Hand-worked assessments of a program under way: 9 invalid dates, 10 resources, 11 missed
//! tasks and 14 BEI, against a baseline.

use super::tests::{assessed, d, result};
use super::*;
use crate::Program;
use crate::baseline::BaselineTask;

/// Starts Monday 2026-01-05 (offset 0), Monday to Friday; status date Friday 2026-01-23
/// (offset 14). One resource, `dev`.
///
/// | task | progress | schedule (offsets, finish) | baseline finish |
/// |---|---|---|---|
/// | a (5) | done Jan 5–9 | [0, 5), Jan 9 | Jan 9 |
/// | b (5) after a | done Jan 12–20 | [5, 12), Tue Jan 20 | Fri Jan 16 |
/// | c (5) | 40 % from Mon Jan 19 | 3 days left from the status date: [10, 17), Tue Jan 27 | Jan 23 |
/// | d (3) after b | not started | from the status date: [14, 17), Tue Jan 27 | Wed Jan 21 |
/// | e (2) | done Wed Jan 14 | [6, 8), Jan 14 | Fri Feb 6 |
/// | f milestone after c, d, g | | 18, shown Wed Jan 28 | Fri Jan 30 |
/// | g (4) after e | not started | [14, 18), Wed Jan 28 | (added since) |
/// | h (2) | started Mon Jan 26, after the status date | | (added since) |
/// | i (3) | 50 %, no actual start | starts at 0, before the status date | (added since) |
///
/// c, h and i demand `dev`; d and g demand nothing.
fn under_way() -> Program {
    serde_json::from_str(
        r#"{"program": {"name": "Under way", "start": "2026-01-05", "status_date": "2026-01-23"},
        "workstreams": [{"id": "w", "name": "W"}],
        "resources": [{"id": "dev", "name": "Developers", "capacity": 3}],
        "tasks": [
          {"id": "a", "name": "A", "workstream": "w", "duration": 5,
           "actual_start": "2026-01-05", "actual_finish": "2026-01-09"},
          {"id": "b", "name": "B", "workstream": "w", "duration": 5,
           "actual_start": "2026-01-12", "actual_finish": "2026-01-20"},
          {"id": "c", "name": "C", "workstream": "w", "duration": 5, "percent_complete": 40,
           "actual_start": "2026-01-19", "demands": [{"resource": "dev", "units": 1}]},
          {"id": "d", "name": "D", "workstream": "w", "duration": 3},
          {"id": "e", "name": "E", "workstream": "w", "duration": 2, "actual_finish": "2026-01-14"},
          {"id": "f", "name": "F", "workstream": "w", "duration": 0, "milestone": true},
          {"id": "g", "name": "G", "workstream": "w", "duration": 4},
          {"id": "h", "name": "H", "workstream": "w", "duration": 2, "actual_start": "2026-01-26",
           "demands": [{"resource": "dev", "units": 1}]},
          {"id": "i", "name": "I", "workstream": "w", "duration": 3, "percent_complete": 50,
           "demands": [{"resource": "dev", "units": 1}]}],
        "dependencies": [
          {"from": "a", "to": "b"}, {"from": "b", "to": "d"}, {"from": "c", "to": "f"},
          {"from": "d", "to": "f"}, {"from": "e", "to": "g"}, {"from": "g", "to": "f"}]}"#,
    )
    .unwrap()
}

fn baseline() -> Baseline {
    let task = |id: &str, start: &str, finish: &str| BaselineTask {
        id: id.into(),
        start: d(start),
        finish: d(finish),
    };
    Baseline {
        id: "b1".into(),
        name: "Signed off".into(),
        saved_on: d("2026-01-02"),
        tasks: vec![
            task("a", "2026-01-05", "2026-01-09"),
            task("b", "2026-01-12", "2026-01-16"),
            task("c", "2026-01-19", "2026-01-23"),
            task("d", "2026-01-19", "2026-01-21"),
            task("e", "2026-02-05", "2026-02-06"),
            task("f", "2026-01-30", "2026-01-30"),
        ],
    }
}

fn ids(result: &CheckResult) -> Vec<&str> {
    result.tasks.iter().map(String::as_str).collect()
}

#[test]
fn the_schedule_is_as_worked_out() {
    let plan = crate::schedule(&under_way()).unwrap();
    let finish = |t: usize| plan.tasks[t].finish.to_string();
    assert_eq!(finish(1), "2026-01-20");
    assert_eq!((plan.tasks[2].ef, finish(2).as_str()), (17, "2026-01-27"));
    assert_eq!((plan.tasks[3].es, finish(3).as_str()), (14, "2026-01-27"));
    assert_eq!(finish(6), "2026-01-28");
    assert_eq!(plan.tasks[8].es, 0);
}

#[test]
fn the_programs_status_date_wins() {
    // The caller's date is ignored: the schedule was computed from the program's.
    let report = assessed(&under_way(), Some(&baseline()), "2026-03-01");
    assert_eq!(report.status_date, d("2026-01-23"));
    assert_eq!(report.status_date_from, DateSource::Program);
    assert_eq!(report.baseline.as_deref(), Some("Signed off"));
}

#[test]
fn invalid_dates_are_forecasts_before_the_status_date_and_actuals_after_it() {
    let report = assessed(&under_way(), Some(&baseline()), "2026-01-23");
    // Nine tasks. h started on the 26th, after the status date; i is half done without an
    // actual start, so its start is forecast at offset 0, before the status date. 2 of 9.
    let invalid = result(&report, Check::InvalidDates);
    assert_eq!(invalid.figure_text, "22.2 % (2 of 9)");
    assert_eq!(ids(invalid), ["h", "i"]);
    assert_eq!(invalid.outcome, Outcome::Fail);
}

#[test]
fn resources_count_the_incomplete_tasks_of_some_duration() {
    let report = assessed(&under_way(), Some(&baseline()), "2026-01-23");
    // Incomplete, milestones aside: c, d, g, h, i. d and g demand nothing: 2 of 5.
    let resources = result(&report, Check::Resources);
    assert_eq!(resources.figure_text, "40.0 % (2 of 5)");
    assert_eq!(ids(resources), ["d", "g"]);
    assert_eq!(resources.outcome, Outcome::Fail);
}

#[test]
fn missed_tasks_finish_after_their_baseline() {
    let report = assessed(&under_way(), Some(&baseline()), "2026-01-23");
    // Due by Friday 23rd: a (9th), b (16th), c (23rd), d (21st). b finished on the 20th,
    // c and d are forecast on the 27th: 3 of 4 = 75 %.
    let missed = result(&report, Check::MissedTasks);
    assert_eq!(missed.figure_text, "75.0 % (3 of 4)");
    assert_eq!(ids(missed), ["b", "c", "d"]);
    assert_eq!(missed.outcome, Outcome::Fail);
}

#[test]
fn bei_counts_every_task_finished_over_those_due() {
    let report = assessed(&under_way(), Some(&baseline()), "2026-01-23");
    // Finished by the 23rd: a, b and e (due only in February: finished early counts). Due:
    // a, b, c, d. 3 / 4 = 0.75, under 0.95; c and d are due and not finished.
    let bei = result(&report, Check::Bei);
    assert_eq!((bei.count, bei.denominator), (3, 4));
    assert_eq!(bei.figure_text, "0.75 (3 finished, 4 due)");
    assert_eq!(ids(bei), ["c", "d"]);
    assert_eq!(bei.outcome, Outcome::Fail);
}

#[test]
fn without_a_baseline_or_anything_due_11_and_14_do_not_apply() {
    let report = assessed(&under_way(), None, "2026-01-23");
    for check in [Check::MissedTasks, Check::Bei] {
        let r = result(&report, check);
        assert_eq!(r.outcome, Outcome::NotApplicable);
        assert!(r.note.as_ref().unwrap().starts_with("no baseline"), "{r:?}");
    }
    let mut early = under_way();
    early.program.status_date = Some(d("2026-01-06"));
    let report = assessed(&early, Some(&baseline()), "2026-01-06");
    let bei = result(&report, Check::Bei);
    assert_eq!(bei.outcome, Outcome::NotApplicable);
    assert_eq!(
        bei.note.as_deref(),
        Some("no task is baselined to finish by the status date")
    );
}

#[test]
fn thresholds_decide_the_outcome() {
    let program = under_way();
    let checked = crate::check(&program).unwrap();
    let schedule = crate::schedule_checked(&checked).unwrap();
    let lenient = Thresholds {
        missed_tasks_percent: 75.0,
        bei: 0.75,
        invalid_dates_percent: 25.0,
        ..Thresholds::default()
    };
    let report = assess(
        &checked,
        &schedule,
        Some(&baseline()),
        d("2026-01-23"),
        &lenient,
    );
    // At the limit passes: 75 % ≤ 75 %, 0.75 ≥ 0.75, 22.2 % ≤ 25 %.
    for check in [Check::MissedTasks, Check::Bei, Check::InvalidDates] {
        assert_eq!(result(&report, check).outcome, Outcome::Pass, "{check:?}");
    }
    assert_eq!(
        result(&report, Check::MissedTasks).threshold_text,
        "≤ 75 % of tasks baselined to finish by the status date"
    );
}
