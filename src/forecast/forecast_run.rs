//! The page's side of the forecast workers: starts a run on up to [`workers`] Web Workers
//! (a range of iterations each), merges their parts (see
//! [`crate::forecast::forecast_worker`]), hands progress and the result to a callback, and
//! stops them (cancel terminates the workers: they run synchronously and read no message
//! while they work). A worker that fails to start, crashes or answers nonsense fails the
//! whole run with its message: a run never waits on a worker that is gone.
//!
//! The workers are started by [`crate::worker`].
//!
//! A worker's start-up (the script, the module instantiated) takes about a tenth of a second,
//! so the workers are started ahead ([`warm_up`]: when the forecast tab opens and after each
//! run) and kept aside until a run takes them; the first time in a page, after a small
//! silent forecast that gets the browser to compile the hot code ([`warm_code`]).

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use engine::Program;
use engine::forecast::Settings;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

use crate::forecast::forecast_worker::{
    Bytes, ForecastResult, Merged, Reply, Request, WirePart, decode, merge, split, write_request,
};
use crate::worker::{describe, error_detail, on_error, take_or_spawn};

/// At most this many workers run a forecast: each holds the program, its draws and a copy of
/// the module's memory, and the page merges every part. (Measured on two cores only.)
pub const MAX_WORKERS: usize = 4;

/// How many workers a forecast runs on: the processors the browser reports
/// (`navigator.hardwareConcurrency`), at most [`MAX_WORKERS`], at least one.
pub fn workers() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    (cores as usize).clamp(1, MAX_WORKERS)
}

/// How long after [`warm_up`] the spare workers start: after what the page is drawing (the
/// tab, a result) is drawn, so that starting it never lengthens that task.
const WARM_UP_DELAY: std::time::Duration = std::time::Duration::from_millis(250);

/// Starts the workers for the next run soon, in a task of their own, unless they are
/// waiting already. Quiet on failure: the run then starts its own and reports why it could
/// not.
pub fn warm_up() {
    leptos::prelude::set_timeout(warm_code_or_start_spares, WARM_UP_DELAY);
}

thread_local! {
    /// Whether this page has run the forecast's code once (see [`warm_code`]), and the
    /// silent run while it goes.
    static CODE_WARM: Cell<bool> = const { Cell::new(false) };
    static WARMING: RefCell<Option<Run>> = const { RefCell::new(None) };
}

/// Iterations and tasks of the silent run that warms the code: about what the benchmark
/// showed is enough (BENCHMARKS.md: a first 10,000-iteration run 828 → 445 ms after one of
/// 1,000 iterations of 1,000 tasks), split over the workers like a real run.
const WARM_ITERATIONS: usize = 2_000;
const WARM_TASKS: usize = 500;

fn warm_code_or_start_spares() {
    if CODE_WARM.replace(true) {
        start_spares();
    } else {
        warm_code();
    }
}

/// The first run in a page is slow: the browser compiles the forecast's hot code to fast
/// machine code only once it has run a while, in the workers (which share the module's
/// code) and on the page (the merge). So the first time the tab opens, a small forecast of a
/// generated plan runs silently, its result dropped, and the spares start after it.
fn warm_code() {
    let mut program = engine::generate::generate(engine::generate::Shape::Random, WARM_TASKS, 1);
    engine::generate::add_uncertainty(&mut program, 1);
    let settings = Settings {
        iterations: WARM_ITERATIONS,
        seed: 1,
    };
    let run = Run::start(u32::MAX, &program, settings, |update| {
        if matches!(update, RunUpdate::Done(_) | RunUpdate::Failed(_)) {
            // Not from inside the run's own listener: its workers and listeners go in a task
            // of their own, then the spares start.
            leptos::prelude::set_timeout(
                || {
                    WARMING.with_borrow_mut(Option::take);
                    start_spares();
                },
                std::time::Duration::ZERO,
            );
        }
    });
    match run {
        Ok(run) => WARMING.with_borrow_mut(|w| *w = Some(run)),
        Err(_) => start_spares(),
    }
}

fn start_spares() {
    crate::worker::start_spares(workers());
}

/// What a run tells the page.
pub enum RunUpdate {
    /// Iterations done (by all workers), in all.
    Progress {
        done: usize,
        total: usize,
    },
    Done(Box<ForecastResult>),
    Failed(String),
}

/// A forecast running in workers. Dropping it stops them.
pub struct Run {
    workers: Rc<Vec<Worker>>,
    _listeners: Vec<EventListener>,
}

/// Where a run is: the parts' progress, finishes and sums as they come.
struct Progress {
    run: u32,
    program: Program,
    settings: Settings,
    ranges: Vec<Range<usize>>,
    done: Vec<usize>,
    parts: Vec<Option<WirePart>>,
    merged: Option<Merged>,
    sums: Vec<Option<Bytes>>,
    /// Done or failed: later replies are ignored.
    over: bool,
    /// The step under way, measured: `planwork:forecast-parts` (start → every part in),
    /// then `planwork:forecast-sums` (ranks sent → every part's sums in).
    step: Option<crate::perf::Span>,
}

impl Run {
    /// Starts forecasting `program` (run number `run`) on [`workers`] workers; `on_update`
    /// gets the progress, then the result or why there is none (a worker that fails to start
    /// or crashes, or a reply that cannot be read, fails the run).
    pub fn start(
        run: u32,
        program: &Program,
        settings: Settings,
        on_update: impl Fn(RunUpdate) + 'static,
    ) -> Result<Run, String> {
        let text = planfile::write(&planfile::Document::new(program.clone()));
        let ranges = split(settings.iterations, workers());
        let requests = ranges
            .iter()
            .map(|range| {
                write_request(&Request::Run {
                    run,
                    program: text.clone(),
                    settings,
                    from: range.start,
                    to: range.end,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mut workers = Vec::with_capacity(ranges.len());
        for _ in &ranges {
            match take_or_spawn() {
                Ok(worker) => workers.push(worker),
                Err(message) => {
                    workers.iter().for_each(Worker::terminate);
                    return Err(message);
                }
            }
        }
        let workers = Rc::new(workers);
        let state = Rc::new(RefCell::new(Progress {
            run,
            program: program.clone(),
            settings,
            done: vec![0; ranges.len()],
            parts: vec![None; ranges.len()],
            sums: vec![None; ranges.len()],
            ranges,
            merged: None,
            over: false,
            step: Some(crate::perf::start("planwork:forecast-parts")),
        }));
        let on_update = Rc::new(on_update);
        let mut listeners = Vec::new();
        for (k, worker) in workers.iter().enumerate() {
            let (state_m, updates, all) = (state.clone(), on_update.clone(), workers.clone());
            listeners.push(EventListener::new(worker, "message", move |event| {
                let Some(event) = event.dyn_ref::<MessageEvent>() else {
                    return;
                };
                let reply =
                    decode(&event.data()).unwrap_or_else(|message| Reply::Failed { run, message });
                let update = state_m.borrow_mut().take(k, reply, &all);
                if let Some(update) = update {
                    updates(update);
                }
            }));
            let (state_e, updates) = (state.clone(), on_update.clone());
            listeners.push(on_error(worker, move |event| {
                let detail = error_detail(event);
                let update = state_e
                    .borrow_mut()
                    .fail(format!("The forecast worker stopped: {detail}"));
                if let Some(update) = update {
                    updates(update);
                }
            }));
        }
        for (worker, request) in workers.iter().zip(&requests) {
            if let Err(error) = worker.post_message(request) {
                workers.iter().for_each(Worker::terminate);
                return Err(format!(
                    "The forecast worker could not be reached: {}",
                    describe(&error)
                ));
            }
        }
        Ok(Run {
            workers,
            _listeners: listeners,
        })
    }
}

impl Progress {
    /// Worker `k`'s reply taken in: what to tell the page, if anything.
    fn take(&mut self, k: usize, reply: Reply, workers: &[Worker]) -> Option<RunUpdate> {
        if self.over {
            return None;
        }
        match reply {
            Reply::Progress { run, done, .. } if run == self.run => {
                *self.done.get_mut(k)? = done;
                Some(RunUpdate::Progress {
                    done: self.done.iter().sum(),
                    total: self.settings.iterations,
                })
            }
            Reply::Part { run, part } if run == self.run => {
                *self.parts.get_mut(k)? = Some(part);
                self.merge_when_all_in(workers)
            }
            Reply::Sums { run, sums } if run == self.run => {
                *self.sums.get_mut(k)? = Some(sums);
                self.finish_when_all_in()
            }
            Reply::Failed { message, .. } => self.fail(message),
            _ => None,
        }
    }

    fn fail(&mut self, message: String) -> Option<RunUpdate> {
        if self.over {
            return None;
        }
        self.over = true;
        Some(RunUpdate::Failed(message))
    }

    /// Once every part is in: merges them and sends each worker its ranks.
    fn merge_when_all_in(&mut self, workers: &[Worker]) -> Option<RunUpdate> {
        if self.parts.iter().any(Option::is_none) {
            return None;
        }
        let parts: Vec<WirePart> = self.parts.iter_mut().filter_map(Option::take).collect();
        if let Some(step) = self.step.take() {
            step.end();
        }
        let span = crate::perf::start("planwork:forecast-merge");
        let merged = match merge(&self.program, &self.settings, &parts) {
            Ok(merged) => merged,
            Err(message) => return self.fail(message),
        };
        for (worker, range) in workers.iter().zip(&self.ranges) {
            let posted = write_request(&merged.rank_request(self.run, range)).and_then(|m| {
                worker.post_message(&m).map_err(|error| {
                    format!(
                        "The forecast worker could not be reached: {}",
                        describe(&error)
                    )
                })
            });
            if let Err(message) = posted {
                return self.fail(message);
            }
        }
        self.merged = Some(merged);
        span.end();
        self.step = Some(crate::perf::start("planwork:forecast-sums"));
        None
    }

    /// Once every part's sums are in: the result.
    fn finish_when_all_in(&mut self) -> Option<RunUpdate> {
        if self.sums.iter().any(Option::is_none) {
            return None;
        }
        let sums: Vec<Bytes> = self.sums.iter_mut().filter_map(Option::take).collect();
        let merged = self.merged.take()?;
        if let Some(step) = self.step.take() {
            step.end();
        }
        self.over = true;
        let span = crate::perf::start("planwork:forecast-finish");
        let update = match merged.finish(&sums) {
            Ok(result) => RunUpdate::Done(Box::new(result)),
            Err(message) => RunUpdate::Failed(message),
        };
        span.end();
        Some(update)
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        self.workers.iter().for_each(Worker::terminate);
    }
}
