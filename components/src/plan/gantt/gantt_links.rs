//! The Gantt chart's dependency arrows: the right-angled path of a link from one bar to
//! another, leaving and entering each bar at the end its type ties (FS: finish to start,
//! SS, FF, SF). Not a component: `GanttChart` draws the paths.

/// A bar as the arrows see it: its left and right edges and its centre line, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Ends {
    pub left: f64,
    pub right: f64,
    pub y: f64,
}

/// The SVG path of a link of `kind` ("FS", "SS", "FF", "SF") from `from` to `to`, on rows
/// `row_height` apart, running `stub` pixels straight out of a bar before it turns. The path
/// ends on the successor's edge, so a marker shows the arrow.
pub(crate) fn link_path(kind: &str, from: Ends, to: Ends, row_height: f64, stub: f64) -> String {
    // Which end leaves the predecessor (+1: its finish, on the right) and which end of the
    // successor the arrow enters (+1: its start, from the left).
    let out_dir = if matches!(kind, "SS" | "SF") {
        -1.0
    } else {
        1.0
    };
    let in_dir = if matches!(kind, "FF" | "SF") {
        -1.0
    } else {
        1.0
    };
    let sx = if out_dir > 0.0 { from.right } else { from.left };
    let tx = if in_dir > 0.0 { to.left } else { to.right };
    let leave = sx + out_dir * stub;
    let approach = tx - in_dir * stub;
    // The one vertical run: right of `leave` when leaving rightwards (left when leftwards),
    // and before `approach` on the side the arrow comes in from.
    let lo = if out_dir > 0.0 {
        leave
    } else {
        f64::NEG_INFINITY
    };
    let lo = if in_dir < 0.0 { lo.max(approach) } else { lo };
    let hi = if out_dir < 0.0 { leave } else { f64::INFINITY };
    let hi = if in_dir > 0.0 { hi.min(approach) } else { hi };
    if lo <= hi {
        let x = if lo.is_finite() { lo } else { hi };
        return format!("M{sx:.1},{:.1}H{x:.1}V{:.1}H{tx:.1}", from.y, to.y);
    }
    // No room: turn back between the two rows.
    let between = if to.y >= from.y {
        to.y - row_height / 2.0
    } else {
        to.y + row_height / 2.0
    };
    format!(
        "M{sx:.1},{:.1}H{leave:.1}V{between:.1}H{approach:.1}V{:.1}H{tx:.1}",
        from.y, to.y
    )
}
