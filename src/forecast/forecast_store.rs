//! The forecasts of this page: the last result per program and subject (the program itself
//! or one of its scenarios), the run in progress and the settings typed, kept as plain data
//! for as long as the page lives — so they outlast the forecast tab (switching tabs neither
//! loses a result nor stops a run).
//!
//! The tab that shows them attaches two signals ([`attach`]); the store sets them as a run
//! progresses and ends, and otherwise holds no reactive state.
//!
//! Does not: render anything or compute a forecast (the worker does, through `engine`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use engine::Program;
use engine::forecast::Settings;
use leptos::prelude::*;

use crate::forecast::forecast_run::{Run, RunUpdate};
use crate::forecast::forecast_worker::ForecastResult;

/// Which forecast: (program id, subject), the subject being "" for the program itself or a
/// scenario's id.
pub type Key = (String, String);

/// A finished forecast, and the program it was computed on (to tell when it is stale).
#[derive(Debug)]
pub struct Kept {
    /// What was forecast, e.g. "The program" or "Scenario: Vendor slips".
    pub label: String,
    pub input: Program,
    pub result: ForecastResult,
}

/// The signals of the attached tab.
#[derive(Clone, Copy)]
pub struct Hooks {
    /// (iterations done, in all) while a run goes on.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Bumped when a run ends, fails or is cancelled.
    pub changed: RwSignal<u64>,
}

struct Running {
    id: u32,
    key: Key,
    label: String,
    input: Program,
    progress: (usize, usize),
    worker: Run,
}

#[derive(Default)]
struct Memory {
    kept: HashMap<Key, Arc<Kept>>,
    running: Option<Running>,
    /// The last failure, by program id.
    errors: HashMap<String, String>,
    /// Iterations and seed as last typed.
    settings: Option<(String, String)>,
    last_id: u32,
    hooks: Option<Hooks>,
}

thread_local! {
    static MEMORY: RefCell<Memory> = RefCell::new(Memory::default());
}

/// Connects a tab's signals (replacing an earlier tab's) and sets them to the present state.
pub fn attach(hooks: Hooks) {
    let progress = MEMORY.with_borrow_mut(|m| {
        m.hooks = Some(hooks);
        m.running.as_ref().map(|r| r.progress)
    });
    hooks.progress.set(progress);
}

/// The last result for `key`.
pub fn kept(key: &Key) -> Option<Arc<Kept>> {
    MEMORY.with_borrow(|m| m.kept.get(key).cloned())
}

/// The subjects of a program that have a result, with their labels.
pub fn kept_subjects(program: &str) -> Vec<(String, String)> {
    MEMORY.with_borrow(|m| {
        let mut subjects: Vec<(String, String)> = m
            .kept
            .iter()
            .filter(|((p, _), _)| p == program)
            .map(|((_, s), kept)| (s.clone(), kept.label.clone()))
            .collect();
        subjects.sort();
        subjects
    })
}

/// The last failure of a forecast of `program`.
pub fn error(program: &str) -> Option<String> {
    MEMORY.with_borrow(|m| m.errors.get(program).cloned())
}

pub fn set_error(program: &str, message: Option<String>) {
    MEMORY.with_borrow_mut(|m| match message {
        Some(message) => m.errors.insert(program.to_owned(), message),
        None => m.errors.remove(program),
    });
    notify_changed();
}

/// Iterations and seed as last typed (defaults: 5,000 and 1).
pub fn settings() -> (String, String) {
    MEMORY
        .with_borrow(|m| m.settings.clone())
        .unwrap_or_else(|| {
            let defaults = Settings::default();
            (defaults.iterations.to_string(), defaults.seed.to_string())
        })
}

pub fn remember_settings(iterations: String, seed: String) {
    MEMORY.with_borrow_mut(|m| m.settings = Some((iterations, seed)));
}

/// What is running: its key, if anything.
pub fn running() -> Option<Key> {
    MEMORY.with_borrow(|m| m.running.as_ref().map(|r| r.key.clone()))
}

/// Starts forecasting `input` (an earlier run is stopped first).
pub fn start(key: Key, label: String, input: Program, settings: Settings) -> Result<(), String> {
    cancel();
    let id = MEMORY.with_borrow_mut(|m| {
        m.last_id += 1;
        m.errors.remove(&key.0);
        m.last_id
    });
    let worker = Run::start(id, &input, settings, move |update| on_update(id, update))?;
    let progress = (0, settings.iterations);
    MEMORY.with_borrow_mut(|m| {
        m.running = Some(Running {
            id,
            key,
            label,
            input,
            progress,
            worker,
        });
    });
    set_progress(Some(progress));
    Ok(())
}

/// Stops the run in progress, if any (its workers are terminated).
pub fn cancel() {
    let stopped = MEMORY.with_borrow_mut(|m| m.running.take());
    if stopped.is_some() {
        drop(stopped);
        set_progress(None);
        notify_changed();
        crate::forecast::forecast_run::warm_up();
    }
}

fn on_update(id: u32, update: RunUpdate) {
    match update {
        RunUpdate::Progress { done, total } => {
            let current = MEMORY.with_borrow_mut(|m| match m.running.as_mut() {
                Some(r) if r.id == id => {
                    r.progress = (done, total);
                    true
                }
                _ => false,
            });
            if current {
                set_progress(Some((done, total)));
            }
        }
        RunUpdate::Done(result) => end(id, Ok(*result)),
        RunUpdate::Failed(message) => end(id, Err(message)),
    }
}

/// A run's end: keep its result (or its error) and let its worker go.
fn end(id: u32, outcome: Result<ForecastResult, String>) {
    let finished = MEMORY.with_borrow_mut(|m| {
        if m.running.as_ref().is_none_or(|r| r.id != id) {
            return None;
        }
        let running = m.running.take()?;
        match outcome {
            Ok(result) => {
                let kept = Kept {
                    label: running.label.clone(),
                    input: running.input.clone(),
                    result,
                };
                m.kept.insert(running.key.clone(), Arc::new(kept));
            }
            Err(message) => {
                m.errors.insert(running.key.0.clone(), message);
            }
        }
        Some(running.worker)
    });
    let Some(worker) = finished else {
        return;
    };
    // Not dropped here: this runs inside a worker's message handler, which dropping the
    // run would free while it runs.
    leptos::task::spawn_local(async move { drop(worker) });
    // Shown in a task of its own: reading a large result (in this one) and drawing it
    // together can pass 50 ms, and the page must not block that long.
    set_timeout(
        || {
            set_progress(None);
            notify_changed();
        },
        std::time::Duration::ZERO,
    );
    // The next run's worker, started while the result is read.
    crate::forecast::forecast_run::warm_up();
}

fn hooks() -> Option<Hooks> {
    MEMORY.with_borrow(|m| m.hooks)
}

fn set_progress(progress: Option<(usize, usize)>) {
    if let Some(hooks) = hooks() {
        // The tab may be gone: its signals then are too, and that is fine.
        let _ = hooks.progress.try_set(progress);
    }
}

fn notify_changed() {
    if let Some(hooks) = hooks() {
        let _ = hooks.changed.try_update(|n| *n += 1);
    }
}
