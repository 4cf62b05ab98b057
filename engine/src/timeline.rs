//! The program timeline: working-day offsets from the program start, and their dates.
//!
//! Offsets count working days of the program calendar: offset `k` is the boundary before
//! the k-th working day on or after the program start (offset 0 is the start of the first
//! working day). A task occupies `[start, finish)` in offsets.

use crate::calendar::{DayNumber, WorkCalendar, date_of_day, day_number};
use chrono::{Days, NaiveDate};

/// Working-day offsets of the program calendar, and the dates they stand for.
#[derive(Clone, Debug)]
pub struct Timeline {
    calendar: WorkCalendar,
    /// The calendar ordinal of offset 0.
    origin: i64,
}

impl Timeline {
    /// The timeline of a program starting on `start`. The calendar must have working days.
    pub fn new(calendar: WorkCalendar, start: NaiveDate) -> Self {
        let origin = calendar.ordinal(day_number(start));
        Timeline { calendar, origin }
    }

    /// The program calendar.
    pub fn calendar(&self) -> &WorkCalendar {
        &self.calendar
    }

    /// Working days in `[program start, date)`: the offset of the first working day on or
    /// after `date` (negative before the start).
    pub fn offset_of(&self, date: NaiveDate) -> i64 {
        self.calendar.ordinal(day_number(date)) - self.origin
    }

    /// Working days on or before `date` since the start: the offset just after the last
    /// working day on or before `date`.
    pub fn offset_after(&self, date: NaiveDate) -> i64 {
        match date.checked_add_days(Days::new(1)) {
            Some(next) => self.offset_of(next),
            None => self.offset_of(date) + 1,
        }
    }

    /// The day of the working day at offset `k`.
    pub fn day_of(&self, k: i64) -> DayNumber {
        self.calendar.nth_working_day(self.origin + k)
    }

    /// The date of the working day at offset `k`, or `None` beyond the dates chrono knows.
    pub fn date_of(&self, k: i64) -> Option<NaiveDate> {
        date_of_day(self.day_of(k))
    }
}

impl Timeline {
    /// The offset of the first working day on or after `day`.
    pub fn offset_of_day(&self, day: DayNumber) -> i64 {
        self.calendar.ordinal(day) - self.origin
    }
}

impl Timeline {
    /// The dates of offsets `first..=last`, walking the calendar once: O(days in the range).
    /// `None` if the range leaves chrono's dates.
    pub fn dates(&self, first: i64, last: i64) -> Option<Vec<NaiveDate>> {
        let mut day = self.day_of(first);
        let mut date = date_of_day(day)?;
        let mut dates = Vec::with_capacity(usize::try_from(last - first + 1).unwrap_or(0));
        dates.push(date);
        for _ in first..last {
            loop {
                day += 1;
                date = date.succ_opt()?;
                if self.calendar.is_working_day(day) {
                    break;
                }
            }
            dates.push(date);
        }
        Some(dates)
    }
}
