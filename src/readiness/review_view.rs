//! A milestone's post-launch review: its date, incidents, what went well and badly (one a
//! line), and follow-up actions with owners and due dates — checked off, or made an issue
//! in the RAID log (linked).
//!
//! Does not: keep anything itself (`engine::readiness::edit`).

use engine::readiness::edit::{action_to_issue, add_action, set_action_done, set_review_field};
use engine::readiness::entries::add_outcome;
use engine::readiness::figures::outcome_met;
use engine::readiness::model::ItemStatus;
use engine::readiness::typing::set_item_field;
use leptos::prelude::*;

use crate::editor::Editor;

/// The review of `milestone`.
#[component]
pub fn ReviewPanel(
    milestone: RwSignal<String>,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let review = Memo::new(move |_| {
        let m = milestone.get();
        editor.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.program.readiness.review(&m).cloned())
        })
    });
    let text_of = move |field: &'static str| {
        review.with(|r| {
            r.as_ref().map_or_else(String::new, |r| match field {
                "date" => r.date.map(|d| d.to_string()).unwrap_or_default(),
                "incidents" => r.incidents.join("\n"),
                "went_well" => r.went_well.join("\n"),
                _ => r.went_badly.join("\n"),
            })
        })
    };
    let area = move |label: &'static str, field: &'static str| {
        view! {
            <label class="charter-field">
                <span>{label}</span>
                <textarea rows="2" data-field=field prop:value=move || text_of(field)
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        editor.act_on(refusal, "Review", |p| set_review_field(p, &milestone.get_untracked(), field, &text).map(|e| vec![e]));
                    }></textarea>
            </label>
        }
    };
    let [text, owner, due] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let due_date = match due.get_untracked().trim() {
            "" => None,
            typed => match typed.parse() {
                Ok(d) => Some(d),
                Err(_) => {
                    return refusal.set(Some(format!(
                        "Action not added (due): '{typed}' is not a date like 2027-07-15"
                    )));
                }
            },
        };
        let added = editor.act_on(refusal, "Action not added", |p| {
            add_action(
                p,
                &milestone.get_untracked(),
                &text.get_untracked(),
                &owner.get_untracked(),
                due_date,
            )
            .map(|(_, e)| vec![e])
        });
        if added {
            [text, owner, due].iter().for_each(|s| s.set(String::new()));
        }
    };
    let actions = move || {
        review.get().map(|r| {
            r.actions
                .into_iter()
                .enumerate()
                .map(|(at, a)| {
                    let due = a.due.map(|d| format!(" — due {d}")).unwrap_or_default();
                    let issue = a.issue.clone();
                    view! {
                        <li data-role="review-action">
                            <label>
                                <input type="checkbox" prop:checked=a.done on:change=move |ev| {
                                    let done = event_target_checked(&ev);
                                    editor.act_on(refusal, "Action", |p| set_action_done(p, &milestone.get_untracked(), at, done).map(|e| vec![e]));
                                } />
                                {format!(" {} — {}{due}", a.text, a.owner)}
                            </label>
                            {match issue {
                                Some(id) => view! { <span class="badge">{format!(" → issue {id}")}</span> }.into_any(),
                                None => view! {
                                    <button type="button" class="button-link" data-action="action-to-issue"
                                        on:click=move |_| {
                                            let today = crate::format::today();
                                            editor.act_on(refusal, "Not made an issue", |p| action_to_issue(p, &milestone.get_untracked(), at, today).map(|(_, e)| e));
                                        }>"Make it an issue"</button>
                                }.into_any(),
                            }}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let [metric, target, actual] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let add_result = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let added = editor.act_on(refusal, "Outcome not added", |p| {
            add_outcome(
                p,
                &milestone.get_untracked(),
                &metric.get_untracked(),
                &target.get_untracked(),
                &actual.get_untracked(),
            )
            .map(|e| vec![e])
        });
        if added {
            [metric, target, actual]
                .iter()
                .for_each(|s| s.set(String::new()));
        }
    };
    let outcomes = move || {
        review.get().map(|r| {
            r.outcomes
                .iter()
                .map(|o| {
                    let verdict = match outcome_met(o) {
                        Some(true) => "met",
                        Some(false) => "missed",
                        None => "to judge",
                    };
                    view! {
                        <li data-role="review-outcome" class:flagged=verdict == "missed">
                            {format!("{}: target {}, actual {} — {verdict}", o.metric, o.target, o.actual)}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    // The charter's success metrics, offered when typing an outcome's metric.
    let metrics = move || {
        editor.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.program.logs.charter.as_ref())
                .map(|c| {
                    c.success_metrics
                        .iter()
                        .map(|m| view! { <option value=m.clone() /> })
                        .collect_view()
                })
        })
    };
    // The items waived before the milestone, to say what came of each.
    let waived = move || {
        let m = milestone.get();
        editor.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.program.readiness.checklist(&m))
                .map(|c| {
                    c.items
                        .iter()
                        .filter(|i| i.status == ItemStatus::Waived)
                        .map(|i| {
                            let by = i.waiver.as_ref().map(|w| format!(" — waived by {}: {}", w.approver, w.reason)).unwrap_or_default();
                            let outcome = i.waiver.as_ref().map(|w| w.outcome.clone()).unwrap_or_default();
                            let id = i.id.clone();
                            view! {
                                <li data-role="review-waived">
                                    {format!("{} {}{by}", i.id, i.title)}
                                    <input type="text" class="log-cell" placeholder="What came of it" aria-label="What came of it"
                                        data-role="waived-outcome" prop:value=outcome
                                        on:change=move |ev| {
                                            let text = event_target_value(&ev);
                                            editor.act_on(refusal, &id, |p| set_item_field(p, &milestone.get_untracked(), &id, "waiver.outcome", &text).map(|e| vec![e]));
                                        } />
                                </li>
                            }
                        })
                        .collect_view()
                })
        })
    };
    view! {
        <section class="item-details" aria-label="Post-launch review" data-role="review">
            <h2 class="section-title">"Post-launch review"</h2>
            {area("Date (2027-07-01)", "date")}
            {area("Incidents (one a line)", "incidents")}
            {area("What went well (one a line)", "went_well")}
            {area("What did not (one a line)", "went_badly")}
            <h3>"Outcomes against the success metrics"</h3>
            <ul class="detail-list">{outcomes}</ul>
            <datalist id="success-metrics">{metrics}</datalist>
            <form class="log-add no-print" on:submit=add_result>
                <input type="text" placeholder="Metric" aria-label="Metric" list="success-metrics" data-role="outcome-metric"
                    prop:value=move || metric.get() on:input=move |ev| metric.set(event_target_value(&ev)) />
                <input type="text" placeholder="Target (≥ 99.9)" aria-label="Target" class="log-filter" data-role="outcome-target"
                    prop:value=move || target.get() on:input=move |ev| target.set(event_target_value(&ev)) />
                <input type="text" placeholder="Actual" aria-label="Actual" class="log-filter" data-role="outcome-actual"
                    prop:value=move || actual.get() on:input=move |ev| actual.set(event_target_value(&ev)) />
                <button type="submit" class="button" data-action="add-outcome">"Add outcome"</button>
            </form>
            <h3>"Waived before launch, and what came of each"</h3>
            <ul class="detail-list">{waived}</ul>
            <h3>"Follow-up actions"</h3>
            <ul class="detail-list">{actions}</ul>
            <form class="log-add no-print" on:submit=add>
                <input type="text" placeholder="Action" aria-label="Action" data-role="review-action-text"
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
                <input type="text" placeholder="Owner" aria-label="Owner" class="log-filter"
                    prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev)) />
                <input type="text" placeholder="Due 2027-07-15" aria-label="Due" class="log-filter"
                    prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
                <button type="submit" class="button" data-action="add-review-action">"Add action"</button>
            </form>
        </section>
    }
}
