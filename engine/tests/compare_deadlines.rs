//! Deadlines in a comparison: which a variant misses that the base met (or missed by
//! less), in working days, and the email summary naming every one of them.
//!
//! The plan (as in `scenarios.rs`): A (5d) → B (3d) → M1 (milestone); C (2d) → M1;
//! B → D (4d) → M2 (milestone). Monday 2026-01-05 start, Monday to Friday. Offsets: Mon 5
//! is 0 … Fri 9 is 4, Mon 12 is 5 … Fri 16 is 9, Mon 19 is 10 … Fri 23 is 14.
//! M1 finishes at offset 8 (shown Wed 14), D at 12 (Tue 20), M2 at 12 (Tue 20).

mod common;
use common::*;
use engine::compare::{compare, quick_impact};
use engine::scenario::Change;
use engine::words::count;
use engine::{LinkType::FS, Program, schedule};

fn plan() -> Program {
    let mut p = program(
        &[("A", 5), ("B", 3), ("C", 2), ("M1", 0), ("D", 4), ("M2", 0)],
        &[
            ("A", "B", FS, 0),
            ("B", "M1", FS, 0),
            ("C", "M1", FS, 0),
            ("B", "D", FS, 0),
            ("D", "M2", FS, 0),
        ],
    );
    // M1 due Thu 15 (offset 9 after it): met with one day to spare.
    task_mut(&mut p, "M1").deadline = Some(d("2026-01-15"));
    // D due Fri 16 (offset 10 after it): already 2 days late (finishes at 12).
    task_mut(&mut p, "D").deadline = Some(d("2026-01-16"));
    // C due Fri 9 (offset 5): met (finishes at 2), and still met after a slip of A.
    task_mut(&mut p, "C").deadline = Some(d("2026-01-09"));
    p
}

fn slip(task: &str, days: i64) -> Change {
    Change::Slip {
        task: task.into(),
        days,
    }
}

#[test]
fn a_slip_lists_the_deadlines_newly_missed_or_missed_by_more() {
    let p = plan();
    let base = schedule(&p).unwrap();
    // A three days late: M1 at 11 (Mon 19), 2 days past Thu 15 (Fri 16, Mon 19); D at 15
    // (Fri 23), 5 days past Fri 16, where it was 2.
    let impact = quick_impact(&p, &base, &[slip("A", 3)]).unwrap();
    let missed = &impact.comparison.missed_deadlines;
    let rows: Vec<_> = missed
        .iter()
        .map(|m| {
            (
                m.id.as_str(),
                m.deadline.to_string(),
                m.finish.to_string(),
                m.late,
                m.late_before,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("M1", "2026-01-15".into(), "2026-01-19".into(), 2, Some(0)),
            ("D", "2026-01-16".into(), "2026-01-23".into(), 5, Some(2)),
        ]
    );
}

#[test]
fn a_deadline_missed_by_as_much_as_before_is_not_news() {
    let p = plan();
    let base = schedule(&p).unwrap();
    // C has 10 days of float: a slip of 1 day moves nothing; D stays 2 days late.
    let impact = quick_impact(&p, &base, &[slip("C", 1)]).unwrap();
    assert_eq!(impact.comparison.missed_deadlines, vec![]);
    // A shorter A: D is 1 day late instead of 2: better, so not listed.
    let impact = quick_impact(&p, &base, &[slip("A", -1)]).unwrap();
    assert_eq!(impact.comparison.missed_deadlines, vec![]);
}

#[test]
fn a_task_only_the_variant_has_is_listed_when_it_misses_its_deadline() {
    let p = plan();
    let base = schedule(&p).unwrap();
    let mut e = task("E", 3);
    e.name = "New work".into();
    e.deadline = Some(d("2026-01-06")); // offset 2 after it; E finishes at 3 (Wed 7).
    let mut variant = p.clone();
    variant.tasks.push(e);
    let after = schedule(&variant).unwrap();
    let comparison = compare(&p, &base, &variant, &after);
    let new = comparison.missed_deadlines.iter().find(|m| m.id == "E");
    let new = new.expect("E is listed");
    assert_eq!((new.late, new.late_before), (1, None));
    assert_eq!(new.finish.to_string(), "2026-01-07");
}

#[test]
fn the_summary_names_every_missed_deadline() {
    let p = plan();
    let base = schedule(&p).unwrap();
    let impact = quick_impact(&p, &base, &[slip("A", 3)]).unwrap();
    let text = impact.comparison.summary("Scenario 'A late'");
    assert!(
        text.starts_with(
            "Scenario 'A late': Task M1 2026-01-14 → 2026-01-19 (+3 working days); \
             Task M2 2026-01-20 → 2026-01-23 (+3 working days); \
             program finish 2026-01-20 → 2026-01-23 (+3 working days). \
             Deadlines missed: Task M1 (deadline 2026-01-15, finishes 2026-01-19, 2 working days late); \
             Task D (deadline 2026-01-16, finishes 2026-01-23, 5 working days late, was 2)."
        ),
        "{text}"
    );
    assert!(!text.contains("(s)"), "{text}");
    // One missed deadline: the singular.
    let mut one = plan();
    task_mut(&mut one, "D").deadline = None;
    let base = schedule(&one).unwrap();
    let impact = quick_impact(&one, &base, &[slip("A", 2)]).unwrap();
    let text = impact.comparison.summary("S");
    assert!(
        text.contains(
            " Deadline missed: Task M1 (deadline 2026-01-15, finishes 2026-01-16, 1 working day late)."
        ),
        "{text}"
    );
}

#[test]
fn the_summary_counts_critical_tasks_in_words() {
    let p = program(
        &[("A", 5), ("B", 2), ("M", 0)],
        &[("A", "M", FS, 0), ("B", "M", FS, 0)],
    );
    let base = schedule(&p).unwrap();
    // B 4 days longer: B joins the critical path, A leaves it.
    let impact = quick_impact(&p, &base, &[slip("B", 4)]).unwrap();
    let text = impact.comparison.summary("S");
    assert!(
        text.ends_with(" Critical path changed: 1 task joined it, 1 task left it."),
        "{text}"
    );
    assert_eq!(count(2, "task", "tasks"), "2 tasks");
}
