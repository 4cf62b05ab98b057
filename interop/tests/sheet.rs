//! Spreadsheet rows imported: each row's problems by row and heading, duplicate and missing
//! ids, links in a loop, parents outside the file, an outline by levels or numbers (summary
//! tasks, links into and out of them; Planwork's own CSV keeping its outline), files that
//! cannot be read; random plans written by Planwork's own schedule CSV and read back whole,
//! and random bytes that never panic. The hand-made files are in `sheet_files.rs`, the column guesses in
//! `sheet_mapping.rs`.

mod common;

use common::{import, link_set, links, monday, notes, program, strings, tasks};
use engine::Program;
use interop::sheet::{
    Became, Encoding, Field, Mapping, Rules, SheetError, convert, guess_mapping, read_table,
};
use proptest::prelude::*;

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
    // The parents are summary tasks (of no duration), their rows under them.
    assert_eq!(
        tasks(program),
        strings([
            ("P-1", "Epic", "Epic", 0),
            ("P-2", "Story", "Epic", 1),
            ("P-3", "Other story", "P-9", 1),
            ("P-4", "Loop a", "Loop b", 1),
            ("P-5", "Loop b", "Loop b", 0),
        ])
    );
    let outline: Vec<(bool, Option<&str>)> = program
        .tasks
        .iter()
        .map(|t| (t.summary, t.parent.as_deref()))
        .collect();
    assert_eq!(
        outline,
        [
            (true, None),
            (false, Some("P-1")),
            (false, None),
            (false, Some("P-5")),
            (true, None)
        ],
        "P-3's parent is not in the file"
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

/// Each row's summary and whether it is one.
fn outline(program: &Program) -> Vec<(&str, bool, Option<&str>)> {
    program
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.summary, t.parent.as_deref()))
        .collect()
}

/// An MS Project sheet with its Outline Level column, from Monday 2 March 2026 (offset 0):
/// Build (its 10 d roll-up not carried) holds API 3 d → UI 2 d and QA, which holds Unit
/// 1 d; Wrap holds Sign-off 1 d.
///
/// Links: Plan → Build (FS: each of its tasks starts after Plan, Wed 4); Build → Docs (FF,
/// from its finish); QA → Launch (SS, which a summary does not take out of it: spread from
/// Unit) and Build → Launch (FS); Docs → Wrap (FF, which a summary does not take into it:
/// spread to Sign-off).
///
/// Dates: Plan Mon 2 – Tue 3; API Wed 4 – Fri 6, UI Mon 9 – Tue 10, Unit Wed 4; QA rolls up
/// to Wed 4, Build to Wed 4 – Tue 10; Docs finishes with Build, Tue 10; Sign-off finishes
/// no earlier than Docs: Tue 10.
#[test]
fn an_outline_by_levels_makes_summary_tasks() {
    let csv = "ID,Name,Duration,Outline Level,Predecessors\n\
               1,Plan,2d,1,\n\
               2,Build,10d,1,1\n\
               3,API,3d,2,\n\
               4,UI,2d,2,3\n\
               5,QA,,2,\n\
               6,Unit,1d,3,\n\
               7,Docs,1d,1,2FF\n\
               8,Launch,0,1,\"5SS, 2\"\n\
               9,Wrap,,1,7FF\n\
               10,Sign-off,1d,2,\n";
    let (_, preview) = import(csv.as_bytes(), &Rules::default());
    let program = program(&preview);
    assert_eq!(
        outline(program),
        [
            ("1", false, None),
            ("2", true, None),
            ("3", false, Some("2")),
            ("4", false, Some("2")),
            ("5", true, Some("2")),
            ("6", false, Some("5")),
            ("7", false, None),
            ("8", false, None),
            ("9", true, None),
            ("10", false, Some("9")),
        ]
    );
    assert_eq!(
        tasks(program)[..4],
        strings([
            ("1", "Plan", "General", 2),
            ("2", "Build", "Build", 0),
            ("3", "API", "Build", 3),
            ("4", "UI", "Build", 2),
        ])
    );
    assert_eq!(
        links(program),
        link_set([
            ("1", "2", "FS", 0),
            ("3", "4", "FS", 0),
            ("2", "7", "FF", 0),
            ("6", "8", "SS", 0),
            ("2", "8", "FS", 0),
            ("7", "10", "FF", 0),
        ])
    );
    let notes = notes(&preview);
    for expected in [
        "row 2 'Build': a summary task's own Duration '10d' not carried: its dates roll up from its tasks",
        "row 8 'Launch': a start-to-start link 5 → 8 out of a summary task (5): spread from its tasks (6), an approximation (a link out of a summary task is finish-to-start or finish-to-finish)",
        "row 9 'Wrap': a finish-to-finish link 7 → 9 into a summary task (9): spread to its tasks (10), an approximation (a link into a summary task is finish-to-start or start-to-start)",
    ] {
        assert!(
            notes.iter().any(|n| n == expected),
            "{expected}\n{notes:#?}"
        );
    }
    assert_eq!(
        preview.report.summary(),
        "6 tasks, 1 milestone, 6 links; 3 summary tasks"
    );
    let checked = engine::check(program).expect("checks");
    let schedule = engine::schedule_checked(&checked).expect("schedules");
    let day = |d| common::day(2026, 3, d);
    let dates: Vec<(chrono::NaiveDate, chrono::NaiveDate)> =
        schedule.tasks.iter().map(|t| (t.start, t.finish)).collect();
    assert_eq!(
        dates[..7],
        [
            (day(2), day(3)),
            (day(4), day(10)),
            (day(4), day(6)),
            (day(9), day(10)),
            (day(4), day(4)),
            (day(4), day(4)),
            (day(10), day(10)),
        ]
    );
    assert_eq!(dates[9], (day(10), day(10)), "Sign-off");
}

/// An outline number (WBS) gives the level by its parts; a Parent cell wins over it; a
/// value that is neither is a problem of its row; a parent whose rows are all skipped is a
/// task.
#[test]
fn an_outline_by_numbers_and_by_parents() {
    let csv = "Key,Summary,WBS,Parent\n\
               A,Alpha,1,\n\
               B,Beta,1.1,\n\
               C,Gamma,1.1.1,\n\
               D,Delta,2,A\n\
               E,Eps,x..y,\n\
               F,Phi,3,\n\
               G,,3.1,\n";
    let (_, preview) = import(csv.as_bytes(), &Rules::default());
    let program = program(&preview);
    assert_eq!(
        outline(program),
        [
            ("A", true, None),
            ("B", true, Some("A")),
            ("C", false, Some("B")),
            ("D", false, Some("A")),
            ("E", false, None),
            ("F", false, None),
        ]
    );
    let problems: Vec<String> = preview
        .rows
        .iter()
        .flat_map(|r| r.problems.iter().map(ToString::to_string))
        .collect();
    assert_eq!(
        problems,
        [
            "row 5, WBS: 'x..y' is not an outline number (1, 1.2, 1.2.3 …): not used",
            "row 7, Summary: no name: the row is skipped",
        ]
    );
}

/// Planwork's own schedule CSV of an outlined plan comes back with its outline, by its
/// Outline column (the summary tasks' spans in the Duration column reported, not carried).
#[test]
fn planworks_own_csv_keeps_its_outline() {
    let original = planfile::read(
        r#"{"program": {"name": "Outline", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "Build"}],
            "tasks": [
              {"id": "1", "name": "Spec", "workstream": "w", "duration": 2},
              {"id": "2", "name": "Release", "workstream": "w", "summary": true},
              {"id": "3", "name": "Backend", "workstream": "w", "summary": true, "parent": "2"},
              {"id": "4", "name": "API", "workstream": "w", "duration": 3, "parent": "3"},
              {"id": "5", "name": "Docs", "workstream": "w", "duration": 1, "parent": "2"},
              {"id": "6", "name": "Deploy", "workstream": "w", "duration": 1}],
            "dependencies": [{"from": "1", "to": "2"}, {"from": "2", "to": "6", "type": "FF"}]}"#,
    )
    .expect("reads")
    .program;
    let schedule = engine::schedule(&original).expect("schedules");
    let csv = interop::schedule_csv(&original, &schedule);
    let (_, preview) = import(csv.as_bytes(), &Rules::default());
    let back = program(&preview);
    assert_eq!(outline(back), outline(&original));
    assert_eq!(links(back), links(&original));
    let notes = notes(&preview);
    assert!(
        notes.contains(&"row 2 'Release': a summary task's own Duration (working days) '3' not carried: its dates roll up from its tasks".to_owned()),
        "{notes:#?}"
    );
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
