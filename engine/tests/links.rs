//! Hand-worked examples of the four link types, with lags and leads.
//! The program starts Monday 2026-01-05; weekends are not working days.

mod common;
use common::*;
use engine::LinkType::{self, *};

/// A (5 days) linked to B (3 days).
fn pair(kind: LinkType, lag: i64) -> engine::Schedule {
    run(&program(&[("A", 5), ("B", 3)], &[("A", "B", kind, lag)]))
}

#[test]
fn finish_to_start() {
    let s = pair(FS, 0);
    assert_eq!(offsets(&s.tasks[0]), (0, 5, 0, 5, 0));
    assert_eq!(offsets(&s.tasks[1]), (5, 8, 5, 8, 0));
    assert_eq!(
        dates(&s.tasks[0]),
        ("2026-01-05".into(), "2026-01-09".into())
    );
    assert_eq!(
        dates(&s.tasks[1]),
        ("2026-01-12".into(), "2026-01-14".into()),
        "starts after the weekend"
    );
    assert!(s.tasks[0].critical && s.tasks[1].critical);
}

#[test]
fn finish_to_start_with_lag_and_lead() {
    let lag = pair(FS, 2);
    assert_eq!((lag.tasks[1].es, lag.tasks[1].ef), (7, 10));
    assert_eq!(
        dates(&lag.tasks[1]),
        ("2026-01-14".into(), "2026-01-16".into())
    );
    let lead = pair(FS, -2);
    assert_eq!((lead.tasks[1].es, lead.tasks[1].ef), (3, 6));
    assert_eq!(
        dates(&lead.tasks[1]),
        ("2026-01-08".into(), "2026-01-12".into())
    );
}

#[test]
fn start_to_start() {
    assert_eq!(offsets(&pair(SS, 0).tasks[1]), (0, 3, 2, 5, 2));
    let lag = pair(SS, 2);
    assert_eq!(offsets(&lag.tasks[1]), (2, 5, 2, 5, 0));
    assert_eq!(offsets(&lag.tasks[0]), (0, 5, 0, 5, 0));
    assert_eq!(
        pair(SS, -2).tasks[1].es,
        0,
        "never before the program start"
    );
}

#[test]
fn finish_to_finish() {
    let s = pair(FF, 0);
    assert_eq!(offsets(&s.tasks[1]), (2, 5, 2, 5, 0));
    assert_eq!(
        dates(&s.tasks[1]),
        ("2026-01-07".into(), "2026-01-09".into())
    );
    let lag = pair(FF, 2);
    assert_eq!(offsets(&lag.tasks[1]), (4, 7, 4, 7, 0));
    assert_eq!(
        offsets(&lag.tasks[0]),
        (0, 5, 0, 5, 0),
        "A drives B's finish"
    );
    assert_eq!(pair(FF, -1).tasks[1].ef, 4);
}

#[test]
fn start_to_finish() {
    assert_eq!(pair(SF, 0).tasks[1].es, 0, "finish after A starts: no push");
    let s = pair(SF, 5);
    assert_eq!((s.tasks[1].es, s.tasks[1].ef), (2, 5));
    let s = pair(SF, 10);
    assert_eq!((s.tasks[1].es, s.tasks[1].ef), (7, 10));
    assert_eq!(
        offsets(&s.tasks[0]),
        (0, 5, 0, 5, 0),
        "A's start drives the finish"
    );
    let lead = pair(SF, -2);
    assert_eq!(lead.tasks[1].es, 0);
}

#[test]
fn milestone_is_shown_on_the_day_it_closes() {
    let p = program(&[("A", 5), ("M", 0), ("S", 0)], &[("A", "M", FS, 0)]);
    let s = run(&p);
    let m = of(&p, &s, "M");
    assert_eq!((m.es, m.ef), (5, 5));
    assert_eq!(
        dates(m),
        ("2026-01-09".into(), "2026-01-09".into()),
        "Friday, when A finishes"
    );
    assert_eq!(
        dates(of(&p, &s, "S")).0,
        "2026-01-05",
        "a start milestone is on the first day"
    );
}

#[test]
fn free_float_is_the_slack_before_the_next_task() {
    let p = program(
        &[("A", 5), ("B", 2), ("C", 2)],
        &[("A", "C", FS, 0), ("B", "C", FS, 0)],
    );
    let s = run(&p);
    let b = of(&p, &s, "B");
    assert_eq!((b.total_float, b.free_float), (3, 3));
    assert!(!b.critical);
    assert_eq!(of(&p, &s, "A").free_float, 0);
}

#[test]
fn free_float_can_be_less_than_total_float() {
    // B -> C -> D, and A (long) -> D: B has no free float (C follows at once) but total float.
    let p = program(
        &[("A", 10), ("B", 2), ("C", 2), ("D", 1)],
        &[("B", "C", FS, 0), ("C", "D", FS, 0), ("A", "D", FS, 0)],
    );
    let s = run(&p);
    let b = of(&p, &s, "B");
    assert_eq!((b.free_float, b.total_float), (0, 6));
    assert_eq!(of(&p, &s, "C").free_float, 6);
}

#[test]
fn the_critical_path_is_the_least_float() {
    let p = program(
        &[("A", 3), ("B", 4), ("C", 2), ("D", 1)],
        &[
            ("A", "B", FS, 0),
            ("A", "C", FS, 0),
            ("B", "D", FS, 0),
            ("C", "D", FS, 0),
        ],
    );
    let s = run(&p);
    let critical: Vec<&str> = s.critical_tasks().map(|i| p.tasks[i].id.as_str()).collect();
    assert_eq!(critical, ["A", "B", "D"]);
    assert_eq!(s.finish_offset, 8);
    assert_eq!(s.finish.to_string(), "2026-01-14");
}

#[test]
fn scheduling_does_not_mutate_the_program() {
    let p = program(&[("A", 5), ("B", 3)], &[("A", "B", FS, 1)]);
    let before = p.clone();
    let first = run(&p);
    assert_eq!(p, before);
    assert_eq!(first, run(&p), "deterministic");
}

/// A task driven by its finish (FF in) that drives by its start (SS out) is "reverse
/// critical": made longer, it starts earlier, and so does everything after it, as in
/// MS Project and Primavera P6. A (10 days) FF→ B (4) SS→ C (5).
#[test]
fn a_reverse_critical_task_brings_the_finish_forward_when_it_lasts_longer() {
    let links = [("A", "B", FF, 0), ("B", "C", SS, 0)];
    let before = run(&program(&[("A", 10), ("B", 4), ("C", 5)], &links));
    assert_eq!(offsets(&before.tasks[1]), (6, 10, 6, 10, 0));
    assert!(before.tasks[1].critical);
    let after = run(&program(&[("A", 10), ("B", 5), ("C", 5)], &links));
    assert_eq!((after.tasks[1].es, after.tasks[1].ef), (5, 10));
    assert_eq!((before.finish_offset, after.finish_offset), (11, 10));
}
