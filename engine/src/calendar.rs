//! Working calendars: which days are working days, and fast arithmetic on them.
//!
//! A [`WorkCalendar`] is a weekly pattern of working weekdays minus a set of holidays. It
//! answers the two questions scheduling asks, each in O(log H) for H holidays and without
//! any table of days:
//!
//! * [`WorkCalendar::ordinal`]: how many working days come before a day;
//! * [`WorkCalendar::nth_working_day`]: which day is the n-th working day.
//!
//! Days are [`DayNumber`]s: days counted from Monday 0001-01-01 (so `day % 7` is the weekday,
//! Monday = 0). Ordinals are counted from the same origin, so they are only meaningful as
//! differences.
//!
//! ```
//! use chrono::{NaiveDate, Weekday};
//! use engine::calendar::{day_number, WorkCalendar};
//! let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
//! let weekdays = [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri];
//! let cal = WorkCalendar::new(&weekdays, &[d("2026-12-25")]);
//! // Working days in [Mon 21 Dec, Mon 28 Dec): the 25th is a holiday, so 4.
//! assert_eq!(cal.ordinal(day_number(d("2026-12-28"))) - cal.ordinal(day_number(d("2026-12-21"))), 4);
//! ```

use chrono::{Datelike, NaiveDate, Weekday};

/// Days since Monday 0001-01-01 (day 0). Negative before it.
pub type DayNumber = i64;

/// The day number of a date.
pub fn day_number(date: NaiveDate) -> DayNumber {
    i64::from(date.num_days_from_ce()) - 1
}

/// The date of a day number, or `None` outside chrono's range.
pub fn date_of_day(day: DayNumber) -> Option<NaiveDate> {
    let ce = i32::try_from(day.checked_add(1)?).ok()?;
    NaiveDate::from_num_days_from_ce_opt(ce)
}

/// A weekly pattern of working weekdays with holidays removed.
///
/// Built by [`WorkCalendar::new`]; a calendar without any working weekday is refused by
/// validation before one is built (see [`WorkCalendar::has_working_days`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkCalendar {
    /// `working[i]`: weekday `i` (Monday = 0) is a working weekday.
    working: [bool; 7],
    /// Working weekdays per week.
    per_week: i64,
    /// `before[i]`: working weekdays among weekdays `0..i`.
    before: [i64; 8],
    /// `position[r]`: the weekday of the r-th working weekday of a week.
    position: [i64; 7],
    /// Weekly ordinals of holidays that fall on working weekdays; sorted, unique.
    holidays: Vec<i64>,
    /// `holidays[i] - i`: non-decreasing; lets [`Self::nth_working_day`] skip holidays with
    /// one binary search.
    holiday_keys: Vec<i64>,
}

impl WorkCalendar {
    /// A calendar working on `weekdays`, except on `holidays`.
    pub fn new(weekdays: &[Weekday], holidays: &[NaiveDate]) -> Self {
        let mut working = [false; 7];
        for day in weekdays {
            working[day.num_days_from_monday() as usize] = true;
        }
        let mut before = [0i64; 8];
        let mut position = [0i64; 7];
        let mut count = 0;
        for (i, &works) in working.iter().enumerate() {
            before[i] = count;
            if works {
                position[count as usize] = i as i64;
                count += 1;
            }
        }
        before[7] = count;
        let mut calendar = WorkCalendar {
            working,
            per_week: count,
            before,
            position,
            holidays: Vec::new(),
            holiday_keys: Vec::new(),
        };
        let mut weekly: Vec<i64> = holidays
            .iter()
            .map(|&date| day_number(date))
            .filter(|&day| calendar.is_working_weekday(day))
            .map(|day| calendar.weekly_ordinal(day))
            .collect();
        weekly.sort_unstable();
        weekly.dedup();
        calendar.holiday_keys = weekly
            .iter()
            .enumerate()
            .map(|(i, &h)| h - i as i64)
            .collect();
        calendar.holidays = weekly;
        calendar
    }

    /// Whether any weekday is a working day.
    pub fn has_working_days(&self) -> bool {
        self.per_week > 0
    }

    /// Whether `day` is a working day.
    pub fn is_working_day(&self, day: DayNumber) -> bool {
        self.is_working_weekday(day)
            && self
                .holidays
                .binary_search(&self.weekly_ordinal(day))
                .is_err()
    }

    /// How many working days come before `day` (counted from the calendar's origin).
    ///
    /// Non-decreasing in `day`; increases by one across each working day.
    pub fn ordinal(&self, day: DayNumber) -> i64 {
        let weekly = self.weekly_ordinal(day);
        weekly - count_at_most(&self.holidays, weekly - 1) as i64
    }

    /// The day of the working day with ordinal `n`: the inverse of [`Self::ordinal`] on
    /// working days. The calendar must have working days.
    pub fn nth_working_day(&self, n: i64) -> DayNumber {
        debug_assert!(self.has_working_days());
        let weekly = n + count_at_most(&self.holiday_keys, n) as i64;
        let week = weekly.div_euclid(self.per_week);
        let rank = weekly.rem_euclid(self.per_week);
        week * 7 + self.position[rank as usize]
    }

    fn is_working_weekday(&self, day: DayNumber) -> bool {
        self.working[day.rem_euclid(7) as usize]
    }

    /// Working weekdays before `day`, ignoring holidays.
    fn weekly_ordinal(&self, day: DayNumber) -> i64 {
        day.div_euclid(7) * self.per_week + self.before[day.rem_euclid(7) as usize]
    }
}

/// How many of the sorted `values` are at most `n`: O(1) outside their range (most dates
/// of a long plan fall after the last listed holiday), else a binary search.
fn count_at_most(values: &[i64], n: i64) -> usize {
    match (values.first(), values.last()) {
        (Some(&first), _) if n < first => 0,
        (_, Some(&last)) if n >= last => values.len(),
        _ => values.partition_point(|&v| v <= n),
    }
}

/// Monday to Sunday.
pub const ALL_WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const WEEK: [Weekday; 5] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];

    #[test]
    fn day_numbers_start_on_a_monday() {
        assert_eq!(day_number(d("0001-01-01")), 0);
        assert_eq!(
            day_number(d("2026-11-23")).rem_euclid(7),
            0,
            "2026-11-23 is a Monday"
        );
        assert_eq!(
            date_of_day(day_number(d("2026-11-21"))),
            Some(d("2026-11-21"))
        );
    }

    #[test]
    fn ordinal_and_nth_are_inverse_on_working_days() {
        let holidays = [
            d("2026-12-24"),
            d("2026-12-25"),
            d("2026-12-26"),
            d("2027-01-01"),
        ];
        let cal = WorkCalendar::new(&WEEK, &holidays);
        let start = day_number(d("2026-11-01"));
        let mut expected = cal.ordinal(start);
        for day in start..start + 200 {
            let date = date_of_day(day).unwrap();
            let working =
                !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&date);
            assert_eq!(cal.is_working_day(day), working, "{date}");
            assert_eq!(cal.ordinal(day), expected, "{date}");
            if working {
                assert_eq!(cal.nth_working_day(expected), day, "{date}");
                expected += 1;
            }
        }
    }

    #[test]
    fn holidays_on_weekends_change_nothing() {
        let plain = WorkCalendar::new(&WEEK, &[]);
        let with_saturday = WorkCalendar::new(&WEEK, &[d("2026-11-21")]);
        assert_eq!(plain, with_saturday);
    }

    #[test]
    fn a_one_day_week_works() {
        let cal = WorkCalendar::new(&[Weekday::Wed], &[d("2026-11-25")]);
        let wed = day_number(d("2026-11-18"));
        let n = cal.ordinal(wed);
        assert_eq!(cal.nth_working_day(n + 1), day_number(d("2026-12-02")));
    }
}
