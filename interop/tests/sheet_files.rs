//! Spreadsheet exports imported by hand: the hand-made files in `tests/files/sheets/`
//! (Jira, Excel's "Unicode text", a European Excel CSV, Smartsheet), each read, converted
//! and checked task by task, link by link, note by note.

mod common;

use common::{
    day, demands, import, link_set, links, monday, notes, program, resources, strings, tasks,
};
use engine::ConstraintKind;
use interop::sheet::{Became, Encoding, Rules, Separator, guess_mapping, suggested_start};

/// A hand-made export from `tests/files/sheets/`.
fn file(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../tests/files/sheets/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
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
    // Epics SHOP-1 and SHOP-2 are summary tasks, each naming the workstream of its
    // stories; SHOP-5 (a story with a sub-task) is a summary task too, under SHOP-2, its 8
    // points not carried. Durations: SHOP-3 3 points × 0.5 = 1.5 → 2; SHOP-4 its estimate
    // (57,600 s = 16 h = 2 d) before its points; SHOP-6 4 h → 1 d; SHOP-7 8 h; SHOP-8 a
    // milestone by its type; SHOP-9 2 points → 1 d.
    assert_eq!(
        tasks(program),
        strings([
            ("SHOP-1", "Checkout redesign", "Checkout redesign", 0),
            ("SHOP-2", "Payments", "Payments", 0),
            ("SHOP-3", "Cart page layout", "Checkout redesign", 2),
            ("SHOP-4", "Address form", "Checkout redesign", 2),
            ("SHOP-5", "Card payment", "Payments", 0),
            ("SHOP-6", "Card payment: 3-D Secure", "Payments", 1),
            ("SHOP-7", "Rounding error in totals", "Platform", 1),
            ("SHOP-8", "Release 2.0", "General", 0),
            ("SHOP-9", "Load test the payment API", "Platform", 1),
        ])
    );
    let outline: Vec<(&str, bool, Option<&str>)> = program
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.summary, t.parent.as_deref()))
        .collect();
    assert_eq!(
        outline,
        [
            ("SHOP-1", true, None),
            ("SHOP-2", true, None),
            ("SHOP-3", false, Some("SHOP-1")),
            ("SHOP-4", false, Some("SHOP-1")),
            ("SHOP-5", true, Some("SHOP-2")),
            ("SHOP-6", false, Some("SHOP-5")),
            ("SHOP-7", false, None),
            ("SHOP-8", false, None),
            ("SHOP-9", false, None),
        ],
        "the Epic Link and Parent (an Issue id) columns"
    );
    assert!(program.tasks[7].is_milestone());
    assert_eq!(
        program.tasks[7].deadline,
        Some(day(2026, 3, 27)),
        "its Due date"
    );
    // Each link is on both of its issues (inward and outward) and kept once; SHOP-4 blocks
    // the story SHOP-5, a summary task: a link into it (its sub-task SHOP-6 waits).
    assert_eq!(
        links(program),
        link_set([
            ("SHOP-3", "SHOP-7", "FS", 0),
            ("SHOP-4", "SHOP-5", "FS", 0),
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
        "row 1 (SHOP-1) 'Checkout redesign': a summary task; it and the rows under it are in the workstream 'Checkout redesign'",
        "row 5 (SHOP-5) 'Card payment': a summary task under 'Payments'; it and the rows under it are in that workstream",
        "row 5 (SHOP-5) 'Card payment': a summary task's own Custom field (Story point estimate) '8' not carried: its dates roll up from its tasks",
        "3 durations from estimates in seconds: seconds ÷ 3,600 ÷ 8 hours a day; 1 rounded to whole days (at least 1)",
        "2 durations from story points: points × 0.5 working days a point; 1 rounded to whole days (at least 1)",
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
    // Resource Names: Zoë on the first task, a resource of her own (its id from her name).
    assert_eq!(
        resources(program),
        [("zoë".to_owned(), "Zoë".to_owned(), 1.0)]
    );
    assert_eq!(demands(program), [("1".to_owned(), "zoë".to_owned())]);
    assert_eq!(
        notes(&preview),
        [
            "task ids are the 'ID' column's values",
            "dates read as month/day/year: '3/20/2026' (row 2) can be read no other way",
            "resource 'Zoë' created with 1 unit a day",
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
    // Assigned To: Ana, Ben and Cy, each a resource of one unit a day, made in the order
    // they come; Demo, a milestone, keeps Ana's name on it.
    let person = |id: &str, name: &str| (id.to_owned(), name.to_owned(), 1.0);
    assert_eq!(
        resources(program),
        [
            person("ana", "Ana"),
            person("ben", "Ben"),
            person("cy", "Cy")
        ]
    );
    let on = |task: &str, demands: &str| (task.to_owned(), demands.to_owned());
    assert_eq!(
        demands(program),
        [
            on("1", "ana"),
            on("2", "ben"),
            on("3", "cy"),
            on("5", "ben"),
            on("6", "ana")
        ]
    );
    for name in ["Ana", "Ben", "Cy"] {
        let note = format!("resource '{name}' created with 1 unit a day");
        assert_eq!(notes(&preview).iter().filter(|n| **n == note).count(), 1);
    }
    assert_eq!(
        preview.report.summary(),
        "4 tasks, 1 milestone, 5 links; 3 resources, 5 demands"
    );
}
