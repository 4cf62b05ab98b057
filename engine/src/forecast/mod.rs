//! Forecasts with confidence: Monte Carlo schedule risk analysis.
//!
//! Each iteration draws a duration for every task with a three-point
//! [`Estimate`](crate::Estimate) (tasks without one keep their fixed duration; started and
//! finished tasks keep theirs), lets each [`Risk`](crate::Risk) happen with its probability
//! (adding an impact between its minimum and maximum to its tasks), and runs the scheduler's
//! own forward and backward passes on those durations — so a plan without variance
//! reproduces the deterministic schedule exactly. From all iterations come, for the program
//! finish and every milestone, P10/P50/P80/P90 dates, the mean, the probability of meeting
//! its deadline (or the program's `finish_by`) and a histogram; for every task its
//! criticality index (the share of iterations in which it was critical, by the program's
//! critical-path rule: [`Forecast::criticality`]); and, on demand, the tasks and risks that
//! drive a chosen finish most ([`Forecast::sensitivity`], Spearman rank correlation: the
//! tornado chart).
//!
//! Same program, settings and seed: the same forecast, natively and in wasm (iteration `i`
//! draws from its own random stream; the maths is IEEE arithmetic and `libm`).
//!
//! Cost: O(iterations × (T + D)) time; the samples kept for sensitivity take
//! iterations × (uncertain tasks + risks) × 2 bytes (10,000 iterations of 1,000 uncertain
//! tasks: 20 MB). A [`Simulation`] runs in chunks, so a caller (a Web Worker) can report
//! progress and stop between chunks.
//!
//! ```
//! use engine::forecast::{forecast, Settings};
//! use engine::{check, Program};
//! let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
//!   "workstreams": [{"id": "w", "name": "W"}],
//!   "tasks": [
//!     {"id": "a", "name": "A", "workstream": "w", "duration": 5,
//!      "estimate": {"optimistic": 3, "likely": 5, "pessimistic": 12}},
//!     {"id": "m", "name": "Launch", "workstream": "w", "duration": 0, "deadline": "2026-01-16"}],
//!   "dependencies": [{"from": "a", "to": "m"}]}"#;
//! let program: Program = serde_json::from_str(json).unwrap();
//! let checked = check(&program).unwrap();
//! let result = forecast(&checked, &Settings { iterations: 2_000, seed: 42 }).unwrap();
//! let launch = &result.milestones[0].outcome;
//! assert!(launch.p10 <= launch.p50 && launch.p50 <= launch.p90);
//! assert!(launch.probability_on_time.unwrap() > 0.8);
//! assert_eq!(result.criticality[0], 1.0, "the only path is always critical");
//! ```

mod drivers;
mod lean;
mod parts;
mod sampling;
mod stats;
mod uncertainty;

use crate::check::{Checked, Progress, TaskIndex};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::CriticalPath;
use crate::rng::SplitMix64;
use crate::scheduler::{Passes, post, schedule_checked};
use chrono::NaiveDate;
pub use drivers::ValueCounts;
use lean::{LANES, Lanes};
pub use parts::{Finishes, Part, RankSums, centred_ranks};
use sampling::Quantiles;
use serde::{Deserialize, Serialize};
use stats::{latest_dated, outcome};
use std::ops::Range;
pub use uncertainty::{Uncertainty, uncertainty};

/// At most this many iterations.
pub const MAX_ITERATIONS: usize = 100_000;

/// How to run a forecast.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Settings {
    pub iterations: usize,
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            iterations: 5_000,
            seed: 1,
        }
    }
}

/// The spread of one finish date over the iterations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The date of the deterministic schedule.
    pub deterministic: NaiveDate,
    /// The committed date (a milestone's deadline, the program's `finish_by`).
    pub committed: Option<NaiveDate>,
    pub p10: NaiveDate,
    pub p50: NaiveDate,
    pub p80: NaiveDate,
    pub p90: NaiveDate,
    pub mean: NaiveDate,
    /// The mean as a working-day offset (fractional).
    pub mean_offset: f64,
    /// The share of iterations finishing by the committed date.
    pub probability_on_time: Option<f64>,
    pub histogram: Vec<Bin>,
}

/// Iterations finishing between two dates (inclusive).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bin {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub count: u32,
}

/// A milestone's forecast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MilestoneOutcome {
    pub task: TaskIndex,
    pub id: String,
    pub outcome: Outcome,
}

/// Whose finish a question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Finish,
    Milestone(TaskIndex),
}

/// What drives a finish: a task's duration or a risk's impact, and how strongly (Spearman's
/// rank correlation with the finish, −1 to 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Driver {
    pub kind: DriverKind,
    pub id: String,
    pub name: String,
    pub correlation: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DriverKind {
    Task,
    Risk,
}

/// The result of a forecast.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Forecast {
    pub settings: Settings,
    pub finish: Outcome,
    pub milestones: Vec<MilestoneOutcome>,
    /// Per task (program order): the share of iterations in which it was critical, by the
    /// program's rule: under `total_float`, an unfinished task with float at most
    /// `max_days` in that iteration. Under `longest_path` the index counts the unfinished
    /// tasks with the least float of each iteration instead — an approximation (tracing the
    /// driving path every iteration would cost a second walk of the links). The two are the
    /// same tasks on a plan of finish-to-start links without constraints, deadlines, a
    /// `finish_by` or a status date.
    pub criticality: Vec<f64>,
    /// Not serialised: a forecast read back (e.g. from a Web Worker) has no samples, so its
    /// `finishes` and `sensitivity` are empty; ask for those where it was computed.
    #[serde(skip)]
    samples: Samples,
}

/// What the iterations produced, kept for the statistics.
#[derive(Clone, Debug, Default, PartialEq)]
struct Samples {
    finish: Vec<i64>,
    /// `milestones[k]`: the finishes of milestone `k` (in [`Simulation::milestones`] order).
    milestones: Vec<Vec<i64>>,
    /// Drawn durations of the uncertain tasks, then impacts of the risks (0 when one did
    /// not happen), a row per iteration.
    drawn: drivers::Drawn,
    /// Which drawn columns can move a milestone, worked out when asked.
    upstream: drivers::Upstream,
    /// Task and risk labels for sensitivity: (id, name).
    tasks: Vec<(String, String)>,
    risks: Vec<(String, String)>,
}

/// The passes an iteration runs: lean where the plan allows, else the scheduler's own.
enum Engine {
    Lean(Box<lean::Lean>),
    General(Passes),
}

impl Engine {
    /// The slot of each task: the order durations, floats and finishes are kept in
    /// (topological positions for the lean passes, task order for the general ones).
    fn slots(&self, tasks: usize) -> Vec<usize> {
        match self {
            Engine::Lean(lean) => lean.positions().iter().map(|&i| i as usize).collect(),
            Engine::General(_) => (0..tasks).collect(),
        }
    }

    /// Iterations the engine runs at once.
    fn lanes(&self) -> usize {
        match self {
            Engine::Lean(_) => lean::LANES,
            Engine::General(_) => 1,
        }
    }
}

/// Runs a whole forecast.
pub fn forecast(checked: &Checked<'_>, settings: &Settings) -> Result<Forecast, Diagnostics> {
    let mut simulation = Simulation::new(checked, settings)?;
    simulation.run(settings.iterations);
    simulation.finish()
}

/// A forecast in progress: [`Simulation::run`] a chunk at a time, then [`Simulation::finish`].
pub struct Simulation<'c, 'p> {
    checked: &'c Checked<'p>,
    settings: Settings,
    base: Vec<i64>,
    /// Uncertain tasks (not started, with an estimate) and their quantile tables.
    uncertain: Vec<(usize, Quantiles)>,
    /// Risks: probability, impact range, the not-started tasks they delay.
    risks: Vec<(f64, i64, i64, Vec<usize>)>,
    milestones: Vec<usize>,
    /// Each task's slot in the engine's order (see [`Engine::slots`]); the per-iteration
    /// vectors below are by slot.
    slot: Vec<usize>,
    milestone_slots: Vec<usize>,
    /// Durations by slot, for each of the iterations run at once (lane).
    durations: Vec<Lanes>,
    passes: Engine,
    /// The general passes' durations and total floats, by task (one iteration at a time).
    general: (Vec<i64>, Vec<i64>),
    /// The tasks not finished: those that can be critical.
    open: Vec<usize>,
    /// The critical-path rule per iteration: total float at most this, or (`None`, for the
    /// longest-path rule) the least float of the iteration (see [`Forecast::criticality`]).
    max_float: Option<i64>,
    critical: Vec<u32>,
    /// The iterations this simulation runs (all of them, or a part: see [`Part`]).
    range: Range<usize>,
    done: usize,
    samples: Samples,
}

impl<'c, 'p> Simulation<'c, 'p> {
    /// Prepares a forecast. Fails if the settings are out of range (E021).
    pub fn new(checked: &'c Checked<'p>, settings: &Settings) -> Result<Self, Diagnostics> {
        Self::range(checked, settings, 0..settings.iterations)
    }

    /// Prepares iterations `iterations` (within `0..settings.iterations`) of a forecast: a
    /// part to run anywhere ([`Simulation::into_part`]) and merge with the others
    /// ([`Simulation::merge`]). Iteration `i` draws from stream `i` of the seed, so the parts
    /// together are exactly the whole run.
    pub fn range(
        checked: &'c Checked<'p>,
        settings: &Settings,
        iterations: Range<usize>,
    ) -> Result<Self, Diagnostics> {
        Self::prepare(checked, settings, iterations, true)
    }

    /// A simulation of `iterations`; `draws`: whether it will draw (else it only merges
    /// parts, and skips building the quantile tables).
    fn prepare(
        checked: &'c Checked<'p>,
        settings: &Settings,
        iterations: Range<usize>,
        draws: bool,
    ) -> Result<Self, Diagnostics> {
        if settings.iterations == 0 || settings.iterations > MAX_ITERATIONS {
            return Err(Diagnostics(vec![Diagnostic::new(
                Code::InvalidForecastSettings,
                "forecast.iterations",
                vec![],
                format!(
                    "{} iterations: a forecast runs 1 to {MAX_ITERATIONS}",
                    settings.iterations
                ),
            )]));
        }
        let program = checked.program();
        let not_started = |t: usize| matches!(checked.tasks[t].progress, Progress::NotStarted);
        let passes = match lean::Lean::new(checked) {
            Some(lean) => Engine::Lean(Box::new(lean)),
            None => Engine::General(Passes::default()),
        };
        let slot = passes.slots(checked.tasks.len());
        let mut base = vec![0; slot.len()];
        for (t, task) in checked.tasks.iter().enumerate() {
            base[slot[t]] = task.duration;
        }
        let mut grid = sampling::Grid::new();
        let uncertain: Vec<(usize, Quantiles)> = program
            .tasks
            .iter()
            .enumerate()
            .filter(|&(t, _)| not_started(t) && checked.tasks[t].duration > 0)
            .filter_map(|(t, task)| {
                task.estimate.as_ref().map(|e| {
                    let quantiles = if draws {
                        Quantiles::of(e, &mut grid)
                    } else {
                        Quantiles::unused()
                    };
                    (t, quantiles)
                })
            })
            .collect();
        let risks = program
            .risks
            .iter()
            .map(|risk| {
                let tasks = risk
                    .tasks
                    .iter()
                    .filter_map(|id| checked.task_index(id))
                    .filter(|&t| not_started(t))
                    .map(|t| slot[t]);
                (
                    risk.probability,
                    risk.impact.min,
                    risk.impact.max,
                    tasks.collect(),
                )
            })
            .collect();
        let milestones: Vec<usize> = (0..slot.len())
            .filter(|&t| program.tasks[t].is_milestone())
            .collect();
        let columns = uncertain.len() + program.risks.len();
        check_sample_size(settings.iterations, milestones.len(), columns)?;
        let iterations =
            iterations.start.min(settings.iterations)..iterations.end.min(settings.iterations);
        let runs = iterations.len();
        let samples = Samples {
            finish: Vec::with_capacity(runs),
            milestones: vec![Vec::with_capacity(runs); milestones.len()],
            drawn: drivers::Drawn::new(uncertain.len() + program.risks.len(), runs),
            upstream: drivers::Upstream::new(
                checked,
                &uncertain.iter().map(|&(t, _)| t).collect::<Vec<_>>(),
            ),
            tasks: uncertain
                .iter()
                .map(|&(t, _)| (program.tasks[t].id.clone(), program.tasks[t].name.clone()))
                .collect(),
            risks: program
                .risks
                .iter()
                .map(|r| (r.id.clone(), r.title.clone()))
                .collect(),
        };
        let uncertain = uncertain
            .into_iter()
            .map(|(t, quantiles)| (slot[t], quantiles))
            .collect();
        Ok(Simulation {
            checked,
            settings: *settings,
            durations: base.iter().map(|&d| [d; LANES]).collect(),
            general: (base.clone(), vec![0; slot.len()]),
            base,
            uncertain,
            risks,
            milestone_slots: milestones.iter().map(|&m| slot[m]).collect(),
            milestones,
            passes,
            open: (0..slot.len())
                .filter(|&t| !checked.is_complete(t))
                .map(|t| slot[t])
                .collect(),
            max_float: match program.program.critical_path {
                CriticalPath::TotalFloat { max_days } => Some(max_days),
                CriticalPath::LongestPath => None,
            },
            critical: vec![0; slot.len()],
            slot,
            range: iterations,
            done: 0,
            samples,
        })
    }

    /// Iterations run so far, and in all (of this simulation's range).
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.range.len())
    }

    /// Runs up to `iterations` more iterations (never past the end of the range).
    pub fn run(&mut self, iterations: usize) {
        let end = (self.done + iterations).min(self.range.len());
        while self.done < end {
            // The lean passes run several iterations at once; at the end of a run, lanes
            // past `end` are computed and dropped (the next run draws them again).
            let count = (end - self.done).min(self.passes.lanes());
            for lane in 0..count {
                self.draw(self.range.start + self.done + lane, lane);
            }
            self.run_passes(count);
            self.done += count;
        }
    }

    /// Draws iteration `iteration`'s durations and risk impacts into lane `lane` of the
    /// durations, and keeps them as a row of samples.
    fn draw(&mut self, iteration: usize, lane: usize) {
        let mut rng = SplitMix64::stream(self.settings.seed, iteration as u64);
        for (durations, &base) in self.durations.iter_mut().zip(&self.base) {
            durations[lane] = base;
        }
        let (drawn, impacts) = self
            .samples
            .drawn
            .next_row()
            .split_at_mut(self.uncertain.len());
        for ((t, quantiles), sample) in self.uncertain.iter().zip(drawn) {
            let days = quantiles.draw(&mut rng).clamp(0, crate::check::MAX_DAYS);
            self.durations[*t][lane] = days;
            *sample = days.min(i64::from(u16::MAX)) as u16;
        }
        for ((probability, min, max, tasks), sample) in self.risks.iter().zip(impacts) {
            let happens = rng.unit() < *probability;
            let impact = if happens {
                min + rng.below((max - min + 1) as u64) as i64
            } else {
                0
            };
            for &t in tasks {
                self.durations[t][lane] += impact;
            }
            *sample = impact.min(i64::from(u16::MAX)) as u16;
        }
    }

    /// Runs the passes on the first `count` lanes of durations and records each
    /// iteration's finishes and critical tasks.
    fn run_passes(&mut self, count: usize) {
        let samples = &mut self.samples;
        match &mut self.passes {
            Engine::Lean(lean) => {
                lean.run(&self.durations);
                for lane in 0..count {
                    samples.finish.push(lean.finish_offset(lane));
                    for (k, &m) in self.milestone_slots.iter().enumerate() {
                        samples.milestones[k].push(lean.early_finish_at(m, lane));
                    }
                    lean.count_critical(lane, self.max_float, &mut self.critical);
                }
            }
            Engine::General(passes) => {
                let (durations, floats) = &mut self.general;
                for (d, lanes) in durations.iter_mut().zip(&self.durations) {
                    *d = lanes[0];
                }
                passes.run(self.checked, durations);
                for (t, float) in floats.iter_mut().enumerate() {
                    *float = post::total_float(
                        self.checked,
                        t,
                        durations[t],
                        &passes.early,
                        &passes.late,
                    );
                }
                samples.finish.push(passes.finish_offset);
                for (k, &m) in self.milestone_slots.iter().enumerate() {
                    samples.milestones[k].push(passes.early.finish[m]);
                }
                count_critical(
                    &self.open,
                    |t| floats[t],
                    self.max_float,
                    &mut self.critical,
                );
            }
        }
    }

    /// The forecast from the iterations run.
    pub fn finish(self) -> Result<Forecast, Diagnostics> {
        let deterministic = schedule_checked(self.checked)?;
        self.check_dates()?;
        let timeline = self.checked.timeline();
        let date = |k: i64| {
            timeline
                .date_of(if k > 0 { k - 1 } else { k })
                .unwrap_or(deterministic.finish)
        };
        let runs = self.done.max(1) as f64;
        let finish = outcome(
            &self.samples.finish,
            deterministic.finish,
            self.checked.finish_by,
            self.checked.program().program.finish_by,
            &date,
        );
        let milestones = self
            .milestones
            .iter()
            .zip(&self.samples.milestones)
            .map(|(&m, samples)| MilestoneOutcome {
                task: m,
                id: self.checked.program().tasks[m].id.clone(),
                outcome: outcome(
                    samples,
                    deterministic.tasks[m].finish,
                    self.checked.tasks[m].deadline,
                    self.checked.program().tasks[m].deadline,
                    &date,
                ),
            })
            .collect();
        Ok(Forecast {
            settings: Settings {
                iterations: self.done,
                seed: self.settings.seed,
            },
            finish,
            milestones,
            criticality: self
                .slot
                .iter()
                .map(|&s| f64::from(self.critical[s]) / runs)
                .collect(),
            samples: self.samples,
        })
    }
}

impl Simulation<'_, '_> {
    /// E017 if a date the statistics would show (a sample, or the end of a histogram's
    /// last bin) is after the last supported date: never a wrong date instead.
    fn check_dates(&self) -> Result<(), Diagnostics> {
        let timeline = self.checked.timeline();
        let beyond = std::iter::once(&self.samples.finish)
            .chain(&self.samples.milestones)
            .filter_map(|samples| latest_dated(samples))
            .any(|k| {
                timeline
                    .date_of(if k > 0 { k - 1 } else { k })
                    .is_none_or(|date| date > crate::check::LAST_DATE)
            });
        if !beyond {
            return Ok(());
        }
        Err(Diagnostics(vec![Diagnostic::new(
            Code::ScheduleOutOfRange,
            "tasks",
            vec![],
            format!(
                "in some iterations the plan finishes after {}, the last supported date",
                crate::check::LAST_DATE
            ),
        )]))
    }
}

/// At most this many bytes of samples are kept (finishes, and the draws for sensitivity).
pub const MAX_SAMPLE_BYTES: usize = 1 << 30;

/// E021 if `iterations` would keep more than [`MAX_SAMPLE_BYTES`] of samples: 8 bytes per
/// finish of the program and of each milestone, 2 per drawn column, per iteration.
fn check_sample_size(
    iterations: usize,
    milestones: usize,
    columns: usize,
) -> Result<(), Diagnostics> {
    let per_iteration = 8 * (1 + milestones) + 2 * columns;
    if iterations.saturating_mul(per_iteration) <= MAX_SAMPLE_BYTES {
        return Ok(());
    }
    Err(Diagnostics(vec![Diagnostic::new(
        Code::InvalidForecastSettings,
        "forecast.iterations",
        vec![],
        format!(
            "{} iterations of a plan with {} milestones and {} uncertain tasks and risks would keep {} MB of samples; at most {} iterations fit",
            crate::words::thousands(iterations),
            crate::words::thousands(milestones),
            crate::words::thousands(columns),
            crate::words::thousands(iterations.saturating_mul(per_iteration) >> 20),
            crate::words::thousands(MAX_SAMPLE_BYTES / per_iteration)
        ),
    )]))
}

/// Counts each of `open` that is critical: its float is at most `max_float`, or, without
/// one, the least of them.
fn count_critical(
    open: &[usize],
    float: impl Fn(usize) -> i64,
    max_float: Option<i64>,
    critical: &mut [u32],
) {
    let Some(limit) = max_float.or_else(|| open.iter().map(|&t| float(t)).min()) else {
        return;
    };
    // Added to every count, zero or one: near-critical tasks change from one iteration to
    // the next, so a branch here would be mispredicted often.
    for &t in open {
        critical[t] += u32::from(float(t) <= limit);
    }
}

impl Forecast {
    /// The samples of a target's finish (working-day offsets), in iteration order.
    pub fn finishes(&self, target: Target) -> &[i64] {
        match target {
            Target::Finish => &self.samples.finish,
            Target::Milestone(task) => self
                .milestones
                .iter()
                .position(|m| m.task == task)
                .map_or(&[][..], |k| &self.samples.milestones[k]),
        }
    }

    /// What drives the finishes: every drawn duration and impact ranked, once, ready to
    /// be correlated with any finish ([`Sensitivity::drivers`]).
    /// O((uncertain tasks + risks) × iterations).
    pub fn sensitivity(&self) -> Sensitivity<'_> {
        Sensitivity {
            forecast: self,
            ranked: self.samples.drawn.ranked(),
        }
    }
}

/// The drawn values of a forecast, ranked (see [`Forecast::sensitivity`]).
pub struct Sensitivity<'f> {
    forecast: &'f Forecast,
    ranked: drivers::Ranked<'f>,
}

impl Sensitivity<'_> {
    /// The tasks and risks that drive a target's finish, strongest first: Spearman's rank
    /// correlation of each uncertain task's duration and each risk's impact with the
    /// finish. A milestone's drivers are only those upstream of it (the others cannot move
    /// it). O((uncertain tasks + risks) × iterations).
    pub fn drivers(&self, target: Target) -> Vec<Driver> {
        let finishes = self.forecast.finishes(target);
        if finishes.is_empty() {
            return Vec::new();
        }
        let upstream = upstream(&self.forecast.samples, target);
        let correlations = self.ranked.correlations(finishes, |j| {
            upstream
                .as_ref()
                .is_none_or(|columns| columns.get(j).copied().unwrap_or(false))
        });
        self.forecast.drivers_of(correlations)
    }
}

/// Which drawn columns can move a target's finish (`None`: all of them).
fn upstream(samples: &Samples, target: Target) -> Option<Vec<bool>> {
    match target {
        Target::Finish => None,
        Target::Milestone(task) => Some(samples.upstream.columns(task)),
    }
}

impl Forecast {
    /// Correlations of drawn columns as drivers, strongest first.
    fn drivers_of(&self, correlations: Vec<(usize, f64)>) -> Vec<Driver> {
        let samples = &self.samples;
        let tasks = samples.tasks.len();
        let mut drivers: Vec<Driver> = correlations
            .into_iter()
            .filter_map(|(j, correlation)| {
                let (kind, (id, name)) = if j < tasks {
                    (DriverKind::Task, samples.tasks.get(j)?)
                } else {
                    (DriverKind::Risk, samples.risks.get(j - tasks)?)
                };
                Some(Driver {
                    kind,
                    id: id.clone(),
                    name: name.clone(),
                    correlation,
                })
            })
            .collect();
        drivers.sort_by(|a, b| b.correlation.abs().total_cmp(&a.correlation.abs()));
        drivers
    }
}
