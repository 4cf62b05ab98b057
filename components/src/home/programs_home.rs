//! `ProgramsHome`: the home view: "Programs", a form for a new one, the example, import
//! (button and drop zone), the list, and the bin.

use leptos::prelude::*;

use crate::{BinList, BinSummary, ImportButton, ProgramList, ProgramSummary};

/// The callbacks of the home view.
#[derive(Clone, Copy)]
pub struct HomeActions {
    pub open: Callback<String>,
    /// With the new program's name.
    pub create: Callback<String>,
    /// Opens a copy of the example program shipped with the app.
    pub open_example: Callback<()>,
    pub rename: Callback<(String, String)>,
    pub duplicate: Callback<String>,
    pub delete: Callback<String>,
    pub restore: Callback<String>,
    pub import: Callback<web_sys::File>,
}

/// The home view.
#[component]
pub fn ProgramsHome(
    /// The programs to list.
    #[prop(into)]
    programs: Signal<Vec<ProgramSummary>>,
    /// The bin.
    #[prop(into, optional)]
    bin: Signal<Vec<BinSummary>>,
    actions: HomeActions,
) -> impl IntoView {
    let name = NodeRef::<leptos::html::Input>::new();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(input) = name.get_untracked() else {
            return;
        };
        let value = input.value().trim().to_owned();
        if !value.is_empty() {
            actions.create.run(value);
            input.set_value("");
        }
    };
    view! {
        <section class="view programs-home" aria-labelledby="programs-heading">
            <h1 id="programs-heading" class="view-title">"Programs"</h1>
            <div class="toolbar">
                <form class="inline-form new-program" on:submit=create>
                    <label class="field-label" for="new-program-name">"New program"</label>
                    <input
                        node_ref=name
                        id="new-program-name"
                        type="text"
                        class="text-input"
                        placeholder="Name"
                        maxlength="200"
                        required
                    />
                    <button type="submit" class="button button-primary">"Create"</button>
                    <button
                        type="button"
                        class="button"
                        data-action="open-example"
                        on:click=move |_| actions.open_example.run(())
                    >
                        "Open example"
                    </button>
                </form>
                <div class="import-zone" data-role="drop-zone">
                    <ImportButton on_file=actions.import />
                    <span class="import-hint">"or drop a .planwork.json file, an MS Project .xml or a spreadsheet (.csv, .txt) anywhere on the page"</span>
                </div>
            </div>
            <ProgramList
                programs=programs
                on_open=actions.open
                on_rename=actions.rename
                on_duplicate=actions.duplicate
                on_delete=actions.delete
            />
            <BinList entries=bin on_restore=actions.restore />
        </section>
    }
}
