//! Scored schedules and the populations the genetic search breeds from.

use super::crossover;
use super::instance::Instance;
use super::score::Score;
use crate::rng::SplitMix64;

/// One schedule of a population.
#[derive(Clone, Debug)]
pub(crate) struct Individual {
    pub starts: Vec<i64>,
    pub score: Score,
    /// Its use of resources on each day up to its finish: the sum over resources of the
    /// share of base capacity used, in thousandths (for the peak crossover).
    pub load: Vec<i64>,
}

impl Individual {
    pub fn new(instance: &Instance, starts: Vec<i64>, score: Score) -> Individual {
        let load = load(instance, &starts, score.finish.max(0) as usize);
        Individual {
            starts,
            score,
            load,
        }
    }
}

/// Resource use per day over days `0..span`.
fn load(instance: &Instance, starts: &[i64], span: usize) -> Vec<i64> {
    let mut change = vec![0i64; span + 1];
    for &t in &instance.free {
        let t = t as usize;
        let (start, d) = (starts[t], instance.durations[t]);
        if d == 0 || start < 0 || (start + d) as usize > span {
            continue;
        }
        let share: i64 = instance
            .uses(t)
            .iter()
            .map(|u| u.units * 1_000 / instance.baseline.base[u.resource as usize].max(1))
            .sum();
        change[start as usize] += share;
        change[(start + d) as usize] -= share;
    }
    let mut running = 0;
    change.truncate(span);
    for delta in &mut change {
        running += *delta;
        *delta = running;
    }
    change
}

/// Out of this many list positions, about one is swapped with its neighbour.
const MUTATION_ONE_IN: u64 = 10;

/// A population kept sorted, best first.
pub(crate) struct Population {
    pub members: Vec<Individual>,
    pub size: usize,
    /// Two schedules of one finish whose starts differ by less than this in total are
    /// copies of each other: one is enough.
    near: i64,
}

impl Population {
    pub fn new(instance: &Instance, size: usize) -> Population {
        Population {
            members: Vec::with_capacity(size + 1),
            size,
            near: near_copy_distance(instance),
        }
    }

    pub fn is_full(&self) -> bool {
        self.members.len() >= self.size
    }

    /// Adds `child` unless it nearly copies a member; when full, only in place of the
    /// worst member and if no worse than it. True if it was added.
    pub fn offer(&mut self, child: Individual) -> bool {
        if self.members.iter().any(|m| self.near_copy(m, &child)) {
            return false;
        }
        if self.is_full() {
            match self.members.last() {
                Some(worst) if child.score <= worst.score => {
                    self.members.pop();
                }
                _ => return false,
            }
        }
        let at = self.members.partition_point(|m| m.score <= child.score);
        self.members.insert(at, child);
        true
    }

    /// Keeps the best `keep` members (a restart refills the rest).
    pub fn keep_best(&mut self, keep: usize) {
        self.members.truncate(keep);
    }

    fn near_copy(&self, member: &Individual, child: &Individual) -> bool {
        if member.score.finish != child.score.finish {
            return false;
        }
        let mut distance = 0;
        for (a, b) in member.starts.iter().zip(&child.starts) {
            distance += (a - b).abs();
            if distance >= self.near {
                return false;
            }
        }
        true
    }

    /// The better of two members drawn at random.
    fn tournament(&self, rng: &mut SplitMix64) -> &Individual {
        let len = self.members.len() as u64;
        let a = rng.below(len) as usize;
        let b = rng.below(len) as usize;
        &self.members[a.min(b)]
    }

    /// A child's activity list from two parents, crossed and mutated; `backward`: lists
    /// run successors first.
    pub fn breed(&self, instance: &Instance, backward: bool, rng: &mut SplitMix64) -> Vec<u32> {
        let mother = self.tournament(rng);
        let father = self.tournament(rng);
        let mut child = crossover::peak(instance, mother, father, backward, rng);
        mutate(instance, &mut child, backward, rng);
        child
    }
}

/// Three tenths of the mean duration per task (about a day and a half per task on
/// PSPLIB), in total over the tasks: closer than that, two schedules of one finish are
/// near copies.
fn near_copy_distance(instance: &Instance) -> i64 {
    let work: i64 = instance.durations.iter().sum();
    (work * 3 / 10).max(1)
}

/// Swaps neighbours now and then, when no link joins them.
fn mutate(instance: &Instance, list: &mut [u32], backward: bool, rng: &mut SplitMix64) {
    for i in 1..list.len() {
        if rng.below(MUTATION_ONE_IN) != 0 {
            continue;
        }
        let (first, second) = if backward {
            (list[i], list[i - 1])
        } else {
            (list[i - 1], list[i])
        };
        let linked = instance
            .preds(second as usize)
            .iter()
            .any(|arc| arc.task == first);
        if !linked {
            list.swap(i - 1, i);
        }
    }
}
