//! `planwork status`: the pack the draft would issue, as text, Markdown and JSON.

mod common;

use common::{assert_exits_saying, planwork, stderr, stdout, temp_file};

const EXAMPLE: &str = "../public/examples/platform-migration.planwork.json";

#[test]
fn status_prints_the_pack_with_its_ratings_and_rules() {
    let out = planwork(&["status", EXAMPLE, "--date", "2027-03-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Platform migration (example) — status 2027-03-01 (draft)"),
        "{text}"
    );
    // Four dimensions Red on 2027-03-01; the first in order (schedule: M1 Landing zone
    // ready, held by the observability stack's licences, lands after its deadline) says why.
    assert!(
        text.contains("Overall: Red. Schedule: M1 Landing zone ready forecast 9 working days late"),
        "{text}"
    );
    assert!(
        text.contains(
            "Risk          Red        Red        1 open high risk(s), 3 with an overdue mitigation"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "DEC5 Retain reporting on-premises until Q3 — 13 working days past needed-by"
        )
    );
    assert!(text.contains("Rule: Green ≤ 0 working days late; Amber ≤ 5 days"));
}

#[test]
fn status_writes_markdown_and_json() {
    let out = planwork(&["status", EXAMPLE, "--date", "2027-03-01", "--markdown"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.contains("| Dimension | Reported | Computed | Why |"),
        "{md}"
    );
    assert!(md.contains("## Milestones"));
    let out = planwork(&["status", EXAMPLE, "--date", "2027-03-01", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pack: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(pack["status_date"], "2027-03-01");
    assert_eq!(pack["assessment"]["overall"], "red");
    assert_eq!(
        pack["assessment"]["dimensions"].as_array().unwrap().len(),
        6
    );
    assert_eq!(pack["assessment"]["milestones"][0]["id"], "M1");
    assert!(
        pack["assessment"]["milestones"][0]["p80"].is_string(),
        "P80 from a forecast"
    );
}

#[test]
fn status_refuses_a_bad_date() {
    assert_exits_saying(
        &planwork(&["status", EXAMPLE, "--date", "next week"]),
        2,
        "--date expects a date such as 2027-03-05, not 'next week'",
    );
}

#[test]
fn status_refuses_an_override_without_a_reason_naming_where() {
    let stored = std::fs::read_to_string("../tests/files/v7/launch-status.planwork.json").unwrap();
    let broken = stored.replacen(
        "\"reason\": \"Recovery plan agreed with the vendor\"",
        "\"reason\": \"\"",
        1,
    );
    let file = temp_file("no-reason.planwork.json", broken.as_bytes());
    let path = file.to_str().unwrap();
    assert_exits_saying(
        &planwork(&["status", path]),
        1,
        "status.packs[1].overrides[0].reason",
    );
}
