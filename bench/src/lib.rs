//! Engine benchmarks as wasm exports, run in headless Chromium by `scripts/bench`.
//!
//! Each benchmark is a `#[wasm_bindgen]` function that builds its input outside the timed
//! region, times the work with [`timer::measure`] and returns its result as a JSON string.
//! To add one (file import/export, scenario comparison, Monte Carlo …), add a module with
//! such a function and a case for it in `bench/web/run.mjs`.

pub mod forecast;
pub mod health;
pub mod kept;
pub mod leveling;
pub mod psplib;
pub mod scenarios;
pub mod schedule;
pub mod status;
pub mod status_program;
pub mod timer;

/// The size of the wasm linear memory in bytes. It only grows, so read after a case it is
/// the peak memory of everything run so far.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> usize {
    core::arch::wasm32::memory_size(0) * 65_536
}
