//! Activity lists decoded into scored schedules, counting every pass against the budget.

use super::instance::Instance;
use super::population::Individual;
use super::score::Score;
use super::sgs::{Sgs, pinned_starts};

/// Decodes lists and counts schedules.
pub(crate) struct Decoder {
    sgs: Sgs,
    pub used: usize,
    pub budget: usize,
}

impl Decoder {
    pub fn new(instance: &Instance, budget: usize) -> Decoder {
        Decoder {
            sgs: Sgs::new(instance),
            used: 0,
            budget,
        }
    }

    pub fn left(&self) -> usize {
        self.budget.saturating_sub(self.used)
    }

    /// The forward schedule of `order` (predecessors first); with `justify`, improved by
    /// forward–backward justification when the budget allows and it helps. Always runs the
    /// forward pass, even past the budget (the first schedule of a run).
    pub fn forward(&mut self, instance: &Instance, order: &[u32], justify: bool) -> Individual {
        let mut starts = pinned_starts(instance);
        let overloaded = self.sgs.forward(instance, order, &mut starts);
        self.used += 1;
        let mut score = Score::of(instance, &starts, overloaded);
        if justify && overloaded == 0 && self.left() >= 2 {
            let mut justified = starts.clone();
            let done = self.sgs.justify(instance, &mut justified, score.finish);
            self.used += if done.is_some() { 2 } else { 1 };
            if let Some(overloaded) = done {
                let better = Score::of(instance, &justified, overloaded);
                if better <= score {
                    starts = justified;
                    score = better;
                }
            }
        }
        Individual::new(instance, starts, score)
    }

    /// The backward schedule of `order` (successors first) finishing by `anchor`, moved to
    /// start at day 0 — for problems that look the same on every day. `None` if a task
    /// found no room (not on such problems).
    pub fn backward(
        &mut self,
        instance: &Instance,
        order: &[u32],
        anchor: i64,
    ) -> Option<Individual> {
        let mut starts = pinned_starts(instance);
        let placed = self.sgs.backward(instance, order, anchor, &mut starts);
        self.used += 1;
        if !placed {
            return None;
        }
        let first = instance
            .free
            .iter()
            .map(|&t| starts[t as usize])
            .min()
            .unwrap_or(0);
        for &t in &instance.free {
            starts[t as usize] -= first;
        }
        let score = Score::of(instance, &starts, 0);
        Some(Individual::new(instance, starts, score))
    }

    /// The free tasks of a schedule by finish, latest first: the list of its backward pass.
    pub fn by_finish(&mut self, instance: &Instance, schedule: &Individual) -> Vec<u32> {
        let mut order = Vec::with_capacity(instance.free.len());
        self.sgs
            .order_by_finish_descending(instance, &schedule.starts, &mut order);
        order
    }
}
