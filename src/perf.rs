//! Performance marks: `planwork:save`, `planwork:load`, `planwork:import` (of which
//! `planwork:import-parse` and `planwork:import-store`), `planwork:export`, and a forecast's steps
//! (`planwork:forecast-parts`, `-merge`, `-sums`, `-finish`: see
//! [`crate::forecast::forecast_run`]) measures (`performance.getEntriesByName(...)`)
//! for the benchmark; `planwork:edit-repaint` and `planwork:board-move` end after the next
//! frame ([`measure_after_frame`]).

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

/// Marks `name` now (the start of a measure [`measure_after_frame`] ends).
pub fn mark(name: &str) {
    if let Some(perf) = performance() {
        let _ = perf.mark(name);
    }
}

/// Measures `name` from the mark `<name>:start` to the frame after the DOM shows what
/// happened since: Leptos updates the DOM before the next animation frame, and a task
/// queued from that frame runs after its paint. Read by the benchmarks in `bench/web/`.
pub fn measure_after_frame(name: &'static str) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(
            move || {
                if let Some(perf) = performance() {
                    let _ = perf.measure_with_start_mark(name, &format!("{name}:start"));
                }
            },
            std::time::Duration::ZERO,
        );
    });
}
