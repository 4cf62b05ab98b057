//! In-browser tests of the forecast worker's side (`planwork_app::forecast::forecast_worker::serve`),
//! called directly rather than in a worker: a request on the example program is answered
//! with progress after each chunk and then the forecast, the same seed gives the same
//! forecast, any seed (a `u64`) gets through, and a plan that cannot be forecast, or a
//! message that is no request, gets a plain message, not a panic.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p planwork-app --test forecast_worker`.

use std::cell::RefCell;

use engine::forecast::Settings;
use planwork_app::forecast::forecast_worker::{
    CHUNK, ForecastResult, Reply, Request, decode, read_request, serve, write_request,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &str = include_str!("../public/examples/platform-migration.planwork.json");

fn replies(request: &Request) -> Vec<Reply> {
    let posted = RefCell::new(Vec::new());
    let message = write_request(request).unwrap();
    serve(&message, &|reply: JsValue| {
        posted.borrow_mut().push(decode(&reply).unwrap())
    });
    posted.into_inner()
}

fn request(iterations: usize, seed: u64) -> Request {
    Request {
        run: 7,
        program: EXAMPLE.to_owned(),
        settings: Settings { iterations, seed },
    }
}

fn result(replies: &[Reply]) -> &ForecastResult {
    match replies.last() {
        Some(Reply::Done { run: 7, result }) => result,
        other => panic!("not a forecast: {other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_request_is_answered_with_progress_then_the_forecast() {
    let replies = replies(&request(1_000, 3));
    let progress: Vec<(usize, usize)> = replies
        .iter()
        .filter_map(|r| match r {
            Reply::Progress {
                run: 7,
                done,
                total,
            } => Some((*done, *total)),
            _ => None,
        })
        .collect();
    assert_eq!(progress.len(), 1_000 / CHUNK);
    assert_eq!(progress.last(), Some(&(1_000, 1_000)));
    let result = result(&replies);
    let forecast = &result.forecast;
    assert_eq!(
        forecast.settings,
        Settings {
            iterations: 1_000,
            seed: 3
        }
    );
    assert!(forecast.finish.p10 <= forecast.finish.p80);
    assert_eq!(result.milestone_names.len(), forecast.milestones.len());
    assert_eq!(result.sensitivity.len(), forecast.milestones.len() + 1);
    assert_eq!(result.tasks.len(), forecast.criticality.len());
    assert!(
        !result.sensitivity[0].is_empty(),
        "the example's finish has drivers"
    );
}

#[wasm_bindgen_test]
fn the_same_seed_gives_the_same_forecast() {
    let a = replies(&request(500, 11));
    let b = replies(&request(500, 11));
    assert_eq!(result(&a), result(&b));
    let c = replies(&request(500, 12));
    assert_ne!(
        result(&a).forecast.criticality,
        result(&c).forecast.criticality
    );
}

#[wasm_bindgen_test]
fn a_plan_that_cannot_be_forecast_is_a_message() {
    let mut bad = request(100, 1);
    bad.program = EXAMPLE.replacen("\"duration\": 5", "\"duration\": -5", 1);
    match replies(&bad).last() {
        Some(Reply::Failed { run: 7, message }) => {
            assert!(
                message.starts_with("The plan cannot be forecast"),
                "{message}"
            )
        }
        other => panic!("not a failure: {other:?}"),
    }
    let mut none = request(0, 1);
    none.program = EXAMPLE.to_owned();
    assert!(
        matches!(replies(&none).last(), Some(Reply::Failed { .. })),
        "0 iterations is refused"
    );
}

/// What `serve` answers to `message`, which is no request.
fn answer_to(message: &JsValue) -> String {
    let posted = RefCell::new(Vec::new());
    serve(message, &|r: JsValue| {
        posted.borrow_mut().push(decode(&r).unwrap())
    });
    match posted.into_inner().as_slice() {
        [Reply::Failed { run: 0, message }] => message.clone(),
        other => panic!("not one failure: {other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_message_that_is_no_request_is_a_message() {
    for message in [
        JsValue::from_str("{not json"),
        JsValue::UNDEFINED,
        js_sys::JSON::parse(r#"{"run": 1, "program": 5}"#).unwrap(),
        js_sys::JSON::parse(r#"{"run": -1, "program": "", "settings": {}}"#).unwrap(),
    ] {
        let said = answer_to(&message);
        assert!(
            said.starts_with("The forecast request could not be read: "),
            "{said}"
        );
    }
    let garbled = decode(&JsValue::from_str("{not json")).unwrap_err();
    assert!(
        garbled.starts_with("The forecast reply could not be read: "),
        "{garbled}"
    );
}

#[wasm_bindgen_test]
fn any_seed_gets_through() {
    let mut largest = request(250, u64::MAX);
    largest.run = 9;
    let back = read_request(&write_request(&largest).unwrap()).unwrap();
    assert_eq!(back.settings.seed, u64::MAX);
    assert_eq!((back.run, back.program), (9, largest.program));
    let replies = replies(&request(250, u64::MAX));
    assert_eq!(result(&replies).forecast.settings.seed, u64::MAX);
}
