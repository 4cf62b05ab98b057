//! `ChangeList`: one scenario opened: its name and description (editable), what to do with
//! it (edit or show it in the plan, duplicate, promote, delete) and its changes in plain
//! words, those that no longer apply marked so, each removable.

use leptos::prelude::*;

/// One change as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    pub text: String,
    /// Why it no longer applies (`None`: it applies).
    pub stale: Option<String>,
}

/// The scenario opened.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenScenario {
    pub id: String,
    pub name: String,
    pub description: String,
    pub changes: Vec<ChangeRow>,
    /// Why it cannot be scheduled, if it cannot (it cannot be promoted then).
    pub problem: Option<String>,
}

/// The callbacks of an opened scenario; each gets the scenario's id.
#[derive(Clone, Copy)]
pub struct ChangeListActions {
    pub rename: Callback<(String, String)>,
    pub describe: Callback<(String, String)>,
    /// Remove the change at a position.
    pub remove_change: Callback<(String, usize)>,
    /// Show it in the plan view, where edits become its changes.
    pub edit_in_plan: Callback<String>,
    pub duplicate: Callback<String>,
    pub promote: Callback<String>,
    /// Raise a change request that this scenario holds (change control).
    pub raise_change: Callback<String>,
    pub delete: Callback<String>,
    pub close: Callback<()>,
}

/// The opened scenario.
#[component]
pub fn ChangeList(
    #[prop(into)] scenario: Signal<Option<OpenScenario>>,
    actions: ChangeListActions,
) -> impl IntoView {
    move || scenario.get().map(|s| opened(s, actions))
}

fn opened(s: OpenScenario, actions: ChangeListActions) -> impl IntoView {
    let id = s.id.clone();
    let (i1, i2, i3, i4, i5) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
    let i6 = id.clone();
    let broken = s.problem.is_some();
    let changes = if s.changes.is_empty() {
        view! {
            <p class="section-hint" data-role="no-changes">
                "No changes yet: use “Edit in plan” and change durations, links or dates there."
            </p>
        }
        .into_any()
    } else {
        let items = s
            .changes
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let id = id.clone();
                let stale = c.stale.is_some();
                view! {
                    <li class="change-row" class:change-stale=stale data-change=i.to_string()>
                        <span class="change-text">{c.text}</span>
                        {c.stale.map(|why| view! {
                            <span class="change-stale-note">{format!("No longer applies: {why}")}</span>
                        })}
                        <button
                            type="button"
                            class="button button-small"
                            data-action="remove-change"
                            on:click=move |_| actions.remove_change.run((id.clone(), i))
                        >
                            "Remove"
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="change-list">{items}</ol> }.into_any()
    };
    view! {
        <div class="scenario-open" data-open-scenario=s.id.clone() role="region" aria-label="Scenario">
            <div class="scenario-fields">
                <label class="field">
                    <span class="field-label">"Name"</span>
                    <input
                        class="text-input"
                        data-field="scenario-name"
                        prop:value=s.name.clone()
                        on:change=move |ev| actions.rename.run((i1.clone(), event_target_value(&ev)))
                    />
                </label>
                <label class="field field-wide">
                    <span class="field-label">"Description"</span>
                    <input
                        class="text-input"
                        data-field="scenario-description"
                        placeholder="What this scenario supposes"
                        prop:value=s.description.clone()
                        on:change=move |ev| actions.describe.run((i2.clone(), event_target_value(&ev)))
                    />
                </label>
            </div>
            {s.problem.map(|p| view! { <p class="qi-error" role="alert">{p}</p> })}
            <div class="scenario-actions">
                <button type="button" class="button button-primary" data-action="edit-in-plan"
                    title="Show this scenario in the plan (its bars against the program); edits there become its changes"
                    on:click=move |_| actions.edit_in_plan.run(i3.clone())>
                    "Edit in plan"
                </button>
                <button type="button" class="button" data-action="duplicate-scenario"
                    on:click=move |_| actions.duplicate.run(i4.clone())>
                    "Duplicate"
                </button>
                <button type="button" class="button" data-action="promote-scenario" disabled=broken
                    title="Make this scenario the program (a snapshot is taken first; undoable)"
                    on:click=move |_| actions.promote.run(i5.clone())>
                    "Promote to program"
                </button>
                <button type="button" class="button" data-action="raise-change"
                    title="Raise a change request for this scenario: it is decided on the Logs tab, where approving it promotes the scenario"
                    on:click=move |_| actions.raise_change.run(i6.clone())>
                    "Raise change request"
                </button>
                <button type="button" class="button button-danger" data-action="delete-scenario"
                    on:click=move |_| actions.delete.run(id.clone())>
                    "Delete"
                </button>
                <button type="button" class="button" data-action="close-scenario"
                    on:click=move |_| actions.close.run(())>
                    "Close"
                </button>
            </div>
            <h3 class="subsection-title">"Changes against the program"</h3>
            {changes}
        </div>
    }
}
