//! Re-scheduling a kept program after edits: the passes from the tasks and links that
//! changed, and the post-check only for the tasks whose figures may have moved.
//!
//! The forward pass is redone from the edited tasks and the successors of the edited
//! links, in topological order (a heap keyed by place in the order), going on to a task's
//! successors only when its early dates moved. If the program end (its `finish_by`, else
//! the latest early finish) stays, the backward pass is redone the same way from the edited
//! tasks, the predecessors of the edited links, and the started or finished tasks whose
//! early dates moved (their late dates follow them). Then each task whose dates, bounds or
//! links changed, and each predecessor of a task whose early dates moved (its free float),
//! gets its schedule again. Every figure is computed by the same function as in the full
//! passes, from the same inputs, so the result is the same.
//!
//! The as-late-as-possible tasks are placed again after every update, all of them (their
//! place depends on their successors' early dates and their own late finish, which any
//! edit may move): before the passes run, the placed tasks get their own early dates back,
//! so that every pass reads what the full passes read; after them, each is placed again,
//! and each placed before or now gets its schedule again, with its predecessors (their
//! free float). That costs O(A log A + their links) for A such tasks.
//!
//! When the program end moves, every late date may follow it: the backward pass and the
//! post-check are then redone in full. Scheduled in full: after a task inserted or removed
//! or a full check, under the longest-path rule (the path is traced over the whole
//! program), and when the last schedule failed or a date leaves the supported range (the
//! full post-check's diagnostics).

use crate::check::Checked;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::CriticalPath;
use crate::scheduler::post::{self, DateLookup, Placed};
use crate::scheduler::{Passes, Schedule, alap, backward, forward};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// What the edits changed.
#[derive(Debug, Default)]
pub(super) struct Touched {
    /// Tasks prepared again (duration, constraint, deadline, progress, calendar).
    pub tasks: Vec<u32>,
    /// Links added or removed, as (predecessor, successor).
    pub links: Vec<(u32, u32)>,
    /// Anything else: schedule in full.
    pub all: bool,
}

/// The last schedule and the passes it came from.
#[derive(Debug)]
pub(super) struct Scheduled {
    passes: Passes,
    /// Tasks with a must-start/finish-on date or a deadline, in task order: the ones the
    /// post-check may warn about.
    flagged: Vec<u32>,
    pub schedule: Result<Schedule, Diagnostics>,
    /// Per task: waiting in a pass's heap (all `false` between runs).
    queued: Vec<bool>,
}

impl Scheduled {
    /// The full schedule of `checked`.
    pub fn new(checked: &Checked<'_>) -> Self {
        let mut scheduled = Scheduled {
            passes: Passes::default(),
            flagged: Vec::new(),
            schedule: Err(Diagnostics(Vec::new())),
            queued: Vec::new(),
        };
        scheduled.in_full(checked);
        scheduled
    }

    /// Schedules `checked` again after edits that changed `touched`; `position`: each
    /// task's place in the topological order.
    pub fn update(&mut self, checked: &Checked<'_>, position: &[u32], touched: &Touched) {
        let n = checked.tasks.len();
        let longest_path = checked.program().program.critical_path == CriticalPath::LongestPath;
        if touched.all || longest_path || self.schedule.is_err() || self.queued.len() != n {
            return self.in_full(checked);
        }
        let unplaced = self.passes.unplace();
        self.follow_placed_late(checked, position, touched);
        let mut moved_early = self.forward(checked, position, touched);
        let program_end = checked.finish_by.unwrap_or(self.passes.finish_offset);
        if program_end != self.passes.program_end {
            // Every late date may follow the program end: the backward pass and the
            // post-check in full (the forward pass is done).
            self.passes.program_end = program_end;
            return self.late_in_full(checked);
        }
        let moved_late = self.backward(checked, position, touched, &moved_early);
        self.passes
            .place_late(checked, |t| checked.tasks[t].duration);
        moved_early.extend(unplaced);
        moved_early.extend(self.passes.unplaced.iter().map(|&(t, ..)| t));
        if self
            .post_check(checked, touched, &moved_early, &moved_late)
            .is_none()
        {
            self.in_full(checked);
        }
    }

    fn in_full(&mut self, checked: &Checked<'_>) {
        let durations: Vec<i64> = checked.tasks.iter().map(|t| t.duration).collect();
        self.passes.alap = alap::tasks(checked);
        self.passes.run(checked, &durations);
        self.assemble(checked);
    }

    /// The backward pass, the late placements and the post-check in full, after the
    /// forward pass.
    fn late_in_full(&mut self, checked: &Checked<'_>) {
        let durations: Vec<i64> = checked.tasks.iter().map(|t| t.duration).collect();
        let Passes {
            early,
            late,
            program_end,
            ..
        } = &mut self.passes;
        backward::pass_into(checked, &durations, early, *program_end, late);
        self.passes.place_late(checked, |t| durations[t]);
        self.assemble(checked);
    }

    /// The tasks to place late after edits to `touched` tasks: those still to be, and the
    /// edited ones now to be, each after its successors (by `position`, last first).
    fn follow_placed_late(&mut self, checked: &Checked<'_>, position: &[u32], touched: &Touched) {
        let placed_late = |t: u32| checked.tasks[t as usize].is_placed_late();
        let tasks = &mut self.passes.alap;
        tasks.retain(|&t| placed_late(t));
        tasks.extend(touched.tasks.iter().copied().filter(|&t| placed_late(t)));
        tasks.sort_unstable_by_key(|&t| Reverse(position[t as usize]));
        tasks.dedup();
    }

    /// The post-check in full, from both passes.
    fn assemble(&mut self, checked: &Checked<'_>) {
        self.schedule = post::assemble(
            checked,
            &self.passes.early,
            &self.passes.late,
            self.passes.program_end,
            self.passes.finish_offset,
        );
        self.queued = vec![false; checked.tasks.len()];
        self.flagged = (0..checked.tasks.len() as u32)
            .filter(|&t| is_flagged(checked, t))
            .collect();
    }

    /// The forward pass from the edits; the tasks whose early dates moved. Keeps the
    /// latest early finish.
    fn forward(&mut self, checked: &Checked<'_>, position: &[u32], touched: &Touched) -> Vec<u32> {
        let mut heap = BinaryHeap::new();
        let seeds = touched
            .tasks
            .iter()
            .chain(touched.links.iter().map(|(_, to)| to));
        for &t in seeds {
            if !std::mem::replace(&mut self.queued[t as usize], true) {
                heap.push(Reverse((position[t as usize], t)));
            }
        }
        let early = &mut self.passes.early;
        let last = self.passes.finish_offset;
        let (mut latest, mut last_moved_back) = (last, false);
        let mut moved = Vec::new();
        while let Some(Reverse((_, t))) = heap.pop() {
            let t = t as usize;
            self.queued[t] = false;
            let dates = forward::early_dates(checked, t, checked.tasks[t].duration, early);
            let old_finish = early.finish[t];
            if dates == (early.start[t], old_finish) {
                continue;
            }
            (early.start[t], early.finish[t]) = dates;
            latest = latest.max(dates.1);
            last_moved_back |= old_finish == last && dates.1 < last;
            moved.push(t as u32);
            for link in checked.successors.of(t) {
                let s = link.task;
                if !std::mem::replace(&mut self.queued[s as usize], true) {
                    heap.push(Reverse((position[s as usize], s)));
                }
            }
        }
        self.passes.finish_offset = if last_moved_back {
            early.finish.iter().copied().max().unwrap_or(0)
        } else {
            latest
        };
        moved
    }

    /// The backward pass from the edits and the moved early dates that late dates follow;
    /// the tasks whose late dates moved.
    fn backward(
        &mut self,
        checked: &Checked<'_>,
        position: &[u32],
        touched: &Touched,
        moved_early: &[u32],
    ) -> Vec<u32> {
        let mut heap = BinaryHeap::new();
        let follows_early = |&&t: &&u32| {
            let progress = checked.tasks[t as usize].progress;
            !matches!(progress, crate::check::Progress::NotStarted)
        };
        let seeds = touched
            .tasks
            .iter()
            .chain(touched.links.iter().map(|(from, _)| from))
            .chain(moved_early.iter().filter(follows_early));
        for &t in seeds {
            if !std::mem::replace(&mut self.queued[t as usize], true) {
                heap.push((position[t as usize], t));
            }
        }
        let Passes {
            early,
            late,
            program_end,
            ..
        } = &mut self.passes;
        let mut moved = Vec::new();
        while let Some((_, t)) = heap.pop() {
            let t = t as usize;
            self.queued[t] = false;
            let duration = checked.tasks[t].duration;
            let dates = backward::late_dates(checked, t, duration, early, *program_end, late);
            if dates == (late.start[t], late.finish[t]) {
                continue;
            }
            (late.start[t], late.finish[t]) = dates;
            moved.push(t as u32);
            for link in checked.predecessors.of(t) {
                let p = link.task;
                if !std::mem::replace(&mut self.queued[p as usize], true) {
                    heap.push((position[p as usize], p));
                }
            }
        }
        moved
    }

    /// The schedule of every task whose figures may have moved, the program's first and
    /// last days and the warnings; `None` if a date leaves the supported range.
    fn post_check(
        &mut self,
        checked: &Checked<'_>,
        touched: &Touched,
        moved_early: &[u32],
        moved_late: &[u32],
    ) -> Option<()> {
        let mut again: Vec<u32> = touched.tasks.clone();
        // Both ends of a link changed: a milestone's day depends on which link places it
        // (`post::driven_by_a_start`).
        again.extend(touched.links.iter().flat_map(|&(from, to)| [from, to]));
        again.extend_from_slice(moved_early);
        again.extend_from_slice(moved_late);
        for &t in moved_early {
            let t = t as usize;
            again.extend(checked.predecessors.of(t).iter().map(|l| l.task));
            // A milestone after it may now be placed by another link.
            let milestones = checked.successors.of(t).iter().map(|l| l.task);
            again.extend(milestones.filter(|&s| checked.tasks[s as usize].duration == 0));
        }
        again.sort_unstable();
        again.dedup();
        let Ok(schedule) = self.schedule.as_mut() else {
            return None;
        };
        let passes = &self.passes;
        let placed = Placed {
            early: &passes.early,
            late: &passes.late,
            program_end: passes.program_end,
        };
        let lookup = DateLookup::computed(&checked.timeline);
        let max_float = post::max_float(checked);
        let (first, last) = (schedule.start, schedule.finish);
        let (mut earliest, mut latest, mut inward) = (first, last, false);
        for &t in &again {
            let t = t as usize;
            let duration = checked.tasks[t].duration;
            let total = post::total_float(checked, t, duration, &passes.early, &passes.late);
            let times = post::task_schedule(checked, t, total, &placed, max_float, &lookup)?;
            let old = std::mem::replace(&mut schedule.tasks[t], times);
            let new = &schedule.tasks[t];
            (earliest, latest) = (earliest.min(new.start), latest.max(new.finish));
            inward |= (old.start == first && new.start > first)
                || (old.finish == last && new.finish < last);
        }
        schedule.finish_offset = passes.finish_offset;
        if inward {
            // A task on the first or last day moved inwards: look at every task.
            post::set_first_and_last_days(checked, schedule);
        } else {
            (schedule.start, schedule.finish) = (earliest, latest);
        }
        for &t in &touched.tasks {
            match (self.flagged.binary_search(&t), is_flagged(checked, t)) {
                (Err(at), true) => self.flagged.insert(at, t),
                (Ok(at), false) => {
                    self.flagged.remove(at);
                }
                _ => {}
            }
        }
        let found: Vec<Diagnostic> = self
            .flagged
            .iter()
            .flat_map(|&t| {
                let t = t as usize;
                post::constraint_warnings(checked, t, passes.early.start[t], passes.early.finish[t])
            })
            .collect();
        schedule.warnings = post::with_schedule_warnings(checked, found);
        if !checked.outline.is_empty() {
            // A summary's start and criticality follow from all its tasks, moved or not
            // (and the first and last days from the summaries rolled up, not their nodes).
            post::roll_up_summaries(checked, schedule);
            post::set_first_and_last_days(checked, schedule);
        }
        Some(())
    }
}

/// Whether the post-check may warn about task `t` (a must-on date or a deadline).
fn is_flagged(checked: &Checked<'_>, t: u32) -> bool {
    let task = &checked.tasks[t as usize];
    task.must.is_some() || task.deadline.is_some()
}
