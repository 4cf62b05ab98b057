//! `Checked::working_days_between`: the duration a task spanning two dates has, counted on
//! its own calendar (what dragging a bar's end in the Gantt chart sets). The program starts
//! Monday 2026-01-05 (Mon–Fri).

mod common;
use chrono::Weekday;
use common::*;
use engine::{Calendar, check};

#[test]
fn counts_working_days_of_the_program_calendar_both_ends_included() {
    let mut p = program(&[("A", 5)], &[]);
    p.calendar.holidays = vec![d("2026-01-07")];
    let checked = check(&p).unwrap();
    // Mon 5 to Fri 9 January, less the holiday on Wednesday.
    assert_eq!(
        checked.working_days_between(0, d("2026-01-05"), d("2026-01-09")),
        4
    );
    // Mon 5 to Mon 12: the weekend does not count.
    assert_eq!(
        checked.working_days_between(0, d("2026-01-05"), d("2026-01-12")),
        5
    );
    assert_eq!(
        checked.working_days_between(0, d("2026-01-09"), d("2026-01-05")),
        0
    );
}

#[test]
fn counts_on_the_tasks_team_calendar() {
    let mut p = program(&[("A", 5), ("B", 5)], &[]);
    let mut team = workstream("part-time");
    team.calendar = Some(Calendar {
        workdays: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed],
        holidays: vec![],
    });
    p.workstreams.push(team);
    task_mut(&mut p, "B").workstream = "part-time".into();
    let checked = check(&p).unwrap();
    let (mon, fri) = (d("2026-01-05"), d("2026-01-09"));
    assert_eq!(checked.working_days_between(0, mon, fri), 5);
    assert_eq!(checked.working_days_between(1, mon, fri), 3);
}
