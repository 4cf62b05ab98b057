//! `CriticalPathRule`: which tasks the schedule marks critical: those whose total float is
//! at most N working days (as MS Project; N = 0 by default), or the longest path (as
//! Primavera P6).

use leptos::prelude::*;

use super::Answer;

/// The rule as two radio buttons and the number of days. `on_rule` gets `Some(days as
/// typed)` for the total-float rule, `None` for the longest path, and answers `Err(reason)`
/// to refuse (shown beside it).
#[component]
pub fn CriticalPathRule(
    #[prop(into)] longest_path: Signal<bool>,
    /// N of the total-float rule ("0" under the longest path).
    #[prop(into)]
    float_days: Signal<String>,
    on_rule: Callback<Option<String>, Answer>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let days = NodeRef::<leptos::html::Input>::new();
    let by_float = NodeRef::<leptos::html::Input>::new();
    let by_path = NodeRef::<leptos::html::Input>::new();
    let choose = move |rule: Option<String>| {
        let answer = on_rule.run(rule);
        // A refused choice leaves the radio buttons showing the rule in force.
        let longest = longest_path.get_untracked();
        if let (Some(a), Some(b)) = (by_float.get_untracked(), by_path.get_untracked()) {
            a.set_checked(!longest);
            b.set_checked(longest);
        }
        match answer {
            Ok(()) => {
                error.set(None);
                if let Some(input) = days.get_untracked() {
                    input.set_value(&float_days.get_untracked());
                }
            }
            Err(why) => error.set(Some(why)),
        }
    };
    let typed_days = move || days.get_untracked().map(|i| i.value()).unwrap_or_default();
    view! {
        <fieldset class="critical-rule" data-field="critical-path">
            <legend class="field-label">"Critical path"</legend>
            <div class="critical-rule-choice">
                <label class="critical-rule-option">
                    <input
                        node_ref=by_float
                        type="radio"
                        name="critical-rule"
                        value="total-float"
                        prop:checked=move || !longest_path.get()
                        on:change=move |_| choose(Some(typed_days()))
                    />
                    "Total float ≤"
                </label>
                <input
                    node_ref=days
                    type="number"
                    class="text-input critical-rule-days"
                    min="0"
                    step="1"
                    aria-label="Total float in working days"
                    prop:value=move || float_days.get()
                    disabled=move || longest_path.get()
                    on:change=move |ev| choose(Some(event_target_value(&ev)))
                />
                <span class="field-unit">"working days (as MS Project)"</span>
            </div>
            <div class="critical-rule-choice">
                <label class="critical-rule-option">
                    <input
                        node_ref=by_path
                        type="radio"
                        name="critical-rule"
                        value="longest-path"
                        prop:checked=move || longest_path.get()
                        on:change=move |_| choose(None)
                    />
                    "Longest path"
                </label>
                <span class="field-unit">"(as Primavera P6: the driving path to the finish, whatever its float)"</span>
            </div>
            {move || error.get().map(|why| view! {
                <p class="setup-error" role="alert" data-role="setup-error">{why}</p>
            })}
        </fieldset>
    }
}
