//! The RAG rules of the program: each threshold typed in a cell, shown in every pack beside
//! the rating it made.

use engine::status::edit::{RULE_FIELDS, rule_value, set_rule};
use leptos::prelude::*;

use crate::editor::Editor;

/// The thresholds, one row each.
#[component]
pub fn RulesPanel(refusal: RwSignal<Option<String>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let value = move |field: &str| {
        editor.doc.with(|d| {
            d.as_ref()
                .and_then(|d| rule_value(&d.program.status.rules, field))
                .unwrap_or_default()
        })
    };
    let rows = RULE_FIELDS
        .iter()
        .map(|(field, label)| {
            let field = *field;
            view! {
                <tr>
                    <th scope="row">{*label}</th>
                    <td>
                        <input type="text" class="log-filter" data-rule=field aria-label=*label
                            prop:value=move || value(field)
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                editor.act_on(refusal, label, |p| set_rule(p, field, &text).map(|e| vec![e]));
                            } />
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {move || refusal.get().map(|why| view! { <p class="setup-error" role="alert" data-role="status-error">{why}</p> })}
        <p class="section-hint">
            "Each dimension is rated by these thresholds; every pack prints the rule beside its rating. "
            "Defaults: the blueprints' targets (docs/status.md)."
        </p>
        <table class="pack-table rules-table" data-role="status-rules"><tbody>{rows}</tbody></table>
    }
}
