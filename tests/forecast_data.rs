//! In-browser tests of the forecast tab's data (`planwork_app::forecast::forecast_data`): dates as
//! shown, a forecast turned into the components' data, and the risks section's data and
//! edits. What a forecast runs on is tested natively in `document/tests/forecast_inputs.rs`.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p planwork-app --test forecast_data`.

use chrono::NaiveDate;
use components::RiskChange;
use document::forecast_inputs::PROGRAM;
use engine::edit::Edit;
use engine::forecast::{Settings, Target, forecast};
use engine::risks::RiskField;
use planwork_app::forecast::forecast_data::{
    criticality_rows, day_bins, markers, risk_edits, risk_field, risk_views, short_date,
    summary_rows, tornado_bars,
};
use planwork_app::forecast::forecast_worker::ForecastResult;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &str = include_str!("../public/examples/platform-migration.planwork.json");

#[wasm_bindgen_test]
fn dates_as_shown() {
    let date = NaiveDate::from_ymd_opt(2027, 3, 9).unwrap();
    assert_eq!(short_date(date), "9 Mar 2027");
}

#[wasm_bindgen_test]
fn a_forecast_becomes_rows_bins_markers_and_bars() {
    let doc = planfile::read(EXAMPLE).unwrap();
    let checked = engine::check(&doc.program).unwrap();
    let forecast = forecast(
        &checked,
        &Settings {
            iterations: 300,
            seed: 1,
        },
    )
    .unwrap();
    let sensitivity = vec![forecast.sensitivity().drivers(Target::Finish)];
    let result = ForecastResult {
        milestone_names: forecast.milestones.iter().map(|m| m.id.clone()).collect(),
        tasks: doc
            .program
            .tasks
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect(),
        sensitivity,
        uncertainty: engine::forecast::uncertainty(&checked),
        forecast,
    };
    let rows = summary_rows(&result);
    assert_eq!(rows.len(), 1 + result.forecast.milestones.len());
    assert_eq!(rows[0].key, PROGRAM);
    assert_eq!(rows[0].p80, result.forecast.finish.p80.to_string());
    let bins = day_bins(&result.forecast.finish);
    assert_eq!(bins.iter().map(|b| b.count).sum::<u32>(), 300);
    assert!(bins.windows(2).all(|w| w[0].to < w[1].from));
    let kinds: Vec<String> = markers(&result.forecast.finish)
        .into_iter()
        .map(|m| m.kind)
        .collect();
    assert_eq!(&kinds[..2], ["planned", "p80"]);
    let bars = tornado_bars(&result.sensitivity[0]);
    assert!(!bars.is_empty() && bars.iter().all(|b| b.value.abs() >= 0.01));
    let critical = criticality_rows(&result);
    assert!(
        critical
            .iter()
            .all(|r| r.criticality > 0.0 && r.criticality <= 1.0)
    );
}

#[wasm_bindgen_test]
fn risks_as_shown_and_as_edits() {
    let doc = planfile::read(EXAMPLE).unwrap();
    let views = risk_views(&doc.program);
    assert_eq!(views.len(), 8);
    assert_eq!(views[0].id, "R1");
    assert_eq!(views[0].probability, "30%");
    assert_eq!(views[0].impact, "5–15");
    assert_eq!(views[0].tasks[0].name, "Identity provider federation (SSO)");
    assert_eq!(views[0].tasks[0].workstream, "Identity & Access");

    let add = RiskChange::Add {
        title: "Vendor late".into(),
        probability: "20%".into(),
        impact: "3-8".into(),
    };
    match risk_edits(&doc.program, &add).unwrap().as_slice() {
        [Edit::InsertRisk { index: 8, risk }] => assert_eq!(risk.id, "R9"),
        other => panic!("{other:?}"),
    }
    let refused = RiskChange::Impact {
        risk: "R1".into(),
        text: "9-3".into(),
    };
    assert_eq!(
        risk_edits(&doc.program, &refused).unwrap_err().field,
        RiskField::Impact
    );
    assert_eq!(risk_field(&refused), RiskField::Impact);
    let same = RiskChange::Probability {
        risk: "R1".into(),
        text: "30".into(),
    };
    assert_eq!(risk_edits(&doc.program, &same), Ok(vec![]));
}
