//! The resources' load under the plan's Gantt chart (`LoadStrip`, on the chart's time
//! axis, and its labels under the grid), shown with the **Load** toggle of the plan's
//! toolbar; choosing a red block selects the tasks of its period in the plan.
//!
//! Does not: compute the load (`document::load_view` does) or lay the panes out.

use components::{LoadStrip, LoadStripLabels, Zoom};
use document::load_view::LoadModel;
use document::plan_model::PlanModel;
use leptos::prelude::*;

use super::load_view::load_memo;
use crate::editor::Editor;

/// The load shown under the chart: the program's resources while the strip is on and
/// there are some.
pub fn strip_model(editor: Editor) -> Memo<LoadModel> {
    load_memo(editor, editor.load_strip.into())
}

/// Whether the strip is drawn (on, with resources to show).
pub fn strip_shown(editor: Editor, load: Memo<LoadModel>) -> bool {
    editor.load_strip.get() && load.with(|m| !m.resources.is_empty())
}

/// The labels under the grid.
pub fn strip_labels(editor: Editor, load: Memo<LoadModel>) -> impl IntoView {
    let close = Callback::new(move |()| editor.load_strip.set(false));
    move || strip_shown(editor, load).then(|| view! { <LoadStripLabels model=load close=close /> })
}

/// The strip under the chart, on `model`'s axis at `zoom`.
pub fn strip_chart(
    editor: Editor,
    load: Memo<LoadModel>,
    model: Memo<PlanModel>,
    zoom: RwSignal<Zoom>,
) -> impl IntoView {
    let select = Callback::new(move |ids: Vec<String>| editor.selected.set(ids));
    let origin = Signal::derive(move || model.with(|m| m.origin.clone()));
    let days = Signal::derive(move || model.with(|m| m.days));
    move || {
        strip_shown(editor, load).then(|| {
            view! { <LoadStrip model=load origin=origin days=days zoom=zoom select=select /> }
        })
    }
}
