//! `WorkingCalendar`: the Setup tab's section for the program calendar: its working
//! weekdays and its holidays.

use chrono::Weekday;
use leptos::prelude::*;

use super::{Answer, HolidayChange, HolidayEditor, WeekdayPicker};

/// The program calendar's section. `summary` says how many holidays there are and how
/// many fall on working days.
#[component]
pub fn WorkingCalendar(
    #[prop(into)] workdays: Signal<Vec<Weekday>>,
    #[prop(into)] holidays: Signal<Vec<String>>,
    #[prop(into)] summary: Signal<String>,
    on_toggle_day: Callback<(Weekday, bool), Answer>,
    on_holidays: Callback<HolidayChange, Answer>,
) -> impl IntoView {
    view! {
        <section class="setup-section" aria-labelledby="setup-calendar-title" data-section="calendar">
            <h2 id="setup-calendar-title" class="section-title">"Working calendar"</h2>
            <p class="section-hint">
                "The program's working weekdays and holidays. Durations and lags count working days; a team may work fewer days (see Workstreams)."
            </p>
            <WeekdayPicker legend="Working weekdays" days=workdays on_toggle=on_toggle_day />
            <h3 class="subsection-title">"Holidays"</h3>
            <HolidayEditor holidays=holidays summary=summary on_change=on_holidays />
        </section>
    }
}
