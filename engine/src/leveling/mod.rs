//! Capacity-aware scheduling (resource leveling): start days for every task such that no
//! resource is used above its capacity on any day, every link holds, and the program
//! finishes as early as the search can find — the resource-constrained project scheduling
//! problem (RCPSP), generalised to the engine's four link types with lags, release days,
//! pinned (started or fixed) tasks, several resources per task in fractional units, and
//! capacity that changes over time (holidays, hiring).
//!
//! # What it computes
//!
//! A [`Problem`] lists tasks `0..n` with whole-day durations, [`Link`]s (the engine's FS,
//! SS, FF and SF rules with lags; leads allowed; the links form a DAG), release days,
//! pinned starts, [`Demand`]s in hundredths of a unit per day and each resource's
//! [`Capacity`]. Day `t` is the period `[t, t + 1)`; a task starting at `s` with duration
//! `d` uses days `s..s + d`; a milestone (duration 0) uses nothing.
//!
//! [`level`] (or a [`Leveler`] run in chunks) returns a [`Solution`]: a start for every
//! task, the finish (the latest task finish), the schedules it generated, and the tasks it
//! could not keep within their latest finish ([`Solution::unresolved`]) or within capacity
//! ([`Solution::overloaded`]). It never puts a task over capacity to save time: a task is
//! only placed over capacity when no day will ever have room for it (a resource offered only
//! in limited periods, all taken), or when pinned work already overloads the day; both are
//! reported. Pinned tasks never move.
//!
//! The result is compared by, in order: fewer tasks over capacity, less lateness (days
//! beyond latest finishes, including links into pinned tasks), an earlier finish, and last
//! the tasks' [`Problem::priority`]: among schedules equal on the first three, the one that
//! starts the highest-priority tasks earliest (their summed starts, class by class from the
//! highest priority down). Priority never costs a day of finish.
//!
//! # Method
//!
//! Serial schedule generation over precedence-feasible activity lists: each task in list
//! order at the earliest day its links, its release and the remaining capacity allow, on a
//! day-by-day capacity profile. A small problem (every list within the budget, at most ten
//! free tasks) is solved by trying every list, which is optimal when no link lets a
//! successor start before its predecessor. Otherwise:
//!
//! 1. a pass per priority rule (latest finish, latest start, rank-positional weight, most
//!    successors, and priority class first when priorities differ);
//! 2. a population seeded by random sampling, half of it unbiased and half regret-based
//!    biased towards early latest finishes (Kolisch 1996);
//! 3. a steady-state genetic algorithm: two parents by tournament; a peak crossover (after
//!    Valls, Ballestín & Quintanilla 2008 and Debels & Vanhoucke 2007): the tasks the
//!    father starts in a window of days where he uses resources more densely than the
//!    mother keep his times, the others take hers, and the child lists tasks by those
//!    times; a light mutation; near copies of a member turned away; a restart from the
//!    best tenth after 3,000 children without progress.
//!
//! When nothing ties the problem to particular days (no pins, releases, capacity periods or
//! deadlines, as in PSPLIB) the search keeps two populations (Debels & Vanhoucke 2005):
//! children of left-justified schedules are decoded by a backward pass (every task as late
//! as it can go) into right-justified ones and vice versa, so each schedule is also a
//! justification. Otherwise each child is decoded forwards and improved by forward–backward
//! justification (Valls, Ballestín & Quintanilla 2005: every task shifted as late as it can
//! go, latest finish first, then as early, earliest start first; never longer). The budget
//! counts schedules as Kolisch & Hartmann do: each forward or backward pass is one.
//!
//! Deterministic: the same problem, seed and budget give the same solution on every
//! platform (the random numbers come from [`SplitMix64`](crate::rng::SplitMix64)).
//!
//! # Complexity
//!
//! One schedule takes O(n + L + D·k) time, for `n` tasks, `L` links, and `D` the days
//! looked at (each day from a task's earliest start to where it fits, once) times `k`, its
//! demands; the profile takes O(H × R) memory for a horizon of `H` days and `R`
//! resources, and a population O(P × n) for its `P ≤ 100` members. A run is `schedules`
//! of those: 5,000 schedules of a 120-task, 4-resource PSPLIB problem take 20–90 ms
//! natively.
//!
//! # Example
//!
//! Two tasks of 3 days need the one tester fully; a 1-day task follows the first.
//!
//! ```
//! use engine::leveling::{level, Capacity, Demand, Link, Options, Problem};
//! use engine::LinkType;
//! let mut problem = Problem::new(vec![3, 3, 1], vec![Capacity::constant(100)]);
//! problem.demands[0] = vec![Demand { resource: 0, units: 100 }];
//! problem.demands[1] = vec![Demand { resource: 0, units: 100 }];
//! problem.links.push(Link { from: 0, to: 2, kind: LinkType::FS, lag: 0 });
//! let solution = level(&problem, &Options::default()).unwrap();
//! // Task 0 first (its successor waits on it): days 0–2, task 1 days 3–5, task 2 day 3.
//! assert_eq!(solution.starts, vec![0, 3, 3]);
//! assert_eq!(solution.finish, 6);
//! ```

mod bounds;
mod crossover;
mod decode;
mod exhaustive;
mod instance;
mod layout;
mod leveler;
mod population;
mod profile;
pub mod program;
mod rules;
mod score;
mod sgs;
mod sort;

pub use bounds::{Bounds, lower_bounds};
pub use leveler::{Leveler, Progress};

use crate::LinkType;

/// A link between two tasks, with the engine's rules for predecessor `from` and successor
/// `to`: FS `to.start ≥ from.finish + lag`; SS `to.start ≥ from.start + lag`; FF
/// `to.finish ≥ from.finish + lag`; SF `to.finish ≥ from.start + lag`. Always a minimum
/// distance; a negative lag is a lead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub from: u32,
    pub to: u32,
    pub kind: LinkType,
    pub lag: i64,
}

/// A task's use of one resource on each day it works, in hundredths (half a person: 50).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Demand {
    pub resource: u32,
    pub units: u32,
}

/// What a resource offers per day, in hundredths: `base` on every day, except that each
/// period `(from, to_exclusive, units)` offers `units` on its days; a later period
/// overrides an earlier one where they overlap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Capacity {
    pub base: u32,
    pub periods: Vec<(i64, i64, u32)>,
}

impl Capacity {
    /// The same capacity every day.
    pub fn constant(units: u32) -> Self {
        Capacity {
            base: units,
            periods: Vec::new(),
        }
    }
}

/// The tasks, links and resources to level. Every per-task vector has one entry per task.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problem {
    /// Whole days, ≥ 0.
    pub durations: Vec<i64>,
    /// A DAG of minimum time lags.
    pub links: Vec<Link>,
    /// The earliest start of each task (≥ 0).
    pub release: Vec<i64>,
    /// `Some(s)`: the task starts exactly at `s` and never moves (started or finished work,
    /// must-start-on). Its demands count against capacity as they are.
    pub pinned: Vec<Option<i64>>,
    /// What each task needs while it works.
    pub demands: Vec<Vec<Demand>>,
    pub resources: Vec<Capacity>,
    /// Higher is delayed last: a secondary key after lateness and finish.
    pub priority: Vec<i32>,
    /// `Some(f)`: the task should finish by `f`; the search minimises the days beyond it and
    /// reports the tasks it could not keep there ([`Solution::unresolved`]).
    pub latest_finish: Vec<Option<i64>>,
}

impl Problem {
    /// `durations.len()` tasks with no links, no demands, released at day 0, none pinned,
    /// equal priority, no latest finish.
    pub fn new(durations: Vec<i64>, resources: Vec<Capacity>) -> Self {
        let n = durations.len();
        Problem {
            durations,
            links: Vec::new(),
            release: vec![0; n],
            pinned: vec![None; n],
            demands: vec![Vec::new(); n],
            resources,
            priority: vec![0; n],
            latest_finish: vec![None; n],
        }
    }

    /// The number of tasks.
    pub fn len(&self) -> usize {
        self.durations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.durations.is_empty()
    }

    /// Why the problem is malformed (which [`Leveler::new`] would panic on), if it is:
    /// vectors of different lengths, a negative duration or release, a day, duration or lag
    /// beyond a million days, an index out of range, a link from a task to itself, or a
    /// cycle of links.
    pub fn validate(&self) -> Result<(), String> {
        instance::validate(self)
    }
}

/// What the search aims at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Objective {
    /// The earliest finish.
    #[default]
    MinimiseFinish,
    /// Level within float: every task should finish by its latest finish when the program
    /// finishes by `finish_by` (the backward pass from it, and its own latest finish); the
    /// tasks that cannot are reported as unresolved, never put over capacity.
    WithinFloat { finish_by: i64 },
}

/// How long to search and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The budget in generated schedules; each forward or backward pass counts as one. At
    /// least one schedule is always generated.
    pub schedules: usize,
    pub seed: u64,
    pub objective: Objective,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            schedules: 5_000,
            seed: 1,
            objective: Objective::MinimiseFinish,
        }
    }
}

/// The best schedule found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Solution {
    /// The start day of every task.
    pub starts: Vec<i64>,
    /// The latest finish of any task (0 without tasks).
    pub finish: i64,
    /// The schedules generated to find it (the whole run so far, not just up to it).
    pub schedules: usize,
    /// Tasks that finish after their latest finish (given, or from `finish_by` under
    /// [`Objective::WithinFloat`]) or that start too late for a link into a pinned task.
    pub unresolved: Vec<u32>,
    /// Tasks on a day over capacity: pinned tasks that overload it as given, and tasks
    /// that could never have room (their resource is offered only in periods that others
    /// fill). Empty when the problem allows it.
    pub overloaded: Vec<u32>,
}

/// A task demands more than its resource will ever offer: more units than any day's
/// capacity, or never enough consecutive days with them (after its earliest start).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Infeasible {
    pub task: u32,
    pub resource: u32,
}

impl std::fmt::Display for Infeasible {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "task {} needs more of resource {} than it ever offers for its duration",
            self.task, self.resource
        )
    }
}

impl std::error::Error for Infeasible {}

/// Levels `problem` with the whole budget of `options`.
///
/// # Panics
///
/// If the problem is malformed (see [`Problem::validate`]).
pub fn level(problem: &Problem, options: &Options) -> Result<Solution, Infeasible> {
    let mut leveler = Leveler::new(problem, *options)?;
    while leveler.step(usize::MAX) {}
    Ok(leveler.best().clone())
}
