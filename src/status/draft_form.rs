//! The draft's form: its status date, the narrative (highlights, asks, next steps), an
//! override of a computed rating (never without a reason), and Issue.

use engine::status::Pack;
use engine::status::edit::{issue, override_rating, set_narrative, set_status_date};
use engine::status::model::{Dimension, Rag};
use leptos::prelude::*;

use crate::editor::Editor;

/// The narrative's parts: (key, label, placeholder).
const PARTS: &[(&str, &str, &str)] = &[
    (
        "highlights",
        "Highlights",
        "What went well, what landed — one per line",
    ),
    (
        "asks",
        "Asks and decisions needed",
        "What you need, from whom, by when — one per line",
    ),
    (
        "next_steps",
        "Next steps",
        "What happens before the next pack — one per line",
    ),
];

/// The draft's form, above the pack it drafts.
#[component]
pub fn DraftForm(
    draft: Memo<Option<Pack>>,
    shown: RwSignal<String>,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let status = move || {
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| d.program.status.clone())
                .unwrap_or_default()
        })
    };
    let date = move || {
        status()
            .draft
            .status_date
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let set_date = move |text: String| {
        let text = text.trim().to_owned();
        editor.act_on(refusal, "Status date", |p| {
            if text.is_empty() {
                return Ok(vec![set_status_date(p, None)]);
            }
            let day = text.parse().map_err(|_| engine::logs::edit::Refusal {
                field: "status_date".into(),
                message: format!("expected a date such as 2027-03-05, found \"{text}\""),
            })?;
            Ok(vec![set_status_date(p, Some(day))])
        });
    };
    let part_text = move |key: &'static str| {
        let narrative = status().draft.narrative;
        match key {
            "highlights" => narrative.highlights,
            "asks" => narrative.asks,
            _ => narrative.next_steps,
        }
    };
    let narrative = PARTS
        .iter()
        .map(|(key, label, placeholder)| {
            let key = *key;
            view! {
                <label class="pack-field">
                    <span>{*label}</span>
                    <textarea rows="3" data-role=format!("narrative-{key}") placeholder=*placeholder
                        prop:value=move || part_text(key)
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            editor.act_on(refusal, label, |p| set_narrative(p, key, &text).map(|e| vec![e]));
                        }></textarea>
                </label>
            }
        })
        .collect_view();
    let dimension = RwSignal::new("overall".to_string());
    let rating = RwSignal::new("green".to_string());
    let reason = RwSignal::new(String::new());
    let make_override = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(d) = Dimension::parse(&dimension.get_untracked()) else {
            return;
        };
        let reported = Rag::parse(&rating.get_untracked());
        let computed = draft.with_untracked(|p| p.as_ref().and_then(|p| p.computed(d)));
        let on = crate::format::today();
        if editor.act_on(refusal, "Not overridden", |p| {
            override_rating(p, d, reported, computed, &reason.get_untracked(), on).map(|e| vec![e])
        }) {
            reason.set(String::new());
        }
    };
    let issue_pack = move |_| {
        let Some(pack) = draft.get_untracked() else {
            return;
        };
        let id = pack.id.clone();
        if editor.act_on(refusal, "Not issued", |p| issue(p, pack)) {
            shown.set(id);
        }
    };
    let next_id = move || draft.with(|p| p.as_ref().map(|p| p.id.clone()).unwrap_or_default());
    let dimension_options = std::iter::once(Dimension::Overall)
        .chain(Dimension::RATED)
        .map(|d| view! { <option value=d.key()>{d.name()}</option> })
        .collect_view();
    view! {
        <div class="pack-draft no-print" data-role="pack-draft">
            <div class="log-add">
                <label>"Status date "
                    <input type="text" class="log-filter" data-role="status-date" placeholder="today"
                        prop:value=date on:change=move |ev| set_date(event_target_value(&ev)) />
                </label>
                <button type="button" class="button button-primary" data-action="issue-pack" on:click=issue_pack
                    title="Keep this pack with the program as it is now; the next draft is compared with it">
                    {move || format!("Issue {}", next_id())}
                </button>
            </div>
            <p class="section-hint">
                "P50, P80 and the confidence come from the program's last forecast on this page (the Forecast tab); without one they show —."
            </p>
            <div class="pack-narrative">{narrative}</div>
            <form class="log-add" on:submit=make_override data-role="override-form">
                <span>"Report "</span>
                <select aria-label="Dimension" data-role="override-dimension"
                    on:change=move |ev| dimension.set(event_target_value(&ev))>{dimension_options}</select>
                <span>" as "</span>
                <select aria-label="Rating" data-role="override-rating"
                    on:change=move |ev| rating.set(event_target_value(&ev))>
                    <option value="green">"Green"</option>
                    <option value="amber">"Amber"</option>
                    <option value="red">"Red"</option>
                    <option value="computed">"as computed (withdraw)"</option>
                </select>
                <input type="text" class="log-filter pack-reason" data-role="override-reason" aria-label="Reason"
                    placeholder="Why (required: it is shown beside the computed rating)"
                    prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                <button type="submit" class="button">"Override"</button>
            </form>
        </div>
    }
}
