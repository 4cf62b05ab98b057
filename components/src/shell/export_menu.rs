//! `ExportMenu`: the program's "Export" button, opening a list of what it can be exported
//! as: the program file (what travels by email), the schedule for a spreadsheet, the
//! milestones and deadlines for a calendar, the plan for MS Project. Escape or a click
//! outside closes it.

use leptos::prelude::*;

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
    let open = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();
    let outside = window_event_listener(leptos::ev::click, move |ev| {
        let inside = root.get_untracked().is_some_and(|el| {
            let el: &web_sys::Node = &el;
            ev.target()
                .and_then(|t| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
                .is_some_and(|t| el.contains(Some(&t)))
        });
        if !inside && open.get_untracked() {
            open.set(false);
        }
    });
    on_cleanup(move || outside.remove());
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
            node_ref=root
            on:keydown=move |ev| {
                if ev.key() == "Escape" && open.get_untracked() {
                    open.set(false);
                    ev.stop_propagation();
                }
            }
        >
            <button
                type="button"
                class="button"
                data-action="export-menu"
                aria-haspopup="menu"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)
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
