//! `ColumnPicker`: a "Columns" button that opens a list of the plan grid's columns with a
//! check box each, to show or hide them. Escape or a click outside closes it.

use leptos::prelude::*;

use document::Column;

/// Check boxes for `columns` (those offered); `shown` is the columns shown. `toggle` gets a
/// column whose box was clicked.
#[component]
pub fn ColumnPicker(
    /// The columns that can be chosen (variance columns only with a baseline).
    #[prop(into)]
    columns: Signal<Vec<Column>>,
    #[prop(into)] shown: Signal<Vec<Column>>,
    toggle: Callback<Column>,
) -> impl IntoView {
    let boxes = move || {
        columns
            .get()
            .into_iter()
            .filter(|&c| c != Column::Name)
            .map(|c| {
                let checked = move || shown.with(|s| s.contains(&c));
                view! {
                    <label class="column-choice">
                        <input
                            type="checkbox"
                            data-col=c.key()
                            prop:checked=checked
                            on:change=move |_| toggle.run(c)
                        />
                        {c.label()}
                    </label>
                }
            })
            .collect_view()
    };
    let open = RwSignal::new(false);
    let root = NodeRef::<leptos::html::Div>::new();
    // A click anywhere outside closes the list.
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
    view! {
        <div
            class="column-picker"
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
                data-action="columns"
                aria-haspopup="true"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Columns"
            </button>
            <Show when=move || open.get()>
                <div class="column-picker-list" role="group" aria-label="Columns shown">
                    {boxes}
                </div>
            </Show>
        </div>
    }
}
