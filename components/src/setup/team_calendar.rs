//! `TeamCalendar`: a workstream's own working days: its weekdays (among the program's) and
//! holidays of its own on top of the program's, or "same as the program".

use chrono::Weekday;
use leptos::prelude::*;

use super::{Answer, HolidayChange, HolidayEditor, WeekdayPicker};

/// A team's calendar. Ticking or unticking a day gives the team a calendar of its own;
/// "Same as the program" takes it away.
#[component]
pub fn TeamCalendar(
    /// Whether the team has a calendar of its own.
    #[prop(into)]
    own: Signal<bool>,
    /// The weekdays it works (the program's when it has no calendar of its own).
    #[prop(into)]
    days: Signal<Vec<Weekday>>,
    #[prop(into)] program_days: Signal<Vec<Weekday>>,
    /// Its own holidays (`YYYY-MM-DD`), and what they amount to.
    #[prop(into)]
    holidays: Signal<Vec<String>>,
    #[prop(into)] summary: Signal<String>,
    on_toggle_day: Callback<(Weekday, bool), Answer>,
    on_same_as_program: Callback<(), Answer>,
    on_holidays: Callback<HolidayChange, Answer>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let same = move |_| match on_same_as_program.run(()) {
        Ok(()) => error.set(None),
        Err(why) => error.set(Some(why)),
    };
    view! {
        <div class="team-calendar" data-role="team-calendar">
            <p class="section-hint">
                {move || if own.get() {
                    "This team has working days of its own (within the program's), and its own holidays on top of the program's."
                } else {
                    "This team works the program's days. Untick a day to give it a calendar of its own."
                }}
            </p>
            <div class="team-calendar-days">
                <WeekdayPicker
                    legend="Team working weekdays"
                    days=days
                    allowed=program_days
                    on_toggle=on_toggle_day
                />
                <button
                    type="button"
                    class="button button-small"
                    disabled=move || !own.get()
                    on:click=same
                >
                    "Same as the program"
                </button>
            </div>
            {move || error.get().map(|why| view! {
                <p class="setup-error" role="alert" data-role="setup-error">{why}</p>
            })}
            <h4 class="subsection-title">"Team holidays"</h4>
            <HolidayEditor holidays=holidays summary=summary on_change=on_holidays />
        </div>
    }
}
