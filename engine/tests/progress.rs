//! Progress: a status date, actual dates and percent complete.
//! The status date is Wednesday 2026-01-14 (offset 7).

mod common;
use common::*;
use engine::{Code, LinkType::FS, Program};

fn plan() -> Program {
    let mut p = program(&[("A", 5), ("B", 3)], &[("A", "B", FS, 0)]);
    p.program.status_date = Some(d("2026-01-14"));
    p
}

#[test]
fn work_not_started_is_not_scheduled_before_the_status_date() {
    let s = run(&plan());
    assert_eq!((s.tasks[0].es, s.tasks[0].ef), (7, 12));
    assert_eq!(dates(&s.tasks[0]).0, "2026-01-14");
    assert_eq!(s.tasks[1].es, 12);
}

#[test]
fn finished_work_stays_where_it_happened() {
    let mut p = plan();
    let a = task_mut(&mut p, "A");
    a.actual_start = Some(d("2026-01-05"));
    a.actual_finish = Some(d("2026-01-08"));
    let s = run(&p);
    assert_eq!((s.tasks[0].es, s.tasks[0].ef), (0, 4));
    assert_eq!(
        dates(&s.tasks[0]),
        ("2026-01-05".into(), "2026-01-08".into())
    );
    assert_eq!(s.tasks[0].total_float, 0);
    assert!(!s.tasks[0].critical, "finished work is not critical");
    assert_eq!(s.tasks[1].es, 7, "B waits for the status date, not for A");
    assert!(s.tasks[1].critical);
}

#[test]
fn a_started_task_resumes_at_the_status_date() {
    let mut p = plan();
    let a = task_mut(&mut p, "A");
    a.actual_start = Some(d("2026-01-05"));
    a.percent_complete = 40.0;
    let s = run(&p);
    // 2 of 5 days done; 3 remain from the status date: Wed 14, Thu 15, Fri 16.
    assert_eq!((s.tasks[0].es, s.tasks[0].ef), (0, 10));
    assert_eq!(
        dates(&s.tasks[0]),
        ("2026-01-05".into(), "2026-01-16".into())
    );
    assert_eq!(s.tasks[1].es, 10);
    assert_eq!(s.tasks[0].ls, 0, "its start is history");
}

#[test]
fn a_task_ahead_of_the_status_date_keeps_its_pace() {
    let mut p = plan();
    p.program.status_date = Some(d("2026-01-06"));
    let a = task_mut(&mut p, "A");
    a.actual_start = Some(d("2026-01-05"));
    a.percent_complete = 60.0;
    let s = run(&p);
    assert_eq!(
        s.tasks[0].ef, 5,
        "3 days done by Wednesday's start, 2 remain"
    );
}

#[test]
fn a_reached_milestone_stays_on_its_day() {
    let mut p = program(&[("A", 5), ("M", 0)], &[("A", "M", FS, 0)]);
    p.program.status_date = Some(d("2026-01-14"));
    task_mut(&mut p, "M").actual_finish = Some(d("2026-01-09"));
    let a = task_mut(&mut p, "A");
    a.actual_start = Some(d("2026-01-05"));
    a.actual_finish = Some(d("2026-01-09"));
    let s = run(&p);
    assert_eq!(dates(&s.tasks[1]).0, "2026-01-09");
}

#[test]
fn complete_without_dates_follows_the_logic() {
    let mut p = plan();
    task_mut(&mut p, "A").percent_complete = 100.0;
    let s = run(&p);
    assert_eq!(
        (s.tasks[0].es, s.tasks[0].ef),
        (0, 5),
        "not pushed to the status date"
    );
}

#[test]
fn actual_dates_after_the_status_date_warn() {
    let mut p = plan();
    task_mut(&mut p, "A").actual_start = Some(d("2026-01-20"));
    let s = run(&p);
    assert_eq!(s.warnings[0].code, Code::ActualAfterStatusDate);
}
