//! The full schedule (check + passes + dates) of a synthetic program, as in the native
//! `cargo bench -p engine --bench schedule`.

use crate::timer::{Timing, measure};
use engine::generate::{Shape, generate};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The result of [`bench_schedule`].
#[derive(Serialize)]
struct Report {
    shape: String,
    tasks: usize,
    links: usize,
    #[serde(flatten)]
    timing: Timing,
}

/// Times `engine::schedule` on the program `generate(shape, tasks, 1)` (`shape` is chain,
/// layered or random), built before timing starts. Returns JSON
/// `{shape, tasks, links, runs, batch, median_ms, min_ms}`.
#[wasm_bindgen]
pub fn bench_schedule(shape: &str, tasks: usize, runs: usize) -> Result<String, String> {
    let shape: Shape = shape.parse()?;
    let program = generate(shape, tasks, 1);
    engine::schedule(&program).map_err(|_| format!("generated {shape:?} program is invalid"))?;
    let timing = measure(runs, || {
        engine::schedule(std::hint::black_box(&program)).ok()
    });
    let report = Report {
        shape: format!("{shape:?}"),
        tasks,
        links: program.dependencies.len(),
        timing,
    };
    serde_json::to_string(&report).map_err(|e| e.to_string())
}
