//! `Workbench`: the frame of a program's view: the way back home, the program's name as the
//! heading, a toolbar, then the content (status, editor, snapshots) passed as children.

use leptos::prelude::*;

/// The frame of the program view for `program_id`.
#[component]
pub fn Workbench(
    /// The id of the program this workbench is for.
    #[prop(into)]
    program_id: String,
    /// Where the "All programs" link goes.
    #[prop(into)]
    home_href: String,
    /// The heading: the program's name.
    #[prop(into)]
    title: Signal<String>,
    /// Buttons beside the heading (Export, …).
    #[prop(optional)]
    toolbar: Option<ChildrenFn>,
    children: Children,
) -> impl IntoView {
    view! {
        <section
            class="view workbench"
            aria-labelledby="workbench-heading"
            data-program-id=program_id
        >
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <a href=home_href>"All programs"</a>
            </nav>
            <div class="view-head">
                <h1 id="workbench-heading" class="view-title">{move || title.get()}</h1>
                <div class="view-tools">{toolbar.map(|t| t())}</div>
            </div>
            {children()}
        </section>
    }
}
