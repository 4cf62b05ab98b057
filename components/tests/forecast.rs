//! In-browser tests of the forecast tab's components: each is mounted alone with test data
//! and callbacks, and checked through the DOM (and SVG) it renders.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p components`.

use components::{
    CompareRow, CriticalityRow, CriticalityTable, DayBin, DayMarker, ForecastActions,
    ForecastCompare, ForecastControls, ForecastRow, ForecastSummary, HistogramChart, SCurveChart,
    TornadoBar, TornadoChart,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{click, container, count, texts};

fn attr(root: &web_sys::HtmlElement, selector: &str, name: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .get_attribute(name)
        .unwrap_or_default()
}

fn bins() -> Vec<DayBin> {
    vec![
        DayBin {
            from: 100,
            to: 101,
            count: 5,
            label: "1 Mar".into(),
        },
        DayBin {
            from: 102,
            to: 103,
            count: 20,
            label: "3 Mar".into(),
        },
        DayBin {
            from: 104,
            to: 105,
            count: 10,
            label: "5 Mar".into(),
        },
        DayBin {
            from: 106,
            to: 107,
            count: 5,
            label: "7 Mar".into(),
        },
    ]
}

fn markers() -> Vec<DayMarker> {
    vec![
        DayMarker {
            at: 101,
            label: "Planned 2 Mar".into(),
            kind: "planned".into(),
        },
        DayMarker {
            at: 110,
            label: "Deadline 11 Mar".into(),
            kind: "deadline".into(),
        },
    ]
}

fn row(key: &str, name: &str, on_time: Option<f64>) -> ForecastRow {
    ForecastRow {
        key: key.into(),
        name: name.into(),
        deterministic: "2026-03-02".into(),
        p10: "2026-03-01".into(),
        p50: "2026-03-04".into(),
        p80: "2026-03-06".into(),
        p90: "2026-03-07".into(),
        mean: "2026-03-04".into(),
        committed: on_time.map(|_| "2026-03-11".into()),
        on_time,
    }
}

#[wasm_bindgen_test]
async fn summary_lists_every_finish_and_selects_one() {
    let root = container();
    let picked = RwSignal::new(String::new());
    let rows = vec![
        row("", "Program finish", None),
        row("m1", "Go live", Some(0.42)),
    ];
    let handle = mount_to(root.clone(), move || {
        view! {
            <ForecastSummary
                rows=Signal::stored(rows)
                selected=picked
                on_select=Callback::new(move |k: String| picked.set(k))
            />
        }
    });
    tick().await;
    assert_eq!(texts(&root, "tbody th"), ["Program finish", "Go live"]);
    assert_eq!(
        texts(&root, "tr[data-finish='m1'] td[data-col='p80']"),
        ["2026-03-06"]
    );
    assert_eq!(
        texts(&root, "tr[data-finish='m1'] td[data-col='on-time']"),
        ["42% by 2026-03-11"]
    );
    assert_eq!(
        texts(&root, "tr[data-finish=''] td[data-col='on-time']"),
        ["no deadline"]
    );
    assert_eq!(
        count(&root, ".forecast-risky"),
        1,
        "under 50% on time is flagged"
    );
    click(&root, "tr[data-finish='m1'] button");
    tick().await;
    assert_eq!(picked.get_untracked(), "m1");
    assert_eq!(count(&root, "tr.selected[data-finish='m1']"), 1);
    drop(handle);
}

#[wasm_bindgen_test]
async fn histogram_draws_a_bar_per_bin_scaled_to_the_tallest() {
    let root = container();
    let handle = mount_to(root.clone(), move || {
        view! { <HistogramChart title="Histogram of Launch" bins=bins() markers=markers() /> }
    });
    tick().await;
    assert_eq!(count(&root, "rect.chart-bar"), 4);
    let heights: Vec<f64> = (0..4)
        .map(|i| {
            let rect = root
                .query_selector_all("rect.chart-bar")
                .unwrap()
                .item(i)
                .unwrap();
            rect.unchecked_into::<web_sys::Element>()
                .get_attribute("height")
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(
        (heights[1] - 2.0 * heights[2]).abs() < 0.01,
        "20 is twice 10: {heights:?}"
    );
    assert!(heights[1] > heights[0]);
    assert_eq!(
        texts(&root, ".chart-marker text"),
        ["Planned 2 Mar", "Deadline 11 Mar"]
    );
    assert_eq!(count(&root, ".chart-marker-deadline"), 1);
    let labels = texts(&root, ".chart-axis-label");
    assert!(
        labels.contains(&"Finish date".to_owned()) && labels.contains(&"Iterations".to_owned())
    );
    assert_eq!(attr(&root, "svg", "aria-label"), "Histogram of Launch");
    drop(handle);
}

#[wasm_bindgen_test]
async fn s_curve_climbs_to_one_hundred_percent() {
    let root = container();
    let handle = mount_to(root.clone(), move || {
        view! { <SCurveChart title="S-curve of Launch" bins=bins() markers=markers() /> }
    });
    tick().await;
    let points = attr(&root, "polyline.chart-curve", "points");
    let ys: Vec<f64> = points
        .split(' ')
        .map(|p| p.split(',').nth(1).unwrap().parse().unwrap())
        .collect();
    assert_eq!(
        ys.len(),
        7,
        "the axis start, the first bin start, one per bin, the axis end"
    );
    assert!(
        ys.windows(2).all(|w| w[1] <= w[0]),
        "the curve never falls: {ys:?}"
    );
    assert!(texts(&root, ".chart-tick").contains(&"80%".to_owned()));
    assert!(texts(&root, ".chart-tick").contains(&"100%".to_owned()));
    drop(handle);
}

#[wasm_bindgen_test]
async fn tornado_draws_bars_either_side_of_zero() {
    let root = container();
    let bars = vec![
        TornadoBar {
            label: "Build backend".into(),
            kind: "task".into(),
            value: 0.8,
        },
        TornadoBar {
            label: "Vendor late".into(),
            kind: "risk".into(),
            value: 0.4,
        },
        TornadoBar {
            label: "Tests".into(),
            kind: "task".into(),
            value: -0.1,
        },
    ];
    let handle = mount_to(root.clone(), move || {
        view! { <TornadoChart title="Sensitivity" bars=bars /> }
    });
    tick().await;
    assert_eq!(count(&root, "rect.tornado-bar"), 3);
    assert_eq!(count(&root, "rect.tornado-risk"), 1);
    let labels = texts(&root, ".tornado-label");
    assert_eq!(labels, ["Build backend", "Vendor late (risk)", "Tests"]);
    let x = |i: u32| -> (f64, f64) {
        let el: web_sys::Element = root
            .query_selector_all("rect.tornado-bar")
            .unwrap()
            .item(i)
            .unwrap()
            .unchecked_into();
        let x: f64 = el.get_attribute("x").unwrap().parse().unwrap();
        let w: f64 = el.get_attribute("width").unwrap().parse().unwrap();
        (x, w)
    };
    let (x0, w0) = x(0);
    let (x2, w2) = x(2);
    assert!((x0 - (x2 + w2)).abs() < 0.01, "both bars meet at zero");
    assert!(
        (w0 - 8.0 * w2).abs() < 0.01,
        "widths are proportional: {w0} {w2}"
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn tornado_without_drivers_says_so() {
    let root = container();
    let handle = mount_to(
        root.clone(),
        move || view! { <TornadoChart title="Sensitivity" bars=vec![] /> },
    );
    tick().await;
    assert_eq!(count(&root, "svg"), 0);
    assert_eq!(count(&root, "[data-empty='tornado']"), 1);
    drop(handle);
}

#[wasm_bindgen_test]
async fn criticality_sorts_by_share_or_by_name_and_keeps_the_top() {
    let root = container();
    let rows = vec![
        CriticalityRow {
            id: "a".into(),
            name: "Zeta".into(),
            criticality: 0.3,
        },
        CriticalityRow {
            id: "b".into(),
            name: "Alpha".into(),
            criticality: 1.0,
        },
        CriticalityRow {
            id: "c".into(),
            name: "Mid".into(),
            criticality: 0.6,
        },
    ];
    let handle = mount_to(root.clone(), move || {
        view! { <CriticalityTable rows=Signal::stored(rows) limit=2 /> }
    });
    tick().await;
    assert_eq!(
        texts(&root, ".criticality-value"),
        ["100%", "60%"],
        "top two, most critical first"
    );
    click(&root, "button[data-sort='name']");
    tick().await;
    assert_eq!(
        texts(&root, "tbody tr td:first-child"),
        ["b Alpha", "c Mid"]
    );
    click(&root, "button[data-sort='criticality']");
    tick().await;
    assert_eq!(texts(&root, ".criticality-value"), ["100%", "60%"]);
    drop(handle);
}

#[wasm_bindgen_test]
async fn controls_run_cancel_and_show_progress() {
    let root = container();
    let log = RwSignal::new(Vec::<String>::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let note = move |what: String| log.update(|l| l.push(what));
    let actions = ForecastActions {
        run: Callback::new(move |()| note("run".into())),
        cancel: Callback::new(move |()| note("cancel".into())),
        set_iterations: Callback::new(move |v: String| note(format!("iterations {v}"))),
        set_seed: Callback::new(move |v: String| note(format!("seed {v}"))),
        set_subject: Callback::new(move |v: String| note(format!("subject {v}"))),
    };
    let subjects = vec![
        (String::new(), "The program".to_owned()),
        ("s1".to_owned(), "Scenario: Late".to_owned()),
    ];
    let handle = mount_to(root.clone(), move || {
        view! {
            <ForecastControls
                iterations=Signal::stored("5000".to_owned())
                seed=Signal::stored("7".to_owned())
                subjects=Signal::stored(subjects)
                subject=Signal::stored(String::new())
                progress=progress
                actions=actions
            />
        }
    });
    tick().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector("input[name='iterations']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "5000");
    assert_eq!(texts(&root, "option"), ["The program", "Scenario: Late"]);
    assert_eq!(count(&root, "progress"), 0);
    click(&root, "button[data-action='run-forecast']");
    progress.set(Some((1250, 5000)));
    tick().await;
    assert_eq!(
        texts(&root, ".forecast-progress-text"),
        ["1,250 of 5,000 iterations"]
    );
    assert!(input.disabled(), "settings are locked while running");
    click(&root, "button[data-action='cancel-forecast']");
    tick().await;
    assert_eq!(log.get_untracked(), ["run", "cancel"]);
    drop(handle);
}

#[wasm_bindgen_test]
async fn compare_shows_deltas_or_asks_for_two_forecasts() {
    let root = container();
    let options = RwSignal::new(vec![(String::new(), "The program".to_owned())]);
    let rows = vec![CompareRow {
        name: "Program finish".into(),
        a_p50: Some("2026-03-04".into()),
        b_p50: Some("2026-03-09".into()),
        delta_p50: Some(5),
        a_p80: Some("2026-03-06".into()),
        b_p80: Some("2026-03-05".into()),
        delta_p80: Some(-1),
    }];
    let handle = mount_to(root.clone(), move || {
        view! {
            <ForecastCompare
                options=options
                a=Signal::stored(String::new())
                b=Signal::stored("s1".to_owned())
                on_a=Callback::new(|_: String| {})
                on_b=Callback::new(|_: String| {})
                rows=Signal::stored(rows)
            />
        }
    });
    tick().await;
    assert_eq!(count(&root, "table"), 0);
    assert!(texts(&root, ".section-hint")[0].contains("compare"));
    options.set(vec![
        (String::new(), "The program".to_owned()),
        ("s1".to_owned(), "Scenario: Late".to_owned()),
    ]);
    tick().await;
    assert_eq!(texts(&root, "td[data-col='delta-p50']"), ["+5 days"]);
    assert_eq!(texts(&root, "td[data-col='delta-p80']"), ["−1 day"]);
    assert_eq!(count(&root, ".delta-later"), 1);
    drop(handle);
}
