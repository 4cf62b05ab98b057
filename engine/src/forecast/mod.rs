//! Forecasts with confidence: Monte Carlo schedule risk analysis.
//!
//! Each iteration draws a duration for every task with a three-point
//! [`Estimate`](crate::Estimate) (tasks without one keep their fixed duration; started and
//! finished tasks keep theirs), lets each [`Risk`](crate::Risk) happen with its probability
//! (adding an impact between its minimum and maximum to its tasks), and runs the scheduler's
//! own forward and backward passes on those durations — so a plan without variance
//! reproduces the deterministic schedule exactly. From all iterations come, for the program
//! finish and every milestone and summary task (its finish), P10/P50/P80/P90 dates, the mean, the probability of meeting
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
mod simulation;
mod stats;
mod uncertainty;

use crate::check::{Checked, TaskIndex};
use crate::diagnostics::Diagnostics;
use chrono::NaiveDate;
pub use drivers::ValueCounts;
pub use parts::{Finishes, Part, RankSums, centred_ranks};
use serde::{Deserialize, Serialize};
pub use simulation::{MAX_SAMPLE_BYTES, Simulation};
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

/// Runs a whole forecast.
pub fn forecast(checked: &Checked<'_>, settings: &Settings) -> Result<Forecast, Diagnostics> {
    let mut simulation = Simulation::new(checked, settings)?;
    simulation.run(settings.iterations);
    simulation.finish()
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
    /// it), unless it is placed as late as possible (then any may). O((uncertain tasks +
    /// risks) × iterations).
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
        Target::Milestone(task) => samples.upstream.columns(task),
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
