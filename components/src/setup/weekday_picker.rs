//! `WeekdayPicker`: seven checkboxes, Monday to Sunday, for a calendar's working weekdays.

use chrono::Weekday;
use leptos::prelude::*;

use super::Answer;

/// The weekdays from Monday, with their full names (the boxes show the short ones).
const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "Monday"),
    (Weekday::Tue, "Tuesday"),
    (Weekday::Wed, "Wednesday"),
    (Weekday::Thu, "Thursday"),
    (Weekday::Fri, "Friday"),
    (Weekday::Sat, "Saturday"),
    (Weekday::Sun, "Sunday"),
];

/// The working weekdays `days` as checkboxes named `Mon` … `Sun`. A day not in `allowed`
/// (when given) cannot be ticked: a team works only on program working days. A refused
/// toggle (`Err(reason)` from `on_toggle`) is taken back and the reason shown.
#[component]
pub fn WeekdayPicker(
    /// The group's name, e.g. "Working weekdays".
    legend: &'static str,
    #[prop(into)] days: Signal<Vec<Weekday>>,
    #[prop(into, optional)] allowed: Option<Signal<Vec<Weekday>>>,
    on_toggle: Callback<(Weekday, bool), Answer>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let boxes = DAYS
        .into_iter()
        .map(|(day, full)| {
            let blocked = move || allowed.is_some_and(|a| !a.with(|a| a.contains(&day)));
            let toggle = move |ev: leptos::ev::Event| {
                let works = event_target_checked(&ev);
                match on_toggle.run((day, works)) {
                    Ok(()) => error.set(None),
                    Err(why) => {
                        // Not taken: the box shows the calendar again.
                        if let Some(input) = ev.target().and_then(|t| {
                            leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t)
                                .ok()
                        }) {
                            input.set_checked(!works);
                        }
                        error.set(Some(why));
                    }
                }
            };
            view! {
                <label
                    class="weekday"
                    class:weekday-blocked=blocked
                    title=move || if blocked() {
                        format!("{full}: not a working day of the program calendar")
                    } else {
                        full.to_owned()
                    }
                >
                    <input
                        type="checkbox"
                        data-day=day.to_string()
                        prop:checked=move || days.with(|d| d.contains(&day))
                        disabled=blocked
                        on:change=toggle
                    />
                    {day.to_string()}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="weekday-picker">
            <legend class="field-label">{legend}</legend>
            <div class="weekday-boxes">{boxes}</div>
            {move || error.get().map(|why| view! {
                <p class="setup-error" role="alert" data-role="setup-error">{why}</p>
            })}
        </fieldset>
    }
}
