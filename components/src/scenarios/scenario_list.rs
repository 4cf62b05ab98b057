//! `ScenarioList`: the program's scenarios, one row each (name, description, changes,
//! finish and its shift), with a box to include it in the comparison; choosing a row opens
//! it (see `ChangeList`).

use leptos::prelude::*;

/// One scenario in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioSummary {
    pub id: String,
    pub name: String,
    pub description: String,
    pub changes: usize,
    /// Changes that no longer apply.
    pub stale: usize,
    /// The scenario's finish, or why it cannot be scheduled.
    pub finish: String,
    /// Working days against the program, e.g. "+15", "0", "" when unknown.
    pub delta: String,
    pub later: bool,
    /// It cannot be scheduled.
    pub broken: bool,
    pub compared: bool,
    pub open: bool,
}

/// The callbacks of the scenario list.
#[derive(Clone, Copy)]
pub struct ScenarioListActions {
    pub create: Callback<()>,
    /// Open (show the changes of) a scenario.
    pub open: Callback<String>,
    /// Include a scenario in the comparison, or not.
    pub compare: Callback<(String, bool)>,
}

/// The scenarios table.
#[component]
pub fn ScenarioList(
    #[prop(into)] scenarios: Signal<Vec<ScenarioSummary>>,
    actions: ScenarioListActions,
    /// Shown under the list (the opened scenario).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let rows = move || {
        scenarios
            .get()
            .into_iter()
            .map(|s| row(s, actions))
            .collect_view()
    };
    view! {
        <section class="scenario-section" aria-labelledby="scenarios-title">
            <div class="section-head">
                <h2 id="scenarios-title" class="section-title">"Scenarios"</h2>
                <button
                    type="button"
                    class="button"
                    data-action="new-scenario"
                    on:click=move |_| actions.create.run(())
                >
                    "New scenario"
                </button>
            </div>
            {move || {
                if scenarios.with(Vec::is_empty) {
                    view! {
                        <p class="section-hint" data-role="no-scenarios">
                            "No scenarios yet. Save one from quick impact, or start an empty one."
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <table class="data-table scenario-list">
                            <thead>
                                <tr>
                                    <th scope="col" class="col-check">"Compare"</th>
                                    <th scope="col">"Scenario"</th>
                                    <th scope="col" class="num">"Changes"</th>
                                    <th scope="col">"Finish"</th>
                                    <th scope="col" class="num">"Δ working days"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                        .into_any()
                }
            }}
            {children.map(|c| c())}
        </section>
    }
}

fn row(s: ScenarioSummary, actions: ScenarioListActions) -> impl IntoView {
    let id = s.id.clone();
    let id_open = s.id.clone();
    let delta_class = if s.later {
        "num delta delta-later"
    } else if s.delta.starts_with('-') || s.delta.starts_with('−') {
        "num delta delta-earlier"
    } else if s.delta == "0" {
        "num delta delta-zero"
    } else {
        "num delta"
    };
    let changes = if s.stale > 0 {
        let verb = if s.stale == 1 { "applies" } else { "apply" };
        format!("{} ({} no longer {verb})", s.changes, s.stale)
    } else {
        s.changes.to_string()
    };
    view! {
        <tr data-scenario=s.id.clone() class:row-open=s.open>
            <td class="col-check">
                <input
                    type="checkbox"
                    data-action="compare-scenario"
                    aria-label=format!("Compare {}", s.name)
                    prop:checked=s.compared
                    on:change=move |ev| actions.compare.run((id.clone(), event_target_checked(&ev)))
                />
            </td>
            <td>
                <button
                    type="button"
                    class="link-button scenario-name"
                    data-action="open-scenario"
                    aria-expanded=s.open.to_string()
                    on:click=move |_| actions.open.run(id_open.clone())
                >
                    {s.name}
                </button>
                <span class="scenario-description">{s.description}</span>
            </td>
            <td class="num" data-role="change-count">{changes}</td>
            <td class:problem=s.broken data-role="scenario-finish">{s.finish}</td>
            <td class=delta_class data-role="scenario-delta">{s.delta}</td>
        </tr>
    }
}
