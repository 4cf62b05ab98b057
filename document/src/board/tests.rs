//! The board placed in pixels, written as SVG, and the ROAM lanes, on a small program.

use engine::board::layout::Tie;
use engine::{Program, check, schedule_checked};

use super::roam::roam_lanes;
use super::svg::board_svg;
use super::*;

fn program(name: &str) -> Program {
    let json = r#"{"program": {"name": "P", "start": "2027-01-04"},
        "workstreams": [{"id": "api", "name": "API"}, {"id": "web", "name": "NAME"}],
        "resources": [{"id": "dev", "name": "Developers", "capacity": 1}],
        "tasks": [
          {"id": "a", "name": "Auth API", "workstream": "api", "duration": 7,
           "demands": [{"resource": "dev", "units": 1}]},
          {"id": "b", "name": "Login page", "workstream": "web", "duration": 3,
           "demands": [{"resource": "dev", "units": 1}]},
          {"id": "c", "name": "Vendor feed", "workstream": "api", "duration": 2,
           "constraint": {"type": "SNET", "date": "2027-01-18"}},
          {"id": "m", "name": "Beta", "workstream": "web", "duration": 0, "milestone": true,
           "deadline": "2027-01-15"}],
        "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "m"},
                         {"from": "c", "to": "m"}],
        "risks": [
          {"id": "R1", "title": "Vendor late", "probability": 0.3, "impact": {"min": 1, "max": 5},
           "tasks": ["c"], "severity": 4, "owner": "Maya"},
          {"id": "R2", "title": "Pen test finds issues", "probability": 0.5,
           "impact": {"min": 1, "max": 5}, "tasks": ["b"], "response": "accept"},
          {"id": "R3", "title": "Key person leaves", "probability": 0.1,
           "impact": {"min": 1, "max": 5}, "tasks": ["a"]}],
        "board": {"interval": {"name": "PI 1", "start": "2027-01-04", "iterations": 4, "length": 5},
          "objectives": [{"id": "O1", "team": "api", "text": "Partners sign in", "business_value": 8,
                          "actual_value": 6, "cards": ["a"]}]}}"#;
    serde_json::from_str(&json.replace("NAME", name)).unwrap()
}

fn model(program: &Program) -> BoardModel {
    board_model(
        program,
        &schedule_checked(&check(program).unwrap()).unwrap(),
    )
}

#[test]
fn cards_are_placed_in_their_column_and_row_in_pixels() {
    let board = model(&program("Web"));
    use geometry::*;
    assert_eq!(
        board.heading,
        "PI 1 · 4 iterations of 5 working days from 2027-01-04"
    );
    let labels: Vec<&str> = board.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["I1", "I2", "I3", "I4", "Later"]);
    assert_eq!(board.columns[1].dates, "11 Jan – 15 Jan");
    // a and c are API's (row 0): a in I2, c in I3; Beta on the milestones row in I2, late.
    let a = &board.cards[0];
    assert_eq!(
        (a.row, a.column, a.x),
        (Some(0), 1, LABEL_WIDTH + COLUMN_WIDTH + PAD)
    );
    assert_eq!(a.y, board.rows[0].y + PAD);
    let beta = &board.cards[3];
    assert_eq!(
        (beta.row, beta.column, beta.late.as_deref()),
        (None, 1, Some("lands I3"))
    );
    assert_eq!(beta.y, HEADER_HEIGHT + PAD);
    assert_eq!(board.red_strings, 1);
    assert_eq!(board.red_pairs, ["API → Milestones: 1"]);
    assert_eq!(board.rows[0].red, 1);
    let vendor = board.strings.iter().find(|s| s.tie == Tie::Broken).unwrap();
    assert!(
        vendor
            .title
            .starts_with("c → m (FS): c sits in I3, after it is needed")
    );
    // The string leaves c's left side for Beta's right side.
    assert!(
        vendor
            .path
            .starts_with(&format!("M{:.0} ", board.cards[2].x))
    );
}

#[test]
fn rows_show_objectives_predictability_and_load_against_capacity() {
    let board = model(&program("Web"));
    let api = &board.rows[0];
    assert_eq!(api.objectives[0].value, "BV 8 → 6");
    assert_eq!(api.predictability.as_deref(), Some("Predictability 75 %"));
    // dev is shared 7:3; in I2 (11–15 Jan) API's a works 2 days of a 0.7 × 5 capacity.
    let bar = &api.bars[1];
    assert_eq!(bar.title, "Load 2 of 4 person-days");
    assert!(!bar.over);
    // Web's b (13–15 Jan) in I2: 3 days of 0.3 × 5 = 1.5: over.
    assert!(board.rows[1].bars[1].over);
}

#[test]
fn the_svg_escapes_every_program_text() {
    let board = model(&program("<script>alert('x')</script> & co"));
    let svg = board_svg(&board);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; co"));
    assert_eq!(svg.matches("<path ").count(), board.strings.len());
}

#[test]
fn roam_lanes_put_unsorted_risks_first_and_sort_by_score() {
    let lanes = roam_lanes(&program("Web"));
    let ids = |i: usize| {
        lanes[i]
            .risks
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(lanes[0].label, "To sort");
    assert_eq!(ids(0), ["R3"]);
    assert_eq!((lanes[2].label, ids(2)), ("Owned", vec!["R1"]));
    assert_eq!((lanes[3].label, ids(3)), ("Accepted", vec!["R2"]));
    assert_eq!(lanes[2].risks[0].score, "30 % · severity 4");
}
