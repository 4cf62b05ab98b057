//! The forecast tab: runs a Monte Carlo forecast of the open program, or of one of its
//! scenarios, in a Web Worker ([`crate::forecast::forecast_store`]) and shows the last result of each:
//! the dates table, the chosen finish's histogram, S-curve and tornado chart, the tasks most
//! often critical, and two forecasts compared. A result computed on a plan that has changed
//! since is marked stale. When nothing in the plan is uncertain it says so (and what to
//! add) instead of drawing charts of identical iterations. Below, the program's risks are
//! edited (each change one undoable [`Editor::act`]).
//!
//! Does not: compute anything the engine computes; it turns results into the components'
//! plain data.

use std::sync::Arc;

use components::{
    CriticalityTable, ForecastActions, ForecastCompare, ForecastControls, ForecastSummary,
    HistogramChart, Notice, NoticeKind, RiskChange, RisksPanel, SCurveChart, TornadoChart,
};
use engine::risks::Refusal;
use leptos::prelude::*;
use planfile::Document;

use crate::editor::{Editor, describe};
use crate::forecast::forecast_data::{
    compare_rows, criticality_rows, day_bins, markers, risk_edits, risk_field, risk_views,
    summary_rows, task_choices, tornado_bars,
};
use crate::forecast::forecast_store::{self as store, Hooks, Kept};
use crate::forecast::forecast_worker::ForecastResult;
use document::forecast_inputs::{
    PROGRAM, is_stale, settings, subject_program, subject_uncertainty, subjects_of,
};

/// The forecast tab's content.
#[component]
pub fn ForecastPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let doc = editor.doc;
    let hooks = Hooks {
        progress: RwSignal::new(None),
        changed: RwSignal::new(0),
    };
    store::attach(hooks);
    // A worker started now saves the first run its start-up.
    crate::forecast::forecast_run::warm_up();
    let (iterations_text, seed_text) = store::settings();
    let iterations = RwSignal::new(iterations_text);
    let seed = RwSignal::new(seed_text);
    // What to forecast: what runs, else the scenario the plan view shows (if it still exists).
    let shown_scenario = editor
        .derived
        .with_untracked(|v| v.scenario_id().map(str::to_owned));
    let subject =
        RwSignal::new(store::running().map_or_else(|| shown_scenario.unwrap_or_default(), |k| k.1));
    let finish = RwSignal::new(PROGRAM.to_owned());
    let compare = (RwSignal::new(String::new()), RwSignal::new(String::new()));

    let program_id =
        Memo::new(move |_| doc.with(|d| d.as_ref().and_then(|d| d.id.clone()).unwrap_or_default()));
    let subjects =
        Memo::new(move |_| doc.with(|d| d.as_ref().map(subjects_of).unwrap_or_default()));
    let key = move || (program_id.get(), subject.get());
    let kept = Signal::derive(move || {
        hooks.changed.track();
        store::kept(&key())
    });
    let stale = Signal::derive(move || {
        let subject = subject.get();
        kept.with(|k| {
            k.as_ref().is_some_and(|k| {
                doc.with(|d| d.as_ref().is_none_or(|d| is_stale(d, &subject, &k.input)))
            })
        })
    });
    let error = Signal::derive(move || {
        hooks.changed.track();
        store::error(&program_id.get())
    });
    // Whether the chosen subject has anything uncertain, before any run. Run stays allowed
    // when it has not: a run of a certain plan is quick and gives its dates (P10 = P90),
    // which a comparison with a scenario that is uncertain still needs, and a disabled
    // button would not say what to do about it; the message does.
    let certain = Memo::new(move |_| {
        let subject = subject.get();
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| subject_uncertainty(d, &subject))
                .is_some_and(|u| u.is_none())
        })
    });

    let run = move || {
        let (pid, subject) = (program_id.get_untracked(), subject.get_untracked());
        let typed = (iterations.get_untracked(), seed.get_untracked());
        store::remember_settings(typed.0.clone(), typed.1.clone());
        let started = doc.with_untracked(|d| match d {
            Some(d) => start(d, &pid, &subject, &typed),
            None => Err("No program is open.".to_owned()),
        });
        if let Err(message) = started {
            store::set_error(&pid, Some(message));
        }
    };
    let actions = ForecastActions {
        run: Callback::new(move |()| run()),
        cancel: Callback::new(move |()| store::cancel()),
        set_iterations: Callback::new(move |text: String| iterations.set(text)),
        set_seed: Callback::new(move |text: String| seed.set(text)),
        set_subject: Callback::new(move |key: String| subject.set(key)),
    };
    let subject_options = Signal::from(subjects);

    let error_view = move || {
        error.get().map(|message| {
            view! { <Notice kind=NoticeKind::Error title="The forecast did not run" message=message /> }
        })
    };
    let result_view = move || match kept.get() {
        None if certain.get() => nothing_uncertain(false).into_any(),
        None => view! {
            <p class="section-hint" data-state="no-forecast">
                "No forecast yet. Tasks with a three-point estimate and the program's risks make "
                "the dates uncertain: Run forecast simulates the plan as many times as the "
                "iterations say and shows how likely each date is."
            </p>
        }
        .into_any(),
        Some(kept) => results(kept, stale, finish).into_any(),
    };
    let compare_view = move || {
        hooks.changed.track();
        compare_section(program_id.get(), compare)
    };
    view! {
        <section class="forecast-panel" data-panel="forecast">
            <ForecastControls
                iterations=iterations
                seed=seed
                subjects=subject_options
                subject=subject
                progress=hooks.progress
                actions=actions
            />
            {error_view}
            {result_view}
            {compare_view}
            <RisksSection />
        </section>
    }
}

/// Says that every iteration gives the same dates, and what to add for a forecast worth
/// having: estimates in the plan grid, or risks below. `ran`: after a run (its dates are in
/// the table above), else before one.
fn nothing_uncertain(ran: bool) -> impl IntoView {
    let dates = if ran {
        "Every iteration gave the same dates (in the table), so there is no spread to chart."
    } else {
        "Every iteration would give the same dates; Run forecast still shows them."
    };
    view! {
        <div class="forecast-certain" data-state="nothing-uncertain" role="status">
            <p class="forecast-certain-title">"Nothing in this plan is uncertain"</p>
            <p>
                "No task still to do has a three-point estimate, and no risk can delay one. "
                {dates}
            </p>
            <p>
                "To see how likely each date is, give tasks an estimate in the Plan grid’s "
                <strong>"Estimate"</strong>
                " column (optimistic/likely/pessimistic working days, such as 5/8/15), or add "
                <strong>"risks"</strong>
                " below."
            </p>
        </div>
    }
}

/// The program's risks: listed, edited in place and added, each change one undoable step.
#[component]
fn RisksSection() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let doc = editor.doc;
    let risks = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| risk_views(&d.program))
                .unwrap_or_default()
        })
    });
    let choices = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| task_choices(&d.program))
                .unwrap_or_default()
        })
    });
    let change = Callback::new(move |asked: RiskChange| -> Result<(), Refusal> {
        let edits = doc.with_untracked(|d| match d {
            Some(d) => risk_edits(&d.program, &asked),
            None => Err(Refusal {
                field: risk_field(&asked),
                message: "No program is open.".to_owned(),
            }),
        })?;
        if edits.is_empty() {
            return Ok(());
        }
        // Risks belong to the program, also while the plan view shows a scenario.
        editor.act(edits).map_err(|d| Refusal {
            field: risk_field(&asked),
            message: describe(&d),
        })
    });
    view! { <RisksPanel risks=risks choices=choices change=change /> }
}

/// Starts forecasting `subject` of `doc` with the settings typed (iterations, seed).
fn start(
    doc: &Document,
    program: &str,
    subject: &str,
    typed: &(String, String),
) -> Result<(), String> {
    let settings = settings(&typed.0, &typed.1)?;
    let (input, label) = subject_program(doc, subject).ok_or("This scenario no longer exists.")?;
    store::start(
        (program.to_owned(), subject.to_owned()),
        label,
        input,
        settings,
    )
}

/// A result: its heading, the dates table, the chosen finish's charts and criticality.
fn results(kept: Arc<Kept>, stale: Signal<bool>, finish: RwSignal<String>) -> impl IntoView {
    let result = &kept.result;
    let settings = result.forecast.settings;
    let rows = summary_rows(result);
    let stale_view = move || {
        stale.get().then(|| {
            view! {
                <p class="forecast-stale" data-state="stale" role="status">
                    <strong>"Stale"</strong>
                    " — the plan has changed since this forecast was run. Run it again for current dates."
                </p>
            }
        })
    };
    let charts = {
        let kept = kept.clone();
        move || finish_charts(&kept.result, &finish.get())
    };
    let crit = criticality_rows(result);
    let spread = (!result.uncertainty.is_none()).then(|| {
        view! {
            {charts}
            <h4>"Most often critical"</h4>
            <p class="section-hint">"The share of iterations in which each task was on the critical path."</p>
            <CriticalityTable rows=Signal::stored(crit) limit=20 />
        }
    });
    let certain = result
        .uncertainty
        .is_none()
        .then(|| nothing_uncertain(true));
    view! {
        <div class="forecast-result" data-state=move || if stale.get() { "stale" } else { "current" }>
            <h3 class="forecast-heading">
                {kept.label.clone()}
                <span class="forecast-settings">
                    {format!(
                    " — {} {}, seed {}",
                    engine::words::thousands(settings.iterations),
                    if settings.iterations == 1 { "iteration" } else { "iterations" },
                    settings.seed
                )}
                </span>
            </h3>
            {stale_view}
            <ForecastSummary
                rows=Signal::stored(rows)
                selected=finish
                on_select=Callback::new(move |key: String| finish.set(key))
            />
            {certain}
            {spread}
        </div>
    }
}

/// The histogram, S-curve and tornado of the chosen finish (the program's if it is gone).
fn finish_charts(result: &ForecastResult, chosen: &str) -> impl IntoView + use<> {
    let forecast = &result.forecast;
    let at = forecast.milestones.iter().position(|m| m.id == chosen);
    let (name, outcome, drivers) = match at {
        Some(k) => (
            result.milestone_names.get(k).cloned().unwrap_or_default(),
            &forecast.milestones[k].outcome,
            result.sensitivity.get(k + 1),
        ),
        None => (
            "Program finish".to_owned(),
            &forecast.finish,
            result.sensitivity.first(),
        ),
    };
    let bins = day_bins(outcome);
    let markers = markers(outcome);
    let bars = drivers.map(|d| tornado_bars(d)).unwrap_or_default();
    view! {
        <div class="forecast-charts" data-finish=chosen.to_owned()>
            <figure>
                <figcaption>{format!("{name}: finish dates over all iterations")}</figcaption>
                <HistogramChart title=format!("Histogram of {name}") bins=bins.clone() markers=markers.clone() />
            </figure>
            <figure>
                <figcaption>{format!("{name}: chance of finishing by each date")}</figcaption>
                <SCurveChart title=format!("S-curve of {name}") bins=bins markers=markers />
            </figure>
            <figure class="forecast-tornado">
                <figcaption>{format!("What drives {name} (tasks and risks, strongest first)")}</figcaption>
                <TornadoChart title=format!("Sensitivity of {name}") bars=bars />
            </figure>
        </div>
    }
}

/// Two kept forecasts of this program side by side.
fn compare_section(program: String, (a, b): (RwSignal<String>, RwSignal<String>)) -> impl IntoView {
    let options = store::kept_subjects(&program);
    let has = |key: &str| options.iter().any(|(k, _)| k == key);
    let first = options.first().map(|(k, _)| k.clone()).unwrap_or_default();
    let pick_a = if has(&a.get()) { a.get() } else { first };
    let pick_b = Some(b.get())
        .filter(|k| has(k) && *k != pick_a)
        .or_else(|| {
            options
                .iter()
                .map(|(k, _)| k.clone())
                .find(|k| *k != pick_a)
        })
        .unwrap_or_default();
    let rows = compare_rows(
        store::kept(&(program.clone(), pick_a.clone())),
        store::kept(&(program.clone(), pick_b.clone())),
    );
    view! {
        <section class="forecast-compare-section" data-section="compare">
            <h3>"Compare forecasts"</h3>
            <ForecastCompare
                options=Signal::stored(options)
                a=Signal::stored(pick_a)
                b=Signal::stored(pick_b)
                on_a=Callback::new(move |k: String| a.set(k))
                on_b=Callback::new(move |k: String| b.set(k))
                rows=Signal::stored(rows)
            />
        </section>
    }
}
