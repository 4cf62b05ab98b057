//! `AppHeader`: the bar at the top of every page, with the product name linking home.

use leptos::prelude::*;

use crate::PRODUCT_NAME;

/// The application header: the product name, which links to `home_href`, and a tagline.
#[component]
pub fn AppHeader(
    /// Where the product name links to (the home view).
    #[prop(into)]
    home_href: String,
) -> impl IntoView {
    view! {
        <header class="app-header">
            <a class="brand" href=home_href aria-label=format!("{PRODUCT_NAME}: all programs")>
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">{PRODUCT_NAME}</span>
            </a>
            <span class="tagline">"Program planning workbench"</span>
        </header>
    }
}
