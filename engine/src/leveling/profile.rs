//! The day-by-day capacity profile: what each resource still offers on each day, with
//! capacity that changes over time, and searches for the earliest or latest run of days
//! where a task fits.

use super::Problem;
use super::instance::Use;

/// Capacity before any free task is placed: each resource's own capacity and what pinned
/// tasks leave of it, day by day up to `stable_from`; from then on every day offers `base`.
pub(crate) struct Baseline {
    /// The first day after every capacity period and every pinned task.
    pub stable_from: usize,
    /// Each resource's capacity per day (before `stable_from`).
    pub capacity: Vec<Vec<i64>>,
    /// Capacity less pinned tasks' use, per day (before `stable_from`); may be negative
    /// where pinned work overloads a day.
    pub available: Vec<Vec<i64>>,
    /// The capacity of every day from `stable_from` on.
    pub base: Vec<i64>,
}

impl Baseline {
    pub fn new(problem: &Problem) -> Baseline {
        let period_end = problem
            .resources
            .iter()
            .flat_map(|c| c.periods.iter().map(|p| p.1))
            .max()
            .unwrap_or(0);
        let pinned_end = (0..problem.len())
            .filter_map(|t| problem.pinned[t].map(|s| s + problem.durations[t]))
            .max()
            .unwrap_or(0);
        let stable_from = period_end.max(pinned_end).max(0) as usize;
        let capacity: Vec<Vec<i64>> = problem
            .resources
            .iter()
            .map(|c| {
                let mut days = vec![i64::from(c.base); stable_from];
                for &(from, to, units) in &c.periods {
                    let (from, to) = (from.max(0) as usize, to.max(0) as usize);
                    if from < to {
                        days[from..to].fill(i64::from(units));
                    }
                }
                days
            })
            .collect();
        let mut available = capacity.clone();
        for t in 0..problem.len() {
            let (Some(start), d) = (problem.pinned[t], problem.durations[t]) else {
                continue;
            };
            let days = start.max(0) as usize..(start + d).max(0) as usize;
            for demand in &problem.demands[t] {
                available[demand.resource as usize][days.clone()]
                    .iter_mut()
                    .for_each(|a| *a -= i64::from(demand.units));
            }
        }
        let base = problem
            .resources
            .iter()
            .map(|c| i64::from(c.base))
            .collect();
        Baseline {
            stable_from,
            capacity,
            available,
            base,
        }
    }

    /// What resource `r` offers on `day` with nothing placed.
    fn capacity_on(&self, r: usize, day: usize) -> i64 {
        if day < self.stable_from {
            self.capacity[r][day]
        } else {
            self.base[r]
        }
    }

    /// The earliest start ≥ `from` where `uses` fit the resources' own capacity for `d`
    /// days, ignoring every other task; `None` if there is none.
    pub fn capacity_window(&self, uses: &[Use], d: i64, from: i64) -> Option<i64> {
        let mut start = from.max(0);
        loop {
            let end = start + d;
            let blocked = uses
                .iter()
                .filter_map(|u| {
                    (start as usize..end as usize)
                        .rev()
                        .find(|&day| self.capacity_on(u.resource as usize, day) < u.units)
                })
                .max();
            match blocked {
                None => return Some(start),
                Some(day) if day >= self.stable_from => return None,
                Some(day) => start = day as i64 + 1,
            }
        }
    }
}

/// What each resource still offers per day while a schedule is built, day by day (all
/// resources of one day side by side). Days past the vector offer the base capacity.
pub(crate) struct Profile {
    /// `available[day * resources + r]`.
    available: Vec<i64>,
    resources: usize,
    /// The days the vector covers.
    len: usize,
    /// Days `dirty.0..dirty.1` may differ from the baseline.
    dirty: (usize, usize),
}

impl Profile {
    pub fn new(baseline: &Baseline) -> Profile {
        let resources = baseline.base.len();
        let len = baseline.stable_from;
        let mut available = vec![0; len * resources];
        for (r, days) in baseline.available.iter().enumerate() {
            for (day, &a) in days.iter().enumerate() {
                available[day * resources + r] = a;
            }
        }
        Profile {
            available,
            resources,
            len,
            dirty: (0, 0),
        }
    }

    /// Back to the baseline: only pinned tasks placed.
    pub fn reset(&mut self, baseline: &Baseline) {
        let (lo, hi) = self.dirty;
        let width = self.resources;
        for day in lo..hi {
            let row = &mut self.available[day * width..(day + 1) * width];
            if day < baseline.stable_from {
                for (r, a) in row.iter_mut().enumerate() {
                    *a = baseline.available[r][day];
                }
            } else {
                row.copy_from_slice(&baseline.base);
            }
        }
        self.dirty = (usize::MAX, 0);
    }

    fn ensure(&mut self, baseline: &Baseline, end: usize) {
        if end <= self.len {
            return;
        }
        let len = end.max(self.len * 2);
        self.available.reserve((len - self.len) * self.resources);
        for _ in self.len..len {
            self.available.extend_from_slice(&baseline.base);
        }
        self.len = len;
    }

    /// Whether every use has room on `day` (within the vector).
    fn room(&self, uses: &[Use], day: usize) -> bool {
        let row = &self.available[day * self.resources..(day + 1) * self.resources];
        uses.iter().all(|u| row[u.resource as usize] >= u.units)
    }

    /// The earliest start ≥ `from` where the task fits for `d` days, or `None` when it never
    /// will (it needs more than the base capacity and every period is taken).
    pub fn earliest_fit(
        &mut self,
        baseline: &Baseline,
        uses: &[Use],
        d: i64,
        from: i64,
        window_only: bool,
    ) -> Option<i64> {
        if uses.is_empty() {
            return Some(from);
        }
        // Days with room in a row from `start`: each day is looked at once.
        let (mut start, mut run) = (from as usize, 0);
        let d = d as usize;
        while run < d {
            let day = start + run;
            if day >= self.len {
                if !window_only && day >= self.dirty.1 {
                    // Only base capacity from here on, which suffices.
                    return Some(start as i64);
                }
                self.ensure(baseline, day + d);
            }
            if self.room(uses, day) {
                run += 1;
            } else {
                (start, run) = (day + 1, 0);
                if window_only && start >= baseline.stable_from {
                    return None;
                }
            }
        }
        Some(start as i64)
    }

    /// The latest start in `floor..=from` where the task fits for `d` days, if any.
    pub fn latest_fit(
        &mut self,
        baseline: &Baseline,
        uses: &[Use],
        d: i64,
        from: i64,
        floor: i64,
    ) -> Option<i64> {
        if uses.is_empty() {
            return Some(from);
        }
        if from < floor {
            return None;
        }
        self.ensure(baseline, (from + d) as usize);
        // Days with room in a row back from the last day: each day is looked at once.
        let (mut end, mut run) = ((from + d) as usize, 0);
        let (d, floor) = (d as usize, floor as usize);
        while run < d {
            let day = end - 1 - run;
            if self.room(uses, day) {
                run += 1;
            } else {
                if day < floor + d {
                    return None;
                }
                (end, run) = (day, 0);
            }
        }
        Some((end - d) as i64)
    }

    /// Takes the task's use off days `start..start + d` (past capacity if it must).
    pub fn place(&mut self, baseline: &Baseline, uses: &[Use], d: i64, start: i64) {
        if uses.is_empty() {
            return;
        }
        let (from, end) = (start as usize, (start + d) as usize);
        self.ensure(baseline, end);
        for day in from..end {
            let row = &mut self.available[day * self.resources..(day + 1) * self.resources];
            for u in uses {
                row[u.resource as usize] -= u.units;
            }
        }
        self.dirty = (self.dirty.0.min(from), self.dirty.1.max(end));
    }
}
