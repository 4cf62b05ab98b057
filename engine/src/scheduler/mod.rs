//! Critical-path scheduling: a [`Checked`] program in, a [`Schedule`] out.
//!
//! The phases, in order (after [`crate::check`], which is phase 1):
//!
//! 2. **forward pass** ([`forward`]): early start and finish of every task in topological
//!    order, from the program start, the status date, constraints and links;
//! 3. **backward pass** ([`backward`]): late start and finish in reverse order, from the
//!    program finish (or its `finish_by` date), constraints, deadlines and links; then the
//!    as-late-as-possible tasks are placed late ([`alap`]), which moves no other task;
//! 4. **post-check** ([`post`]): float, the critical path, dates, and warnings (a must-start
//!    constraint the logic overrode, a missed deadline); an error if dates leave the range
//!    chrono can represent.
//!
//! Each pass visits every task and link once: O(T + D) for T tasks and D dependencies, plus
//! O(log H) per date for H holidays. Nothing here mutates the program.

pub(crate) mod alap;
pub(crate) mod backward;
pub(crate) mod forward;
pub(crate) mod post;
pub(crate) mod span;

use crate::check::{Checked, TaskIndex};
use crate::diagnostics::{Diagnostic, Diagnostics};
use chrono::NaiveDate;
use serde::Serialize;
use span::Span;

/// The computed dates of one task.
///
/// Offsets are working days of the program calendar from the program start; the task
/// occupies `[es, ef)`. Dates are calendar dates: `start` is the first working day, `finish`
/// the last working day (for a milestone, both are the day it closes).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TaskSchedule {
    pub es: i64,
    pub ef: i64,
    pub ls: i64,
    pub lf: i64,
    /// Working days (of the task's calendar) the task can slip without delaying the program
    /// finish or breaking a constraint or deadline. Negative: already late.
    pub total_float: i64,
    /// Working days the task can slip without delaying any successor or the program finish.
    pub free_float: i64,
    /// On the critical path, by the program's [`CriticalPath`](crate::CriticalPath) rule:
    /// an unfinished task with total float at most `max_days` (by default 0: on time but
    /// with no room, or late), or, under `longest_path`, an unfinished task on the driving
    /// path into the program finish. A finished task is never critical.
    pub critical: bool,
    pub start: NaiveDate,
    pub finish: NaiveDate,
    pub late_start: NaiveDate,
    pub late_finish: NaiveDate,
}

/// A schedule: one [`TaskSchedule`] per task, in the program's task order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Schedule {
    pub tasks: Vec<TaskSchedule>,
    /// The first day of work (the program start if there is no task).
    pub start: NaiveDate,
    /// The last day of work.
    pub finish: NaiveDate,
    /// The program finish as an offset: the latest early finish.
    pub finish_offset: i64,
    /// Problems that did not stop scheduling.
    pub warnings: Vec<Diagnostic>,
}

impl Schedule {
    /// The indices of critical tasks, in task order.
    pub fn critical_tasks(&self) -> impl Iterator<Item = TaskIndex> + '_ {
        self.tasks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.critical)
            .map(|(i, _)| i)
    }
}

/// Schedules a checked program. Fails only if the result leaves the representable dates
/// (code E017).
pub fn schedule_checked(checked: &Checked<'_>) -> Result<Schedule, Diagnostics> {
    let durations: Vec<i64> = checked.tasks.iter().map(|t| t.duration).collect();
    let mut passes = Passes::new(checked);
    passes.run(checked, &durations);
    post::assemble(
        checked,
        &passes.early,
        &passes.late,
        passes.program_end,
        passes.finish_offset,
    )
}

/// The forward and backward passes over a checked program with given durations, and the
/// as-late-as-possible placements, keeping their buffers so that repeated runs (a
/// forecast's iterations) allocate nothing.
#[derive(Debug, Default)]
pub(crate) struct Passes {
    /// Early dates; an as-late-as-possible task's are its placement.
    pub early: Pass,
    pub late: Pass,
    /// The latest early finish.
    pub finish_offset: i64,
    /// Where the backward pass started: the program's `finish_by`, else `finish_offset`.
    pub program_end: i64,
    /// The tasks placed as late as possible, in the order they are placed ([`alap::tasks`]).
    pub alap: Vec<u32>,
    /// The early dates the last placement moved, as (task, start, finish): what
    /// [`Passes::unplace`] puts back.
    pub unplaced: Vec<(u32, i64, i64)>,
}

impl Passes {
    /// Passes for `checked`, knowing its as-late-as-possible tasks.
    pub fn new(checked: &Checked<'_>) -> Self {
        Passes {
            alap: alap::tasks(checked),
            ..Passes::default()
        }
    }

    /// Runs both passes with task `t` lasting `durations[t]`, then places the
    /// as-late-as-possible tasks.
    pub fn run(&mut self, checked: &Checked<'_>, durations: &[i64]) {
        forward::pass_into(checked, durations, &mut self.early);
        self.finish_offset = self.early.finish.iter().copied().max().unwrap_or(0);
        self.program_end = checked.finish_by.unwrap_or(self.finish_offset);
        backward::pass_into(
            checked,
            durations,
            &self.early,
            self.program_end,
            &mut self.late,
        );
        self.place_late(checked, |t| durations[t]);
    }

    /// Places the as-late-as-possible tasks after both passes, task `t` lasting
    /// `duration(t)`.
    pub fn place_late(&mut self, checked: &Checked<'_>, duration: impl Fn(usize) -> i64) {
        alap::place_into(
            checked,
            &self.alap,
            duration,
            &mut self.early,
            &self.late,
            self.finish_offset,
            &mut self.unplaced,
        );
    }

    /// Gives the tasks the last placement moved their early dates back (what the forward
    /// pass found): re-running passes from some tasks on reads the others' own. The tasks.
    pub fn unplace(&mut self) -> Vec<u32> {
        self.unplaced
            .drain(..)
            .map(|(t, start, finish)| {
                (self.early.start[t as usize], self.early.finish[t as usize]) = (start, finish);
                t
            })
            .collect()
    }
}

/// Early or late dates of every task, as offsets.
#[derive(Debug, Default)]
pub(crate) struct Pass {
    pub start: Vec<i64>,
    pub finish: Vec<i64>,
}

impl Pass {
    fn resize(&mut self, tasks: usize) {
        self.start.resize(tasks, 0);
        self.finish.resize(tasks, 0);
    }
}

impl Checked<'_> {
    /// The calendar placement of task `t`.
    pub(crate) fn span(&self, t: usize) -> Span<'_> {
        self.span_for(t, self.tasks[t].duration)
    }

    /// The calendar placement of task `t` if it lasted `duration` working days.
    pub(crate) fn span_for(&self, t: usize, duration: i64) -> Span<'_> {
        let team = self.tasks[t]
            .calendar
            .map(|c| &self.team_calendars[c as usize]);
        Span::new(&self.timeline, team, duration)
    }

    pub(crate) fn is_complete(&self, t: usize) -> bool {
        self.tasks[t].is_complete()
    }
}
