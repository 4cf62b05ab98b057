//! `ResourceList`: the Setup tab's section for resources (teams and shared pools that work
//! is limited by): each with its name, capacity and availability periods, editable (see
//! `ResourceRow`), and a form to add one.

use leptos::prelude::*;

use super::{Answer, ResourceRow};

/// A resource as the list shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResourceItem {
    pub id: String,
    pub name: String,
    /// Units a day, as written back (`2`, `0.5`).
    pub capacity: String,
    /// How many tasks demand it.
    pub tasks: usize,
    /// Its availability periods: (from, to, capacity), as text.
    pub periods: Vec<(String, String, String)>,
}

/// The callbacks of the resource list. Each answers `Err(reason)` to refuse; the reason is
/// shown beside the control. Resources are named by id.
#[derive(Clone, Copy)]
pub struct ResourceActions {
    /// Adds a resource: (name, capacity as typed).
    pub add: Callback<(String, String), Answer>,
    pub rename: Callback<(String, String), Answer>,
    pub capacity: Callback<(String, String), Answer>,
    /// (id, from, to, capacity), as typed.
    pub add_period: Callback<(String, String, String, String), Answer>,
    /// (id, the period's place).
    pub remove_period: Callback<(String, usize), Answer>,
    /// Deletes the resource and the demands on it.
    pub delete: Callback<String, Answer>,
}

/// The resources section: the list and "Add resource".
#[component]
pub fn ResourceList(
    #[prop(into)] resources: Signal<Vec<ResourceItem>>,
    actions: ResourceActions,
) -> impl IntoView {
    let ids = Memo::new(move |_| {
        resources.with(|list| list.iter().map(|r| r.id.clone()).collect::<Vec<_>>())
    });
    let name = RwSignal::new(String::new());
    let capacity = RwSignal::new(String::from("1"));
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match actions
            .add
            .run((name.get_untracked(), capacity.get_untracked()))
        {
            Ok(()) => {
                name.set(String::new());
                error.set(None);
            }
            Err(why) => error.set(Some(why)),
        }
    };
    view! {
        <section class="setup-section" aria-labelledby="setup-resources-title" data-section="resources">
            <h2 id="setup-resources-title" class="section-title">"Resources"</h2>
            <p class="section-hint">
                "Teams and shared pools (SRE on-call, security review, a vendor) and how many units a day they offer. Tasks demand them in the plan's Resources column (sre, sec:0.5); the Load tab shows where they are over-allocated."
            </p>
            <div class="resource-list">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <ResourceRow id=id all=resources actions=actions />
                </For>
            </div>
            <form class="inline-form resource-add" on:submit=add>
                <label class="field-label" for="new-resource-name">"New resource"</label>
                <input
                    id="new-resource-name"
                    type="text"
                    class="text-input"
                    maxlength="200"
                    placeholder="Name"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <label class="field-label" for="new-resource-capacity">"Units a day"</label>
                <input
                    id="new-resource-capacity"
                    type="text"
                    class="text-input number-input"
                    maxlength="20"
                    prop:value=move || capacity.get()
                    on:input=move |ev| capacity.set(event_target_value(&ev))
                />
                <button type="submit" class="button button-primary">"Add resource"</button>
            </form>
            {move || error.get().map(|why| view! {
                <p class="setup-error" role="alert" data-role="setup-error">{why}</p>
            })}
        </section>
    }
}
