//! What the Gantt chart draws over its bars: the dependency arrows between visible rows, and
//! a drag's preview (the bar where it would land, or the link being drawn). Not a
//! component: `GanttChart` draws with these.

use std::ops::Range;

use leptos::prelude::*;

use crate::plan::gantt::gantt_chart::Geo;
use crate::plan::gantt::gantt_drag::{Drag, DragKind};
use crate::plan::gantt::gantt_links::{Ends, link_path};
use crate::plan::gantt::gantt_rows::diamond_points;
use crate::plan::gantt::gantt_scale::date_of;
use document::plan_model::{Bar, PlanModel};

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
pub(super) fn links_view(m: &PlanModel, visible: Range<usize>, g: Geo) -> impl IntoView + use<> {
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
pub(super) fn overlay_view(drag: &Drag, m: &PlanModel, g: Geo) -> AnyView {
    match drag.kind {
        DragKind::Link => link_draft_view(drag, m, g),
        DragKind::Move | DragKind::Resize => landing_view(drag, m, g),
    }
}

/// The link being drawn: a line from the bar's connector to the pointer, and the row it
/// would reach highlighted.
fn link_draft_view(drag: &Drag, m: &PlanModel, g: Geo) -> AnyView {
    let mid = g.mid(drag.row);
    let (sx, _) =
        ends_of(m.bar(drag.row), drag.row, g).map_or((drag.x0, 0.0), |e| (e.right + 7.0, e.left));
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

/// Where a moved or stretched bar would land, labelled with its new start or finish.
fn landing_view(drag: &Drag, m: &PlanModel, g: Geo) -> AnyView {
    let mid = g.mid(drag.row);
    let (start, end) = drag.preview(g.ppd);
    let (text, shape) = if drag.milestone {
        let cx = g.centre(start, end);
        let r = g.diamond();
        let points = diamond_points(cx, mid, r);
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
