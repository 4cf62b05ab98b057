//! Each row's load against its capacity, iteration by iteration: what a team's tasks
//! demand, in person-days, beside what the resources it uses offer.
//!
//! A task demands its units on each working day of the program calendar from its start to
//! its finish (as in [`crate::load`]); the days that fall in an iteration count there. A
//! row's capacity is what the resources its tasks demand offer on the iteration's days
//! (availability periods and their own calendars included); a resource demanded by several
//! rows is shared between them in proportion to each row's demand on it over the plan.
//! Milestones and summaries demand nothing.
//!
//! Cost: O(T·n + R·n·L) for T tasks, R resources, n iterations of L days.

use rustc_hash::FxHashMap;

use super::layout::BoardLayout;
use crate::load::{HUNDREDTHS, capacities, hundredths};
use crate::model::Program;
use crate::scheduler::Schedule;

/// One row's load in one iteration.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cell {
    /// Person-days demanded.
    pub load: f64,
    /// Person-days offered by the row's share of its resources.
    pub capacity: f64,
}

impl Cell {
    /// Demand beyond capacity.
    pub fn over(&self) -> bool {
        self.load > self.capacity + 1e-9
    }
}

/// `cells[row][iteration]`; empty when the program has no resources.
pub fn row_capacity(program: &Program, schedule: &Schedule, board: &BoardLayout) -> Vec<Vec<Cell>> {
    if program.resources.is_empty() {
        return Vec::new();
    }
    let iterations = &board.iterations;
    let n = iterations.len();
    let resource: FxHashMap<&str, usize> = program
        .resources
        .iter()
        .enumerate()
        .map(|(r, res)| (res.id.as_str(), r))
        .collect();
    // Hundredths × days: per row and iteration, and each row's demand on each resource.
    let mut load = vec![vec![0u64; n]; board.rows.len()];
    let mut demand = vec![vec![0u64; program.resources.len()]; board.rows.len()];
    let end = iterations.start_of(n);
    for (t, task) in program.tasks.iter().enumerate() {
        let (Some(s), Some(row)) = (schedule.tasks.get(t), task_row(board, t)) else {
            continue;
        };
        if task.summary || s.ef <= s.es {
            continue;
        }
        for d in &task.demands {
            let Some(&r) = resource.get(d.resource.as_str()) else {
                continue;
            };
            let units = hundredths(d.units);
            demand[row][r] += units * (s.ef - s.es) as u64;
            let (from, to) = (s.es.max(iterations.first), s.ef.min(end));
            let mut day = from;
            while day < to {
                let i = iterations.index_of_offset(day) as usize;
                let stop = iterations.start_of(i + 1).min(to);
                load[row][i] += units * (stop - day) as u64;
                day = stop;
            }
        }
    }
    let offered = offered(program, board);
    let total: Vec<u64> = (0..program.resources.len())
        .map(|r| demand.iter().map(|row| row[r]).sum())
        .collect();
    (0..board.rows.len())
        .map(|row| {
            (0..n)
                .map(|i| {
                    let capacity: f64 = (0..program.resources.len())
                        .filter(|&r| demand[row][r] > 0)
                        .map(|r| {
                            let offered = offered[r].get(i).copied().unwrap_or(0.0);
                            offered * demand[row][r] as f64 / total[r] as f64
                        })
                        .sum();
                    Cell {
                        load: load[row][i] as f64 / HUNDREDTHS,
                        capacity,
                    }
                })
                .collect()
        })
        .collect()
}

/// The row of task `t`'s card (a milestone's: none).
fn task_row(board: &BoardLayout, t: usize) -> Option<usize> {
    board
        .card_of
        .get(t)
        .copied()
        .flatten()
        .and_then(|c| board.cards[c].row)
}

/// Person-days each resource offers in each iteration.
fn offered(program: &Program, board: &BoardLayout) -> Vec<Vec<f64>> {
    let iterations = &board.iterations;
    let n = iterations.len();
    let dates = iterations
        .timeline
        .dates(iterations.first, iterations.start_of(n) - 1)
        .unwrap_or_default();
    let length = iterations.length as usize;
    program
        .resources
        .iter()
        .map(|resource| {
            let daily = capacities(resource, &dates);
            daily
                .chunks(length)
                .map(|days| days.iter().sum::<u64>() as f64 / HUNDREDTHS)
                .collect()
        })
        .collect()
}
