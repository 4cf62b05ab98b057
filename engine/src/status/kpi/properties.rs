//! The KPIs' rules as properties over random packs: one point per pack, rates within
//! 0–100, `latest` and `met` as the points say, no panic on empty or fact-less packs, and
//! the critical path change 0 for the same path and 1 for disjoint ones.

use super::test_support::{named, pack};
use super::*;
use crate::status::model::{ItemFact, MilestoneFact, ReadinessFact};
use proptest::prelude::*;

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).unwrap() + chrono::Days::new(offset as u64)
}

fn some_day() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((0i64..150).prop_map(day))
}

fn milestones() -> impl Strategy<Value = Vec<MilestoneFact>> {
    let one = (0..4usize, 0i64..150, some_day(), some_day()).prop_map(|(i, finish, c, a)| {
        MilestoneFact {
            id: format!("m{i}"),
            name: format!("M{i}"),
            finish: day(finish),
            committed: c,
            p80: None,
            actual: a,
        }
    });
    prop::collection::vec(one, 0..5)
}

fn items() -> impl Strategy<Value = Vec<ItemFact>> {
    let state = prop::sample::select(vec!["open", "delivered", "missed", "decided"]);
    let one = (
        0..6usize,
        some_day(),
        some_day(),
        some_day(),
        any::<(bool, bool)>(),
        state,
    )
        .prop_map(|(i, opened, closed, due, (open, high), state)| ItemFact {
            id: format!("i{i}"),
            name: String::new(),
            state: state.into(),
            open,
            high,
            opened,
            closed,
            due,
        });
    prop::collection::vec(one, 0..6)
}

fn facts() -> impl Strategy<Value = Facts> {
    let critical = prop::collection::vec(any::<bool>(), 6);
    let readiness = prop::collection::vec(0.0f64..=100.0, 0..3);
    (
        (some_day(), some_day(), milestones(), critical),
        (items(), items(), items(), items()),
        (readiness, 0usize..5),
    )
        .prop_map(
            |((finish, by, milestones, on_path), (risks, issues, decisions, deps), (ready, n))| {
                let ids: Vec<&str> = ["a", "b", "c", "d", "e", "f"]
                    .into_iter()
                    .zip(on_path)
                    .filter_map(|(id, on)| on.then_some(id))
                    .collect();
                Facts {
                    finish,
                    finish_by: by,
                    milestones,
                    critical: named(&ids),
                    baseline_tasks: n,
                    risks,
                    issues,
                    decisions,
                    dependencies: deps,
                    readiness: ready
                        .into_iter()
                        .map(|percent| ReadinessFact {
                            milestone: "m0".into(),
                            percent,
                        })
                        .collect(),
                    ..Facts::default()
                }
            },
        )
}

/// Up to five packs a week apart from a random start.
fn packs() -> impl Strategy<Value = Vec<Pack>> {
    (0i64..60, prop::collection::vec(facts(), 0..5)).prop_map(|(start, all)| {
        all.into_iter()
            .enumerate()
            .map(|(i, facts)| pack(&day(start + 7 * i as i64).to_string(), facts))
            .collect()
    })
}

/// The KPIs that are a share: 0 to 100 (the scope change may exceed 100 %: more tasks
/// added than the baseline had).
const SHARES: [&str; 6] = [
    "on_time_rate",
    "critical_dependency_closure",
    "critical_path_stability",
    "issue_resolution",
    "release_readiness",
    "forecast_accuracy",
];

proptest! {
    #[test]
    fn every_kpi_has_a_point_per_pack_and_reads_its_latest(packs in packs()) {
        let kpis = all(&Program::default(), &packs.iter().collect::<Vec<_>>(), &Targets::default());
        prop_assert_eq!(kpis.len(), 11);
        for kpi in &kpis {
            prop_assert_eq!(kpi.points.len(), packs.len());
            for series in &kpi.series {
                prop_assert_eq!(series.points.len(), packs.len());
            }
            let last = kpi.points.iter().rev().find_map(|p| p.value);
            prop_assert_eq!(kpi.latest, last);
            prop_assert_eq!(kpi.met, last.map(|v| meets(v, kpi.target, kpi.better)));
            prop_assert!(kpi.reading.starts_with(kpi.name));
            let values = kpi.points.iter().filter_map(|p| p.value);
            if SHARES.contains(&kpi.key) {
                for v in values {
                    prop_assert!((0.0..=100.0).contains(&v), "{} = {v}", kpi.key);
                }
            } else if kpi.unit != Unit::WorkingDays {
                for v in values {
                    prop_assert!(v >= 0.0, "{} = {v}", kpi.key);
                }
            }
        }
    }

    #[test]
    fn the_same_path_changes_0_and_disjoint_paths_1(
        a in prop::collection::btree_set("[a-h]", 1..6),
        b in prop::collection::btree_set("[i-p]", 1..6),
    ) {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let b: Vec<&str> = b.iter().map(String::as_str).collect();
        let (a, b) = (named(&a), named(&b));
        prop_assert_eq!(path_change(&a, &a), Some(0.0));
        prop_assert_eq!(path_change(&a, &b), Some(1.0));
        let mut both = a.clone();
        both.extend(b.clone());
        let share = path_change(&a, &both).unwrap();
        prop_assert!((0.0..=1.0).contains(&share));
        prop_assert_eq!(Some(share), path_change(&both, &a));
    }

    #[test]
    fn the_median_lies_between_the_least_and_the_most(values in prop::collection::vec(-50i64..50, 1..20)) {
        let median = logs::median(values.clone()).unwrap();
        let (least, most) = (values.iter().min().unwrap(), values.iter().max().unwrap());
        prop_assert!(*least as f64 <= median && median <= *most as f64);
    }
}

#[test]
fn no_pack_and_packs_without_facts_measure_nothing() {
    let program = Program::default();
    assert!(
        all(&program, &[], &Targets::default())
            .iter()
            .all(|k| k.points.is_empty() && k.latest.is_none() && k.met.is_none())
    );
    let empty = [
        pack("2027-03-01", Facts::default()),
        pack("2027-03-08", Facts::default()),
    ];
    for kpi in all(
        &program,
        &empty.iter().collect::<Vec<_>>(),
        &Targets::default(),
    ) {
        assert!(kpi.points.iter().all(|p| p.value.is_none()), "{}", kpi.key);
        assert!(kpi.reading.contains(": "), "{}", kpi.reading);
    }
}

#[test]
fn targets_default_to_the_blueprints_and_read_back_from_a_partial_file() {
    let targets: Targets = serde_json::from_str(r#"{"on_time_percent": 90}"#).unwrap();
    assert_eq!(targets.on_time_percent, 90.0);
    assert_eq!(targets.on_time_tolerance_days, 5);
    assert!(Targets::default().is_default());
    let text = serde_json::to_string(&Targets::default()).unwrap();
    assert_eq!(
        serde_json::from_str::<Targets>(&text).unwrap(),
        Targets::default()
    );
}
