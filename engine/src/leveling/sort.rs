//! The free tasks ordered by a time: a counting sort when the times span few days.

use super::instance::Instance;

/// Fills `order` with the free tasks by `time`, least first, ties in topological order
/// (reversed when `backward`, so successors still come first). `counts` is scratch.
pub(crate) fn by_time(
    instance: &Instance,
    time: impl Fn(usize) -> i64,
    backward: bool,
    order: &mut Vec<u32>,
    counts: &mut Vec<u32>,
) {
    let free = &instance.free;
    order.clear();
    let (lo, hi) = free.iter().fold((i64::MAX, i64::MIN), |(lo, hi), &t| {
        let k = time(t as usize);
        (lo.min(k), hi.max(k))
    });
    let span = hi.checked_sub(lo).map(|s| s as u64);
    if span.is_none_or(|s| s > 4 * free.len() as u64 + 64) {
        let tie = |t: u32| {
            let rank = instance.rank[t as usize];
            if backward { u32::MAX - rank } else { rank }
        };
        let mut keyed: Vec<(i64, u32, u32)> = free
            .iter()
            .map(|&t| (time(t as usize), tie(t), t))
            .collect();
        keyed.sort_unstable();
        order.extend(keyed.iter().map(|&(_, _, t)| t));
        return;
    }
    // Slots per time, then each task in (reversed) topological order into its slot.
    let slot = |t: u32| (time(t as usize) - lo) as usize;
    counts.clear();
    counts.resize((hi - lo) as usize + 2, 0);
    for &t in free {
        counts[slot(t) + 1] += 1;
    }
    for i in 1..counts.len() {
        counts[i] += counts[i - 1];
    }
    order.resize(free.len(), 0);
    let mut put = |t: u32| {
        let at = &mut counts[slot(t)];
        order[*at as usize] = t;
        *at += 1;
    };
    if backward {
        free.iter().rev().for_each(|&t| put(t));
    } else {
        free.iter().for_each(|&t| put(t));
    }
}
