//! A [`Problem`] compiled for the search: links as start-to-start distances in adjacency
//! arrays, demands in flat arrays, the resources-ignored early and late starts, the latest
//! starts that deadlines allow, priority classes and the capacity baseline.

use super::profile::Baseline;
use super::{Infeasible, Objective, Problem};
use crate::LinkType;

/// No deadline.
pub(crate) const NO_DEADLINE: i64 = i64::MAX / 4;

/// Durations, lags and days beyond this many days (2,700 years) are refused: the capacity
/// profile takes memory for every day up to the last one used.
pub(crate) const MAX_DAYS: i64 = 1_000_000;

/// A start-to-start minimum distance to or from another task: `to.start ≥ from.start + dist`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Arc {
    pub task: u32,
    pub dist: i64,
}

/// One resource used by a task on each of its days, in hundredths.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Use {
    pub resource: u32,
    pub units: i64,
}

/// The compiled problem.
pub(crate) struct Instance {
    pub n: usize,
    pub durations: Vec<i64>,
    pred_offsets: Vec<usize>,
    preds: Vec<Arc>,
    succ_offsets: Vec<usize>,
    succs: Vec<Arc>,
    use_offsets: Vec<usize>,
    uses: Vec<Use>,
    pub release: Vec<i64>,
    pub pinned: Vec<Option<i64>>,
    /// The tasks that are not pinned, in a topological order.
    pub free: Vec<u32>,
    /// Each task's position in one topological order of all tasks (a tie-breaker that
    /// keeps orders by time precedence-feasible).
    pub rank: Vec<u32>,
    /// That order: the task at each rank.
    topological: Vec<u32>,
    /// Every distance is ≥ 0: sorting by start (then rank) gives a precedence-feasible list.
    pub starts_monotone: bool,
    /// Every link's successor finishes no earlier than its predecessor must: sorting by
    /// finish (then rank) gives a feasible list for the backward pass.
    pub finishes_monotone: bool,
    /// Earliest starts with resources ignored (release and pins honoured).
    pub early: Vec<i64>,
    /// Latest starts with resources ignored, from the critical-path finish and deadlines.
    pub late: Vec<i64>,
    /// The latest start each free task may take without lateness ([`NO_DEADLINE`]: none).
    pub deadline: Vec<i64>,
    /// Dense rank of priority, 0 for the highest; `classes` distinct values.
    pub class: Vec<u16>,
    pub classes: usize,
    /// The critical-path finish (LB0).
    pub critical_path: i64,
    /// The latest finish of a pinned task (0 without).
    pub pinned_finish: i64,
    /// Task needs a resource above its base capacity: it fits only within periods.
    pub window_only: Vec<bool>,
    pub baseline: Baseline,
}

impl Instance {
    /// Compiles `problem`, or names a demand that can never be met.
    ///
    /// # Panics
    ///
    /// If the problem is malformed ([`validate`]).
    pub fn new(problem: &Problem, objective: Objective) -> Result<Instance, Infeasible> {
        let instance = Instance::compile(problem, objective);
        instance.check_demands()?;
        Ok(instance)
    }

    /// Compiles `problem` whether or not its demands can be met.
    ///
    /// # Panics
    ///
    /// If the problem is malformed ([`validate`]).
    pub fn compile(problem: &Problem, objective: Objective) -> Instance {
        if let Err(why) = validate(problem) {
            panic!("malformed leveling problem: {why}");
        }
        let n = problem.len();
        let durations = problem.durations.clone();
        let (pred_offsets, preds) = adjacency(problem, true);
        let (succ_offsets, succs) = adjacency(problem, false);
        let (use_offsets, uses) = flat_uses(problem);
        let order = topological_order(n, &succ_offsets, &succs, &pred_offsets)
            .expect("validated: no cycle");
        let mut rank = vec![0; n];
        for (position, &task) in order.iter().enumerate() {
            rank[task as usize] = position as u32;
        }
        let free = order
            .iter()
            .copied()
            .filter(|&t| problem.pinned[t as usize].is_none())
            .collect();
        let starts_monotone = preds.iter().all(|arc| arc.dist >= 0);
        let finishes_monotone = (0..n).all(|to| {
            preds[pred_offsets[to]..pred_offsets[to + 1]]
                .iter()
                .all(|arc| arc.dist + durations[to] - durations[arc.task as usize] >= 0)
        });
        let (class, classes) = priority_classes(&problem.priority);
        let pinned_finish = (0..n)
            .filter_map(|t| problem.pinned[t].map(|s| s + durations[t]))
            .max()
            .unwrap_or(0)
            .max(0);
        let mut instance = Instance {
            n,
            durations,
            pred_offsets,
            preds,
            succ_offsets,
            succs,
            use_offsets,
            uses,
            release: problem.release.clone(),
            pinned: problem.pinned.clone(),
            free,
            rank,
            topological: order.clone(),
            starts_monotone,
            finishes_monotone,
            early: Vec::new(),
            late: Vec::new(),
            deadline: Vec::new(),
            class,
            classes,
            critical_path: 0,
            pinned_finish,
            window_only: vec![false; n],
            baseline: Baseline::new(problem),
        };
        instance.early = instance.early_starts(&order);
        instance.critical_path = (0..n)
            .map(|t| instance.early[t] + instance.durations[t])
            .max()
            .unwrap_or(0)
            .max(0);
        instance.deadline = instance.deadlines(problem, objective, &order);
        instance.late = instance.late_starts(&order);
        instance.window_only = (0..n)
            .map(|t| {
                instance
                    .uses(t)
                    .iter()
                    .any(|u| u.units > instance.baseline.base[u.resource as usize])
            })
            .collect();
        instance
    }

    /// The task at `rank` in the topological order.
    pub fn task_at_rank(&self, rank: u32) -> u32 {
        self.topological[rank as usize]
    }

    pub fn preds(&self, task: usize) -> &[Arc] {
        &self.preds[self.pred_offsets[task]..self.pred_offsets[task + 1]]
    }

    pub fn succs(&self, task: usize) -> &[Arc] {
        &self.succs[self.succ_offsets[task]..self.succ_offsets[task + 1]]
    }

    /// What the task uses per day (nothing for a milestone).
    pub fn uses(&self, task: usize) -> &[Use] {
        &self.uses[self.use_offsets[task]..self.use_offsets[task + 1]]
    }

    /// The earliest start the links from placed tasks and the release allow.
    pub fn earliest_start(&self, task: usize, starts: &[i64]) -> i64 {
        self.preds(task)
            .iter()
            .map(|arc| starts[arc.task as usize] + arc.dist)
            .fold(self.release[task].max(0), i64::max)
    }

    fn early_starts(&self, order: &[u32]) -> Vec<i64> {
        let mut early = vec![0; self.n];
        for &task in order {
            let task = task as usize;
            early[task] = match self.pinned[task] {
                Some(start) => start,
                None => self.earliest_start(task, &early),
            };
        }
        early
    }

    /// Latest starts that keep every latest finish (given, or `finish_by`) and every link
    /// into a pinned task, propagated backwards through free tasks.
    fn deadlines(&self, problem: &Problem, objective: Objective, order: &[u32]) -> Vec<i64> {
        let finish_by = match objective {
            Objective::WithinFloat { finish_by } => Some(finish_by),
            Objective::MinimiseFinish => None,
        };
        let mut deadline: Vec<i64> = (0..self.n)
            .map(|task| {
                let own = problem.latest_finish[task];
                match (self.pinned[task], own.into_iter().chain(finish_by).min()) {
                    (None, Some(finish)) => finish - self.durations[task],
                    _ => NO_DEADLINE,
                }
            })
            .collect();
        for &task in order.iter().rev() {
            let task = task as usize;
            if self.pinned[task].is_some() {
                continue;
            }
            for arc in self.succs(task) {
                let next = arc.task as usize;
                let bound = match self.pinned[next] {
                    Some(start) => start - arc.dist,
                    None if deadline[next] < NO_DEADLINE => deadline[next] - arc.dist,
                    None => continue,
                };
                deadline[task] = deadline[task].min(bound);
            }
        }
        deadline
    }

    /// Latest starts with resources ignored: from the critical-path finish, no later than
    /// the deadlines. Pinned tasks stay put.
    fn late_starts(&self, order: &[u32]) -> Vec<i64> {
        let mut late = vec![0; self.n];
        for &task in order.iter().rev() {
            let task = task as usize;
            late[task] = match self.pinned[task] {
                Some(start) => start,
                None => self
                    .succs(task)
                    .iter()
                    .map(|arc| late[arc.task as usize] - arc.dist)
                    .fold(
                        (self.critical_path - self.durations[task]).min(self.deadline[task]),
                        i64::min,
                    ),
            };
        }
        late
    }

    /// Every free task fits somewhere on its own: some run of days from its early start
    /// with each of its resources offering enough.
    fn check_demands(&self) -> Result<(), Infeasible> {
        for &task in &self.free {
            let task = task as usize;
            if !self.window_only[task] {
                continue;
            }
            let uses = self.uses(task);
            let d = self.durations[task];
            if self
                .baseline
                .capacity_window(uses, d, self.early[task])
                .is_some()
            {
                continue;
            }
            let culprit = uses
                .iter()
                .find(|u| {
                    self.baseline
                        .capacity_window(std::slice::from_ref(u), d, self.early[task])
                        .is_none()
                })
                .or_else(|| {
                    uses.iter()
                        .find(|u| u.units > self.baseline.base[u.resource as usize])
                })
                .expect("a window-only task has a demand above base");
            return Err(Infeasible {
                task: task as u32,
                resource: culprit.resource,
            });
        }
        Ok(())
    }
}

/// The start-to-start distance a link imposes on its successor.
fn distance(problem: &Problem, from: usize, to: usize, kind: LinkType, lag: i64) -> i64 {
    let (d_from, d_to) = (problem.durations[from], problem.durations[to]);
    match kind {
        LinkType::FS => d_from + lag,
        LinkType::SS => lag,
        LinkType::FF => d_from + lag - d_to,
        LinkType::SF => lag - d_to,
    }
}

/// Compressed adjacency: for each task its predecessors (`incoming`) or successors.
fn adjacency(problem: &Problem, incoming: bool) -> (Vec<usize>, Vec<Arc>) {
    let n = problem.len();
    let key = |from: usize, to: usize| if incoming { to } else { from };
    let mut offsets = vec![0; n + 1];
    for link in &problem.links {
        offsets[key(link.from as usize, link.to as usize) + 1] += 1;
    }
    for t in 0..n {
        offsets[t + 1] += offsets[t];
    }
    let mut next = offsets.clone();
    let mut arcs = vec![Arc { task: 0, dist: 0 }; problem.links.len()];
    for link in &problem.links {
        let (from, to) = (link.from as usize, link.to as usize);
        let dist = distance(problem, from, to, link.kind, link.lag);
        let other = if incoming { from } else { to };
        let slot = &mut next[key(from, to)];
        arcs[*slot] = Arc {
            task: other as u32,
            dist,
        };
        *slot += 1;
    }
    (offsets, arcs)
}

/// Each task's positive demands, merged per resource; none for a milestone.
fn flat_uses(problem: &Problem) -> (Vec<usize>, Vec<Use>) {
    let mut offsets = vec![0];
    let mut uses: Vec<Use> = Vec::new();
    for (task, demands) in problem.demands.iter().enumerate() {
        let first = uses.len();
        if problem.durations[task] > 0 {
            for demand in demands.iter().filter(|d| d.units > 0) {
                match uses[first..]
                    .iter_mut()
                    .find(|u| u.resource == demand.resource)
                {
                    Some(merged) => merged.units += i64::from(demand.units),
                    None => uses.push(Use {
                        resource: demand.resource,
                        units: i64::from(demand.units),
                    }),
                }
            }
        }
        offsets.push(uses.len());
    }
    (offsets, uses)
}

/// Kahn's algorithm; `None` on a cycle.
fn topological_order(
    n: usize,
    succ_offsets: &[usize],
    succs: &[Arc],
    pred_offsets: &[usize],
) -> Option<Vec<u32>> {
    let mut waiting: Vec<usize> = (0..n)
        .map(|t| pred_offsets[t + 1] - pred_offsets[t])
        .collect();
    let mut order: Vec<u32> = (0..n as u32)
        .filter(|&t| waiting[t as usize] == 0)
        .collect();
    let mut head = 0;
    while head < order.len() {
        let task = order[head] as usize;
        head += 1;
        for arc in &succs[succ_offsets[task]..succ_offsets[task + 1]] {
            let next = arc.task as usize;
            waiting[next] -= 1;
            if waiting[next] == 0 {
                order.push(next as u32);
            }
        }
    }
    (order.len() == n).then_some(order)
}

fn priority_classes(priority: &[i32]) -> (Vec<u16>, usize) {
    let mut distinct = priority.to_vec();
    distinct.sort_unstable_by(|a, b| b.cmp(a));
    distinct.dedup();
    let class = priority
        .iter()
        .map(|p| distinct.binary_search_by(|q| p.cmp(q)).unwrap_or(0) as u16)
        .collect();
    (class, distinct.len())
}

/// Why a problem is malformed, if it is.
pub(crate) fn validate(problem: &Problem) -> Result<(), String> {
    let n = problem.len();
    let lengths = [
        ("release", problem.release.len()),
        ("pinned", problem.pinned.len()),
        ("demands", problem.demands.len()),
        ("priority", problem.priority.len()),
        ("latest_finish", problem.latest_finish.len()),
    ];
    if let Some((name, len)) = lengths.iter().find(|(_, len)| *len != n) {
        return Err(format!("{name} has {len} entries for {n} tasks"));
    }
    if let Some(t) = (0..n).find(|&t| problem.durations[t] < 0) {
        return Err(format!("task {t} has a negative duration"));
    }
    if let Some(t) = (0..n).find(|&t| problem.release[t] < 0) {
        return Err(format!("task {t} has a negative release"));
    }
    let days = problem.durations.iter().chain(&problem.release);
    let days = days
        .chain(problem.pinned.iter().flatten())
        .chain(problem.latest_finish.iter().flatten())
        .chain(problem.links.iter().map(|l| &l.lag))
        .chain(
            problem
                .resources
                .iter()
                .flat_map(|c| c.periods.iter().flat_map(|p| [&p.0, &p.1])),
        );
    if let Some(day) = days.copied().find(|day| day.abs() > MAX_DAYS) {
        return Err(format!("{day} days is past the {MAX_DAYS}-day horizon"));
    }
    for (t, demands) in problem.demands.iter().enumerate() {
        if let Some(d) = demands
            .iter()
            .find(|d| d.resource as usize >= problem.resources.len())
        {
            return Err(format!("task {t} needs unknown resource {}", d.resource));
        }
    }
    for link in &problem.links {
        if link.from as usize >= n || link.to as usize >= n {
            return Err(format!(
                "link {}→{} names an unknown task",
                link.from, link.to
            ));
        }
        if link.from == link.to {
            return Err(format!("link from task {} to itself", link.from));
        }
    }
    let (succ_offsets, succs) = adjacency(problem, false);
    let (pred_offsets, _) = adjacency(problem, true);
    if topological_order(n, &succ_offsets, &succs, &pred_offsets).is_none() {
        return Err("the links form a cycle".into());
    }
    Ok(())
}
