//! The plan's KPIs worked by hand on a few packs.

use super::*;
use crate::Program;
use crate::status::kpi::test_support::{date, named, pack, refs, values};
use crate::status::model::{Facts, ReadinessFact};

/// A pack whose facts kept `added` and `removed` against a baseline of `baseline_tasks`.
fn scoped(status_date: &str, baseline_tasks: usize, added: usize, removed: usize) -> Pack {
    pack(
        status_date,
        Facts {
            baseline_tasks,
            baseline_added: added,
            baseline_removed: removed,
            ..Facts::default()
        },
    )
}

#[test]
fn scope_change_is_tasks_added_and_removed_over_the_baseline() {
    let packs = [
        // No baseline: nothing to measure.
        scoped("2027-03-01", 0, 0, 0),
        // (3 + 1) / 40 = 10 %.
        scoped("2027-03-05", 40, 3, 1),
        // (5 + 3) / 40 = 20 %.
        scoped("2027-03-12", 40, 5, 3),
    ];
    let kpi = scope_change(&refs(&packs), &Targets::default());
    assert_eq!(values(&kpi.points), [None, Some(10.0), Some(20.0)]);
    assert_eq!(
        kpi.reading,
        "Scope change 20 % (5 added, 3 removed of 40 baseline tasks) — over the 10 % target"
    );
}

/// The scope counts a drafted pack keeps in its facts.
#[test]
fn scope_change_reads_a_drafted_pack() {
    use crate::status::facts::Inputs;
    let task =
        |id: &str| format!(r#"{{"id": "{id}", "name": "{id}", "workstream": "w", "duration": 2}}"#);
    let program_of = |ids: &[&str]| -> Program {
        let tasks: Vec<String> = ids.iter().map(|id| task(id)).collect();
        let json = format!(
            r#"{{"program": {{"name": "P", "start": "2027-03-01"}},
                "workstreams": [{{"id": "w", "name": "W"}}], "tasks": [{}]}}"#,
            tasks.join(",")
        );
        serde_json::from_str(&json).unwrap()
    };
    let before = program_of(&["a", "b", "c", "d", "e"]);
    let plan = crate::schedule(&before).unwrap();
    let baseline = crate::baseline::capture("B1", "B1", date("2027-03-01"), &before, &plan);
    // e removed, f and g added: (2 + 1) / 5 = 60 %.
    let now = program_of(&["a", "b", "c", "d", "f", "g"]);
    let plan = crate::schedule(&now).unwrap();
    let inputs = Inputs {
        program: &now,
        schedule: &plan,
        baseline: Some(&baseline),
        forecast: None,
        status_date: date("2027-03-05"),
    };
    let status = crate::status::Status::default();
    let drafted = crate::status::pack::draft(&inputs, &status, date("2027-03-05"), Vec::new());
    assert_eq!(scope_counts(&drafted), Some((2, 1)));
    let kpi = scope_change(&[&drafted], &Targets::default());
    assert_eq!(kpi.latest, Some(60.0));
}

#[test]
fn critical_path_stability_compares_each_pack_with_the_one_before() {
    let path = |date: &str, ids: &[&str]| {
        pack(
            date,
            Facts {
                critical: named(ids),
                ..Facts::default()
            },
        )
    };
    let packs = [
        path("2027-03-05", &["a", "b", "c", "d"]),
        // d left, e joined; a b c d e on either path: 2 / 5 = 40 %.
        path("2027-03-12", &["a", "b", "c", "e"]),
        // The same tasks: 0 / 4 = 0 %.
        path("2027-03-19", &["e", "c", "b", "a"]),
    ];
    let kpi = critical_path_stability(&refs(&packs), &Targets::default());
    assert_eq!(values(&kpi.points), [None, Some(40.0), Some(0.0)]);
    assert_eq!(kpi.met, Some(true));
    assert_eq!(
        kpi.reading,
        "Critical path change 0 % (0 joined and 0 left of 4 tasks on either path since \
         2027-03-12) — within the 25 % target"
    );
}

#[test]
fn release_readiness_is_the_mean_of_the_checklists() {
    let lists = |date: &str, percents: &[(&str, f64)]| {
        let readiness = percents
            .iter()
            .map(|&(milestone, percent)| ReadinessFact {
                milestone: milestone.into(),
                percent,
            })
            .collect();
        pack(
            date,
            Facts {
                readiness,
                ..Facts::default()
            },
        )
    };
    let packs = [
        // (50 + 100) / 2 = 75.
        lists("2027-03-05", &[("ga", 50.0), ("beta", 100.0)]),
        // (90 + 100 + 98) / 3 = 96.
        lists(
            "2027-03-12",
            &[("ga", 90.0), ("beta", 100.0), ("gamma", 98.0)],
        ),
        // No checklist: nothing to measure, the latest stays 96.
        lists("2027-03-19", &[]),
    ];
    let kpi = release_readiness(&refs(&packs), &Targets::default());
    assert_eq!(values(&kpi.points), [Some(75.0), Some(96.0), None]);
    assert_eq!((kpi.latest, kpi.met), (Some(96.0), Some(true)));
    assert_eq!(
        kpi.reading,
        "Release readiness 96 % (mean of 3 checklists, the least ready ga at 90 %) — meets the \
         95 % target"
    );
}
