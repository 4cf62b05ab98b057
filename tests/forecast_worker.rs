//! In-browser tests of the forecast workers' side (`planwork_app::forecast::forecast_worker::serve`),
//! called directly rather than in workers, and of the page's merge of their parts: a part is
//! answered with progress after each chunk and then its finishes; a forecast split into
//! parts (as several workers run it) is exactly the forecast of one part, drivers included;
//! the same seed gives the same forecast, any seed (a `u64`) gets through; and a plan that
//! cannot be forecast, a message that is no request, or ranks for iterations the worker does
//! not have get a plain message, not a panic.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p planwork-app --test forecast_worker`.
// One range is one part (a list of one range, not a range of numbers).
#![allow(clippy::single_range_in_vec_init)]

use std::cell::RefCell;
use std::ops::Range;

use engine::forecast::Settings;
use planwork_app::forecast::forecast_worker::{
    Bytes, CHUNK, ForecastResult, MIN_PART, Reply, Request, WireCounts, decode, merge,
    read_request, serve, split, write_request,
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

fn run_request(run: u32, settings: Settings, range: Range<usize>) -> Request {
    Request::Run {
        run,
        program: EXAMPLE.to_owned(),
        settings,
        from: range.start,
        to: range.end,
    }
}

/// A forecast of the example as the page runs it on workers, one per range of `ranges`.
fn forecast(settings: Settings, ranges: &[Range<usize>]) -> Result<ForecastResult, String> {
    let run = 7;
    let mut parts = Vec::new();
    for range in ranges {
        match replies(&run_request(run, settings, range.clone())).pop() {
            Some(Reply::Part { run: 7, part }) => parts.push(part),
            Some(Reply::Failed { message, .. }) => return Err(message),
            other => panic!("not a part: {other:?}"),
        }
    }
    let program = planfile::read(EXAMPLE).unwrap().program;
    let merged = merge(&program, &settings, &parts)?;
    let mut sums = Vec::new();
    for range in ranges {
        match replies(&merged.rank_request(run, range)).pop() {
            Some(Reply::Sums { run: 7, sums: s }) => sums.push(s),
            other => panic!("not sums: {other:?}"),
        }
    }
    merged.finish(&sums)
}

fn settings(iterations: usize, seed: u64) -> Settings {
    Settings { iterations, seed }
}

#[wasm_bindgen_test]
fn a_part_is_answered_with_progress_then_its_finishes() {
    let replies = replies(&run_request(7, settings(2_000, 3), 500..1_500));
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
    match replies.last() {
        Some(Reply::Part { run: 7, part }) => {
            assert_eq!((part.from, part.iterations), (500, 1_000));
        }
        other => panic!("not a part: {other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_forecast_in_parts_is_exactly_the_forecast_in_one() {
    let s = settings(1_000, 3);
    let one = forecast(s, &[0..1_000]).unwrap();
    let forecast_ = &one.forecast;
    assert_eq!(forecast_.settings, s);
    assert!(forecast_.finish.p10 <= forecast_.finish.p80);
    assert_eq!(one.milestone_names.len(), forecast_.milestones.len());
    assert_eq!(one.sensitivity.len(), forecast_.milestones.len() + 1);
    assert_eq!(one.tasks.len(), forecast_.criticality.len());
    assert!(
        !one.sensitivity[0].is_empty(),
        "the example's finish has drivers"
    );
    // Parts of uneven sizes, not aligned with the chunks or the lanes run at once.
    let three = forecast(s, &[0..333, 333..334, 334..1_000]).unwrap();
    assert_eq!(three, one);
}

#[wasm_bindgen_test]
fn the_same_seed_gives_the_same_forecast() {
    let a = forecast(settings(500, 11), &[0..500]).unwrap();
    let b = forecast(settings(500, 11), &[0..250, 250..500]).unwrap();
    assert_eq!(a, b);
    let c = forecast(settings(500, 12), &[0..500]).unwrap();
    assert_ne!(a.forecast.criticality, c.forecast.criticality);
}

#[wasm_bindgen_test]
fn iterations_are_split_among_workers_in_parts_worth_sending() {
    assert_eq!(split(10_000, 2), [0..5_000, 5_000..10_000]);
    assert_eq!(split(10_001, 3), [0..3_333, 3_333..6_667, 6_667..10_001]);
    assert_eq!(split(2 * MIN_PART - 1, 4), [0..2 * MIN_PART - 1]);
    assert_eq!(split(100, 4), [0..100]);
    assert_eq!(split(100, 0), [0..100]);
}

#[wasm_bindgen_test]
fn a_plan_that_cannot_be_forecast_is_a_message() {
    let mut bad = run_request(7, settings(100, 1), 0..100);
    if let Request::Run { program, .. } = &mut bad {
        *program = EXAMPLE.replacen("\"duration\": 5", "\"duration\": -5", 1);
    }
    match replies(&bad).last() {
        Some(Reply::Failed { run: 7, message }) => {
            assert!(
                message.starts_with("The plan cannot be forecast"),
                "{message}"
            )
        }
        other => panic!("not a failure: {other:?}"),
    }
    let none = forecast(settings(0, 1), &[0..0]).unwrap_err();
    assert!(
        none.contains("iterations"),
        "0 iterations is refused: {none}"
    );
}

#[wasm_bindgen_test]
fn ranks_for_iterations_the_worker_does_not_have_are_a_message() {
    let s = settings(1_000, 5);
    let _ = replies(&run_request(8, s, 0..1_000));
    for request in [
        Request::Rank {
            run: 8,
            from: 500,
            counts: WireCounts::default(),
            ranks: Bytes(vec![0; 8]),
        },
        Request::Rank {
            run: 8,
            from: 0,
            counts: WireCounts::default(),
            ranks: Bytes(vec![0; 8]),
        },
    ] {
        match replies(&request).as_slice() {
            [Reply::Failed { run: 8, message }] => {
                assert!(message.contains("forecast"), "{message}")
            }
            other => panic!("not one failure: {other:?}"),
        }
    }
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
        // A forecast request not wrapped as a job, then malformed ones wrapped.
        js_sys::JSON::parse(r#"{"run": {"run": 1, "program": "", "settings": {}}}"#).unwrap(),
        js_sys::JSON::parse(r#"{"forecast": {"run": {"run": 1, "program": 5}}}"#).unwrap(),
        js_sys::JSON::parse(r#"{"forecast": {"run": {"run": -1, "program": "", "settings": {}}}}"#)
            .unwrap(),
        js_sys::JSON::parse(r#"{"forecast": {"rank": {"run": 1, "from": 0, "ranks": [1, 2]}}}"#)
            .unwrap(),
    ] {
        let said = answer_to(&message);
        assert!(
            said.starts_with("The request to the worker could not be read: "),
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
    let largest = run_request(9, settings(250, u64::MAX), 0..250);
    match read_request(&write_request(&largest).unwrap()).unwrap() {
        Request::Run { run, settings, .. } => {
            assert_eq!((run, settings.seed), (9, u64::MAX));
        }
        other => panic!("not a run: {other:?}"),
    }
    let result = forecast(settings(250, u64::MAX), &[0..250]).unwrap();
    assert_eq!(result.forecast.settings.seed, u64::MAX);
}
