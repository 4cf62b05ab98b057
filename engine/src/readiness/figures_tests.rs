//! Hand-worked figures and property tests of their rules.

use super::*;
use crate::readiness::model::{FollowUp, Waiver};

fn item(id: &str, status: ItemStatus, gate: Gate, area: Area, due: i64) -> Item {
    Item {
        id: id.into(),
        status,
        gate,
        area,
        due_before: Some(due),
        ..Item::default()
    }
}

/// GA on Friday 2027-01-15: build runs 2027-01-04 to 2027-01-15 (10 days).
fn release() -> (Program, Checklist) {
    let json = r#"{"program": {"name": "P", "start": "2027-01-04"}, "workstreams": [{"id": "eng", "name": "Eng"}],
        "tasks": [{"id": "build", "name": "Build", "workstream": "eng", "duration": 10},
                  {"id": "ga", "name": "GA", "workstream": "eng", "duration": 0, "milestone": true}],
        "dependencies": [{"from": "build", "to": "ga", "type": "FS", "lag": 0}]}"#;
    let program: Program = serde_json::from_str(json).unwrap();
    let checklist = Checklist {
        milestone: "ga".into(),
        items: vec![
            item("RC1", ItemStatus::Met, Gate::Hard, Area::Quality, 5),
            item("RC2", ItemStatus::InProgress, Gate::Hard, Area::Security, 5),
            item(
                "RC3",
                ItemStatus::NotStarted,
                Gate::Advisory,
                Area::Quality,
                2,
            ),
            item("RC4", ItemStatus::Waived, Gate::Hard, Area::Rollback, 1),
        ],
        ..Checklist::default()
    };
    (program, checklist)
}

#[test]
fn percentages_by_milestone_area_and_gate() {
    let (_, list) = release();
    assert_eq!(
        readiness(&list),
        Count {
            settled: 2,
            total: 4
        }
    );
    assert_eq!(
        hard_gates(&list),
        Count {
            settled: 2,
            total: 3
        }
    );
    let areas = by_area(&list);
    assert_eq!(
        areas[0],
        (
            Area::Quality,
            Count {
                settled: 1,
                total: 2
            }
        )
    );
    assert_eq!(
        areas[1],
        (
            Area::Security,
            Count {
                settled: 0,
                total: 1
            }
        )
    );
    assert_eq!(
        areas[2],
        (
            Area::Rollback,
            Count {
                settled: 1,
                total: 1
            }
        )
    );
    assert_eq!(Count::default().percent(), None);
}

#[test]
fn overdue_counts_working_days_before_the_scheduled_milestone() {
    let (program, list) = release();
    let plan = crate::schedule(&program).unwrap();
    let ga = milestone_date(&program, &plan, "ga").unwrap();
    assert_eq!(ga.to_string(), "2027-01-15");
    // T-5 is Friday 2027-01-08; T-2 is Wednesday 2027-01-13.
    assert_eq!(due_date(&program, ga, Some(5)).to_string(), "2027-01-08");
    let on = |d: &str| overdue_items(&program, &plan, &list, d.parse().unwrap());
    assert_eq!(on("2027-01-08"), Vec::<String>::new());
    assert_eq!(on("2027-01-11"), ["RC2"]);
    assert_eq!(on("2027-01-14"), ["RC2", "RC3"]);
    let state_on = |d: &str| state(&program, Some(&plan), &list, d.parse().unwrap());
    assert_eq!(state_on("2027-01-05"), State::NotReady);
    assert_eq!(state_on("2027-01-11"), State::AtRisk);
}

#[test]
fn ready_when_every_hard_gate_is_met_or_waived() {
    let (program, mut list) = release();
    list.items[1].status = ItemStatus::Met;
    // The advisory item is late, and the milestone still ready.
    assert_eq!(
        state(&program, None, &list, "2027-02-01".parse().unwrap()),
        State::Ready
    );
}

#[test]
fn the_kpi_wants_95_percent_and_approved_waivers() {
    let (_, mut list) = release();
    let kpi_now = kpi(&list);
    assert!(!kpi_now.ready_enough);
    assert_eq!(kpi_now.unapproved_waivers, ["RC4"]);
    for i in &mut list.items {
        i.status = ItemStatus::Met;
    }
    list.items[3].status = ItemStatus::Waived;
    list.items[3].waiver = Some(Waiver {
        approver: "VP Eng".into(),
        reason: "Manual rollback only".into(),
        date: None,
        ..Waiver::default()
    });
    assert!(kpi(&list).met());
}

#[test]
fn open_actions_are_those_not_done() {
    let review = Review {
        actions: vec![
            FollowUp {
                done: true,
                ..FollowUp::default()
            },
            FollowUp::default(),
        ],
        ..Review::default()
    };
    assert_eq!(open_actions(&review), [1]);
}

/// Property: settling one more item never lowers readiness, and the percent stays within
/// 0 to 100, over every mix of four statuses of up to six items.
#[test]
fn settling_an_item_never_lowers_readiness() {
    let statuses = ItemStatus::ALL;
    for n in 1..=6usize {
        for mix in 0..4usize.pow(n as u32) {
            let items: Vec<Item> = (0..n)
                .map(|i| Item {
                    status: statuses[(mix / 4usize.pow(i as u32)) % 4],
                    gate: if i % 2 == 0 {
                        Gate::Hard
                    } else {
                        Gate::Advisory
                    },
                    ..Item::default()
                })
                .collect();
            let list = Checklist {
                items,
                ..Checklist::default()
            };
            let before = readiness(&list).percent().unwrap();
            assert!((0.0..=100.0).contains(&before));
            for i in 0..n {
                let mut more = list.clone();
                more.items[i].status = ItemStatus::Met;
                assert!(readiness(&more).percent().unwrap() >= before);
                assert!(hard_gates(&more).settled >= hard_gates(&list).settled);
            }
            let ready = hard_gates(&list).settled == hard_gates(&list).total;
            assert_eq!(
                ready,
                crate::readiness::check::unmet_hard_gates(&list).is_empty()
            );
        }
    }
}

/// Property: a due date is never after the milestone and is a working day, for every
/// `due_before` up to 30 and milestones over a month.
#[test]
fn due_dates_are_working_days_on_or_before_the_milestone() {
    let (program, _) = release();
    let first: NaiveDate = "2027-01-04".parse().unwrap();
    for offset in 0..31 {
        let milestone = first + chrono::Days::new(offset);
        for before in 0..30 {
            let due = due_date(&program, milestone, Some(before));
            assert!(due <= milestone);
            if before > 0 {
                use chrono::Datelike;
                assert!(due.weekday().number_from_monday() <= 5, "{due}");
            }
        }
    }
}
