//! What is typed into cells: no text makes a parser panic, and what is written back reads
//! back the same.

use chrono::NaiveDate;
use engine::entry::{
    format_estimate, parse_dates, parse_distribution, parse_duration, parse_estimate,
    parse_predecessors,
};
use engine::{Distribution, Estimate};
use proptest::prelude::*;

/// Text made of what these parsers look for, so the odd corners are reached often.
fn entry_like() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("0"),
            Just("9"),
            Just("12"),
            Just("2026"),
            Just("-"),
            Just("+"),
            Just("."),
            Just(".."),
            Just("/"),
            Just(","),
            Just(";"),
            Just(" "),
            Just("\n"),
            Just("\t"),
            Just("d"),
            Just("w"),
            Just("W"),
            Just("to"),
            Just("–"),
            Just("—"),
            Just("é"),
            Just("SS"),
            Just("ff"),
            Just("e"),
            Just("inf"),
            Just("2026-12-24"),
            Just("2026/02/30"),
            Just("99999999999999999999"),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

fn every_parser(text: &str) {
    let _ = parse_duration(text);
    let _ = parse_estimate(text);
    let _ = parse_distribution(text);
    let _ = parse_dates(text);
    let _ = parse_predecessors(text, |id| id == "12" || id == "2026");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_text_makes_a_parser_panic(text in any::<String>()) {
        every_parser(&text);
    }

    #[test]
    fn no_entry_like_text_makes_a_parser_panic(text in entry_like()) {
        every_parser(&text);
        // What is accepted is within the rules.
        if let Ok(Some(e)) = parse_estimate(&text) {
            prop_assert!(0.0 <= e.optimistic && e.optimistic <= e.likely && e.likely <= e.pessimistic);
        }
        if let Ok(dates) = parse_dates(&text) {
            prop_assert!(dates.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
        }
    }

    /// Quarters of a day are written with two decimals at most, so they read back exactly.
    #[test]
    fn an_estimate_written_reads_back_the_same(mut points in proptest::collection::vec(0u32..40_000, 3)) {
        points.sort_unstable();
        let e = Estimate {
            optimistic: f64::from(points[0]) / 4.0,
            likely: f64::from(points[1]) / 4.0,
            pessimistic: f64::from(points[2]) / 4.0,
            distribution: Distribution::Pert,
        };
        prop_assert_eq!(parse_estimate(&format_estimate(&e)), Ok(Some(e)));
    }

    #[test]
    fn pasted_dates_read_back_sorted_and_unique(
        days in proptest::collection::vec(0u64..3_000, 0..40),
        separators in proptest::collection::vec(0usize..5, 40),
    ) {
        let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let dates: Vec<NaiveDate> = days.iter().map(|&d| base + chrono::Days::new(d)).collect();
        let mut text = String::new();
        for (i, date) in dates.iter().enumerate() {
            text.push_str([", ", ";", "\n", "\t", " "][separators[i]]);
            text.push_str(&date.to_string());
        }
        let mut expected = dates.clone();
        expected.sort_unstable();
        expected.dedup();
        prop_assert_eq!(parse_dates(&text), Ok(expected));
    }
}
