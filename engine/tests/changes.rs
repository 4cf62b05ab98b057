//! What changed between two programs, counted and in words.

use engine::changes::ChangeSummary;
use engine::{Dependency, LinkType, Program, Task};

fn task(id: &str, days: i64) -> Task {
    Task {
        id: id.into(),
        name: format!("Task {id}"),
        workstream: "w".into(),
        duration: days,
        ..Task::default()
    }
}

fn link(from: &str, to: &str, lag: i64) -> Dependency {
    Dependency {
        from: from.into(),
        to: to.into(),
        kind: LinkType::FS,
        lag,
    }
}

#[test]
fn counts_tasks_and_links_added_removed_and_changed() {
    let before = Program {
        tasks: vec![task("1", 2), task("2", 3), task("3", 1)],
        dependencies: vec![link("1", "2", 0), link("2", "3", 0)],
        ..Program::default()
    };
    let mut after = before.clone();
    after.tasks.remove(2); // 3 removed, with its link
    after.dependencies.remove(1);
    after.tasks[0].duration = 5; // 1 changed
    after.tasks.push(task("4", 1));
    after.tasks.push(task("5", 1));
    after.dependencies[0].lag = 2; // 1 → 2 changed
    after.dependencies.push(link("4", "5", 0));
    let summary = ChangeSummary::between(&before, &after);
    assert_eq!(
        summary,
        ChangeSummary {
            tasks_added: 2,
            tasks_removed: 1,
            tasks_changed: 1,
            links_added: 1,
            links_removed: 1,
            links_changed: 1,
            settings_changed: false,
            part_changed: None,
        }
    );
    assert_eq!(summary.size(), 7);
    assert_eq!(
        summary.words(),
        "2 tasks added, 1 task removed, 1 task changed, 1 link added, 1 link removed, 1 link changed"
    );
    // The other way round, the counts swap.
    let back = ChangeSummary::between(&after, &before);
    assert_eq!((back.tasks_added, back.tasks_removed), (1, 2));
}

#[test]
fn settings_and_nothing() {
    let before = Program::default();
    assert!(ChangeSummary::between(&before, &before).is_empty());
    assert_eq!(ChangeSummary::between(&before, &before).words(), "");
    let mut after = before.clone();
    after
        .calendar
        .holidays
        .push(chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
    let summary = ChangeSummary::between(&before, &after);
    assert!(summary.settings_changed);
    assert_eq!(summary.size(), 0);
    assert_eq!(summary.words(), "a change to the program's settings");
}

#[test]
fn a_change_beside_the_plan_is_named() {
    let before = Program::default();
    let mut after = before.clone();
    after.board.objectives.push(engine::board::Objective {
        id: "O1".into(),
        ..Default::default()
    });
    assert_eq!(
        ChangeSummary::between(&before, &after).words(),
        "a change to the board"
    );
}
