//! A forecast in progress: the iterations drawn and run through the passes, a chunk at a
//! time, and their statistics when it finishes.

use super::lean::{self, LANES, Lanes};
use super::sampling::{self, Quantiles};
use super::stats::{latest_dated, outcome};
use super::{Forecast, MAX_ITERATIONS, MilestoneOutcome, Samples, Settings, drivers};
use crate::check::{Checked, Progress};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::CriticalPath;
use crate::rng::SplitMix64;
use crate::scheduler::{Passes, post, schedule_checked};
use chrono::NaiveDate;
use std::ops::Range;

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

/// A forecast in progress: [`Simulation::run`] a chunk at a time, then [`Simulation::finish`].
///
/// The fields open to the parent module are those that a part's taking and merging reads
/// and sets (`parts.rs`).
pub struct Simulation<'c, 'p> {
    checked: &'c Checked<'p>,
    pub(super) settings: Settings,
    base: Vec<i64>,
    /// Uncertain tasks (not started, with an estimate) and their quantile tables.
    uncertain: Vec<(usize, Quantiles)>,
    /// Risks: probability, impact range, the not-started tasks they delay.
    risks: Vec<(f64, i64, i64, Vec<usize>)>,
    pub(super) milestones: Vec<usize>,
    /// Each task's slot in the engine's order (see [`Engine::slots`]); the per-iteration
    /// vectors below are by slot.
    pub(super) slot: Vec<usize>,
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
    pub(super) critical: Vec<u32>,
    /// The iterations this simulation runs (all of them, or a part: see [`Part`](super::Part)).
    pub(super) range: Range<usize>,
    pub(super) done: usize,
    pub(super) samples: Samples,
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
    pub(super) fn prepare(
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
            None => Engine::General(Passes::new(checked)),
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
        // Milestones, and summaries: when a phase finishes is asked as often.
        let milestones: Vec<usize> = (0..slot.len())
            .filter(|&t| program.tasks[t].is_milestone() || program.tasks[t].summary)
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
            .map(|(&m, samples)| {
                // A milestone the schedule shows on the day of the start that places it
                // (`post::driven_by_a_start`) is shown so in every iteration too.
                let planned = &deterministic.tasks[m];
                let at_start =
                    planned.ef > 0 && timeline.date_of(planned.ef) == Some(planned.finish);
                let on_start_day = |k: i64| timeline.date_of(k).unwrap_or(deterministic.finish);
                let date: &dyn Fn(i64) -> NaiveDate = if at_start { &on_start_day } else { &date };
                MilestoneOutcome {
                    task: m,
                    id: self.checked.program().tasks[m].id.clone(),
                    outcome: outcome(
                        samples,
                        planned.finish,
                        self.checked.tasks[m].deadline,
                        self.checked.program().tasks[m].deadline,
                        date,
                    ),
                }
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
