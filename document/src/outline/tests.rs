//! Indent, Outdent, Delete and the outline order on a small plan: A, B, C, D in one
//! workstream, E in another.

use super::*;
use engine::kept::KeptProgram;

fn plan() -> Program {
    serde_json::from_str(
        r#"{"program": {"name": "P", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "W"}, {"id": "x", "name": "X"}],
            "tasks": [
              {"id": "A", "name": "A", "workstream": "w", "duration": 4,
               "constraint": {"type": "SNET", "date": "2026-01-06"}},
              {"id": "B", "name": "B", "workstream": "w", "duration": 2},
              {"id": "C", "name": "C", "workstream": "w", "duration": 3},
              {"id": "E", "name": "E", "workstream": "x", "duration": 1},
              {"id": "D", "name": "D", "workstream": "w", "duration": 1}]}"#,
    )
    .unwrap()
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Applies `edits` as the app does (checked), returning the program.
fn made(program: &Program, edits: &[Edit]) -> Program {
    let mut kept = KeptProgram::new(program.clone()).unwrap();
    kept.apply(edits).unwrap_or_else(|e| panic!("{e}"));
    kept.into_program()
}

#[test]
fn indent_puts_a_task_under_the_one_above_which_becomes_a_summary() {
    let p = made(&plan(), &indent(&plan(), &ids(&["B", "C"])).unwrap());
    assert!(p.tasks[0].summary);
    assert_eq!((p.tasks[0].duration, &p.tasks[0].constraint), (0, &None));
    assert_eq!(p.tasks[1].parent.as_deref(), Some("A"));
    assert_eq!(p.tasks[2].parent.as_deref(), Some("A"));
    // B and C run side by side from the start: A spans them, Mon 5 – Wed 7.
    let s = engine::schedule(&p).unwrap();
    assert_eq!(
        (s.tasks[0].start.to_string(), s.tasks[0].finish.to_string()),
        ("2026-01-05".into(), "2026-01-07".into())
    );
    // C again: now under B (its previous sibling under A).
    let p = made(&p, &indent(&p, &ids(&["C"])).unwrap());
    assert_eq!(p.tasks[2].parent.as_deref(), Some("B"));
    assert!(p.tasks[1].summary);
    let order = outline_order(&p, &[0, 1, 2, 4], |_| false);
    let levels: Vec<(usize, u16)> = order.iter().map(|r| (r.index, r.level)).collect();
    assert_eq!(levels, vec![(0, 0), (1, 1), (2, 2), (4, 0)]);
    let shut = outline_order(&p, &[0, 1, 2, 4], |id| id == "B");
    assert_eq!(
        shut.iter().map(|r| r.index).collect::<Vec<_>>(),
        vec![0, 1, 4]
    );
}

#[test]
fn indent_needs_a_task_above_at_the_same_level() {
    let refused = indent(&plan(), &ids(&["A"])).unwrap_err();
    assert!(refused.contains("no task above"), "{refused}");
    // E is alone in its workstream.
    assert!(indent(&plan(), &ids(&["E"])).is_err());
}

#[test]
fn outdent_moves_a_task_up_and_an_emptied_summary_becomes_a_task_again() {
    let p = made(&plan(), &indent(&plan(), &ids(&["B"])).unwrap());
    let back = outdent(&p, &ids(&["B"]), |id| (id == "A").then_some(2)).unwrap();
    let p = made(&p, &back);
    assert_eq!(p.tasks[1].parent, None);
    assert!(!p.tasks[0].summary);
    assert_eq!(p.tasks[0].duration, 2, "it keeps the span it had");
    assert!(
        outdent(&p, &ids(&["B"]), |_| None).is_err(),
        "at the top already"
    );
}

#[test]
fn deleting_a_summary_deletes_its_tasks_and_the_last_task_empties_it() {
    let p = made(&plan(), &indent(&plan(), &ids(&["B", "C"])).unwrap());
    assert_eq!(with_tasks_under(&p, &ids(&["A"])), ids(&["A", "B", "C"]));
    let emptied = emptied_summaries(&p, &ids(&["B", "C"]), |_| Some(3));
    assert_eq!(emptied.len(), 1);
    let Edit::ReplaceTask { index: 0, task } = &emptied[0] else {
        panic!("{emptied:?}")
    };
    assert_eq!((task.summary, task.duration), (false, 3));
    assert!(emptied_summaries(&p, &ids(&["B"]), |_| None).is_empty());
}

#[test]
fn an_inserted_task_goes_under_a_summary_it_follows() {
    let p = made(&plan(), &indent(&plan(), &ids(&["B"])).unwrap());
    assert_eq!(parent_for_inserted(&p.tasks[0]).as_deref(), Some("A"));
    assert_eq!(parent_for_inserted(&p.tasks[1]).as_deref(), Some("A"));
    assert_eq!(parent_for_inserted(&p.tasks[2]), None);
}
