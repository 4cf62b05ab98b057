//! The pending change requests under the change log: each with what its scenario does to
//! the plan (milestones moved, the finish's shift), **Approve** (a snapshot first, then the
//! scenario becomes the program and the request records the decision: one undoable step)
//! and **Reject** (the scenario kept for the record).
//!
//! Does not: compute the impact or decide anything (`document::logs::change_control`).

use document::logs::change_control::{approve, impact, reject};
use engine::logs::model::ChangeDecision;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::editor::Editor;

/// The pending requests; a refusal goes to `refusal`.
#[component]
pub fn ChangeRequests(refusal: RwSignal<Option<String>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let pending = Memo::new(move |_| {
        editor.doc.with(|d| {
            let Some(d) = d.as_ref() else {
                return Vec::new();
            };
            editor.derived.with(|v| {
                d.program
                    .logs
                    .changes
                    .iter()
                    .filter(|c| c.decision == ChangeDecision::Pending)
                    .map(|c| {
                        let effect = match v.program.ok() {
                            Some(before) if c.scenario.is_some() => impact(d, &c.id, before)
                                .map(|i| i.describe())
                                .unwrap_or_else(|why| why),
                            Some(_) => "No scenario holds this change: raise it from a scenario to see its impact.".into(),
                            None => "The plan cannot be scheduled: fix it to see the impact.".into(),
                        };
                        (c.id.clone(), c.title.clone(), effect, c.scenario.is_some())
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let rows = move || {
        pending
            .get()
            .into_iter()
            .map(|(id, title, effect, has_scenario)| {
                let (approve_id, reject_id) = (id.clone(), id.clone());
                view! {
                    <li data-change=id.clone()>
                        <strong>{format!("{id} — {title}")}</strong>
                        <span class="change-impact" data-role="change-impact">{format!(": {effect}")}</span>
                        <button type="button" class="button button-small" data-action="approve-change"
                            disabled=!has_scenario
                            title="Approve: a snapshot first, then the scenario becomes the program (Undo takes it back)"
                            on:click=move |_| decide_approve(editor, approve_id.clone(), refusal)>
                            "Approve"
                        </button>
                        <button type="button" class="button button-small" data-action="reject-change"
                            title="Reject: the request is closed, its scenario kept for the record"
                            on:click=move |_| {
                                let id = reject_id.clone();
                                let today = crate::format::today();
                                refusal.set(editor.change(true, |doc| reject(doc, &id, today)).err());
                            }>
                            "Reject"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || pending.with(|p| !p.is_empty())>
            <section class="change-requests" aria-label="Pending change requests">
                <h2 class="section-title">"Pending change requests"</h2>
                <ul class="change-list">{rows}</ul>
            </section>
        </Show>
    }
}

/// Approves request `id`: a snapshot first (as promoting a scenario does), then one change.
fn decide_approve(editor: Editor, id: String, refusal: RwSignal<Option<String>>) {
    spawn_local(async move {
        if let Err(reason) = editor.snapshot_now(&format!("Before approving {id}")).await {
            refusal.set(Some(format!(
                "Not approved: no snapshot could be taken. {reason}"
            )));
            return;
        }
        let today = crate::format::today();
        match editor.change(true, |doc| approve(doc, &id, today)) {
            Ok(()) => {
                editor.scenario.set(None);
                editor.confirm(format!(
                    "{id} approved: its scenario is now the program (a snapshot was taken first; Undo takes it back)."
                ));
                refusal.set(None);
            }
            Err(why) => refusal.set(Some(format!("{id} not approved: {why}"))),
        }
    });
}
