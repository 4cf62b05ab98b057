//! MS Project XML out: a hand-made program written with its elements in the schema's order,
//! and a hand-made outline (summary tasks two levels deep, links into and out of them);
//! every file written — those, random programs with and without outlines, and the four MS
//! Project files imported then exported — valid against the Project 2007 schema
//! (`xmllint`, from scripts/setup); and the round trip: importing an exported file gives
//! back the same program, as far as MSPDI can say it, and the same schedule (the rule:
//! `mspdi_support`).

mod mspdi_support;

use chrono::NaiveDate;
use engine::Program;
use interop::mspdi::{export_mspdi, import_mspdi};
use mspdi_support::random::{random_program, with_outline};
use mspdi_support::{
    MS_PROJECT_FILES, assert_in_order, assert_same, assert_valid, files_dir, rename, scheduled,
};
use proptest::prelude::*;

/// Build (b): Design 5 d (deadline Thu 8 Jan) → Code 3 d (FS + 2 d, must finish by Fri
/// 23 Jan) → Ready (milestone); "R&D <core>" 2 d, half done, started Mon 5 Jan. Ops (o,
/// works Monday to Thursday): Order (as late as possible), Soak 1 d SS − 1 d after Code.
/// Tuesday 6 January is a holiday; the status date is Monday 12 January.
fn hand_made() -> Program {
    planfile::read(
        r#"{"program": {"name": "Apollo & <Gemini>", "start": "2026-01-05",
                        "status_date": "2026-01-12",
                        "critical_path": {"rule": "total_float", "max_days": 2}},
            "calendar": {"workdays": ["Mon", "Tue", "Wed", "Thu", "Fri"],
                         "holidays": ["2026-01-06", "2026-01-10"]},
            "workstreams": [{"id": "b", "name": "Build"},
                            {"id": "o", "name": "Ops",
                             "calendar": {"workdays": ["Mon", "Tue", "Wed", "Thu"]}},
                            {"id": "idle", "name": "Idle"}],
            "tasks": [
              {"id": "1", "name": "Design", "workstream": "b", "duration": 5,
               "deadline": "2026-01-08"},
              {"id": "2", "name": "Code", "workstream": "b", "duration": 3,
               "constraint": {"type": "FNLT", "date": "2026-01-23"}},
              {"id": "3", "name": "Ready", "workstream": "b", "duration": 0, "milestone": true},
              {"id": "4", "name": "R&D <core>", "workstream": "b", "duration": 2,
               "percent_complete": 50, "actual_start": "2026-01-05"},
              {"id": "5", "name": "Order", "workstream": "o", "duration": 1,
               "constraint": {"type": "ALAP"}},
              {"id": "6", "name": "Soak", "workstream": "o", "duration": 1}],
            "dependencies": [{"from": "1", "to": "2", "lag": 2}, {"from": "2", "to": "3"},
                             {"from": "2", "to": "6", "type": "SS", "lag": -1},
                             {"from": "5", "to": "6"}]}"#,
    )
    .expect("the example reads")
    .program
}

#[test]
fn a_hand_made_program_in_the_schemas_order() {
    let program = hand_made();
    let xml = export_mspdi(&program, &scheduled(&program));
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"));
    assert_in_order(
        &xml,
        &[
            "<Project xmlns=\"http://schemas.microsoft.com/project\">",
            "<SaveVersion>12</SaveVersion>",
            "<Name>Apollo &amp; &lt;Gemini&gt;</Name>",
            "<Title>Apollo &amp; &lt;Gemini&gt;</Title>",
            "<ScheduleFromStart>1</ScheduleFromStart>",
            "<StartDate>2026-01-05T08:00:00</StartDate>",
            "<CriticalSlackLimit>2</CriticalSlackLimit>",
            "<CurrencyCode>USD</CurrencyCode>",
            "<CalendarUID>1</CalendarUID>",
            "<DefaultStartTime>08:00:00</DefaultStartTime>",
            "<MinutesPerDay>480</MinutesPerDay>",
            "<MinutesPerWeek>2400</MinutesPerWeek>",
            "<StatusDate>2026-01-12T08:00:00</StatusDate>",
            "<Calendars>",
            // The program calendar: Sunday off, Monday 08:00–12:00 and 13:00–17:00, …
            "<UID>1</UID>",
            "<Name>Standard</Name>",
            "<DayType>1</DayType>",
            "<DayWorking>0</DayWorking>",
            "<DayType>2</DayType>",
            "<DayWorking>1</DayWorking>",
            "<FromTime>08:00:00</FromTime>",
            "<ToTime>12:00:00</ToTime>",
            "<FromTime>13:00:00</FromTime>",
            "<ToTime>17:00:00</ToTime>",
            "<DayType>7</DayType>",
            // … and its holiday on a working day (Saturday 10 January changes nothing).
            "<Exceptions>",
            "<FromDate>2026-01-06T00:00:00</FromDate>",
            "<ToDate>2026-01-06T23:59:00</ToDate>",
            "<DayWorking>0</DayWorking>",
            "</Exceptions>",
            // Ops' days: Monday to Thursday.
            "<UID>2</UID>",
            "<Name>Ops</Name>",
            "<DayType>6</DayType>",
            "<DayWorking>0</DayWorking>",
            "</Calendars>",
            "<Tasks>",
            // The project's row, then Build's summary and its tasks.
            "<UID>0</UID>",
            "<OutlineLevel>0</OutlineLevel>",
            "<Summary>1</Summary>",
            "<UID>7</UID>",
            "<Name>Build</Name>",
            "<OutlineNumber>1</OutlineNumber>",
            "<OutlineLevel>1</OutlineLevel>",
            "<Summary>1</Summary>",
            "<UID>1</UID>",
            "<Name>Design</Name>",
            "<OutlineNumber>1.1</OutlineNumber>",
            "<OutlineLevel>2</OutlineLevel>",
            // Not started: from the status date, Monday 12 to Friday 16.
            "<Start>2026-01-12T08:00:00</Start>",
            "<Finish>2026-01-16T17:00:00</Finish>",
            "<Duration>PT40H0M0S</Duration>",
            "<DurationFormat>7</DurationFormat>",
            "<Milestone>0</Milestone>",
            "<ConstraintType>0</ConstraintType>",
            "<Deadline>2026-01-08T17:00:00</Deadline>",
            "<UID>2</UID>",
            "<Name>Code</Name>",
            "<ConstraintType>7</ConstraintType>",
            "<ConstraintDate>2026-01-23T17:00:00</ConstraintDate>",
            "<PredecessorLink>",
            "<PredecessorUID>1</PredecessorUID>",
            "<Type>1</Type>",
            "<LinkLag>9600</LinkLag>",
            "<LagFormat>7</LagFormat>",
            "</PredecessorLink>",
            "<UID>3</UID>",
            "<Name>Ready</Name>",
            "<Duration>PT0H0M0S</Duration>",
            "<Milestone>1</Milestone>",
            "<UID>4</UID>",
            "<Name>R&amp;D &lt;core&gt;</Name>",
            "<PercentComplete>50</PercentComplete>",
            "<ActualStart>2026-01-05T08:00:00</ActualStart>",
            // Ops (no summary row for Idle, which has no task).
            "<UID>8</UID>",
            "<Name>Ops</Name>",
            "<UID>5</UID>",
            "<ConstraintType>1</ConstraintType>",
            "<CalendarUID>2</CalendarUID>",
            "<UID>6</UID>",
            "<CalendarUID>2</CalendarUID>",
            "<PredecessorUID>2</PredecessorUID>",
            "<Type>3</Type>",
            "<LinkLag>-4800</LinkLag>",
            "<PredecessorUID>5</PredecessorUID>",
            "</Tasks>",
            "</Project>",
        ],
    );
    assert!(!xml.contains("<Name>Idle</Name>"));
    assert!(
        !xml.contains("2026-01-10T00:00:00"),
        "no exception for a Saturday"
    );
    assert!(
        !xml.contains("ExtendedAttribute"),
        "ids kept: no Planwork ID field"
    );
    assert_valid(&xml, "the hand-made program");
}

#[test]
fn the_hand_made_program_comes_back() {
    let program = hand_made();
    let schedule = scheduled(&program);
    let imported = import_mspdi(&export_mspdi(&program, &schedule)).expect("imports");
    let notes: Vec<String> = imported
        .report
        .notes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        notes,
        [
            "UID 5 'Order': as late as possible: placed as late as it can go without moving any \
          other task (MS Project also delays successors that have float)"
        ],
        "nothing approximated, only the usual word on as late as possible"
    );
    assert_eq!(
        imported.report.summary(),
        "5 tasks, 1 milestone, 4 links; 2 summary tasks"
    );
    assert_same(&program, &schedule, &imported.program, false);
}

/// Release (due Fri 16 Jan) holds Backend — API 3 d → DB 2 d — and Docs 1 d; Spec 2 d →
/// Release (finish-to-start: each of its tasks waits), Spec → Backend (start-to-start + 1
/// d), Release → Deploy (finish-to-start, from its finish), Backend → Announce (finish to
/// finish). From Monday 5 January 2026: Spec Mon 5 – Tue 6; API Wed 7 – Fri 9, DB Mon 12 –
/// Tue 13, Docs Wed 7; Backend and Release roll up to Wed 7 – Tue 13; Deploy Wed 14;
/// Announce on Tue 13, with Backend's finish.
fn outlined() -> Program {
    planfile::read(
        r#"{"program": {"name": "Outline", "start": "2026-01-05"},
            "workstreams": [{"id": "b", "name": "Build"}, {"id": "o", "name": "Ops"}],
            "tasks": [
              {"id": "1", "name": "Spec", "workstream": "b", "duration": 2},
              {"id": "2", "name": "Release", "workstream": "b", "summary": true,
               "deadline": "2026-01-16"},
              {"id": "3", "name": "Backend", "workstream": "b", "summary": true, "parent": "2"},
              {"id": "4", "name": "API", "workstream": "b", "duration": 3, "parent": "3"},
              {"id": "5", "name": "DB", "workstream": "b", "duration": 2, "parent": "3"},
              {"id": "6", "name": "Docs", "workstream": "b", "duration": 1, "parent": "2"},
              {"id": "7", "name": "Deploy", "workstream": "o", "duration": 1},
              {"id": "8", "name": "Announce", "workstream": "o", "duration": 0}],
            "dependencies": [{"from": "1", "to": "2"}, {"from": "2", "to": "7"},
                             {"from": "3", "to": "8", "type": "FF"}, {"from": "4", "to": "5"},
                             {"from": "1", "to": "3", "type": "SS", "lag": 1}]}"#,
    )
    .expect("the outline reads")
    .program
}

#[test]
fn a_hand_made_outline_is_written_as_ms_projects() {
    let program = outlined();
    let schedule = scheduled(&program);
    let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).expect("a date");
    let dates: Vec<(NaiveDate, NaiveDate)> =
        schedule.tasks.iter().map(|t| (t.start, t.finish)).collect();
    assert_eq!(
        dates,
        [
            (day(5), day(6)),
            (day(7), day(13)),
            (day(7), day(13)),
            (day(7), day(9)),
            (day(12), day(13)),
            (day(7), day(7)),
            (day(14), day(14)),
            (day(13), day(13)),
        ]
    );
    let xml = export_mspdi(&program, &schedule);
    assert_in_order(
        &xml,
        &[
            "<UID>0</UID>",
            // Build's row (UID 9, after the tasks), then its tasks in outline order.
            "<UID>9</UID>",
            "<Name>Build</Name>",
            "<OutlineNumber>1</OutlineNumber>",
            "<OutlineLevel>1</OutlineLevel>",
            "<Start>2026-01-05T08:00:00</Start>",
            "<Finish>2026-01-13T17:00:00</Finish>",
            "<UID>1</UID>",
            "<Name>Spec</Name>",
            "<OutlineNumber>1.1</OutlineNumber>",
            "<OutlineLevel>2</OutlineLevel>",
            "<Summary>0</Summary>",
            // Release: a summary task, its dates and duration (5 working days) its tasks'.
            "<UID>2</UID>",
            "<Name>Release</Name>",
            "<OutlineNumber>1.2</OutlineNumber>",
            "<OutlineLevel>2</OutlineLevel>",
            "<Start>2026-01-07T08:00:00</Start>",
            "<Finish>2026-01-13T17:00:00</Finish>",
            "<Duration>PT40H0M0S</Duration>",
            "<Milestone>0</Milestone>",
            "<Summary>1</Summary>",
            "<ConstraintType>0</ConstraintType>",
            "<Deadline>2026-01-16T17:00:00</Deadline>",
            "<PredecessorUID>1</PredecessorUID>",
            "<Type>1</Type>",
            "<UID>3</UID>",
            "<Name>Backend</Name>",
            "<OutlineNumber>1.2.1</OutlineNumber>",
            "<OutlineLevel>3</OutlineLevel>",
            "<Duration>PT40H0M0S</Duration>",
            "<Summary>1</Summary>",
            "<PredecessorUID>1</PredecessorUID>",
            "<Type>3</Type>",
            "<LinkLag>4800</LinkLag>",
            "<UID>4</UID>",
            "<OutlineNumber>1.2.1.1</OutlineNumber>",
            "<OutlineLevel>4</OutlineLevel>",
            "<UID>5</UID>",
            "<OutlineNumber>1.2.1.2</OutlineNumber>",
            "<OutlineLevel>4</OutlineLevel>",
            "<PredecessorUID>4</PredecessorUID>",
            "<UID>6</UID>",
            "<Name>Docs</Name>",
            "<OutlineNumber>1.2.2</OutlineNumber>",
            "<OutlineLevel>3</OutlineLevel>",
            // Ops' row and its tasks, linked from the summaries as they are.
            "<UID>10</UID>",
            "<Name>Ops</Name>",
            "<OutlineNumber>2</OutlineNumber>",
            "<UID>7</UID>",
            "<OutlineNumber>2.1</OutlineNumber>",
            "<PredecessorUID>2</PredecessorUID>",
            "<Type>1</Type>",
            "<UID>8</UID>",
            "<OutlineNumber>2.2</OutlineNumber>",
            "<Milestone>1</Milestone>",
            "<PredecessorUID>3</PredecessorUID>",
            "<Type>0</Type>",
            "</Tasks>",
        ],
    );
    assert_valid(&xml, "the hand-made outline");
    let imported = import_mspdi(&xml).expect("imports");
    assert!(
        imported.report.notes.is_empty(),
        "{:?}",
        imported.report.notes
    );
    assert_eq!(
        imported.report.summary(),
        "5 tasks, 1 milestone, 5 links; 4 summary tasks"
    );
    assert_same(&program, &schedule, &imported.program, false);
}

/// The workstream of a task under a summary task in another workstream is not written: it
/// comes back in the workstream of the summary row it is under (its top-level task's).
#[test]
fn a_task_under_a_summary_comes_back_in_its_top_level_tasks_workstream() {
    let mut program = outlined();
    program.tasks[5].workstream = "o".into();
    let schedule = scheduled(&program);
    let xml = export_mspdi(&program, &schedule);
    assert_valid(&xml, "a task in another workstream than its summary");
    let back = import_mspdi(&xml).expect("imports").program;
    let docs = back.tasks.iter().find(|t| t.id == "6").expect("Docs");
    assert_eq!(
        (docs.workstream.as_str(), docs.parent.as_deref()),
        ("summary-9", Some("2")),
        "in Build, under Release"
    );
}

#[test]
fn ids_that_are_not_plain_numbers_are_renumbered_and_kept_in_text1() {
    let mut program = hand_made();
    rename(&mut program, |i| format!("T-{i}"));
    program.tasks[0].id = "T-0".into();
    let schedule = scheduled(&program);
    let xml = export_mspdi(&program, &schedule);
    assert_in_order(
        &xml,
        &[
            "<ExtendedAttributes>",
            "<FieldID>188743731</FieldID>",
            "<FieldName>Text1</FieldName>",
            "<Alias>Planwork ID</Alias>",
            "</ExtendedAttributes>",
            "<Calendars>",
            "<UID>1</UID>",
            "<Name>Design</Name>",
            "<ExtendedAttribute>",
            "<FieldID>188743731</FieldID>",
            "<Value>T-0</Value>",
            "</ExtendedAttribute>",
            "<UID>2</UID>",
            "<Name>Code</Name>",
            "<PredecessorUID>1</PredecessorUID>",
            "<Value>T-1</Value>",
        ],
    );
    assert_valid(&xml, "renumbered");
    let imported = import_mspdi(&xml).expect("imports");
    assert_same(&program, &schedule, &imported.program, true);
}

#[test]
fn names_and_ids_xml_cannot_carry_are_still_valid() {
    let mut program = hand_made();
    program.program.name = "x".repeat(400) + "\u{1}";
    program.tasks[0].name = "tab\there, bell\u{7}, line\nbreak, \"quoted\" 'single' ✓".into();
    rename(&mut program, |i| format!("{i}\u{2}"));
    let xml = export_mspdi(&program, &scheduled(&program));
    assert_valid(&xml, "control characters and a long name");
    let back = import_mspdi(&xml).expect("imports").program;
    assert_eq!(back.program.name, "x".repeat(400), "the Title, cut to 512");
    assert_eq!(
        back.tasks[0].name,
        "tab\there, bell , line\nbreak, \"quoted\" 'single' ✓"
    );
}

#[test]
fn the_ms_project_files_imported_then_exported_are_valid() {
    for name in MS_PROJECT_FILES {
        let path = files_dir().join(name);
        let text = std::fs::read_to_string(&path).expect("the file reads");
        let imported = import_mspdi(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let schedule = scheduled(&imported.program);
        let xml = export_mspdi(&imported.program, &schedule);
        assert_valid(&xml, name);
        let again = import_mspdi(&xml).unwrap_or_else(|e| panic!("{name} again: {e}"));
        assert_same(&imported.program, &schedule, &again.program, false);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// A random program, with or without an outline, exported is valid, and imported gives
    /// back the same program and the same schedule.
    #[test]
    fn random_programs_come_back(
        tasks in 1usize..80,
        seed in 0u64..10_000,
        team in any::<bool>(),
        numeric_ids in any::<bool>(),
        outline in any::<bool>(),
    ) {
        let mut program = random_program(tasks, seed, team, numeric_ids);
        if outline {
            program = with_outline(program, seed, numeric_ids);
        }
        let schedule = scheduled(&program);
        let xml = export_mspdi(&program, &schedule);
        assert_valid(&xml, &format!("random program ({tasks} tasks, seed {seed})"));
        let imported = import_mspdi(&xml).expect("imports");
        assert_same(&program, &schedule, &imported.program, !numeric_ids);
    }
}
