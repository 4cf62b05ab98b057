//! MS Project XML out: a hand-made program written with its elements in the schema's order,
//! and a hand-made outline (summary tasks two levels deep, links into and out of them);
//! every file written — those, random programs with and without outlines, and the four MS
//! Project files imported
//! then exported — valid against the Project 2007 schema (`xmllint`, from scripts/setup);
//! and the round trip: importing an exported file gives back the same program, as far as
//! MSPDI can say it, and the same schedule.
//!
//! The round-trip rule: task ids come back as they were when every id is a plain whole
//! number (1 to 999,999,999), else as 1..n in the program's order; tasks come back grouped
//! by workstream, a task under a summary task in its top-level task's workstream (the
//! summary row it is written under), with its summary; workstreams are matched by name
//! (those without tasks are not written);
//! calendars are compared as MS Project states them (working weekdays, holidays on them; a
//! workstream's calendar as the days its tasks work: its weekdays that are also the
//! program's, and both calendars' holidays); percent complete to the whole percent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use engine::generate::{Options, Shape, SplitMix64, generate_with};
use engine::{
    Calendar, Constraint, ConstraintKind, CriticalPath, Dependency, LinkType, Program, Schedule,
};
use interop::mspdi::{export_mspdi, import_mspdi};
use proptest::prelude::*;

const MS_PROJECT_FILES: [&str; 4] = [
    "mpxj__mspdirelations.xml",
    "mpxj__task-links-project2003-mspdi.xml",
    "mpxj__legacy-caltest.xml",
    "aspose__Residential_Construction.xml",
];

fn files_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/files/mspdi")
}

fn scheduled(program: &Program) -> Schedule {
    let checked = engine::check(program).expect("checks");
    engine::schedule_checked(&checked).expect("schedules")
}

/// Fails with xmllint's message unless `xml` is valid against the MSPDI schema of
/// Project 2007 (tests/files/mspdi/mspdi_pj12.xsd).
fn assert_valid(xml: &str, label: &str) {
    static FILES: AtomicUsize = AtomicUsize::new(0);
    let n = FILES.fetch_add(1, Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!(
        "planwork-mspdi-export-{}-{n}.xml",
        std::process::id()
    ));
    std::fs::write(&path, xml).expect("the temporary file is written");
    let schema = files_dir().join("mspdi_pj12.xsd");
    let run = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&path)
        .output();
    let output = match run {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "xmllint is not installed: run scripts/setup (it installs Debian's libxml2-utils), \
             then run the tests again"
        ),
        Err(e) => panic!("xmllint could not run: {e}"),
    };
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "{label}: not valid against the MSPDI schema:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

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

/// Asserts that `parts` appear in `text` in this order.
fn assert_in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        match text[from..].find(part) {
            Some(at) => from += at + part.len(),
            None => panic!("{part:?} not found after byte {from} in:\n{text}"),
        }
    }
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

/// Gives task `i` the id `id(i)`, in the tasks and the links.
fn rename(program: &mut Program, id: impl Fn(usize) -> String) {
    let new: BTreeMap<String, String> = program
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), id(i)))
        .collect();
    for task in &mut program.tasks {
        task.id = new[&task.id].clone();
    }
    for link in &mut program.dependencies {
        link.from = new[&link.from].clone();
        link.to = new[&link.to].clone();
    }
}

/// A task as MSPDI carries it: name, workstream name, duration (0 for a milestone),
/// milestone, constraint, deadline, actual dates, whole percent complete, and its place in
/// the outline (its summary's id, whether it is one).
type TaskFacts = (
    String,
    String,
    i64,
    bool,
    Option<Constraint>,
    Option<NaiveDate>,
    (Option<NaiveDate>, Option<NaiveDate>, i64),
    (Option<String>, bool),
);

/// Asserts that `back` (imported from the export of `program`) is `program` as MSPDI
/// carries it, and schedules to the same dates. With `renumbered`, the task at index i of
/// `program` is task `i + 1` of `back`.
fn assert_same(program: &Program, schedule: &Schedule, back: &Program, renumbered: bool) {
    let id_of: BTreeMap<&str, String> = program
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let id = if renumbered {
                (i + 1).to_string()
            } else {
                t.id.clone()
            };
            (t.id.as_str(), id)
        })
        .collect();
    assert_eq!(back.program.name, program.program.name.trim());
    assert_eq!(back.program.start, program.program.start);
    assert_eq!(back.program.status_date, program.program.status_date);
    assert_eq!(critical_days(back), critical_days(program));
    assert_eq!(
        calendar_facts(&back.calendar),
        calendar_facts(&program.calendar)
    );
    assert_eq!(workstream_facts(back), workstream_facts(program));
    let tasks = |p: &Program, id: &dyn Fn(&str) -> String| -> BTreeMap<String, TaskFacts> {
        p.tasks
            .iter()
            .map(|t| (id(&t.id), task_facts(p, t, id)))
            .collect()
    };
    assert_eq!(
        tasks(back, &|id| id.to_owned()),
        tasks(program, &|id| id_of[id].clone())
    );
    let links =
        |p: &Program, id: &dyn Fn(&str) -> String| -> BTreeSet<(String, String, String, i64)> {
            p.dependencies
                .iter()
                .map(|d: &Dependency| (id(&d.from), id(&d.to), link_name(d.kind), d.lag))
                .collect()
        };
    assert_eq!(
        links(back, &|id| id.to_owned()),
        links(program, &|id| id_of[id].clone())
    );
    let dates = |p: &Program, s: &Schedule, id: &dyn Fn(&str) -> String| {
        p.tasks
            .iter()
            .zip(&s.tasks)
            .map(|(t, times)| (id(&t.id), (times.start, times.finish)))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(
        dates(back, &scheduled(back), &|id| id.to_owned()),
        dates(program, schedule, &|id| id_of[id].clone()),
        "the same dates"
    );
}

fn critical_days(program: &Program) -> i64 {
    match program.program.critical_path {
        CriticalPath::TotalFloat { max_days } => max_days,
        CriticalPath::LongestPath => 0,
    }
}

fn link_name(kind: LinkType) -> String {
    format!("{kind:?}")
}

fn task_facts(program: &Program, task: &engine::Task, id: &dyn Fn(&str) -> String) -> TaskFacts {
    let workstream = program
        .workstreams
        .iter()
        .find(|w| w.id == task.workstream)
        .map_or_else(|| task.workstream.clone(), |w| w.name.clone());
    let milestone = task.is_milestone();
    (
        task.name.clone(),
        workstream,
        if milestone { 0 } else { task.duration },
        milestone,
        task.constraint
            .clone()
            .filter(|c| c.kind != ConstraintKind::ASAP),
        task.deadline,
        (
            task.actual_start,
            task.actual_finish,
            task.percent_complete.round() as i64,
        ),
        (task.parent.as_deref().map(id), task.summary),
    )
}

/// A calendar as MSPDI states it: its working weekdays (Monday first), and its holidays
/// on them.
fn calendar_facts(calendar: &Calendar) -> (Vec<Weekday>, Vec<NaiveDate>) {
    let mut days = calendar.workdays.clone();
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    let holidays: BTreeSet<NaiveDate> = calendar
        .holidays
        .iter()
        .copied()
        .filter(|d| days.contains(&d.weekday()))
        .collect();
    (days, holidays.into_iter().collect())
}

/// Each workstream that has tasks, by name, with the days its tasks work on.
fn workstream_facts(program: &Program) -> BTreeMap<String, (Vec<Weekday>, Vec<NaiveDate>)> {
    program
        .workstreams
        .iter()
        .filter(|w| program.tasks.iter().any(|t| t.workstream == w.id))
        .map(|w| {
            let days = match &w.calendar {
                Some(own) => {
                    let workdays = own
                        .workdays
                        .iter()
                        .copied()
                        .filter(|d| program.calendar.workdays.contains(d))
                        .collect();
                    let holidays = program.calendar.holidays.iter().chain(&own.holidays);
                    calendar_facts(&Calendar {
                        workdays,
                        holidays: holidays.copied().collect(),
                    })
                }
                None => calendar_facts(&program.calendar),
            };
            (w.name.clone(), days)
        })
        .collect()
}

/// A random program with everything MSPDI carries: the generator's links, lags,
/// constraints and deadlines (and, with `team`, a workstream on its own calendar), plus
/// the other constraint kinds, progress, a status date, a critical-float limit, names that
/// need escaping, and ids that are plain numbers when `numeric_ids`.
fn random_program(tasks: usize, seed: u64, team: bool, numeric_ids: bool) -> Program {
    let options = Options {
        constraints: true,
        team_calendar: team,
    };
    let mut program = generate_with(Shape::Random, tasks, seed, options);
    let mut rng = SplitMix64(seed ^ 0x5eed);
    let start = program.program.start;
    let day = |n: u64| start.checked_add_days(Days::new(n)).expect("a day");
    for (i, task) in program.tasks.iter_mut().enumerate() {
        match rng.below(30) {
            0 => task.constraint = Some(constraint(ConstraintKind::ALAP, None)),
            1 => task.constraint = Some(constraint(ConstraintKind::MSO, Some(day(rng.below(60))))),
            2 => task.constraint = Some(constraint(ConstraintKind::MFO, Some(day(rng.below(60))))),
            3 => task.constraint = Some(constraint(ConstraintKind::SNLT, Some(day(rng.below(60))))),
            4 => task.constraint = Some(constraint(ConstraintKind::FNET, Some(day(rng.below(60))))),
            5 => task.deadline = Some(day(rng.below(90))),
            _ => {}
        }
        if rng.below(8) == 0 {
            task.actual_start = Some(day(rng.below(10)));
            task.percent_complete = rng.below(101) as f64;
            if rng.below(2) == 0 {
                task.actual_finish = task.actual_start.map(|s| s + Days::new(rng.below(5)));
            }
        }
        if i % 7 == 3 {
            task.name = format!("R&D <{i}> \"ok\" — café");
        }
    }
    if rng.below(2) == 0 {
        program.program.status_date = Some(day(rng.below(30)));
    }
    program.program.critical_path = CriticalPath::TotalFloat {
        max_days: rng.below(3) as i64,
    };
    if numeric_ids {
        rename(&mut program, |i| (10 * i + 3).to_string());
    }
    program
}

/// `program` with a random outline (from `seed`): summary tasks opened before a task and
/// closed after one, up to three deep, each with its tasks after it (so the generator's
/// links, from earlier tasks to later ones, stay acyclic), some with a deadline; every task
/// of a top-level summary's outline in its workstream; and links into summaries from tasks
/// before them (finish-to-start, start-to-start) and out of them to tasks after them
/// (finish-to-start, finish-to-finish). Summary ids are plain numbers with `numeric_ids`.
fn with_outline(mut program: Program, seed: u64, numeric_ids: bool) -> Program {
    let mut rng = SplitMix64(seed ^ 0x0071_1e5e);
    let start = program.program.start;
    let mut tasks = Vec::new();
    // The summaries open above the next task: (position in `tasks`).
    let mut open: Vec<usize> = Vec::new();
    // Each summary's position and the position after its last task.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let close = |open: &mut Vec<usize>, spans: &mut Vec<(usize, usize)>, end: usize| {
        if let Some(summary) = open.pop() {
            spans.push((summary, end));
        }
    };
    for (n, mut task) in std::mem::take(&mut program.tasks).into_iter().enumerate() {
        while !open.is_empty() && rng.below(4) == 0 {
            close(&mut open, &mut spans, tasks.len());
        }
        if open.len() < 3 && rng.below(5) == 0 {
            let id = if numeric_ids {
                (10 * n + 7).to_string()
            } else {
                format!("S{n}")
            };
            let deadline = (rng.below(4) == 0)
                .then(|| start.checked_add_days(Days::new(rng.below(90))))
                .flatten();
            let parent = open.last().map(|&p: &usize| tasks_id(&tasks, p));
            let workstream = match open.first() {
                Some(&root) => tasks[root].workstream.clone(),
                None => task.workstream.clone(),
            };
            tasks.push(engine::Task {
                id,
                name: format!("Phase {n}"),
                workstream,
                deadline,
                parent,
                summary: true,
                ..engine::Task::default()
            });
            open.push(tasks.len() - 1);
        }
        if let Some(&parent) = open.last() {
            task.parent = Some(tasks_id(&tasks, parent));
        }
        if let Some(&root) = open.first() {
            task.workstream = tasks[root].workstream.clone();
        }
        tasks.push(task);
    }
    while !open.is_empty() {
        close(&mut open, &mut spans, tasks.len());
    }
    program.tasks = tasks;
    link_summaries(&mut program, &spans, &mut rng);
    program
}

/// Links into some of the summaries at `spans` (each summary's position and the position
/// after its last task) from a task before it, and out of some to a task after its tasks:
/// forward, so acyclic.
fn link_summaries(program: &mut Program, spans: &[(usize, usize)], rng: &mut SplitMix64) {
    for &(summary, end) in spans {
        if summary > 0 && rng.below(2) == 0 {
            let before = rng.below(summary as u64) as usize;
            if !ancestors_of(&program.tasks, summary).contains(&before) {
                add_link(program, before, summary, [LinkType::FS, LinkType::SS], rng);
            }
        }
        if end < program.tasks.len() && rng.below(2) == 0 {
            let after = end + rng.below((program.tasks.len() - end) as u64) as usize;
            add_link(program, summary, after, [LinkType::FS, LinkType::FF], rng);
        }
    }
}

/// A link from task `from` to task `to` (positions) of one of `kinds`, the first when
/// either is a summary (the second is refused into or out of one), with a random lag;
/// none when they are linked already.
fn add_link(
    program: &mut Program,
    from: usize,
    to: usize,
    kinds: [LinkType; 2],
    rng: &mut SplitMix64,
) {
    let either = !program.tasks[from].summary && !program.tasks[to].summary;
    let kind = kinds[rng.below(if either { 2 } else { 1 }) as usize];
    let lag = rng.below(3) as i64;
    let (from, to) = (&program.tasks[from].id, &program.tasks[to].id);
    let linked = program
        .dependencies
        .iter()
        .any(|d| (&d.from, &d.to) == (from, to) || (&d.from, &d.to) == (to, from));
    if !linked {
        let dependency = link(from, to, kind, lag);
        program.dependencies.push(dependency);
    }
}

fn tasks_id(tasks: &[engine::Task], position: usize) -> String {
    tasks[position].id.clone()
}

/// The positions of the summaries above task `position`.
fn ancestors_of(tasks: &[engine::Task], position: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = tasks[position].parent.clone();
    while let Some(parent) = at {
        let p = tasks.iter().position(|t| t.id == parent).expect("a parent");
        out.push(p);
        at = tasks[p].parent.clone();
    }
    out
}

fn link(from: &str, to: &str, kind: LinkType, lag: i64) -> Dependency {
    Dependency {
        from: from.to_owned(),
        to: to.to_owned(),
        kind,
        lag,
    }
}

fn constraint(kind: ConstraintKind, date: Option<NaiveDate>) -> Constraint {
    Constraint { kind, date }
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
