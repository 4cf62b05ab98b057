//! The serial schedule generation scheme: tasks in list order, each at its earliest day
//! that its links, release and the remaining capacity allow; and forward–backward
//! justification (Valls, Ballestín & Quintanilla 2005), which shifts every task as late as
//! it can go, latest finish first, and then as early, earliest start first — a schedule
//! that is never longer and often shorter.

use super::instance::Instance;
use super::profile::Profile;
use super::sort::by_time;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Reusable buffers for generating schedules of one instance.
pub(crate) struct Sgs {
    profile: Profile,
    counts: Vec<u32>,
    waiting: Vec<u32>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
    order: Vec<u32>,
    shifted: Vec<i64>,
}

impl Sgs {
    pub fn new(instance: &Instance) -> Sgs {
        Sgs {
            profile: Profile::new(&instance.baseline),
            counts: Vec::new(),
            waiting: vec![0; instance.n],
            heap: BinaryHeap::new(),
            order: Vec::with_capacity(instance.n),
            shifted: pinned_starts(instance),
        }
    }

    /// Places the free tasks of `order` (precedence-feasible) one by one at their earliest
    /// feasible day; pinned tasks keep their starts. Returns the tasks placed over capacity.
    pub fn forward(&mut self, instance: &Instance, order: &[u32], starts: &mut [i64]) -> u32 {
        let baseline = &instance.baseline;
        self.profile.reset(baseline);
        let mut overloaded = 0;
        for &task in order {
            let task = task as usize;
            let earliest = instance.earliest_start(task, starts);
            let (uses, d) = (instance.uses(task), instance.durations[task]);
            let fit =
                self.profile
                    .earliest_fit(baseline, uses, d, earliest, instance.window_only[task]);
            let start = fit.unwrap_or_else(|| {
                overloaded += 1;
                baseline
                    .capacity_window(uses, d, earliest)
                    .unwrap_or(earliest)
            });
            self.profile.place(baseline, uses, d, start);
            starts[task] = start;
        }
        overloaded
    }

    /// Places the free tasks of `order` (successors before predecessors) one by one at
    /// their latest feasible start, finishing by `anchor` and never before their early
    /// start; false if one has no room.
    pub fn backward(
        &mut self,
        instance: &Instance,
        order: &[u32],
        anchor: i64,
        starts: &mut [i64],
    ) -> bool {
        let baseline = &instance.baseline;
        self.profile.reset(baseline);
        for &task in order {
            let task = task as usize;
            let (uses, d) = (instance.uses(task), instance.durations[task]);
            let latest = instance
                .succs(task)
                .iter()
                .map(|arc| starts[arc.task as usize] - arc.dist)
                .fold(anchor - d, i64::min);
            let floor = instance.early[task];
            match self.profile.latest_fit(baseline, uses, d, latest, floor) {
                Some(start) => {
                    self.profile.place(baseline, uses, d, start);
                    starts[task] = start;
                }
                None => return false,
            }
        }
        true
    }

    /// Forward–backward justification of a schedule without overloads, finishing at
    /// `finish`: `starts` becomes the left-justified result (never later-finishing when
    /// links keep time order; the caller compares) and the tasks it placed over capacity
    /// are returned. Costs two schedules. `None`, leaving `starts` alone, if a task could
    /// not be shifted (only with leads).
    pub fn justify(&mut self, instance: &Instance, starts: &mut [i64], finish: i64) -> Option<u32> {
        let mut shifted = std::mem::take(&mut self.shifted);
        let right = self.justify_right(instance, starts, finish, &mut shifted);
        let mut overloaded = None;
        if right {
            let mut order = std::mem::take(&mut self.order);
            self.order_by_start(instance, &shifted, &mut order);
            overloaded = Some(self.forward(instance, &order, starts));
            self.order = order;
        }
        self.shifted = shifted;
        overloaded
    }

    /// Every free task as late as it can go without finishing after `finish`, latest
    /// finish first, never earlier than it was nor later than its deadline if it met it.
    fn justify_right(
        &mut self,
        instance: &Instance,
        starts: &[i64],
        finish: i64,
        shifted: &mut [i64],
    ) -> bool {
        let baseline = &instance.baseline;
        let mut order = std::mem::take(&mut self.order);
        self.order_by_finish_descending(instance, starts, &mut order);
        self.profile.reset(baseline);
        let mut done = true;
        for &task in &order {
            let task = task as usize;
            let (uses, d, was) = (instance.uses(task), instance.durations[task], starts[task]);
            let latest = instance
                .succs(task)
                .iter()
                .map(|arc| shifted[arc.task as usize] - arc.dist)
                .fold(finish - d, i64::min)
                .min(was.max(instance.deadline[task]))
                .max(was);
            match self.profile.latest_fit(baseline, uses, d, latest, was) {
                Some(start) => {
                    self.profile.place(baseline, uses, d, start);
                    shifted[task] = start;
                }
                None => {
                    done = false;
                    break;
                }
            }
        }
        self.order = order;
        done
    }

    /// The free tasks by start, earliest first (ties in topological order), kept
    /// precedence-feasible where a lead lets a successor start before its predecessor.
    pub fn order_by_start(&mut self, instance: &Instance, starts: &[i64], order: &mut Vec<u32>) {
        if instance.starts_monotone {
            by_time(instance, |t| starts[t], false, order, &mut self.counts);
        } else {
            self.kahn(instance, |t| starts[t], false, order);
        }
    }

    /// The free tasks by finish, latest first (ties in reverse topological order), kept
    /// feasible for the backward pass (successors before predecessors).
    pub fn order_by_finish_descending(
        &mut self,
        instance: &Instance,
        starts: &[i64],
        order: &mut Vec<u32>,
    ) {
        let late = |t: usize| -(starts[t] + instance.durations[t]);
        if instance.finishes_monotone {
            by_time(instance, late, true, order, &mut self.counts);
        } else {
            self.kahn(instance, late, true, order);
        }
    }

    /// Kahn's algorithm over the free tasks (`backward`: successors first), always taking
    /// the ready task of least `key`, then least rank (greatest when backward).
    fn kahn(
        &mut self,
        instance: &Instance,
        key: impl Fn(usize) -> i64,
        backward: bool,
        order: &mut Vec<u32>,
    ) {
        let blockers = |t: usize| {
            if backward {
                instance.succs(t)
            } else {
                instance.preds(t)
            }
        };
        let tie = |t: usize| {
            if backward {
                u32::MAX - instance.rank[t]
            } else {
                instance.rank[t]
            }
        };
        self.heap.clear();
        for &t in &instance.free {
            let t = t as usize;
            self.waiting[t] = blockers(t)
                .iter()
                .filter(|arc| instance.pinned[arc.task as usize].is_none())
                .count() as u32;
            if self.waiting[t] == 0 {
                self.heap.push(Reverse((key(t), tie(t))));
            }
        }
        order.clear();
        while let Some(Reverse((_, tied))) = self.heap.pop() {
            let rank = if backward { u32::MAX - tied } else { tied };
            let task = instance.task_at_rank(rank);
            order.push(task);
            let released = if backward {
                instance.preds(task as usize)
            } else {
                instance.succs(task as usize)
            };
            for arc in released {
                let next = arc.task as usize;
                if instance.pinned[next].is_some() {
                    continue;
                }
                self.waiting[next] -= 1;
                if self.waiting[next] == 0 {
                    self.heap.push(Reverse((key(next), tie(next))));
                }
            }
        }
    }
}

/// A start vector with pinned tasks at their starts and the others at 0.
pub(crate) fn pinned_starts(instance: &Instance) -> Vec<i64> {
    instance.pinned.iter().map(|p| p.unwrap_or(0)).collect()
}
