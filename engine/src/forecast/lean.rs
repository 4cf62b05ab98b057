//! Lean passes for forecasts: the scheduler's rules specialised to plans where every task
//! works on the program calendar, none is in progress and every finished task has its
//! actual finish. On such plans a task's calendar placement is plain arithmetic
//! (`finish = start + duration`). Tasks are renumbered in topological order, so each pass
//! walks its arrays front to back (or back to front) with compact links in the same order.
//! Results are identical to the general passes (a property test holds them to it); other
//! plans use the general passes.

use crate::check::{Checked, LinkLists, Progress};
use crate::model::LinkType;

/// A link between two positions (topological order), as the values it joins. Dates are
/// kept flat, `[start, finish]` of position 0, then of position 1, …; a link reads the
/// value at `read` (its other task's start or finish) and bounds its own task's start or
/// finish (`to_finish`). FS reads a finish and bounds a start, SS start → start, FF finish
/// → finish, SF start → finish; in a successor list the roles swap. Indexing by value
/// instead of matching on the type keeps the inner loops free of unpredictable branches.
#[derive(Clone, Copy)]
struct Link {
    read: u32,
    lag: i32,
    to_finish: bool,
}

pub(crate) struct Lean {
    /// The task at each position, and the position of each task.
    position: Vec<u32>,
    /// Links by position: those of position `i` are `[starts[i], starts[i + 1])`.
    pred_starts: Vec<u32>,
    preds: Vec<Link>,
    succ_starts: Vec<u32>,
    succs: Vec<Link>,
    start_min: Vec<i64>,
    finish_min: Vec<i64>,
    start_max: Vec<i64>,
    finish_max: Vec<i64>,
    /// Finished tasks' (start, finish), which no draw changes.
    fixed: Vec<Option<(i64, i64)>>,
    /// Whether any task is finished: if none, the passes skip looking (most forecasts).
    any_fixed: bool,
    finish_by: Option<i64>,
    /// Early and late dates, flat: `[start, finish]` of each position in turn.
    early: Vec<i64>,
    late: Vec<i64>,
    pub finish_offset: i64,
}

impl Lean {
    /// Lean passes for `checked`, if its plan allows them.
    pub fn new(checked: &Checked<'_>) -> Option<Self> {
        let n = checked.tasks.len();
        let task_at = checked.order.clone();
        let mut position = vec![0u32; n];
        for (i, &t) in task_at.iter().enumerate() {
            position[t as usize] = i as u32;
        }
        let status = checked.status.unwrap_or(i64::MIN);
        let (mut start_min, mut finish_min, mut start_max, mut finish_max, mut fixed) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n),
        );
        for &t in &task_at {
            let task = &checked.tasks[t as usize];
            if task.calendar.is_some() {
                return None;
            }
            fixed.push(match task.progress {
                Progress::NotStarted => None,
                Progress::Complete {
                    actual_start,
                    actual_finish: Some(finish),
                } => Some((
                    actual_start.unwrap_or(finish - task.duration).min(finish),
                    finish,
                )),
                Progress::Complete {
                    actual_finish: None,
                    ..
                }
                | Progress::Started { .. } => return None,
            });
            start_min.push(task.start_min.max(status));
            finish_min.push(task.finish_min);
            start_max.push(task.start_max);
            finish_max.push(task.finish_max);
        }
        let (pred_starts, preds) = renumber(
            &checked.predecessors,
            &task_at,
            &position,
            Side::Predecessor,
        );
        let (succ_starts, succs) =
            renumber(&checked.successors, &task_at, &position, Side::Successor);
        Some(Lean {
            position,
            pred_starts,
            preds,
            succ_starts,
            succs,
            start_min,
            finish_min,
            start_max,
            finish_max,
            any_fixed: fixed.iter().any(Option::is_some),
            fixed,
            finish_by: checked.finish_by,
            early: vec![0; 2 * n],
            late: vec![0; 2 * n],
            finish_offset: 0,
        })
    }

    /// The position of each task: durations, floats and finishes are in position order.
    pub fn positions(&self) -> &[u32] {
        &self.position
    }

    /// Both passes with the task at position `i` lasting `durations[i]`.
    pub fn run(&mut self, durations: &[i64]) {
        if self.any_fixed {
            self.forward::<true>(durations);
            self.backward::<true>(durations, self.finish_by.unwrap_or(self.finish_offset));
        } else {
            self.forward::<false>(durations);
            self.backward::<false>(durations, self.finish_by.unwrap_or(self.finish_offset));
        }
    }

    /// The forward pass; `FIXED`: whether to look for finished tasks at all.
    fn forward<const FIXED: bool>(&mut self, durations: &[i64]) {
        let early = &mut self.early;
        let mut latest = i64::MIN;
        for i in 0..durations.len() {
            if let Some((start, finish)) = FIXED.then(|| self.fixed[i]).flatten() {
                early[2 * i] = start;
                early[2 * i + 1] = finish;
                latest = latest.max(finish);
                continue;
            }
            let (mut start, mut finish) = (self.start_min[i], self.finish_min[i]);
            let links = &self.preds[self.pred_starts[i] as usize..self.pred_starts[i + 1] as usize];
            for link in links {
                let value = early[link.read as usize] + i64::from(link.lag);
                // The bound this link raises: branch-free (selects, no jumps).
                start = start.max(if link.to_finish { i64::MIN } else { value });
                finish = finish.max(if link.to_finish { value } else { i64::MIN });
            }
            let duration = durations[i];
            if finish > i64::MIN {
                start = start.max(finish.saturating_sub(duration));
            }
            early[2 * i] = start;
            early[2 * i + 1] = start + duration;
            latest = latest.max(start + duration);
        }
        self.finish_offset = if latest == i64::MIN { 0 } else { latest };
    }

    fn backward<const FIXED: bool>(&mut self, durations: &[i64], program_end: i64) {
        let late = &mut self.late;
        for i in (0..durations.len()).rev() {
            if let Some((start, finish)) = FIXED.then(|| self.fixed[i]).flatten() {
                late[2 * i] = start;
                late[2 * i + 1] = finish;
                continue;
            }
            let (mut finish, mut start) = (program_end.min(self.finish_max[i]), self.start_max[i]);
            let links = &self.succs[self.succ_starts[i] as usize..self.succ_starts[i + 1] as usize];
            for link in links {
                let value = late[link.read as usize] - i64::from(link.lag);
                finish = finish.min(if link.to_finish { value } else { i64::MAX });
                start = start.min(if link.to_finish { i64::MAX } else { value });
            }
            let duration = durations[i];
            if start < i64::MAX {
                finish = finish.min(start.saturating_add(duration));
            }
            late[2 * i] = finish - duration;
            late[2 * i + 1] = finish;
        }
    }

    /// The total float of the task at position `i` (not a finished one: those have none).
    pub fn float_at(&self, i: usize) -> i64 {
        self.late[2 * i + 1] - self.early[2 * i + 1]
    }

    /// The early finish of the task at position `i`.
    pub fn early_finish_at(&self, i: usize) -> i64 {
        self.early[2 * i + 1]
    }
}

/// Which list a link is in: a task's predecessors (the link reads the predecessor) or its
/// successors (the backward pass reads the successor).
#[derive(Clone, Copy)]
enum Side {
    Predecessor,
    Successor,
}

/// Links grouped by position instead of by task, reading flat values by position.
fn renumber(
    lists: &LinkLists,
    task_at: &[u32],
    position: &[u32],
    side: Side,
) -> (Vec<u32>, Vec<Link>) {
    let mut starts = Vec::with_capacity(task_at.len() + 1);
    let mut links = Vec::new();
    starts.push(0);
    for &t in task_at {
        for link in lists.of(t as usize) {
            // The ends a link joins: (predecessor's, successor's), 0 start, 1 finish.
            let (predecessor_end, successor_end) = match link.kind {
                LinkType::FS => (1, 0),
                LinkType::SS => (0, 0),
                LinkType::FF => (1, 1),
                LinkType::SF => (0, 1),
            };
            let (read_end, own_end) = match side {
                Side::Predecessor => (predecessor_end, successor_end),
                Side::Successor => (successor_end, predecessor_end),
            };
            let other = position[link.task as usize];
            // Lags are validated to at most ±100,000 days.
            let lag = link.lag.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
            links.push(Link {
                read: 2 * other + read_end,
                lag,
                to_finish: own_end == 1,
            });
        }
        starts.push(links.len() as u32);
    }
    (starts, links)
}
