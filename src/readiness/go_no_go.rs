//! Under a milestone's checklist: waiving an item (a named approver and a reason), and the
//! go/no-go record — date, attendees, outcome (Go, Conditional Go with the risks accepted
//! and its conditions, No-Go with the next review) — refused, with the unmet hard gates
//! listed, when a Go would override them; the records so far.
//!
//! Does not: decide whether a Go may be recorded (`engine::readiness::edit::record_go_no_go`).

use engine::readiness::edit::{record_go_no_go, waive};
use engine::readiness::entries::parse_recommendations;
use engine::readiness::model::{GoNoGo, Outcome};
use leptos::prelude::*;

use crate::editor::Editor;

fn list(text: &str) -> Vec<String> {
    text.split([',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn field(label: &'static str, role: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <input type="text" placeholder=label aria-label=label data-role=role
            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
    }
}

/// The waiver and go/no-go forms of `milestone`, and its records.
#[component]
pub fn GoNoGoForm(milestone: RwSignal<String>, refusal: RwSignal<Option<String>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let today = crate::format::today();
    let [item, approver, reason] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let waive_item = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let done = editor.act_on(refusal, "Not waived", |p| {
            waive(
                p,
                &milestone.get_untracked(),
                item.get_untracked().trim(),
                &approver.get_untracked(),
                &reason.get_untracked(),
                today,
            )
            .map(|e| vec![e])
        });
        if done {
            [item, approver, reason]
                .iter()
                .for_each(|s| s.set(String::new()));
        }
    };
    let [attendees, accepted, next, conditions] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let date = RwSignal::new(today.to_string());
    let recommendations = RwSignal::new(String::new());
    let outcome = RwSignal::new(Outcome::Go);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let areas = match parse_recommendations(&recommendations.get_untracked()) {
            Ok(areas) => areas,
            Err(why) => return refusal.set(Some(format!("Not recorded (recommendations): {why}"))),
        };
        let parsed_date = date.get_untracked().trim().parse().ok();
        let next_review = next.get_untracked().trim().parse().ok();
        let record = GoNoGo {
            milestone: milestone.get_untracked(),
            date: parsed_date,
            attendees: list(&attendees.get_untracked()),
            outcome: outcome.get_untracked(),
            risk_acceptances: list(&accepted.get_untracked()),
            next_review,
            conditions: list(&conditions.get_untracked()),
            recommendations: areas,
        };
        if editor.act_on(refusal, "Not recorded", |p| {
            record_go_no_go(p, record).map(|e| vec![e])
        }) {
            editor.confirm("Go/no-go recorded.".to_owned());
        }
    };
    let records = move || {
        let m = milestone.get();
        editor.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.program
                    .readiness
                    .go_no_go
                    .iter()
                    .filter(|r| r.milestone == m)
                    .map(|r| {
                        let text = document::readiness::markdown::go_no_go_markdown(r);
                        view! { <pre class="go-record" data-role="go-record">{text}</pre> }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let outcomes = [
        (Outcome::Go, "Go"),
        (Outcome::ConditionalGo, "Conditional Go"),
        (Outcome::NoGo, "No-Go"),
    ];
    view! {
        <form class="log-add no-print" data-role="waive" on:submit=waive_item>
            {field("Item to waive (RC3)", "waive-item", item)}
            {field("Approved by", "waive-approver", approver)}
            {field("Reason", "waive-reason", reason)}
            <button type="submit" class="button" data-action="waive">"Waive"</button>
        </form>
        <h3>"Go/no-go"</h3>
        <form class="log-add no-print" data-role="go-no-go" on:submit=record>
            {field("Date", "go-date", date)}
            {field("Attendees, separated by commas", "go-attendees", attendees)}
            <select data-role="go-outcome" aria-label="Outcome" on:change=move |ev| {
                let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                outcome.set(outcomes[i.min(2)].0);
            }>
                {outcomes.iter().enumerate().map(|(i, (_, label))| view! { <option value=i.to_string()>{*label}</option> }).collect_view()}
            </select>
            {field("Risks accepted (R2, R5)", "go-risks", accepted)}
            {field("Conditions, separated by commas", "go-conditions", conditions)}
            {field("Next review (No-Go)", "go-next", next)}
            <textarea rows="2" data-role="go-recommendations" aria-label="Recommendations by area"
                placeholder="Each area's recommendation, one a line: quality: go — security: conditional — retest Friday"
                prop:value=move || recommendations.get()
                on:input=move |ev| recommendations.set(event_target_value(&ev))></textarea>
            <button type="submit" class="button button-primary" data-action="record-go">"Record"</button>
        </form>
        {records}
    }
}
