//! `ForecastControls`: what to forecast (the program or a scenario), iterations and seed,
//! Run / Cancel, and the progress of a run.

use leptos::prelude::*;

/// The callbacks of the forecast controls (text as typed: the caller validates it).
#[derive(Clone, Copy)]
pub struct ForecastActions {
    pub run: Callback<()>,
    pub cancel: Callback<()>,
    pub set_iterations: Callback<String>,
    pub set_seed: Callback<String>,
    /// With the chosen subject's key.
    pub set_subject: Callback<String>,
}

/// The forecast's settings and its Run / Cancel buttons.
#[component]
pub fn ForecastControls(
    #[prop(into)] iterations: Signal<String>,
    #[prop(into)] seed: Signal<String>,
    /// (key, label) of what can be forecast: the program, then each scenario.
    #[prop(into)]
    subjects: Signal<Vec<(String, String)>>,
    #[prop(into)] subject: Signal<String>,
    /// (iterations done, in all) while a forecast runs.
    #[prop(into)]
    progress: Signal<Option<(usize, usize)>>,
    actions: ForecastActions,
) -> impl IntoView {
    let running = move || progress.get().is_some();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        actions.run.run(());
    };
    let options = move || {
        subjects
            .get()
            .into_iter()
            .map(|(key, label)| {
                let chosen = key == subject.get_untracked();
                view! { <option value=key selected=chosen>{label}</option> }
            })
            .collect_view()
    };
    let bar = move || {
        progress.get().map(|(done, total)| {
            view! {
                <div class="forecast-progress" role="status" data-state="running">
                    <progress max=total.max(1) value=done></progress>
                    <span class="forecast-progress-text">
                        {format!(
                            "{} of {} {}",
                            engine::words::thousands(done),
                            engine::words::thousands(total),
                            if total == 1 { "iteration" } else { "iterations" }
                        )}
                    </span>
                </div>
            }
        })
    };
    view! {
        <form class="forecast-controls" on:submit=submit>
            <label>
                "Forecast "
                <select
                    class="text-input"
                    name="subject"
                    prop:value=move || subject.get()
                    on:change=move |ev| actions.set_subject.run(event_target_value(&ev))
                    disabled=running
                >
                    {options}
                </select>
            </label>
            <label>
                "Iterations "
                <input
                    class="text-input"
                    type="number"
                    name="iterations"
                    min="1"
                    max="100000"
                    step="1"
                    inputmode="numeric"
                    prop:value=move || iterations.get()
                    on:change=move |ev| actions.set_iterations.run(event_target_value(&ev))
                    disabled=running
                />
            </label>
            <label>
                "Seed "
                <input
                    class="text-input"
                    type="number"
                    name="seed"
                    min="0"
                    step="1"
                    inputmode="numeric"
                    prop:value=move || seed.get()
                    on:change=move |ev| actions.set_seed.run(event_target_value(&ev))
                    disabled=running
                />
            </label>
            <button type="submit" class="button button-primary" data-action="run-forecast" disabled=running>
                "Run forecast"
            </button>
            <button
                type="button"
                class="button"
                data-action="cancel-forecast"
                disabled=move || !running()
                on:click=move |_| actions.cancel.run(())
            >
                "Cancel"
            </button>
        </form>
        {bar}
    }
}
