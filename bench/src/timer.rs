//! Timing of repeated runs: a warm-up, batches long enough for a coarse clock, median and min.

use serde::Serialize;

/// The shortest sample, in milliseconds. Chromium coarsens `performance.now()` to about
/// 0.1 ms, so a fast run is repeated in a batch that lasts at least this long.
const MIN_SAMPLE_MS: f64 = 5.0;

/// The shortest warm-up, in milliseconds: long enough for V8 to replace its baseline wasm
/// code with optimised code (tier-up) before calibrating the batch.
const WARM_UP_MS: f64 = 250.0;

/// Milliseconds since an arbitrary origin: `performance.now()` in the browser, and in Node
/// (no window there, but a global `performance` as fine).
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    // A page without `performance` (none that runs these benchmarks) falls back to the
    // millisecond clock rather than stopping.
    web_sys::window()
        .and_then(|window| window.performance())
        .or_else(global_performance)
        .map_or_else(js_sys::Date::now, |performance| performance.now())
}

/// The global `performance` outside a page (Node), if there is one.
#[cfg(target_arch = "wasm32")]
fn global_performance() -> Option<web_sys::Performance> {
    use wasm_bindgen::JsCast;
    let value = js_sys::Reflect::get(&js_sys::global(), &"performance".into()).ok()?;
    value.dyn_into::<web_sys::Performance>().ok()
}

/// Milliseconds since the first call (native builds).
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs_f64()
        * 1e3
}

/// The timing of one benchmark case.
#[derive(Clone, Debug, Serialize)]
pub struct Timing {
    /// Timed samples.
    pub runs: usize,
    /// Runs of the work per sample; a sample's time is divided by it.
    pub batch: usize,
    /// Median time of one run, in milliseconds.
    pub median_ms: f64,
    /// Fastest time of one run, in milliseconds.
    pub min_ms: f64,
}

/// Times `work`: warms up for at least [`WARM_UP_MS`], doubling the batch until one batch
/// lasts [`MIN_SAMPLE_MS`], then takes `runs` samples (at least one) of that batch.
pub fn measure<R>(runs: usize, mut work: impl FnMut() -> R) -> Timing {
    let mut time_batch = |batch: usize| {
        let started = now_ms();
        for _ in 0..batch {
            std::hint::black_box(work());
        }
        now_ms() - started
    };
    let (mut batch, mut warm_up) = (1, 0.0);
    loop {
        let elapsed = time_batch(batch);
        warm_up += elapsed;
        if elapsed < MIN_SAMPLE_MS {
            batch *= 2;
        } else if warm_up >= WARM_UP_MS {
            break;
        }
    }
    let mut times: Vec<f64> = (0..runs.max(1))
        .map(|_| time_batch(batch) / batch as f64)
        .collect();
    times.sort_by(f64::total_cmp);
    Timing {
        runs: times.len(),
        batch,
        median_ms: times[times.len() / 2],
        min_ms: times[0],
    }
}
