//! Spreadsheet exports imported: the hand-made files in `tests/files/sheets/` (Jira, Excel's
//! "Unicode text", a European Excel CSV, Smartsheet) by hand, each row's problems by row and
//! heading, the column guesses, files that cannot be read, random plans written by
//! Planwork's own schedule CSV and read back whole, and random bytes that never panic.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use engine::{ConstraintKind, Program};
use interop::sheet::{
    Became, DateOrder, Encoding, Field, Mapping, Preview, Rules, Separator, SheetError, Table,
    convert, guess_field, guess_mapping, read_table, suggested_start,
};
use proptest::prelude::*;

fn file(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../tests/files/sheets/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

/// Monday 2 March 2026.
fn monday() -> NaiveDate {
    day(2026, 3, 2)
}

fn import(bytes: &[u8], rules: &Rules) -> (Table, Preview) {
    let table = read_table(bytes).expect("reads");
    let preview = convert(&table, &guess_mapping(&table), rules, monday());
    (table, preview)
}

fn program(preview: &Preview) -> &Program {
    let program = preview
        .program
        .as_ref()
        .unwrap_or_else(|| panic!("refused: {:?}", preview.refused));
    let checked = engine::check(program).expect("the program checks");
    engine::schedule_checked(&checked).expect("and schedules");
    program
}

/// Each task as (id, name, workstream's name, duration).
fn tasks(program: &Program) -> Vec<(String, String, String, i64)> {
    program
        .tasks
        .iter()
        .map(|t| {
            let workstream = program
                .workstreams
                .iter()
                .find(|w| w.id == t.workstream)
                .map_or("?", |w| w.name.as_str());
            (
                t.id.clone(),
                t.name.clone(),
                workstream.to_owned(),
                t.duration,
            )
        })
        .collect()
}

fn links(program: &Program) -> BTreeSet<(String, String, String, i64)> {
    program
        .dependencies
        .iter()
        .map(|d| (d.from.clone(), d.to.clone(), format!("{:?}", d.kind), d.lag))
        .collect()
}

fn strings<const N: usize>(
    rows: [(&str, &str, &str, i64); N],
) -> Vec<(String, String, String, i64)> {
    rows.iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), *d))
        .collect()
}

fn link_set<const N: usize>(
    rows: [(&str, &str, &str, i64); N],
) -> BTreeSet<(String, String, String, i64)> {
    strings(rows).into_iter().collect()
}

fn notes(preview: &Preview) -> Vec<String> {
    preview
        .report
        .notes
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_jira_export_by_hand() {
    let rules = Rules {
        days_per_point: 0.5,
        ..Rules::default()
    };
    let (table, preview) = import(&file("jira-export.csv"), &rules);
    assert_eq!(table.encoding, Encoding::Utf8);
    assert_eq!(table.len(), 10, "the multi-line description is one cell");
    assert!(table.cell(4, 9).contains("\"3-D Secure\" challenge"));
    let program = program(&preview);
    // Epics SHOP-1 and SHOP-2 are workstreams; SHOP-5 (a story with a sub-task) is a
    // parent too, under SHOP-2. Durations: SHOP-3 3 points × 0.5 = 1.5 → 2; SHOP-4 its
    // estimate (57,600 s = 16 h = 2 d) before its points; SHOP-6 4 h → 1 d; SHOP-7 8 h;
    // SHOP-8 a milestone by its type; SHOP-9 2 points → 1 d.
    assert_eq!(
        tasks(program),
        strings([
            ("SHOP-3", "Cart page layout", "Checkout redesign", 2),
            ("SHOP-4", "Address form", "Checkout redesign", 2),
            ("SHOP-6", "Card payment: 3-D Secure", "Payments", 1),
            ("SHOP-7", "Rounding error in totals", "Platform", 1),
            ("SHOP-8", "Release 2.0", "General", 0),
            ("SHOP-9", "Load test the payment API", "Platform", 1),
        ])
    );
    assert!(program.tasks[4].is_milestone());
    assert_eq!(
        program.tasks[4].deadline,
        Some(day(2026, 3, 27)),
        "its Due date"
    );
    // Each link is on both of its issues (inward and outward) and kept once; SHOP-4 blocks
    // the story SHOP-5, so its sub-task SHOP-6.
    assert_eq!(
        links(program),
        link_set([
            ("SHOP-3", "SHOP-7", "FS", 0),
            ("SHOP-4", "SHOP-6", "FS", 0),
            ("SHOP-6", "SHOP-8", "FS", 0),
            ("SHOP-7", "SHOP-8", "FS", 0),
            ("SHOP-9", "SHOP-8", "FS", 0),
        ])
    );
    let became: Vec<&Became> = preview.rows.iter().map(|r| &r.became).collect();
    let parent = |name: &str| Became::Parent {
        workstream: name.to_owned(),
    };
    assert_eq!(became[0], &parent("Checkout redesign"));
    assert_eq!(became[4], &parent("Payments"));
    assert_eq!(became[9], &Became::Skipped);
    let problems: Vec<String> = preview
        .rows
        .iter()
        .flat_map(|r| r.problems.iter().map(ToString::to_string))
        .collect();
    assert_eq!(
        problems,
        [
            "row 7, Inward issue link (Blocks): 'SHOP-99' is not in the file: link dropped",
            "row 10, Summary: no name: the row is skipped",
        ]
    );
    let notes = notes(&preview);
    for expected in [
        "task ids are the 'Issue key' column's values",
        "row 5 (SHOP-5) 'Card payment': a parent under 'Payments': its tasks are in that workstream; the row itself is not a task (Planwork has no summary tasks yet)",
        "3 durations from estimates in seconds: seconds ÷ 3,600 ÷ 8 hours a day; 1 rounded to whole days (at least 1)",
        "2 durations from story points: points × 0.5 working days a point; 1 rounded to whole days (at least 1)",
        "row 4 (SHOP-4) 'Address form': a link SHOP-4 → SHOP-5 with a parent, spread to its tasks (SHOP-6)",
    ] {
        assert!(
            notes.iter().any(|n| n == expected),
            "{expected}\n{notes:#?}"
        );
    }
    assert_eq!(
        preview.report.summary(),
        "5 tasks, 1 milestone, 5 links; 3 summary tasks; 1 row skipped"
    );
}

#[test]
fn excel_unicode_text_by_hand() {
    let bytes = file("excel-unicode-text.txt");
    assert_eq!(
        &bytes[..2],
        [0xFF, 0xFE],
        "UTF-16 LE with its byte-order mark"
    );
    let (table, preview) = import(&bytes, &Rules::default());
    assert_eq!(
        (table.encoding, table.separator),
        (Encoding::Utf16Le, Separator::Tab)
    );
    let program = program(&preview);
    assert_eq!(
        tasks(program),
        strings([
            ("1", "Étude de faisabilité", "General", 5),
            ("2", "Прототип", "General", 10),
            ("3", "設計レビュー", "General", 1),
            ("4", "Tests d'intégration\n(phase 1)", "General", 3),
            ("5", "Livraison", "General", 0),
        ])
    );
    assert_eq!(
        links(program),
        link_set([
            ("1", "2", "FS", 0),
            ("2", "3", "FS", 0),
            ("2", "4", "SS", 2),
            ("3", "5", "FS", 0),
            ("4", "5", "FS", 0),
        ])
    );
    assert!(preview.rows.iter().all(|r| r.is_ok()));
    assert_eq!(preview.rows[4].line, 6, "after the two-line cell");
    assert_eq!(
        notes(&preview),
        [
            "task ids are the 'ID' column's values",
            "dates read as month/day/year: '3/20/2026' (row 2) can be read no other way",
            "Start date not used: tasks with predecessors, which their links place: 4 tasks",
            "Finish date not used: tasks whose duration comes from the Duration column: 5 tasks",
        ]
    );
}

#[test]
fn a_european_excel_csv_by_hand() {
    let (table, preview) = import(&file("excel-europe.csv"), &Rules::default());
    assert_eq!(
        (table.encoding, table.separator),
        (Encoding::Utf8Bom, Separator::Semicolon)
    );
    let program = program(&preview);
    assert_eq!(
        tasks(program),
        strings([
            ("1", "Kick-off", "PMO", 1),
            ("2", "Requirements", "Analysis", 3),
            ("3", "Design", "Analysis", 3),
            ("4", "Build", "Engineering", 10),
            ("5", "Test", "Engineering", 4),
            ("6", "Go-live", "PMO", 0),
        ])
    );
    assert_eq!(
        links(program),
        link_set([
            ("1", "2", "FS", 0),
            ("2", "3", "FS", 0),
            ("3", "5", "FS", 0),
            ("4", "5", "FS", 0),
            ("5", "6", "FS", 0),
        ])
    );
    // Build has no predecessors: its Start 16/03 holds it; Kick-off's is the program start.
    let build = program.tasks[3].constraint.as_ref().expect("a constraint");
    assert_eq!(
        (build.kind, build.date),
        (ConstraintKind::SNET, Some(day(2026, 3, 16)))
    );
    assert_eq!(program.tasks[0].constraint, None);
    assert_eq!(program.tasks[5].deadline, Some(day(2026, 3, 31)), "its End");
    let notes = notes(&preview);
    for expected in [
        "dates read as day/month/year: '16/03/2026' (row 4) can be read no other way",
        "row 1 'Kick-off': duration '0,5' (0.5 d) rounded to 1 d",
        "row 3 'Design': duration '2,5' (2.5 d) rounded to 3 d",
        "start no earlier than their Start date: tasks without predecessors (a Start on or before the program start sets nothing): 1 task",
        "Finish date made a deadline: tasks without a Start (a deadline never moves a task; a later finish shows as late): 1 task",
    ] {
        assert!(
            notes.iter().any(|n| n == expected),
            "{expected}\n{notes:#?}"
        );
    }
    assert_eq!(
        suggested_start(&table, &guess_mapping(&table), &Rules::default()),
        Some(monday())
    );
}

#[test]
fn a_smartsheet_sheet_by_hand() {
    let (_, preview) = import(&file("smartsheet.csv"), &Rules::default());
    let program = program(&preview);
    // Row 4 is blank: it keeps its number, so "5" is Integrate, as in Smartsheet.
    assert_eq!(
        tasks(program),
        strings([
            ("1", "Plan sprint", "General", 2),
            ("2", "Build API", "General", 5),
            ("3", "Build UI", "General", 5),
            ("5", "Integrate", "General", 3),
            ("6", "Demo", "General", 0),
        ])
    );
    assert_eq!(preview.rows[3].became, Became::Blank);
    assert_eq!(
        links(program),
        link_set([
            ("1", "2", "FS", 0),
            ("1", "3", "FS", 0),
            ("2", "5", "FS", 1),
            ("3", "5", "SS", 0),
            ("5", "6", "FS", 0),
        ])
    );
    assert!(notes(&preview).contains(
        &"dates read as month/day/year: '03/16/26' (row 5) can be read no other way".to_owned()
    ));
}

#[test]
fn each_rows_problems_name_the_row_and_heading() {
    let csv = "Task Name,Duration,Predecessors,Story Points\n\
               Design,5d,,\n\
               ,3d,1,\n\
               Build,abc,1,x\n\
               Test,2d,\"1, 9, 3FS+\",\n";
    let (_, preview) = import(csv.as_bytes(), &Rules::default());
    let program = program(&preview);
    let problems: Vec<(usize, Option<&str>, &str)> = preview
        .rows
        .iter()
        .flat_map(|r| {
            r.problems
                .iter()
                .map(|p| (p.row, p.heading.as_deref(), p.message.as_str()))
        })
        .collect();
    assert_eq!(
        problems,
        [
            (2, Some("Task Name"), "no name: the row is skipped"),
            (
                3,
                Some("Duration"),
                "'abc': not a duration: give working days like 5, 5d, 2.5d or 3w; not used"
            ),
            (3, Some("Story Points"), "'x' is not a number: not used"),
            (
                4,
                Some("Predecessors"),
                "'9': there is no task '9': link dropped"
            ),
            (
                4,
                Some("Predecessors"),
                "'3FS+': the lag is not a number of days like +2d or -1w: link dropped"
            ),
        ]
    );
    assert_eq!(preview.rows[1].became, Became::Skipped);
    // Build is carried with the default duration; Test keeps its good link.
    assert_eq!(
        tasks(program),
        strings([
            ("1", "Design", "General", 5),
            ("3", "Build", "General", 1),
            ("4", "Test", "General", 2),
        ])
    );
    assert_eq!(
        links(program),
        link_set([("1", "3", "FS", 0), ("1", "4", "FS", 0)])
    );
    assert!(
        notes(&preview).contains(
            &"1 task with no duration, estimate or dates got the default of 1 working day (rows 3)"
                .to_owned()
        )
    );
    assert!(notes(&preview).contains(&"row 2: Task Name: no name: the row is skipped".to_owned()));
}

#[test]
fn headings_from_every_tool_are_guessed() {
    let guesses = [
        ("Summary", Field::Name),
        ("Title", Field::Name),
        ("Task Name", Field::Name),
        ("Issue key", Field::Id),
        ("Key", Field::Id),
        ("Work Item Id", Field::Id),
        ("Issue id", Field::OtherId),
        ("Parent", Field::Parent),
        ("Parent id", Field::Parent),
        ("Epic Link", Field::Parent),
        ("Custom field (Epic Link)", Field::Parent),
        ("Parent Link", Field::Parent),
        ("Parent summary", Field::Ignore),
        ("Original Estimate", Field::EstimateSeconds),
        ("Original Estimate (h)", Field::EstimateHours),
        ("Story Points", Field::StoryPoints),
        ("Custom field (Story point estimate)", Field::StoryPoints),
        ("Effort", Field::StoryPoints),
        ("Team", Field::Workstream),
        ("Component/s", Field::Workstream),
        ("Area Path", Field::Workstream),
        ("Duration", Field::Duration),
        ("Duration (working days)", Field::Duration),
        ("Start", Field::Start),
        ("Start Date", Field::Start),
        ("Finish", Field::Finish),
        ("End Date", Field::Finish),
        ("Due Date", Field::Finish),
        ("Predecessors", Field::Predecessors),
        ("Blocks", Field::Blocks),
        ("Inward issue link (Blocks)", Field::BlockedBy),
        ("Outward issue link (Blocks)", Field::Blocks),
        ("Inward issue link (Relates)", Field::Ignore),
        ("Issue Type", Field::IssueType),
        ("Total float (working days)", Field::Ignore),
        ("Remaining Estimate", Field::Ignore),
        ("Description", Field::Ignore),
    ];
    for (heading, field) in guesses {
        assert_eq!(guess_field(heading), field, "{heading}");
        assert_eq!(
            guess_field(&heading.to_uppercase()),
            field,
            "{heading} in capitals"
        );
    }
    // Azure DevOps keeps its estimates in hours; its ID is the id.
    let azure =
        read_table(b"ID,Work Item Type,Title,Original Estimate,Parent,Area Path\n").expect("reads");
    assert_eq!(
        guess_mapping(&azure).columns,
        [
            Field::Id,
            Field::IssueType,
            Field::Name,
            Field::EstimateHours,
            Field::Parent,
            Field::Workstream
        ]
    );
    // Without an Issue key, the Issue id is the id.
    let ids = read_table(b"Issue id,Summary\n").expect("reads");
    assert_eq!(guess_mapping(&ids).columns, [Field::Id, Field::Name]);
    // Planwork's own schedule CSV.
    let own: Vec<Field> =
        interop::sheet::guess_mapping(&read_table(interop_headings().as_bytes()).expect("reads"))
            .columns;
    assert_eq!(
        own,
        [
            Field::Id,
            Field::Name,
            Field::Workstream,
            Field::Start,
            Field::Finish,
            Field::Duration,
            Field::Ignore,
            Field::Ignore,
            Field::Ignore,
            Field::Predecessors,
            Field::Ignore
        ]
    );
}

/// The heading line of Planwork's schedule CSV.
fn interop_headings() -> String {
    let program = minimal_program();
    let schedule = engine::schedule(&program).expect("schedules");
    let csv = interop::schedule_csv(&program, &schedule);
    csv.lines().next().unwrap_or_default().to_owned()
}

fn minimal_program() -> Program {
    serde_json::from_str(
        r#"{"program": {"name": "P", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "W"}],
            "tasks": [{"id": "1", "name": "A", "workstream": "w", "duration": 1}]}"#,
    )
    .expect("a program")
}

#[test]
fn a_mapping_is_plain_data_the_user_can_change() {
    let table = read_table(b"Name,Size\nDesign,3\n").expect("reads");
    let mut mapping = guess_mapping(&table);
    assert_eq!(mapping.columns, [Field::Name, Field::StoryPoints]);
    let json = serde_json::to_string(&mapping).expect("serialises");
    assert_eq!(json, r#"{"columns":["name","story_points"]}"#);
    mapping = serde_json::from_str(r#"{"columns":["name","duration"]}"#).expect("reads back");
    let preview = convert(&table, &mapping, &Rules::default(), monday());
    assert_eq!(
        program(&preview).tasks[0].duration,
        3,
        "days, as the user said"
    );
    let rules: Rules = serde_json::from_str(
        r#"{"days_per_point": 2.0, "hours_per_day": 7.5, "default_days": 0, "date_order": "day_first"}"#,
    )
    .expect("rules read");
    assert_eq!(rules.date_order, DateOrder::DayFirst);
    let no_name = Mapping {
        columns: vec![Field::Ignore, Field::Duration],
    };
    let refused = convert(&table, &no_name, &Rules::default(), monday());
    assert_eq!(
        refused.refused.as_deref(),
        Some("no column holds the task names: choose one as Name")
    );
    let bad_rules = Rules {
        days_per_point: 0.0,
        ..Rules::default()
    };
    let refused = convert(&table, &mapping, &bad_rules, monday());
    assert!(refused.program.is_none());
}

#[test]
fn duplicate_and_missing_ids_are_numbered_and_reported() {
    let csv = "ID,Name,Predecessors\n7,A,\n7,B,7\n,C,7\nX,D,1\n";
    let (_, preview) = import(csv.as_bytes(), &Rules::default());
    let program = program(&preview);
    let ids: Vec<&str> = program.tasks.iter().map(|t| t.id.as_str()).collect();
    // The second 7 is 7-2; C has no id: its row number, 3; D's predecessor "1" is no id.
    assert_eq!(ids, ["7", "7-2", "3", "X"]);
    assert_eq!(
        preview.rows[1].problems[0].to_string(),
        "row 2, ID: '7' is an earlier row's id too: the task's id is '7-2'"
    );
    assert_eq!(
        links(program),
        link_set([("7", "7-2", "FS", 0), ("7", "3", "FS", 0)])
    );
}

#[test]
fn links_in_a_loop_refuse_the_import_naming_the_tasks() {
    let csv = "Key,Summary,Blocks\nA-1,Design,A-2\nA-2,Build,A-3\nA-3,Test,A-1\n";
    let (_, preview) = import(csv.as_bytes(), &Rules::default());
    assert!(preview.program.is_none());
    let why = preview.refused.expect("refused");
    assert!(
        why.starts_with("the links go round in a loop") && why.contains("A-1 → A-2 → A-3 → A-1"),
        "{why}"
    );
    assert_eq!(preview.rows.len(), 3, "the rows are still shown");
}

#[test]
fn parents_outside_the_file_and_links_within_a_parent() {
    let csv = "Issue key,Summary,Parent,Blocks\n\
               P-1,Epic,,P-2\n\
               P-2,Story,P-1,\n\
               P-3,Other story,P-9,\n\
               P-4,Loop a,P-5,\n\
               P-5,Loop b,P-4,\n";
    let (_, preview) = import(csv.as_bytes(), &Rules::default());
    let program = program(&preview);
    assert_eq!(
        tasks(program),
        strings([
            ("P-2", "Story", "Epic", 1),
            ("P-3", "Other story", "P-9", 1),
            ("P-4", "Loop a", "Loop b", 1),
        ])
    );
    assert!(program.dependencies.is_empty());
    let problems: Vec<String> = preview
        .rows
        .iter()
        .flat_map(|r| r.problems.iter().map(ToString::to_string))
        .collect();
    assert_eq!(
        problems,
        [
            "row 1, Blocks: a link between a parent and its own task ('P-2'): dropped",
            "row 5, Parent: its parents go round in a loop: read as having no parent",
        ]
    );
}

#[test]
fn the_order_of_day_and_month_is_chosen_or_stated() {
    let csv = "Name,Start,Finish\nA,03/04/2026,03/05/2026\n";
    let table = read_table(csv.as_bytes()).expect("reads");
    let mapping = guess_mapping(&table);
    let start = |order| {
        let rules = Rules {
            date_order: order,
            ..Rules::default()
        };
        let preview = convert(&table, &mapping, &rules, day(2026, 1, 5));
        let note = notes(&preview)[1].clone();
        let task = &program(&preview).tasks[0];
        (
            task.constraint.as_ref().and_then(|c| c.date),
            task.duration,
            note,
        )
    };
    let (date, days, note) = start(DateOrder::Auto);
    assert_eq!((date, days), (Some(day(2026, 3, 4)), 2));
    assert_eq!(
        note,
        "dates read as month/day/year: '03/04/2026' could be either; month first because the file is separated by commas, as US Excel, Smartsheet and Jira write it (choose the order if that is wrong)"
    );
    let (date, days, note) = start(DateOrder::DayFirst);
    assert_eq!(
        (date, days),
        (Some(day(2026, 4, 3)), 21),
        "3 April to 3 May"
    );
    assert_eq!(note, "dates read as day/month/year: as chosen");
}

#[test]
fn files_that_cannot_be_read_say_why_and_where() {
    let error = read_table(b"Name\nCaf\xe9\n").expect_err("Windows-1252");
    assert_eq!(
        error,
        SheetError::Encoding {
            offset: 8,
            problem: "not UTF-8 text: byte 0xE9 on line 2 is not UTF-8 (an older encoding such as Windows-1252?)".to_owned()
        }
    );
    assert_eq!(
        error.to_string(),
        "not UTF-8 text: byte 0xE9 on line 2 is not UTF-8 (an older encoding such as Windows-1252?) (at byte offset 8); save it from the spreadsheet as 'CSV UTF-8' or 'Unicode text'"
    );
    let mut utf16_be = vec![0xFE, 0xFF];
    utf16_be.extend("Name\nÉtude\n".encode_utf16().flat_map(u16::to_be_bytes));
    let table = read_table(&utf16_be).expect("UTF-16 BE reads");
    assert_eq!(
        (table.encoding, table.cell(0, 0)),
        (Encoding::Utf16Be, "Étude")
    );
    assert!(matches!(
        read_table(&[0xFF, 0xFE, b'N', 0, b'a']),
        Err(SheetError::Encoding { offset: 4, .. })
    ));
    assert!(matches!(
        read_table(&[0xFF, 0xFE, 0x00, 0xD8, b'a', 0]),
        Err(SheetError::Encoding { offset: 2, .. })
    ));
    assert!(matches!(
        read_table(b"N\0a\0m\0e\0"),
        Err(SheetError::Encoding { offset: 1, .. })
    ));
    let xlsx = read_table(b"PK\x03\x04rest").expect_err("a workbook");
    assert!(
        xlsx.to_string().contains("Excel workbook (.xlsx)"),
        "{xlsx}"
    );
    assert_eq!(read_table(b""), Err(SheetError::Empty));
    assert_eq!(
        read_table(b"Name,Notes\nA,\"never closed\nB,x\n"),
        Err(SheetError::UnclosedQuote { line: 2 })
    );
    let big = vec![b' '; interop::sheet::MAX_BYTES + 1];
    assert!(matches!(read_table(&big), Err(SheetError::TooLarge { .. })));
    let mut many = b"Name\n".to_vec();
    many.extend(b"x\n".repeat(interop::sheet::MAX_ROWS + 1));
    assert_eq!(read_table(&many), Err(SheetError::TooManyRows));
    let wide = b",".repeat(interop::sheet::MAX_CELLS + 1);
    assert_eq!(read_table(&wide), Err(SheetError::TooManyCells));
}

#[test]
fn repeated_headings_are_separate_columns() {
    let table =
        read_table(b"Key,Summary,Blocks,Blocks\nA,One,B,C\nB,Two,,\nC,Three,,\n").expect("reads");
    assert_eq!(table.headings, ["Key", "Summary", "Blocks", "Blocks"]);
    let preview = convert(&table, &guess_mapping(&table), &Rules::default(), monday());
    assert_eq!(
        links(program(&preview)),
        link_set([("A", "B", "FS", 0), ("A", "C", "FS", 0)])
    );
}

/// Names a spreadsheet and a CSV must carry as they are: separators, quotes, line breaks,
/// what a spreadsheet would take for a formula.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-zé0-9 ,;\t\"=+@\n-]{1,16}".prop_filter("a visible name, as trimmed", |n| {
        n.trim() == n && !n.is_empty()
    })
}

fn shape() -> impl Strategy<Value = engine::generate::Shape> {
    use engine::generate::Shape;
    prop_oneof![
        Just(Shape::Chain),
        Just(Shape::Layered),
        Just(Shape::Random)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// A plan written by Planwork's schedule CSV and read back by the guesses comes back
    /// with the same tasks, durations, workstreams and links.
    #[test]
    fn planworks_own_csv_comes_back_whole(
        shape in shape(),
        count in 1usize..40,
        seed in any::<u64>(),
        names in proptest::collection::vec(name(), 40),
    ) {
        let options = engine::generate::Options { constraints: false, team_calendar: false };
        let mut original = engine::generate::generate_with(shape, count, seed, options);
        for (task, name) in original.tasks.iter_mut().zip(names) {
            task.name = name;
        }
        let schedule = engine::schedule(&original).expect("schedules");
        let csv = interop::schedule_csv(&original, &schedule);
        let table = read_table(csv.as_bytes()).expect("reads");
        let preview = convert(&table, &guess_mapping(&table), &Rules::default(), original.program.start);
        prop_assert!(preview.rows.iter().all(|r| r.is_ok()), "{:?}", preview.rows);
        let back = program(&preview);
        prop_assert_eq!(tasks(back), tasks(&original));
        prop_assert_eq!(links(back), links(&original));
        let milestones = |p: &Program| p.tasks.iter().map(|t| t.is_milestone()).collect::<Vec<_>>();
        prop_assert_eq!(milestones(back), milestones(&original));
    }

    /// Any bytes: a table or a reason, never a panic; a table converts without one too.
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(table) = read_table(&bytes) {
            let _ = convert(&table, &guess_mapping(&table), &Rules::default(), monday());
        }
    }

    /// Text made of the characters that matter to the reader and the conversion, under
    /// random mappings: never a panic, and a program only when it checks.
    #[test]
    fn random_sheets_never_panic(
        text in "[\"',;\t\r\n a-c0-9/.:+-]{0,300}",
        prefix in prop_oneof![Just(&b""[..]), Just(&b"\xef\xbb\xbf"[..]), Just(&b"sep=;\n"[..])],
        fields in proptest::collection::vec(proptest::sample::select(Field::ALL.to_vec()), 0..8),
    ) {
        let mut bytes = prefix.to_vec();
        bytes.extend(text.as_bytes());
        if let Ok(table) = read_table(&bytes) {
            let mut mapping = Mapping { columns: fields };
            mapping.columns.push(Field::Name);
            let preview = convert(&table, &mapping, &Rules::default(), monday());
            if let Some(program) = &preview.program {
                prop_assert!(engine::check(program).is_ok());
            }
            let _ = convert(&table, &guess_mapping(&table), &Rules::default(), monday());
        }
    }
}
