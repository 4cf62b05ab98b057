//! Crossovers: two parent schedules into a child's precedence-feasible activity list.
//!
//! Lists run forwards (predecessors first, for the forward pass) or backwards (successors
//! first, for the backward pass of the bi-population search).

use super::instance::Instance;
use super::population::Individual;
use crate::rng::SplitMix64;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Peak crossover by times (after the peak crossovers of Valls, Ballestín & Quintanilla
/// 2008 and Debels & Vanhoucke 2007): the tasks the father starts within the window of days
/// where he packs his resources most densely compared with the mother keep his times, every
/// other task takes the mother's, and the child lists the tasks by those times — so the
/// father's better part is rebuilt inside the mother's arrangement. Backwards (right-
/// justified children), times are counted back from each parent's finish.
pub(crate) fn peak(
    instance: &Instance,
    mother: &Individual,
    father: &Individual,
    backward: bool,
    rng: &mut SplitMix64,
) -> Vec<u32> {
    let (from, to) = denser_window(father, mother, backward, rng);
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
    let list = by_time(instance, time, backward);
    repair(instance, &list, backward)
}

/// The free tasks by `time`, least first, ties in topological order (reversed when
/// `backward`): a counting sort when the times span few days.
fn by_time(instance: &Instance, time: impl Fn(usize) -> i64, backward: bool) -> Vec<u32> {
    let free = &instance.free;
    let (lo, hi) = free.iter().fold((i64::MAX, i64::MIN), |(lo, hi), &t| {
        let k = time(t as usize);
        (lo.min(k), hi.max(k))
    });
    let span = hi.checked_sub(lo).map(|s| s as u64);
    if span.is_none_or(|s| s > 4 * free.len() as u64 + 64) {
        let mut keyed: Vec<(i64, u32)> = free
            .iter()
            .map(|&t| (time(t as usize), tie(instance, t as usize, backward)))
            .collect();
        keyed.sort_unstable();
        return keyed
            .iter()
            .map(|&(_, tied)| instance.task_at_rank(untie(tied, backward)))
            .collect();
    }
    let slot = |t: u32| (time(t as usize) - lo) as usize;
    let mut next = vec![0u32; (hi - lo) as usize + 2];
    for &t in free {
        next[slot(t) + 1] += 1;
    }
    for i in 1..next.len() {
        next[i] += next[i - 1];
    }
    let mut list = vec![0; free.len()];
    let mut put = |t: u32| {
        let at = &mut next[slot(t)];
        list[*at as usize] = t;
        *at += 1;
    };
    if backward {
        free.iter().rev().for_each(|&t| put(t));
    } else {
        free.iter().for_each(|&t| put(t));
    }
    list
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
    let feasible = list.iter().all(|&t| {
        blockers(t as usize).iter().all(|arc| {
            instance.pinned[arc.task as usize].is_some()
                || position[arc.task as usize] < position[t as usize]
        })
    });
    if feasible {
        return list.to_vec();
    }
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

/// Days `from..to` of the father's schedule, of a random length between an eighth and a
/// half of it, where his resource use most exceeds the mother's on the same days (both
/// aligned at their start, or at their finish when `backward`).
fn denser_window(
    father: &Individual,
    mother: &Individual,
    backward: bool,
    rng: &mut SplitMix64,
) -> (i64, i64) {
    let (his, hers) = (&father.load, &mother.load);
    let (span, mother_span) = (his.len().max(1), hers.len());
    let shift = if backward {
        mother_span as i64 - span as i64
    } else {
        0
    };
    let excess: Vec<i64> = (0..span)
        .map(|day| {
            let same = day as i64 + shift;
            let hers = usize::try_from(same).ok().and_then(|d| hers.get(d));
            his.get(day).copied().unwrap_or(0) - hers.copied().unwrap_or(0)
        })
        .collect();
    let length = (span / 8 + rng.below((span * 3 / 8 + 1) as u64) as usize).clamp(1, span);
    let mut window: i64 = excess[..length].iter().sum();
    let (mut best, mut best_from) = (window, 0);
    for from in 1..=span - length {
        window += excess[from + length - 1] - excess[from - 1];
        if window > best {
            (best, best_from) = (window, from);
        }
    }
    (best_from as i64, (best_from + length) as i64)
}
