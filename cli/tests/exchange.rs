//! The `planwork` binary's import and export end to end: the schedule as CSV, iCalendar and
//! MS Project XML out (resources and demands among them); MS Project XML and spreadsheet
//! exports in, as a program file with its notes; files that cannot be imported refused
//! saying why.

mod common;

use common::{assert_exits_saying, planwork, stderr, stdout, temp_file};

#[test]
fn export_prints_the_schedule_as_csv_and_the_milestones_as_a_calendar() {
    let csv = planwork(&["export", "../tests/files/v0/launch.json", "--to", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = stdout(&csv);
    assert!(text.starts_with("\u{feff}ID,Name,Workstream,Start,Finish,"));
    // Build Jan 12–26 (Monday 19th a holiday), as `schedule` dates it.
    assert!(
        text.lines().any(|l| l.contains(",2026-01-12,2026-01-26,")),
        "{text}"
    );
    let ics = planwork(&["export", "../tests/files/v0/launch.json", "--to", "ics"]);
    assert!(ics.status.success(), "{}", stderr(&ics));
    let text = stdout(&ics);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(
        text.contains("UID:") && text.contains("milestone@planwork"),
        "{text}"
    );
    assert!(
        text.contains("DTSTART;VALUE=DATE:20260126\r\n"),
        "go-live closes the 26th"
    );
    let refused = planwork(&["export", "../tests/files/v0/launch.json", "--to", "pdf"]);
    assert_exits_saying(&refused, 2, "--to takes csv, ics or mspdi, not 'pdf'");
}

#[test]
fn export_to_mspdi_prints_an_ms_project_file_that_imports_back() {
    let out = planwork(&["export", "../tests/files/v0/launch.json", "--to", "mspdi"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let xml = stdout(&out);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"));
    assert!(xml.contains("<Project xmlns=\"http://schemas.microsoft.com/project\">"));
    assert!(xml.contains("<SaveVersion>12</SaveVersion>"));
    // Build Jan 12–26, as `schedule` dates it.
    assert!(xml.contains("<Start>2026-01-12T08:00:00</Start>"), "{xml}");
    assert!(
        xml.contains("<Finish>2026-01-26T17:00:00</Finish>"),
        "{xml}"
    );
    // Ids that are not numbers: tasks numbered 1..n, each one's id kept in Text1.
    assert!(xml.contains("<Alias>Planwork ID</Alias>"), "{xml}");
    assert!(xml.contains("<Value>go-live</Value>"), "{xml}");
    let file = temp_file("launch.xml", xml.as_bytes());
    let back = planwork(&["import", file.to_str().unwrap(), "--from", "mspdi"]);
    assert!(back.status.success(), "{}", stderr(&back));
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("../tests/files/v0/launch.json").unwrap())
            .unwrap();
    let program: serde_json::Value = serde_json::from_str(&stdout(&back)).unwrap();
    let names = |p: &serde_json::Value| -> Vec<String> {
        let mut names: Vec<String> = p["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap().to_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(names(&program), names(&original), "the same tasks");
}

/// Shared SRE (tests/files/v4): its resources and demands go out in the CSV's Resources
/// column and as MS Project resources and assignments, and come back from MS Project XML
/// with the same names, capacities and demands (ids as MS Project numbers them).
#[test]
fn resources_go_out_and_come_back() {
    let file = "../tests/files/v4/shared-sre.planwork.json";
    let csv = planwork(&["export", file, "--to", "csv"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = stdout(&csv);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with(",Summary task,Resources"),
        "{text}"
    );
    assert!(text.contains(",\"sre, sec:0.5\"\r\n"), "{text}");
    let out = planwork(&["export", file, "--to", "mspdi"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let xml = stdout(&out);
    assert!(xml.contains("<Name>SRE on-call</Name>"), "{xml}");
    assert!(xml.contains("<Priority>700</Priority>"), "{xml}");
    let exported = temp_file("shared-sre.xml", xml.as_bytes());
    let back = planwork(&["import", exported.to_str().unwrap(), "--from", "mspdi"]);
    assert!(back.status.success(), "{}", stderr(&back));
    assert!(
        stderr(&back)
            .contains("2 tasks, 1 milestone, 2 links; 2 summary tasks; 2 resources, 3 demands"),
        "{}",
        stderr(&back)
    );
    let program: serde_json::Value = serde_json::from_str(&stdout(&back)).unwrap();
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let facts = |p: &serde_json::Value| -> Vec<(String, f64)> {
        p["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["name"].as_str().unwrap().to_owned(),
                    r["capacity"].as_f64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(facts(&program), facts(&original));
    let units = |p: &serde_json::Value| -> Vec<f64> {
        p["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["demands"].as_array().cloned().unwrap_or_default())
            .map(|d| d["units"].as_f64().unwrap())
            .collect()
    };
    assert_eq!(units(&program), [1.0, 0.5, 1.5]);
}

#[test]
fn import_prints_a_program_file_from_ms_project_xml_and_its_notes() {
    let out = planwork(&[
        "import",
        "../tests/files/mspdi/mpxj__mspdirelations.xml",
        "--from",
        "mspdi",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let program: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        task_ids(&program),
        ["1", "2", "3", "4", "5"],
        "the file's UIDs"
    );
    assert!(stderr(&out).contains("imported"), "{}", stderr(&out));
    let broken = temp_file("broken.xml", b"<Project><Tasks></Project>");
    let refused = planwork(&["import", broken.to_str().unwrap()]);
    assert_exits_saying(&refused, 1, "cannot be imported: not readable as XML");
}

#[test]
fn import_reads_spreadsheet_exports_by_their_extension() {
    let out = planwork(&["import", "../tests/files/sheets/smartsheet.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let program: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(program["program"]["name"], "smartsheet");
    assert_eq!(
        program["program"]["start"], "2026-03-02",
        "its earliest Start"
    );
    assert_eq!(
        task_ids(&program),
        ["1", "2", "3", "5", "6"],
        "row numbers, the blank row kept"
    );
    let notes = stderr(&out);
    assert!(
        notes.contains("columns: Task Name → Name, Duration → Duration (working days)"),
        "{notes}"
    );
    assert!(
        notes.contains(
            "imported ../tests/files/sheets/smartsheet.csv: 4 tasks, 1 milestone, 5 links"
        ),
        "{notes}"
    );

    let jira = planwork(&[
        "import",
        "../tests/files/sheets/jira-export.csv",
        "--from",
        "csv",
        "--days-per-point",
        "0.5",
    ]);
    assert!(jira.status.success(), "{}", stderr(&jira));
    let program: serde_json::Value = serde_json::from_str(&stdout(&jira)).unwrap();
    // The epic is a summary task, its stories under it.
    assert_eq!(program["tasks"][0]["id"], "SHOP-1");
    assert_eq!(program["tasks"][0]["summary"], true);
    assert_eq!(program["tasks"][2]["id"], "SHOP-3");
    assert_eq!(program["tasks"][2]["parent"], "SHOP-1");
    assert_eq!(
        program["tasks"][2]["duration"], 2,
        "3 points × 0.5, rounded"
    );
    assert!(
        stderr(&jira).contains("row 10 (SHOP-10): Summary: no name: the row is skipped"),
        "{}",
        stderr(&jira)
    );

    let unicode = planwork(&["import", "../tests/files/sheets/excel-unicode-text.txt"]);
    assert!(unicode.status.success(), "{}", stderr(&unicode));
    assert!(stdout(&unicode).contains("設計レビュー"));

    let looped = temp_file("loop.csv", b"Name,Predecessors\nA,2\nB,1\n");
    let refused = planwork(&["import", looped.to_str().unwrap()]);
    assert_exits_saying(
        &refused,
        1,
        "cannot be imported: the links go round in a loop",
    );
    let latin1 = temp_file("latin1.csv", b"Name\nCaf\xe9\n");
    let refused = planwork(&["import", latin1.to_str().unwrap()]);
    assert_exits_saying(&refused, 1, "not UTF-8 text");
    let usage = planwork(&["import", "plan.xml", "--days-per-point", "2"]);
    assert_eq!(usage.status.code(), Some(2));
}

/// The ids of a program file's tasks, in its order.
fn task_ids(program: &serde_json::Value) -> Vec<&str> {
    program["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect()
}
