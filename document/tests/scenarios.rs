//! Managing scenarios and baselines on a document (`document::scenarios`,
//! `document::baselines`): each operation succeeds whole or is refused with the document
//! unchanged; evaluation worked by hand on a small plan.

use chrono::NaiveDate;
use document::{baselines, scenarios};
use engine::scenario::{Change, Outcome};
use planfile::Document;

/// Design 5d → Code 3d, from Monday 2026-01-05: the program finishes Wed 14 Jan.
fn doc() -> Document {
    planfile::read(
        r#"{"program": {"name": "P", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "Build"}],
            "tasks": [{"id": "1", "name": "Design", "workstream": "w", "duration": 5},
                      {"id": "2", "name": "Code", "workstream": "w", "duration": 3}],
            "dependencies": [{"from": "1", "to": "2"}]}"#,
    )
    .expect("the example reads")
}

fn slip(task: &str, days: i64) -> Change {
    Change::Slip {
        task: task.into(),
        days,
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).expect("a date")
}

#[test]
fn scenarios_are_added_duplicated_renamed_and_deleted_with_fresh_ids() {
    let mut d = doc();
    let a = scenarios::add(&mut d, "  Late design ", vec![slip("1", 2)]).expect("added");
    assert_eq!(a, "s1");
    assert_eq!(d.scenarios[0].name, "Late design", "the name is trimmed");
    let b = scenarios::duplicate(&mut d, "s1").expect("duplicated");
    assert_eq!(b, "s2");
    assert_eq!(d.scenarios[1].name, "Late design (copy)");
    assert_eq!(d.scenarios[1].changes, d.scenarios[0].changes);
    scenarios::delete(&mut d, "s1").expect("deleted");
    // The freed id is taken again by the next scenario: ids are unique, not monotonic.
    assert_eq!(
        scenarios::add(&mut d, "Again", vec![]).expect("added"),
        "s1"
    );
    scenarios::rename(&mut d, "s2", "Two").expect("renamed");
    scenarios::set_description(&mut d, "s2", "  why  ").expect("described");
    assert_eq!(
        (
            d.scenarios[0].name.as_str(),
            d.scenarios[0].description.as_str()
        ),
        ("Two", "why")
    );
    scenarios::remove_change(&mut d, "s2", 0).expect("removed");
    assert!(d.scenarios[0].changes.is_empty());
}

#[test]
fn refusals_leave_the_document_as_it_was() {
    let mut d = doc();
    scenarios::add(&mut d, "A", vec![slip("1", 2)]).expect("added");
    let before = d.clone();
    assert_eq!(
        scenarios::add(&mut d, "  ", vec![]),
        Err("A scenario needs a name.".into())
    );
    assert_eq!(
        scenarios::rename(&mut d, "s1", ""),
        Err("A scenario needs a name.".into())
    );
    assert_eq!(
        scenarios::rename(&mut d, "s9", "B"),
        Err(scenarios::GONE.into())
    );
    assert_eq!(
        scenarios::duplicate(&mut d, "s9"),
        Err(scenarios::GONE.into())
    );
    assert_eq!(scenarios::delete(&mut d, "s9"), Err(scenarios::GONE.into()));
    assert!(scenarios::remove_change(&mut d, "s1", 1).is_err());
    assert!(scenarios::promote(&mut d, "s9").is_err());
    assert!(baselines::set_active(&mut d, "b1").is_err());
    assert!(baselines::delete(&mut d, "b1").is_err());
    assert_eq!(d, before);
}

#[test]
fn promoting_makes_the_scenario_the_program_and_removes_it() {
    let mut d = doc();
    scenarios::add(&mut d, "Late design", vec![slip("1", 2)]).expect("added");
    scenarios::promote(&mut d, "s1").expect("promoted");
    assert!(d.scenarios.is_empty());
    assert_eq!(
        d.program.tasks[0].duration, 7,
        "Design's 5 days slipped by 2"
    );
    let finish = engine::schedule(&d.program).expect("schedules").finish;
    assert_eq!(finish, day(16), "Design to Tue 13, Code Wed 14 – Fri 16");
}

#[test]
fn evaluation_compares_each_scenario_with_the_program() {
    let mut d = doc();
    scenarios::add(&mut d, "Late design", vec![slip("1", 2)]).expect("added");
    scenarios::add(&mut d, "Gone task", vec![slip("9", 2)]).expect("added");
    let base = document::derived::Derived::of(&d, None).program.schedule;
    let e = scenarios::evaluate(&d, &base);
    assert_eq!(e.base.as_ref().expect("schedules").finish, day(14));
    let late = e.scenarios[0].result.as_ref().expect("compared");
    assert_eq!(late.finish.after, Some(day(16)));
    assert_eq!(
        late.finish.delta,
        Some(2),
        "two working days later: Fri 16 Jan"
    );
    // A change to a task that is not there is reported, not applied.
    assert!(matches!(
        e.scenarios[1].outcomes[0],
        Outcome::NoLongerApplies(_)
    ));
    let gone = e.scenarios[1].result.as_ref().expect("compared");
    assert_eq!(gone.finish.delta, Some(0));
}

#[test]
fn baselines_are_saved_made_active_and_deleted() {
    let mut d = doc();
    assert!(baselines::active(&d).is_none());
    let b1 = baselines::save(&mut d, "Plan of record", day(2)).expect("saved");
    let b2 = baselines::save(&mut d, "Replan", day(9)).expect("saved");
    assert_eq!((b1.as_str(), b2.as_str()), ("b1", "b2"));
    assert_eq!(
        baselines::active(&d).map(|b| b.name.as_str()),
        Some("Replan"),
        "the new one is active"
    );
    baselines::set_active(&mut d, "b1").expect("made active");
    assert_eq!(baselines::active(&d).map(|b| b.saved_on), Some(day(2)));
    // Deleting the active one makes the newest remaining one active.
    baselines::delete(&mut d, "b1").expect("deleted");
    assert_eq!(d.active_baseline.as_deref(), Some("b2"));
    baselines::delete(&mut d, "b2").expect("deleted");
    assert_eq!(d.active_baseline, None);
    assert!(
        baselines::save(&mut d, " ", day(9)).is_err(),
        "a name is needed"
    );
}

#[test]
fn a_scenario_alone_keeps_the_program_and_the_scenarios_its_logs_name() {
    let mut d = doc();
    for name in ["Late design", "Workshop", "Held by a change"] {
        scenarios::add(&mut d, name, vec![slip("1", 2)]).expect("added");
    }
    d.program
        .logs
        .changes
        .push(engine::logs::model::ChangeRequest {
            id: "CR1".into(),
            title: "Pull in code".into(),
            scenario: Some("s3".into()),
            ..Default::default()
        });
    let one = scenarios::alone(&d, "s2").expect("there is such a scenario");
    let kept: Vec<&str> = one.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(kept, ["Workshop", "Held by a change"]);
    assert_eq!(one.program, d.program);
    // What a link carries reads back whole.
    assert_eq!(planfile::read(&planfile::write(&one)).expect("reads"), one);
    assert_eq!(scenarios::alone(&d, "s9").unwrap_err(), scenarios::GONE);
}
