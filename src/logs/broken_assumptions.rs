//! Under the assumptions log: each broken assumption that has not become anything yet, with
//! **Make it an issue** and **Make it a risk** — a new item naming the same tasks, the
//! assumption recording what it became (one undoable action).
//!
//! Does not: build the items (`engine::logs::edit::assumption_to_issue` / `_to_risk`).

use engine::logs::edit::{assumption_to_issue, assumption_to_risk};
use engine::logs::model::AssumptionStatus;
use leptos::prelude::*;

use crate::editor::{Editor, describe};

/// The broken assumptions to follow up; a refusal goes to `refusal`.
#[component]
pub fn BrokenAssumptions(refusal: RwSignal<Option<String>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let broken = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.program
                    .logs
                    .assumptions
                    .iter()
                    .filter(|a| a.status == AssumptionStatus::Broken && a.became.is_none())
                    .map(|a| (a.id.clone(), a.statement.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let convert = move |id: String, to_risk: bool| {
        let today = crate::format::today();
        let made = editor.doc.with_untracked(|d| {
            d.as_ref().map(|d| {
                if to_risk {
                    assumption_to_risk(&d.program, &id, today)
                } else {
                    assumption_to_issue(&d.program, &id, today).map(|(new, e)| (new, vec![e]))
                }
            })
        });
        let result = match made {
            Some(Ok((new, edits))) => editor
                .act(edits)
                .map(|()| new)
                .map_err(|d| format!("{id}: {}", describe(&d))),
            Some(Err(r)) => Err(format!("{id} ({}): {}", r.field, r.message)),
            None => return,
        };
        match result {
            Ok(new) => {
                editor.confirm(format!("{id} became {new}: find it in its log."));
                refusal.set(None);
            }
            Err(why) => refusal.set(Some(why)),
        }
    };
    let rows = move || {
        broken
            .get()
            .into_iter()
            .map(|(id, statement)| {
                let (issue_id, risk_id) = (id.clone(), id.clone());
                view! {
                    <li data-assumption=id.clone()>
                        <strong>{format!("{id} — {statement}")}</strong>
                        <button type="button" class="button button-small" data-action="assumption-to-issue"
                            on:click=move |_| convert(issue_id.clone(), false)>"Make it an issue"</button>
                        <button type="button" class="button button-small" data-action="assumption-to-risk"
                            on:click=move |_| convert(risk_id.clone(), true)>"Make it a risk"</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || broken.with(|b| !b.is_empty())>
            <section class="change-requests" aria-label="Broken assumptions">
                <h2 class="section-title">"Broken assumptions to follow up"</h2>
                <ul class="change-list">{rows}</ul>
            </section>
        </Show>
    }
}
