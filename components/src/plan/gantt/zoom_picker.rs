//! `ZoomPicker`: the Gantt chart's time-scale buttons (days, weeks, months, quarters).

use leptos::prelude::*;

use crate::plan::gantt::gantt_scale::Zoom;

/// A group of toggle buttons, one per zoom level; the pressed one is `zoom`.
#[component]
pub fn ZoomPicker(zoom: RwSignal<Zoom>) -> impl IntoView {
    let buttons = Zoom::ALL
        .into_iter()
        .map(|level| {
            view! {
                <button
                    type="button"
                    class="zoom-picker-button"
                    data-zoom=level.label().to_lowercase()
                    aria-pressed=move || (zoom.get() == level).to_string()
                    on:click=move |_| zoom.set(level)
                >
                    {level.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="zoom-picker" role="group" aria-label="Time scale">
            {buttons}
        </div>
    }
}
