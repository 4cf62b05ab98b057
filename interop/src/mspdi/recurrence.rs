//! The days of a recurring calendar exception (MSPDI `Exception` types 1–6): daily every N
//! days, weekly on some weekdays every N weeks, monthly on a day or a position ("the last
//! Friday") every N months, yearly on a date or a position ("the fourth Thursday of
//! November"), within the exception's period and, when it is given by a count, for that
//! many occurrences. Types 7 and 8 (by day or weekday count) are not read.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::read::RawException;

/// The most days one exception may produce (a daily one over 27 years).
const MAX_DAYS: usize = 10_000;

/// The days `exception` recurs on, from `from` to `to`; `Err` says why it cannot be read.
pub(crate) fn days(
    exception: &RawException,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<NaiveDate>, String> {
    let every = exception.period.unwrap_or(1).clamp(1, 1_000);
    let mut out = Vec::new();
    let limit = match (exception.by_occurrences, exception.occurrences) {
        (true, Some(n)) => (n.max(0) as usize).min(MAX_DAYS),
        _ => MAX_DAYS,
    };
    let push = |day: NaiveDate, out: &mut Vec<NaiveDate>| {
        if (from..=to).contains(&day) && out.len() < limit {
            out.push(day);
        }
        out.len() < limit && day <= to
    };
    match exception.kind.unwrap_or(1) {
        1 => {
            let mut day = from;
            while push(day, &mut out) {
                day = add_days(day, every)?;
            }
        }
        6 => {
            let mask = exception.days_of_week.unwrap_or(0);
            if mask & 0x7f == 0 {
                return Err("a weekly recurrence without its weekdays".to_owned());
            }
            // Weeks start on Sunday, as MS Project counts them.
            let mut week = from - Duration::days(i64::from(from.weekday().num_days_from_sunday()));
            'weeks: loop {
                for offset in 0..7 {
                    let day = week + Duration::days(offset);
                    if mask & (1 << offset) != 0 && day >= from && !push(day, &mut out) {
                        break 'weeks;
                    }
                }
                week = add_days(week, 7 * every)?;
                if week > to {
                    break;
                }
            }
        }
        kind @ (2..=5) => {
            let yearly = kind <= 3;
            let step = if yearly { 12 * every } else { every };
            let (mut year, mut month) = match (yearly, exception.month) {
                (true, Some(m)) if (0..12).contains(&m) => (from.year(), m as u32 + 1),
                (true, _) => return Err("a yearly recurrence without its month".to_owned()),
                (false, _) => (from.year(), from.month()),
            };
            for _ in 0..MAX_DAYS {
                let day = if kind == 2 || kind == 4 {
                    let wanted = exception.month_day.unwrap_or(1).clamp(1, 31) as u32;
                    NaiveDate::from_ymd_opt(year, month, wanted)
                } else {
                    by_position(year, month, exception)?
                };
                if let Some(day) = day
                    && !push(day, &mut out)
                {
                    break;
                }
                if NaiveDate::from_ymd_opt(year, month, 1).is_some_and(|d| d > to) {
                    break;
                }
                let next = (month - 1) as i64 + step;
                year += (next / 12) as i32;
                month = (next % 12) as u32 + 1;
            }
        }
        other => return Err(format!("recurrence type {other} is not read")),
    }
    Ok(out)
}

fn add_days(day: NaiveDate, days: i64) -> Result<NaiveDate, String> {
    day.checked_add_signed(Duration::days(days))
        .ok_or_else(|| "a recurrence beyond the dates Planwork reads".to_owned())
}

/// The day at the exception's position ("the last Friday", "the second weekday") in a month.
fn by_position(
    year: i32,
    month: u32,
    exception: &RawException,
) -> Result<Option<NaiveDate>, String> {
    let item = exception.month_item.unwrap_or(0);
    let position = exception.month_position.unwrap_or(0);
    if !(0..=9).contains(&item) || !(0..=4).contains(&position) {
        return Err(format!(
            "a month item {item} at position {position} is not one of MS Project's"
        ));
    }
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Ok(None);
    };
    let matches = |day: NaiveDate| match item {
        0 => true,
        1 => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        2 => matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        n => day.weekday().num_days_from_sunday() as i64 == n - 3,
    };
    let days: Vec<NaiveDate> = first
        .iter_days()
        .take_while(|d| d.month() == month)
        .filter(|d| matches(*d))
        .collect();
    Ok(if position == 4 {
        days.last().copied()
    } else {
        days.get(position as usize).copied()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn exception(kind: i64) -> RawException {
        RawException {
            kind: Some(kind),
            ..RawException::default()
        }
    }

    #[test]
    fn daily_every_three_days() {
        let e = RawException {
            period: Some(3),
            ..exception(1)
        };
        assert_eq!(
            days(&e, date(2026, 1, 1), date(2026, 1, 10)).unwrap(),
            [
                date(2026, 1, 1),
                date(2026, 1, 4),
                date(2026, 1, 7),
                date(2026, 1, 10)
            ]
        );
    }

    #[test]
    fn weekly_on_mondays_and_wednesdays_every_other_week() {
        // 2 (Monday) + 8 (Wednesday); from Thursday 1 January 2026: that week's Monday and
        // Wednesday are before the start; two weeks later, 11 January's week: 12 and 14.
        let e = RawException {
            period: Some(2),
            days_of_week: Some(2 + 8),
            ..exception(6)
        };
        assert_eq!(
            days(&e, date(2026, 1, 1), date(2026, 1, 31)).unwrap(),
            [
                date(2026, 1, 12),
                date(2026, 1, 14),
                date(2026, 1, 26),
                date(2026, 1, 28)
            ]
        );
    }

    #[test]
    fn monthly_on_the_fifteenth_and_on_the_last_friday() {
        let e = RawException {
            month_day: Some(15),
            ..exception(4)
        };
        assert_eq!(
            days(&e, date(2026, 1, 20), date(2026, 4, 1)).unwrap(),
            [date(2026, 2, 15), date(2026, 3, 15)]
        );
        let e = RawException {
            month_item: Some(8),
            month_position: Some(4),
            ..exception(5)
        };
        assert_eq!(
            days(&e, date(2026, 1, 1), date(2026, 3, 31)).unwrap(),
            [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27)]
        );
    }

    #[test]
    fn yearly_on_a_date_and_on_the_fourth_thursday_of_november() {
        let e = RawException {
            month: Some(11),
            month_day: Some(25),
            ..exception(2)
        };
        assert_eq!(
            days(&e, date(2026, 1, 1), date(2028, 1, 1)).unwrap(),
            [date(2026, 12, 25), date(2027, 12, 25)]
        );
        // Thanksgiving: 26 November 2026, 25 November 2027.
        let e = RawException {
            month: Some(10),
            month_item: Some(7),
            month_position: Some(3),
            ..exception(3)
        };
        assert_eq!(
            days(&e, date(2026, 1, 1), date(2027, 12, 31)).unwrap(),
            [date(2026, 11, 26), date(2027, 11, 25)]
        );
    }

    #[test]
    fn a_count_of_occurrences_ends_it() {
        let e = RawException {
            by_occurrences: true,
            occurrences: Some(2),
            ..exception(1)
        };
        assert_eq!(
            days(&e, date(2026, 1, 1), date(2026, 12, 31)).unwrap(),
            [date(2026, 1, 1), date(2026, 1, 2)]
        );
    }

    #[test]
    fn what_cannot_be_read_says_so() {
        assert!(days(&exception(7), date(2026, 1, 1), date(2026, 2, 1)).is_err());
        assert!(days(&exception(6), date(2026, 1, 1), date(2026, 2, 1)).is_err());
        let e = RawException {
            month_item: Some(12),
            ..exception(5)
        };
        assert!(days(&e, date(2026, 1, 1), date(2026, 2, 1)).is_err());
    }
}
