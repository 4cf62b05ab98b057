//! `RiskItem`: one risk, editable in place: its title, probability (a percent), impact
//! range (working days), the tasks it would delay (chips, each removable, and a search to
//! add one) and Delete. A group named after the risk ("Risk R1"), so each field is found
//! by its label within it.

use engine::risks::Refusal;
use leptos::prelude::*;

use super::{RiskCallback, RiskChange, RiskTextField, RiskView, TaskSearch};
use crate::scenarios::quick_impact::TaskChoice;

/// One risk of the list.
#[component]
pub fn RiskItem(
    /// The risk's id (fixed for this item).
    #[prop(into)]
    id: String,
    /// The risk as it is now (`None` once it is gone).
    #[prop(into)]
    risk: Signal<Option<RiskView>>,
    #[prop(into)] choices: Signal<Vec<TaskChoice>>,
    change: RiskCallback,
) -> impl IntoView {
    let text_of = move |get: fn(&RiskView) -> String| {
        Signal::derive(move || risk.with(|r| r.as_ref().map(get).unwrap_or_default()))
    };
    let commit = {
        let id = id.clone();
        move |make: fn(String, String) -> RiskChange| {
            let id = id.clone();
            Callback::new(move |text: String| {
                change
                    .run(make(id.clone(), text))
                    .map_err(|r: Refusal| r.message)
            })
        }
    };
    let tasks = Signal::derive(move || risk.with(|r| r.as_ref().map(|r| r.tasks.clone())));
    let task_ids = Signal::derive(move || {
        tasks
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|t| t.id)
            .collect::<Vec<_>>()
    });
    let removal = RwSignal::new(None::<String>);
    let chips = {
        let id = id.clone();
        move || {
            let id = id.clone();
            tasks
                .get()
                .unwrap_or_default()
                .into_iter()
                .map(|t| {
                    let (risk, task) = (id.clone(), t.id.clone());
                    let remove = move |_| {
                        let asked = RiskChange::RemoveTask {
                            risk: risk.clone(),
                            task: task.clone(),
                        };
                        removal.set(change.run(asked).err().map(|r| r.message));
                    };
                    view! {
                        <li class="qi-chip" data-task=t.id.clone()>
                            <span class="qi-chip-team">{t.workstream.clone()}</span>
                            <span class="qi-chip-name">{t.name.clone()}</span>
                            <button
                                type="button"
                                class="qi-chip-remove"
                                aria-label=format!("Remove {}", t.name)
                                title=format!("{} no longer delays {} ({})", id, t.name, t.workstream)
                                on:click=remove
                            >
                                "×"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let no_task = move || {
        tasks.with(|t| t.as_ref().is_some_and(Vec::is_empty)).then(|| {
            view! {
                <p class="section-hint risk-no-task" data-role="risk-no-task">
                    "It delays no task yet, so it changes no forecast: add the tasks it would delay."
                </p>
            }
        })
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let asked = RiskChange::Remove { risk: id.clone() };
            removal.set(change.run(asked).err().map(|r| r.message));
        }
    };
    let pick = {
        let id = id.clone();
        Callback::new(move |task: String| {
            let asked = RiskChange::AddTask {
                risk: id.clone(),
                task,
            };
            change.run(asked).map_err(|r| r.message)
        })
    };
    let dom = |field: &str| format!("risk-{id}-{field}");
    view! {
        <li class="risk-item" data-risk=id.clone()>
            <fieldset class="risk-fieldset">
                <legend class="risk-id">{format!("Risk {id}")}</legend>
                <div class="risk-fields">
                    <RiskTextField
                        label="Title"
                        id=dom("title")
                        field="risk-title"
                        value=text_of(|r| r.title.clone())
                        commit=commit(|risk, text| RiskChange::Title { risk, text })
                    />
                    <RiskTextField
                        label="Probability (%)"
                        id=dom("probability")
                        field="risk-probability"
                        value=text_of(|r| r.probability.clone())
                        commit=commit(|risk, text| RiskChange::Probability { risk, text })
                        placeholder="30%"
                    />
                    <RiskTextField
                        label="Impact (working days)"
                        id=dom("impact")
                        field="risk-impact"
                        value=text_of(|r| r.impact.clone())
                        commit=commit(|risk, text| RiskChange::Impact { risk, text })
                        placeholder="5-15"
                    />
                    <button type="button" class="button button-danger risk-delete" on:click=delete>
                        "Delete risk"
                    </button>
                </div>
                <div class="risk-tasks">
                    <p class="field-label">"Delays"</p>
                    <ul class="qi-chips">{chips}</ul>
                    {no_task}
                    <TaskSearch
                        label="Add a task it would delay"
                        id=dom("task-search")
                        choices=choices
                        exclude=task_ids
                        pick=pick
                    />
                </div>
                {move || removal.get().map(|reason| view! { <p class="risk-refusal" role="alert">{reason}</p> })}
            </fieldset>
        </li>
    }
}
