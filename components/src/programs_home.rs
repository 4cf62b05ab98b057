//! `ProgramsHome`: the home view, headed "Programs", listing the programs.

use leptos::prelude::*;

use crate::{ProgramList, ProgramSummary};

/// The home view: a "Programs" heading over the [`ProgramList`].
#[component]
pub fn ProgramsHome(
    /// The programs to list.
    #[prop(into)]
    programs: Signal<Vec<ProgramSummary>>,
    /// Called with the id of the program the user opens.
    on_open: Callback<String>,
) -> impl IntoView {
    view! {
        <section class="view programs-home" aria-labelledby="programs-heading">
            <h1 id="programs-heading" class="view-title">"Programs"</h1>
            <ProgramList programs=programs on_open=on_open />
        </section>
    }
}
