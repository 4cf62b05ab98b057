//! The app's Web Workers: starting one (with this page's own wasm module), the workers
//! started ahead and kept aside, and, in a worker, which job a message is for.
//!
//! A worker runs this same wasm module (the page posts it its `WebAssembly.Module`, so the
//! one-file app carries no second binary): `main` sees there is no `window` and calls
//! [`listen`] instead of mounting the app. Each request is a [`Job`]: a forecast's part
//! ([`crate::forecast::forecast_worker`]) or a leveling run
//! ([`crate::load::leveling_worker`]).
//!
//! The worker script is `forecast-worker.js` beside the page (written by
//! `scripts/post_build.py`: it imports the app's JavaScript glue), or, in the one-file app,
//! the `blob:` URL the page put in `globalThis.planworkForecastWorker`.
//!
//! Does not: decide anything a job computes, or touch the DOM or storage.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Event, Worker, WorkerOptions, WorkerType};

use crate::forecast::forecast_worker;
use crate::load::leveling_worker;

/// The worker script served beside `index.html`.
const WORKER_SCRIPT: &str = "forecast-worker.js";
/// Where the one-file app leaves its worker's `blob:` URL.
const BLOB_URL_GLOBAL: &str = "planworkForecastWorker";

/// What a message posted to a worker asks.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Job {
    Forecast(forecast_worker::Request),
    Level(leveling_worker::Request),
    /// What mitigating each risk buys (forecasts of the program, one risk mitigated each).
    Mitigation(crate::logs::mitigation_job::Request),
}

/// How messages are written: 64-bit numbers (a seed) as `BigInt`s, which a JavaScript
/// number would round.
pub const MESSAGES: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);

/// A job as the value posted to a worker.
pub fn write_job(job: &Job) -> Result<JsValue, String> {
    job.serialize(&MESSAGES)
        .map_err(|error| format!("The request to the worker could not be sent: {error}"))
}

/// Reads a job posted to a worker.
pub fn read_job(value: &JsValue) -> Result<Job, String> {
    serde_wasm_bindgen::from_value(value.clone())
        .map_err(|error| format!("The request to the worker could not be read: {error}"))
}

/// True when this code runs in a worker (no `window`), where the app must not mount.
pub fn in_worker() -> bool {
    web_sys::window().is_none()
}

/// Posts `value` to the page (in a worker). Posting a clonable value cannot fail short of
/// the worker being gone.
pub fn post_to_page(value: &JsValue) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(value);
}

/// In the worker: answers each job posted to it.
pub fn listen() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = EventListener::new(&scope, "message", move |event| {
        let data = event
            .dyn_ref::<web_sys::MessageEvent>()
            .map_or(JsValue::UNDEFINED, |e| e.data());
        match read_job(&data) {
            Ok(Job::Forecast(request)) => {
                forecast_worker::serve_request(request, &|reply| post_to_page(&reply));
            }
            Ok(Job::Level(request)) => leveling_worker::serve(request),
            Ok(Job::Mitigation(request)) => crate::logs::mitigation_job::serve(request),
            Err(message) => {
                post_to_page(&forecast_worker::encode(&forecast_worker::Reply::Failed {
                    run: 0,
                    message,
                }))
            }
        }
    });
    // The handler lives as long as the worker.
    on_message.forget();
}

/// A job on a worker of its own (a leveling run, the mitigation values): the worker is
/// terminated when this is dropped.
pub struct OneJob {
    worker: Worker,
    _listeners: [EventListener; 2],
}

impl OneJob {
    /// Starts `job` on a worker (a spare if one waits): `on_reply` gets each value the
    /// worker posts, `on_stopped` why the worker stopped (it crashed, or did not load).
    pub fn start(
        job: &Job,
        mut on_reply: impl FnMut(JsValue) + 'static,
        mut on_stopped: impl FnMut(String) + 'static,
    ) -> Result<OneJob, String> {
        let message = write_job(job)?;
        let worker = take_or_spawn()?;
        let on_message = EventListener::new(&worker, "message", move |event| {
            if let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() {
                on_reply(event.data());
            }
        });
        let on_error = on_error(&worker, move |event| on_stopped(error_detail(event)));
        let running = OneJob {
            worker,
            _listeners: [on_message, on_error],
        };
        running.post(message)?;
        Ok(running)
    }

    /// Posts `job` to the worker (a Stop to a leveling run, say).
    pub fn send(&self, job: &Job) -> Result<(), String> {
        self.post(write_job(job)?)
    }

    fn post(&self, message: JsValue) -> Result<(), String> {
        self.worker
            .post_message(&message)
            .map_err(|error| format!("The worker could not be reached: {}", describe(&error)))
    }

    /// Stops the worker now and lets this go once the listener that may be calling returns
    /// (a listener cannot be dropped from inside its own call).
    pub fn end(self) {
        self.worker.terminate();
        leptos::prelude::set_timeout(move || drop(self), std::time::Duration::ZERO);
    }
}

impl Drop for OneJob {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// A worker started ahead, with whether it failed to start (its error came before a run
/// took it and set handlers of its own).
struct Spare {
    worker: Worker,
    failed: Rc<Cell<bool>>,
    _on_error: EventListener,
}

thread_local! {
    static SPARES: RefCell<Vec<Spare>> = const { RefCell::new(Vec::new()) };
}

/// Starts workers until `count` wait aside. Quiet on failure: the run that needs one then
/// starts its own and reports why it could not.
pub fn start_spares(count: usize) {
    let missing = count.saturating_sub(SPARES.with_borrow(Vec::len));
    for _ in 0..missing {
        let Ok(worker) = spawn() else {
            return;
        };
        let failed = Rc::new(Cell::new(false));
        let flag = failed.clone();
        let on_error = on_error(&worker, move |_| flag.set(true));
        SPARES.with_borrow_mut(|spares| {
            spares.push(Spare {
                worker,
                failed,
                _on_error: on_error,
            })
        });
    }
}

/// A worker started ahead, if one is sound, else a new one.
pub fn take_or_spawn() -> Result<Worker, String> {
    while let Some(spare) = SPARES.with_borrow_mut(Vec::pop) {
        if !spare.failed.get() {
            return Ok(spare.worker);
        }
        spare.worker.terminate();
    }
    spawn()
}

/// A new worker, sent this page's module.
fn spawn() -> Result<Worker, String> {
    let (url, kind) = script();
    let options = WorkerOptions::new();
    options.set_type(kind);
    let worker = Worker::new_with_options(&url, &options)
        .map_err(|e| format!("The worker could not start: {}", describe(&e)))?;
    // The worker starts this same module, then takes requests.
    if let Err(error) = worker.post_message(&wasm_bindgen::module()) {
        worker.terminate();
        return Err(format!(
            "The worker could not be reached: {}",
            describe(&error)
        ));
    }
    Ok(worker)
}

/// Listens to `worker`'s errors, handled here: the browser does not report them again (as
/// an uncaught error in the console).
pub fn on_error(worker: &Worker, mut handle: impl FnMut(&Event) + 'static) -> EventListener {
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(worker, "error", options, move |event| {
        event.prevent_default();
        handle(event);
    })
}

/// What a worker's error event says, or that it did not load.
pub fn error_detail(event: &Event) -> String {
    event
        .dyn_ref::<web_sys::ErrorEvent>()
        .map(|e| e.message())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "it did not load".to_owned())
}

/// The worker's script and its kind: the one-file app's blob (a classic script: Chromium
/// starts no module worker from `blob:` on a `file://` page), else the served module.
fn script() -> (String, WorkerType) {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(BLOB_URL_GLOBAL))
        .ok()
        .and_then(|url| url.as_string())
        .map_or_else(
            || (WORKER_SCRIPT.to_owned(), WorkerType::Module),
            |url| (url, WorkerType::Classic),
        )
}

/// A JavaScript error's message.
pub fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
