//! `ForecastCompare`: two forecasts side by side (the program's and a scenario's, or two
//! scenarios'): P50 and P80 of each finish, and how many days B is later than A.

use leptos::prelude::*;

/// One finish in both forecasts, as shown; `None` where one forecast lacks it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    pub name: String,
    pub a_p50: Option<String>,
    pub b_p50: Option<String>,
    /// B's date minus A's, in calendar days.
    pub delta_p50: Option<i64>,
    pub a_p80: Option<String>,
    pub b_p80: Option<String>,
    pub delta_p80: Option<i64>,
}

/// The comparison of two kept forecasts.
#[component]
pub fn ForecastCompare(
    /// (key, label) of the forecasts kept.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(into)] a: Signal<String>,
    #[prop(into)] b: Signal<String>,
    on_a: Callback<String>,
    on_b: Callback<String>,
    #[prop(into)] rows: Signal<Vec<CompareRow>>,
) -> impl IntoView {
    let picker = move |name: &'static str, value: Signal<String>, set: Callback<String>| {
        view! {
            <select
                class="text-input"
                name=name
                prop:value=move || value.get()
                on:change=move |ev| set.run(event_target_value(&ev))
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(key, label)| {
                            let chosen = key == value.get_untracked();
                            view! { <option value=key selected=chosen>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        }
    };
    let body = move || {
        if options.with(Vec::len) < 2 {
            return view! {
                <p class="section-hint">
                    "Run a forecast on the program and on a scenario (or on two scenarios) to compare them."
                </p>
            }
            .into_any();
        }
        let cell = |v: Option<String>| v.unwrap_or_else(|| "—".to_owned());
        let rows = rows
            .get()
            .into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.name}</th>
                        <td>{cell(r.a_p50)}</td>
                        <td>{cell(r.b_p50)}</td>
                        <td data-col="delta-p50" class=delta_class(r.delta_p50)>{delta(r.delta_p50)}</td>
                        <td>{cell(r.a_p80)}</td>
                        <td>{cell(r.b_p80)}</td>
                        <td data-col="delta-p80" class=delta_class(r.delta_p80)>{delta(r.delta_p80)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="forecast-compare-pick">
                <label>"A " {picker("compare-a", a, on_a)}</label>
                <label>"B " {picker("compare-b", b, on_b)}</label>
            </div>
            <div class="table-scroll">
                <table class="data-table forecast-compare">
                    <thead>
                        <tr>
                            <th scope="col">"Finish"</th>
                            <th scope="col">"P50 A"</th>
                            <th scope="col">"P50 B"</th>
                            <th scope="col">"Δ P50"</th>
                            <th scope="col">"P80 A"</th>
                            <th scope="col">"P80 B"</th>
                            <th scope="col">"Δ P80"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! { <div class="forecast-compare-panel">{body}</div> }
}

/// `+5 days`, `−3 days`, `same`, `—`.
fn delta(days: Option<i64>) -> String {
    match days {
        None => "—".to_owned(),
        Some(0) => "same".to_owned(),
        Some(d) if d.abs() == 1 => format!("{}1 day", if d > 0 { "+" } else { "−" }),
        Some(d) if d > 0 => format!("+{d} days"),
        Some(d) => format!("−{} days", -d),
    }
}

fn delta_class(days: Option<i64>) -> &'static str {
    match days {
        Some(d) if d > 0 => "delta-later",
        Some(d) if d < 0 => "delta-earlier",
        _ => "",
    }
}
