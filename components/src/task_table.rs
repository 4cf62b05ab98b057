//! `TaskTable`: the tasks with their scheduled start and finish; name and duration editable,
//! a task deleted, a task added.

use leptos::prelude::*;

/// One task as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskRow {
    pub id: String,
    pub name: String,
    /// Working days.
    pub duration: i64,
    /// Scheduled dates, as shown ("" when the plan cannot be scheduled).
    pub start: String,
    pub finish: String,
}

/// The callbacks of the task table.
#[derive(Clone, Copy)]
pub struct TaskActions {
    /// (task id, new name), on each keystroke.
    pub rename: Callback<(String, String)>,
    /// (task id, new duration in working days).
    pub set_duration: Callback<(String, i64)>,
    /// A task id.
    pub delete: Callback<String>,
    /// (name, duration) of a new task.
    pub add: Callback<(String, i64)>,
}

/// The task table and the form to add a task. `rows` may be the first part of a longer
/// list: `total` is how many tasks there are.
#[component]
pub fn TaskTable(
    #[prop(into)] rows: Signal<Vec<TaskRow>>,
    #[prop(into)] total: Signal<usize>,
    actions: TaskActions,
) -> impl IntoView {
    let field = move |id: &str, get: fn(&TaskRow) -> String| {
        let id = id.to_owned();
        move || {
            rows.with(|rows| rows.iter().find(|r| r.id == id).map(get))
                .unwrap_or_default()
        }
    };
    let new_name = NodeRef::<leptos::html::Input>::new();
    let new_duration = NodeRef::<leptos::html::Input>::new();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(name), Some(duration)) = (new_name.get_untracked(), new_duration.get_untracked())
        else {
            return;
        };
        let text = name.value().trim().to_owned();
        if text.is_empty() {
            return;
        }
        let days = duration
            .value()
            .trim()
            .parse::<i64>()
            .unwrap_or(1)
            .clamp(0, 10_000);
        actions.add.run((text, days));
        name.set_value("");
        duration.set_value("5");
        let _ = name.focus();
    };
    view! {
        <section class="tasks" aria-labelledby="tasks-heading">
            <h2 id="tasks-heading" class="section-title">"Tasks"</h2>
            <table
                class="data-table task-table"
                style:display=move || if total.get() == 0 { "none" } else { "" }
            >
                <thead>
                    <tr>
                        <th scope="col">"Task"</th>
                        <th scope="col" class="num">"Days"</th>
                        <th scope="col">"Start"</th>
                        <th scope="col">"Finish"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.get()
                        key=|row| row.id.clone()
                        children=move |row| {
                            let id = row.id.clone();
                            let (rename_id, duration_id, delete_id) =
                                (id.clone(), id.clone(), id.clone());
                            view! {
                                <tr data-task-id=id.clone()>
                                    <td>
                                        <input
                                            type="text"
                                            class="text-input cell-input"
                                            data-field="task-name"
                                            aria-label="Task name"
                                            maxlength="500"
                                            prop:value=field(&id, |r| r.name.clone())
                                            on:input=move |ev| {
                                                actions
                                                    .rename
                                                    .run((rename_id.clone(), event_target_value(&ev)))
                                            }
                                        />
                                    </td>
                                    <td class="num">
                                        <input
                                            type="number"
                                            class="text-input cell-input num-input"
                                            data-field="task-duration"
                                            aria-label="Duration in working days"
                                            min="0"
                                            max="10000"
                                            prop:value=field(&id, |r| r.duration.to_string())
                                            on:change=move |ev| {
                                                if let Ok(days) = event_target_value(&ev).trim().parse::<i64>() {
                                                    actions
                                                        .set_duration
                                                        .run((duration_id.clone(), days.clamp(0, 10_000)))
                                                }
                                            }
                                        />
                                    </td>
                                    <td class="date" data-field="task-start">{field(&id, |r| r.start.clone())}</td>
                                    <td class="date" data-field="task-finish">{field(&id, |r| r.finish.clone())}</td>
                                    <td class="row-actions">
                                        <button
                                            type="button"
                                            class="button button-small button-danger"
                                            data-action="delete-task"
                                            on:click=move |_| actions.delete.run(delete_id.clone())
                                        >
                                            "Delete"
                                        </button>
                                    </td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
            {move || {
                let (shown, total) = (rows.with(Vec::len), total.get());
                if total == 0 {
                    Some(view! { <p class="section-hint">"No tasks yet: add the first one below."</p> }.into_any())
                } else if shown < total {
                    Some(
                        view! {
                            <p class="section-hint">
                                {format!("Showing the first {shown} of {total} tasks.")}
                            </p>
                        }
                            .into_any(),
                    )
                } else {
                    None
                }
            }}
            <form class="inline-form add-task" on:submit=add>
                <input
                    node_ref=new_name
                    type="text"
                    class="text-input"
                    data-field="new-task-name"
                    placeholder="New task"
                    aria-label="New task name"
                    maxlength="500"
                />
                <input
                    node_ref=new_duration
                    type="number"
                    class="text-input num-input"
                    data-field="new-task-duration"
                    aria-label="Duration in working days"
                    min="0"
                    max="10000"
                    value="5"
                />
                <span class="field-unit">"days"</span>
                <button type="submit" class="button button-primary">"Add task"</button>
            </form>
        </section>
    }
}
