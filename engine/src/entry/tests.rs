//! Unit tests of `entry`: the private helpers and worked cases.

use super::*;

#[test]
fn durations() {
    for (text, days) in [
        ("5", 5),
        ("5d", 5),
        (" 5 D ", 5),
        ("3w", 15),
        ("0", 0),
        ("3 w", 15),
    ] {
        assert_eq!(parse_duration(text), Ok(days), "{text}");
    }
    for text in ["abc", "", "5x", "-2", "1.5d", "w", "99999999999999999999"] {
        assert!(parse_duration(text).is_err(), "{text}");
    }
    assert_eq!(
        parse_duration("abc").unwrap_err().to_string(),
        "'abc': not a duration: type a number of days like 5, 5d or 3w"
    );
}

fn known(id: &str) -> bool {
    ["12", "14", "20", "API-3", "PASS", "web"].contains(&id)
}

#[test]
fn predecessors_in_ms_project_notation() {
    let links = parse_predecessors("12, 14SS+2d; 20ff-1w, API-3SF, PASS, webFS+3", known);
    let links = links.unwrap_or_else(|e| panic!("{e}"));
    let got: Vec<(&str, LinkType, i64)> = links
        .iter()
        .map(|l| (l.id.as_str(), l.kind, l.lag))
        .collect();
    assert_eq!(
        got,
        [
            ("12", LinkType::FS, 0),
            ("14", LinkType::SS, 2),
            ("20", LinkType::FF, -5),
            ("API-3", LinkType::SF, 0),
            ("PASS", LinkType::FS, 0),
            ("web", LinkType::FS, 3),
        ]
    );
    assert_eq!(
        format_predecessors(&links),
        "12, 14SS+2d, 20FF-5d, API-3SF, PASS, webFS+3d"
    );
    assert_eq!(parse_predecessors("  ", known), Ok(vec![]));
}

#[test]
fn bad_predecessors_name_the_culprit() {
    let error = |text: &str| parse_predecessors(text, known).unwrap_err().to_string();
    assert_eq!(error("12, 99"), "'99': there is no task '99'");
    assert_eq!(
        error("14SS+x"),
        "'14SS+x': the lag is not a number of days like +2d or -1w"
    );
    assert_eq!(
        error("14+2d"),
        "'14+2d': there is no task '14+2d' (a lag needs a link type before it, as in 14FS+2d)"
    );
    assert_eq!(error("12, 12SS"), "'12SS': '12' is listed twice");
    assert_eq!(
        error("SS+2"),
        "'SS+2': there is no task 'SS+2' (a lag needs a link type before it, as in 14FS+2d)"
    );
}

fn estimate(a: f64, m: f64, b: f64) -> Option<Estimate> {
    Some(Estimate {
        optimistic: a,
        likely: m,
        pessimistic: b,
        distribution: Distribution::Pert,
    })
}

#[test]
fn estimates() {
    for (text, expected) in [
        ("5/8/15", estimate(5.0, 8.0, 15.0)),
        (" 5d / 8 d / 3w ", estimate(5.0, 8.0, 15.0)),
        ("2.5/4/6", estimate(2.5, 4.0, 6.0)),
        ("0/0/0", estimate(0.0, 0.0, 0.0)),
        ("1W/1.5w/2w", estimate(5.0, 7.5, 10.0)),
        ("", None),
        ("   ", None),
    ] {
        assert_eq!(parse_estimate(text), Ok(expected), "{text}");
    }
}

#[test]
fn bad_estimates_name_the_part_at_fault() {
    let error = |text: &str| parse_estimate(text).unwrap_err().to_string();
    assert_eq!(
        error("8/5/15"),
        "'8/5/15': optimistic ≤ likely ≤ pessimistic"
    );
    assert_eq!(
        error("5/8"),
        "'5/8': a three-point estimate is three numbers of days, optimistic/likely/pessimistic, like 5/8/15"
    );
    assert!(error("1/2/3/4").starts_with("'1/2/3/4': a three-point"));
    assert_eq!(
        error("5/x/15"),
        "'x': not a number of days: type it like 5, 2.5d or 1w"
    );
    assert_eq!(error("-1/2/3"), "'-1': a number of days cannot be negative");
    for text in [
        "1e3/2/3", "inf/1/2", "NaN/1/2", "1..2/3/4", "5//6", "1/2/3x", "d/2/3",
    ] {
        assert!(parse_estimate(text).is_err(), "{text}");
    }
    assert!(error("1/2/999999").contains("at most 100000"));
}

#[test]
fn estimates_are_written_back_as_typed() {
    let e = |a, m, b| estimate(a, m, b).unwrap();
    assert_eq!(format_estimate(&e(5.0, 8.0, 15.0)), "5/8/15");
    assert_eq!(format_estimate(&e(2.5, 4.0, 6.0)), "2.5/4/6");
    assert_eq!(format_estimate(&e(0.0, 10.0 / 3.0, 6.005)), "0/3.33/6");
    assert_eq!(format_estimate(&e(16.0, 20.0, 30.0)), "16/20/30");
    assert_eq!(
        parse_estimate("2.5/4/6")
            .unwrap()
            .map(|e| format_estimate(&e))
            .as_deref(),
        Some("2.5/4/6")
    );
}

#[test]
fn distributions() {
    for (text, expected) in [
        ("pert", Distribution::Pert),
        (" PERT ", Distribution::Pert),
        ("Beta", Distribution::Pert),
        ("", Distribution::Pert),
        ("triangular", Distribution::Triangular),
        ("Tri", Distribution::Triangular),
        ("UNIFORM", Distribution::Uniform),
    ] {
        assert_eq!(parse_distribution(text), Ok(expected), "{text}");
    }
    assert_eq!(
        parse_distribution("normal").unwrap_err().to_string(),
        "'normal': not a distribution: type PERT, triangular or uniform"
    );
    for d in [
        Distribution::Pert,
        Distribution::Triangular,
        Distribution::Uniform,
    ] {
        assert_eq!(parse_distribution(format_distribution(d)), Ok(d));
    }
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn pasted_dates_and_ranges() {
    let got = parse_dates("2026-12-25, 2026-12-24;2027/01/01\n2026-12-28..2026-12-29\t2026-12-25")
        .unwrap();
    assert_eq!(
        got,
        [
            "2026-12-24",
            "2026-12-25",
            "2026-12-28",
            "2026-12-29",
            "2027-01-01"
        ]
        .map(day),
        "sorted, without duplicates"
    );
    for text in [
        "2026-12-30 to 2027-01-01",
        "2026-12-30 TO 2027-01-01",
        "2026-12-30–2027-01-01",
        "2026-12-30 – 2027-01-01",
        "2026-12-30 - 2027-01-01",
        "2026-12-30 .. 2027-01-01",
    ] {
        assert_eq!(
            parse_dates(text).unwrap(),
            ["2026-12-30", "2026-12-31", "2027-01-01"].map(day),
            "{text}"
        );
    }
    assert_eq!(parse_dates("  \n "), Ok(vec![]));
    assert_eq!(parse_dates("2026-1-5"), Ok(vec![day("2026-01-05")]));
    let leap_year = parse_dates("2028-01-01..2028-12-31").unwrap();
    assert_eq!(leap_year.len(), 366);
}

#[test]
fn bad_dates_are_refused_naming_them() {
    let error = |text: &str| parse_dates(text).unwrap_err().to_string();
    assert_eq!(
        error("2026-12-24, Christmas"),
        "'Christmas': not a date: write dates as YYYY-MM-DD, like 2026-12-24"
    );
    assert_eq!(error("2026-02-30"), "'2026-02-30': there is no such date");
    assert_eq!(
        error("2026-12-31..2026-12-24"),
        "'2026-12-31..2026-12-24': the range ends before it starts"
    );
    assert_eq!(
        error("2026-01-01 to 2027-01-02"),
        "'2026-01-01 to 2027-01-02': a range is at most 366 days; this one is 367"
    );
    assert_eq!(
        error("2026-12-24 to"),
        "'2026-12-24 to': a range needs a date on each side, like 2026-12-24..2026-12-31"
    );
    assert!(error("..2026-12-24").starts_with("'..': a range needs a date"));
    for text in [
        "24/12/2026",
        "2026-12",
        "26-12-24",
        "2026-12-24-1",
        "2026/12-24",
        "+2026-12-24",
    ] {
        assert!(parse_dates(text).is_err(), "{text}");
    }
}
