//! Hand-worked examples of every constraint type, deadlines and a committed program finish.
//! A (5 days, Mon 5 – Fri 9 Jan 2026) is followed by B (3 days).

mod common;
use common::*;
use engine::{Code, Constraint, ConstraintKind::*, CriticalPath, LinkType::FS, Program};

fn plan() -> Program {
    program(&[("A", 5), ("B", 3)], &[("A", "B", FS, 0)])
}

fn constrained(kind: engine::ConstraintKind, date: &str) -> Program {
    let mut p = plan();
    task_mut(&mut p, "B").constraint = Some(Constraint {
        kind,
        date: Some(d(date)),
    });
    p
}

#[test]
fn start_no_earlier_than() {
    let s = run(&constrained(SNET, "2026-01-19"));
    assert_eq!(offsets(&s.tasks[1]), (10, 13, 10, 13, 0));
    assert_eq!(
        s.tasks[0].total_float, 5,
        "A has room before B's constraint"
    );
    assert_eq!(dates(&s.tasks[1]).0, "2026-01-19");
    let weekend = run(&constrained(SNET, "2026-01-17"));
    assert_eq!(
        dates(&weekend.tasks[1]).0,
        "2026-01-19",
        "a Saturday moves to Monday"
    );
    let earlier = run(&constrained(SNET, "2026-01-06"));
    assert_eq!(earlier.tasks[1].es, 5, "the logic still holds");
}

#[test]
fn start_no_later_than() {
    let met = run(&constrained(SNLT, "2026-01-14"));
    assert_eq!(offsets(&met.tasks[1]), (5, 8, 5, 8, 0));
    let missed = run(&constrained(SNLT, "2026-01-09"));
    assert_eq!(
        offsets(&missed.tasks[1]),
        (5, 8, 4, 7, -1),
        "does not move B; float goes negative"
    );
    assert_eq!(missed.tasks[0].total_float, -1);
    assert!(missed.tasks[0].critical && missed.tasks[1].critical);
}

#[test]
fn finish_no_earlier_than() {
    let s = run(&constrained(FNET, "2026-01-23"));
    assert_eq!((s.tasks[1].es, s.tasks[1].ef), (12, 15));
    assert_eq!(
        dates(&s.tasks[1]),
        ("2026-01-21".into(), "2026-01-23".into())
    );
}

#[test]
fn finish_no_later_than() {
    let s = run(&constrained(FNLT, "2026-01-13"));
    assert_eq!(offsets(&s.tasks[1]), (5, 8, 4, 7, -1));
    let weekend = run(&constrained(FNLT, "2026-01-11"));
    assert_eq!(weekend.tasks[1].lf, 5, "Sunday means the Friday before");
    assert_eq!(weekend.tasks[1].late_finish.to_string(), "2026-01-09");
}

#[test]
fn must_start_on() {
    let s = run(&constrained(MSO, "2026-01-14"));
    assert_eq!(offsets(&s.tasks[1]), (7, 10, 7, 10, 0));
    assert_eq!(s.tasks[0].total_float, 2);
    assert!(s.tasks[1].critical && !s.tasks[0].critical);
    assert!(s.warnings.is_empty());
}

#[test]
fn must_start_on_a_date_the_logic_forbids_warns_and_shows_negative_float() {
    let s = run(&constrained(MSO, "2026-01-07"));
    assert_eq!(
        s.tasks[1].es, 5,
        "links win; the task does not start before A finishes"
    );
    assert_eq!(s.tasks[1].total_float, -3);
    assert_eq!(s.warnings.len(), 1);
    assert_eq!(s.warnings[0].code, Code::ConstraintNotMet);
    assert_eq!(s.warnings[0].ids, ["B"]);
}

#[test]
fn must_finish_on() {
    let s = run(&constrained(MFO, "2026-01-16"));
    assert_eq!(offsets(&s.tasks[1]), (7, 10, 7, 10, 0));
    assert_eq!(dates(&s.tasks[1]).1, "2026-01-16");
}

#[test]
fn a_deadline_does_not_move_the_task() {
    let mut p = plan();
    task_mut(&mut p, "B").deadline = Some(d("2026-01-13"));
    let s = run(&p);
    assert_eq!(offsets(&s.tasks[1]), (5, 8, 4, 7, -1));
    assert_eq!(s.warnings[0].code, Code::DeadlineMissed);
    task_mut(&mut p, "B").deadline = Some(d("2026-01-16"));
    let s = run(&p);
    assert_eq!(
        s.tasks[1].total_float, 0,
        "a later deadline does not add float beyond the finish"
    );
    assert!(s.warnings.is_empty());
}

#[test]
fn a_milestone_constraint_is_on_its_day() {
    let mut p = program(&[("A", 5), ("M", 0)], &[("A", "M", FS, 0)]);
    task_mut(&mut p, "M").constraint = Some(Constraint {
        kind: SNET,
        date: Some(d("2026-01-14")),
    });
    let s = run(&p);
    assert_eq!(dates(&s.tasks[1]).0, "2026-01-14");
    task_mut(&mut p, "M").constraint = None;
    task_mut(&mut p, "M").deadline = Some(d("2026-01-08"));
    let s = run(&p);
    assert_eq!(s.tasks[1].total_float, -1, "due Thursday, reached Friday");
}

#[test]
fn finish_by_starts_the_backward_pass() {
    let mut p = plan();
    p.program.finish_by = Some(d("2026-01-16"));
    let s = run(&p);
    assert_eq!(s.tasks[0].total_float, 2);
    assert_eq!(s.tasks[1].total_float, 2);
    // As in MS Project: with room before the committed finish, nothing is critical under
    // the default rule (float ≤ 0); the longest path and a wider bound still show the chain.
    assert!(
        s.critical_tasks().next().is_none(),
        "all floats are positive"
    );
    p.program.critical_path = CriticalPath::TotalFloat { max_days: 2 };
    assert!(run(&p).tasks.iter().all(|t| t.critical));
    p.program.critical_path = CriticalPath::LongestPath;
    assert!(run(&p).tasks.iter().all(|t| t.critical));
    p.program.critical_path = CriticalPath::default();
    p.program.finish_by = Some(d("2026-01-12"));
    let s = run(&p);
    assert_eq!(s.tasks[1].total_float, -2);
    assert!(s.tasks.iter().all(|t| t.critical), "late: float ≤ 0");
}
