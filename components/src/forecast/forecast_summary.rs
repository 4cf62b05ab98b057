//! `ForecastSummary`: the forecast's table: for the program finish and every milestone, the
//! deterministic date, P10/P50/P80/P90, the mean and the chance of meeting its deadline;
//! choosing a row shows its charts.

use leptos::prelude::*;

/// One row: a finish and its forecast dates, as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ForecastRow {
    /// What choosing the row selects ("" for the program finish, else the milestone's id).
    pub key: String,
    pub name: String,
    pub deterministic: String,
    pub p10: String,
    pub p50: String,
    pub p80: String,
    pub p90: String,
    pub mean: String,
    /// The deadline (or committed date), if any.
    pub committed: Option<String>,
    /// The share of iterations meeting it.
    pub on_time: Option<f64>,
}

/// The table of forecast dates.
#[component]
pub fn ForecastSummary(
    #[prop(into)] rows: Signal<Vec<ForecastRow>>,
    /// The key of the row whose charts are shown.
    #[prop(into)]
    selected: Signal<String>,
    on_select: Callback<String>,
) -> impl IntoView {
    let row = move |r: ForecastRow| {
        let key = r.key.clone();
        let chosen = {
            let key = key.clone();
            move || selected.get() == key
        };
        let pick = {
            let key = key.clone();
            move |_| on_select.run(key.clone())
        };
        let on_time = match (&r.committed, r.on_time) {
            (Some(date), Some(share)) => format!("{:.0}% by {date}", share * 100.0),
            _ => "no deadline".to_owned(),
        };
        let risky = r.on_time.is_some_and(|share| share < 0.5);
        let chosen_row = chosen.clone();
        view! {
            <tr data-finish=key class:selected=chosen_row>
                <th scope="row">
                    <button
                        type="button"
                        class="link-button"
                        data-action="select-finish"
                        aria-pressed=move || chosen().to_string()
                        on:click=pick
                    >
                        {r.name}
                    </button>
                </th>
                <td data-col="deterministic">{r.deterministic}</td>
                <td data-col="p10">{r.p10}</td>
                <td data-col="p50">{r.p50}</td>
                <td data-col="p80" class="forecast-p80">{r.p80}</td>
                <td data-col="p90">{r.p90}</td>
                <td data-col="mean">{r.mean}</td>
                <td data-col="on-time" class:forecast-risky=risky>{on_time}</td>
            </tr>
        }
    };
    view! {
        <div class="table-scroll">
            <table class="data-table forecast-summary">
                <thead>
                    <tr>
                        <th scope="col">"Finish"</th>
                        <th scope="col" title="The date of the plan as scheduled, without uncertainty">"Planned"</th>
                        <th scope="col">"P10"</th>
                        <th scope="col">"P50"</th>
                        <th scope="col" title="80% of iterations finish by this date">"P80"</th>
                        <th scope="col">"P90"</th>
                        <th scope="col">"Mean"</th>
                        <th scope="col">"Chance on time"</th>
                    </tr>
                </thead>
                <tbody>{move || rows.get().into_iter().map(row).collect_view()}</tbody>
            </table>
        </div>
    }
}
