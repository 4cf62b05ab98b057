//! The PI objectives and the planning interval: each team's objectives (text, committed or
//! stretch, business value planned and achieved, the cards that deliver it) and the
//! interval's settings, each typed in a cell and made one edit through `engine::board::edit`.

use engine::board::edit::{
    INTERVAL_FIELDS, add_objective, remove_objective, set_interval_field, set_objective_field,
};
use engine::board::{CardsBy, Interval, RowsBy};
use leptos::prelude::*;

use crate::editor::Editor;

/// The interval's settings and the objectives, team by team.
#[component]
pub fn ObjectivesPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let refusal = RwSignal::new(None::<String>);
    let interval = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.as_ref().map(|d| {
                let p = &d.program;
                p.board
                    .interval
                    .clone()
                    .unwrap_or_else(|| Interval::default_for(p.program.start))
            })
        })
    });
    let interval_rows = INTERVAL_FIELDS
        .iter()
        .map(|&(field, label)| {
            let value = move || interval.with(|i| i.as_ref().map(|i| interval_value(i, field)).unwrap_or_default());
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>
                        <input type="text" class="log-filter" data-interval=field aria-label=label
                            prop:value=value
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                editor.act_on(refusal, label, |p| set_interval_field(p, field, &text).map(|e| vec![e]));
                            } />
                    </td>
                </tr>
            }
        })
        .collect_view();
    let teams = move || {
        editor.doc.with(|d| {
            let Some(d) = d.as_ref() else {
                return Vec::new();
            };
            d.program
                .workstreams
                .iter()
                .map(|w| (w.id.clone(), w.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let objectives = move || {
        teams()
            .into_iter()
            .map(|(team, name)| view! { <TeamObjectives team=team name=name refusal=refusal /> })
            .collect_view()
    };
    view! {
        {move || refusal.get().map(|why| view! { <p class="setup-error" role="alert" data-role="board-error">{why}</p> })}
        <h3>"Planning interval"</h3>
        <p class="section-hint">"Iterations count working days of the program calendar. Rows: workstreams or summaries; cards: tasks or summaries."</p>
        <table class="pack-table rules-table" data-role="board-interval"><tbody>{interval_rows}</tbody></table>
        <h3>"PI objectives"</h3>
        <p class="section-hint">"Business value 1–10 is set by the business owner; the value achieved (0–10) is scored at the end. Predictability: achieved over planned, committed objectives only."</p>
        {objectives}
    }
}

fn interval_value(interval: &Interval, field: &str) -> String {
    match field {
        "name" => interval.name.clone(),
        "start" => interval.start.to_string(),
        "iterations" => interval.iterations.to_string(),
        "length" => interval.length.to_string(),
        "rows" => match interval.rows {
            RowsBy::Workstreams => "workstreams".into(),
            RowsBy::Summaries => "summaries".into(),
        },
        "cards" => match interval.cards {
            CardsBy::Tasks => "tasks".into(),
            CardsBy::Summaries => "summaries".into(),
        },
        _ => String::new(),
    }
}

/// One team's objectives and the field to add one.
#[component]
fn TeamObjectives(team: String, name: String, refusal: RwSignal<Option<String>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let team = StoredValue::new(team);
    let rows = move || {
        editor.doc.with(|d| {
            let Some(d) = d.as_ref() else {
                return Vec::new();
            };
            d.program
                .board
                .objectives
                .iter()
                .filter(|o| o.team == team.get_value())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let cell = move |id: String, field: &'static str, value: String, label: &'static str| {
        let aria = format!("{label} of {id}");
        view! {
            <td>
                <input type="text" class="log-filter" data-objective=id.clone() data-field=field aria-label=aria
                    prop:value=value
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        editor.act_on(refusal, &format!("Objective {id}"), |p| {
                            set_objective_field(p, &id, field, &text).map(|e| vec![e])
                        });
                    } />
            </td>
        }
    };
    let body = move || {
        rows()
            .into_iter()
            .map(|o| {
                let id = o.id.clone();
                let remove = id.clone();
                let kind = if o.stretch { "stretch" } else { "committed" };
                let number = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
                view! {
                    <tr>
                        <th scope="row">{o.id.clone()}</th>
                        {cell(id.clone(), "text", o.text.clone(), "Objective")}
                        {cell(id.clone(), "kind", kind.to_owned(), "Committed or stretch")}
                        {cell(id.clone(), "business_value", number(o.business_value), "Business value")}
                        {cell(id.clone(), "actual_value", number(o.actual_value), "Value achieved")}
                        {cell(id.clone(), "cards", o.cards.join(", "), "Cards")}
                        <td><button type="button" class="button" aria-label=format!("Remove {}", o.id)
                            on:click=move |_| { editor.act_on(refusal, "Objective", |p| remove_objective(p, &remove).map(|e| vec![e])); }>"Remove"</button></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let text = RwSignal::new(String::new());
    let add = move |_| {
        let words = text.get_untracked();
        let made = editor.act_on(refusal, "New objective", |p| {
            add_objective(p, &team.get_value(), &words).map(|(_, e)| vec![e])
        });
        if made {
            text.set(String::new());
        }
    };
    view! {
        <h4>{name.clone()}</h4>
        <table class="pack-table" data-team=team.get_value()>
            <thead><tr><th>"Id"</th><th>"Objective"</th><th>"Kind"</th><th>"BV"</th><th>"Achieved"</th><th>"Cards"</th><th></th></tr></thead>
            <tbody>{body}</tbody>
        </table>
        <div class="board-add-objective">
            <input type="text" class="log-filter" aria-label=format!("New objective for {name}")
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            <button type="button" class="button" on:click=add>"Add objective"</button>
        </div>
    }
}
