//! `ResourceRow`: one resource on the Setup tab: its name and capacity (each committed when
//! left), its availability periods with a form to add one, and Delete.

use leptos::prelude::*;

use super::{ResourceActions, ResourceItem, SetupField};

/// Resource `id` of `all`, editable.
#[component]
pub fn ResourceRow(
    id: String,
    #[prop(into)] all: Signal<Vec<ResourceItem>>,
    actions: ResourceActions,
) -> impl IntoView {
    let item = {
        let id = id.clone();
        Memo::new(move |_| {
            all.with(|list| list.iter().find(|r| r.id == id).cloned())
                .unwrap_or_default()
        })
    };
    let name = Signal::derive(move || item.with(|r| r.name.clone()));
    let capacity = Signal::derive(move || item.with(|r| r.capacity.clone()));
    let with_id = |id: &String| id.clone();
    let rename = {
        let id = with_id(&id);
        Callback::new(move |text: String| actions.rename.run((id.clone(), text)))
    };
    let set_capacity = {
        let id = with_id(&id);
        Callback::new(move |text: String| actions.capacity.run((id.clone(), text)))
    };
    let (from, to, units) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::from("0")),
    );
    let error = RwSignal::new(None::<String>);
    let add_period = {
        let id = with_id(&id);
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let period = (
                id.clone(),
                from.get_untracked(),
                to.get_untracked(),
                units.get_untracked(),
            );
            error.set(actions.add_period.run(period).err());
        }
    };
    let periods = {
        let id = with_id(&id);
        move || {
            item.with(|r| r.periods.clone())
                .into_iter()
                .enumerate()
                .map(|(at, (from, to, capacity))| {
                    let id = id.clone();
                    view! {
                        <li data-role="period">
                            {format!("{from} to {to}: {capacity} a day")}
                            <button
                                type="button"
                                class="button button-small"
                                on:click=move |_| error.set(actions.remove_period.run((id.clone(), at)).err())
                            >
                                "Remove"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let delete = {
        let id = with_id(&id);
        move |_| error.set(actions.delete.run(id.clone()).err())
    };
    let demanded = move || match item.with(|r| r.tasks) {
        0 => "No task demands it yet.".to_owned(),
        1 => "1 task demands it.".to_owned(),
        n => format!("{n} tasks demand it."),
    };
    view! {
        <div class="resource-row" data-resource=id.clone()>
            <SetupField label="Name" value=name on_commit=rename field="resource-name" />
            <SetupField label="Units a day" value=capacity on_commit=set_capacity field="resource-capacity" />
            <p class="section-hint">{demanded}</p>
            <ul class="resource-periods">{periods}</ul>
            <form class="inline-form resource-period-add" on:submit=add_period>
                <label class="field-label">"From"
                    <input type="date" class="text-input" prop:value=move || from.get()
                        on:input=move |ev| from.set(event_target_value(&ev)) />
                </label>
                <label class="field-label">"To"
                    <input type="date" class="text-input" prop:value=move || to.get()
                        on:input=move |ev| to.set(event_target_value(&ev)) />
                </label>
                <label class="field-label">"Units a day"
                    <input type="text" class="text-input number-input" maxlength="20"
                        prop:value=move || units.get()
                        on:input=move |ev| units.set(event_target_value(&ev)) />
                </label>
                <button type="submit" class="button">"Add period"</button>
            </form>
            <button type="button" class="button button-danger" data-action="delete-resource" on:click=delete>
                "Delete resource"
            </button>
            {move || error.get().map(|why| view! {
                <p class="setup-error" role="alert" data-role="setup-error">{why}</p>
            })}
        </div>
    }
}
