//! A resource's availability both ways: MS Project's availability table (rows of units
//! from a date to a date, either end "NA" for open; no units at all outside the rows) and
//! Planwork's capacity with availability periods (the capacity outside them; a later
//! period wins where two overlap).
//!
//! In, the table becomes periods over the capacity from the program's start (nothing is
//! scheduled before it) to MS Project's last date, 31 December 2049: a row whose units are
//! the capacity needs no period, a gap between rows (or before the first row's date, or
//! after the last one's) is a period of 0 units. Out, the periods become rows covering
//! every day from "NA" to "NA": a row per stretch of days with one capacity, a stretch of
//! 0 units left out as a gap (which MS Project reads as none available). Periods that
//! meet at one capacity come back as one.

use chrono::NaiveDate;
use engine::Availability;

/// MS Project's "NA" ends of an availability row (its first and last dates).
pub(crate) const NA_START: NaiveDate = match NaiveDate::from_ymd_opt(1984, 1, 1) {
    Some(day) => day,
    None => NaiveDate::MIN,
};
pub(crate) const NA_END: NaiveDate = match NaiveDate::from_ymd_opt(2049, 12, 31) {
    Some(day) => day,
    None => NaiveDate::MAX,
};

/// One row of an availability table: its first and last days (`None`: NA, open) and its
/// units a day.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub units: f64,
}

/// The table `rows` (in any order; units at least 0) as periods over `capacity` (more than
/// 0), from `start` to [`NA_END`], in date order and not overlapping. O(R log R).
pub(crate) fn periods_of(rows: &[Row], capacity: f64, start: NaiveDate) -> Vec<Availability> {
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| r.from);
    let mut periods = Vec::new();
    let mut push = |from: NaiveDate, to: NaiveDate, units: f64| {
        if from <= to && units != capacity {
            periods.push(Availability {
                from,
                to,
                capacity: units,
            });
        }
    };
    // The first day not yet covered.
    let mut next = Some(start);
    for row in sorted {
        let Some(at) = next else { break };
        let from = row.from.map_or(at, |d| d.max(at));
        let to = row.to.unwrap_or(NA_END).min(NA_END);
        if to < from {
            continue;
        }
        if let Some(before) = from.pred_opt() {
            push(at, before, 0.0);
        }
        push(from, to, row.units);
        next = to.succ_opt();
    }
    if let Some(at) = next {
        push(at, NA_END, 0.0);
    }
    periods
}

/// `capacity` and its `periods` (a later one wins where two overlap) as table rows from
/// NA to NA in date order, a row per stretch of days with one capacity (0: left out);
/// none when the capacity is the same on every day. O(P²).
pub(crate) fn rows_of(capacity: f64, periods: &[Availability]) -> Vec<Row> {
    if periods.is_empty() {
        return Vec::new();
    }
    // Where the capacity may change: a period's first day, the day after its last.
    let mut changes: Vec<NaiveDate> = periods
        .iter()
        .flat_map(|p| [Some(p.from), p.to.succ_opt()])
        .flatten()
        .filter(|d| (NA_START.succ_opt().unwrap_or(NA_START)..=NA_END).contains(d))
        .collect();
    changes.sort_unstable();
    changes.dedup();
    let on = |day: NaiveDate| {
        periods
            .iter()
            .rev()
            .find(|p| (p.from..=p.to).contains(&day))
            .map_or(capacity, |p| p.capacity)
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut from: Option<NaiveDate> = None;
    for to in changes.iter().map(|c| c.pred_opt()).chain([None]) {
        let units = on(from.unwrap_or(NA_START));
        match rows.last_mut() {
            // A stretch at the capacity of the one before it lengthens that row.
            Some(last) if last.units == units => last.to = to,
            _ => rows.push(Row { from, to, units }),
        }
        from = to.and_then(|d| d.succ_opt());
    }
    if let [only] = rows.as_slice()
        && only.units == capacity
    {
        return Vec::new();
    }
    rows.retain(|r| r.units > 0.0);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("a date")
    }

    fn period(from: NaiveDate, to: NaiveDate, capacity: f64) -> Availability {
        Availability { from, to, capacity }
    }

    #[test]
    fn a_closed_table_is_none_available_outside_its_rows() {
        // 100% in March, 50% in May: none before, in April, or after May.
        let rows = [
            Row {
                from: Some(day(5, 1)),
                to: Some(day(5, 31)),
                units: 0.5,
            },
            Row {
                from: Some(day(3, 1)),
                to: Some(day(3, 31)),
                units: 1.0,
            },
        ];
        assert_eq!(
            periods_of(&rows, 1.0, day(1, 5)),
            [
                period(day(1, 5), day(2, 28), 0.0),
                period(day(4, 1), day(4, 30), 0.0),
                period(day(5, 1), day(5, 31), 0.5),
                period(day(6, 1), NA_END, 0.0),
            ]
        );
    }

    #[test]
    fn open_rows_at_the_capacity_need_no_period() {
        let rows = [
            Row {
                from: None,
                to: Some(day(6, 30)),
                units: 1.0,
            },
            Row {
                from: Some(day(7, 1)),
                to: None,
                units: 2.0,
            },
        ];
        assert_eq!(
            periods_of(&rows, 1.0, day(1, 5)),
            [period(day(7, 1), NA_END, 2.0)]
        );
    }

    #[test]
    fn periods_become_rows_from_na_to_na_with_gaps_for_none() {
        // 2 a day; 1 in March, none on 10–12 March (a later period, over it).
        let periods = [
            period(day(3, 1), day(3, 31), 1.0),
            period(day(3, 10), day(3, 12), 0.0),
        ];
        let row = |from, to, units| Row { from, to, units };
        assert_eq!(
            rows_of(2.0, &periods),
            [
                row(None, Some(day(2, 28)), 2.0),
                row(Some(day(3, 1)), Some(day(3, 9)), 1.0),
                row(Some(day(3, 13)), Some(day(3, 31)), 1.0),
                row(Some(day(4, 1)), None, 2.0),
            ]
        );
        assert!(rows_of(2.0, &[]).is_empty());
        let same = [period(day(3, 1), day(3, 31), 2.0)];
        assert!(rows_of(2.0, &same).is_empty(), "2 a day on every day");
    }

    #[test]
    fn rows_read_back_as_the_same_capacity_on_every_day() {
        let periods = [
            period(day(2, 2), day(2, 27), 0.5),
            period(day(3, 2), day(3, 6), 0.0),
        ];
        let back = periods_of(&rows_of(1.0, &periods), 1.0, day(1, 5));
        assert_eq!(back, periods);
    }
}
