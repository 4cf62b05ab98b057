//! Spreadsheet columns and rules: the headings every tool writes guessed as fields, the
//! mapping and rules as plain data the user can change, the order of day and month chosen
//! or stated, repeated headings kept apart.

mod common;

use common::{day, link_set, links, monday, notes, program};
use engine::Program;
use interop::sheet::{
    DateOrder, Field, Mapping, Rules, convert, guess_field, guess_mapping, read_table,
};

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
        ("Outline Level", Field::OutlineLevel),
        ("Level", Field::OutlineLevel),
        ("Outline Number", Field::OutlineNumber),
        ("WBS", Field::OutlineNumber),
        ("Outline", Field::OutlineNumber),
        ("Summary task", Field::Ignore),
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
        ("Resource Names", Field::Resources),
        ("Resources", Field::Resources),
        ("Assigned To", Field::Resources),
        ("Team Members", Field::Resources),
        ("Assignee", Field::Assignee),
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
    // Planwork's own schedule CSV: its Outline read as outline numbers, its Summary task
    // column not read (a summary is known from the rows under it), its Resources read.
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
            Field::Ignore,
            Field::OutlineNumber,
            Field::Ignore,
            Field::Resources
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
