//! `GanttChart`: the plan's rows as bars on a time scale (hand-written SVG): workstream
//! roll-ups, bars and milestone diamonds, dependency arrows, the critical path, float,
//! deadlines, baseline and scenario ghost bars, today and status-date lines; bars are moved,
//! stretched and linked by dragging. Only the visible rows are drawn.

use leptos::prelude::*;
use leptos::svg::Svg;
use web_sys::PointerEvent;

use crate::plan::gantt::gantt_drag::{Drag, DragKind, Outcome};
use crate::plan::gantt::gantt_links::{Ends, link_path};
use crate::plan::gantt::gantt_scale::{Zoom, date_of, grid_view, header_view, tiers};
use document::Column;
use document::plan_model::{Bar, GroupRow, PlanModel, PlanRow, TaskRow};

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
const LABEL_ROOM: f64 = 260.0;

/// Pixel geometry of one rendering: the zoom's scale and the row height.
#[derive(Clone, Copy)]
struct Geo {
    ppd: f64,
    rh: f64,
}

impl Geo {
    fn x(self, day: i64) -> f64 {
        day as f64 * self.ppd
    }
    fn top(self, row: usize) -> f64 {
        row as f64 * self.rh
    }
    fn bar_top(self, row: usize) -> f64 {
        self.top(row) + self.rh * 0.2
    }
    fn bar_height(self) -> f64 {
        self.rh * 0.46
    }
    fn mid(self, row: usize) -> f64 {
        self.bar_top(row) + self.bar_height() / 2.0
    }
    /// How far an arrow leaves a bar before it turns: shorter at coarse zooms, where a day
    /// is a pixel or two and long stubs would tangle.
    fn stub(self) -> f64 {
        (self.ppd * 2.0).clamp(4.0, 8.0)
    }
    fn diamond(self) -> f64 {
        self.bar_height() * 0.62
    }
    /// A bar's left and right edges: at least 3 pixels wide, so every task can be grabbed.
    fn span(self, start: i64, end: i64) -> (f64, f64) {
        let x0 = self.x(start);
        (x0, self.x(end).max(x0 + 3.0))
    }
    /// A milestone's centre. A milestone is an instant at the end of the day it is shown on
    /// (`start == end` is that day), where its predecessor's bar ends; a span is centred.
    fn centre(self, start: i64, end: i64) -> f64 {
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
struct Ctl {
    drag: RwSignal<Option<Drag>>,
    body: NodeRef<Svg>,
    actions: GanttActions,
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
    fn begin(self, ev: &PointerEvent, kind: DragKind, row: usize, task: &TaskRow) {
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
    // Escape abandons a drag (the pointer is captured, so the key goes to the page).
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && ctl.drag.with_untracked(Option::is_some) {
            ctl.drag.set(None);
        }
    });
    on_cleanup(move || escape.remove());
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
    let range = move || {
        let n = rows.get();
        let (a, b) = visible.get();
        let b = b.min(n);
        (a.min(b), b)
    };

    // Memos, so that an edit (a new model) redraws the header and grid only when the axis
    // or the flags change: at day zoom they are hundreds of elements.
    let flags = Memo::new(move |_| {
        model.with(|m| {
            let mut out = Vec::new();
            if let Some(d) = m.status_date {
                out.push((d, "gantt-flag-status", "Status date"));
            }
            if let Some(d) = m.today {
                out.push((d, "gantt-flag-today", "Today"));
            }
            out
        })
    });
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
        let g = geo();
        let (a, b) = range();
        let sel = selected.get();
        model.with(|m| {
            m.rows_in(a..b)
                .map(|(i, row)| band_view(row, i, g, &sel, ctl))
                .collect_view()
        })
    };
    let day_lines = move || {
        let g = geo();
        let h = body_height();
        model.with(|m| {
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
        })
    };
    let links = move || {
        let g = geo();
        let (a, b) = range();
        model.with(|m| links_view(m, a..b, g))
    };
    let bars = move || {
        let g = geo();
        let (a, b) = range();
        let sel = selected.get();
        model.with(|m| {
            m.rows_in(a..b)
                .map(|(i, row)| match row {
                    PlanRow::Task(t) => task_view(t, i, g, sel.contains(&t.id), ctl),
                    PlanRow::Group(group) => group_view(group, i, g),
                })
                .collect_view()
        })
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

/// A row's background: tinted for a workstream, highlighted when selected; a click on a
/// task's row selects it.
fn band_view(row: &PlanRow, i: usize, g: Geo, selected: &[String], ctl: Ctl) -> AnyView {
    let y = g.top(i);
    match row {
        PlanRow::Group(_) => {
            view! { <rect class="gantt-band gantt-band-group" x=0.0 y=y width="100%" height=g.rh /> }
                .into_any()
        }
        PlanRow::Task(t) => {
            let id = t.id.clone();
            let is_selected = selected.contains(&t.id);
            view! {
                <rect
                    class="gantt-band"
                    class:gantt-band-selected=is_selected
                    x=0.0
                    y=y
                    width="100%"
                    height=g.rh
                    on:click=move |_| ctl.actions.select.run(id.clone())
                />
            }
            .into_any()
        }
    }
}

/// A workstream's roll-up bar: a summary bracket from its first start to its last finish.
fn group_view(group: &GroupRow, i: usize, g: Geo) -> AnyView {
    let Some((start, end)) = group.bar else {
        return ().into_any();
    };
    let (x0, x1) = g.span(start, end);
    let top = g.top(i) + g.rh * 0.34;
    let h = g.rh * 0.2;
    let foot = g.rh * 0.2;
    let d = format!(
        "M{x0:.1},{top:.1}H{x1:.1}V{:.1}L{:.1},{:.1}L{:.1},{:.1}H{:.1}L{:.1},{:.1}L{x0:.1},{:.1}Z",
        top + h + foot,
        x1 - foot,
        top + h,
        x0 + foot,
        top + h,
        x0 + foot,
        x0,
        top + h + foot,
        top + h + foot,
    );
    view! {
        <path class="gantt-rollup" d=d fill=group.color.clone()>
            <title>{format!("{}: {} → {}", group.name, group.start, group.finish)}</title>
        </path>
    }
    .into_any()
}

/// A task's bar (or a milestone's diamond) with its float, baseline, ghost, deadline,
/// handles and name.
fn task_view(t: &TaskRow, i: usize, g: Geo, is_selected: bool, ctl: Ctl) -> AnyView {
    let Some(bar) = t.bar.as_ref() else {
        return ().into_any();
    };
    let top = g.top(i);
    let bar_top = g.bar_top(i);
    let bh = g.bar_height();
    let mid = g.mid(i);
    let color = t.color.clone();
    let (x0, x1) = g.span(bar.start, bar.end);
    let right = if t.milestone {
        g.centre(bar.start, bar.end) + g.diamond()
    } else {
        x1
    };

    let ghost = bar.ghost.map(|(s, e)| {
        let (gx0, gx1) = g.span(s, e);
        view! {
            <rect class="gantt-ghost" x=gx0 y=bar_top - 2.0 width=gx1 - gx0 height=bh + 4.0 rx=3.0>
                <title>"In the program"</title>
            </rect>
        }
    });
    let baseline = bar.baseline.map(|(s, e)| {
        let (bx0, bx1) = g.span(s, e);
        let y = top + g.rh * 0.78;
        view! {
            <rect class="gantt-baseline" x=bx0 y=y width=bx1 - bx0 height=(g.rh * 0.1).max(3.0)>
                <title>"Baseline"</title>
            </rect>
        }
    });
    let float = (bar.late_end > bar.end && !t.milestone).then(|| {
        let fx1 = g.x(bar.late_end);
        let y = bar_top + bh + 2.0;
        view! {
            <path class="gantt-float" d=format!("M{x1:.1},{y:.1}H{fx1:.1}M{fx1:.1},{:.1}V{:.1}", y - 3.0, y + 3.0)>
                <title>{format!("Total float: {}", Column::TotalFloat.text(t))}</title>
            </path>
        }
    });
    let deadline = bar.deadline.map(|day| {
        let x = g.x(day + 1);
        let points = format!(
            "{},{} {},{} {},{}",
            x - 6.0,
            top + 1.0,
            x + 6.0,
            top + 1.0,
            x,
            top + 9.0
        );
        let date = Column::Deadline.text(t);
        let title = if bar.deadline_missed {
            format!("Deadline {date} (missed)")
        } else {
            format!("Deadline {date}")
        };
        view! {
            <g class="gantt-deadline" class:missed=bar.deadline_missed>
                <line x1=x x2=x y1=top + 1.0 y2=top + g.rh - 1.0 />
                <polygon points=points />
                <title>{title}</title>
            </g>
        }
    });

    let shape = if t.milestone {
        let cx = g.centre(bar.start, bar.end);
        let r = g.diamond();
        let points = format!(
            "{cx:.1},{:.1} {:.1},{mid:.1} {cx:.1},{:.1} {:.1},{mid:.1}",
            mid - r,
            cx + r,
            mid + r,
            cx - r
        );
        view! { <polygon class="gantt-diamond" points=points fill=color /> }.into_any()
    } else {
        let progress = (bar.percent > 0).then(|| {
            let w = (x1 - x0) * f64::from(bar.percent.min(100)) / 100.0;
            view! { <rect class="gantt-progress" x=x0 y=mid - bh * 0.18 width=w height=bh * 0.36 /> }
        });
        let resize_row = t.clone();
        view! {
            <rect class="gantt-bar" x=x0 y=bar_top width=x1 - x0 height=bh rx=((x1 - x0) / 4.0).min(3.0) fill=color />
            {progress}
            <rect
                class="gantt-resize"
                data-role="resize"
                x=x1 - 5.0
                y=bar_top
                width=8.0
                height=bh
                on:pointerdown=move |ev| ctl.begin(&ev, DragKind::Resize, i, &resize_row)
            />
        }
        .into_any()
    };
    let move_row = t.clone();
    let link_row = t.clone();
    let key_id = t.id.clone();
    let float_text = Column::TotalFloat.text(t);
    let title = format!(
        "{} ({}): {} → {}{}",
        t.name,
        t.id,
        Column::Start.text(t),
        Column::Finish.text(t),
        if float_text.is_empty() {
            String::new()
        } else {
            format!(", float {float_text}")
        }
    );
    let aria = title.clone();
    let label_x = right + 16.0;
    view! {
        {ghost}
        {baseline}
        {float}
        {deadline}
        <g
            class="gantt-task"
            class:critical=t.critical
            class:selected=is_selected
            class:milestone=t.milestone
            data-id=t.id.clone()
            tabindex="0"
            role="button"
            aria-label=aria
            on:pointerdown=move |ev| ctl.begin(&ev, DragKind::Move, i, &move_row)
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    ctl.actions.select.run(key_id.clone());
                }
            }
        >
            <title>{title}</title>
            {shape}
            <circle
                class="gantt-connector"
                data-role="connector"
                cx=right + 7.0
                cy=mid
                r=5.0
                on:pointerdown=move |ev| ctl.begin(&ev, DragKind::Link, i, &link_row)
            />
        </g>
        <text class="gantt-label" x=label_x y=mid + 4.5>{t.name.clone()}</text>
    }
    .into_any()
}

/// The edges of row `i`'s bar as the arrows see them (`None`: a group's row or an
/// unscheduled task, which has no bar).
fn ends_of(bar: Option<&Bar>, i: usize, g: Geo) -> Option<Ends> {
    let bar = bar?;
    let y = g.mid(i);
    Some(if bar.milestone {
        let cx = g.centre(bar.start, bar.end);
        let r = g.diamond();
        Ends {
            left: cx - r,
            right: cx + r,
            y,
        }
    } else {
        let (left, right) = g.span(bar.start, bar.end);
        Ends { left, right, y }
    })
}

/// The arrows of the links that touch a visible row, critical ones last (on top).
fn links_view(m: &PlanModel, visible: std::ops::Range<usize>, g: Geo) -> impl IntoView + use<> {
    let mut shown: Vec<_> = m
        .links
        .iter()
        .filter(|l| visible.contains(&l.from_row) || visible.contains(&l.to_row))
        .filter_map(|l| {
            let from = ends_of(m.bar(l.from_row), l.from_row, g)?;
            let to = ends_of(m.bar(l.to_row), l.to_row, g)?;
            Some((
                l.critical,
                l.kind,
                link_path(l.kind, from, to, g.rh, g.stub()),
            ))
        })
        .collect();
    shown.sort_by_key(|s| s.0);
    shown
        .into_iter()
        .map(|(critical, kind, d)| {
            let marker = if critical { "url(#gantt-arrow-critical)" } else { "url(#gantt-arrow)" };
            view! {
                <path class="gantt-link" class:critical=critical data-kind=kind d=d marker-end=marker />
            }
        })
        .collect_view()
}

/// The drag's preview: the bar where it would land (with its new date), or the link being
/// drawn and the row it would reach.
fn overlay_view(drag: &Drag, m: &PlanModel, g: Geo) -> AnyView {
    let mid = g.mid(drag.row);
    match drag.kind {
        DragKind::Link => {
            let (sx, _) = ends_of(m.bar(drag.row), drag.row, g)
                .map_or((drag.x0, 0.0), |e| (e.right + 7.0, e.left));
            let target = drag
                .row_under(g.rh)
                .filter(|&r| r != drag.row && m.is_task(r));
            let highlight = target.map(|r| {
                view! { <rect class="gantt-link-target" x=0.0 y=g.top(r) width="100%" height=g.rh /> }
            });
            view! {
                {highlight}
                <line class="gantt-link-draft" x1=sx y1=mid x2=drag.x y2=drag.y marker-end="url(#gantt-arrow)" />
            }
            .into_any()
        }
        DragKind::Move | DragKind::Resize => {
            let (start, end) = drag.preview(g.ppd);
            let (text, shape) = if drag.milestone {
                let cx = g.centre(start, end);
                let r = g.diamond();
                let points = format!(
                    "{cx:.1},{:.1} {:.1},{mid:.1} {cx:.1},{:.1} {:.1},{mid:.1}",
                    mid - r,
                    cx + r,
                    mid + r,
                    cx - r
                );
                (
                    (cx + r + 8.0, date_of(&m.origin, start.max(end - 1))),
                    view! { <polygon class="gantt-preview" points=points /> }.into_any(),
                )
            } else {
                let (x0, x1) = g.span(start, end);
                let label = if drag.kind == DragKind::Move {
                    format!("Start {}", date_of(&m.origin, start))
                } else {
                    format!("Finish {}", date_of(&m.origin, end - 1))
                };
                (
                    (x1 + 8.0, label),
                    view! { <rect class="gantt-preview" x=x0 y=g.bar_top(drag.row) width=x1 - x0 height=g.bar_height() rx=3.0 /> }
                        .into_any(),
                )
            };
            view! {
                {shape}
                <text class="gantt-preview-label" x=text.0 y=(g.top(drag.row) - 4.0).max(14.0)>{text.1}</text>
            }
            .into_any()
        }
    }
}
