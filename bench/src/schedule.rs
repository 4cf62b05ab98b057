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
    /// Least time of `engine::check` alone (ids resolved, rules validated, link lists and
    /// order built).
    check_min_ms: f64,
    /// Least time of `engine::schedule_checked` on the checked program: the passes, float,
    /// critical path and dates (what re-scheduling costs when the check is kept).
    reschedule_min_ms: f64,
}

/// Times `engine::schedule` on the program `generate(shape, tasks, 1)` (`shape` is chain,
/// layered or random), built before timing starts, and its two halves apart: checking, and
/// scheduling the checked program. Returns JSON
/// `{shape, tasks, links, runs, batch, median_ms, min_ms, check_min_ms, reschedule_min_ms}`.
#[wasm_bindgen]
pub fn bench_schedule(shape: &str, tasks: usize, runs: usize) -> Result<String, String> {
    let shape: Shape = shape.parse()?;
    let program = generate(shape, tasks, 1);
    engine::schedule(&program).map_err(|_| format!("generated {shape:?} program is invalid"))?;
    let timing = measure(runs, || {
        engine::schedule(std::hint::black_box(&program)).ok()
    });
    let check = measure(runs, || {
        engine::check(std::hint::black_box(&program)).is_ok()
    });
    let checked = engine::check(&program).map_err(|_| "generated program is invalid")?;
    let reschedule = measure(runs, || {
        engine::schedule_checked(std::hint::black_box(&checked)).ok()
    });
    let report = Report {
        shape: format!("{shape:?}"),
        tasks,
        links: program.dependencies.len(),
        timing,
        check_min_ms: check.min_ms,
        reschedule_min_ms: reschedule.min_ms,
    };
    serde_json::to_string(&report).map_err(|e| e.to_string())
}
