//! `AppHeader`: the bar at the top of every page: the product name linking home, a standing
//! warning (such as storage not being guaranteed) as a small button that opens its text,
//! the link that saves Planwork for offline use, and the dark-theme and large-text toggles.

use leptos::prelude::*;

use crate::PRODUCT_NAME;

/// The application header: the product name, which links to `home_href`, a tagline, and a
/// link that saves the whole app as one HTML file for use without installing anything.
#[component]
pub fn AppHeader(
    /// Where the product name links to (the home view).
    #[prop(into)]
    home_href: String,
    /// Whether the dark theme is on; with `on_dark`, a toggle button is shown.
    #[prop(optional, into)]
    dark: Signal<bool>,
    #[prop(optional)] on_dark: Option<Callback<()>>,
    /// Whether large text (for a projector) is on; with `on_large_text`, a toggle.
    #[prop(optional, into)]
    large_text: Signal<bool>,
    #[prop(optional)] on_large_text: Option<Callback<()>>,
    /// A standing warning, (title, text): a small button in the bar that opens the text, so
    /// it never pushes the page's content down. `on_dismiss_warning` hides it.
    #[prop(optional, into)]
    warning: Signal<Option<(String, String)>>,
    #[prop(optional)] on_dismiss_warning: Option<Callback<()>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let warning_view = move || {
        warning.get().map(|(title, text)| {
            let details = move || {
                open.get().then(|| {
                    let dismiss = on_dismiss_warning.map(|dismiss| {
                        view! {
                            <button
                                type="button"
                                class="button button-small"
                                on:click=move |_| {
                                    open.set(false);
                                    dismiss.run(());
                                }
                            >
                                "Dismiss"
                            </button>
                        }
                    });
                    view! {
                        <div class="header-warning-text" role="note">
                            <p>{text.clone()}</p>
                            {dismiss}
                        </div>
                    }
                })
            };
            view! {
                <span class="header-warning" data-role="header-warning">
                    <button
                        type="button"
                        class="header-warning-button"
                        aria-expanded=move || if open.get() { "true" } else { "false" }
                        on:click=move |_| open.update(|o| *o = !*o)
                    >
                        "⚠ " {title}
                    </button>
                    {details}
                </span>
            }
        })
    };
    let dark_toggle = on_dark.map(|toggle| {
        view! {
            <button
                type="button"
                class="header-toggle"
                data-action="toggle-theme"
                aria-pressed=move || if dark.get() { "true" } else { "false" }
                title="Dark theme"
                on:click=move |_| toggle.run(())
            >
                "Dark"
            </button>
        }
    });
    let text_toggle = on_large_text.map(|toggle| {
        view! {
            <button
                type="button"
                class="header-toggle"
                data-action="toggle-large-text"
                aria-pressed=move || if large_text.get() { "true" } else { "false" }
                title="Large text, for a projector"
                on:click=move |_| toggle.run(())
            >
                "Large text"
            </button>
        }
    });
    view! {
        <header class="app-header">
            <a class="brand" href=home_href aria-label=format!("{PRODUCT_NAME}: all programs")>
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">{PRODUCT_NAME}</span>
            </a>
            <span class="tagline">"Program planning workbench"</span>
            {warning_view}
            // The whole app as one file (built beside index.html); opened from disk, this
            // page is that file, so the link saves a copy of itself.
            <a class="offline-save" href="planwork.html" download="planwork.html">
                "Save Planwork for offline use"
            </a>
            <span class="header-toggles">{dark_toggle}{text_toggle}</span>
        </header>
    }
}
