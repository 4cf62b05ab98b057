//! A leveling run in chunks: every list of a small problem, or priority-rule passes, a
//! population seeded by random sampling, then the genetic search, until the budget is
//! spent. A caller can stop between chunks and show progress.

use super::decode::Decoder;
use super::exhaustive::all_orders;
use super::instance::Instance;
use super::population::{Individual, Population};
use super::rules::{Rule, latest_finishes, rule_order, rules, sampled_order};
use super::score::Score;
use super::{Infeasible, Options, Problem, Solution};
use crate::rng::SplitMix64;

/// The population size for a budget: small for a quick answer, larger for variety.
fn population_size(budget: usize) -> usize {
    (budget / 30).clamp(20, 100)
}

/// After this many children without a better schedule, the search restarts from the best
/// tenth of its populations and fresh samples (it has converged; long runs only).
const RESTART_AFTER: usize = 3_000;

/// How far a run has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Schedules generated so far, and the budget.
    pub schedules: usize,
    pub budget: usize,
    /// The best finish so far, and a lower bound on any finish.
    pub finish: i64,
    pub lower_bound: i64,
}

enum Phase {
    /// The next of every list (a small problem).
    Exhaustive(usize),
    /// The next priority rule's pass.
    Rules(usize),
    /// Biased random samples until the population is full (or twice its size were drawn:
    /// a problem with few distinct schedules never fills it); the count drawn.
    Seeding(usize),
    /// Children.
    Evolving,
    /// Nothing left to try.
    Done,
}

/// A leveling run that can be advanced a few schedules at a time.
///
/// ```
/// use engine::leveling::{Capacity, Demand, Leveler, Options, Problem};
/// let mut problem = Problem::new(vec![2, 2, 2], vec![Capacity::constant(100)]);
/// for demands in &mut problem.demands {
///     demands.push(Demand { resource: 0, units: 60 });
/// }
/// let options = Options { schedules: 300, ..Options::default() };
/// let mut leveler = Leveler::new(&problem, options).unwrap();
/// while leveler.step(100) {
///     let progress = leveler.progress();
///     assert!(progress.finish >= progress.lower_bound);
/// }
/// assert_eq!(leveler.best().finish, 6, "one task at a time");
/// assert!(leveler.best().schedules <= 300);
/// ```
pub struct Leveler {
    instance: Instance,
    rng: SplitMix64,
    decoder: Decoder,
    phase: Phase,
    rules: Vec<Rule>,
    /// Every list, when there are few enough to try them all.
    lists: Vec<Vec<u32>>,
    latest_finish: Vec<i64>,
    /// Forward (left-justified) schedules.
    left: Population,
    /// Backward (right-justified) schedules and the day they finish by, when the problem
    /// looks the same on every day (the bi-population search).
    right: Option<(Population, i64)>,
    /// Which population breeds next in the bi-population search.
    turn: bool,
    best: Best,
    lower_bound: i64,
}

impl Leveler {
    /// Compiles the problem and generates its first schedule (the latest-finish rule).
    ///
    /// # Panics
    ///
    /// If the problem is malformed (see [`Problem::validate`]).
    pub fn new(problem: &Problem, options: Options) -> Result<Leveler, Infeasible> {
        let instance = Instance::new(problem, options.objective)?;
        let size = population_size(options.schedules);
        let right = time_invariant(&instance)
            .then(|| (Population::new(&instance, size), anchor(&instance)));
        let lists = all_orders(&instance, options.schedules).unwrap_or_default();
        let mut leveler = Leveler {
            rng: SplitMix64::stream(options.seed, 0),
            decoder: Decoder::new(&instance, options.schedules.max(1)),
            phase: if lists.is_empty() {
                Phase::Rules(0)
            } else {
                Phase::Exhaustive(0)
            },
            rules: rules(&instance),
            lists,
            latest_finish: latest_finishes(&instance),
            left: Population::new(&instance, size),
            right,
            turn: false,
            best: Best::default(),
            lower_bound: super::lower_bounds(problem).best(),
            instance,
        };
        leveler.advance();
        Ok(leveler)
    }

    /// Generates about `schedules` more schedules (never past the budget); false once the
    /// budget is spent or the best finish is proven optimal.
    pub fn step(&mut self, schedules: usize) -> bool {
        let target = self.decoder.used.saturating_add(schedules);
        while self.more() && self.decoder.used < target {
            self.advance();
        }
        self.more()
    }

    /// The best solution so far.
    pub fn best(&self) -> &Solution {
        &self.best.solution
    }

    pub fn progress(&self) -> Progress {
        Progress {
            schedules: self.decoder.used,
            budget: self.decoder.budget,
            finish: self.best.solution.finish,
            lower_bound: self.lower_bound,
        }
    }

    fn more(&self) -> bool {
        let proven = self.best.score.as_ref().is_some_and(|score| {
            score.overloaded == 0
                && score.lateness == 0
                && score.finish <= self.lower_bound
                && self.instance.classes <= 1
        });
        self.decoder.left() > 0 && !proven && !matches!(self.phase, Phase::Done)
    }

    /// One unit of work: a rule's pass, a sample, a restart or a child.
    fn advance(&mut self) {
        match self.phase {
            Phase::Exhaustive(i) => {
                self.phase = if i + 1 < self.lists.len() {
                    Phase::Exhaustive(i + 1)
                } else {
                    Phase::Done
                };
                let member = self.decoder.forward(&self.instance, &self.lists[i], false);
                self.best
                    .consider(&self.instance, &member, self.decoder.used);
            }
            Phase::Done => {}
            Phase::Rules(i) => {
                self.phase = if i + 1 < self.rules.len() {
                    Phase::Rules(i + 1)
                } else {
                    Phase::Seeding(0)
                };
                let order = rule_order(&self.instance, self.rules[i]);
                self.seed(&order);
            }
            Phase::Seeding(drawn) => {
                self.phase = if self.left.is_full() || drawn >= 2 * self.left.size {
                    Phase::Evolving
                } else {
                    Phase::Seeding(drawn + 1)
                };
                let order = sampled_order(&self.instance, &self.latest_finish, &mut self.rng);
                self.seed(&order);
            }
            Phase::Evolving if self.best.stale > RESTART_AFTER => self.restart(),
            Phase::Evolving => self.breed(),
        }
    }

    /// A new member from a list: justified, or in both directions.
    fn seed(&mut self, order: &[u32]) {
        let instance = &self.instance;
        let Some((right, anchor)) = self.right.as_mut() else {
            let member = self.decoder.forward(instance, order, true);
            self.best.consider(instance, &member, self.decoder.used);
            self.left.offer(member);
            return;
        };
        let member = self.decoder.forward(instance, order, false);
        self.best.consider(instance, &member, self.decoder.used);
        let mirror = self.decoder.by_finish(instance, &member);
        if self.decoder.left() > 0
            && let Some(mirrored) = self.decoder.backward(instance, &mirror, *anchor)
        {
            self.best.consider(instance, &mirrored, self.decoder.used);
            right.offer(mirrored);
        }
        self.left.offer(member);
    }

    /// One child. In the bi-population search (Debels & Vanhoucke 2005), children of
    /// right-justified parents are decoded forwards into the left population and children
    /// of left-justified ones backwards into the right: each schedule is also a
    /// justification. Otherwise each child is decoded forwards and justified.
    fn breed(&mut self) {
        let instance = &self.instance;
        let rng = &mut self.rng;
        let child = match self.right.as_mut() {
            None => {
                let order = self.left.breed(instance, false, rng);
                let child = self.decoder.forward(instance, &order, true);
                Some((child, true))
            }
            Some((right, anchor)) => {
                self.turn = !self.turn;
                if self.turn && !right.members.is_empty() {
                    let order = right.breed(instance, false, rng);
                    Some((self.decoder.forward(instance, &order, false), true))
                } else {
                    let order = self.left.breed(instance, true, rng);
                    self.decoder
                        .backward(instance, &order, *anchor)
                        .map(|c| (c, false))
                }
            }
        };
        let Some((child, to_left)) = child else {
            return;
        };
        self.best.consider(instance, &child, self.decoder.used);
        if to_left {
            self.left.offer(child);
        } else if let Some((right, _)) = self.right.as_mut() {
            right.offer(child);
        }
    }

    /// Back to seeding, keeping the best tenth of each population.
    fn restart(&mut self) {
        let keep = (self.left.size / 10).max(1);
        self.left.keep_best(keep);
        if let Some((right, _)) = self.right.as_mut() {
            right.keep_best(keep);
        }
        self.phase = Phase::Seeding(0);
        self.best.stale = 0;
    }
}

/// The best schedule so far and how long ago it was found.
#[derive(Default)]
struct Best {
    solution: Solution,
    /// `None` until the first schedule.
    score: Option<Score>,
    /// Children since the best last improved.
    stale: usize,
}

impl Best {
    /// Keeps `child` if it is better; `used`: the schedules generated so far.
    fn consider(&mut self, instance: &Instance, child: &Individual, used: usize) {
        self.stale += 1;
        if self.score.as_ref().is_none_or(|best| child.score < *best) {
            self.stale = 0;
            self.score = Some(child.score.clone());
            self.solution = solution(instance, child);
        }
        self.solution.schedules = used;
    }
}

/// The solution a schedule gives.
fn solution(instance: &Instance, individual: &Individual) -> Solution {
    let unresolved = instance
        .free
        .iter()
        .copied()
        .filter(|&t| individual.starts[t as usize] > instance.deadline[t as usize]);
    let mut unresolved: Vec<u32> = unresolved.collect();
    unresolved.sort_unstable();
    Solution {
        starts: individual.starts.clone(),
        finish: individual.score.finish,
        schedules: 0,
        unresolved,
        overloaded: overloaded_tasks(instance, &individual.starts),
    }
}

/// Nothing ties the problem to particular days: no pins, releases, capacity periods or
/// deadlines, so a schedule can be moved in time as a whole.
fn time_invariant(instance: &Instance) -> bool {
    instance.pinned.iter().all(Option::is_none)
        && instance.window_only.iter().all(|&w| !w)
        && instance.release.iter().all(|&r| r == 0)
        && instance.baseline.stable_from == 0
        && instance
            .deadline
            .iter()
            .all(|&d| d >= super::instance::NO_DEADLINE)
}

/// A finish late enough for any backward schedule to start on or after day 0.
fn anchor(instance: &Instance) -> i64 {
    let work: i64 = instance.durations.iter().sum();
    let lags: i64 = (0..instance.n)
        .flat_map(|t| instance.preds(t).iter().map(|arc| arc.dist.abs()))
        .sum();
    work + lags + 1
}

/// The tasks working on a day where some resource they use is over capacity.
fn overloaded_tasks(instance: &Instance, starts: &[i64]) -> Vec<u32> {
    let baseline = &instance.baseline;
    let horizon = (0..instance.n)
        .map(|t| starts[t] + instance.durations[t])
        .max()
        .unwrap_or(0)
        .max(baseline.stable_from as i64) as usize;
    let mut used = vec![vec![0i64; horizon]; baseline.base.len()];
    let days =
        |t: usize| starts[t].max(0) as usize..(starts[t] + instance.durations[t]).max(0) as usize;
    for t in 0..instance.n {
        for u in instance.uses(t) {
            used[u.resource as usize][days(t)]
                .iter_mut()
                .for_each(|x| *x += u.units);
        }
    }
    let capacity = |r: usize, day: usize| {
        if day < baseline.stable_from {
            baseline.capacity[r][day]
        } else {
            baseline.base[r]
        }
    };
    (0..instance.n as u32)
        .filter(|&t| {
            instance.uses(t as usize).iter().any(|u| {
                let r = u.resource as usize;
                days(t as usize).any(|day| used[r][day] > capacity(r, day))
            })
        })
        .collect()
}
