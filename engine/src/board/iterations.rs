//! The planning interval cut into iterations of working days of the program calendar, and
//! which column of the board a date falls in.
//!
//! ```
//! use chrono::NaiveDate;
//! use engine::board::{Interval, iterations::{Column, Iterations}};
//! use engine::Calendar;
//! let monday = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
//! let cut = Iterations::new(&Calendar::default(), monday, &Interval::default_for(monday));
//! // Six iterations of two working weeks: the second runs 18 to 29 January.
//! assert_eq!(cut.dates[1], (NaiveDate::from_ymd_opt(2027, 1, 18).unwrap(),
//!                            NaiveDate::from_ymd_opt(2027, 1, 29).unwrap()));
//! assert_eq!(cut.column_of(NaiveDate::from_ymd_opt(2027, 1, 22).unwrap()), Column::In(1));
//! assert_eq!(cut.column_of(NaiveDate::from_ymd_opt(2027, 9, 1).unwrap()), Column::Later);
//! ```

use chrono::NaiveDate;

use super::model::Interval;
use crate::check::work_calendar;
use crate::model::Calendar;
use crate::timeline::Timeline;

/// Where a card sits across the board. Ordered as the columns are: what finishes before
/// the interval, each iteration, what finishes after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Before,
    In(usize),
    Later,
}

/// The iterations of an interval, in offsets of the program timeline and as dates.
#[derive(Clone, Debug)]
pub struct Iterations {
    pub timeline: Timeline,
    /// The offset of the first iteration's first working day.
    pub first: i64,
    /// Working days in each iteration (at least 1).
    pub length: i64,
    /// Each iteration's first and last working day.
    pub dates: Vec<(NaiveDate, NaiveDate)>,
}

impl Iterations {
    /// `interval` cut on the program calendar of a program starting on `start`. Out-of-range
    /// counts (which the check refuses) are clamped, so this never fails.
    pub fn new(calendar: &Calendar, start: NaiveDate, interval: &Interval) -> Iterations {
        let timeline = Timeline::new(work_calendar(calendar), start);
        let first = timeline.offset_of(interval.start);
        let length = i64::from(interval.length.clamp(1, super::model::MAX_LENGTH));
        let count = i64::from(interval.iterations.clamp(1, super::model::MAX_ITERATIONS));
        let dates = (0..count)
            .map_while(|i| {
                let from = first + i * length;
                Some((
                    timeline.date_of(from)?,
                    timeline.date_of(from + length - 1)?,
                ))
            })
            .collect();
        Iterations {
            timeline,
            first,
            length,
            dates,
        }
    }

    /// How many iterations.
    pub fn len(&self) -> usize {
        self.dates.len()
    }

    /// Whether there is none (only when the dates leave the calendar's range).
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    /// The iteration a working-day offset falls in, counted from the first (negative
    /// before it, `len()` or more after the last).
    pub fn index_of_offset(&self, offset: i64) -> i64 {
        (offset - self.first).div_euclid(self.length)
    }

    /// The column of the working day `date` (a date off work counts as the working day
    /// before it: a finish or a commitment on a Sunday is Friday's).
    pub fn column_of(&self, date: NaiveDate) -> Column {
        self.column_of_index(self.index_of_offset(self.timeline.offset_after(date) - 1))
    }

    /// The column of iteration `index` (as [`Iterations::index_of_offset`] counts).
    pub fn column_of_index(&self, index: i64) -> Column {
        match usize::try_from(index) {
            Err(_) => Column::Before,
            Ok(i) if i >= self.len() => Column::Later,
            Ok(i) => Column::In(i),
        }
    }

    /// The offset of iteration `i`'s first working day.
    pub fn start_of(&self, i: usize) -> i64 {
        self.first + i as i64 * self.length
    }
}
