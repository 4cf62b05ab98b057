//! The board's rules on small programs worked by hand, and its placement as a property.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::capacity::row_capacity;
use super::drag::move_card;
use super::iterations::Column;
use super::layout::{Tie, lay_out};
use super::roam::{Roam, roam_of, sort_risk};
use super::*;
use crate::edit::History;
use crate::{Program, check, schedule_checked};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Two teams on weeks from Monday 4 January 2027: iterations of one working week.
fn program() -> Program {
    serde_json::from_str(
        r#"{"program": {"name": "P", "start": "2027-01-04"},
        "workstreams": [{"id": "api", "name": "API"}, {"id": "web", "name": "Web"}],
        "resources": [{"id": "dev", "name": "Developers", "capacity": 2},
                      {"id": "ux", "name": "Designer", "capacity": 1}],
        "tasks": [
          {"id": "a", "name": "Auth API", "workstream": "api", "duration": 7,
           "demands": [{"resource": "dev", "units": 1}]},
          {"id": "b", "name": "Login page", "workstream": "web", "duration": 3,
           "demands": [{"resource": "dev", "units": 1}, {"resource": "ux", "units": 1}]},
          {"id": "c", "name": "Vendor feed", "workstream": "api", "duration": 2,
           "constraint": {"type": "SNET", "date": "2027-01-18"}},
          {"id": "m", "name": "Beta", "workstream": "web", "duration": 0, "milestone": true,
           "deadline": "2027-01-15"}],
        "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "m"},
                         {"from": "c", "to": "m"}],
        "board": {"interval": {"start": "2027-01-04", "iterations": 4, "length": 5}}}"#,
    )
    .unwrap()
}

fn laid(program: &Program) -> (layout::BoardLayout, crate::Schedule) {
    let schedule = schedule_checked(&check(program).unwrap()).unwrap();
    (lay_out(program, &schedule), schedule)
}

#[test]
fn cards_sit_where_they_finish_and_a_missed_commitment_where_it_was_due() {
    let (board, _) = laid(&program());
    // a: 4–12 Jan (iteration 2); b: 13–15 Jan (3); c: held to 18–19 Jan (4);
    // Beta due 15 Jan (3) lands 19 Jan (4): late, it sits in iteration 3.
    let columns: Vec<Column> = board.cards.iter().map(|c| c.column).collect();
    assert_eq!(
        columns,
        [Column::In(1), Column::In(1), Column::In(2), Column::In(1)]
    );
    let beta = &board.cards[3];
    assert!(beta.late && beta.milestone && beta.row.is_none());
    assert_eq!(beta.lands, Column::In(2));
    assert_eq!(
        board.iterations.dates[1],
        (date(2027, 1, 11), date(2027, 1, 15))
    );
}

#[test]
fn strings_compare_where_their_cards_sit_and_red_ones_are_counted_per_pair() {
    let (board, _) = laid(&program());
    let ties: Vec<(usize, usize, Tie)> = board
        .strings
        .iter()
        .map(|s| (s.from, s.to, s.tie))
        .collect();
    assert_eq!(
        ties,
        [(0, 1, Tie::Tight), (1, 3, Tie::Tight), (2, 3, Tie::Broken)]
    );
    assert_eq!(board.red_pairs.len(), 1);
    assert_eq!(
        (board.red_pairs[0].from, board.red_pairs[0].to),
        (Some(0), None)
    );
}

#[test]
fn dragging_the_held_card_earlier_moves_its_date_and_the_milestone() {
    let mut program = program();
    let (board, schedule) = laid(&program);
    // c (iteration 3) one iteration earlier: its SNET moves five working days back.
    let (edits, words) = move_card(&program, &schedule, &board, 2, 1).unwrap();
    assert_eq!(words, "c starts no earlier than 2027-01-11");
    History::default().apply(&mut program, edits).unwrap();
    let (board, _) = laid(&program);
    assert_eq!(board.strings[2].tie, Tie::Tight);
    assert!(!board.cards[3].late);
    assert_eq!(board.cards[3].finish, date(2027, 1, 15));
}

#[test]
fn dragging_a_driven_card_earlier_commits_it_and_shows_what_holds_it() {
    let mut program = program();
    let (board, schedule) = laid(&program);
    // b (iteration 2) to iteration 1: its links hold it, so it is a commitment.
    let (edits, words) = move_card(&program, &schedule, &board, 1, 0).unwrap();
    assert_eq!(words, "b finishes no later than 2027-01-08");
    History::default().apply(&mut program, edits).unwrap();
    let (board, _) = laid(&program);
    let b = &board.cards[1];
    assert!(b.late);
    assert_eq!((b.column, b.lands), (Column::In(0), Column::In(1)));
    assert_eq!(board.strings[0].tie, Tie::Broken);
}

#[test]
fn dragging_later_sets_a_start_no_earlier_than_whole_iterations_later() {
    let mut program = program();
    let (board, schedule) = laid(&program);
    let (edits, words) = move_card(&program, &schedule, &board, 0, 3).unwrap();
    // a finishes on the 2nd day of iteration 1; two iterations later, of iteration 3.
    assert_eq!(words, "a starts no earlier than 2027-01-18");
    History::default().apply(&mut program, edits).unwrap();
    let (board, _) = laid(&program);
    assert_eq!(
        (board.cards[0].column, board.cards[0].finish),
        (Column::In(3), date(2027, 1, 26))
    );
    assert!(move_card(&program, &schedule, &board, 0, 9).is_err());
}

#[test]
fn a_late_card_moves_from_where_it_lands_not_where_it_is_due() {
    let mut program = program();
    let (board, schedule) = laid(&program);
    // Beta sits in iteration 2 (due 15 Jan) but lands in iteration 3 (19 Jan).
    let refused = move_card(&program, &schedule, &board, 3, 2).unwrap_err();
    assert!(refused.starts_with("m already finishes in I3"), "{refused}");
    let (edits, words) = move_card(&program, &schedule, &board, 3, 3).unwrap();
    assert_eq!(words, "m starts no earlier than 2027-01-26");
    History::default().apply(&mut program, edits).unwrap();
    let (board, _) = laid(&program);
    assert_eq!(
        (board.cards[3].lands, board.cards[3].finish),
        (Column::In(3), date(2027, 1, 26))
    );
}

#[test]
fn capacity_shares_a_resource_by_demand() {
    let program = program();
    let (board, schedule) = laid(&program);
    let cells = row_capacity(&program, &schedule, &board);
    // dev: a 7 days, b 3 days → API 70 %, Web 30 % of 2 a day; ux only Web.
    // Iteration 1 (11–15 Jan): API's a on 11–12 (2 person-days) of 0.7 × 10 = 7;
    // Web's b on 13–15 (3 dev + 3 ux) of 0.3 × 10 + 5 = 8.
    let api = cells[0][1];
    let web = cells[1][1];
    assert_eq!((api.load, web.load), (2.0, 6.0));
    assert!((api.capacity - 7.0).abs() < 1e-9 && (web.capacity - 8.0).abs() < 1e-9);
    assert!(!web.over());
}

#[test]
fn roam_reads_and_writes_the_risk_fields() {
    let mut program = program();
    program.risks.push(crate::Risk {
        id: "R1".into(),
        title: "Vendor late".into(),
        ..Default::default()
    });
    assert_eq!(roam_of(&program.risks[0]), Roam::ToSort);
    let refused = sort_risk(&program, "R1", Roam::Owned, "").unwrap_err();
    assert_eq!(refused.field, "owner");
    let mut history = History::default();
    for (roam, owner) in [
        (Roam::Owned, "Maya"),
        (Roam::Mitigated, ""),
        (Roam::Accepted, ""),
        (Roam::Resolved, ""),
    ] {
        let edit = sort_risk(&program, "R1", roam, owner).unwrap();
        history.apply(&mut program, vec![edit]).unwrap();
        assert_eq!(roam_of(&program.risks[0]), roam);
    }
    assert_eq!(program.risks[0].owner, "Maya");
    assert!(history.undo(&mut program));
    assert_eq!(roam_of(&program.risks[0]), Roam::Accepted);
}

#[test]
fn objectives_are_checked_and_predictability_is_achieved_over_planned() {
    let mut program = program();
    let mut history = History::default();
    let (id, edit) = edit::add_objective(&program, "api", "Auth for partners").unwrap();
    history.apply(&mut program, vec![edit]).unwrap();
    for (field, text) in [
        ("business_value", "8"),
        ("actual_value", "6"),
        ("cards", "a, c"),
    ] {
        let edit = edit::set_objective_field(&program, &id, field, text).unwrap();
        history.apply(&mut program, vec![edit]).unwrap();
    }
    let (stretch, edit) = edit::add_objective(&program, "api", "Partner dashboard").unwrap();
    history.apply(&mut program, vec![edit]).unwrap();
    for (field, text) in [
        ("kind", "stretch"),
        ("business_value", "3"),
        ("actual_value", "3"),
    ] {
        let edit = edit::set_objective_field(&program, &stretch, field, text).unwrap();
        history.apply(&mut program, vec![edit]).unwrap();
    }
    // (6 + 3) achieved over the 8 committed.
    assert_eq!(program.board.predictability("api"), Some(9.0 / 8.0));
    assert_eq!(program.board.predictability("web"), None);
    assert!(edit::set_objective_field(&program, &id, "cards", "zz").is_err());
    let mut bad = program.clone();
    bad.board.objectives[0].team = "nobody".into();
    bad.board.objectives[1].business_value = Some(11);
    let codes: Vec<&str> = check(&bad)
        .unwrap_err()
        .0
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes, ["E057", "E059"]);
}

#[test]
fn under_summaries_a_feature_is_one_card_and_its_links_one_string() {
    let mut program = program();
    program.board.interval.as_mut().unwrap().cards = CardsBy::Summaries;
    program.board.interval.as_mut().unwrap().rows = RowsBy::Summaries;
    for (id, name) in [("F1", "Sign-in"), ("E1", "Partner portal")] {
        program.tasks.insert(
            0,
            crate::Task {
                id: id.into(),
                name: name.into(),
                workstream: "api".into(),
                summary: true,
                ..Default::default()
            },
        );
    }
    // E1 (an epic) holds F1 (a feature), which holds a and b; c and Beta stand alone.
    program.tasks[1].parent = Some("E1".into());
    program.tasks[2].parent = Some("F1".into());
    program.tasks[3].parent = Some("F1".into());
    let (board, _) = laid(&program);
    let cards: Vec<&str> = board
        .cards
        .iter()
        .map(|c| program.tasks[c.task].id.as_str())
        .collect();
    assert_eq!(cards, ["F1", "c", "m"]);
    let rows: Vec<&str> = board.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(rows, ["Partner portal", "Under no summary"]);
    assert_eq!((board.cards[0].row, board.cards[1].row), (Some(0), Some(1)));
    // a → b is inside F1; b → m and c → m remain.
    let ends: Vec<(usize, usize)> = board.strings.iter().map(|s| (s.from, s.to)).collect();
    assert_eq!(ends, [(0, 2), (1, 2)]);
}

proptest! {
    /// Any task with no links, dragged later to any iteration, lands in it, and its
    /// string ties follow the columns' order.
    #[test]
    fn a_free_card_dragged_later_lands_where_it_is_dropped(duration in 1i64..5, to in 1usize..4) {
        let mut program = program();
        program.tasks[0].duration = duration;
        program.dependencies.clear();
        let (board, schedule) = laid(&program);
        let (edits, _) = move_card(&program, &schedule, &board, 0, to).unwrap();
        History::default().apply(&mut program, edits).unwrap();
        let (board, _) = laid(&program);
        prop_assert_eq!(board.cards[0].column, Column::In(to));
    }

    #[test]
    fn a_tie_is_broken_exactly_when_the_predecessor_sits_later(a in 0usize..6, b in 0usize..6) {
        let tie = layout::tie(Column::In(a), Column::In(b));
        prop_assert_eq!(tie == Tie::Broken, a > b);
        prop_assert_eq!(tie == Tie::Tight, a == b);
    }
}
