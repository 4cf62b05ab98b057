//! `ProgramList`: the list of programs on the home view, or its empty state.

use leptos::prelude::*;

use crate::EmptyState;

/// What the list needs to know about one program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramSummary {
    /// The program's id, handed back through `on_open`.
    pub id: String,
    /// The name shown to the user.
    pub name: String,
}

/// Lists `programs`, calling `on_open` with a program's id when it is chosen.
/// Shows an empty state when there are none.
#[component]
pub fn ProgramList(
    /// The programs to list, in display order.
    #[prop(into)]
    programs: Signal<Vec<ProgramSummary>>,
    /// Called with the id of the program the user opens.
    on_open: Callback<String>,
) -> impl IntoView {
    move || {
        let programs = programs.get();
        if programs.is_empty() {
            view! {
                <EmptyState
                    title="No programs yet"
                    hint="Programs saved in this browser will be listed here."
                />
            }
            .into_any()
        } else {
            view! {
                <ul class="program-list">
                    {programs
                        .into_iter()
                        .map(|program| {
                            let id = program.id.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="program-link"
                                        data-program-id=program.id
                                        on:click=move |_| on_open.run(id.clone())
                                    >
                                        {program.name}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
    }
}
