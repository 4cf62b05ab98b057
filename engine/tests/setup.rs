//! The Setup tab's forms turned into edits (`engine::setup`): each refusal names the field
//! and the reason; each accepted form is one action that schedules as worked by hand and
//! undoes exactly.

mod common;
use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
use common::*;
use engine::edit::{Edit, History};
use engine::setup::*;
use engine::{Calendar, CriticalPath, Program, ProgramInfo};

/// Teams `a` (A1: 8 days) and `b` (B1: 8 days), no links, from Monday 2026-01-05.
fn two_teams() -> Program {
    let mut p = program(&[("A1", 8), ("B1", 8)], &[]);
    p.workstreams = vec![workstream("a"), workstream("b")];
    p.workstreams[1].name = "Beta".into();
    p.tasks[0].workstream = "a".into();
    p.tasks[1].workstream = "b".into();
    p
}

/// Applies one action, checks that it undoes exactly, then redoes it.
fn apply(p: &mut Program, action: Vec<Edit>) {
    let before = p.clone();
    let mut history = History::default();
    history.apply(p, action).unwrap();
    let after = p.clone();
    assert!(history.undo(p));
    assert_eq!(*p, before, "one undo step, exact");
    assert!(history.redo(p));
    assert_eq!(*p, after);
}

fn finish(p: &Program, id: &str) -> String {
    dates(of(p, &run(p), id)).1
}

#[test]
fn program_fields_are_read_and_refusals_name_the_field() {
    let info = ProgramInfo::default();
    let set = |field, text: &str| set_info_field(&info, field, text);
    assert_eq!(
        set(InfoField::Name, "  Payments  ").unwrap().name,
        "Payments"
    );
    assert_eq!(
        set(InfoField::Name, "   ").unwrap_err(),
        "A program needs a name."
    );
    assert!(
        set(InfoField::Name, &"x".repeat(201))
            .unwrap_err()
            .contains("at most 200")
    );
    assert_eq!(
        set(InfoField::Start, "2026/3/2").unwrap().start,
        d("2026-03-02")
    );
    assert_eq!(
        set(InfoField::Start, "").unwrap_err(),
        "Start: a program needs a start date"
    );
    assert_eq!(
        set(InfoField::Start, "tomorrow").unwrap_err(),
        "Start: 'tomorrow': not a date: write dates as YYYY-MM-DD, like 2026-12-24"
    );
    assert_eq!(
        set(InfoField::StatusDate, "2026-02-03")
            .unwrap()
            .status_date,
        Some(d("2026-02-03"))
    );
    assert_eq!(
        set(InfoField::FinishBy, "2026-02-03, 2026-02-04").unwrap_err(),
        "Finish by: '2026-02-03, 2026-02-04': write one date, like 2026-03-02"
    );
    // An empty optional date clears it.
    let dated = set(InfoField::FinishBy, "2026-06-30").unwrap();
    assert_eq!(dated.finish_by, Some(d("2026-06-30")));
    let cleared = set_info_field(&dated, InfoField::FinishBy, " ").unwrap();
    assert_eq!(cleared.finish_by, None);
    // The float days choose the total-float rule, 0 or more whole days.
    let mut longest = info.clone();
    longest.critical_path = CriticalPath::LongestPath;
    assert_eq!(
        set_info_field(&longest, InfoField::FloatDays, "3d")
            .unwrap()
            .critical_path,
        CriticalPath::TotalFloat { max_days: 3 }
    );
    assert!(
        set(InfoField::FloatDays, "-1")
            .unwrap_err()
            .starts_with("Total float: -1 days")
    );
    assert!(
        set(InfoField::FloatDays, "1.5")
            .unwrap_err()
            .contains("not a number of days")
    );
}

#[test]
fn a_date_outside_the_supported_range_is_refused_by_the_check() {
    let mut p = two_teams();
    let info = set_info_field(&p.program, InfoField::Start, "0200-01-01").unwrap();
    let refused = History::default().apply(&mut p, vec![Edit::SetProgramInfo { info }]);
    assert!(
        refused.unwrap_err().0[0]
            .message
            .contains("outside the supported dates")
    );
    assert_eq!(p, two_teams(), "nothing changed");
}

#[test]
fn weekdays_stay_in_order_and_one_is_kept() {
    let calendar = Calendar {
        workdays: vec![Sat],
        holidays: vec![],
    };
    let more = with_workday(&calendar, Mon, true).unwrap();
    assert_eq!(more.workdays, [Mon, Sat]);
    assert_eq!(
        with_workday(&calendar, Sat, false).unwrap_err(),
        "At least one weekday must be a working day."
    );
}

#[test]
fn holidays_are_added_one_as_a_range_or_pasted_and_removed() {
    let base = Calendar::default();
    let one = with_holidays(&base, "2026-01-07").unwrap();
    assert_eq!(one.holidays, [d("2026-01-07")]);
    assert_eq!(
        with_holidays(&one, "2026-01-07").unwrap_err(),
        "2026-01-07 is a holiday already."
    );
    assert_eq!(
        with_holidays(&one, "").unwrap_err(),
        "Type a date, like 2026-12-24, or a list of dates."
    );
    let pasted = with_holidays(&one, "2026-12-31\n2026-12-24..2026-12-26; 2026-01-07").unwrap();
    assert_eq!(
        pasted.holidays,
        [
            "2026-01-07",
            "2026-12-24",
            "2026-12-25",
            "2026-12-26",
            "2026-12-31"
        ]
        .map(d),
        "sorted, without duplicates"
    );
    assert_eq!(
        with_holidays(&one, "2026-12-24, Boxing day").unwrap_err(),
        "'Boxing': not a date: write dates as YYYY-MM-DD, like 2026-12-24"
    );
    let range = with_holiday_range(&base, "2026-04-03", "2026-04-06").unwrap();
    assert_eq!(range.holidays.len(), 4);
    assert_eq!(
        with_holiday_range(&base, "2026-04-06", "2026-04-03").unwrap_err(),
        "The range ends (2026-04-03) before it starts (2026-04-06)."
    );
    assert!(
        with_holiday_range(&base, "", "2026-04-03")
            .unwrap_err()
            .starts_with("From:")
    );
    assert!(
        with_holiday_range(&base, "2026-04-03", "4/6")
            .unwrap_err()
            .starts_with("To:")
    );
    assert!(
        with_holiday_range(&base, "2026-01-01", "2027-06-01")
            .unwrap_err()
            .contains("at most 366 days")
    );
    let removed = without_holiday(&pasted, d("2026-12-25"));
    assert_eq!(removed.holidays.len(), 4);
    assert!(!removed.holidays.contains(&d("2026-12-25")));
    // 2026-04-03 is a Friday, 04-04 and 04-05 the weekend, 04-06 a Monday.
    assert_eq!(holidays_on_workdays(&range.holidays, &range.workdays), 2);
}

#[test]
fn a_holiday_moves_a_finish_by_a_working_day() {
    // A1: 8 days from Monday 2026-01-05 ends Wednesday 01-14; a holiday on Tuesday 01-06
    // pushes it to Thursday 01-15, and two more (a pasted list) to Monday 01-19.
    let mut p = two_teams();
    assert_eq!(finish(&p, "A1"), "2026-01-14");
    let calendar = with_holidays(&p.calendar, "2026-01-06").unwrap();
    apply(&mut p, vec![Edit::SetCalendar { calendar }]);
    assert_eq!(finish(&p, "A1"), "2026-01-15");
    let calendar = with_holidays(
        &p.calendar,
        "2026-01-08\n2026-01-10..2026-01-11, 2026-01-12",
    )
    .unwrap();
    apply(&mut p, vec![Edit::SetCalendar { calendar }]);
    assert_eq!(
        finish(&p, "A1"),
        "2026-01-19",
        "the weekend holidays take no working day"
    );
}

#[test]
fn workstreams_are_added_renamed_recoloured_and_moved() {
    let mut p = two_teams();
    assert_eq!(
        add_workstream(&p, " beta ").unwrap_err(),
        "There is a workstream named 'Beta' already."
    );
    assert_eq!(
        add_workstream(&p, "").unwrap_err(),
        "A workstream needs a name."
    );
    let action = add_workstream(&p, "Mobile team").unwrap();
    apply(&mut p, action);
    let last = &p.workstreams[2];
    assert_eq!(
        (last.id.as_str(), last.name.as_str()),
        ("mobile-team", "Mobile team")
    );

    assert_eq!(
        rename_workstream(&p, "mobile-team", "Mobile team").unwrap(),
        []
    );
    let action = rename_workstream(&p, "mobile-team", "Mobile").unwrap();
    apply(&mut p, action);
    assert_eq!(p.workstreams[2].name, "Mobile");
    assert_eq!(p.workstreams[2].id, "mobile-team", "the id stays");

    let action = recolor_workstream(&p, "mobile-team", Some("#D6456A")).unwrap();
    apply(&mut p, action);
    assert_eq!(p.workstreams[2].color.as_deref(), Some("#d6456a"));
    // A colour that is not #rrggbb is refused by the check (E024).
    let action = recolor_workstream(&p, "mobile-team", Some("red")).unwrap();
    assert!(History::default().apply(&mut p.clone(), action).is_err());
    let action = recolor_workstream(&p, "mobile-team", None).unwrap();
    apply(&mut p, action);
    assert_eq!(p.workstreams[2].color, None);

    let action = move_workstream(&p, "mobile-team", -1).unwrap();
    apply(&mut p, action);
    let ids: Vec<&str> = p.workstreams.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["a", "mobile-team", "b"]);
    assert_eq!(
        move_workstream(&p, "a", -1).unwrap_err(),
        "'a' is first already."
    );
    assert_eq!(
        move_workstream(&p, "b", 1).unwrap_err(),
        "'Beta' is last already."
    );
    assert_eq!(
        move_workstream(&p, "zzz", 1).unwrap_err(),
        "There is no workstream 'zzz'."
    );
}

#[test]
fn a_team_of_its_own_works_its_own_days() {
    // B1: 8 days from Monday 2026-01-05. Monday to Thursday: Mon 5 … Thu 8, Mon 12 … Thu 15.
    let mut p = two_teams();
    assert_eq!(finish(&p, "B1"), "2026-01-14");
    let action = set_team_workday(&p, "b", Fri, false).unwrap();
    apply(&mut p, action);
    let own = p.workstreams[1].calendar.as_ref().unwrap();
    assert_eq!(own.workdays, [Mon, Tue, Wed, Thu]);
    assert_eq!(finish(&p, "B1"), "2026-01-15");
    assert_eq!(
        finish(&p, "A1"),
        "2026-01-14",
        "the other team is unchanged"
    );
    assert_eq!(
        set_team_workday(&p, "b", Sat, true).unwrap_err(),
        "Sat is not a working day of the program calendar: a team works only on program working days."
    );
    // Team holidays add to the program's.
    let calendar = with_holidays(&team_calendar(&p, "b").unwrap(), "2026-01-06").unwrap();
    let action = set_team_calendar(&p, "b", Some(calendar)).unwrap();
    apply(&mut p, action);
    assert_eq!(finish(&p, "B1"), "2026-01-19");
    // Same as the program again.
    let action = set_team_calendar(&p, "b", None).unwrap();
    apply(&mut p, action);
    assert_eq!(finish(&p, "B1"), "2026-01-14");
    // A team keeps one working day.
    let mut single = two_teams();
    single.calendar.workdays = vec![Sun];
    assert_eq!(
        set_team_workday(&single, "b", Sun, false).unwrap_err(),
        "At least one weekday must be a working day."
    );
}

#[test]
fn the_team_calendar_starts_from_the_program_weekdays_without_holidays() {
    let mut p = two_teams();
    p.calendar.holidays = vec![d("2026-01-06")];
    p.calendar.workdays = vec![Mon, Tue, Wed];
    assert_eq!(
        team_calendar(&p, "a").unwrap(),
        Calendar {
            workdays: vec![Mon, Tue, Wed],
            holidays: vec![]
        }
    );
}
