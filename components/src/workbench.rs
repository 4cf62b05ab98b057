//! `Workbench`: the region where one program's workbench goes.
//!
//! For now it only names the program it was opened for: the workbench itself (tasks,
//! calendar, schedule) is built in later issues.

use leptos::prelude::*;

use crate::EmptyState;

/// The workbench region for the program `program_id`, with a link back home.
#[component]
pub fn Workbench(
    /// The id of the program this workbench is for.
    #[prop(into)]
    program_id: String,
    /// Where the "All programs" link goes.
    #[prop(into)]
    home_href: String,
) -> impl IntoView {
    let id_attr = program_id.clone();
    view! {
        <section
            class="view workbench"
            aria-labelledby="workbench-heading"
            data-program-id=id_attr
        >
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <a href=home_href>"All programs"</a>
            </nav>
            <h1 id="workbench-heading" class="view-title">
                "Program " <code class="program-id">{program_id}</code>
            </h1>
            <EmptyState
                title="The workbench is not built yet"
                hint="This region will hold the program's tasks, calendar and schedule."
            />
        </section>
    }
}
