//! The page's side of the forecast worker: starts a Web Worker for one run, hands its
//! replies to a callback, and stops it (cancel terminates the worker: it runs synchronously
//! and reads no message while it works).
//!
//! The worker script is `forecast-worker.js` beside the page (written by
//! `scripts/post_build.py`: it imports the app's JavaScript glue), or, in the one-file app,
//! the `blob:` URL the page put in `globalThis.planworkForecastWorker`. Either way the worker
//! is sent this page's `WebAssembly.Module` first, then the request.
//!
//! A worker's start-up (the script, the module instantiated) takes about a tenth of a second,
//! so one is started ahead ([`warm_up`]: when the forecast tab opens and after each run) and
//! kept aside until a run takes it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::forecast::forecast_worker::{Reply, Request, decode, write_request};

/// The worker script served beside `index.html`.
const WORKER_SCRIPT: &str = "forecast-worker.js";
/// Where the one-file app leaves its worker's `blob:` URL.
const BLOB_URL_GLOBAL: &str = "planworkForecastWorker";

/// A worker started ahead, with whether it failed to start (its error came before a run
/// took it and set handlers of its own).
struct Spare {
    worker: Worker,
    failed: Rc<Cell<bool>>,
    _on_error: EventListener,
}

thread_local! {
    static SPARE: RefCell<Option<Spare>> = const { RefCell::new(None) };
}

/// How long after [`warm_up`] the spare worker starts: after what the page is drawing (the
/// tab, a result) is drawn, so that starting it never lengthens that task.
const WARM_UP_DELAY: std::time::Duration = std::time::Duration::from_millis(250);

/// Starts a worker for the next run soon, in a task of its own, unless one is waiting
/// already. Quiet on failure: the run then starts its own and reports why it could not.
pub fn warm_up() {
    leptos::prelude::set_timeout(start_spare, WARM_UP_DELAY);
}

fn start_spare() {
    if SPARE.with_borrow(Option::is_some) {
        return;
    }
    let Ok(worker) = spawn() else {
        return;
    };
    let failed = Rc::new(Cell::new(false));
    let flag = failed.clone();
    let on_error = on_error(&worker, move |_| flag.set(true));
    SPARE.set(Some(Spare {
        worker,
        failed,
        _on_error: on_error,
    }));
}

/// The worker started ahead, if it is sound, else a new one.
fn take_or_spawn() -> Result<Worker, String> {
    match SPARE.take() {
        Some(spare) if !spare.failed.get() => Ok(spare.worker),
        Some(spare) => {
            spare.worker.terminate();
            spawn()
        }
        None => spawn(),
    }
}

/// A new worker, sent this page's module.
fn spawn() -> Result<Worker, String> {
    let (url, kind) = script();
    let options = WorkerOptions::new();
    options.set_type(kind);
    let worker = Worker::new_with_options(&url, &options)
        .map_err(|e| format!("The forecast worker could not start: {}", describe(&e)))?;
    // The worker starts this same module, then takes requests.
    if let Err(error) = worker.post_message(&wasm_bindgen::module()) {
        worker.terminate();
        return Err(format!(
            "The forecast worker could not be reached: {}",
            describe(&error)
        ));
    }
    Ok(worker)
}

/// A forecast running in a worker. Dropping it stops the worker.
pub struct Run {
    worker: Worker,
    _on_message: EventListener,
    _on_error: EventListener,
}

impl Run {
    /// Starts a worker on `request`; `on_reply` gets each reply (a worker that fails to
    /// start or crashes, or a reply that cannot be read, becomes a `Reply::Failed`).
    pub fn start(request: &Request, on_reply: impl Fn(Reply) + 'static) -> Result<Run, String> {
        let message = write_request(request)?;
        let worker = take_or_spawn()?;
        let on_reply = Rc::new(on_reply);
        let run = request.run;
        let replies = on_reply.clone();
        let on_message = EventListener::new(&worker, "message", move |event| {
            let Some(event) = event.dyn_ref::<MessageEvent>() else {
                return;
            };
            replies(decode(&event.data()).unwrap_or_else(|message| Reply::Failed { run, message }));
        });
        let on_error = on_error(&worker, move |event| {
            let detail = event
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(|e| e.message())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "it did not load".to_owned());
            on_reply(Reply::Failed {
                run,
                message: format!("The forecast worker stopped: {detail}"),
            });
        });
        if let Err(error) = worker.post_message(&message) {
            worker.terminate();
            return Err(format!(
                "The forecast worker could not be reached: {}",
                describe(&error)
            ));
        }
        Ok(Run {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }
}

/// Listens to `worker`'s errors, handled here: the browser does not report them again (as
/// an uncaught error in the console).
fn on_error(worker: &Worker, mut handle: impl FnMut(&Event) + 'static) -> EventListener {
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(worker, "error", options, move |event| {
        event.prevent_default();
        handle(event);
    })
}

impl Drop for Run {
    fn drop(&mut self) {
        self.worker.terminate();
    }
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

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
