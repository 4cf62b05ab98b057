//! `ViewTabs`: a row of tabs that switches between the views of one page (ARIA tablist).

use leptos::prelude::*;

/// Tabs `(key, label)`; `active` holds the key of the tab shown.
#[component]
pub fn ViewTabs(
    tabs: &'static [(&'static str, &'static str)],
    active: RwSignal<&'static str>,
) -> impl IntoView {
    let buttons = tabs
        .iter()
        .map(|&(key, label)| {
            view! {
                <button
                    type="button"
                    role="tab"
                    class="view-tab"
                    data-tab=key
                    aria-selected=move || (active.get() == key).to_string()
                    on:click=move |_| active.set(key)
                >
                    {label}
                </button>
            }
        })
        .collect_view();
    view! { <div class="view-tabs" role="tablist">{buttons}</div> }
}
