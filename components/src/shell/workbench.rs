//! `Workbench`: the frame of a program's view: one compact line — the way back home, the
//! program's name (the heading, editable in place), the save status and a toolbar — then the
//! content (tabs and the tab shown) passed as children. Kept to one line so that on a
//! 1366×768 laptop or a projector the plan starts high on the screen.

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
    /// The heading: the program's name (for assistive technology; the name field shows it).
    #[prop(into)]
    title: Signal<String>,
    /// Beside the way home: the name field and the save status.
    #[prop(optional)]
    head: Option<ChildrenFn>,
    /// Buttons at the end of the line (Undo, Redo, Export, …).
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
            <div class="workbench-head">
                <nav class="breadcrumb" aria-label="Breadcrumb">
                    <a href=home_href>"All programs"</a>
                </nav>
                <h1 id="workbench-heading" class="visually-hidden">{move || title.get()}</h1>
                <div class="workbench-title">{head.map(|h| h())}</div>
                <div class="view-tools">{toolbar.map(|t| t())}</div>
            </div>
            {children()}
        </section>
    }
}
