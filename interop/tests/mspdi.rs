//! MS Project files imported and scheduled: every automatically scheduled whole-day task,
//! and every summary task below the top level, gets MS Project's own dates (the files in
//! `tests/files/mspdi/`, written by MS Project); a hand-made outline with links into and out
//! of summaries; and what cannot be carried over is reported, by task, before anything is
//! stored.

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
    dates_of(xml, false)
}

/// MS Project's dates of each summary task below the top level (a summary's start is its
/// first task's, on its date: a milestone's at the end of its day), by UID.
fn ms_project_summary_dates(xml: &str) -> HashMap<String, (NaiveDate, NaiveDate)> {
    dates_of(xml, true)
}

/// The dates of the tasks, or of the summaries below the top level (`summaries`), by UID.
fn dates_of(xml: &str, summaries: bool) -> HashMap<String, (NaiveDate, NaiveDate)> {
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
        .filter(|t| (text(*t, "Summary").as_deref() == Some("1")) == summaries)
        .filter(|t| !summaries || text(*t, "OutlineLevel").as_deref() != Some("1"))
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
            let start_day = if milestone && !summaries {
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
        let mut expected = ms_project_dates(&xml);
        assert!(!expected.is_empty(), "{name}: tasks to compare");
        expected.extend(ms_project_summary_dates(&xml));
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
    let xml = file("aspose__Residential_Construction.xml");
    let imported = import_mspdi(&xml).expect("imports");
    let r = &imported.report;
    // 108 rows under the project's own summary row: 19 summary tasks and 89 tasks.
    assert_eq!(r.summaries, 19);
    assert_eq!(
        r.tasks + r.milestones,
        89,
        "every task that is not a summary"
    );
    assert_eq!(r.links, 118);
    // Each of the 10 top-level summaries is a workstream; the 9 below them are summary
    // tasks, each under none (their summaries are workstreams).
    let program = &imported.program;
    assert_eq!(program.workstreams.len(), 10);
    let summaries: Vec<&str> = program
        .tasks
        .iter()
        .filter(|t| t.summary)
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        summaries,
        ["5", "57", "62", "69", "76", "81", "86", "91", "95"]
    );
    let task = |id: &str| program.tasks.iter().find(|t| t.id == id).expect("a task");
    assert_eq!(task("5").name, "Apply for Permits");
    assert_eq!(task("5").workstream, "summary-2", "General Conditions'");
    assert_eq!(task("57").parent, None, "Interior Finishes is a workstream");
    assert_eq!(task("57").workstream, "summary-56");
    for id in ["58", "59", "60", "61"] {
        assert_eq!(
            task(id).parent.as_deref(),
            Some("57"),
            "UID {id}: Insulation's"
        );
        assert_eq!(task(id).workstream, "summary-56");
    }
    assert_eq!(task("6").parent.as_deref(), Some("5"));
    assert_eq!(
        task("3").parent,
        None,
        "under General Conditions, a workstream"
    );
    // Nothing approximated: its 23 work resources and 95 assignments come in as they are
    // (its 96th assignment is MS Project's placeholder of a task without a resource).
    let notes: Vec<String> = r.notes.iter().map(ToString::to_string).collect();
    assert_eq!(notes, Vec::<String>::new());
    assert_eq!(
        r.summary(),
        "83 tasks, 6 milestones, 118 links; 19 summary tasks; 23 resources, 95 demands"
    );
    // Each summary task rolls up to MS Project's own dates (the date test compares them
    // too): Insulation Tue 28 Jan – Tue 11 Feb 2014.
    let checked = engine::check(program).expect("checks");
    let schedule = engine::schedule_checked(&checked).expect("schedules");
    let at = program
        .tasks
        .iter()
        .position(|t| t.id == "57")
        .expect("Insulation");
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    assert_eq!(
        (schedule.tasks[at].start, schedule.tasks[at].finish),
        (day(2014, 1, 28), day(2014, 2, 11))
    );
    assert_eq!(ms_project_summary_dates(&xml).len(), 9);
}

/// A task's place: id, workstream id, summary, parent, deadline.
type Placed<'a> = (&'a str, &'a str, bool, Option<&'a str>, Option<NaiveDate>);

/// The outline, by hand (Monday to Friday from Monday 5 January 2026; offset 0 = Mon 5,
/// 5 = Mon 12): Prep (2 d) and Order (4 d) at the top; Phase, a top-level summary (a
/// workstream, its deadline not carried), holds Build, a summary (start no earlier than
/// Thu 8, due Fri 16) of A (3 d) → B (2 d), an empty summary, and C, D (1 d each); E (1 d)
/// follows Phase.
///
/// Links: Prep → Build (FS, kept); Order → Build (FF, which a summary does not take: spread
/// to A and B); Build → C (FF, kept); Build → D (SS, spread from A and B); Phase → E (FS,
/// spread from its tasks); Build → A (a summary and its own task: dropped).
///
/// Dates: A starts at max(Prep's finish 2, Build's start no earlier than 3) = Thu 8, [3,6);
/// B [6,8) Tue 13 – Wed 14; Build rolls up to Thu 8 – Wed 14; C finishes with Build: [7,8)
/// Wed 14; D starts with B (the spread approximation; MS Project: with A): [6,7) Tue 13; E
/// after every task of Phase: [8,9) Thu 15.
const OUTLINE: &str = r#"<Project xmlns="http://schemas.microsoft.com/project">
  <Name>O.xml</Name><StartDate>2026-01-05T08:00:00</StartDate><MinutesPerDay>480</MinutesPerDay>
  <CalendarUID>1</CalendarUID>
  <Calendars><Calendar><UID>1</UID><Name>Standard</Name><WeekDays>
    <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
    <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
  </WeekDays></Calendar></Calendars>
  <Tasks>
    <Task><UID>1</UID><Name>Prep</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration></Task>
    <Task><UID>2</UID><Name>Order</Name><OutlineLevel>1</OutlineLevel><Duration>PT32H0M0S</Duration></Task>
    <Task><UID>10</UID><Name>Phase</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>
      <Deadline>2026-01-30T17:00:00</Deadline></Task>
    <Task><UID>11</UID><Name>Build</Name><OutlineLevel>2</OutlineLevel><Summary>1</Summary>
      <Duration>PT40H0M0S</Duration><PercentComplete>0</PercentComplete>
      <ConstraintType>4</ConstraintType><ConstraintDate>2026-01-08T08:00:00</ConstraintDate>
      <Deadline>2026-01-16T17:00:00</Deadline>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>0</Type></PredecessorLink></Task>
    <Task><UID>12</UID><Name>A</Name><OutlineLevel>3</OutlineLevel><Duration>PT24H0M0S</Duration>
      <PredecessorLink><PredecessorUID>11</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>13</UID><Name>B</Name><OutlineLevel>3</OutlineLevel><Duration>PT16H0M0S</Duration>
      <PredecessorLink><PredecessorUID>12</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>14</UID><Name>Empty</Name><OutlineLevel>2</OutlineLevel><Summary>1</Summary></Task>
    <Task><UID>15</UID><Name>C</Name><OutlineLevel>2</OutlineLevel><Duration>PT8H0M0S</Duration>
      <PredecessorLink><PredecessorUID>11</PredecessorUID><Type>0</Type></PredecessorLink></Task>
    <Task><UID>16</UID><Name>D</Name><OutlineLevel>2</OutlineLevel><Duration>PT8H0M0S</Duration>
      <PredecessorLink><PredecessorUID>11</PredecessorUID><Type>3</Type></PredecessorLink></Task>
    <Task><UID>17</UID><Name>E</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>
      <PredecessorLink><PredecessorUID>10</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  </Tasks></Project>"#;

#[test]
fn summaries_below_the_top_level_are_summary_tasks() {
    let imported = import_mspdi(OUTLINE).expect("imports");
    let program = &imported.program;
    let outline: Vec<Placed> = program
        .tasks
        .iter()
        .map(|t| {
            (
                t.id.as_str(),
                t.workstream.as_str(),
                t.summary,
                t.parent.as_deref(),
                t.deadline,
            )
        })
        .collect();
    let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).expect("a date");
    assert_eq!(
        outline,
        [
            ("1", "general", false, None, None),
            ("2", "general", false, None, None),
            ("11", "summary-10", true, None, Some(day(16))),
            ("12", "summary-10", false, Some("11"), None),
            ("13", "summary-10", false, Some("11"), None),
            ("15", "summary-10", false, None, None),
            ("16", "summary-10", false, None, None),
            ("17", "general", false, None, None),
        ]
    );
    let build = &program.tasks[2];
    assert_eq!((build.duration, build.constraint.clone()), (0, None));
    for a_or_b in &program.tasks[3..5] {
        let constraint = a_or_b.constraint.as_ref().expect("Build's");
        assert_eq!(
            (constraint.kind, constraint.date),
            (engine::ConstraintKind::SNET, Some(day(8)))
        );
    }
    let links: Vec<(&str, &str, String)> = program
        .dependencies
        .iter()
        .map(|d| (d.from.as_str(), d.to.as_str(), format!("{:?}", d.kind)))
        .collect();
    assert_eq!(
        links,
        [
            ("1", "11", "FS".to_owned()),
            ("2", "12", "FF".to_owned()),
            ("2", "13", "FF".to_owned()),
            ("12", "13", "FS".to_owned()),
            ("11", "15", "FF".to_owned()),
            ("12", "16", "SS".to_owned()),
            ("13", "16", "SS".to_owned()),
            ("12", "17", "FS".to_owned()),
            ("13", "17", "FS".to_owned()),
            ("15", "17", "FS".to_owned()),
            ("16", "17", "FS".to_owned()),
        ]
    );
    let notes: Vec<String> = imported
        .report
        .notes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        notes,
        [
            "UID 14 'Empty': a summary task with no task under it: not carried",
            "UID 10 'Phase': deadline 2026-01-30: not carried (a top-level summary task is a workstream here)",
            "UID 11 'Build': start no earlier than 2026-01-08 (a summary task has no constraint of its own here): put on 2 tasks under it that could start earlier",
            "UID 11 'Build': a finish-to-finish link from UID 2 into this summary task: spread to its tasks, an approximation (a link into a summary task is finish-to-start or start-to-start)",
            "UID 12 'A': a link between a summary task and its own task: dropped",
            "UID 16 'D': a start-to-start link from summary task UID 11: spread from its tasks, an approximation (a link out of a summary task is finish-to-start or finish-to-finish)",
            "UID 17 'E': a finish-to-start link from summary task UID 10, a top-level one (a workstream here): spread from its tasks",
        ]
    );
    assert_eq!(
        imported.report.summary(),
        "7 tasks, 0 milestones, 11 links; 3 summary tasks"
    );
    let checked = engine::check(program).expect("checks");
    let schedule = engine::schedule_checked(&checked).expect("schedules");
    let dates: Vec<(&str, NaiveDate, NaiveDate)> = program
        .tasks
        .iter()
        .zip(&schedule.tasks)
        .map(|(t, s)| (t.id.as_str(), s.start, s.finish))
        .collect();
    assert_eq!(
        dates,
        [
            ("1", day(5), day(6)),
            ("2", day(5), day(8)),
            ("11", day(8), day(14)),
            ("12", day(8), day(12)),
            ("13", day(13), day(14)),
            ("15", day(14), day(14)),
            ("16", day(13), day(13)),
            ("17", day(15), day(15)),
        ]
    );
}

/// A summary's finish no later than becomes its deadline (unless an earlier one is set); a
/// constraint MS Project never sets on a summary is reported; a start no earlier than on or
/// before the project start changes nothing and is not.
#[test]
fn a_summarys_other_constraints() {
    let xml = |constraint: &str, date: &str| {
        format!(
            r#"<Project xmlns="http://schemas.microsoft.com/project">
      <StartDate>2026-01-05T08:00:00</StartDate>
      <Tasks>
        <Task><UID>1</UID><Name>W</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>
        <Task><UID>2</UID><Name>S</Name><OutlineLevel>2</OutlineLevel><Summary>1</Summary>
          <ConstraintType>{constraint}</ConstraintType><ConstraintDate>{date}</ConstraintDate>
          <Deadline>2026-01-23T17:00:00</Deadline></Task>
        <Task><UID>3</UID><Name>T</Name><OutlineLevel>3</OutlineLevel><Duration>PT8H0M0S</Duration>
          <ConstraintType>2</ConstraintType><ConstraintDate>2026-01-06T08:00:00</ConstraintDate></Task>
      </Tasks></Project>"#
        )
    };
    let import = |constraint, date| {
        let imported = import_mspdi(&xml(constraint, date)).expect("imports");
        let notes: Vec<String> = imported
            .report
            .notes
            .iter()
            .map(ToString::to_string)
            .collect();
        (imported.program.tasks[0].deadline, notes)
    };
    let day = |d| NaiveDate::from_ymd_opt(2026, 1, d);
    let (deadline, notes) = import("7", "2026-01-16T17:00:00");
    assert_eq!(deadline, day(16));
    assert_eq!(
        notes[1],
        "UID 2 'S': finish no later than 2026-01-16: carried as its deadline (a summary task has no constraint of its own here; a deadline bounds its tasks' late finish and moves none of them)"
    );
    let (deadline, notes) = import("7", "2026-01-30T17:00:00");
    assert_eq!(
        (deadline, notes.len()),
        (day(23), 1),
        "its deadline is earlier: {notes:?}"
    );
    let (_, notes) = import("6", "2026-01-30T17:00:00");
    assert_eq!(
        notes[1],
        "UID 2 'S': a constraint (finish no earlier than) on a summary task: not carried (MS Project sets only start no earlier than and finish no later than on one)"
    );
    let (_, notes) = import("4", "2026-01-12T08:00:00");
    assert_eq!(
        notes[1],
        "UID 2 'S': start no earlier than 2026-01-12 (a summary task has no constraint of its own here): not on UID 3, which keeps its own constraint"
    );
    let (_, notes) = import("4", "2026-01-05T08:00:00");
    assert_eq!(notes.len(), 1, "the calendar's note alone: {notes:?}");
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
