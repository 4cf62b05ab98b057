//! Scenario comparison: apply each scenario's changes to a program, schedule the result and
//! compare it with the program's schedule (issue 6's "compare 10 scenarios" figure).

use crate::timer::{Timing, measure};
use engine::compare::quick_impact;
use engine::generate::{Shape, SplitMix64, generate};
use engine::scenario::Change;
use engine::{Program, Schedule};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The result of [`bench_scenarios`]: the time to compare all the scenarios once.
#[derive(Serialize)]
struct Report {
    tasks: usize,
    scenarios: usize,
    changes_each: usize,
    #[serde(flatten)]
    timing: Timing,
}

/// `count` scenarios of a few changes each (two slips, a re-estimate, a removed link),
/// chosen from `seed`.
pub fn scenarios(program: &Program, count: usize, seed: u64) -> Vec<Vec<Change>> {
    let mut rng = SplitMix64(seed);
    let n = program.tasks.len() as u64;
    let task = |rng: &mut SplitMix64| program.tasks[rng.below(n) as usize].id.clone();
    (0..count)
        .map(|_| {
            let link = &program.dependencies[rng.below(program.dependencies.len() as u64) as usize];
            vec![
                Change::Slip {
                    task: task(&mut rng),
                    days: 5 + rng.below(10) as i64,
                },
                Change::Slip {
                    task: task(&mut rng),
                    days: 1 + rng.below(5) as i64,
                },
                Change::Estimate {
                    task: task(&mut rng),
                    days: 1 + rng.below(20) as i64,
                },
                Change::RemoveDependency {
                    from: link.from.clone(),
                    to: link.to.clone(),
                },
            ]
        })
        .collect()
}

/// Compares every scenario with the program: apply + schedule + compare each.
pub fn compare_all(program: &Program, base: &Schedule, scenarios: &[Vec<Change>]) -> usize {
    scenarios
        .iter()
        .filter_map(|changes| quick_impact(program, base, changes).ok())
        .count()
}

/// Times comparing `count` scenarios of a random `tasks`-task program with it. Returns JSON
/// `{tasks, scenarios, changes_each, runs, batch, median_ms, min_ms}`.
#[wasm_bindgen]
pub fn bench_scenarios(tasks: usize, count: usize, runs: usize) -> Result<String, String> {
    let program = generate(Shape::Random, tasks, 1);
    let base = engine::schedule(&program).map_err(|e| e.to_string())?;
    let scenarios = scenarios(&program, count, 2);
    if compare_all(&program, &base, &scenarios) != count {
        return Err("a generated scenario could not be scheduled".into());
    }
    let timing = measure(runs, || {
        compare_all(&program, &base, std::hint::black_box(&scenarios))
    });
    let report = Report {
        tasks,
        scenarios: count,
        changes_each: 4,
        timing,
    };
    serde_json::to_string(&report).map_err(|e| e.to_string())
}
