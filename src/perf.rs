//! Performance marks: `planwork:save`, `planwork:load`, `planwork:import` (of which
//! `planwork:import-parse` and `planwork:import-store`), `planwork:export`, and a forecast's steps
//! (`planwork:forecast-parts`, `-merge`, `-sums`, `-finish`: see
//! [`crate::forecast::forecast_run`]) measures (`performance.getEntriesByName(...)`)
//! for the benchmark.

/// A started measure; [`Span::end`] records it. Nothing happens without `performance`.
pub struct Span {
    name: &'static str,
}

/// Starts the measure `name`.
pub fn start(name: &'static str) -> Span {
    if let Some(perf) = performance() {
        let _ = perf.mark(&format!("{name}:start"));
    }
    Span { name }
}

impl Span {
    /// Records the measure from its start to now.
    pub fn end(self) {
        if let Some(perf) = performance() {
            let _ = perf.measure_with_start_mark(self.name, &format!("{}:start", self.name));
        }
    }
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}
