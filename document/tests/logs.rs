//! The Logs tab's model on the shipped example, as of Monday 22 February 2027: the rows'
//! computed columns, the summary line of each log, filters, sorting and CSV export.

use document::logs::{
    Filter, SortBy, assumption_rows, change_rows, decision_rows, dependency_rows, export,
    issue_rows, risk_rows, shown, summary,
};

fn example() -> engine::Program {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/examples/platform-migration.planwork.json"
    );
    planfile::read(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .program
}

fn as_of() -> chrono::NaiveDate {
    "2027-02-22".parse().unwrap()
}

#[test]
fn each_log_has_its_summary_line() {
    let program = example();
    let plan = engine::schedule(&program).unwrap();
    let on = as_of();
    let lines = [
        summary::risks(&risk_rows(&program, on)),
        summary::assumptions(&assumption_rows(&program, on)),
        summary::issues(&issue_rows(&program, on)),
        summary::dependencies(&dependency_rows(&program, Some(&plan), on)),
        summary::decisions(&decision_rows(&program, on)),
        summary::changes(&change_rows(&program, on)),
    ];
    // R2 (severity 5 × 40 %: level 3 = 15) raised Monday 18 January: 25 working days.
    // I2 opened Friday 5 February is 11 working days old and past its due date (19th).
    // D1 (opened Wednesday 20 January) and D4 wait on tasks that finish Friday 26 February.
    // DEC2 and DEC5 were needed by 17 and 10 February. CR2 was requested Wednesday 17th.
    assert_eq!(
        lines,
        [
            "1 open high risk, oldest 25 days",
            "1 assumption past validate-by, 1 broken",
            "3 open issues, 1 overdue, oldest 11 days",
            "2 dependencies at risk, oldest open 23 days",
            "2 decisions past needed-by",
            "1 change request pending, oldest 3 days",
        ]
    );
}

#[test]
fn rows_filter_and_sort_by_owner_status_and_overdue() {
    let program = example();
    let plan = engine::schedule(&program).unwrap();
    let rows = dependency_rows(&program, Some(&plan), as_of());
    let d1 = &rows[0];
    assert_eq!((d1.recorded, d1.status), ("committed", "at risk"));
    assert_eq!(
        d1.why,
        "task ID2 finishes 2027-02-26, after need-by 2027-02-24"
    );
    let flagged = Filter {
        flagged_only: true,
        ..Filter::default()
    };
    let ids = |rows: Vec<&document::logs::DependencyRow>| -> Vec<String> {
        rows.iter().map(|r| r.id.clone()).collect()
    };
    assert_eq!(ids(shown(&rows, &flagged, SortBy::Order)), ["D1", "D4"]);
    assert_eq!(ids(shown(&rows, &flagged, SortBy::Due)), ["D4", "D1"]);
    let delivered = Filter {
        status: "Delivered".into(),
        ..Filter::default()
    };
    assert_eq!(ids(shown(&rows, &delivered, SortBy::Order)), ["D5"]);
    let issues = issue_rows(&program, as_of());
    let maya = Filter {
        owner: "maya chen".into(),
        ..Filter::default()
    };
    let mine: Vec<&str> = shown(&issues, &maya, SortBy::Age)
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(mine, ["I2"]);
    let decisions = decision_rows(&program, as_of());
    assert_eq!(
        decisions[0].latency,
        Some(4),
        "raised Fri 5, decided Thu 11 February"
    );
}

#[test]
fn each_log_exports_as_csv_with_a_header_row() {
    let program = example();
    let plan = engine::schedule(&program).unwrap();
    let on = as_of();
    let tables = [
        export::risks(&risk_rows(&program, on)),
        export::assumptions(&assumption_rows(&program, on)),
        export::issues(&issue_rows(&program, on)),
        export::dependencies(&dependency_rows(&program, Some(&plan), on)),
        export::decisions(&decision_rows(&program, on)),
        export::changes(&change_rows(&program, on)),
    ];
    let counts = [
        program.risks.len(),
        program.logs.assumptions.len(),
        program.logs.issues.len(),
        program.logs.dependencies.len(),
        program.logs.decisions.len(),
        program.logs.changes.len(),
    ];
    for (text, items) in tables.iter().zip(counts) {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let width = reader.headers().unwrap().len();
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), items, "{text}");
        assert!(records.iter().all(|r| r.len() == width));
    }
    assert!(tables[3].starts_with("ID,Deliverable,Provider,Consumer,Owner,Need by,"));
    assert!(tables[3].contains(
        ",committed,at risk,\"task ID2 finishes 2027-02-26, after need-by 2027-02-24\","
    ));
}
