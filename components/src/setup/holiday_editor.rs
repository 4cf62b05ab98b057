//! `HolidayEditor`: a calendar's holidays: the list (sorted, each removable) and three ways
//! to add: one date, a range from–to, or a pasted list of dates and ranges.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::Answer;

/// A change to the holidays, as the user asked for it (the texts as typed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HolidayChange {
    /// One date, or a pasted list of dates and ranges.
    Add(String),
    /// Every day from the first to the second.
    AddRange(String, String),
    /// The holiday on this date (`YYYY-MM-DD`).
    Remove(String),
}

/// The holidays `holidays` (`YYYY-MM-DD`, sorted) with `summary` above them (e.g. "3
/// holidays, 2 on working days"). `on_change` answers `Err(reason)` to refuse: the text typed
/// stays, with the reason below the forms.
#[component]
pub fn HolidayEditor(
    #[prop(into)] holidays: Signal<Vec<String>>,
    #[prop(into)] summary: Signal<String>,
    on_change: Callback<HolidayChange, Answer>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let (one, from, to, pasted) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    // Runs a change; on success empties the fields it came from.
    let run = move |change: HolidayChange, fields: &[RwSignal<String>]| match on_change.run(change)
    {
        Ok(()) => {
            error.set(None);
            for field in fields {
                field.set(String::new());
            }
        }
        Err(why) => error.set(Some(why)),
    };
    let add_one = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(HolidayChange::Add(one.get_untracked()), &[one]);
    };
    let add_range = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(
            HolidayChange::AddRange(from.get_untracked(), to.get_untracked()),
            &[from, to],
        );
    };
    let add_pasted = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(HolidayChange::Add(pasted.get_untracked()), &[pasted]);
    };
    let list = move || {
        let days = holidays.get();
        if days.is_empty() {
            return view! { <p class="section-hint holiday-none">"No holidays."</p> }.into_any();
        }
        let items = days
            .into_iter()
            .map(|date| {
                let weekday = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
                    .map(|d| d.weekday().to_string())
                    .unwrap_or_default();
                let removed = date.clone();
                view! {
                    <li class="holiday" data-date=date.clone()>
                        <span class="holiday-date">{date.clone()}</span>
                        <span class="holiday-weekday">{weekday}</span>
                        <button
                            type="button"
                            class="button button-small"
                            aria-label=format!("Remove {date}")
                            on:click=move |_| run(HolidayChange::Remove(removed.clone()), &[])
                        >
                            "Remove"
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="holiday-list">{items}</ul> }.into_any()
    };
    view! {
        <div class="holiday-editor">
            <p class="holiday-summary" data-role="holiday-summary">{move || summary.get()}</p>
            {list}
            <div class="holiday-forms">
                <form class="inline-form holiday-add" on:submit=add_one>
                    <label class="field">
                        <span class="field-label">"Holiday"</span>
                        <input
                            type="date"
                            class="text-input"
                            prop:value=move || one.get()
                            on:input=move |ev| one.set(event_target_value(&ev))
                        />
                    </label>
                    <button type="submit" class="button">"Add holiday"</button>
                </form>
                <form class="inline-form holiday-add" on:submit=add_range>
                    <label class="field">
                        <span class="field-label">"From"</span>
                        <input
                            type="date"
                            class="text-input"
                            prop:value=move || from.get()
                            on:input=move |ev| from.set(event_target_value(&ev))
                        />
                    </label>
                    <label class="field">
                        <span class="field-label">"To"</span>
                        <input
                            type="date"
                            class="text-input"
                            prop:value=move || to.get()
                            on:input=move |ev| to.set(event_target_value(&ev))
                        />
                    </label>
                    <button type="submit" class="button">"Add range"</button>
                </form>
                <form class="inline-form holiday-add holiday-paste" on:submit=add_pasted>
                    <label class="field">
                        <span class="field-label">"Paste dates"</span>
                        <textarea
                            class="text-input"
                            rows="2"
                            placeholder="2026-12-24..2026-12-31, 2027-01-01"
                            prop:value=move || pasted.get()
                            on:input=move |ev| pasted.set(event_target_value(&ev))
                        ></textarea>
                    </label>
                    <button type="submit" class="button">"Add dates"</button>
                </form>
            </div>
            {move || error.get().map(|why| view! {
                <p class="setup-error" role="alert" data-role="setup-error">{why}</p>
            })}
        </div>
    }
}
