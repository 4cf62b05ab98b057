//! `ExportMenu`: the program's "Export" button, opening a list of what it can be exported
//! as: the program file (what travels by email), the schedule for a spreadsheet, the
//! milestones and deadlines for a calendar, the plan for MS Project. Escape or a click
//! outside closes it.

use leptos::prelude::*;

use crate::shell::popup::Popup;

/// What the menu asks of its owner: one callback per kind of export.
#[derive(Clone, Copy)]
pub struct ExportActions {
    /// The program file (`.planwork.json`).
    pub program: Callback<()>,
    /// The schedule as CSV.
    pub schedule: Callback<()>,
    /// The milestones and deadlines as iCalendar.
    pub calendar: Callback<()>,
    /// The plan as MS Project XML.
    pub ms_project: Callback<()>,
}

/// The "Export" button and its list.
#[component]
pub fn ExportMenu(actions: ExportActions) -> impl IntoView {
    let popup = Popup::new();
    let open = popup.open;
    let item = move |action: &'static str, label: &'static str, run: Callback<()>| {
        view! {
            <button
                type="button"
                class="menu-item"
                role="menuitem"
                data-action=action
                on:click=move |_| {
                    open.set(false);
                    run.run(());
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <div
            class="menu"
            node_ref=popup.root
            on:keydown=move |ev| popup.on_key(&ev)
        >
            <button
                type="button"
                class="button"
                data-action="export-menu"
                aria-haspopup="menu"
                aria-expanded=move || popup.expanded()
                on:click=move |_| popup.toggle()
            >
                "Export"
            </button>
            <Show when=move || open.get()>
                <div class="menu-list" role="menu" aria-label="Export as">
                    {item("export", "Program file (.json) — to share or keep", actions.program)}
                    {item("export-csv", "Schedule for a spreadsheet (.csv)", actions.schedule)}
                    {item("export-ics", "Milestones and deadlines for a calendar (.ics)", actions.calendar)}
                    {item("export-mspdi", "MS Project (.xml)", actions.ms_project)}
                </div>
            </Show>
        </div>
    }
}
