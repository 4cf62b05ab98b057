//! The logs' KPIs worked by hand on a few packs (Monday-to-Friday calendar, no holidays:
//! March 2027 starts on a Monday).

use super::*;
use crate::status::kpi::test_support::{date, item, pack, refs, values};
use crate::status::model::Facts;

#[test]
fn decision_latency_is_the_median_of_decisions_made_by_then() {
    let decisions = |items| Facts {
        decisions: items,
        ..Facts::default()
    };
    let packs = [
        // D1: Mon 03-01 → Wed 03-03 = 2. D3 decided 03-10, after this pack's date: left
        // out. D2 still open. Median of [2] = 2.
        pack(
            "2027-03-05",
            decisions(vec![
                item("D1", "2027-03-01", "2027-03-03"),
                item("D2", "2027-03-01", ""),
                item("D3", "2027-03-02", "2027-03-10"),
            ]),
        ),
        // D1 2; D2 03-01 → 03-11: 1–5, 8–10 = 8; D3 03-02 → 03-10: 2–5, 8, 9 = 6;
        // D4 03-08 → 03-09 = 1. Sorted 1 2 6 8: median (2 + 6) / 2 = 4.
        pack(
            "2027-03-12",
            decisions(vec![
                item("D1", "2027-03-01", "2027-03-03"),
                item("D2", "2027-03-01", "2027-03-11"),
                item("D3", "2027-03-02", "2027-03-10"),
                item("D4", "2027-03-08", "2027-03-09"),
            ]),
        ),
    ];
    let kpi = decision_latency(&Program::default(), &refs(&packs), &Targets::default());
    assert_eq!(values(&kpi.points), [Some(2.0), Some(4.0)]);
    assert_eq!(kpi.met, Some(true));
    assert_eq!(
        kpi.reading,
        "Decision latency 4 working days (median of 4 decisions made) — within the 5 working \
         days target"
    );
}

#[test]
fn dependency_aging_is_the_mean_age_of_open_dependencies() {
    let dependencies = |items| Facts {
        dependencies: items,
        ..Facts::default()
    };
    let packs = [
        // X open since 03-01: 1–5, 8–11 = 9; Y since 03-08: 8–11 = 4; Z delivered and W
        // without an opened date left out. Mean (9 + 4) / 2 = 6.5.
        pack(
            "2027-03-12",
            dependencies(vec![
                item("X", "2027-03-01", ""),
                item("Y", "2027-03-08", ""),
                item("Z", "2027-03-01", "2027-03-04"),
                item("W", "", ""),
            ]),
        ),
        // X 03-01 → 03-26: 5 + 5 + 5 + 4 = 19; Y delivered; V since 03-22: 22–25 = 4.
        // Mean (19 + 4) / 2 = 11.5.
        pack(
            "2027-03-26",
            dependencies(vec![
                item("X", "2027-03-01", ""),
                item("Y", "2027-03-08", "2027-03-15"),
                item("V", "2027-03-22", ""),
            ]),
        ),
    ];
    let kpi = dependency_aging(&Program::default(), &refs(&packs), &Targets::default());
    assert_eq!(values(&kpi.points), [Some(6.5), Some(11.5)]);
    assert_eq!(
        kpi.reading,
        "Dependency aging 11.5 working days (2 open, the oldest 19 working days) — within the \
         15 working days target"
    );
}

#[test]
fn critical_dependency_closure_counts_those_due_delivered_by_their_need_by() {
    let dependency = |id: &str, high: bool, due: &str, delivered: &str, state: &str| ItemFact {
        high,
        due: Some(date(due)),
        state: state.into(),
        ..item(id, "2027-02-01", delivered)
    };
    let dependencies = vec![
        // A due 03-10, delivered 03-09: on time.
        dependency("A", true, "2027-03-10", "2027-03-09", "delivered"),
        // B due 03-12, delivered 03-15: late.
        dependency("B", true, "2027-03-12", "2027-03-15", "delivered"),
        // C due 03-11, not delivered: missed.
        dependency("C", true, "2027-03-11", "", "missed"),
        // D due on the status date itself: left for the next pack.
        dependency("D", true, "2027-03-15", "", "committed"),
        // E not critical: left out.
        dependency("E", false, "2027-03-01", "2027-03-12", "delivered"),
        // F delivered without a date: cannot be judged, left out.
        dependency("F", true, "2027-03-05", "", "delivered"),
    ];
    let facts = Facts {
        dependencies,
        ..Facts::default()
    };
    // On 03-08 only F's need-by had passed, and it is left out: nothing to measure.
    // On 03-15: A, B, C due; A on time: 1 of 3 = 33.3 %.
    let packs = [pack("2027-03-08", facts.clone()), pack("2027-03-15", facts)];
    let kpi = critical_dependency_closure(&refs(&packs), &Targets::default());
    assert_eq!(values(&kpi.points)[0], None);
    assert!((kpi.latest.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        kpi.reading,
        "Critical dependency closure 33 % (1 of 3 due delivered by their need-by) — under the \
         85 % target"
    );
}

#[test]
fn risk_burndown_bands_open_high_risks_by_age_in_calendar_days() {
    let risk = |id: &str, high: bool, raised: &str, closed: &str| ItemFact {
        high,
        ..item(id, raised, closed)
    };
    let risks = vec![
        // On Fri 04-30: raised 04-20, 10 days old: under 30.
        risk("R1", true, "2027-04-20", ""),
        // 03-31: 30 days (1 in March + 29 in April): 30–45.
        risk("R2", true, "2027-03-31", ""),
        // 03-16: 15 + 30 = 45 days: 30–45 (45 included).
        risk("R3", true, "2027-03-16", ""),
        // 03-01: 30 + 30 = 60 days: over 45.
        risk("R4", true, "2027-03-01", ""),
        // Not high, closed, and without a raised date: not in the bands.
        risk("R5", false, "2027-01-01", ""),
        risk("R6", true, "2027-01-01", "2027-04-01"),
        risk("R7", true, "", ""),
    ];
    let facts = Facts {
        risks,
        ..Facts::default()
    };
    // A first pack without risks has nothing to measure; 30 days or more: R2 R3 R4 = 3.
    let packs = [
        pack("2027-03-01", Facts::default()),
        pack("2027-04-30", facts),
    ];
    let kpi = risk_burndown(&refs(&packs), &Targets::default());
    assert_eq!(values(&kpi.points), [None, Some(3.0)]);
    let bands: Vec<Vec<Option<f64>>> = kpi.series.iter().map(|s| values(&s.points)).collect();
    assert_eq!(
        bands,
        [
            vec![None, Some(1.0)],
            vec![None, Some(2.0)],
            vec![None, Some(1.0)]
        ]
    );
    assert!(kpi.stacked);
    assert_eq!(
        kpi.reading,
        "Risk burndown 3 (5 open high risks: 1 under 30 days, 2 of 30–45 days, 1 older, 1 \
         without a raised date) — over the 0 target"
    );
}

#[test]
fn issue_resolution_is_the_share_resolved_within_ten_working_days() {
    let issues = vec![
        // Mon 03-01 → Fri 03-05 = 4.
        item("I1", "2027-03-01", "2027-03-05"),
        // 03-01 → Mon 03-15 = 10: within (10 included).
        item("I2", "2027-03-01", "2027-03-15"),
        // 03-01 → 03-16 = 11: not within.
        item("I3", "2027-03-01", "2027-03-16"),
        // Open, and resolved after the pack's date: left out.
        item("I4", "2027-03-01", ""),
        item("I5", "2027-03-10", "2027-04-05"),
    ];
    let facts = Facts {
        issues,
        ..Facts::default()
    };
    // 2 of 3 = 66.7 %; mean (4 + 10 + 11) / 3 = 8.33, shown 8.3.
    let packs = [pack("2027-03-31", facts)];
    let kpi = issue_resolution(&Program::default(), &refs(&packs), &Targets::default());
    assert!((kpi.latest.unwrap() - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        kpi.reading,
        "Issue resolution 67 % (2 of 3 resolved within 10 working days, in 8.3 working days on \
         average) — under the 70 % target"
    );
}

#[test]
fn median_and_mean_of_nothing_are_none() {
    assert_eq!(median(vec![]), None);
    assert_eq!(median(vec![7, 1, 3]), Some(3.0));
    assert_eq!(mean(&[]), None);
    assert_eq!(mean(&[1, 2]), Some(1.5));
}
