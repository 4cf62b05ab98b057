//! `NewRiskForm`: adds a risk from its title, probability (a percent) and impact range
//! (working days); the tasks it would delay are added to it in the list. A refusal is shown
//! beside the field it is about, and nothing typed is lost.

use engine::risks::RiskField;
use leptos::prelude::*;

use super::{RiskCallback, RiskChange};

/// The "Add a risk" form.
#[component]
pub fn NewRiskForm(change: RiskCallback) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let probability = RwSignal::new(String::new());
    let impact = RwSignal::new(String::new());
    let refusal = RwSignal::new(None::<(RiskField, String)>);
    let reason_for = move |field: RiskField| {
        move || {
            refusal.get().and_then(|(at, reason)| {
                (at == field).then(|| {
                    view! { <p class="risk-refusal" id=refusal_id(field) role="alert">{reason}</p> }
                })
            })
        }
    };
    let invalid = move |field: RiskField| {
        move || {
            refusal
                .with(|r| r.as_ref().is_some_and(|(at, _)| *at == field))
                .to_string()
        }
    };
    let described = move |field: RiskField| {
        move || {
            refusal
                .with(|r| r.as_ref().is_some_and(|(at, _)| *at == field))
                .then(|| refusal_id(field))
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let asked = RiskChange::Add {
            title: title.get_untracked(),
            probability: probability.get_untracked(),
            impact: impact.get_untracked(),
        };
        match change.run(asked) {
            Ok(()) => {
                refusal.set(None);
                title.set(String::new());
                probability.set(String::new());
                impact.set(String::new());
            }
            Err(r) => refusal.set(Some((r.field, r.message))),
        }
    };
    view! {
        <form class="risk-new" on:submit=submit aria-labelledby="risk-new-title">
            <h4 id="risk-new-title" class="subsection-title">"Add a risk"</h4>
            <div class="risk-fields">
                <div class="risk-field">
                    <label class="field-label" for="risk-new-title-input">"Title"</label>
                    <input
                        id="risk-new-title-input"
                        class="text-input"
                        autocomplete="off"
                        placeholder="What could happen"
                        prop:value=move || title.get()
                        aria-invalid=invalid(RiskField::Title)
                        aria-describedby=described(RiskField::Title)
                        on:input=move |ev| title.set(event_target_value(&ev))
                    />
                    {reason_for(RiskField::Title)}
                </div>
                <div class="risk-field">
                    <label class="field-label" for="risk-new-probability">"Probability (%)"</label>
                    <input
                        id="risk-new-probability"
                        class="text-input"
                        autocomplete="off"
                        placeholder="30%"
                        prop:value=move || probability.get()
                        aria-invalid=invalid(RiskField::Probability)
                        aria-describedby=described(RiskField::Probability)
                        on:input=move |ev| probability.set(event_target_value(&ev))
                    />
                    {reason_for(RiskField::Probability)}
                </div>
                <div class="risk-field">
                    <label class="field-label" for="risk-new-impact">"Impact (working days)"</label>
                    <input
                        id="risk-new-impact"
                        class="text-input"
                        autocomplete="off"
                        placeholder="5-15"
                        prop:value=move || impact.get()
                        aria-invalid=invalid(RiskField::Impact)
                        aria-describedby=described(RiskField::Impact)
                        on:input=move |ev| impact.set(event_target_value(&ev))
                    />
                    {reason_for(RiskField::Impact)}
                </div>
                <button type="submit" class="button button-primary risk-add">"Add risk"</button>
            </div>
            {reason_for(RiskField::Tasks)}
            {reason_for(RiskField::Risk)}
        </form>
    }
}

fn refusal_id(field: RiskField) -> String {
    format!("risk-new-{field:?}-error").to_lowercase()
}
