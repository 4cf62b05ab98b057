//! The lists inside a log item, under its table: a risk's **mitigation actions** (checked off
//! when done; one past due and not done flags the risk) and a decision's **options** with
//! their trade-offs. One item is chosen at a time; each change is one undoable edit.
//!
//! Does not: build the edits (`engine::logs::sub_items`).

use engine::edit::Edit;
use engine::logs::edit::Refusal;
use engine::logs::sub_items::{
    add_action, add_option, remove_action, remove_option, set_action_done,
};
use leptos::prelude::*;

use crate::editor::Editor;

/// Makes the one edit `edit` builds of the open program (see `Editor::act_on`).
fn act(
    editor: Editor,
    refusal: RwSignal<Option<String>>,
    what: &str,
    edit: impl FnOnce(&engine::Program) -> Result<Edit, Refusal>,
) -> bool {
    editor.act_on(refusal, what, |p| edit(p).map(|e| vec![e]))
}

/// The ids and titles of `items`, for the chooser.
fn chooser(
    chosen: RwSignal<String>,
    items: Memo<Vec<(String, String)>>,
    label: &'static str,
) -> impl IntoView {
    view! {
        <select data-role="detail-item" aria-label=label
            on:change=move |ev| chosen.set(event_target_value(&ev))>
            <option value="">{format!("{label}…")}</option>
            {move || items.get().into_iter().map(|(id, title)| {
                let selected = chosen.get() == id;
                view! { <option value=id.clone() selected=selected>{format!("{id} — {title}")}</option> }
            }).collect_view()}
        </select>
    }
}

/// What mitigating each risk buys at P50 and P80, on demand (forecasts in a worker).
#[component]
pub fn MitigationValues() -> impl IntoView {
    use super::mitigation_job::{Values, start};
    let editor = expect_context::<Editor>();
    let state = RwSignal::new(Values::None);
    // A result is for the plan it was asked of: an edit makes it stale, so it goes.
    Effect::new(move |seen: Option<()>| {
        editor.doc.track();
        if seen.is_some() && !matches!(state.get_untracked(), Values::Running) {
            state.set(Values::None);
        }
    });
    let ask = move |_| {
        if let Some(program) = editor
            .doc
            .with_untracked(|d| d.as_ref().map(|d| d.program.clone()))
        {
            start(&program, state);
        }
    };
    let shown = move || {
        match state.get() {
        Values::None => None,
        Values::Running => Some(view! { <p role="status">"Forecasting each mitigation…"</p> }.into_any()),
        Values::Failed(why) => Some(view! { <p class="setup-error" role="alert">{why}</p> }.into_any()),
        Values::Done(values) if values.is_empty() => Some(
            view! { <p role="status">"No open risk has values after mitigation yet: type them in the Prob. after and Delay after columns."</p> }
                .into_any(),
        ),
        Values::Done(values) => Some(
            view! {
                <ul class="detail-list" data-role="mitigation-values">
                    {values.into_iter().map(|v| view! {
                        <li data-risk=v.risk.clone()>{format!("{} — {}", v.describe(), v.title)}</li>
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        ),
    }
    };
    view! {
        <section class="item-details" aria-label="What mitigation buys">
            <button type="button" class="button" data-action="mitigation-values"
                on:click=ask
                disabled=move || matches!(state.get(), Values::Running)
                title="Forecast the plan once as its risks stand and once per risk with that risk mitigated (2,000 iterations each, seed 1)">
                "What does each mitigation buy?"
            </button>
            {shown}
        </section>
    }
}

/// A risk's mitigation actions.
#[component]
pub fn RiskActions(refusal: RwSignal<Option<String>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let chosen = RwSignal::new(String::new());
    let risks = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.program
                    .risks
                    .iter()
                    .map(|r| (r.id.clone(), r.title.clone()))
                    .collect()
            })
        })
    });
    let today = crate::logs::logs_view::as_of(editor);
    let actions = move || {
        let id = chosen.get();
        editor.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.program.risks.iter().find(|r| r.id == id))
                .map(|r| r.actions.clone())
                .unwrap_or_default()
        })
    };
    let list = move || {
        actions()
            .into_iter()
            .enumerate()
            .map(|(at, a)| {
                let late = !a.done && a.due.is_some_and(|d| d < today);
                let due = a.due.map(|d| format!(" — due {d}")).unwrap_or_default();
                let owner = if a.owner.is_empty() { String::new() } else { format!(" — {}", a.owner) };
                view! {
                    <li class:flagged=late>
                        <label>
                            <input type="checkbox" data-role="action-done" prop:checked=a.done
                                on:change=move |ev| {
                                    let done = event_target_checked(&ev);
                                    act(editor, refusal, "Action", |p| set_action_done(p, &chosen.get_untracked(), at, done));
                                } />
                            {format!(" {}{owner}{due}", a.text)}
                        </label>
                        <button type="button" class="button-link" data-action="remove-action"
                            on:click=move |_| { act(editor, refusal, "Action", |p| remove_action(p, &chosen.get_untracked(), at)); }>
                            "Remove"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let (text, owner, due) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let added = act(editor, refusal, "Action not added", |p| {
            add_action(
                p,
                &chosen.get_untracked(),
                &text.get_untracked(),
                &owner.get_untracked(),
                &due.get_untracked(),
            )
        });
        if added {
            text.set(String::new());
            due.set(String::new());
        }
    };
    view! {
        <section class="item-details" aria-label="Mitigation actions" data-role="risk-actions">
            <h2 class="section-title">"Mitigation actions"</h2>
            {chooser(chosen, risks, "Choose a risk")}
            <Show when=move || !chosen.get().is_empty()>
                <ul class="detail-list">{list}</ul>
                <form class="log-add" on:submit=add>
                    <input type="text" placeholder="Action" data-role="action-text" aria-label="Action"
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
                    <input type="text" placeholder="Owner" aria-label="Owner" class="log-filter"
                        prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev)) />
                    <input type="text" placeholder="Due 2026-03-05" data-role="action-due" aria-label="Due" class="log-filter"
                        prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
                    <button type="submit" class="button" data-action="add-action">"Add action"</button>
                </form>
            </Show>
        </section>
    }
}

/// A decision's options and their trade-offs.
#[component]
pub fn DecisionOptions(refusal: RwSignal<Option<String>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let chosen = RwSignal::new(String::new());
    let decisions = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.program
                    .logs
                    .decisions
                    .iter()
                    .map(|x| (x.id.clone(), x.title.clone()))
                    .collect()
            })
        })
    });
    let options = move || {
        let id = chosen.get();
        editor.doc.with(|d| {
            d.as_ref()
                .and_then(|d| d.program.logs.decisions.iter().find(|x| x.id == id))
                .map(|x| x.options.clone())
                .unwrap_or_default()
        })
    };
    let list = move || {
        options()
            .into_iter()
            .enumerate()
            .map(|(at, o)| {
                view! {
                    <li>
                        <strong>{o.option}</strong>{format!(" — {}", o.tradeoffs)}
                        <button type="button" class="button-link" data-action="remove-option"
                            on:click=move |_| { act(editor, refusal, "Option", |p| remove_option(p, &chosen.get_untracked(), at)); }>
                            "Remove"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let (option, tradeoffs) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let added = act(editor, refusal, "Option not added", |p| {
            add_option(
                p,
                &chosen.get_untracked(),
                &option.get_untracked(),
                &tradeoffs.get_untracked(),
            )
        });
        if added {
            option.set(String::new());
            tradeoffs.set(String::new());
        }
    };
    view! {
        <section class="item-details" aria-label="Options and trade-offs" data-role="decision-options">
            <h2 class="section-title">"Options and trade-offs"</h2>
            {chooser(chosen, decisions, "Choose a decision")}
            <Show when=move || !chosen.get().is_empty()>
                <ul class="detail-list">{list}</ul>
                <form class="log-add" on:submit=add>
                    <input type="text" placeholder="Option" data-role="option-text" aria-label="Option"
                        prop:value=move || option.get() on:input=move |ev| option.set(event_target_value(&ev)) />
                    <input type="text" placeholder="Trade-offs" aria-label="Trade-offs"
                        prop:value=move || tradeoffs.get() on:input=move |ev| tradeoffs.set(event_target_value(&ev)) />
                    <button type="submit" class="button" data-action="add-option">"Add option"</button>
                </form>
            </Show>
        </section>
    }
}
