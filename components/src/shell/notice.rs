//! `Notice`: a message in a box (error, warning or information), optionally dismissible.
//! The text is shown as text, line breaks kept.

use leptos::prelude::*;

/// How serious a [`Notice`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Warning,
    Info,
}

/// A message box. Errors are announced (`role="alert"`), the rest politely.
#[component]
pub fn Notice(
    kind: NoticeKind,
    /// A short title, e.g. "Import failed".
    #[prop(into)]
    title: String,
    /// The message; its line breaks are kept.
    #[prop(into)]
    message: String,
    /// Shows a "Dismiss" button that calls this.
    #[prop(optional)]
    on_dismiss: Option<Callback<()>>,
    /// Further buttons or content.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let (class, role) = match kind {
        NoticeKind::Error => ("notice notice-error", "alert"),
        NoticeKind::Warning => ("notice notice-warning", "status"),
        NoticeKind::Info => ("notice notice-info", "status"),
    };
    view! {
        <div class=class role=role>
            <div class="notice-body">
                <p class="notice-title">{title}</p>
                <p class="notice-message">{message}</p>
                {children.map(|c| view! { <div class="notice-actions">{c()}</div> })}
            </div>
            {on_dismiss
                .map(|cb| {
                    view! {
                        <button
                            type="button"
                            class="button button-small notice-dismiss"
                            on:click=move |_| cb.run(())
                        >
                            "Dismiss"
                        </button>
                    }
                })}
        </div>
    }
}
