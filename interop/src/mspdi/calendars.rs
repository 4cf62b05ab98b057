//! MSPDI calendars as Planwork's: working weekdays and non-working dates. A derived
//! calendar starts from its base; its own week days replace the base's. Exceptions: a
//! period off (one day or a range, the form of Project 2003's day type 0 or of later
//! versions' `Exception`) becomes holidays on its working weekdays, and so do the days of a
//! recurring one (daily, weekly, monthly, yearly: see `recurrence`). What Planwork's
//! calendars cannot say — working time on a day off — is reported.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use engine::Calendar;

use super::read::{RawCalendar, RawException, RawWeekDay};
use crate::report::ImportReport;

/// The longest exception period expanded into dates (longer ones are cut and reported).
const MAX_EXCEPTION_DAYS: i64 = 3_660;

/// Calendar `uid` of `calendars` as Planwork's, its base calendars followed (at most 10).
/// `None` if there is no such calendar.
pub(crate) fn calendar(
    calendars: &[RawCalendar],
    uid: i64,
    report: &mut ImportReport,
) -> Option<(Calendar, String)> {
    let mut chain = Vec::new();
    let mut next = Some(uid);
    while let Some(uid) = next.filter(|u| *u >= 0) {
        let raw = calendars.iter().find(|c| c.uid == uid)?;
        if chain.len() >= 10 || chain.iter().any(|c: &&RawCalendar| c.uid == uid) {
            break;
        }
        chain.push(raw);
        next = raw.base_uid;
    }
    let name = chain.first()?.name.clone();
    let mut working: [Option<bool>; 7] = [None; 7];
    let mut holidays = BTreeSet::new();
    // Base first, then each derived calendar over it.
    for raw in chain.iter().rev() {
        for day in raw
            .weekdays
            .iter()
            .filter(|d| (1..=7).contains(&d.day_type))
        {
            working[(day.day_type - 1) as usize] = Some(day.working);
        }
    }
    let workdays: Vec<Weekday> = (0..7)
        .filter(|&i| working[i].unwrap_or((1..=5).contains(&i)))
        .map(weekday_of)
        .collect();
    for raw in chain.iter().rev() {
        for day in raw.weekdays.iter().filter(|d| d.day_type == 0) {
            old_style(day, &raw.name, &workdays, &mut holidays, report);
        }
        for exception in &raw.exceptions {
            new_style(exception, &raw.name, &workdays, &mut holidays, report);
        }
    }
    Some((
        Calendar {
            workdays,
            holidays: holidays.into_iter().collect(),
        },
        name,
    ))
}

/// Day type `i + 1` (1 Sunday … 7 Saturday) as a weekday.
fn weekday_of(i: usize) -> Weekday {
    [
        Weekday::Sun,
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
    ][i % 7]
}

/// A Project 2003 exception: a week day of type 0 over a period.
fn old_style(
    day: &RawWeekDay,
    calendar: &str,
    workdays: &[Weekday],
    holidays: &mut BTreeSet<NaiveDate>,
    report: &mut ImportReport,
) {
    let (Some(from), Some(to)) = (day.from, day.to) else {
        return;
    };
    if day.working {
        report.note(format!(
            "calendar '{calendar}': working time from {} to {} not carried (Planwork's calendars have no working days beyond their weekdays)",
            from.date(),
            to.date()
        ));
        return;
    }
    days_off(from.date(), to.date(), calendar, workdays, holidays, report);
}

/// A Project 2007+ exception.
fn new_style(
    exception: &RawException,
    calendar: &str,
    workdays: &[Weekday],
    holidays: &mut BTreeSet<NaiveDate>,
    report: &mut ImportReport,
) {
    let (Some(from), Some(to)) = (exception.from, exception.to) else {
        return;
    };
    let name = if exception.name.is_empty() {
        String::new()
    } else {
        format!(" '{}'", exception.name)
    };
    if exception.working {
        report.note(format!(
            "calendar '{calendar}': working exception{name} ({} to {}) not carried (Planwork's calendars have no working days beyond their weekdays)",
            from.date(),
            to.date()
        ));
        return;
    }
    match exception.kind {
        None | Some(1) if exception.period.unwrap_or(1) <= 1 => {
            days_off(from.date(), to.date(), calendar, workdays, holidays, report);
        }
        _ => {
            match super::recurrence::days(exception, from.date(), to.date()) {
                Ok(days) => holidays.extend(days.into_iter().filter(|d| {
                    workdays.contains(&d.weekday()) && engine::check::date_in_range(*d)
                })),
                Err(why) => report.note(format!(
                    "calendar '{calendar}': exception{name} ({} to {}) not carried: {why}",
                    from.date(),
                    to.date()
                )),
            }
        }
    }
}

/// The working weekdays of `from..=to` as holidays.
fn days_off(
    from: NaiveDate,
    to: NaiveDate,
    calendar: &str,
    workdays: &[Weekday],
    holidays: &mut BTreeSet<NaiveDate>,
    report: &mut ImportReport,
) {
    let span = (to - from).num_days();
    if span < 0 {
        return;
    }
    if span > MAX_EXCEPTION_DAYS {
        report.note(format!(
            "calendar '{calendar}': an exception from {from} to {to} cut to its first ten years"
        ));
    }
    let mut day = from;
    while day <= to && (day - from).num_days() <= MAX_EXCEPTION_DAYS {
        if workdays.contains(&day.weekday()) && engine::check::date_in_range(day) {
            holidays.insert(day);
        }
        let Some(next) = day.checked_add_signed(Duration::days(1)) else {
            break;
        };
        day = next;
    }
}
