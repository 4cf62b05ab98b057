//! `WorkstreamList`: the Setup tab's section for the workstreams (teams): each in order,
//! editable (see `WorkstreamRow`), and a form to add one.

use chrono::Weekday;
use leptos::prelude::*;

use super::{Answer, HolidayChange, WorkstreamRow};

/// A workstream as the list shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkstreamItem {
    pub id: String,
    pub name: String,
    /// Its colour as drawn, `#rrggbb`: its own, or the default of its place.
    pub color: String,
    /// Whether the colour is its own.
    pub own_color: bool,
    /// How many tasks it has.
    pub tasks: usize,
    /// Whether it has a calendar of its own.
    pub own_calendar: bool,
    /// The weekdays it works (the program's without a calendar of its own).
    pub days: Vec<Weekday>,
    /// Its own holidays (`YYYY-MM-DD`) and what they amount to.
    pub holidays: Vec<String>,
    pub holiday_summary: String,
}

/// The callbacks of the workstream list. Each answers `Err(reason)` to refuse; the reason
/// is shown beside the control. Workstreams are named by id.
#[derive(Clone, Copy)]
pub struct WorkstreamActions {
    /// Adds a workstream with this name.
    pub add: Callback<String, Answer>,
    pub rename: Callback<(String, String), Answer>,
    /// A colour `#rrggbb`, or `None`: the default of its place.
    pub recolor: Callback<(String, Option<String>), Answer>,
    /// One place up (-1) or down (1).
    pub move_by: Callback<(String, isize), Answer>,
    /// Deletes the first, moving its tasks to the second.
    pub delete: Callback<(String, String), Answer>,
    pub team_day: Callback<(String, Weekday, bool), Answer>,
    pub same_as_program: Callback<String, Answer>,
    pub team_holidays: Callback<(String, HolidayChange), Answer>,
}

/// The workstreams section: the list in order and "Add workstream".
#[component]
pub fn WorkstreamList(
    #[prop(into)] workstreams: Signal<Vec<WorkstreamItem>>,
    /// The program's working weekdays (a team works only on those).
    #[prop(into)]
    program_days: Signal<Vec<Weekday>>,
    actions: WorkstreamActions,
) -> impl IntoView {
    let ids = Memo::new(move |_| {
        workstreams.with(|list| list.iter().map(|w| w.id.clone()).collect::<Vec<_>>())
    });
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match actions.add.run(name.get_untracked()) {
            Ok(()) => {
                name.set(String::new());
                error.set(None);
            }
            Err(why) => error.set(Some(why)),
        }
    };
    view! {
        <section class="setup-section" aria-labelledby="setup-workstreams-title" data-section="workstreams">
            <h2 id="setup-workstreams-title" class="section-title">"Workstreams (teams)"</h2>
            <p class="section-hint">
                "In the order of the plan's groups. A workstream's colour marks its bars; its working days can be fewer than the program's."
            </p>
            <div class="ws-list">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <WorkstreamRow id=id all=workstreams program_days=program_days actions=actions />
                </For>
            </div>
            <form class="inline-form ws-add" on:submit=add>
                <label class="field-label" for="new-workstream-name">"New workstream"</label>
                <input
                    id="new-workstream-name"
                    type="text"
                    class="text-input"
                    maxlength="200"
                    placeholder="Name"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <button type="submit" class="button button-primary">"Add workstream"</button>
            </form>
            {move || error.get().map(|why| view! {
                <p class="setup-error" role="alert" data-role="setup-error">{why}</p>
            })}
        </section>
    }
}
