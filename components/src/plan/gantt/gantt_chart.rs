//! `GanttChart`: the plan's rows as bars on a time scale (hand-written SVG): workstream
//! roll-ups, bars and milestone diamonds, dependency arrows, the critical path, float,
//! deadlines, baseline and scenario ghost bars, today and status-date lines; bars are moved,
//! stretched and linked by dragging. Only the visible rows are drawn: their bands and bars
//! by `gantt_rows`, the arrows and a drag's preview by `gantt_overlay`.

use std::ops::Range;

use leptos::prelude::*;
use leptos::svg::Svg;
use web_sys::PointerEvent;

use crate::plan::gantt::gantt_drag::{Drag, DragKind, Outcome};
use crate::plan::gantt::gantt_overlay::{links_view, overlay_view};
use crate::plan::gantt::gantt_rows::{bands_view, bars_view};
use crate::plan::gantt::gantt_scale::{Zoom, grid_view, header_view, tiers};
use document::plan_model::{PlanModel, TaskRow};

/// What the chart reports. Days are chart days (calendar days from the model's origin).
#[derive(Clone, Copy)]
pub struct GanttActions {
    /// A task id: the bar was clicked.
    pub select: Callback<String>,
    /// (task id, new start day): the bar was dragged.
    pub move_to: Callback<(String, i64)>,
    /// (task id, new end day, exclusive): the bar's end was dragged.
    pub resize: Callback<(String, i64)>,
    /// (from task id, to task id): a link was drawn from one bar to another (FS).
    pub link: Callback<(String, String)>,
}

/// Room right of the last day for the names beside the last bars.
pub(crate) const LABEL_ROOM: f64 = 260.0;

/// Pixel geometry of one rendering: the zoom's scale and the row height.
#[derive(Clone, Copy)]
pub(super) struct Geo {
    /// Pixels per chart day.
    pub(super) ppd: f64,
    /// Row height in pixels.
    pub(super) rh: f64,
}

impl Geo {
    pub(super) fn x(self, day: i64) -> f64 {
        day as f64 * self.ppd
    }
    pub(super) fn top(self, row: usize) -> f64 {
        row as f64 * self.rh
    }
    pub(super) fn bar_top(self, row: usize) -> f64 {
        self.top(row) + self.rh * 0.2
    }
    pub(super) fn bar_height(self) -> f64 {
        self.rh * 0.46
    }
    pub(super) fn mid(self, row: usize) -> f64 {
        self.bar_top(row) + self.bar_height() / 2.0
    }
    /// How far an arrow leaves a bar before it turns: shorter at coarse zooms, where a day
    /// is a pixel or two and long stubs would tangle.
    pub(super) fn stub(self) -> f64 {
        (self.ppd * 2.0).clamp(4.0, 8.0)
    }
    pub(super) fn diamond(self) -> f64 {
        self.bar_height() * 0.62
    }
    /// A bar's left and right edges: at least 3 pixels wide, so every task can be grabbed.
    pub(super) fn span(self, start: i64, end: i64) -> (f64, f64) {
        let x0 = self.x(start);
        (x0, self.x(end).max(x0 + 3.0))
    }
    /// A milestone's centre. A milestone is an instant at the end of the day it is shown on
    /// (`start == end` is that day), where its predecessor's bar ends; a span is centred.
    pub(super) fn centre(self, start: i64, end: i64) -> f64 {
        if end <= start {
            self.x(start + 1)
        } else {
            (start + end) as f64 / 2.0 * self.ppd
        }
    }
}

/// What bar event handlers need: the drag state, the body SVG (for coordinates) and the
/// callbacks.
#[derive(Clone, Copy)]
pub(super) struct Ctl {
    drag: RwSignal<Option<Drag>>,
    body: NodeRef<Svg>,
    pub(super) actions: GanttActions,
}

impl Ctl {
    /// The pointer's position in the body SVG.
    fn local(self, ev: &PointerEvent) -> Option<(f64, f64)> {
        let el = self.body.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        Some((
            f64::from(ev.client_x()) - rect.left(),
            f64::from(ev.client_y()) - rect.top(),
        ))
    }

    /// A press on a bar, its end or its connector: the drag begins.
    pub(super) fn begin(self, ev: &PointerEvent, kind: DragKind, row: usize, task: &TaskRow) {
        if ev.button() != 0 {
            return;
        }
        let (Some((x, y)), Some(bar)) = (self.local(ev), task.bar.as_ref()) else {
            return;
        };
        ev.stop_propagation();
        ev.prevent_default();
        if let Some(el) = self.body.get_untracked() {
            // Keeps the moves and the release coming to the chart wherever the pointer goes.
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        self.drag.set(Some(Drag {
            kind,
            id: task.id.clone(),
            row,
            start: bar.start,
            end: bar.end,
            milestone: task.milestone,
            x0: x,
            y0: y,
            x,
            y,
        }));
    }

    fn follow(self, ev: &PointerEvent) {
        if self.drag.with_untracked(Option::is_none) {
            return;
        }
        if let Some((x, y)) = self.local(ev) {
            self.drag.update(|d| {
                if let Some(d) = d {
                    d.x = x;
                    d.y = y;
                }
            });
        }
    }

    /// The release: report what the drag amounts to.
    fn finish(self, model: Signal<PlanModel>, geo: Geo) {
        let Some(drag) = self.drag.get_untracked() else {
            return;
        };
        self.drag.set(None);
        let a = self.actions;
        match drag.outcome(geo.ppd, geo.rh) {
            Outcome::Select(id) => a.select.run(id),
            Outcome::MoveTo(id, start) => a.move_to.run((id, start)),
            Outcome::Resize(id, end) => a.resize.run((id, end)),
            Outcome::LinkTo(id, row) => {
                let target =
                    model.with_untracked(|m| m.key(row).and_then(|k| k.task().map(str::to_owned)));
                if let Some(to) = target.filter(|to| *to != id) {
                    a.link.run((id, to));
                }
            }
            Outcome::Nothing => {}
        }
    }
}

/// The chart of `model`'s rows `visible.0..visible.1`, each `row_height` pixels high, under
/// a header `header_height` pixels high.
#[component]
pub fn GanttChart(
    #[prop(into)] model: Signal<PlanModel>,
    #[prop(into)] visible: Signal<(usize, usize)>,
    #[prop(into)] row_height: Signal<f64>,
    #[prop(into)] header_height: Signal<f64>,
    #[prop(into)] zoom: Signal<Zoom>,
    /// The ids of the selected tasks (several with Shift or Ctrl in the grid).
    #[prop(into)]
    selected: Signal<Vec<String>>,
    actions: GanttActions,
) -> impl IntoView {
    let ctl = Ctl {
        drag: RwSignal::new(None),
        body: NodeRef::new(),
        actions,
    };
    abandon_drag_on_escape(ctl);
    let geo = move || Geo {
        ppd: zoom.get().px_per_day(),
        rh: row_height.get().max(1.0),
    };
    let axis = Memo::new(move |_| model.with(|m| (m.origin.clone(), m.days.max(1))));
    let scale = Memo::new(move |_| axis.with(|(origin, days)| tiers(origin, *days, zoom.get())));
    let width = move || axis.with(|a| a.1) as f64 * zoom.get().px_per_day() + LABEL_ROOM;
    let rows = Memo::new(move |_| model.with(|m| m.len()));
    // One band more than the rows: the grid's empty last row (where a task is added) has its
    // band here too, left blank, so both panes scroll equally far; a chart one row shorter
    // held the grid back from showing that row whole (its scroll followed the chart's).
    let body_height = move || (rows.get() + 1) as f64 * geo().rh;
    let range = move || rows_in_view(visible.get(), rows.get());

    // Memos, so that an edit (a new model) redraws the header and grid only when the axis
    // or the flags change: at day zoom they are hundreds of elements.
    let flags = Memo::new(move |_| model.with(date_flags));
    let header = move || {
        let (origin, days) = axis.get();
        let markers = flags.get();
        scale.with(|t| header_view(t, zoom.get(), &origin, days, header_height.get(), &markers))
    };
    let days_off = Memo::new(move |_| model.with(|m| (m.days_off.clone(), m.holidays.clone())));
    let grid = move || {
        let (_, days) = axis.get();
        days_off.with(|(off, holidays)| {
            scale.with(|t| grid_view(t, zoom.get(), days, body_height(), off, holidays))
        })
    };
    let bands = move || {
        let (g, shown, sel) = (geo(), range(), selected.get());
        model.with(|m| bands_view(m, shown, g, &sel, ctl))
    };
    let day_lines = move || {
        let (g, h) = (geo(), body_height());
        model.with(|m| day_lines_view(m, g, h))
    };
    let links = move || {
        let (g, shown) = (geo(), range());
        model.with(|m| links_view(m, shown, g))
    };
    let bars = move || {
        let (g, shown, sel) = (geo(), range(), selected.get());
        model.with(|m| bars_view(m, shown, g, &sel, ctl))
    };
    let overlay = move || {
        let drag = ctl.drag.get()?;
        drag.moved()
            .then(|| model.with(|m| overlay_view(&drag, m, geo())))
    };

    view! {
        <div
            class="gantt"
            class:gantt-dragging=move || ctl.drag.with(Option::is_some)
            data-zoom=move || zoom.get().label()
        >
            <svg
                class="gantt-header"
                width=width
                height=move || header_height.get()
                role="img"
                aria-label="Time scale"
            >
                {header}
            </svg>
            <svg
                class="gantt-body"
                node_ref=ctl.body
                width=width
                height=body_height
                on:pointermove=move |ev| ctl.follow(&ev)
                on:pointerup=move |_| ctl.finish(model, geo())
                on:pointercancel=move |_| ctl.drag.set(None)
                on:lostpointercapture=move |_| ctl.drag.set(None)
            >
                {arrow_markers()}
                {grid}
                {bands}
                {day_lines}
                <g class="gantt-links">{links}</g>
                <g class="gantt-bars">{bars}</g>
                {overlay}
            </svg>
        </div>
    }
}

/// Escape abandons a drag (the pointer is captured, so the key goes to the page).
fn abandon_drag_on_escape(ctl: Ctl) {
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && ctl.drag.with_untracked(Option::is_some) {
            ctl.drag.set(None);
        }
    });
    on_cleanup(move || escape.remove());
}

/// The rows `first..end` asked for, cut to the `rows` the model has.
fn rows_in_view((first, end): (usize, usize), rows: usize) -> Range<usize> {
    let end = end.min(rows);
    first.min(end)..end
}

/// The header's flags: the status date and today, where the model has them.
fn date_flags(m: &PlanModel) -> Vec<(i64, &'static str, &'static str)> {
    let mut out = Vec::new();
    if let Some(d) = m.status_date {
        out.push((d, "gantt-flag-status", "Status date"));
    }
    if let Some(d) = m.today {
        out.push((d, "gantt-flag-today", "Today"));
    }
    out
}

/// The status-date and today lines down the body, `h` pixels high.
fn day_lines_view(m: &PlanModel, g: Geo, h: f64) -> impl IntoView + use<> {
    [
        (m.status_date, "gantt-status-line"),
        (m.today, "gantt-today-line"),
    ]
    .into_iter()
    .filter_map(|(day, class)| {
        let x = g.x(day?) + g.ppd / 2.0;
        Some(view! { <line class=class x1=x x2=x y1=0.0 y2=h /> })
    })
    .collect_view()
}

/// The arrowheads the link paths end in: a plain one and a critical one.
fn arrow_markers() -> impl IntoView {
    view! {
        <defs>
            <marker id="gantt-arrow" viewBox="0 0 10 10" refX="9" refY="5"
                markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path class="gantt-arrowhead" d="M0,1L10,5L0,9Z" />
            </marker>
            <marker id="gantt-arrow-critical" viewBox="0 0 10 10" refX="9" refY="5"
                markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path class="gantt-arrowhead critical" d="M0,1L10,5L0,9Z" />
            </marker>
        </defs>
    }
}
