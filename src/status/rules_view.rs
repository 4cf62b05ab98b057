//! The RAG rules of the program: each threshold typed in a cell, shown in every pack beside
//! the rating it made.

use engine::status::edit::{rule_value, set_rule};
use engine::status::rule_fields::RULE_FIELDS;
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
    let health = engine::health::thresholds::FIELDS
        .iter()
        .map(|(field, label)| {
            (
                format!("health.{field}"),
                format!("Schedule health {label}"),
            )
        });
    let targets = engine::status::kpi::target_fields::FIELDS
        .iter()
        .map(|(field, label)| (format!("targets.{field}"), format!("KPI target — {label}")));
    let rows = RULE_FIELDS
        .iter()
        .map(|(field, label)| (field.to_string(), label.to_string()))
        .chain(health)
        .chain(targets)
        .map(|(field, label)| {
            let (field, label) = (StoredValue::new(field), StoredValue::new(label));
            view! {
                <tr>
                    <th scope="row">{label.get_value()}</th>
                    <td>
                        <input type="text" class="log-filter" data-rule=field.get_value() aria-label=label.get_value()
                            prop:value=move || value(&field.get_value())
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                editor.act_on(refusal, &label.get_value(), |p| {
                                    set_rule(p, &field.get_value(), &text).map(|e| vec![e])
                                });
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
