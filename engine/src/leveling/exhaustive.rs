//! Every activity list of a small problem, when the budget covers them all: the serial
//! scheme over all of them finds an optimal schedule whenever links keep time order (no
//! leads, no finish-to-finish or start-to-finish link that lets a successor start first).

use super::instance::Instance;
use super::rules::{free_predecessor_counts, release_successors};

/// Above this many free tasks, lists are never enumerated.
const MAX_TASKS: usize = 10;

/// All precedence-feasible lists of the free tasks, if there are at most `budget` of them.
pub(crate) fn all_orders(instance: &Instance, budget: usize) -> Option<Vec<Vec<u32>>> {
    if instance.free.len() > MAX_TASKS || count_orders(instance)? > budget {
        return None;
    }
    let mut lists = Vec::new();
    let mut waiting = free_predecessor_counts(instance);
    let mut list = Vec::with_capacity(instance.free.len());
    extend(instance, &mut waiting, &mut list, &mut lists);
    Some(lists)
}

/// Every way to complete `list`, depth first.
fn extend(
    instance: &Instance,
    waiting: &mut [u32],
    list: &mut Vec<u32>,
    lists: &mut Vec<Vec<u32>>,
) {
    if list.len() == instance.free.len() {
        lists.push(list.clone());
        return;
    }
    for &task in &instance.free {
        if waiting[task as usize] != 0 || list.contains(&task) {
            continue;
        }
        list.push(task);
        release_successors(instance, task, waiting, |_| {});
        extend(instance, waiting, list, lists);
        for arc in instance.succs(task as usize) {
            if instance.pinned[arc.task as usize].is_none() {
                waiting[arc.task as usize] += 1;
            }
        }
        list.pop();
    }
}

/// The number of precedence-feasible lists (topological orders of the free tasks), by
/// dynamic programming over the sets of tasks listed first; `None` past `usize`.
fn count_orders(instance: &Instance) -> Option<usize> {
    let free = &instance.free;
    let mut bit = vec![0u32; instance.n];
    for (i, &t) in free.iter().enumerate() {
        bit[t as usize] = 1 << i;
    }
    let needs: Vec<u32> = free
        .iter()
        .map(|&t| {
            instance
                .preds(t as usize)
                .iter()
                .filter(|arc| instance.pinned[arc.task as usize].is_none())
                .fold(0, |mask, arc| mask | bit[arc.task as usize])
        })
        .collect();
    let mut ways = vec![0usize; 1 << free.len()];
    ways[0] = 1;
    for set in 0..ways.len() {
        if ways[set] == 0 {
            continue;
        }
        for (i, &need) in needs.iter().enumerate() {
            let next = set | 1 << i;
            if next != set && need as usize & set == need as usize {
                ways[next] = ways[next].checked_add(ways[set])?;
            }
        }
    }
    ways.last().copied()
}
