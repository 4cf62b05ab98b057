//! The plan model built from a document (`document::plan_rows::plan_model`), worked by hand:
//! rows in workstream order, bars in calendar days from the chart's origin, links between
//! shown rows, a folded workstream, a scenario's bars over the program's, and the variance
//! to the active baseline.

use std::collections::HashSet;

use chrono::NaiveDate;
use document::Column;
use document::derived::Derived;
use document::plan_model::{PlanModel, PlanRow, RowKey, TaskRow};
use document::plan_rows::plan_model;
use engine::filter::TaskFilter;
use planfile::Document;

/// Build (w): Design 5d → Code 3d (FS) → Ready (milestone); Run (ops): Deploy 2d after Code.
/// Starts Monday 2026-01-05; the chart's origin is the Monday a week before: 2025-12-29.
fn doc() -> Document {
    planfile::read(
        r#"{"program": {"name": "P", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "Build"}, {"id": "ops", "name": "Run"}],
            "tasks": [
              {"id": "1", "name": "Design", "workstream": "w", "duration": 5},
              {"id": "2", "name": "Code", "workstream": "w", "duration": 3},
              {"id": "4", "name": "Deploy", "workstream": "ops", "duration": 2},
              {"id": "3", "name": "Ready", "workstream": "w", "duration": 0, "milestone": true}],
            "dependencies": [{"from": "1", "to": "2"}, {"from": "2", "to": "3"},
                             {"from": "2", "to": "4"}]}"#,
    )
    .expect("the example reads")
}

fn model(doc: &Document, collapsed: &[&str], scenario: Option<&str>) -> PlanModel {
    let shut: HashSet<String> = collapsed.iter().map(|s| s.to_string()).collect();
    let today = NaiveDate::from_ymd_opt(2026, 1, 7);
    let derived = Derived::of(doc, scenario);
    plan_model(doc, &derived, &shut, today, &TaskFilter::default())
}

fn task<'m>(model: &'m PlanModel, id: &str) -> &'m TaskRow {
    model
        .rows()
        .iter()
        .find_map(|r| match r {
            PlanRow::Task(t) if t.id == id => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no row for task {id}"))
}

#[test]
fn rows_bars_and_links_by_hand() {
    let m = model(&doc(), &[], None);
    let keys: Vec<String> = m.rows().iter().map(|r| r.key().to_string()).collect();
    assert_eq!(keys, ["g:w", "t:1", "t:2", "t:3", "g:ops", "t:4"]);
    assert_eq!(m.origin, "2025-12-29");
    assert_eq!(m.today, Some(9), "2026-01-07 is 9 days after the origin");
    // Design: Mon 5 – Fri 9 Jan, calendar days 7..12 (end exclusive).
    let design = task(&m, "1");
    assert_eq!(
        (&*Column::Start.text(design), &*Column::Finish.text(design)),
        ("2026-01-05", "2026-01-09")
    );
    let bar = design.bar.as_ref().expect("scheduled");
    assert_eq!((bar.start, bar.end), (7, 12));
    // Code: Mon 12 – Wed 14 Jan (the weekend is skipped): days 14..17.
    let code = task(&m, "2").bar.as_ref().expect("scheduled");
    assert_eq!((code.start, code.end), (14, 17));
    // Ready, a milestone, is dated the day Code finishes (as MS Project dates it), Wed 14 Jan
    // = day 16, with no width.
    let ready = task(&m, "3").bar.as_ref().expect("scheduled");
    assert_eq!((ready.start, ready.end), (16, 16));
    // Deploy: Thu 15 – Fri 16 Jan: days 17..19; the longest path, so Ready has 2 days of float.
    let deploy = task(&m, "4");
    assert_eq!(
        deploy.bar.as_ref().map(|b| (b.start, b.end)),
        Some((17, 19))
    );
    assert!(deploy.critical);
    assert_eq!(Column::TotalFloat.text(task(&m, "3")), "2d");
    // The group row spans its tasks: Build from 5 to 14 Jan, days 7..17.
    let PlanRow::Group(build) = &m.rows()[0] else {
        panic!("a group first")
    };
    assert_eq!(
        (build.start.as_str(), build.finish.as_str()),
        ("2026-01-05", "2026-01-14")
    );
    assert_eq!(build.bar, Some((7, 17)));
    // Links between rows: 1→2, 2→3, 2→4 (rows 1, 2, 3 and 5).
    let links: Vec<(usize, usize, &str)> = m
        .links
        .iter()
        .map(|l| (l.from_row, l.to_row, l.kind))
        .collect();
    assert_eq!(links, [(1, 2, "FS"), (2, 3, "FS"), (2, 5, "FS")]);
    assert_eq!(m.total_tasks, 4);
}

#[test]
fn a_folded_workstream_keeps_its_row_and_hides_its_tasks_and_their_links() {
    let m = model(&doc(), &["w"], None);
    let keys: Vec<RowKey> = m.rows().iter().map(PlanRow::key).collect();
    assert_eq!(
        keys,
        [
            RowKey::Group("w".into()),
            RowKey::Group("ops".into()),
            RowKey::Task("4".into())
        ]
    );
    assert!(m.links.is_empty(), "no link has both ends shown");
}

#[test]
fn a_scenario_draws_its_bars_over_the_programs_and_the_baseline_gives_the_variance() {
    let mut d = doc();
    // A baseline of the plan as it is, made active; then Design slips 2 days in a scenario.
    let checked = engine::check(&d.program).expect("valid");
    let schedule = engine::schedule_checked(&checked).expect("schedules");
    let baseline = engine::baseline::capture(
        "b1",
        "Plan of record",
        NaiveDate::from_ymd_opt(2026, 1, 2).expect("a date"),
        &d.program,
        &schedule,
    );
    d.baselines.push(baseline);
    d.active_baseline = Some("b1".into());
    d.scenarios.push(
        serde_json::from_str(
            r#"{"id": "s1", "name": "Late design",
               "changes": [{"change": "slip", "task": "1", "days": 2}]}"#,
        )
        .expect("a scenario"),
    );
    let m = model(&d, &[], Some("s1"));
    assert_eq!(m.scenario.as_deref(), Some("Late design"));
    // Code moves 2 working days: Wed 14 – Fri 16 Jan, days 16..19; its ghost stays at 14..17.
    let code = task(&m, "2");
    let bar = code.bar.as_ref().expect("scheduled");
    assert_eq!((bar.start, bar.end), (16, 19));
    assert_eq!(bar.ghost, Some((14, 17)));
    assert_eq!(bar.baseline, Some((14, 17)));
    assert_eq!(Column::FinishVariance.text(code), "+2d");
}

/// A program that does not check (a predecessor typed wrong) still shows every task and
/// what was typed, so it can be mended in the grid.
#[test]
fn an_unknown_predecessor_is_shown_as_typed() {
    let mut d = doc();
    d.program.dependencies.push(engine::Dependency {
        from: "zz".into(),
        to: "4".into(),
        kind: engine::LinkType::SS,
        lag: 0,
    });
    let m = model(&d, &[], None);
    assert!(
        m.problem.as_deref().is_some_and(|p| p.contains("zz")),
        "{:?}",
        m.problem
    );
    assert_eq!(Column::Predecessors.text(task(&m, "4")), "2, zzSS");
    assert_eq!(Column::Start.text(task(&m, "4")), "", "nothing scheduled");
    // The links between known tasks are drawn; the one from the unknown id is not.
    assert_eq!(m.links.len(), 3, "{:?}", m.links);
}

/// A window of rows is the same rows as the whole model's, whatever the window, the folds
/// and the filter; the layout alone gives each row's key and bar, as the built row does.
mod windows {
    use std::collections::HashSet;
    use std::sync::Arc;

    use document::derived::Derived;
    use document::plan_model::PlanRow;
    use document::plan_rows::{plan_layout, plan_window};
    use engine::filter::TaskFilter;
    use engine::generate::{Shape, generate};
    use planfile::Document;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn a_window_is_the_same_rows_as_the_whole_model(
            tasks in 1usize..120,
            seed in 0u64..1_000,
            start in 0usize..140,
            length in 0usize..80,
            fold_first in any::<bool>(),
            critical_only in any::<bool>(),
        ) {
            let doc = Document { program: generate(Shape::Random, tasks, seed), ..Document::default() };
            let derived = Derived::of(&doc, None);
            let shut: HashSet<String> = fold_first
                .then(|| doc.program.workstreams[0].id.clone())
                .into_iter()
                .collect();
            let filter = TaskFilter { critical: critical_only, ..TaskFilter::default() };
            let layout = Arc::new(plan_layout(&doc, &derived, &shut, None, &filter));
            let whole = plan_window(&doc, &derived, &layout, 0..layout.len());
            prop_assert!(whole.is_whole());
            let window = plan_window(&doc, &derived, &layout, start..start + length);
            let built = window.built();
            prop_assert!(built.end <= layout.len());
            prop_assert_eq!(built.len(), (start + length).min(layout.len()) - start.min(layout.len()));
            for (i, row) in window.rows_in(0..usize::MAX) {
                prop_assert_eq!(Some(row), whole.row(i));
            }
            prop_assert!(window.row(built.end).is_none());
            for (i, row) in whole.rows_in(0..layout.len()) {
                prop_assert_eq!(Some(&row.key()), layout.key(i));
                let bar = match row {
                    PlanRow::Task(t) => t.bar.as_ref(),
                    PlanRow::Group(_) => None,
                };
                prop_assert_eq!(bar, layout.bar(i));
            }
        }
    }
}

/// The outline: Release (a summary) over Design → Code, listed after Deploy and Ready in the
/// file, shows in outline order under it, one level in; its bar is a summary's bracket over
/// Mon 5 – Wed 14 (calendar days 7..17), its duration the 8 working days it spans. Folded
/// (`t:R`), its tasks are hidden, and so are the links to them.
#[test]
fn summaries_show_in_outline_order_and_fold() {
    let doc = planfile::read(
        r#"{"program": {"name": "P", "start": "2026-01-05"},
            "workstreams": [{"id": "w", "name": "Build"}],
            "tasks": [
              {"id": "1", "name": "Design", "workstream": "w", "duration": 5, "parent": "R"},
              {"id": "3", "name": "Ready", "workstream": "w", "duration": 0, "milestone": true},
              {"id": "R", "name": "Release", "workstream": "w", "summary": true},
              {"id": "2", "name": "Code", "workstream": "w", "duration": 3, "parent": "R"}],
            "dependencies": [{"from": "1", "to": "2"}, {"from": "R", "to": "3"}]}"#,
    )
    .expect("the example reads");
    let m = model(&doc, &[], None);
    let keys: Vec<String> = m.rows().iter().map(|r| r.key().to_string()).collect();
    assert_eq!(keys, ["g:w", "t:3", "t:R", "t:1", "t:2"]);
    let release = task(&m, "R");
    assert!(release.summary && !release.milestone && !release.folded);
    assert_eq!(
        (release.level, task(&m, "1").level, task(&m, "3").level),
        (0, 1, 0)
    );
    assert_eq!(release.duration, 8);
    let bar = release.bar.as_ref().expect("a bar");
    assert!(bar.summary);
    assert_eq!((bar.start, bar.end), (7, 17));
    let shut = model(&doc, &["t:R"], None);
    let keys: Vec<String> = shut.rows().iter().map(|r| r.key().to_string()).collect();
    assert_eq!(keys, ["g:w", "t:3", "t:R"]);
    assert!(task(&shut, "R").folded);
    assert_eq!(shut.links.len(), 1, "only Release → Ready is drawn");
}

/// A scenario that levels Code shows it held back, with its reason, on its row (the chart's
/// tooltip); the program's row says nothing.
#[test]
fn a_leveled_task_says_why_in_the_scenario() {
    let mut doc = doc();
    doc.scenarios.push(engine::scenario::Scenario {
        id: "s1".into(),
        name: "Leveled".into(),
        description: String::new(),
        changes: vec![engine::scenario::Change::Level {
            task: "2".into(),
            start: NaiveDate::from_ymd_opt(2026, 1, 19),
            reason: "starts 5 d later: SRE (1 a day) is used by 'Deploy'".into(),
        }],
    });
    let m = model(&doc, &[], Some("s1"));
    let code = task(&m, "2");
    assert_eq!(
        code.leveling.as_deref(),
        Some("Leveled to start 2026-01-19: starts 5 d later: SRE (1 a day) is used by 'Deploy'")
    );
    assert_eq!(code.times.unwrap().start.to_string(), "2026-01-19");
    assert!(task(&model(&doc, &[], None), "2").leveling.is_none());
}
