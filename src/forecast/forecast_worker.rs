//! The forecast worker: the messages between the page and the Web Worker that runs a Monte
//! Carlo forecast, and the worker's side of them.
//!
//! The worker runs this same wasm module (the page posts it its `WebAssembly.Module`, so the
//! one-file app carries no second binary): `main` sees there is no `window` and calls
//! [`listen`] instead of mounting the app. A [`Request`] carries the program as program-file
//! text (already scenario-applied); the worker checks it, runs [`Simulation`] in chunks of
//! [`CHUNK`] iterations, posting a [`Reply::Progress`] after each, then posts
//! [`Reply::Done`] (or [`Reply::Failed`]). It runs synchronously: the page cancels by
//! terminating the worker. Messages are JavaScript values (`serde-wasm-bindgen`, 64-bit
//! numbers as `BigInt`s so that any seed gets through), cloned by the browser.
//!
//! Does not: touch the DOM or storage, or decide anything the engine decides.

use engine::forecast::{Driver, Forecast, Settings, Simulation, Target, Uncertainty};
use gloo_events::EventListener;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Iterations between two progress reports.
pub const CHUNK: usize = 250;
/// Drivers kept per finish for the tornado chart.
pub const TOP_DRIVERS: usize = 12;

/// What the page asks of the worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Request {
    /// Tells this run's replies from an earlier one's.
    pub run: u32,
    /// The program to forecast, as a program file (`planfile::write`).
    pub program: String,
    pub settings: Settings,
}

/// What the worker answers.
#[derive(Clone, Debug, Serialize, Deserialize)]
// Externally tagged (`{"progress": {…}}`): an internally tagged enum costs the page a
// buffering deserialiser.
#[serde(rename_all = "lowercase")]
pub enum Reply {
    Progress {
        run: u32,
        done: usize,
        total: usize,
    },
    Done {
        run: u32,
        result: Box<ForecastResult>,
    },
    Failed {
        run: u32,
        message: String,
    },
}

/// A finished forecast with what the page needs to show it (the samples stay behind).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForecastResult {
    pub forecast: Forecast,
    /// Each milestone's name, in `forecast.milestones` order.
    pub milestone_names: Vec<String>,
    /// Each task's (id, name), in program order (as `forecast.criticality`).
    pub tasks: Vec<(String, String)>,
    /// The strongest drivers of the program finish, then of each milestone (in
    /// `forecast.milestones` order).
    pub sensitivity: Vec<Vec<Driver>>,
    /// What varied from one iteration to the next (nothing: every iteration was the same).
    pub uncertainty: Uncertainty,
}

/// How messages are written: 64-bit numbers (the seed) as `BigInt`s, which a JavaScript
/// number would round.
const MESSAGES: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);

/// Runs one request (as posted) to the end, calling `post` with each reply (as posted).
pub fn serve(request: &JsValue, post: &dyn Fn(JsValue)) {
    let reply = match read_request(request) {
        Ok(request) => {
            let run = request.run;
            match simulate(&request, post) {
                Ok(result) => Reply::Done {
                    run,
                    result: Box::new(result),
                },
                Err(message) => Reply::Failed { run, message },
            }
        }
        Err(message) => Reply::Failed { run: 0, message },
    };
    post(encode(&reply));
}

/// A request as the value posted to the worker.
pub fn write_request(request: &Request) -> Result<JsValue, String> {
    request
        .serialize(&MESSAGES)
        .map_err(|error| format!("The forecast request could not be sent: {error}"))
}

/// Reads a request posted to the worker.
pub fn read_request(value: &JsValue) -> Result<Request, String> {
    serde_wasm_bindgen::from_value(value.clone())
        .map_err(|error| format!("The forecast request could not be read: {error}"))
}

/// A reply as the value posted (a reply that cannot be written becomes a `Failed` one).
pub fn encode(reply: &Reply) -> JsValue {
    reply.serialize(&MESSAGES).unwrap_or_else(|error| {
        let failed = Reply::Failed {
            run: 0,
            message: format!("The forecast could not be sent: {error}"),
        };
        failed.serialize(&MESSAGES).unwrap_or(JsValue::NULL)
    })
}

/// Reads a reply posted by the worker.
pub fn decode(value: &JsValue) -> Result<Reply, String> {
    serde_wasm_bindgen::from_value(value.clone())
        .map_err(|error| format!("The forecast reply could not be read: {error}"))
}

fn simulate(request: &Request, post: &dyn Fn(JsValue)) -> Result<ForecastResult, String> {
    let document = planfile::read(&request.program)
        .map_err(|error| format!("The plan cannot be forecast:\n{error}"))?;
    let program = &document.program;
    let checked = engine::check(program).map_err(|d| problems(&d))?;
    let uncertainty = engine::forecast::uncertainty(&checked);
    let mut simulation = Simulation::new(&checked, &request.settings).map_err(|d| problems(&d))?;
    loop {
        let (done, total) = simulation.progress();
        if done >= total {
            break;
        }
        simulation.run(CHUNK);
        let (done, total) = simulation.progress();
        post(encode(&Reply::Progress {
            run: request.run,
            done,
            total,
        }));
    }
    let forecast = simulation.finish().map_err(|d| problems(&d))?;
    // Ranked once, correlated with each finish.
    let ranked = forecast.sensitivity();
    let top = |target| {
        let mut drivers = ranked.drivers(target);
        drivers.truncate(TOP_DRIVERS);
        drivers
    };
    let mut sensitivity = vec![top(Target::Finish)];
    sensitivity.extend(
        forecast
            .milestones
            .iter()
            .map(|m| top(Target::Milestone(m.task))),
    );
    Ok(ForecastResult {
        milestone_names: forecast
            .milestones
            .iter()
            .map(|m| {
                program
                    .tasks
                    .get(m.task)
                    .map_or_else(|| m.id.clone(), |t| t.name.clone())
            })
            .collect(),
        tasks: program
            .tasks
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect(),
        sensitivity,
        uncertainty,
        forecast,
    })
}

/// The diagnostics in one message, one line each (the first ten).
fn problems(diagnostics: &engine::Diagnostics) -> String {
    let mut lines: Vec<String> = diagnostics
        .0
        .iter()
        .take(10)
        .map(|d| d.to_string())
        .collect();
    if diagnostics.0.len() > 10 {
        lines.push(format!("… and {} more", diagnostics.0.len() - 10));
    }
    format!("The plan cannot be forecast:\n{}", lines.join("\n"))
}

/// True when this code runs in a worker (no `window`), where the app must not mount.
pub fn in_worker() -> bool {
    web_sys::window().is_none()
}

/// In the worker: answers each request posted to it.
pub fn listen() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post_scope = scope.clone();
    let on_message = EventListener::new(&scope, "message", move |event| {
        let post = |reply: JsValue| {
            // Posting a clonable value cannot fail short of the worker being gone.
            let _ = post_scope.post_message(&reply);
        };
        let request = event
            .dyn_ref::<web_sys::MessageEvent>()
            .map_or(JsValue::UNDEFINED, |e| e.data());
        serve(&request, &post);
    });
    // The handler lives as long as the worker.
    on_message.forget();
}
