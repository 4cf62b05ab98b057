//! The Gantt chart's rows: each row's background band, a workstream's roll-up bracket, and a
//! task's bar or milestone diamond with its float, baseline, ghost, deadline, handles and
//! name. Not a component: `GanttChart` draws the visible rows with these.

use std::ops::Range;

use leptos::prelude::*;

use crate::plan::gantt::gantt_chart::{Ctl, Geo};
use crate::plan::gantt::gantt_drag::DragKind;
use document::Column;
use document::plan_model::{Bar, GroupRow, PlanModel, PlanRow, TaskRow};

/// The backgrounds of the rows in `visible`.
pub(super) fn bands_view(
    m: &PlanModel,
    visible: Range<usize>,
    g: Geo,
    selected: &[String],
    ctl: Ctl,
) -> impl IntoView + use<> {
    m.rows_in(visible)
        .map(|(i, row)| band_view(row, i, g, selected, ctl))
        .collect_view()
}

/// The bars of the rows in `visible`: roll-ups for workstreams, bars or diamonds for tasks.
pub(super) fn bars_view(
    m: &PlanModel,
    visible: Range<usize>,
    g: Geo,
    selected: &[String],
    ctl: Ctl,
) -> impl IntoView + use<> {
    m.rows_in(visible)
        .map(|(i, row)| match row {
            PlanRow::Task(t) => task_view(t, i, g, selected.contains(&t.id), ctl),
            PlanRow::Group(group) => group_view(group, i, g),
        })
        .collect_view()
}

/// A milestone diamond's points around (`cx`, `mid`), `r` from its centre to each tip.
pub(super) fn diamond_points(cx: f64, mid: f64, r: f64) -> String {
    format!(
        "{cx:.1},{:.1} {:.1},{mid:.1} {cx:.1},{:.1} {:.1},{mid:.1}",
        mid - r,
        cx + r,
        mid + r,
        cx - r
    )
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
    let d = bracket_path(x0, x1, g.top(i), g.rh);
    view! {
        <path class="gantt-rollup" d=d fill=group.color.clone()>
            <title>{format!("{}: {} → {}", group.name, group.start, group.finish)}</title>
        </path>
    }
    .into_any()
}

/// A summary bracket from `x0` to `x1` in the row at `top` of height `rh`: a thin bar with
/// a foot pointing down at each end (as MS Project draws a summary).
fn bracket_path(x0: f64, x1: f64, top: f64, rh: f64) -> String {
    let top = top + rh * 0.34;
    let h = rh * 0.2;
    let foot = rh * 0.2;
    format!(
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
    )
}

/// A task's bar (or a milestone's diamond) with its float, baseline, ghost, deadline,
/// handles and name.
fn task_view(t: &TaskRow, i: usize, g: Geo, is_selected: bool, ctl: Ctl) -> AnyView {
    let Some(bar) = t.bar.as_ref() else {
        return ().into_any();
    };
    let mid = g.mid(i);
    let right = if t.milestone {
        g.centre(bar.start, bar.end) + g.diamond()
    } else {
        g.span(bar.start, bar.end).1
    };
    let ghost = ghost_view(bar, i, g);
    let baseline = baseline_view(bar, i, g);
    let float = float_view(t, bar, i, g);
    let deadline = deadline_view(t, bar, i, g);
    let shape = shape_view(t, bar, i, g, ctl);
    let move_row = t.clone();
    let link_row = t.clone();
    let key_id = t.id.clone();
    let title = task_title(t);
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
            class:summary=t.summary
            data-id=t.id.clone()
            tabindex="0"
            role="button"
            aria-label=aria
            on:pointerdown=move |ev| {
                // A summary's dates are its tasks': it is selected, not moved.
                if move_row.summary {
                    ctl.actions.select.run(move_row.id.clone());
                } else {
                    ctl.begin(&ev, DragKind::Move, i, &move_row);
                }
            }
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
        <text class="gantt-label" x=label_x y=mid + 4.5>
            {t.name.clone()}
            // A milestone's readiness, a small badge beside its name.
            {t.readiness.clone().map(|r| {
                let ready = r.starts_with("ready");
                view! { <tspan class="gantt-readiness" class:ready=ready data-role="readiness-badge">{format!("  ◉ {r}")}</tspan> }
            })}
        </text>
    }
    .into_any()
}

/// A task's tooltip and accessible name: its name, id, dates and float, and why leveling
/// held it back.
fn task_title(t: &TaskRow) -> String {
    let float_text = Column::TotalFloat.text(t);
    format!(
        "{} ({}): {} → {}{}{}",
        t.name,
        t.id,
        Column::Start.text(t),
        Column::Finish.text(t),
        if float_text.is_empty() {
            String::new()
        } else {
            format!(", float {float_text}")
        },
        t.leveling
            .as_ref()
            .map(|why| format!(". {why}"))
            .unwrap_or_default()
    )
}

/// The outline of the task's bar in the program, behind a scenario's bar.
fn ghost_view(bar: &Bar, i: usize, g: Geo) -> Option<impl IntoView + use<>> {
    let bar_top = g.bar_top(i);
    let bh = g.bar_height();
    bar.ghost.map(|(s, e)| {
        let (gx0, gx1) = g.span(s, e);
        view! {
            <rect class="gantt-ghost" x=gx0 y=bar_top - 2.0 width=gx1 - gx0 height=bh + 4.0 rx=3.0>
                <title>"In the program"</title>
            </rect>
        }
    })
}

/// The active baseline's bar, a thin strip under the task's bar.
fn baseline_view(bar: &Bar, i: usize, g: Geo) -> Option<impl IntoView + use<>> {
    let top = g.top(i);
    bar.baseline.map(|(s, e)| {
        let (bx0, bx1) = g.span(s, e);
        let y = top + g.rh * 0.78;
        view! {
            <rect class="gantt-baseline" x=bx0 y=y width=bx1 - bx0 height=(g.rh * 0.1).max(3.0)>
                <title>"Baseline"</title>
            </rect>
        }
    })
}

/// The total float: a whisker from the bar's end to its late finish (none for a milestone).
fn float_view(t: &TaskRow, bar: &Bar, i: usize, g: Geo) -> Option<impl IntoView + use<>> {
    let (_, x1) = g.span(bar.start, bar.end);
    let bar_top = g.bar_top(i);
    let bh = g.bar_height();
    (bar.late_end > bar.end && !t.milestone).then(|| {
        let fx1 = g.x(bar.late_end);
        let y = bar_top + bh + 2.0;
        view! {
            <path class="gantt-float" d=format!("M{x1:.1},{y:.1}H{fx1:.1}M{fx1:.1},{:.1}V{:.1}", y - 3.0, y + 3.0)>
                <title>{format!("Total float: {}", Column::TotalFloat.text(t))}</title>
            </path>
        }
    })
}

/// The deadline: a line across the row with a flag on top, marked when it is missed.
fn deadline_view(t: &TaskRow, bar: &Bar, i: usize, g: Geo) -> Option<impl IntoView + use<>> {
    let top = g.top(i);
    bar.deadline.map(|day| {
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
    })
}

/// The task itself: a milestone's diamond, a summary's bracket, or a bar with its progress
/// and the handle that stretches its end.
fn shape_view(t: &TaskRow, bar: &Bar, i: usize, g: Geo, ctl: Ctl) -> AnyView {
    let color = t.color.clone();
    let mid = g.mid(i);
    if t.milestone {
        let points = diamond_points(g.centre(bar.start, bar.end), mid, g.diamond());
        return view! { <polygon class="gantt-diamond" points=points fill=color /> }.into_any();
    }
    if t.summary {
        let (x0, x1) = g.span(bar.start, bar.end);
        let d = bracket_path(x0, x1, g.top(i), g.rh);
        return view! { <path class="gantt-summary" d=d /> }.into_any();
    }
    let bar_top = g.bar_top(i);
    let bh = g.bar_height();
    let (x0, x1) = g.span(bar.start, bar.end);
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
}
