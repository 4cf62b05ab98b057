//! One edit re-scheduled on a kept program ([`engine::kept::KeptProgram`]): a random task's
//! duration, a random link's lag, a link added, a link removed, in turn; beside the full
//! check and schedule of the raw program.

use crate::timer::{Timing, measure, now_ms};
use engine::edit::Edit;
use engine::generate::{Shape, generate};
use engine::kept::KeptProgram;
use engine::rng::SplitMix64;
use engine::{Dependency, LinkType, Program};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The result of [`bench_kept_edit`].
#[derive(Serialize)]
pub struct Report {
    pub shape: String,
    pub tasks: usize,
    pub links: usize,
    /// Edits timed (each a different one, applied once).
    pub edits: usize,
    /// Median and least time of one edit applied and re-scheduled, in milliseconds.
    pub edit_median_ms: f64,
    pub edit_min_ms: f64,
    /// The slowest edit.
    pub edit_max_ms: f64,
    /// Median per kind of edit: a duration, a lag, a link added, a link removed.
    pub kind_median_ms: [f64; 4],
    /// `engine::schedule` of the raw program (check, passes, dates).
    pub full: Timing,
}

/// Times `edits` random single edits applied to the kept program `generate(shape, tasks,
/// 1)` (each applied once, timed alone: apply, incremental check, re-schedule), and the full
/// schedule of the raw program over `runs` samples. Returns the [`Report`] as JSON.
#[wasm_bindgen]
pub fn bench_kept_edit(
    shape: &str,
    tasks: usize,
    edits: usize,
    runs: usize,
) -> Result<String, String> {
    let report = kept_edit(shape.parse()?, tasks, edits, runs)?;
    serde_json::to_string(&report).map_err(|e| e.to_string())
}

/// What [`bench_kept_edit`] measures, as a [`Report`].
pub fn kept_edit(shape: Shape, tasks: usize, edits: usize, runs: usize) -> Result<Report, String> {
    kept_edit_with(shape, tasks, edits, runs, false)
}

/// [`kept_edit`] on the program put under summaries (`outlined`: phases of ten tasks and
/// stages of ten phases, [`engine::generate::outline`]); the edits are to its tasks.
pub fn kept_edit_with(
    shape: Shape,
    tasks: usize,
    edits: usize,
    runs: usize,
    outlined: bool,
) -> Result<Report, String> {
    let mut program = generate(shape, tasks, 1);
    if outlined {
        engine::generate::outline(&mut program, 10);
    }
    let full = measure(runs, || {
        engine::schedule(std::hint::black_box(&program)).ok()
    });
    let mut kept = KeptProgram::new(program.clone())
        .map_err(|_| format!("generated {shape:?} program is invalid"))?;
    let mut rng = SplitMix64(7);
    let mut times = Vec::with_capacity(edits);
    // Warm up on edits of their own, untimed.
    for k in 0..edits.min(10) {
        let edit = random_edit(kept.program(), tasks, k, &mut rng);
        let _ = kept.apply(&[edit]);
    }
    for k in 0..edits {
        let edit = random_edit(kept.program(), tasks, k, &mut rng);
        let started = now_ms();
        let done = kept.apply(std::slice::from_ref(&edit));
        times.push(now_ms() - started);
        done.map_err(|d| format!("edit {edit:?} refused: {:?}", d.0.first()))?;
    }
    let kind_median_ms = std::array::from_fn(|kind| {
        let mut of_kind: Vec<f64> = times.iter().skip(kind).step_by(4).copied().collect();
        median(&mut of_kind)
    });
    times.sort_by(f64::total_cmp);
    Ok(Report {
        shape: format!("{shape:?}{}", if outlined { " outlined" } else { "" }),
        tasks,
        links: program.dependencies.len(),
        edits,
        edit_median_ms: times.get(times.len() / 2).copied().unwrap_or_default(),
        edit_min_ms: times.first().copied().unwrap_or_default(),
        edit_max_ms: times.last().copied().unwrap_or_default(),
        kind_median_ms,
        full,
    })
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// Edit `k` of a run: a duration (k % 4 = 0), a lag (1), a link added (2), a link removed
/// (3), among the first `n` tasks (not the summaries added after them). Links are added
/// from an earlier task to a later one not yet linked, which keeps the generated programs
/// free of cycles.
fn random_edit(program: &Program, n: usize, k: usize, rng: &mut SplitMix64) -> Edit {
    let n = n.min(program.tasks.len());
    let mut any = |below: usize| (rng.next_u64() % below.max(1) as u64) as usize;
    match k % 4 {
        0 => {
            let index = any(n);
            let mut task = program.tasks[index].clone();
            if !task.milestone {
                task.duration = 1 + any(15) as i64;
            }
            Edit::ReplaceTask { index, task }
        }
        1 => {
            let to = program.dependencies[any(program.dependencies.len())]
                .to
                .clone();
            let mut links: Vec<Dependency> = program
                .dependencies
                .iter()
                .filter(|d| d.to == to)
                .cloned()
                .collect();
            links[0].lag = any(7) as i64 - 2;
            Edit::SetPredecessors { task: to, links }
        }
        2 => loop {
            let from = any(n - 1);
            let to = from + 1 + any((n - from - 1).min(300));
            let (from, to) = (&program.tasks[from].id, &program.tasks[to].id);
            let linked = program
                .dependencies
                .iter()
                .any(|d| &d.from == from && &d.to == to);
            if !linked {
                break Edit::AddDependency {
                    dependency: Dependency {
                        from: from.clone(),
                        to: to.clone(),
                        kind: LinkType::FS,
                        lag: 0,
                    },
                };
            }
        },
        _ => {
            let link = &program.dependencies[any(program.dependencies.len())];
            Edit::RemoveDependency {
                from: link.from.clone(),
                to: link.to.clone(),
            }
        }
    }
}
