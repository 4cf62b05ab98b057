//! Sharing a program by link, with no server: **Copy link** puts the open program into the
//! link's fragment (`planfile::link`), which no browser sends anywhere; a page opened with
//! such a link offers to import the program (nothing is stored until the user says so).

use components::NoticeKind;
use leptos::prelude::*;

use crate::state::{Ctx, Message, PendingReview};

/// The page's address without its fragment, and `fragment` after it.
fn link_to(fragment: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let base = href.split('#').next().unwrap_or(&href);
    Some(format!("{base}#{fragment}"))
}

/// Copies a link carrying `document` with scenario `id` its only scenario (beside those
/// its logs name), or says why not.
pub fn copy_scenario_link(ctx: Ctx, document: &planfile::Document, id: &str) {
    match document::scenarios::alone(document, id) {
        Ok(one) => copy_link(ctx, &one),
        Err(why) => ctx.show_error("No link was made", &why),
    }
}

/// Copies a link carrying `document`, or says why not (too long: send the file).
pub fn copy_link(ctx: Ctx, document: &planfile::Document) {
    let made = planfile::link::to_fragment(document).map_err(|e| e.to_string());
    let Some(link) = made.as_deref().ok().and_then(link_to) else {
        let why = made
            .err()
            .unwrap_or_else(|| "the page's address is unknown".into());
        ctx.show_error("No link was made", &why);
        return;
    };
    let chars = link.len();
    crate::clipboard::copy_text_then(link, move |result| {
        let message = match result {
            Ok(()) => Message {
                kind: NoticeKind::Info,
                title: "Link copied".into(),
                text: format!(
                    "A link of {} characters: whoever opens it in Planwork is offered the program to import. The program travels in the link itself; no server sees it.",
                    engine::words::thousands(chars)
                ),
            },
            Err(why) => Message {
                kind: NoticeKind::Warning,
                title: "The link was not copied".into(),
                text: why,
            },
        };
        ctx.message.set(Some(message));
    });
}

/// If the page was opened with a program link, takes it off the address (a reload does not
/// offer it again) and offers the program to import; a damaged link is said as such.
pub fn take_from_location(ctx: Ctx) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    if !planfile::link::is_link(&hash) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#/"));
    }
    match planfile::link::from_fragment(&hash) {
        Ok(document) => {
            let program = &document.program;
            let summary = format!(
                "{} tasks, {} milestones, {} links, {} scenarios; the program is imported as it was when the link was made.",
                program.tasks.iter().filter(|t| !t.milestone).count(),
                program.tasks.iter().filter(|t| t.milestone).count(),
                program.dependencies.len(),
                document.scenarios.len()
            );
            ctx.pending_review.set(Some(PendingReview {
                file_name: program.program.name.clone(),
                source: "a link",
                summary,
                notes: Vec::new(),
                document,
            }));
        }
        Err(error) => ctx.show_error("The link's program was not imported", &error.to_string()),
    }
}
