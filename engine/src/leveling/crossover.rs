//! Crossovers: two parent schedules into a child's precedence-feasible activity list.
//!
//! Lists run forwards (predecessors first, for the forward pass) or backwards (successors
//! first, for the backward pass of the bi-population search).

use super::instance::Instance;
use super::population::Individual;
use crate::rng::SplitMix64;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Hartmann's two-point crossover: the mother's list up to a first cut, then the father's
/// order of the tasks not yet taken up to a second cut, then the mother's for the rest.
/// Keeps precedence feasibility in either direction.
pub(crate) fn two_point(
    mother: &[u32],
    father: &[u32],
    n: usize,
    rng: &mut SplitMix64,
) -> Vec<u32> {
    let len = mother.len();
    let mut cuts = [
        rng.below(len as u64 + 1) as usize,
        rng.below(len as u64 + 1) as usize,
    ];
    cuts.sort_unstable();
    let mut taken = vec![false; n];
    let mut child = Vec::with_capacity(len);
    for &t in &mother[..cuts[0]] {
        taken[t as usize] = true;
        child.push(t);
    }
    for &t in father {
        if child.len() >= cuts[1] {
            break;
        }
        if !taken[t as usize] {
            taken[t as usize] = true;
            child.push(t);
        }
    }
    child.extend(mother.iter().copied().filter(|&t| !taken[t as usize]));
    child
}

/// Peak crossover by times (after the peak crossovers of Valls, Ballestín & Quintanilla
/// 2008 and Debels & Vanhoucke 2007): the tasks the father starts within his busiest
/// window of days keep his times, every other task takes the mother's, and the child lists
/// the tasks by those times — so the dense part of the father is rebuilt inside the
/// mother's arrangement. Backwards, times are counted from each parent's finish.
pub(crate) fn peak(
    instance: &Instance,
    mother: &Individual,
    father: &Individual,
    backward: bool,
    rng: &mut SplitMix64,
) -> Vec<u32> {
    let (from, to) = busiest_window(instance, father, rng);
    let time = |t: usize| {
        let start = father.starts[t];
        let parent = if start >= from && start < to {
            father
        } else {
            mother
        };
        if backward {
            parent.score.finish - (parent.starts[t] + instance.durations[t])
        } else {
            parent.starts[t]
        }
    };
    let mut keyed: Vec<(i64, u32)> = instance
        .free
        .iter()
        .map(|&t| (time(t as usize), tie(instance, t as usize, backward)))
        .collect();
    keyed.sort_unstable();
    let list: Vec<u32> = keyed
        .iter()
        .map(|&(_, tied)| instance.task_at_rank(untie(tied, backward)))
        .collect();
    repair(instance, &list, backward)
}

/// Ties between equal times go to topological order (reversed backwards).
fn tie(instance: &Instance, task: usize, backward: bool) -> u32 {
    if backward {
        u32::MAX - instance.rank[task]
    } else {
        instance.rank[task]
    }
}

fn untie(tied: u32, backward: bool) -> u32 {
    if backward { u32::MAX - tied } else { tied }
}

/// The precedence-feasible list closest to `list`: Kahn's algorithm always taking the ready
/// task that comes first in `list` (successors first when `backward`).
pub(crate) fn repair(instance: &Instance, list: &[u32], backward: bool) -> Vec<u32> {
    let mut position = vec![0u32; instance.n];
    for (i, &t) in list.iter().enumerate() {
        position[t as usize] = i as u32;
    }
    let blockers = |t: usize| {
        if backward {
            instance.succs(t)
        } else {
            instance.preds(t)
        }
    };
    let mut waiting = vec![0u32; instance.n];
    let mut ready = BinaryHeap::with_capacity(list.len());
    for &t in list {
        let t = t as usize;
        waiting[t] = blockers(t)
            .iter()
            .filter(|arc| instance.pinned[arc.task as usize].is_none())
            .count() as u32;
        if waiting[t] == 0 {
            ready.push(Reverse(position[t]));
        }
    }
    let mut out = Vec::with_capacity(list.len());
    while let Some(Reverse(at)) = ready.pop() {
        let task = list[at as usize];
        out.push(task);
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
            waiting[next] -= 1;
            if waiting[next] == 0 {
                ready.push(Reverse(position[next]));
            }
        }
    }
    out
}

/// Days `from..to`, of a random length between an eighth and a half of the schedule, where
/// the schedule uses its resources most (each resource's share of its base capacity).
fn busiest_window(instance: &Instance, schedule: &Individual, rng: &mut SplitMix64) -> (i64, i64) {
    let span = schedule.score.finish.max(1) as usize;
    let mut change = vec![0i64; span + 1];
    for &t in &instance.free {
        let t = t as usize;
        let (start, d) = (schedule.starts[t], instance.durations[t]);
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
    let length = (span / 8 + rng.below((span * 3 / 8 + 1) as u64) as usize).clamp(1, span);
    let mut use_on = Vec::with_capacity(span);
    let mut running = 0;
    for delta in &change[..span] {
        running += delta;
        use_on.push(running);
    }
    let mut window: i64 = use_on[..length].iter().sum();
    let (mut best, mut best_from) = (window, 0);
    for from in 1..=span - length {
        window += use_on[from + length - 1] - use_on[from - 1];
        if window > best {
            (best, best_from) = (window, from);
        }
    }
    (best_from as i64, (best_from + length) as i64)
}
