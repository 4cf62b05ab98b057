//! The peak crossover: two parent schedules into a child's precedence-feasible activity
//! list. Lists run forwards (predecessors first, for the forward pass) or backwards
//! (successors first, for the backward pass of the bi-population search).

use super::instance::Instance;
use super::population::Individual;
use super::sort::by_time;
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
    let (mut list, mut counts) = (Vec::new(), Vec::new());
    by_time(instance, time, backward, &mut list, &mut counts);
    repair(instance, &list, backward)
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
