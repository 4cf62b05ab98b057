//! The leveler on one PSPLIB instance, timed: the wasm twin of the native
//! `cargo bench -p bench --bench psplib` (run in Node by `bench/web/leveling.mjs`, since the
//! instances come from files outside the repository).

use crate::psplib::parse_sm;
use crate::timer::{Timing, measure};
use engine::leveling::{Options, level, lower_bounds};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The result of [`bench_leveling`].
#[derive(Serialize)]
struct Report {
    tasks: usize,
    schedules: usize,
    /// The schedules the run generated (fewer when it proves its finish optimal).
    generated: usize,
    finish: i64,
    critical_path: i64,
    #[serde(flatten)]
    timing: Timing,
}

/// Times `level` on the `.sm` text `sm` with a budget of `schedules` (seed 1). Returns JSON
/// `{tasks, schedules, generated, finish, critical_path, runs, batch, median_ms, min_ms}`.
#[wasm_bindgen]
pub fn bench_leveling(sm: &str, schedules: usize, runs: usize) -> Result<String, String> {
    let problem = parse_sm(sm)?;
    let options = Options {
        schedules,
        seed: 1,
        ..Options::default()
    };
    let solution = level(&problem, &options).map_err(|e| e.to_string())?;
    let timing = measure(runs, || {
        level(std::hint::black_box(&problem), &options).ok()
    });
    let report = Report {
        tasks: problem.len(),
        schedules,
        generated: solution.schedules,
        finish: solution.finish,
        critical_path: lower_bounds(&problem).critical_path,
        timing,
    };
    serde_json::to_string(&report).map_err(|e| e.to_string())
}
