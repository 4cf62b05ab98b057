//! `ProgramList`: the programs on the home view as a table (name, last changed, size) with
//! open, rename, duplicate and delete, or its empty state.

use leptos::prelude::*;

use crate::EmptyState;

/// What the list needs to know about one program, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramSummary {
    /// The program's id, handed back through the callbacks.
    pub id: String,
    /// The name shown to the user.
    pub name: String,
    /// When it was last changed, as shown (e.g. "2026-11-21 14:05").
    pub updated: String,
    /// Its size, as shown (e.g. "12.4 KB").
    pub size: String,
}

/// Lists `programs`. Open and Delete call back with the program's id, Rename with the id
/// and the new name (edited in place), Duplicate with the id.
#[component]
pub fn ProgramList(
    /// The programs to list, in display order.
    #[prop(into)]
    programs: Signal<Vec<ProgramSummary>>,
    /// Called with the id of the program the user opens.
    on_open: Callback<String>,
    /// Called with (id, new name).
    #[prop(optional)]
    on_rename: Option<Callback<(String, String)>>,
    /// Called with the id of the program to copy.
    #[prop(optional)]
    on_duplicate: Option<Callback<String>>,
    /// Called with the id of the program to move to the bin.
    #[prop(optional)]
    on_delete: Option<Callback<String>>,
) -> impl IntoView {
    // The id of the row being renamed (UI state of this component only).
    let renaming = RwSignal::new(None::<String>);
    move || {
        let programs = programs.get();
        if programs.is_empty() {
            return view! {
                <EmptyState
                    title="No programs yet"
                    hint="Programs saved in this browser will be listed here."
                />
            }
            .into_any();
        }
        let rows = programs
            .into_iter()
            .map(|program| {
                let id = program.id.clone();
                let open_id = id.clone();
                let rename_id = id.clone();
                let row_id = id.clone();
                let name = program.name.clone();
                let is_renaming = {
                    let id = id.clone();
                    move || renaming.get().as_deref() == Some(id.as_str())
                };
                let name_cell = move || {
                    if is_renaming() {
                        rename_form(rename_id.clone(), name.clone(), renaming, on_rename)
                    } else {
                        let id = open_id.clone();
                        view! {
                            <button
                                type="button"
                                class="program-link"
                                data-program-id=id.clone()
                                on:click=move |_| on_open.run(id.clone())
                            >
                                {name.clone()}
                            </button>
                        }
                        .into_any()
                    }
                };
                let (dup_id, del_id, ren_id) = (id.clone(), id.clone(), id.clone());
                view! {
                    <tr data-program-id=row_id>
                        <td class="program-name">{name_cell}</td>
                        <td class="program-updated">{program.updated}</td>
                        <td class="program-size">{program.size}</td>
                        <td class="row-actions">
                            <button
                                type="button"
                                class="button button-small"
                                data-action="rename"
                                on:click=move |_| renaming.set(Some(ren_id.clone()))
                            >
                                "Rename"
                            </button>
                            <button
                                type="button"
                                class="button button-small"
                                data-action="duplicate"
                                on:click=move |_| {
                                    if let Some(cb) = on_duplicate {
                                        cb.run(dup_id.clone())
                                    }
                                }
                            >
                                "Duplicate"
                            </button>
                            <button
                                type="button"
                                class="button button-small button-danger"
                                data-action="delete"
                                on:click=move |_| {
                                    if let Some(cb) = on_delete {
                                        cb.run(del_id.clone())
                                    }
                                }
                            >
                                "Delete"
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="data-table program-list">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Last changed"</th>
                        <th scope="col">"Size"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    }
}

/// The name cell while a program is renamed: the name in a box, Save and Cancel.
fn rename_form(
    id: String,
    name: String,
    renaming: RwSignal<Option<String>>,
    on_rename: Option<Callback<(String, String)>>,
) -> AnyView {
    let input = NodeRef::<leptos::html::Input>::new();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = input.get_untracked().map(|i| i.value()).unwrap_or_default();
        let value = value.trim().to_owned();
        if !value.is_empty()
            && let Some(cb) = on_rename
        {
            cb.run((id.clone(), value));
        }
        renaming.set(None);
    };
    view! {
        <form class="inline-form rename-form" on:submit=submit>
            <input
                node_ref=input
                type="text"
                class="text-input"
                aria-label="New name"
                maxlength="200"
                prop:value=name
                autofocus
            />
            <button type="submit" class="button button-primary">"Save"</button>
            <button
                type="button"
                class="button"
                on:click=move |_| renaming.set(None)
            >
                "Cancel"
            </button>
        </form>
    }
    .into_any()
}
