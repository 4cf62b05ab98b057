//! Placing a task on its calendar: from bounds in timeline offsets to start and finish.
//!
//! Tasks on the program calendar are plain arithmetic (`finish = start + duration`). Tasks
//! of a team with its own calendar work only on the team's working days, a subset of the
//! program's: their starts snap forward to a team working day and their durations count team
//! days. Milestones are instants and never snap.

use crate::calendar::WorkCalendar;
use crate::timeline::Timeline;

/// A task's calendar as seen from the timeline.
#[derive(Clone, Copy)]
pub(crate) struct Span<'a> {
    timeline: &'a Timeline,
    /// `None`: the program calendar (every offset is a working day).
    team: Option<&'a WorkCalendar>,
    duration: i64,
}

impl<'a> Span<'a> {
    #[inline]
    pub fn new(timeline: &'a Timeline, team: Option<&'a WorkCalendar>, duration: i64) -> Self {
        // Milestones are instants: no calendar applies.
        let team = if duration == 0 { None } else { team };
        Span {
            timeline,
            team,
            duration,
        }
    }

    /// Team working days before offset `k`.
    #[inline]
    fn rank(&self, team: &WorkCalendar, k: i64) -> i64 {
        team.ordinal(self.timeline.day_of(k))
    }

    /// The offset of the team's working day of rank `r`.
    #[inline]
    fn at(&self, team: &WorkCalendar, r: i64) -> i64 {
        self.timeline.offset_of_day(team.nth_working_day(r))
    }

    /// The earliest start at or after `bound`.
    #[inline]
    pub fn start_at_or_after(&self, bound: i64) -> i64 {
        match self.team {
            None => bound,
            Some(team) => self.at(team, self.rank(team, bound)),
        }
    }

    /// The finish of `days` working days begun at `start` (a working day).
    #[inline]
    pub fn finish_after(&self, start: i64, days: i64) -> i64 {
        match self.team {
            Some(team) if days > 0 => self.at(team, self.rank(team, start) + days - 1) + 1,
            _ => start + days,
        }
    }

    /// The finish of the whole duration begun at `start`.
    #[inline]
    pub fn finish_from(&self, start: i64) -> i64 {
        self.finish_after(start, self.duration)
    }

    /// The earliest start such that `days` working days finish at or after `bound`.
    #[inline]
    pub fn start_to_finish_by(&self, bound: i64, days: i64) -> i64 {
        match self.team {
            Some(team) if days > 0 => self.at(team, self.rank(team, bound - 1) - days + 1),
            _ => bound.saturating_sub(days),
        }
    }

    /// The latest finish at or before `bound`.
    #[inline]
    pub fn finish_at_or_before(&self, bound: i64) -> i64 {
        match self.team {
            Some(team) => self.at(team, self.rank(team, bound) - 1) + 1,
            None => bound,
        }
    }

    /// The start of the whole duration ending at `finish` (just after a working day).
    #[inline]
    pub fn start_from(&self, finish: i64) -> i64 {
        match self.team {
            Some(team) if self.duration > 0 => {
                self.at(team, self.rank(team, finish) - self.duration)
            }
            _ => finish - self.duration,
        }
    }

    /// The latest finish of the whole duration begun at or before `bound`.
    #[inline]
    pub fn finish_if_started_by(&self, bound: i64) -> i64 {
        match self.team {
            Some(team) => self.finish_from(self.at(team, self.rank(team, bound + 1) - 1)),
            None => bound.saturating_add(self.duration),
        }
    }

    /// Working days in `[from, to)` on this calendar (negative if `to < from`).
    #[inline]
    pub fn working_days(&self, from: i64, to: i64) -> i64 {
        match self.team {
            Some(team) => self.rank(team, to) - self.rank(team, from),
            None => to - from,
        }
    }
}
