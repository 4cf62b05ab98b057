//! The Scenarios tab: quick impact ("if we slip X, what happens to Y?"), the program's
//! scenarios (list, changes, edit in plan, duplicate, promote, delete), the comparison of
//! chosen scenarios with the program, and the baselines: the panel, its shared state and
//! words here, each section in a file of its own beside it.
//!
//! Does not: change the document by rules of its own (`document::scenarios` and
//! `document::baselines` do, over `engine`) or render markup (the components do); it shapes
//! results for display and makes every change through [`Editor::change`], so each is one
//! undoable step.

use components::{Notice, NoticeKind};
use engine::Program;
use engine::compare::Comparison;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use document::scenarios::Evaluation;

use super::baselines_section::BaselinesSection;
use super::compare_section::CompareSection;
use super::quick_impact_section::QuickImpactSection;
use super::scenario_list_section::ScenariosSection;
use crate::editor::Editor;

/// `+15`, `0`, `-3`.
pub(super) fn signed(days: i64) -> String {
    if days == 0 {
        "0".into()
    } else {
        format!("{days:+}")
    }
}

pub(super) fn task_name(program: &Program, id: &str) -> String {
    program
        .tasks
        .iter()
        .find(|t| t.id == id)
        .map_or_else(|| id.to_owned(), |t| t.name.clone())
}

/// One sentence on the critical path, naming up to three tasks.
pub(super) fn critical_sentence(program: &Program, c: &Comparison) -> String {
    if !c.critical_path_changed() {
        return "Critical path: unchanged.".into();
    }
    let names = |ids: &[String]| {
        let mut list: Vec<String> = ids
            .iter()
            .take(3)
            .map(|id| task_name(program, id))
            .collect();
        if ids.len() > 3 {
            list.push(format!("{} more", ids.len() - 3));
        }
        list.join(", ")
    };
    let mut parts = Vec::new();
    if !c.became_critical.is_empty() {
        parts.push(format!("now critical: {}", names(&c.became_critical)));
    }
    if !c.left_critical.is_empty() {
        parts.push(format!("no longer critical: {}", names(&c.left_critical)));
    }
    format!("Critical path changed — {}.", parts.join("; "))
}

/// After a tab switch or a message at the top of the panel: once the page has drawn, focus
/// `focus` (a selector; the element that takes the next action) and bring `reveal` (the
/// banner or message that says what happened) into view: the page is scrolled to the top,
/// and further only if `reveal` still ends below the window.
pub(super) fn reveal_after_render(reveal: &'static str, focus: &'static str) {
    request_animation_frame(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        let find = |selector: &str| document.query_selector(selector).ok().flatten();
        if let Some(target) = find(focus).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            // Focus first: focusing may scroll, and the scroll below has the last word.
            let _ = target.focus();
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(shown) = find(reveal) {
            shown.scroll_into_view_with_bool(false);
        }
    });
}

/// The panel's message (at its top) is shown: brought into view and focused, so that a
/// keyboard or screen-reader user is where the news is.
pub(super) fn reveal_message() {
    reveal_after_render(
        "[data-role=\"scenarios-message\"]",
        "[data-role=\"scenarios-message\"]",
    );
}

/// The Scenarios tab's own state, shared by its sections (signals, so `Copy`).
#[derive(Clone, Copy)]
pub(super) struct TabState {
    /// Every scenario evaluated, once per document change.
    pub(super) evaluation: Memo<Option<Evaluation>>,
    /// The scenario whose changes are listed.
    pub(super) opened: RwSignal<Option<String>>,
    /// The scenarios ticked for comparison.
    pub(super) compared: RwSignal<Vec<String>>,
    /// Shows a refused change in `message` (and clears it when one succeeds).
    pub(super) report: Callback<Result<(), String>>,
    /// The message at the top of the tab.
    pub(super) message: RwSignal<Option<(NoticeKind, String)>>,
}

/// The Scenarios tab.
#[component]
pub fn ScenariosPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let evaluation = editor.evaluation;
    let message: RwSignal<Option<(NoticeKind, String)>> = RwSignal::new(None);
    let opened: RwSignal<Option<String>> = RwSignal::new(None);
    let compared: RwSignal<Vec<String>> = RwSignal::new(editor.doc.with_untracked(|d| {
        d.as_ref()
            .map(|d| d.scenarios.iter().take(3).map(|s| s.id.clone()).collect())
            .unwrap_or_default()
    }));
    let report = Callback::new(move |result: Result<(), String>| match result {
        Ok(()) => message.set(None),
        Err(reason) => message.set(Some((NoticeKind::Error, reason))),
    });
    let tab = TabState {
        evaluation,
        opened,
        compared,
        report,
        message,
    };
    let notice = move || {
        message.get().map(|(kind, text)| {
            let title = if kind == NoticeKind::Error {
                "Not done"
            } else {
                "Done"
            };
            // Focusable (not in the tab order) so that a result can take the focus.
            view! {
                <div class="scenarios-message" data-role="scenarios-message" tabindex="-1">
                    <Notice kind=kind title=title message=text />
                </div>
            }
        })
    };
    view! {
        <div class="scenarios-panel" data-role="scenarios-panel">
            {notice}
            <QuickImpactSection tab />
            <ScenariosSection tab />
            <CompareSection evaluation compared />
            <BaselinesSection report />
        </div>
    }
}
