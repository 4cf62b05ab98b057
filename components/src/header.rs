//! `AppHeader`: the bar at the top of every page: the product name linking home, and the
//! link that saves Planwork for offline use.

use leptos::prelude::*;

use crate::PRODUCT_NAME;

/// The application header: the product name, which links to `home_href`, a tagline, and a
/// link that saves the whole app as one HTML file for use without installing anything.
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
            // The whole app as one file (built beside index.html); opened from disk, this
            // page is that file, so the link saves a copy of itself.
            <a class="offline-save" href="planwork.html" download="planwork.html">
                "Save Planwork for offline use"
            </a>
        </header>
    }
}
