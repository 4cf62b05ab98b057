//! The leveling worker's side: the messages between the page and the Web Worker that levels
//! a program, and the worker's run of it.
//!
//! [`Request::Level`] carries the program as program-file text (the one the plan shows);
//! the worker lays out the problem, posts the first result (the priority rules' best) as a
//! [`Reply::Progress`], then searches in slices of about [`SLICE_MS`], posting progress
//! after each. Between slices it yields to its event loop (a `MessageChannel` round trip,
//! which no timer clamps), so a [`Request::Stop`] gets through: the run then ends at once
//! with the best found so far. It also ends at the budget, at the time limit, or when the
//! best is proven optimal, and posts [`Reply::Done`] with the scenario changes that give
//! the leveled plan. Cancelling without a result is the page's: it terminates the worker.
//!
//! Does not: decide anything about leveling (`engine::leveling` does), or change the
//! program (the page makes the scenario).

use std::cell::RefCell;

use chrono::NaiveDate;
use engine::leveling::program::{LevelError, Prepared};
use engine::leveling::{Leveler, Objective, Options, lower_bounds};
use engine::scenario::Change;
use gloo_events::EventListener;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::worker::{MESSAGES, post_to_page};

/// Milliseconds of search between two progress reports (and two chances to stop).
pub const SLICE_MS: f64 = 50.0;

/// What the page asks of the leveling worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Request {
    /// Level `program` (a program file's text).
    Level {
        /// Tells this run's replies from an earlier one's.
        run: u32,
        program: String,
        /// Keep every task within its float (no finish moves) instead of finishing first.
        within_float: bool,
        /// The budget in generated schedules.
        schedules: usize,
        seed: u64,
        /// The search stops this many milliseconds after the request whatever its budget.
        time_limit_ms: f64,
    },
    /// End run `run` now with the best found so far.
    Stop { run: u32 },
}

/// What the leveling worker answers.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reply {
    /// The search so far: schedules generated, and the best finish and the bound it cannot
    /// beat (ISO dates).
    Progress {
        run: u32,
        schedules: usize,
        budget: usize,
        finish: NaiveDate,
        bound: NaiveDate,
    },
    Done {
        run: u32,
        outcome: Box<Outcome>,
    },
    Failed {
        run: u32,
        message: String,
    },
}

/// A finished run: what the scenario holds and what the page says of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// A `level` change for each task held back, with its reason.
    pub changes: Vec<Change>,
    pub finish: NaiveDate,
    pub unleveled_finish: NaiveDate,
    /// No leveled finish can be before it (the critical-path and resource bounds).
    pub bound: NaiveDate,
    pub schedules: usize,
    /// Within float: the tasks (names) that could not be kept within their float.
    pub unresolved: Vec<String>,
    /// Why the search ended: `"optimal"`, `"budget"`, `"time"` or `"stopped"`.
    pub ended: String,
}

/// A reply as the value posted (a reply that cannot be written becomes a `Failed` one).
pub fn encode(reply: &Reply) -> JsValue {
    reply.serialize(&MESSAGES).unwrap_or_else(|error| {
        let failed = Reply::Failed {
            run: 0,
            message: format!("The leveling could not be sent: {error}"),
        };
        failed.serialize(&MESSAGES).unwrap_or(JsValue::NULL)
    })
}

/// Reads a reply posted by the worker.
pub fn decode(value: &JsValue) -> Result<Reply, String> {
    serde_wasm_bindgen::from_value(value.clone())
        .map_err(|error| format!("The leveling reply could not be read: {error}"))
}

/// The run under way in this worker.
struct Running {
    run: u32,
    prepared: Prepared,
    leveler: Leveler,
    bound: NaiveDate,
    started: f64,
    time_limit_ms: f64,
    stop: bool,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
    /// The channel a slice posts to itself to run the next one after the messages waiting.
    static NEXT: RefCell<Option<(web_sys::MessagePort, EventListener)>> = const { RefCell::new(None) };
}

/// In the worker: takes one request.
pub fn serve(request: Request) {
    match request {
        Request::Level {
            run,
            program,
            within_float,
            schedules,
            seed,
            time_limit_ms,
        } => match start(run, &program, within_float, schedules, seed, time_limit_ms) {
            Ok(running) => {
                post_progress(&running);
                RUNNING.with_borrow_mut(|r| *r = Some(running));
                next_slice();
            }
            Err(message) => post_to_page(&encode(&Reply::Failed { run, message })),
        },
        Request::Stop { run } => RUNNING.with_borrow_mut(|r| {
            if let Some(running) = r.as_mut().filter(|r| r.run == run) {
                running.stop = true;
            }
        }),
    }
}

fn start(
    run: u32,
    program: &str,
    within_float: bool,
    schedules: usize,
    seed: u64,
    time_limit_ms: f64,
) -> Result<Running, String> {
    // The time limit counts from the request: laying the program out is part of the run.
    let started = js_sys::Date::now();
    let document =
        planfile::read(program).map_err(|error| format!("The plan cannot be leveled:\n{error}"))?;
    let objective = if within_float {
        Objective::WithinFloat { finish_by: 0 }
    } else {
        Objective::MinimiseFinish
    };
    let prepared = Prepared::new(&document.program, objective).map_err(|e| error_text(&e))?;
    let options = Options {
        schedules,
        seed,
        objective: prepared.objective(objective),
    };
    let leveler = Leveler::new(&prepared.problem, options)
        .map_err(|infeasible| error_text(&prepared.infeasible(infeasible)))?;
    let bound = prepared.finish_date(lower_bounds(&prepared.problem).best());
    Ok(Running {
        run,
        prepared,
        leveler,
        bound,
        started,
        time_limit_ms,
        stop: false,
    })
}

/// Why a program cannot be leveled, as the page says it.
pub fn error_text(error: &LevelError) -> String {
    match error {
        LevelError::Invalid(diagnostics) => document::describe(diagnostics),
        LevelError::Infeasible { message, .. } => message.clone(),
        LevelError::TooLarge(_) => error.to_string(),
    }
}

fn post_progress(running: &Running) {
    let progress = running.leveler.progress();
    post_to_page(&encode(&Reply::Progress {
        run: running.run,
        schedules: progress.schedules,
        budget: progress.budget,
        finish: running.prepared.finish_date(progress.finish),
        bound: running.bound,
    }));
}

/// Runs the next slice once the messages already waiting (a Stop) have been taken.
fn next_slice() {
    NEXT.with_borrow_mut(|next| {
        if next.is_none() {
            let Ok(channel) = web_sys::MessageChannel::new() else {
                return;
            };
            let listener = EventListener::new(&channel.port1(), "message", |_| slice());
            channel.port1().start();
            *next = Some((channel.port2(), listener));
        }
        if let Some((port, _)) = next.as_ref() {
            let _ = port.post_message(&JsValue::NULL);
        }
    });
}

/// Where a slice leaves the run.
enum Slice {
    /// No run (it ended, or a Stop came for none).
    Idle,
    Continue,
    End(Box<Running>, &'static str),
}

/// One slice of search, then the next, or the end of the run.
fn slice() {
    match RUNNING.with_borrow_mut(search) {
        Slice::Idle => {}
        Slice::Continue => next_slice(),
        Slice::End(running, why) => finish(*running, why),
    }
}

fn search(running: &mut Option<Running>) -> Slice {
    let Some(r) = running.as_mut() else {
        return Slice::Idle;
    };
    let slice_start = js_sys::Date::now();
    let mut more = !r.stop;
    while more && js_sys::Date::now() - slice_start < SLICE_MS {
        more = r.leveler.step(1);
    }
    let out_of_time = js_sys::Date::now() - r.started >= r.time_limit_ms;
    if more && !r.stop && !out_of_time {
        post_progress(r);
        return Slice::Continue;
    }
    let progress = r.leveler.progress();
    let why = if r.stop {
        "stopped"
    } else if more {
        "time"
    } else if progress.schedules < progress.budget {
        "optimal"
    } else {
        "budget"
    };
    match running.take() {
        Some(done) => Slice::End(Box::new(done), why),
        None => Slice::Idle,
    }
}

fn finish(running: Running, why: &str) {
    let Running {
        run,
        prepared,
        leveler,
        bound,
        ..
    } = running;
    let leveled = prepared.result(leveler.best(), lower_bounds(&prepared.problem));
    let program = prepared.program();
    let outcome = Outcome {
        changes: prepared.changes(&leveled),
        finish: leveled.finish,
        unleveled_finish: leveled.unleveled_finish,
        bound,
        schedules: leveled.schedules,
        unresolved: leveled
            .unresolved
            .iter()
            .filter_map(|&t| program.tasks.get(t).map(|t| t.name.clone()))
            .collect(),
        ended: why.to_owned(),
    };
    post_to_page(&encode(&Reply::Done {
        run,
        outcome: Box::new(outcome),
    }));
}
