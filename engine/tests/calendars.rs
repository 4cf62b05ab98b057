//! Working calendars: holidays, weekends, and teams with calendars of their own.

mod common;
use chrono::Weekday::*;
use common::*;
use engine::{Calendar, Code, LinkType::FS};

#[test]
fn holidays_are_skipped() {
    let mut p = program(&[("A", 5), ("B", 1)], &[("A", "B", FS, 0)]);
    p.calendar.holidays = vec![d("2026-01-07"), d("2026-01-13")];
    let s = run(&p);
    assert_eq!(
        dates(&s.tasks[0]),
        ("2026-01-05".into(), "2026-01-12".into())
    );
    assert_eq!(
        dates(&s.tasks[1]),
        ("2026-01-14".into(), "2026-01-14".into())
    );
    assert_eq!(
        (s.tasks[0].es, s.tasks[0].ef),
        (0, 5),
        "offsets count working days"
    );
}

#[test]
fn a_start_on_a_weekend_begins_on_monday() {
    let mut p = program(&[("A", 1)], &[]);
    p.program.start = d("2026-01-03");
    let s = run(&p);
    assert_eq!(dates(&s.tasks[0]).0, "2026-01-05");
}

#[test]
fn a_six_day_week() {
    let mut p = program(&[("A", 6)], &[]);
    p.calendar.workdays = vec![Mon, Tue, Wed, Thu, Fri, Sat];
    let s = run(&p);
    assert_eq!(
        dates(&s.tasks[0]),
        ("2026-01-05".into(), "2026-01-10".into())
    );
}

#[test]
fn lags_count_program_working_days() {
    let mut p = program(&[("A", 1), ("B", 1)], &[("A", "B", FS, 2)]);
    p.calendar.holidays = vec![d("2026-01-07")];
    let s = run(&p);
    assert_eq!(
        dates(&s.tasks[1]).0,
        "2026-01-09",
        "Tue, lag Thu… skipping the Wednesday holiday"
    );
}

#[test]
fn a_team_calendar_counts_the_team_days() {
    let mut p = program(
        &[("A", 5), ("B", 2), ("C", 4), ("D", 5)],
        &[("A", "B", FS, 0), ("A", "C", FS, 0), ("A", "D", FS, 0)],
    );
    p.workstreams.push(workstream("qa"));
    p.workstreams[1].calendar = Some(Calendar {
        workdays: vec![Mon, Tue, Wed, Thu],
        holidays: vec![d("2026-01-13")],
    });
    for id in ["B", "C", "D"] {
        task_mut(&mut p, id).workstream = "qa".into();
    }
    let s = run(&p);
    assert_eq!(
        dates(&s.tasks[1]),
        ("2026-01-12".into(), "2026-01-14".into()),
        "Mon, (team holiday Tue), Wed"
    );
    assert_eq!(
        dates(&s.tasks[2]),
        ("2026-01-12".into(), "2026-01-19".into()),
        "Mon, Wed, Thu, (no Friday) Mon"
    );
    assert_eq!(dates(&s.tasks[3]).1, "2026-01-20");
    assert_eq!(
        s.tasks[3].ef, 12,
        "offsets stay program working days (Tue 20 is offset 11)"
    );
    assert_eq!(s.tasks[3].total_float, 0);
    assert_eq!(
        s.tasks[1].total_float, 3,
        "B can slip three team days before the end"
    );
}

#[test]
fn a_team_start_snaps_to_a_team_day() {
    let mut p = program(&[("A", 4), ("B", 1)], &[("A", "B", FS, 0)]);
    p.workstreams.push(workstream("qa"));
    p.workstreams[1].calendar = Some(Calendar {
        workdays: vec![Mon, Tue, Wed, Thu],
        holidays: vec![],
    });
    task_mut(&mut p, "B").workstream = "qa".into();
    let s = run(&p);
    assert_eq!(
        dates(&s.tasks[1]).0,
        "2026-01-12",
        "A ends Thursday; the team does not work Friday"
    );
    assert_eq!(s.tasks[1].es, 5);
}

#[test]
fn a_team_day_outside_the_program_calendar_is_a_warning() {
    let mut p = program(&[("A", 1)], &[]);
    p.workstreams[0].calendar = Some(Calendar {
        workdays: vec![Mon, Sat],
        holidays: vec![],
    });
    let s = run(&p);
    assert_eq!(s.warnings[0].code, Code::TeamDayNotProgramDay);
    assert_eq!(s.warnings[0].ids, ["w"]);
}
