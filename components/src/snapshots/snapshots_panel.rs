//! `SnapshotsPanel`: a program's version history: take a named snapshot, list them, view
//! one read-only, restore one.

use leptos::prelude::*;

/// One snapshot in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotSummary {
    pub key: f64,
    pub name: String,
    /// e.g. "named", "daily", "before restore".
    pub kind: String,
    /// When it was taken, as shown.
    pub created: String,
}

/// A snapshot opened for viewing.
#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotView {
    pub title: String,
    pub program_name: String,
    pub task_count: usize,
    /// (name, duration) of the first tasks.
    pub tasks: Vec<(String, i64)>,
}

/// The callbacks of the snapshots panel.
#[derive(Clone, Copy)]
pub struct SnapshotActions {
    /// With the new snapshot's name.
    pub take: Callback<String>,
    pub view: Callback<f64>,
    pub close_view: Callback<()>,
    pub restore: Callback<f64>,
}

/// The version history panel.
#[component]
pub fn SnapshotsPanel(
    #[prop(into)] snapshots: Signal<Vec<SnapshotSummary>>,
    #[prop(into)] viewed: Signal<Option<SnapshotView>>,
    actions: SnapshotActions,
) -> impl IntoView {
    let name = NodeRef::<leptos::html::Input>::new();
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = name.get_untracked() else {
            return;
        };
        let value = input.value().trim().to_owned();
        if !value.is_empty() {
            actions.take.run(value);
            input.set_value("");
        }
    };
    let list = move || {
        let snapshots = snapshots.get();
        if snapshots.is_empty() {
            return view! { <p class="section-hint">"No snapshots yet."</p> }.into_any();
        }
        view! {
            <ul class="snapshot-list">
                {snapshots
                    .into_iter()
                    .map(|s| {
                        let key = s.key;
                        view! {
                            <li data-snapshot-key=key.to_string()>
                                <span class="snapshot-name">{s.name}</span>
                                <span class="snapshot-kind">{s.kind}</span>
                                <span class="snapshot-time">{s.created}</span>
                                <span class="row-actions">
                                    <button
                                        type="button"
                                        class="button button-small"
                                        data-action="view-snapshot"
                                        on:click=move |_| actions.view.run(key)
                                    >
                                        "View"
                                    </button>
                                    <button
                                        type="button"
                                        class="button button-small"
                                        data-action="restore-snapshot"
                                        on:click=move |_| actions.restore.run(key)
                                    >
                                        "Restore"
                                    </button>
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let viewer = move || {
        viewed.get().map(|v| {
            let more = v.task_count.saturating_sub(v.tasks.len());
            view! {
                <div class="snapshot-view" role="region" aria-label="Snapshot content">
                    <div class="snapshot-view-head">
                        <p class="notice-title">{v.title}</p>
                        <button
                            type="button"
                            class="button button-small"
                            on:click=move |_| actions.close_view.run(())
                        >
                            "Close"
                        </button>
                    </div>
                    <p>
                        <span class="snapshot-program-name">{v.program_name}</span>
                        {format!(" · {} task(s)", v.task_count)}
                    </p>
                    <ol class="snapshot-tasks">
                        {v
                            .tasks
                            .into_iter()
                            .map(|(name, days)| view! { <li>{name} {format!(" ({days} d)")}</li> })
                            .collect_view()}
                    </ol>
                    {(more > 0).then(|| view! { <p class="section-hint">{format!("and {more} more")}</p> })}
                </div>
            }
        })
    };
    view! {
        <section class="snapshots" aria-labelledby="snapshots-heading">
            <h2 id="snapshots-heading" class="section-title">"Snapshots"</h2>
            <form class="inline-form" on:submit=take>
                <input
                    node_ref=name
                    type="text"
                    class="text-input"
                    data-field="snapshot-name"
                    placeholder="e.g. before workshop"
                    aria-label="Snapshot name"
                    maxlength="200"
                />
                <button type="submit" class="button">"Take snapshot"</button>
            </form>
            {viewer}
            {list}
        </section>
    }
}
