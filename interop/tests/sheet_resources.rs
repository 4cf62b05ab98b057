//! Spreadsheet resources in: a Resources column in the grid's notation (MS Project's
//! `Resource Names` among them) and Jira's Assignee, by hand — the resources made, the
//! demands, and every note and problem.

mod common;

use common::{demands, import, notes, program, resources};
use interop::sheet::{Field, Rules, convert, guess_mapping, read_table};

/// Design needs an SRE and half of Security (MS Project's notation); Code two SREs (by
/// id, in the grid's notation), a DBA and its assignee Ana; Review a quarter of Security
/// and Security again, assigned to "Doe, Jane" (one person, comma and all). Release is a
/// summary task (Ship is under it): its own SRE is not carried. Ship's `SRE:lots` cannot
/// be read (Ana can); QA's `QA team[abc]` neither, and makes no resource.
const PLAN: &str = "ID,Task Name,Duration,Resource Names,Assignee,Parent
1,Design,5,\"SRE, Security[50%]\",,
2,Code,3,sre:2; DBA,Ana,
3,Review,1,\"security:0.25, Security\",\"Doe, Jane\",
4,Release,,SRE,,
5,Ship,0,\"SRE:lots, Ana\",,4
6,QA,2,QA team[abc],,
";

#[test]
fn a_resources_column_and_an_assignee_make_resources_and_demands() {
    let (table, preview) = import(PLAN.as_bytes(), &Rules::default());
    let fields = &guess_mapping(&table).columns[3..5];
    assert_eq!(fields, [Field::Resources, Field::Assignee]);
    let program = program(&preview);
    let one = |id: &str, name: &str| (id.to_owned(), name.to_owned(), 1.0);
    assert_eq!(
        resources(program),
        [
            one("sre", "SRE"),
            one("security", "Security"),
            one("dba", "DBA"),
            one("ana", "Ana"),
            one("doe-jane", "Doe, Jane"),
        ]
    );
    let on = |task: &str, demands: &str| (task.to_owned(), demands.to_owned());
    assert_eq!(
        demands(program),
        [
            on("1", "sre, security:0.5"),
            on("2", "sre:2, dba, ana"),
            on("3", "security:1.25, doe-jane"),
            on("5", "ana"),
        ]
    );
    let units = "the units are not a number of units a day more than 0 and at most 1000000, like :0.5 or [50%]";
    let problems: Vec<String> = preview
        .rows
        .iter()
        .flat_map(|r| r.problems.iter().map(ToString::to_string))
        .collect();
    assert_eq!(
        problems,
        [
            format!("row 5, Resource Names: 'SRE:lots': {units}; not used"),
            format!("row 6, Resource Names: 'QA team[abc]': {units}; not used"),
        ]
    );
    let notes = notes(&preview);
    let about_resources: Vec<&String> = notes
        .iter()
        .filter(|n| n.contains("resource") || n.contains("Resource"))
        .collect();
    assert_eq!(
        about_resources,
        [
            "resource 'SRE' created with 1 unit a day",
            "resource 'Security' created with 1 unit a day",
            "resource 'DBA' created with 1 unit a day",
            "resource 'Ana' created with 1 unit a day",
            "row 3 'Review': resource 'security' named twice: 0.25 and 1 units added together (1.25 a day)",
            "resource 'Doe, Jane' created with 1 unit a day",
            "row 4 'Release': a summary task's own Resource Names 'SRE' not carried: its work is its tasks'",
            &format!("row 5 'Ship': Resource Names: 'SRE:lots': {units}; not used"),
            &format!("row 6 'QA': Resource Names: 'QA team[abc]': {units}; not used"),
        ]
    );
    assert_eq!(
        preview.report.summary(),
        "4 tasks, 1 milestone, 0 links; 1 summary task; 5 resources, 8 demands"
    );
}

/// Jira's Assignee is one person a task; a blank one is no one. The same person on two
/// issues is one resource.
#[test]
fn jira_assignees_are_people() {
    let csv =
        "Summary,Issue key,Assignee\nLogin,WEB-1,Mia Wong\nLogout,WEB-2,\nSignup,WEB-3,mia wong\n";
    let table = read_table(csv.as_bytes()).expect("reads");
    let mapping = guess_mapping(&table);
    assert_eq!(mapping.columns[2], Field::Assignee);
    let start = common::monday();
    let preview = convert(&table, &mapping, &Rules::default(), start);
    let program = program(&preview);
    assert_eq!(
        resources(program),
        [("mia-wong".to_owned(), "Mia Wong".to_owned(), 1.0)]
    );
    let on = |task: &str| (task.to_owned(), "mia-wong".to_owned());
    assert_eq!(demands(program), [on("WEB-1"), on("WEB-3")]);
    assert_eq!(
        preview.report.summary(),
        "3 tasks, 0 milestones, 0 links; 1 resource, 2 demands"
    );
}

/// Without a Resources or Assignee column, nothing about resources.
#[test]
fn no_resource_column_no_resources() {
    let (_, preview) = import(b"Name,Duration\nA,2\n", &Rules::default());
    let program = program(&preview);
    assert!(program.resources.is_empty());
    assert_eq!(preview.report.summary(), "1 task, 0 milestones, 0 links");
}
