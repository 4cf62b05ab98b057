//! A forecast in parts: ranges of iterations run apart (in several Web Workers) and merged
//! into exactly the forecast one run would give.
//!
//! Iteration `i` draws from stream `i` of the seed, so a part ([`Simulation::range`]) draws
//! what the whole run draws for its iterations. Merging is in two steps:
//!
//! 1. Each part's [`Finishes`] (finish offsets by iteration, critical counts by task) are
//!    concatenated and summed by [`Simulation::merge`]: the whole run's samples, so the same
//!    percentiles, means, histograms and criticality.
//!    With them come the counts of each drawn value ([`ValueCounts`]), added up into the
//!    whole run's, which rank every drawn column over all iterations.
//! 2. Sensitivity needs, per drawn column and finish, the sum over all iterations of the
//!    column's rank times the finish's rank. The merged forecast ranks the finishes
//!    ([`Forecast::finish_ranks`]); each part sums its own iterations' products
//!    ([`Part::rank_sums`], with the whole run's ranks: its draws stay where they were
//!    drawn); [`Forecast::drivers_from`] adds the parts' sums up. Whole numbers, added in
//!    any order: the correlations are the same bits as [`Forecast::sensitivity`]'s on one
//!    run.
//!
//! Does not: decide how many parts, or move them anywhere (the app's worker does).

use serde::{Deserialize, Serialize};

use super::drivers::{self, ValueCounts, correlation, includes};
use super::{Driver, Forecast, Samples, Settings, Simulation, Target, upstream};
use crate::check::Checked;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

/// What a part ran, for [`Simulation::merge`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finishes {
    /// The part's first iteration.
    pub from: usize,
    /// The program finish in each of its iterations (working-day offsets).
    pub finish: Vec<i64>,
    /// Each milestone's finishes, in the forecast's milestone order.
    pub milestones: Vec<Vec<i64>>,
    /// Per task (program order): the iterations in which it was critical.
    pub critical: Vec<u32>,
    /// The values its iterations drew, counted.
    pub counts: ValueCounts,
}

/// A part that has run: its finishes, and its draws kept for its rank sums.
pub struct Part {
    from: usize,
    /// Per task (program order).
    critical: Vec<u32>,
    /// The milestones' tasks, in forecast order.
    milestones: Vec<usize>,
    samples: Samples,
}

/// Per target (of [`Forecast::targets`]), per drawn column: a part's sum of the column's
/// rank times the finish's rank over its iterations (see [`Part::rank_sums`]).
pub type RankSums = Vec<Vec<i64>>;

impl Simulation<'_, '_> {
    /// This simulation's iterations, run, as a part to merge.
    pub fn into_part(self) -> Part {
        Part {
            from: self.range.start,
            critical: self.slot.iter().map(|&s| self.critical[s]).collect(),
            milestones: self.milestones,
            samples: self.samples,
        }
    }

    /// The forecast of all the parts (together, every iteration of the settings once), as
    /// [`Simulation::finish`] gives it on one run, and the whole run's counts of drawn
    /// values (for [`Part::rank_sums`] and [`Forecast::drivers_from`]).
    pub fn merge(
        checked: &Checked<'_>,
        settings: &Settings,
        parts: Vec<Finishes>,
    ) -> Result<(Forecast, ValueCounts), Diagnostics> {
        Simulation::prepare(checked, settings, 0..0, false)?.merged(parts)
    }

    fn merged(mut self, mut parts: Vec<Finishes>) -> Result<(Forecast, ValueCounts), Diagnostics> {
        parts.sort_by_key(|part| part.from);
        let tasks = self.slot.len();
        let width = self.samples.tasks.len() + self.samples.risks.len();
        let mut next = 0;
        for part in &parts {
            let sound = part.from == next
                && part.milestones.len() == self.milestones.len()
                && part.milestones.iter().all(|m| m.len() == part.finish.len())
                && part.critical.len() == tasks
                && part.counts.starts.len() == width + 1;
            if !sound {
                return Err(parts_mismatch(format!(
                    "a part of the forecast does not fit: iterations from {} (expected {next})",
                    part.from
                )));
            }
            next += part.finish.len();
        }
        if next != self.settings.iterations {
            return Err(parts_mismatch(format!(
                "the parts of the forecast ran {next} iterations of {}",
                self.settings.iterations
            )));
        }
        let counts: Vec<ValueCounts> = parts.iter().map(|p| p.counts.clone()).collect();
        for part in parts {
            self.samples.finish.extend(part.finish);
            for (all, part) in self.samples.milestones.iter_mut().zip(part.milestones) {
                all.extend(part);
            }
            for (t, count) in part.critical.into_iter().enumerate() {
                self.critical[self.slot[t]] += count;
            }
        }
        self.range = 0..next;
        self.done = next;
        Ok((self.finish()?, ValueCounts::add(&counts, width)))
    }
}

fn parts_mismatch(message: String) -> Diagnostics {
    Diagnostics(vec![Diagnostic::new(
        Code::InvalidForecastSettings,
        "forecast",
        vec![],
        message,
    )])
}

impl Part {
    /// The part's iterations.
    pub fn iterations(&self) -> std::ops::Range<usize> {
        self.from..self.from + self.samples.finish.len()
    }

    /// What [`Simulation::merge`] takes of this part.
    pub fn finishes(&self) -> Finishes {
        Finishes {
            from: self.from,
            finish: self.samples.finish.clone(),
            milestones: self.samples.milestones.clone(),
            critical: self.critical.clone(),
            counts: self.samples.drawn.value_counts(),
        }
    }

    /// This part's [`RankSums`]: `all` is the whole run's counts (from
    /// [`Simulation::merge`]), `ranks` holds, per target of [`Forecast::targets`], the
    /// centred ranks ([`Forecast::finish_ranks`]) of this part's iterations. Fails if they
    /// do not fit this part. O(columns × iterations × targets).
    pub fn rank_sums(
        &self,
        all: &ValueCounts,
        ranks: &[Vec<i64>],
    ) -> Result<RankSums, Diagnostics> {
        let rows = self.samples.finish.len();
        let mismatch = || {
            parts_mismatch(format!(
                "the ranks sent to a part of the forecast do not fit its {rows} iterations"
            ))
        };
        if ranks.len() != 1 + self.milestones.len() || ranks.iter().any(|r| r.len() != rows) {
            return Err(mismatch());
        }
        let ranked = self.samples.drawn.ranked_by(all).ok_or_else(mismatch)?;
        Ok(ranks
            .iter()
            .zip(targets(&self.milestones))
            .map(|(y, target)| {
                let include = upstream(&self.samples, target);
                ranked.cross_sums(y, |j| includes(&include, j))
            })
            .collect())
    }
}

/// The program finish, then each milestone.
fn targets(milestones: &[usize]) -> Vec<Target> {
    std::iter::once(Target::Finish)
        .chain(milestones.iter().map(|&m| Target::Milestone(m)))
        .collect()
}

/// The centred doubled ranks of `values` (`2·rank − (n + 1)`, ties sharing their average).
pub fn centred_ranks(values: &[i64]) -> Vec<i64> {
    drivers::centred_ranks(values)
}

impl Forecast {
    /// Lets the samples go (the finishes and draws kept for sensitivity), as a forecast read
    /// back from a message has none: once the drivers are known, only what is shown stays.
    pub fn drop_samples(&mut self) {
        self.samples = Samples::default();
    }

    /// Whose drivers a forecast reports: the program finish, then each milestone.
    pub fn targets(&self) -> Vec<Target> {
        targets(&self.milestones.iter().map(|m| m.task).collect::<Vec<_>>())
    }

    /// Each target's finishes as centred ranks, over every iteration: what each part needs
    /// (its own iterations' share) for [`Part::rank_sums`].
    pub fn finish_ranks(&self) -> Vec<Vec<i64>> {
        self.targets()
            .into_iter()
            .map(|target| centred_ranks(self.finishes(target)))
            .collect()
    }

    /// The drivers of each target (in [`Forecast::targets`] order), strongest first, from
    /// the whole run's counts (`all`) and every part's [`RankSums`]: the same as
    /// [`Forecast::sensitivity`]'s on one run.
    pub fn drivers_from(&self, all: &ValueCounts, parts: &[RankSums]) -> Vec<Vec<Driver>> {
        let width = self.samples.tasks.len() + self.samples.risks.len();
        let squares = all.squares(width);
        self.targets()
            .into_iter()
            .enumerate()
            .map(|(t, target)| {
                let y = centred_ranks(self.finishes(target));
                if y.is_empty() {
                    return Vec::new();
                }
                let syy: i64 = y.iter().map(|y| y * y).sum();
                let include = upstream(&self.samples, target);
                let correlations = (0..width)
                    .filter(|&j| includes(&include, j))
                    .map(|j| {
                        let sxy = parts.iter().filter_map(|part| part.get(t)?.get(j)).sum();
                        (j, correlation(sxy, squares[j], syy))
                    })
                    .collect();
                self.drivers_of(correlations)
            })
            .collect()
    }
}
