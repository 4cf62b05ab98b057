//! Schedule health: the fourteen DCMA checks (`engine::health::assess`) of a generated
//! program under way, timed alone (the program checked and scheduled beforehand), as in the
//! native `cargo bench -p bench --bench health`.

use crate::timer::{Timing, measure};
use engine::Program;
use engine::baseline::{Baseline, capture};
use engine::generate::{Shape, add_resources, generate};
use engine::health::{Outcome, Thresholds, assess};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The result of [`bench_health`].
#[derive(Serialize)]
pub struct Report {
    pub shape: String,
    pub tasks: usize,
    pub links: usize,
    #[serde(flatten)]
    pub timing: Timing,
    /// How the checks came out (pass, fail, not applicable): all fourteen ran.
    pub passed: usize,
    pub failed: usize,
    pub not_applicable: usize,
}

/// Times `engine::health::assess` on [`under_way`]`(shape, tasks)` over `runs` samples.
/// Returns JSON `{shape, tasks, links, runs, batch, median_ms, min_ms, passed, failed,
/// not_applicable}`.
#[wasm_bindgen]
pub fn bench_health(shape: &str, tasks: usize, runs: usize) -> Result<String, String> {
    let report = health(shape.parse()?, tasks, runs)?;
    serde_json::to_string(&report).map_err(|e| e.to_string())
}

/// What [`bench_health`] measures, as a [`Report`].
pub fn health(shape: Shape, tasks: usize, runs: usize) -> Result<Report, String> {
    let (program, baseline) = under_way(shape, tasks)?;
    let checked = engine::check(&program).map_err(|_| "the program under way is invalid")?;
    let schedule = engine::schedule_checked(&checked).map_err(|_| "it cannot be scheduled")?;
    let date = program.program.start;
    let thresholds = Thresholds::default();
    let run = || assess(&checked, &schedule, Some(&baseline), date, &thresholds);
    let report = run();
    let timing = measure(runs, || std::hint::black_box(run()).checks.len());
    Ok(Report {
        shape: format!("{shape:?}"),
        tasks,
        links: program.dependencies.len(),
        timing,
        passed: report.count(Outcome::Pass),
        failed: report.count(Outcome::Fail),
        not_applicable: report.count(Outcome::NotApplicable),
    })
}

/// `generate(shape, tasks, 1)` with ten teams its tasks demand, baselined as planned, then
/// under way a third of the way to its finish: the status date set there, and every task
/// the baseline had finishing before it done, but one in ten (late). Every check applies.
pub fn under_way(shape: Shape, tasks: usize) -> Result<(Program, Baseline), String> {
    let mut program = generate(shape, tasks, 1);
    add_resources(&mut program, 10);
    let invalid = |_| "the generated program is invalid".to_string();
    let checked = engine::check(&program).map_err(invalid)?;
    let plan = engine::schedule_checked(&checked).map_err(invalid)?;
    let start = program.program.start;
    let status = checked
        .timeline()
        .date_of(plan.finish_offset / 3)
        .unwrap_or(start);
    drop(checked);
    let baseline = capture("b", "Plan", start, &program, &plan);
    for (i, (task, times)) in program.tasks.iter_mut().zip(&plan.tasks).enumerate() {
        if times.finish < status && i % 10 != 0 {
            task.percent_complete = 100.0;
        }
    }
    program.program.status_date = Some(status);
    Ok((program, baseline))
}
