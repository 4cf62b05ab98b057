//! MS Project files imported and scheduled: every automatically scheduled whole-day task
//! gets MS Project's own dates (the files in `tests/files/mspdi/`, written by MS Project),
//! and what cannot be carried over is reported, by task, before anything is stored.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use interop::mspdi::{MspdiError, import_mspdi};

const FILES: [&str; 4] = [
    "mpxj__mspdirelations.xml",
    "mpxj__task-links-project2003-mspdi.xml",
    "mpxj__legacy-caltest.xml",
    "aspose__Residential_Construction.xml",
];

fn file(name: &str) -> String {
    let path = format!("{}/../tests/files/mspdi/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// MS Project's dates of each task to compare, by UID: (start, finish) as days — a start
/// is on its date; a finish at or before 08:00 is the previous working day's (Mon–Fri, the
/// files' calendars), a milestone is on its finish's date.
fn ms_project_dates(xml: &str) -> HashMap<String, (NaiveDate, NaiveDate)> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed");
    let text = |task: roxmltree::Node, name: &str| {
        task.children()
            .find(|c| c.tag_name().name() == name)
            .and_then(|c| c.text())
            .map(str::to_owned)
    };
    let at = |t: String| NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M:%S").expect("a date");
    doc.descendants()
        .filter(|n| n.tag_name().name() == "Task")
        .filter(|t| text(*t, "Summary").as_deref() != Some("1"))
        .filter(|t| text(*t, "Manual").as_deref() != Some("1"))
        .filter(|t| text(*t, "UID").as_deref() != Some("0"))
        .filter_map(|t| {
            let minutes = text(t, "Duration")?;
            let whole_days = minutes.ends_with("H0M0S")
                && minutes
                    .trim_start_matches("PT")
                    .trim_end_matches("H0M0S")
                    .parse::<i64>()
                    .is_ok_and(|h| h % 8 == 0);
            if !whole_days {
                return None;
            }
            let milestone = text(t, "Milestone").as_deref() == Some("1");
            let start = at(text(t, "Start")?);
            let finish = at(text(t, "Finish")?);
            let finish_day =
                if milestone || finish.time() > chrono::NaiveTime::from_hms_opt(8, 0, 0)? {
                    finish.date()
                } else {
                    previous_working_day(finish.date())
                };
            let start_day = if milestone {
                finish.date()
            } else {
                start.date()
            };
            Some((text(t, "UID")?, (start_day, finish_day)))
        })
        .collect()
}

fn previous_working_day(mut day: NaiveDate) -> NaiveDate {
    loop {
        day = day.pred_opt().expect("a day before");
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            return day;
        }
    }
}

#[test]
fn every_automatic_whole_day_task_gets_ms_projects_dates() {
    for name in FILES {
        let xml = file(name);
        let imported = import_mspdi(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        let checked = engine::check(&imported.program).expect("checks");
        let schedule = engine::schedule_checked(&checked).expect("schedules");
        let expected = ms_project_dates(&xml);
        assert!(!expected.is_empty(), "{name}: tasks to compare");
        let mut compared = 0;
        let mut wrong = Vec::new();
        for (task, times) in imported.program.tasks.iter().zip(&schedule.tasks) {
            let Some(&(start, finish)) = expected.get(&task.id) else {
                continue;
            };
            compared += 1;
            if (times.start, times.finish) != (start, finish) {
                wrong.push(format!(
                    "UID {} '{}': Planwork {}..{}, MS Project {}..{}",
                    task.id, task.name, times.start, times.finish, start, finish
                ));
            }
        }
        assert!(
            wrong.is_empty(),
            "{name}: {} of {compared} differ:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
        println!("{name}: {compared} tasks, all dates equal to MS Project's");
    }
}

#[test]
fn the_construction_plan_by_its_counts_and_outline() {
    let imported = import_mspdi(&file("aspose__Residential_Construction.xml")).expect("imports");
    let r = &imported.report;
    // 108 rows under the project's own summary row: 19 summary tasks and 89 tasks.
    assert_eq!(r.summaries, 19);
    assert_eq!(
        r.tasks + r.milestones,
        89,
        "every task that is not a summary"
    );
    assert_eq!(r.links, 118);
    // Each top-level summary is a workstream.
    assert_eq!(imported.program.workstreams.len(), 10);
    // The resources and their assignments are reported, then each deeper summary.
    assert_eq!(
        r.notes[0].to_string(),
        "23 resources and 96 assignments not carried over (Planwork has no resources yet)"
    );
    assert!(
        r.notes[1..]
            .iter()
            .all(|n| n.message.contains("summary task below the top level")),
        "{:#?}",
        r.notes
    );
}

#[test]
fn what_cannot_be_carried_is_reported_by_task() {
    let xml = r#"<Project xmlns="http://schemas.microsoft.com/project">
      <Name>R.xml</Name><StartDate>2026-01-05T08:00:00</StartDate><MinutesPerDay>480</MinutesPerDay>
      <Tasks>
        <Task><UID>1</UID><Name>Data sync</Name><OutlineLevel>1</OutlineLevel><Duration>PT20H0M0S</Duration></Task>
        <Task><UID>2</UID><Name>Fixed</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
          <Manual>1</Manual><Start>2026-01-14T08:00:00</Start></Task>
        <Task><UID>3</UID><Name>Soak</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
          <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>14400</LinkLag><LagFormat>8</LagFormat></PredecessorLink>
          <PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink></Task>
        <Task><UID>5</UID><Name>Order parts</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
          <ConstraintType>1</ConstraintType></Task>
        <Task><UID>4</UID><Name>Late</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
          <ConstraintType>7</ConstraintType><ConstraintDate>2026-01-09T17:00:00</ConstraintDate>
          <Deadline>2026-01-08T17:00:00</Deadline>
          <PredecessorLink><PredecessorUID>5</PredecessorUID><Type>1</Type></PredecessorLink></Task>
      </Tasks></Project>"#;
    let imported = import_mspdi(xml).expect("imports");
    let notes: Vec<String> = imported
        .report
        .notes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        notes,
        [
            "the project calendar (UID 1) is not in the file: Monday to Friday used",
            "UID 1 'Data sync': duration 2.5 d rounded to 3 d",
            "UID 2 'Fixed': manually scheduled: kept at its stored start 2026-01-14 (must start on)",
            "UID 5 'Order parts': as late as possible: placed as late as it can go without moving any other task (MS Project also delays successors that have float)",
            "UID 3 'Soak': an elapsed lag carried as 1 working days",
            "UID 3 'Soak': a link from UID 99, which is not in the file: dropped",
        ]
    );
    let order = &imported.program.tasks[3];
    assert_eq!(
        order.constraint.as_ref().map(|c| c.kind),
        Some(engine::ConstraintKind::ALAP)
    );
    let late = &imported.program.tasks[4];
    let constraint = late.constraint.as_ref().expect("a constraint");
    assert_eq!(
        (constraint.kind, constraint.date),
        (
            engine::ConstraintKind::FNLT,
            NaiveDate::from_ymd_opt(2026, 1, 9)
        )
    );
    assert_eq!(late.deadline, NaiveDate::from_ymd_opt(2026, 1, 8));
    assert_eq!(imported.report.summary(), "5 tasks, 0 milestones, 2 links");
}

#[test]
fn bad_files_say_what_and_where() {
    let bomb = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><Project>&lol2;</Project>"#;
    assert!(matches!(import_mspdi(bomb), Err(MspdiError::Xml(why)) if why.contains("DTD")));
    let broken = "<Project><Tasks><Task></Tasks></Project>";
    assert!(
        matches!(import_mspdi(broken), Err(MspdiError::Xml(why)) if why.contains("1:")),
        "{:?}",
        import_mspdi(broken)
    );
    assert!(
        matches!(import_mspdi("<Plan/>"), Err(MspdiError::NotMspdi(why)) if why.contains("<Plan>"))
    );
    let bad_number = "<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks><Task><UID>x1</UID></Task></Tasks></Project>";
    let error = import_mspdi(bad_number).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "not an MS Project XML file: line 1, column 65: UID of task UID x1 is not a whole number: 'x1'"
    );
    let big = " ".repeat(interop::mspdi::MAX_BYTES + 1);
    assert!(matches!(
        import_mspdi(&big),
        Err(MspdiError::TooLarge { .. })
    ));
}

#[test]
fn recurring_exceptions_become_days_off() {
    // The fourth Thursday of November, yearly (Thanksgiving), and every other Friday in
    // January 2026; a working Saturday cannot be carried and is reported.
    let xml = r#"<Project xmlns="http://schemas.microsoft.com/project">
      <StartDate>2026-01-05T08:00:00</StartDate><CalendarUID>1</CalendarUID>
      <Calendars><Calendar><UID>1</UID><Name>Standard</Name>
        <WeekDays><WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
          <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays>
        <Exceptions>
          <Exception><Name>Thanksgiving</Name><TimePeriod><FromDate>2026-01-01T00:00:00</FromDate>
            <ToDate>2027-12-31T23:59:00</ToDate></TimePeriod><Type>3</Type><Month>10</Month>
            <MonthItem>7</MonthItem><MonthPosition>3</MonthPosition><DayWorking>0</DayWorking></Exception>
          <Exception><Name>Focus Friday</Name><TimePeriod><FromDate>2026-01-01T00:00:00</FromDate>
            <ToDate>2026-01-31T23:59:00</ToDate></TimePeriod><Type>6</Type><Period>2</Period>
            <DaysOfWeek>32</DaysOfWeek><DayWorking>0</DayWorking></Exception>
          <Exception><Name>Stocktake</Name><TimePeriod><FromDate>2026-01-10T00:00:00</FromDate>
            <ToDate>2026-01-10T23:59:00</ToDate></TimePeriod><DayWorking>1</DayWorking></Exception>
        </Exceptions></Calendar></Calendars>
      <Tasks><Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task></Tasks>
    </Project>"#;
    let imported = import_mspdi(xml).expect("imports");
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("a date");
    assert_eq!(
        imported.program.calendar.holidays,
        [
            day(1, 2),
            day(1, 16),
            day(1, 30),
            day(11, 26),
            NaiveDate::from_ymd_opt(2027, 11, 25).expect("a date")
        ]
    );
    let notes: Vec<String> = imported
        .report
        .notes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("'Stocktake'") && notes[0].contains("not carried"));
}

#[test]
fn a_calendar_all_of_a_summarys_tasks_share_is_its_workstreams() {
    let xml = r#"<Project xmlns="http://schemas.microsoft.com/project">
      <Name>C.xml</Name><StartDate>2026-01-05T08:00:00</StartDate>
      <CriticalSlackLimit>3</CriticalSlackLimit><CalendarUID>1</CalendarUID>
      <Calendars>
        <Calendar><UID>1</UID><Name>Standard</Name></Calendar>
        <Calendar><UID>2</UID><Name>Four days</Name><WeekDays>
          <WeekDay><DayType>6</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays></Calendar>
      </Calendars>
      <Tasks>
        <Task><UID>10</UID><Name>Ops</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>
        <Task><UID>1</UID><Name>A</Name><OutlineLevel>2</OutlineLevel><Duration>PT8H0M0S</Duration><CalendarUID>2</CalendarUID></Task>
        <Task><UID>2</UID><Name>B</Name><OutlineLevel>2</OutlineLevel><Duration>PT8H0M0S</Duration><CalendarUID>2</CalendarUID></Task>
        <Task><UID>11</UID><Name>Build</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>
        <Task><UID>3</UID><Name>C</Name><OutlineLevel>2</OutlineLevel><Duration>PT8H0M0S</Duration><CalendarUID>2</CalendarUID></Task>
        <Task><UID>4</UID><Name>D</Name><OutlineLevel>2</OutlineLevel><Duration>PT8H0M0S</Duration><CalendarUID>-1</CalendarUID></Task>
      </Tasks></Project>"#;
    let imported = import_mspdi(xml).expect("imports");
    let workstreams = &imported.program.workstreams;
    let four_days = engine::Calendar {
        workdays: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu],
        holidays: Vec::new(),
    };
    assert_eq!(workstreams[0].name, "Ops");
    assert_eq!(workstreams[0].calendar, Some(four_days));
    assert_eq!(workstreams[1].name, "Build");
    assert_eq!(workstreams[1].calendar, None, "its tasks' calendars differ");
    let notes: Vec<String> = imported
        .report
        .notes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        notes,
        [
            "UID 3 'C': its own calendar 'Four days' is not carried: scheduled on the project calendar"
        ]
    );
    assert_eq!(
        imported.program.program.critical_path,
        engine::CriticalPath::TotalFloat { max_days: 3 }
    );
}

#[test]
fn deep_nesting_without_a_start_date_is_refused() {
    let deep = format!(
        "<Project>{}{}</Project>",
        "<a>".repeat(100_000),
        "</a>".repeat(100_000)
    );
    assert_eq!(
        import_mspdi(&deep).map(|_| ()),
        Err(MspdiError::NotMspdi("it has no StartDate".to_owned()))
    );
}
