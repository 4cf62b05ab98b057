//! `ImportReview`: a file from another tool, read and converted, shown before anything is
//! stored: what came in (counts) and every approximation or thing not carried over, then
//! Import (a new program; nothing here is replaced) or Cancel.

use leptos::prelude::*;

/// The review of a converted file.
#[component]
pub fn ImportReview(
    /// The file's name, and the tool it came from ("MS Project").
    #[prop(into)]
    file_name: String,
    #[prop(into)] source: String,
    /// What came in, in words ("83 tasks, 6 milestones, 118 links").
    #[prop(into)]
    summary: String,
    /// Each approximation or thing not carried over, as a line.
    notes: Vec<String>,
    on_import: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let count = notes.len();
    let heading = match count {
        0 => "Everything in the file was carried over.".to_owned(),
        1 => "One thing was approximated or not carried over:".to_owned(),
        n => format!("{n} things were approximated or not carried over:"),
    };
    let items = notes
        .into_iter()
        .map(|note| view! { <li>{note}</li> })
        .collect_view();
    view! {
        <div class="notice notice-info import-review" role="dialog" aria-label="Review the import" data-role="import-review">
            <div class="notice-body">
                <p class="notice-title">
                    "Import from " {source} ": “" <span class="import-file-name">{file_name}</span> "”"
                </p>
                <p class="notice-message" data-role="import-summary">{summary}</p>
                <p class="notice-message">{heading}</p>
                <ul class="import-notes" data-role="import-notes">{items}</ul>
                <p class="notice-message">
                    "Nothing is stored until you import; it becomes a new program (none here is replaced)."
                </p>
                <div class="notice-actions">
                    <button type="button" class="button button-primary" data-action="import-reviewed"
                        on:click=move |_| on_import.run(())>"Import as a new program"</button>
                    <button type="button" class="button" data-action="import-review-cancel"
                        on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
            </div>
        </div>
    }
}
