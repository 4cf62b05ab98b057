//! Direct manipulation on the Gantt chart: a drag in progress (move a bar, stretch its end,
//! or draw a link from its connector), and what it amounts to once released, in whole chart
//! days. Not a component: `GanttChart` holds the drag and draws its preview.

/// What a drag does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DragKind {
    Move,
    Resize,
    Link,
}

/// A drag in progress, in the body SVG's pixels.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Drag {
    pub kind: DragKind,
    pub id: String,
    pub row: usize,
    /// The bar when the drag began (chart days, end exclusive).
    pub start: i64,
    pub end: i64,
    pub milestone: bool,
    /// Where the pointer went down, and where it is now.
    pub x0: f64,
    pub y0: f64,
    pub x: f64,
    pub y: f64,
}

/// Pixels the pointer must travel before a press counts as a drag rather than a click.
const CLICK_SLOP: f64 = 4.0;

/// What a released drag asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// A press without a drag: select the task.
    Select(String),
    MoveTo(String, i64),
    Resize(String, i64),
    /// A link to the task on the row the pointer is over (checked by the caller).
    LinkTo(String, usize),
    Nothing,
}

impl Drag {
    /// Whether the pointer has travelled far enough to be dragging.
    pub fn moved(&self) -> bool {
        (self.x - self.x0).abs() > CLICK_SLOP || (self.y - self.y0).abs() > CLICK_SLOP
    }

    /// Whole days the pointer has moved, at `px_per_day`.
    fn days(&self, px_per_day: f64) -> i64 {
        if px_per_day <= 0.0 {
            return 0;
        }
        ((self.x - self.x0) / px_per_day).round() as i64
    }

    /// The bar as it would be if released now (for the preview).
    pub fn preview(&self, px_per_day: f64) -> (i64, i64) {
        let days = self.days(px_per_day);
        match self.kind {
            DragKind::Move => (self.start + days, self.end + days),
            DragKind::Resize => (self.start, (self.end + days).max(self.start + 1)),
            DragKind::Link => (self.start, self.end),
        }
    }

    /// The row under the pointer, for rows `row_height` high.
    pub fn row_under(&self, row_height: f64) -> Option<usize> {
        (self.y >= 0.0 && row_height > 0.0).then(|| (self.y / row_height) as usize)
    }

    /// What releasing the pointer now asks for.
    pub fn outcome(&self, px_per_day: f64, row_height: f64) -> Outcome {
        if !self.moved() {
            return Outcome::Select(self.id.clone());
        }
        let (start, end) = self.preview(px_per_day);
        match self.kind {
            DragKind::Move if start != self.start => Outcome::MoveTo(self.id.clone(), start),
            DragKind::Resize if end != self.end && !self.milestone => {
                Outcome::Resize(self.id.clone(), end)
            }
            DragKind::Link => match self.row_under(row_height) {
                Some(row) if row != self.row => Outcome::LinkTo(self.id.clone(), row),
                _ => Outcome::Nothing,
            },
            _ => Outcome::Nothing,
        }
    }
}
