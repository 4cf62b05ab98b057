//! "What does each mitigation buy?": the forecasts behind it run in a Web Worker (one more
//! forecast than there are risks with values after mitigation: `engine::logs::impact::
//! mitigation_values`), the page free meanwhile. The worker's side ([`serve`]) and the
//! page's ([`start`]): the program sent as program-file text, the values (or why there are
//! none) back, the worker terminated.
//!
//! Does not: forecast by itself (the engine does, in the worker).

use std::cell::RefCell;

use engine::forecast::Settings;
use engine::logs::impact::{MitigationValue, mitigation_values};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::worker::{Job, MESSAGES, OneJob, post_to_page};

/// Iterations of each forecast: enough for P50 and P80 to settle on a plan of a few
/// hundred tasks, few enough that ten risks take a second or two.
const ITERATIONS: usize = 2_000;

/// What the page asks.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Request {
    pub program: String,
    pub settings: Settings,
}

/// What the worker answers: the values, most first, or why there are none.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Reply {
    pub values: Result<Vec<MitigationValue>, String>,
}

/// In the worker: runs the forecasts and posts the reply.
pub fn serve(request: Request) {
    let values = planfile::read(&request.program)
        .map_err(|e| format!("The plan cannot be forecast:\n{e}"))
        .and_then(|doc| {
            mitigation_values(&doc.program, &request.settings).map_err(|d| document::describe(&d))
        });
    let reply = Reply { values };
    let value = reply
        .serialize(&MESSAGES)
        .unwrap_or(wasm_bindgen::JsValue::NULL);
    post_to_page(&value);
}

/// Where the page's question stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Values {
    #[default]
    None,
    Running,
    Done(Vec<MitigationValue>),
    Failed(String),
}

thread_local! {
    static CURRENT: RefCell<Option<OneJob>> = const { RefCell::new(None) };
}

/// Asks what mitigating each risk of `program` buys; `state` follows.
pub fn start(program: &engine::Program, state: RwSignal<Values>) {
    let request = Job::Mitigation(Request {
        program: planfile::write(&planfile::Document::new(program.clone())),
        settings: Settings {
            iterations: ITERATIONS,
            seed: 1,
        },
    });
    match launch(&request, state) {
        Ok(running) => {
            CURRENT.with_borrow_mut(|c| *c = Some(running));
            state.set(Values::Running);
        }
        Err(why) => state.set(Values::Failed(why)),
    }
}

fn launch(request: &Job, state: RwSignal<Values>) -> Result<OneJob, String> {
    let on_reply = move |data| {
        let reply: Result<Reply, String> =
            serde_wasm_bindgen::from_value(data).map_err(|e| e.to_string());
        state.set(match reply.and_then(|r| r.values) {
            Ok(values) => Values::Done(values),
            Err(why) => Values::Failed(why),
        });
        end();
    };
    let on_stopped = move |why| {
        state.set(Values::Failed(format!(
            "The forecast worker stopped: {why}"
        )));
        end();
    };
    OneJob::start(request, on_reply, on_stopped)
}

/// The worker let go (after the listener that called this returns).
fn end() {
    if let Some(done) = CURRENT.with_borrow_mut(Option::take) {
        done.end();
    }
}
