//! The schedule's KPIs worked by hand on a few packs (Monday-to-Friday calendar, no
//! holidays: March 2027 starts on a Monday).

use super::*;
use crate::status::kpi::test_support::{date, milestone, pack, refs, values};
use crate::status::model::Facts;

fn facts(milestones: Vec<MilestoneFact>) -> Facts {
    Facts {
        milestones,
        ..Facts::default()
    }
}

#[test]
fn on_time_rate_counts_done_milestones_within_the_tolerance() {
    let packs = [
        // Nothing done yet.
        pack(
            "2027-03-01",
            facts(vec![milestone("a", "2027-03-03", "2027-03-01", "")]),
        ),
        // a: committed Mon 03-01, done Wed 03-03: 2 working days late ≤ 5, on time.
        // 1 of 1 = 100 %.
        pack(
            "2027-03-05",
            facts(vec![milestone(
                "a",
                "2027-03-03",
                "2027-03-01",
                "2027-03-03",
            )]),
        ),
        // a on time as before; b committed Mon 03-08, done Tue 03-16: 8 9 10 11 12 15 = 6
        // working days late > 5, late; c done Fri 03-12, a week before its 03-19: on time;
        // d done without a committed date: not counted. 2 of 3 = 66.7 %, shown 67 %.
        pack(
            "2027-03-19",
            facts(vec![
                milestone("a", "2027-03-03", "2027-03-01", "2027-03-03"),
                milestone("b", "2027-03-16", "2027-03-08", "2027-03-16"),
                milestone("c", "2027-03-12", "2027-03-19", "2027-03-12"),
                milestone("d", "2027-03-12", "", "2027-03-12"),
            ]),
        ),
    ];
    let kpi = on_time_rate(&Program::default(), &refs(&packs), &Targets::default());
    assert_eq!(values(&kpi.points)[..2], [None, Some(100.0)]);
    assert!((kpi.latest.unwrap() - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(kpi.met, Some(false));
    assert_eq!(
        kpi.reading,
        "On-time rate 67 % (2 of 3 milestones within 5 working days) — under the 80 % target"
    );
}

/// The program due 03-31 and two milestones, in two packs a week apart.
fn variance_packs(finish_by: Option<&str>) -> [Pack; 2] {
    let with = |finish: &str, milestones| Facts {
        finish: Some(date(finish)),
        finish_by: finish_by.map(date),
        milestones,
        ..Facts::default()
    };
    [
        // Program Fri 04-02 against Wed 03-31: 31, 1 = +2. a: 03-17 against Mon 03-15:
        // 15, 16 = +2. b: Fri 03-19 against Mon 03-22: 19 = −1.
        pack(
            "2027-03-05",
            with(
                "2027-04-02",
                vec![
                    milestone("a", "2027-03-17", "2027-03-15", ""),
                    milestone("b", "2027-03-19", "2027-03-22", ""),
                ],
            ),
        ),
        // Program 03-31 on its date: 0. a done on 03-15: 0. b 03-24 against 03-22: 22, 23
        // = +2. c (new) 03-26 on its date: 0.
        pack(
            "2027-03-12",
            with(
                "2027-03-31",
                vec![
                    milestone("a", "2027-03-15", "2027-03-15", "2027-03-15"),
                    milestone("b", "2027-03-24", "2027-03-22", ""),
                    milestone("c", "2027-03-26", "2027-03-26", ""),
                ],
            ),
        ),
    ]
}

#[test]
fn schedule_variance_per_milestone_and_for_the_program() {
    let packs = variance_packs(Some("2027-03-31"));
    let kpi = schedule_variance(&Program::default(), &refs(&packs), &Targets::default());
    assert_eq!(kpi.points_name, "Program finish");
    assert_eq!(values(&kpi.points), [Some(2.0), Some(0.0)]);
    let series: Vec<(&str, Vec<Option<f64>>)> = kpi
        .series
        .iter()
        .map(|s| (s.id.as_str(), values(&s.points)))
        .collect();
    assert_eq!(
        series,
        [
            ("a", vec![Some(2.0), Some(0.0)]),
            ("b", vec![Some(-1.0), Some(2.0)]),
            ("c", vec![None, Some(0.0)]),
        ]
    );
    assert_eq!(kpi.met, Some(true));
    assert_eq!(
        kpi.reading,
        "Schedule variance 0 working days (program finish 2027-03-31 against finish_by \
         2027-03-31: on its date) — within the 0 working days target"
    );
}

#[test]
fn without_finish_by_the_headline_is_the_worst_open_milestone() {
    let packs = variance_packs(None);
    let kpi = schedule_variance(&Program::default(), &refs(&packs), &Targets::default());
    // First pack: a +2 is the worst; second: a is done, b +2 beats c 0.
    assert_eq!(kpi.points_name, "Worst open milestone");
    assert_eq!(values(&kpi.points), [Some(2.0), Some(2.0)]);
    assert_eq!(
        kpi.reading,
        "Schedule variance 2 working days (b B forecast 2027-03-24 against 2027-03-22: 2 \
         working days late) — over the 0 working days target"
    );
}

#[test]
fn forecast_accuracy_judges_near_term_forecasts_against_the_actual_finish() {
    let ga = |finish: &str, actual: &str| facts(vec![milestone("ga", finish, "", actual)]);
    let packs = [
        // Made 44 working days before Fri 04-30 (23 in March, 21 in April): beyond the
        // 30-day horizon, not judged.
        pack("2027-03-01", ga("2027-04-23", "")),
        // 24 working days ahead (29 30 31 and 21 in April): allowed 15 % × 24 = 3.6 days;
        // forecast Fri 04-23 is 23 26 27 28 29 = 5 days early: inaccurate.
        pack("2027-03-29", ga("2027-04-23", "")),
        // 14 days ahead (12–16, 19–23, 26–29): allowed 2.1; forecast Tue 05-04 is 30, 3 =
        // 2 days late: accurate.
        pack("2027-04-12", ga("2027-05-04", "")),
        // 1 day ahead: allowed max(0.15, 1) = 1; forecast on the day: accurate.
        pack("2027-04-29", ga("2027-04-30", "")),
        // GA done on Fri 04-30: 2 of the 3 judged accurate = 66.7 %.
        pack("2027-05-03", ga("2027-04-30", "2027-04-30")),
    ];
    let kpi = forecast_accuracy(&Program::default(), &refs(&packs), &Targets::default());
    assert_eq!(values(&kpi.points)[..4], [None; 4]);
    assert!((kpi.latest.unwrap() - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        kpi.reading,
        "Forecast accuracy 67 % (2 of 3 forecasts made within 30 working days of the finish \
         were within 15 %) — under the 80 % target"
    );
}

#[test]
fn nothing_done_reads_as_nothing_to_measure() {
    let packs = [pack("2027-03-01", Facts::default())];
    let program = Program::default();
    let kpi = on_time_rate(&program, &refs(&packs), &Targets::default());
    assert_eq!((kpi.latest, kpi.met), (None, None));
    assert_eq!(
        kpi.reading,
        "On-time rate: no milestone with a committed date is done yet"
    );
    let kpi = forecast_accuracy(&program, &refs(&packs), &Targets::default());
    assert_eq!(values(&kpi.points), [None]);
}
