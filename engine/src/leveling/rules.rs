//! Priority rules: activity lists built by always taking, among the tasks whose free
//! predecessors are all listed, the one a rule ranks first (latest finish, latest start,
//! rank-positional weight, most successors, priority class); and random sampling, unbiased
//! or regret-based biased towards the latest-finish rule (Kolisch 1996), for a varied
//! population.

use super::instance::Instance;
use crate::rng::SplitMix64;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Above this many tasks, counting every task's successors (O(n²/64) memory) is skipped.
const MAX_TASKS_FOR_SUCCESSOR_COUNT: usize = 4_096;

/// A priority rule: lower values go first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    LatestFinish,
    LatestStart,
    RankPositionalWeight,
    MostSuccessors,
    /// Higher priority first, then latest finish: only when priorities differ.
    PriorityThenLatestFinish,
}

/// The rules worth a pass on this instance, the usual best first.
pub(crate) fn rules(instance: &Instance) -> Vec<Rule> {
    let mut rules = vec![
        Rule::LatestFinish,
        Rule::LatestStart,
        Rule::RankPositionalWeight,
    ];
    if instance.n <= MAX_TASKS_FOR_SUCCESSOR_COUNT {
        rules.push(Rule::MostSuccessors);
    }
    if instance.classes > 1 {
        rules.push(Rule::PriorityThenLatestFinish);
    }
    rules
}

/// Each task's value under `rule`.
fn values(instance: &Instance, rule: Rule) -> Vec<i64> {
    let n = instance.n;
    match rule {
        Rule::LatestFinish => latest_finishes(instance),
        Rule::LatestStart => instance.late.clone(),
        Rule::RankPositionalWeight => (0..n)
            .map(|t| {
                let after: i64 = instance
                    .succs(t)
                    .iter()
                    .map(|arc| instance.durations[arc.task as usize])
                    .sum();
                -(instance.durations[t] + after)
            })
            .collect(),
        Rule::MostSuccessors => successor_counts(instance)
            .into_iter()
            .map(|count| -(count as i64))
            .collect(),
        Rule::PriorityThenLatestFinish => {
            let horizon = latest_finishes(instance)
                .into_iter()
                .map(i64::abs)
                .max()
                .unwrap_or(0)
                + 1;
            latest_finishes(instance)
                .into_iter()
                .enumerate()
                .map(|(t, lft)| i64::from(instance.class[t]) * 2 * horizon + lft)
                .collect()
        }
    }
}

pub(crate) fn latest_finishes(instance: &Instance) -> Vec<i64> {
    (0..instance.n)
        .map(|t| instance.late[t] + instance.durations[t])
        .collect()
}

/// How many tasks follow each task, directly or not.
fn successor_counts(instance: &Instance) -> Vec<u32> {
    let n = instance.n;
    let words = n.div_ceil(64);
    let mut reach = vec![0u64; n * words];
    for rank in (0..n as u32).rev() {
        let task = instance.task_at_rank(rank) as usize;
        for arc in instance.succs(task) {
            let next = arc.task as usize;
            reach[task * words + next / 64] |= 1 << (next % 64);
            for w in 0..words {
                let bits = reach[next * words + w];
                reach[task * words + w] |= bits;
            }
        }
    }
    (0..n)
        .map(|t| {
            reach[t * words..(t + 1) * words]
                .iter()
                .map(|w| w.count_ones())
                .sum()
        })
        .collect()
}

/// The activity list of `rule`: ties go to higher priority, then topological order.
pub(crate) fn rule_order(instance: &Instance, rule: Rule) -> Vec<u32> {
    let values = values(instance, rule);
    let mut waiting = free_predecessor_counts(instance);
    let key = |t: usize| Reverse((values[t], instance.class[t], instance.rank[t]));
    let mut ready: BinaryHeap<_> = instance
        .free
        .iter()
        .filter(|&&t| waiting[t as usize] == 0)
        .map(|&t| key(t as usize))
        .collect();
    let mut order = Vec::with_capacity(instance.free.len());
    while let Some(Reverse((_, _, rank))) = ready.pop() {
        let task = instance.task_at_rank(rank);
        order.push(task);
        release_successors(instance, task, &mut waiting, |next| ready.push(key(next)));
    }
    order
}

/// A random activity list: with even odds, either each ready task is equally likely, or it
/// is drawn with weight `max − own + 1` over the ready tasks' latest finishes (a bias
/// towards the tasks due first).
pub(crate) fn sampled_order(instance: &Instance, lft: &[i64], rng: &mut SplitMix64) -> Vec<u32> {
    let mut waiting = free_predecessor_counts(instance);
    let mut ready: Vec<u32> = instance
        .free
        .iter()
        .copied()
        .filter(|&t| waiting[t as usize] == 0)
        .collect();
    let mut order = Vec::with_capacity(instance.free.len());
    // Half the samples are unbiased: variety that the bias alone loses on hard problems.
    let uniform = rng.below(2) == 0;
    while !ready.is_empty() {
        let most = ready.iter().map(|&t| lft[t as usize]).max().unwrap_or(0);
        let weight = |t: u32| {
            if uniform {
                1
            } else {
                (most - lft[t as usize] + 1) as u64
            }
        };
        let total: u64 = ready.iter().map(|&t| weight(t)).sum();
        let mut draw = rng.below(total);
        let mut pick = ready.len() - 1;
        for (i, &t) in ready.iter().enumerate() {
            if draw < weight(t) {
                pick = i;
                break;
            }
            draw -= weight(t);
        }
        let task = ready.swap_remove(pick);
        order.push(task);
        release_successors(instance, task, &mut waiting, |next| ready.push(next as u32));
    }
    order
}

/// For each free task, how many free predecessors it waits for.
pub(crate) fn free_predecessor_counts(instance: &Instance) -> Vec<u32> {
    (0..instance.n)
        .map(|t| {
            instance
                .preds(t)
                .iter()
                .filter(|arc| instance.pinned[arc.task as usize].is_none())
                .count() as u32
        })
        .collect()
}

/// Counts `task` as listed; calls `ready` for each free successor that no longer waits.
pub(crate) fn release_successors(
    instance: &Instance,
    task: u32,
    waiting: &mut [u32],
    mut ready: impl FnMut(usize),
) {
    for arc in instance.succs(task as usize) {
        let next = arc.task as usize;
        if instance.pinned[next].is_some() {
            continue;
        }
        waiting[next] -= 1;
        if waiting[next] == 0 {
            ready(next);
        }
    }
}
