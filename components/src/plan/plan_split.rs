//! `PlanSplit`: the plan view's two panes side by side, the grid on the left and the Gantt
//! chart on the right, scrolling vertically together, and the range of rows in view.
//!
//! Each pane is its own scroller (so each keeps its own horizontal scroll bar); their
//! `scrollTop` is kept equal. Both panes draw their full height (header plus one row
//! height per row) but only put the rows in `visible` into the DOM: `visible` is the rows
//! in view plus a small margin, moved in steps of a dozen rows, so a 10,000-row plan costs
//! what 60 rows cost and a scroll redraws only every few rows.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Rows drawn beyond the edges of the view, so a scroll shows no blank band.
const MARGIN_ROWS: usize = 6;
/// The range drawn moves in steps of this many rows, so that a scroll redraws the panes
/// once every few rows rather than at every row it crosses.
const STEP_ROWS: usize = 12;

/// The rows `first..last` that are in view (plus a margin), for a pane scrolled to
/// `scroll_top` showing `height` pixels of rows `row_height` high under a header.
pub fn visible_rows(
    scroll_top: f64,
    height: f64,
    row_height: f64,
    header_height: f64,
    rows: usize,
) -> (usize, usize) {
    if row_height <= 0.0 || rows == 0 {
        return (0, 0);
    }
    let top = (scroll_top / row_height).floor().max(0.0) as usize;
    let shown = ((height - header_height).max(row_height) / row_height).ceil() as usize + 1;
    let first = (top.saturating_sub(MARGIN_ROWS) / STEP_ROWS * STEP_ROWS).min(rows);
    let last = ((top + shown + MARGIN_ROWS) / STEP_ROWS + 1) * STEP_ROWS;
    (first, last.min(rows))
}

/// The two panes. `visible` is written here as the panes scroll or resize.
#[component]
pub fn PlanSplit(
    /// How many rows the panes draw.
    #[prop(into)]
    row_count: Signal<usize>,
    #[prop(into)] row_height: Signal<f64>,
    #[prop(into)] header_height: Signal<f64>,
    /// The rows in view (plus a margin): written by the split, read by both panes.
    visible: RwSignal<(usize, usize)>,
    /// The grid pane's content.
    left: Children,
    /// The chart pane's content.
    right: Children,
) -> impl IntoView {
    let left_ref = NodeRef::<leptos::html::Div>::new();
    let right_ref = NodeRef::<leptos::html::Div>::new();
    let scroll = RwSignal::new((0.0_f64, 600.0_f64));

    // Recomputed when the panes scroll or resize, and when the rows or their height change.
    Effect::new(move |_| {
        let (top, height) = scroll.get();
        let range = visible_rows(
            top,
            height,
            row_height.get(),
            header_height.get(),
            row_count.get(),
        );
        if visible.get_untracked() != range {
            visible.set(range);
        }
    });
    let measure = move || {
        if let Some(el) = left_ref.get_untracked() {
            let el: &web_sys::Element = el.unchecked_ref();
            scroll.set((f64::from(el.scroll_top()), f64::from(el.client_height())));
        }
    };
    Effect::new(move |_| {
        if left_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // One pane scrolled: the other follows (equal values end the echo).
    let follow = move |from: NodeRef<leptos::html::Div>, to: NodeRef<leptos::html::Div>| {
        let (Some(from), Some(to)) = (from.get_untracked(), to.get_untracked()) else {
            return;
        };
        let (from, to): (&web_sys::Element, &web_sys::Element) =
            (from.unchecked_ref(), to.unchecked_ref());
        if to.scroll_top() != from.scroll_top() {
            to.set_scroll_top(from.scroll_top());
        }
        scroll.set((
            f64::from(from.scroll_top()),
            f64::from(from.client_height()),
        ));
    };

    view! {
        <div class="plan-split">
            <div
                class="plan-pane plan-pane-grid"
                node_ref=left_ref
                on:scroll=move |_| follow(left_ref, right_ref)
            >
                {left()}
            </div>
            <div
                class="plan-pane plan-pane-chart"
                node_ref=right_ref
                on:scroll=move |_| follow(right_ref, left_ref)
            >
                {right()}
            </div>
        </div>
    }
}
