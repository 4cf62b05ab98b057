//! [`App`]: the shell every view sits in — the header, then the `<main>` region that shows
//! the programs home view or a program's workbench.

use components::{AppHeader, PRODUCT_NAME, ProgramSummary, ProgramsHome, Workbench};
use leptos::prelude::*;

use crate::route::{HOME_HASH, Nav, View};

/// The root component of the app.
#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::provide();

    // No storage yet (a later issue): the home view lists no programs.
    let programs = Signal::stored(Vec::<ProgramSummary>::new());
    let open_program = Callback::new(move |id: String| nav.go(View::Program(id)));

    Effect::new(move |_| {
        let title = match nav.view() {
            View::Home => PRODUCT_NAME.to_owned(),
            View::Program(id) => format!("Program {id} · {PRODUCT_NAME}"),
        };
        document().set_title(&title);
    });

    let main_view = move || match nav.view() {
        View::Home => view! { <ProgramsHome programs=programs on_open=open_program /> }.into_any(),
        View::Program(id) => view! { <Workbench program_id=id home_href=HOME_HASH /> }.into_any(),
    };
    let view_name = move || match nav.view() {
        View::Home => "home",
        View::Program(_) => "program",
    };

    view! {
        <div class="app">
            <AppHeader home_href=HOME_HASH />
            <main id="main" class="app-main" data-view=view_name>
                {main_view}
            </main>
        </div>
    }
}
