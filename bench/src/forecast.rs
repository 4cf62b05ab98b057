//! Monte Carlo forecast: 10,000 iterations on a 1,000-task program with about 2,000 links,
//! three-point estimates on every task and risks (issue 7's figure).

use crate::timer::{Timing, measure};
use engine::Program;
use engine::forecast::{Forecast, Settings, Target, forecast};
use engine::generate::{Shape, add_uncertainty, generate};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
struct Report {
    tasks: usize,
    links: usize,
    risks: usize,
    iterations: usize,
    #[serde(flatten)]
    timing: Timing,
    /// What the app's worker does after the runs: rank the drawn values, then find the
    /// drivers of the finish and of every milestone.
    sensitivity_ms: f64,
    milestones: usize,
}

/// The benchmark's program: random, `tasks` tasks, with estimates and risks.
pub fn uncertain_program(tasks: usize) -> Program {
    let mut program = generate(Shape::Random, tasks, 1);
    add_uncertainty(&mut program, 1);
    program
}

/// The drivers of the finish and of every milestone, as the app's worker computes them
/// after a run; returns how many drivers in all.
pub fn all_drivers(result: &Forecast) -> usize {
    let sensitivity = result.sensitivity();
    let targets = std::iter::once(Target::Finish)
        .chain(result.milestones.iter().map(|m| Target::Milestone(m.task)));
    targets
        .map(|target| sensitivity.drivers(target).len())
        .sum()
}

/// Times a whole forecast (`iterations` iterations, seed 1) of a random `tasks`-task
/// program. Returns JSON `{tasks, links, risks, iterations, runs, batch, median_ms, min_ms,
/// sensitivity_ms, milestones}`; sensitivity as [`all_drivers`].
#[wasm_bindgen]
pub fn bench_forecast(tasks: usize, iterations: usize, runs: usize) -> Result<String, String> {
    let program = uncertain_program(tasks);
    let checked = engine::check(&program).map_err(|e| e.to_string())?;
    let settings = Settings {
        iterations,
        seed: 1,
    };
    let timing = measure(runs, || forecast(&checked, &settings).ok());
    let result = forecast(&checked, &settings).map_err(|e| e.to_string())?;
    let sensitivity = measure(3, || all_drivers(&result));
    let report = Report {
        tasks,
        links: program.dependencies.len(),
        risks: program.risks.len(),
        iterations,
        timing,
        sensitivity_ms: sensitivity.median_ms,
        milestones: result.milestones.len(),
    };
    serde_json::to_string(&report).map_err(|e| e.to_string())
}
