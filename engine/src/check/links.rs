//! Dependencies as the scheduler walks them: resolving ends to tasks, compressed (CSR)
//! lists by task, duplicate links, and the topological order (with cycles named when there
//! is none).

use super::{Checker, MAX_DAYS};
use crate::diagnostics::Code;
use crate::model::{Dependency, LinkType};
use rustc_hash::FxHashMap;

/// A dependency as the scheduler walks it, from one task to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Link {
    /// The task at the other end (predecessor in a predecessor list, successor in a
    /// successor list).
    pub task: u32,
    /// Working days; checked to be within ±[`MAX_DAYS`] before a link is made. Four bytes
    /// (12 per link, not 16): the lists are read in every pass.
    lag: i32,
    pub kind: LinkType,
}

impl Default for Link {
    fn default() -> Self {
        Link {
            task: 0,
            lag: 0,
            kind: LinkType::FS,
        }
    }
}

impl Link {
    /// A link to `task` of `kind` with `lag` working days (within ±[`MAX_DAYS`]).
    pub(crate) fn new(task: u32, kind: LinkType, lag: i32) -> Self {
        Link { task, lag, kind }
    }

    /// Working days added to the link; negative is a lead.
    #[inline]
    pub fn lag(&self) -> i64 {
        i64::from(self.lag)
    }
}

/// Links grouped by task: the links of task `t` are `items[starts[t]..starts[t + 1]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct LinkLists {
    starts: Vec<u32>,
    items: Vec<Link>,
}

impl LinkLists {
    /// Groups `(task, link)` pairs by task with a counting sort: O(T + D), stable.
    pub(super) fn group<I: Iterator<Item = (u32, Link)>>(
        task_count: usize,
        pairs: impl Fn() -> I,
    ) -> Self {
        let starts = list_starts(task_count, pairs().map(|(task, _)| task));
        let mut next = starts.clone();
        let mut items = vec![Link::default(); starts[task_count] as usize];
        for (task, link) in pairs() {
            let slot = &mut next[task as usize];
            items[*slot as usize] = link;
            *slot += 1;
        }
        LinkLists { starts, items }
    }

    /// The same links seen from the other end: successor lists from predecessor lists.
    /// A counting sort like [`LinkLists::group`], over the lists directly: O(T + D).
    pub(super) fn transpose(&self) -> Self {
        let task_count = self.starts.len() - 1;
        let starts = list_starts(task_count, self.items.iter().map(|link| link.task));
        let mut next = starts.clone();
        let mut items = vec![Link::default(); self.items.len()];
        for t in 0..task_count {
            for link in self.of(t) {
                let slot = &mut next[link.task as usize];
                items[*slot as usize] = Link {
                    task: t as u32,
                    ..*link
                };
                *slot += 1;
            }
        }
        LinkLists { starts, items }
    }

    pub fn of(&self, task: usize) -> &[Link] {
        &self.items[self.starts[task] as usize..self.starts[task + 1] as usize]
    }

    /// Adds `link` at the end of task `t`'s list. O(T + D): the lists after it move.
    pub(crate) fn push(&mut self, t: usize, link: Link) {
        self.items.insert(self.starts[t + 1] as usize, link);
        for start in &mut self.starts[t + 1..] {
            *start += 1;
        }
    }

    /// Replaces task `t`'s link to `link.task` with `link`; `false` if it has none. O(its
    /// links).
    pub(crate) fn replace(&mut self, t: usize, link: Link) -> bool {
        let first = self.starts[t] as usize;
        match self.of(t).iter().position(|l| l.task == link.task) {
            Some(at) => {
                self.items[first + at] = link;
                true
            }
            None => false,
        }
    }

    /// Removes task `t`'s link to `other`; `false` if it has none. O(T + D).
    pub(crate) fn remove(&mut self, t: usize, other: u32) -> bool {
        let first = self.starts[t] as usize;
        let Some(at) = self.of(t).iter().position(|link| link.task == other) else {
            return false;
        };
        self.items.remove(first + at);
        for start in &mut self.starts[t + 1..] {
            *start -= 1;
        }
        true
    }

    /// An empty list for a task inserted at `t`: the tasks from `t` on move up one. O(T + D).
    pub(crate) fn insert_task(&mut self, t: usize) {
        self.starts.insert(t, self.starts[t]);
        for link in &mut self.items {
            if link.task as usize >= t {
                link.task += 1;
            }
        }
    }

    /// Removes task `t`'s list, which must be empty: the tasks after it move down one.
    /// O(T + D).
    pub(crate) fn remove_task(&mut self, t: usize) {
        self.starts.remove(t);
        for link in &mut self.items {
            if link.task as usize > t {
                link.task -= 1;
            }
        }
    }
}

/// Where each task's list starts, given the task of every item (any order): counts, then
/// their running sums; the last entry is the number of items.
fn list_starts(task_count: usize, tasks: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut starts = vec![0u32; task_count + 1];
    for task in tasks {
        starts[task as usize + 1] += 1;
    }
    for t in 0..task_count {
        starts[t + 1] += starts[t];
    }
    starts
}

/// A topological order that keeps the program's task order where the links allow: tasks
/// in file order, each after those of its predecessors not yet placed (depth-first). Plans
/// mostly list predecessors above their successors, and then the order is the file order
/// and the passes walk their arrays front to back instead of jumping about memory (a
/// breadth-first order scatters them, which shows at 100,000 tasks: see BENCHMARKS.md).
/// O(T + D). If there is a cycle, Kahn's algorithm places what it can instead: tasks on or
/// behind a cycle are left out.
pub(super) fn topological_order(predecessors: &LinkLists, successors: &LinkLists) -> Vec<u32> {
    depth_first_order(predecessors).unwrap_or_else(|| kahn_order(predecessors, successors))
}

/// Where a task stands in [`depth_first_order`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    New,
    /// Its predecessors are being placed.
    Open,
    Placed,
}

/// Every task after its predecessors, visiting tasks in file order; `None` on a cycle.
fn depth_first_order(predecessors: &LinkLists) -> Option<Vec<u32>> {
    let n = predecessors.starts.len() - 1;
    let mut visit = vec![Visit::New; n];
    let mut order = Vec::with_capacity(n);
    // Tasks whose predecessors are being placed, with the next predecessor to look at.
    let mut open: Vec<(u32, u32)> = Vec::new();
    for root in 0..n as u32 {
        if visit[root as usize] != Visit::New {
            continue;
        }
        visit[root as usize] = Visit::Open;
        open.push((root, predecessors.starts[root as usize]));
        while let Some(&mut (t, ref mut next)) = open.last_mut() {
            let end = predecessors.starts[t as usize + 1];
            let mut descend = None;
            while *next < end {
                let p = predecessors.items[*next as usize].task;
                *next += 1;
                match visit[p as usize] {
                    Visit::Placed => {}
                    Visit::Open => return None,
                    Visit::New => {
                        descend = Some(p);
                        break;
                    }
                }
            }
            match descend {
                Some(p) => {
                    visit[p as usize] = Visit::Open;
                    open.push((p, predecessors.starts[p as usize]));
                }
                None => {
                    visit[t as usize] = Visit::Placed;
                    order.push(t);
                    open.pop();
                }
            }
        }
    }
    Some(order)
}

/// Kahn's algorithm, breadth-first from the tasks without predecessors. Tasks on
/// or behind a cycle are left out.
fn kahn_order(predecessors: &LinkLists, successors: &LinkLists) -> Vec<u32> {
    let n = predecessors.starts.len() - 1;
    let mut waiting: Vec<u32> = (0..n).map(|t| predecessors.of(t).len() as u32).collect();
    let mut order: Vec<u32> = (0..n as u32)
        .filter(|&t| waiting[t as usize] == 0)
        .collect();
    order.reserve(n - order.len());
    let mut next = 0;
    while next < order.len() {
        let t = order[next] as usize;
        next += 1;
        for link in successors.of(t) {
            let w = &mut waiting[link.task as usize];
            *w -= 1;
            if *w == 0 {
                order.push(link.task);
            }
        }
    }
    order
}

impl<'p> Checker<'p> {
    /// Dependencies as (successor, link to predecessor) pairs, with the position of each
    /// in the dependency list; reports unknown tasks (E004), self-links (E005) and lags out
    /// of range (E015).
    pub(super) fn links(&mut self, index: &FxHashMap<&str, u32>) -> (Vec<(u32, Link)>, Vec<usize>) {
        let program = self.program;
        let mut pairs = Vec::with_capacity(program.dependencies.len());
        let mut positions = Vec::with_capacity(program.dependencies.len());
        // Consecutive dependencies often share their successor: resolve it once.
        let mut last_to: (&str, Option<u32>) = ("", None);
        for (i, dep) in program.dependencies.iter().enumerate() {
            let from = index.get(dep.from.as_str()).copied();
            if dep.to != last_to.0 || i == 0 {
                last_to = (&dep.to, index.get(dep.to.as_str()).copied());
            }
            if let Some(pair) = self.link(i, dep, from, last_to.1) {
                pairs.push(pair);
                positions.push(i);
            }
        }
        (pairs, positions)
    }

    /// Dependency `i` as a (successor, link to predecessor) pair, its ends resolved to
    /// `from` and `to`; reports unknown tasks (E004), a self-link (E005) and a lag out of
    /// range (E015).
    pub(crate) fn link(
        &mut self,
        i: usize,
        dep: &Dependency,
        from: Option<u32>,
        to: Option<u32>,
    ) -> Option<(u32, Link)> {
        if from.is_none() || to.is_none() {
            self.unknown_ends(i, dep, from, to);
        }
        // Not `lag.abs()`: the absolute value of the least i64 does not exist.
        if !(-MAX_DAYS..=MAX_DAYS).contains(&dep.lag) {
            self.error(
                Code::ValueOutOfRange,
                format!("dependencies[{i}].lag"),
                vec![dep.from.clone(), dep.to.clone()],
                format!(
                    "dependency {} → {} has a lag of {}; at most ±{MAX_DAYS} is supported",
                    dep.from, dep.to, dep.lag
                ),
            );
            return None;
        }
        let (Some(from), Some(to)) = (from, to) else {
            return None;
        };
        if from == to {
            self.error(
                Code::SelfLink,
                format!("dependencies[{i}]"),
                vec![dep.from.clone()],
                format!("task '{}' depends on itself", dep.from),
            );
            return None;
        }
        Some((
            to,
            Link {
                task: from,
                kind: dep.kind,
                // In range: larger lags were refused above.
                lag: dep.lag as i32,
            },
        ))
    }

    /// E004 for each end of dependency `i` that names no task.
    pub(super) fn unknown_ends(
        &mut self,
        i: usize,
        dep: &Dependency,
        from: Option<u32>,
        to: Option<u32>,
    ) {
        for (field, id, found) in [("from", &dep.from, from), ("to", &dep.to, to)] {
            if found.is_none() {
                self.error(
                    Code::UnknownTask,
                    format!("dependencies[{i}].{field}"),
                    vec![id.clone()],
                    format!(
                        "dependency {} → {} names task '{id}', which does not exist",
                        dep.from, dep.to
                    ),
                );
            }
        }
    }

    /// E014: two dependencies or more between the same two tasks, one diagnostic per pair
    /// naming the first few positions. O(T + D) with one marker per task, and one more pass
    /// over the dependencies when there are duplicates.
    pub(super) fn report_duplicate_links(&mut self, predecessors: &LinkLists) {
        let tasks = &self.program.tasks;
        let mut marked_for = vec![u32::MAX; tasks.len()];
        let mut duplicated: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
        for t in 0..tasks.len() {
            for link in predecessors.of(t) {
                let mark = &mut marked_for[link.task as usize];
                if *mark == t as u32 {
                    let pair = (tasks[link.task as usize].id.as_str(), tasks[t].id.as_str());
                    duplicated.entry(pair).or_default();
                }
                *mark = t as u32;
            }
        }
        if duplicated.is_empty() {
            return;
        }
        let mut order = Vec::new();
        for (i, dep) in self.program.dependencies.iter().enumerate() {
            if let Some(positions) = duplicated.get_mut(&(dep.from.as_str(), dep.to.as_str())) {
                if positions.is_empty() {
                    order.push((dep.from.as_str(), dep.to.as_str()));
                }
                positions.push(i);
            }
        }
        for pair @ (from, to) in order {
            let positions = &duplicated[&pair];
            self.error(
                Code::DuplicateLink,
                format!(
                    "dependencies[{}]",
                    positions.get(1).copied().unwrap_or_default()
                ),
                vec![from.to_string(), to.to_string()],
                format!(
                    "{from} → {to} is linked {} times (dependencies {})",
                    crate::words::thousands(positions.len()),
                    listed(positions, 5)
                ),
            );
        }
    }

    /// E009, one diagnostic per strongly connected set of tasks, naming one cycle in order.
    pub(super) fn report_cycles(&mut self, order: &[u32], successors: &LinkLists) {
        let tasks = &self.program.tasks;
        for cycle in super::cycles::find_cycles(tasks.len(), order, successors) {
            let ids: Vec<String> = cycle.iter().map(|&t| tasks[t].id.clone()).collect();
            let message = format!("dependency cycle: {}", cycle_text(&ids));
            self.error(
                Code::DependencyCycle,
                format!("tasks[{}]", cycle[0]),
                ids,
                message,
            );
        }
    }
}

/// The first `shown` of `positions`, then how many more: `0, 1, 2, 3, 4 … and 19,995 more`.
fn listed(positions: &[usize], shown: usize) -> String {
    let first: Vec<String> = positions.iter().take(shown).map(usize::to_string).collect();
    match positions.len().saturating_sub(shown) {
        0 => first.join(", "),
        more => format!(
            "{} … and {} more",
            first.join(", "),
            crate::words::thousands(more)
        ),
    }
}

/// A cycle as `a → b → c → a`; a long one shows its first and last tasks and how many are
/// between (`T0 → T1 → … 99,990 more … → T99999 → T0`), so the message stays short.
fn cycle_text(ids: &[String]) -> String {
    const ENDS: usize = 8;
    let between;
    let mut shown: Vec<&str> = Vec::with_capacity(2 * ENDS + 2);
    if ids.len() <= 2 * ENDS + 1 {
        shown.extend(ids.iter().map(String::as_str));
    } else {
        shown.extend(ids[..ENDS].iter().map(String::as_str));
        between = format!("… {} more …", crate::words::thousands(ids.len() - 2 * ENDS));
        shown.push(&between);
        shown.extend(ids[ids.len() - ENDS..].iter().map(String::as_str));
    }
    shown.extend(ids.first().map(String::as_str));
    shown.join(" → ")
}
