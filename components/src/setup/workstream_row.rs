//! `WorkstreamRow`: one workstream of the list: its colour, name and task count, its working
//! days, Move up / Move down, and Delete (moving its tasks to another workstream).

use chrono::Weekday;
use leptos::prelude::*;

use super::{
    Answer, HolidayChange, TeamCalendar, WorkstreamActions, WorkstreamDelete, WorkstreamItem,
};
use crate::setup::SetupField;

/// What the row has opened below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    Nothing,
    Days,
    Delete,
}

/// Workstream `id` of `all` (the whole list, for its place and the others' names). A group
/// named after the workstream, so each control is found by its name within it.
#[component]
pub fn WorkstreamRow(
    id: String,
    #[prop(into)] all: Signal<Vec<WorkstreamItem>>,
    #[prop(into)] program_days: Signal<Vec<Weekday>>,
    actions: WorkstreamActions,
) -> impl IntoView {
    let id = StoredValue::new(id);
    let shown = shown(id, all);
    let Shown {
        name,
        tasks,
        first,
        last,
        own_calendar,
        days,
        others,
        ..
    } = shown;

    let open = RwSignal::new(Open::Nothing);
    let error = RwSignal::new(None::<String>);
    let answer = move |result: Answer| match result {
        Ok(()) => error.set(None),
        Err(why) => error.set(Some(why)),
    };
    let (up, down) = (
        NodeRef::<leptos::html::Button>::new(),
        NodeRef::<leptos::html::Button>::new(),
    );
    // Moving a row moves its element: give the focus back to the button pressed (or the
    // other one, when the row has reached an end), so the keyboard can go on.
    let move_by = move |by: isize| {
        let result = actions.move_by.run((id.get_value(), by));
        if result.is_ok() {
            request_animation_frame(move || {
                let (pressed, other) = if by < 0 { (up, down) } else { (down, up) };
                let button = [pressed, other]
                    .into_iter()
                    .filter_map(|b| b.get_untracked())
                    .find(|b| !b.disabled());
                if let Some(button) = button {
                    let _ = button.focus();
                }
            });
        }
        answer(result);
    };
    let delete = move |_| {
        if others.with(Vec::is_empty) {
            // The last workstream: the app says why it cannot go.
            answer(actions.delete.run((id.get_value(), String::new())));
        } else {
            error.set(None);
            open.set(Open::Delete);
        }
    };
    let toggle_days = move |_| {
        open.update(|o| {
            *o = if *o == Open::Days {
                Open::Nothing
            } else {
                Open::Days
            }
        })
    };
    let days_text = move || {
        let whose = if own_calendar.get() { "own" } else { "program" };
        format!("{} ({whose})", weekday_ranges(&days.get()))
    };
    let tasks_text = move || match tasks.get() {
        0 => "no tasks".to_owned(),
        1 => "1 task".to_owned(),
        n => format!("{n} tasks"),
    };
    view! {
        <div
            class="ws-row"
            role="group"
            aria-label=move || name.get()
            data-workstream=move || id.get_value()
        >
            <div class="ws-main">
                {colour(id, shown, actions, answer)}
                <SetupField
                    label="Name"
                    visually_hidden_label=true
                    field="workstream-name"
                    value=name
                    on_commit=Callback::new(move |text: String| {
                        actions.rename.run((id.get_value(), text))
                    })
                />
                <span class="ws-tasks" data-role="task-count">{tasks_text}</span>
                <span class="ws-days" data-role="team-days">{days_text}</span>
                <span class="ws-actions">
                    <button
                        type="button"
                        class="button button-small"
                        aria-expanded=move || (open.get() == Open::Days).to_string()
                        on:click=toggle_days
                    >
                        "Working days"
                        <span aria-hidden="true">
                            {move || if open.get() == Open::Days { " ▴" } else { " ▾" }}
                        </span>
                    </button>
                    <button
                        node_ref=up
                        type="button"
                        class="button button-small"
                        disabled=first
                        on:click=move |_| move_by(-1)
                    >
                        "Move up"
                    </button>
                    <button
                        node_ref=down
                        type="button"
                        class="button button-small"
                        disabled=last
                        on:click=move |_| move_by(1)
                    >
                        "Move down"
                    </button>
                    <button
                        type="button"
                        class="button button-small button-danger"
                        aria-expanded=move || (open.get() == Open::Delete).to_string()
                        on:click=delete
                    >
                        "Delete…"
                    </button>
                </span>
            </div>
            {move || error.get().map(|why| view! {
                <p class="setup-error" role="alert" data-role="setup-error">{why}</p>
            })}
            {move || opened(open, shown, id, program_days, actions)}
        </div>
    }
}

/// The workstream as the row shows it, read from the list.
#[derive(Clone, Copy)]
struct Shown {
    name: Signal<String>,
    color: Signal<String>,
    own_color: Signal<bool>,
    tasks: Signal<usize>,
    /// First or last in the list (it cannot move further that way).
    first: Signal<bool>,
    last: Signal<bool>,
    own_calendar: Signal<bool>,
    days: Signal<Vec<Weekday>>,
    holidays: Signal<Vec<String>>,
    holiday_summary: Signal<String>,
    /// The other workstreams, (id, name): where its tasks can go when it is deleted.
    others: Signal<Vec<(String, String)>>,
}

/// Workstream `id` of `all`, each part a signal of its own.
fn shown(id: StoredValue<String>, all: Signal<Vec<WorkstreamItem>>) -> Shown {
    // (its place, how many there are, the workstream)
    let found = Memo::new(move |_| {
        all.with(|list| {
            let place = list.iter().position(|w| w.id == id.get_value())?;
            Some((place, list.len(), list.get(place)?.clone()))
        })
    });
    let item = move |get: fn(&WorkstreamItem) -> String| {
        Signal::derive(move || {
            found.with(|f| f.as_ref().map(|(_, _, w)| get(w)).unwrap_or_default())
        })
    };
    let name = item(|w| w.name.clone());
    let color = item(|w| w.color.clone());
    let own_color =
        Signal::derive(move || found.with(|f| f.as_ref().is_some_and(|(_, _, w)| w.own_color)));
    let tasks = Signal::derive(move || found.with(|f| f.as_ref().map_or(0, |(_, _, w)| w.tasks)));
    let first = Signal::derive(move || found.with(|f| f.as_ref().is_none_or(|(p, _, _)| *p == 0)));
    let last =
        Signal::derive(move || found.with(|f| f.as_ref().is_none_or(|(p, n, _)| p + 1 >= *n)));
    let own_calendar =
        Signal::derive(move || found.with(|f| f.as_ref().is_some_and(|(_, _, w)| w.own_calendar)));
    let days = Signal::derive(move || {
        found.with(|f| {
            f.as_ref()
                .map(|(_, _, w)| w.days.clone())
                .unwrap_or_default()
        })
    });
    let holidays = Signal::derive(move || {
        found.with(|f| {
            f.as_ref()
                .map(|(_, _, w)| w.holidays.clone())
                .unwrap_or_default()
        })
    });
    let holiday_summary = item(|w| w.holiday_summary.clone());
    let others = Signal::derive(move || {
        all.with(|list| {
            list.iter()
                .filter(|w| w.id != id.get_value())
                .map(|w| (w.id.clone(), w.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    Shown {
        name,
        color,
        own_color,
        tasks,
        first,
        last,
        own_calendar,
        days,
        holidays,
        holiday_summary,
        others,
    }
}

/// The colour picker, and "Default colour" when the workstream has a colour of its own.
fn colour(
    id: StoredValue<String>,
    shown: Shown,
    actions: WorkstreamActions,
    answer: impl Fn(Answer) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Shown {
        color, own_color, ..
    } = shown;
    view! {
        <span class="ws-color">
            <input
                type="color"
                aria-label="Colour"
                data-role="workstream-color"
                prop:value=move || color.get()
                on:change=move |ev| {
                    answer(actions.recolor.run((id.get_value(), Some(event_target_value(&ev)))))
                }
            />
            {move || own_color.get().then(|| view! {
                <button
                    type="button"
                    class="button button-small"
                    title="The default colour of its place in the list"
                    on:click=move |_| answer(actions.recolor.run((id.get_value(), None)))
                >
                    "Default colour"
                </button>
            })}
        </span>
    }
}

/// What the row has opened below it: the team's working days, or the delete question.
fn opened(
    open: RwSignal<Open>,
    shown: Shown,
    id: StoredValue<String>,
    program_days: Signal<Vec<Weekday>>,
    actions: WorkstreamActions,
) -> Option<AnyView> {
    let Shown {
        name,
        tasks,
        own_calendar,
        days,
        holidays,
        holiday_summary,
        others,
        ..
    } = shown;
    match open.get() {
        Open::Nothing => None,
        Open::Days => Some(
            view! {
                <TeamCalendar
                    own=own_calendar
                    days=days
                    program_days=program_days
                    holidays=holidays
                    summary=holiday_summary
                    on_toggle_day=Callback::new(move |(day, works): (Weekday, bool)| {
                        actions.team_day.run((id.get_value(), day, works))
                    })
                    on_same_as_program=Callback::new(move |()| {
                        actions.same_as_program.run(id.get_value())
                    })
                    on_holidays=Callback::new(move |change: HolidayChange| {
                        actions.team_holidays.run((id.get_value(), change))
                    })
                />
            }
            .into_any(),
        ),
        Open::Delete => Some(
            view! {
                <WorkstreamDelete
                    name=name
                    tasks=tasks
                    others=others
                    on_delete=Callback::new(move |to: String| {
                        actions.delete.run((id.get_value(), to))
                    })
                    on_cancel=Callback::new(move |()| open.set(Open::Nothing))
                />
            }
            .into_any(),
        ),
    }
}

/// Weekdays as runs from Monday: `Mon–Thu`, `Mon–Wed, Fri`, `Sat` (as in a timetable).
fn weekday_ranges(days: &[Weekday]) -> String {
    let mut runs: Vec<(Weekday, Weekday)> = Vec::new();
    let week = (0u8..7).map(Weekday::try_from).filter_map(Result::ok);
    for day in week.filter(|d| days.contains(d)) {
        match runs.last_mut() {
            Some((_, last)) if last.succ() == day && day != Weekday::Mon => *last = day,
            _ => runs.push((day, day)),
        }
    }
    runs.iter()
        .map(
            |&(first, last)| match last.num_days_from_monday() - first.num_days_from_monday() {
                0 => first.to_string(),
                1 => format!("{first}, {last}"),
                _ => format!("{first}–{last}"),
            },
        )
        .collect::<Vec<_>>()
        .join(", ")
}
