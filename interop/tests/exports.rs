//! The schedule's CSV and the milestones' calendar, read back by a CSV reader and an
//! iCalendar parser: a hand-worked program (a lag, a missed deadline, names a spreadsheet
//! would take for formulas, commas and line breaks), its resources (read back by the
//! spreadsheet import), an outline of summary tasks, random programs, and two exports of
//! the same plan that a calendar must see as updates of the same events.

use chrono::{NaiveDate, NaiveDateTime};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
use interop::{CalendarExport, milestones_ics, schedule_csv};
use proptest::prelude::*;

/// Build (w): Design 5d (deadline Thu 8 Jan, missed) → Code 3d (FS+2d) → Ready (milestone);
/// "=HYPERLINK(…)" 1d beside them, and in Run (ops) "Ops, run; book\nnow" 2d. Starts Monday 2026-01-05.
fn doc() -> planfile::Document {
    planfile::read(
        r#"{"program": {"name": "Apollo", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "Build"}, {"id": "ops", "name": "Run"}],
            "tasks": [
              {"id": "1", "name": "Design", "workstream": "w", "duration": 5,
               "deadline": "2026-01-08"},
              {"id": "2", "name": "Code", "workstream": "w", "duration": 3},
              {"id": "3", "name": "Ready", "workstream": "w", "duration": 0, "milestone": true},
              {"id": "4", "name": "=HYPERLINK(\"http://x\")", "workstream": "w", "duration": 1},
              {"id": "5", "name": "Ops, run; book\nnow", "workstream": "ops", "duration": 2,
               "percent_complete": 12.5}],
            "dependencies": [{"from": "1", "to": "2", "lag": 2}, {"from": "2", "to": "3"}]}"#,
    )
    .expect("the example reads")
}

fn scheduled(doc: &planfile::Document) -> engine::Schedule {
    let checked = engine::check(&doc.program).expect("checks");
    engine::schedule_checked(&checked).expect("schedules")
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn the_schedule_as_csv_by_hand() {
    let d = doc();
    let rows = read_csv(&schedule_csv(&d.program, &scheduled(&d)));
    assert_eq!(rows[0][0], "ID");
    assert_eq!(rows.len(), 6, "a heading and five tasks");
    // Design Mon 5 – Fri 9 Jan; two working days of lag (Mon 12, Tue 13): Code Wed 14 –
    // Fri 16; Ready on Fri 16, the day Code finishes.
    assert_eq!(
        rows[1][..10],
        [
            "1",
            "Design",
            "Build",
            "2026-01-05",
            "2026-01-09",
            "5",
            "No",
            "-1",
            "Yes",
            ""
        ]
    );
    // (Float -1: Design finishes Fri 9, a day after its deadline.)
    assert_eq!(rows[2][3..5], ["2026-01-14", "2026-01-16"]);
    assert_eq!(rows[2][9], "1FS+2d");
    assert_eq!(
        rows[3][3..10],
        ["2026-01-16", "2026-01-16", "0", "Yes", "0", "Yes", "2"]
    );
    // A formula-like name is kept as text; commas, semicolons and a line break survive
    // quoting.
    assert_eq!(rows[4][1], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[5][1..3], ["Ops, run; book\nnow", "Run"]);
    assert_eq!(rows[5][10], "12.5");
}

/// Design needs an SRE and half a security reviewer, Code two SREs, Ready nothing: the
/// Resources column, last, in the grid's notation; imported back as a spreadsheet, the same
/// demands on resources of the same ids.
#[test]
fn the_resources_column_by_hand() {
    let mut d = doc();
    d.program.resources = ["sre", "security"]
        .map(|id| engine::Resource {
            id: id.to_owned(),
            name: id.to_uppercase(),
            capacity: 2.0,
            ..engine::Resource::default()
        })
        .to_vec();
    let demand = |resource: &str, units: f64| engine::Demand {
        resource: resource.to_owned(),
        units,
    };
    d.program.tasks[0].demands = vec![demand("sre", 1.0), demand("security", 0.5)];
    d.program.tasks[1].demands = vec![demand("sre", 2.0)];
    let text = schedule_csv(&d.program, &scheduled(&d));
    let rows = read_csv(&text);
    assert_eq!(rows[0][13], "Resources");
    let resources: Vec<&str> = rows[1..].iter().map(|r| r[13].as_str()).collect();
    assert_eq!(resources, ["sre, security:0.5", "sre:2", "", "", ""]);
    let table = interop::sheet::read_table(text.as_bytes()).expect("reads");
    let mapping = interop::sheet::guess_mapping(&table);
    let start = d.program.program.start;
    let preview = interop::sheet::convert(&table, &mapping, &Default::default(), start);
    let back = preview.program.expect("imports");
    let ids: Vec<&str> = back.resources.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["sre", "security"]);
    assert_eq!(back.tasks[0].demands, d.program.tasks[0].demands);
    assert_eq!(back.tasks[1].demands, d.program.tasks[1].demands);
}

/// Release (due Fri 16 Jan) holds Backend — API 3 d → DB 2 d — and Docs 1 d; Spec 2 d →
/// Release → Deploy 1 d. From Monday 5 January 2026: Spec Mon 5 – Tue 6; API Wed 7 – Fri
/// 9, DB Mon 12 – Tue 13, Docs Wed 7; Backend and Release Wed 7 – Tue 13 (5 working days);
/// Deploy Wed 14.
fn outlined() -> planfile::Document {
    planfile::read(
        r#"{"program": {"name": "Outline", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "Build"}],
            "tasks": [
              {"id": "1", "name": "Spec", "workstream": "w", "duration": 2},
              {"id": "2", "name": "Release", "workstream": "w", "summary": true,
               "deadline": "2026-01-16"},
              {"id": "3", "name": "Backend", "workstream": "w", "summary": true, "parent": "2"},
              {"id": "4", "name": "API", "workstream": "w", "duration": 3, "parent": "3"},
              {"id": "5", "name": "DB", "workstream": "w", "duration": 2, "parent": "3",
               "percent_complete": 50},
              {"id": "6", "name": "Docs", "workstream": "w", "duration": 1, "parent": "2"},
              {"id": "7", "name": "Deploy", "workstream": "w", "duration": 1}],
            "dependencies": [{"from": "1", "to": "2"}, {"from": "4", "to": "5"},
                             {"from": "2", "to": "7"}]}"#,
    )
    .expect("the outline reads")
}

#[test]
fn the_outline_as_csv_by_hand() {
    let d = outlined();
    let rows = read_csv(&schedule_csv(&d.program, &scheduled(&d)));
    assert_eq!(rows[0][11..13], ["Outline", "Summary task"]);
    let outline: Vec<(&str, &str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[11].as_str(), r[12].as_str()))
        .collect();
    assert_eq!(
        outline,
        [
            ("1", "1", "No"),
            ("2", "2", "Yes"),
            ("3", "2.1", "Yes"),
            ("4", "2.1.1", "No"),
            ("5", "2.1.2", "No"),
            ("6", "2.2", "No"),
            ("7", "3", "No"),
        ]
    );
    // A summary task: its tasks' dates, the working days between them, no milestone, no
    // progress of its own.
    assert_eq!(
        rows[2][3..11],
        ["2026-01-07", "2026-01-13", "5", "No", "0", "Yes", "1", ""]
    );
    assert_eq!(rows[3][3..6], ["2026-01-07", "2026-01-13", "5"]);
    assert_eq!(rows[5][10], "50");
}

/// The outline numbers follow the program's order: a task listed before its summary keeps
/// its number among the summary's tasks.
#[test]
fn outline_numbers_follow_the_programs_order() {
    let mut d = outlined();
    let docs = d.program.tasks.remove(5);
    d.program.tasks.insert(0, docs);
    let rows = read_csv(&schedule_csv(&d.program, &scheduled(&d)));
    let numbers: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[11].as_str()))
        .collect();
    assert_eq!(
        numbers,
        [
            ("6", "2.1"),
            ("1", "1"),
            ("2", "2"),
            ("3", "2.2"),
            ("4", "2.2.1"),
            ("5", "2.2.2"),
            ("7", "3"),
        ]
    );
}

/// A summary task is no milestone: only its deadline is an event, against its rolled-up
/// finish.
#[test]
fn a_summarys_deadline_is_an_event_and_it_is_no_milestone() {
    let d = outlined();
    let ics = milestones_ics(
        &d.program,
        &scheduled(&d),
        &CalendarExport {
            program_id: "outline",
            stamp: stamp(9),
        },
    );
    let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).expect("a date");
    let found: Vec<(String, String, NaiveDate)> =
        events(&ics).into_iter().map(|e| (e.0, e.2, e.3)).collect();
    assert_eq!(
        found,
        [(
            "outline.2.deadline@planwork".to_owned(),
            "Deadline: Release".to_owned(),
            day(16)
        )]
    );
    assert!(
        ics.replace("\r\n ", "")
            .contains("Scheduled to finish 2026-01-13."),
        "{ics}"
    );
}

fn stamp(hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 2)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .expect("a time")
}

/// Each event's (UID, SEQUENCE, summary, first day, day after).
fn events(text: &str) -> Vec<(String, u32, String, NaiveDate, NaiveDate)> {
    let calendar: Calendar = text.parse().expect("an iCalendar file");
    let day = |d: Option<DatePerhapsTime>| match d {
        Some(DatePerhapsTime::Date(d)) => d,
        other => panic!("an all-day date, not {other:?}"),
    };
    calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some((
                e.get_uid().expect("a UID").to_owned(),
                e.get_sequence().expect("a sequence"),
                e.get_summary().expect("a summary").to_owned(),
                day(e.get_start()),
                day(e.get_end()),
            )),
            _ => None,
        })
        .collect()
}

#[test]
fn milestones_and_deadlines_as_a_calendar_that_updates_in_place() {
    let mut d = doc();
    d.program.tasks[2].name = "Ready; go, now".into();
    let schedule = scheduled(&d);
    let first = milestones_ics(
        &d.program,
        &schedule,
        &CalendarExport {
            program_id: "apollo",
            stamp: stamp(9),
        },
    );
    assert_eq!(
        first.matches("PRODID:").count(),
        1,
        "one product id (RFC 5545)"
    );
    assert!(
        first.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Planwork//Planwork//EN\r\n")
    );
    let found = events(&first);
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    assert_eq!(
        found
            .iter()
            .map(|e| (e.0.as_str(), e.2.as_str(), e.3, e.4))
            .collect::<Vec<_>>(),
        [
            (
                "apollo.1.deadline@planwork",
                "Deadline: Design",
                day(2026, 1, 8),
                day(2026, 1, 9)
            ),
            (
                "apollo.3.milestone@planwork",
                "◆ Ready; go, now",
                day(2026, 1, 16),
                day(2026, 1, 17)
            ),
        ]
    );
    assert!(
        first.replace("\r\n ", "").contains("after this deadline"),
        "Design finishes Fri 9, after Thu 8"
    );
    // A later export of the same plan, a slip made: the same events (same UIDs), moved, each
    // with a higher sequence.
    d.program.tasks[0].duration = 7;
    let later = milestones_ics(
        &d.program,
        &scheduled(&d),
        &CalendarExport {
            program_id: "apollo",
            stamp: stamp(10),
        },
    );
    let moved = events(&later);
    assert_eq!(
        moved.iter().map(|e| &e.0).collect::<Vec<_>>(),
        found.iter().map(|e| &e.0).collect::<Vec<_>>()
    );
    assert_eq!(moved[1].3, day(2026, 1, 20), "Ready two working days later");
    assert!(
        moved.iter().zip(&found).all(|(m, f)| m.1 == f.1 + 60),
        "an hour later: 60 more"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Every task of a random program comes back from the CSV with its id, name and dates;
    /// every milestone and deadline is one event with a UID of its own.
    #[test]
    fn every_task_and_milestone_comes_back(tasks in 1usize..150, seed in 0u64..500) {
        let program = engine::generate::generate(engine::generate::Shape::Random, tasks, seed);
        let checked = engine::check(&program).expect("generated programs check");
        let schedule = engine::schedule_checked(&checked).expect("and schedule");
        let rows = read_csv(&schedule_csv(&program, &schedule));
        prop_assert_eq!(rows.len(), tasks + 1);
        for ((row, task), times) in rows[1..].iter().zip(&program.tasks).zip(&schedule.tasks) {
            prop_assert_eq!(&row[0], &task.id);
            prop_assert_eq!(&row[1], &task.name);
            prop_assert_eq!(&row[3], &times.start.to_string());
            prop_assert_eq!(&row[4], &times.finish.to_string());
        }
        let found = events(&milestones_ics(&program, &schedule, &CalendarExport { program_id: "p", stamp: stamp(9) }));
        let expected = program.tasks.iter().filter(|t| t.is_milestone()).count()
            + program.tasks.iter().filter(|t| t.deadline.is_some()).count();
        prop_assert_eq!(found.len(), expected);
        let mut uids: Vec<&String> = found.iter().map(|e| &e.0).collect();
        uids.sort();
        uids.dedup();
        prop_assert_eq!(uids.len(), expected);
    }
}
