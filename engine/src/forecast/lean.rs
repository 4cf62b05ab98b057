//! Lean passes for forecasts: the scheduler's rules specialised to plans where every task
//! works on the program calendar, none is in progress or to be placed as late as possible
//! (those plans run the general passes, which place such tasks in every iteration) and
//! every finished task has its actual finish. On such plans a task's calendar placement is plain arithmetic
//! (`finish = start + duration`). Tasks are renumbered in topological order, so each pass
//! walks its arrays front to back (or back to front) with compact links in the same order.
//! Results are identical to the general passes (a property test holds them to it); other
//! plans use the general passes.

use crate::check::{Checked, LinkLists, Progress};
use crate::model::LinkType;

/// A link between two positions (topological order), as the value it reads and the bound
/// it sets. Dates are kept flat, `[start, finish]` of position 0, then of position 1, …; a
/// link reads the value at `read` (its other task's start or finish) plus `lag`. In the
/// forward pass every link bounds its own task's start: a link that bounds the finish (FF,
/// SF) is *shifted* back by the task's duration. In the backward pass every link bounds the
/// finish, and one that bounds the start (FS, SS seen from the predecessor) is shifted
/// forward by the duration. The shift is a mask, not a branch, so the inner loops have no
/// unpredictable jumps; the flag lives in the top bit of `read` to keep a link in 8 bytes.
#[derive(Clone, Copy)]
struct Link {
    read: u32,
    lag: i32,
}

impl Link {
    const SHIFTED: u32 = 1 << 31;

    fn new(read: u32, lag: i32, shifted: bool) -> Self {
        Link {
            read: read | if shifted { Self::SHIFTED } else { 0 },
            lag,
        }
    }

    fn read(self) -> usize {
        (self.read & !Self::SHIFTED) as usize
    }

    /// All ones if the link is shifted by the duration, else zero: `duration & mask`.
    fn shift_mask(self) -> i64 {
        -i64::from(self.read >> 31)
    }
}

/// Iterations the lean passes run at once. Their dates sit side by side, so each link is
/// read once for all of them and the processor works on independent values: 1.15 times
/// the speed of one iteration at a time natively, 1.4 times in wasm built with SIMD128
/// (which does four lanes of 64-bit values in two vector operations).
pub(crate) const LANES: usize = 4;

/// One value per iteration of a run.
pub(crate) type Lanes = [i64; LANES];

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
    /// Early and late dates, flat: `[start, finish]` of each position in turn, each for
    /// [`LANES`] iterations.
    early: Vec<Lanes>,
    late: Vec<Lanes>,
    finish_offset: Lanes,
    /// The least total float of an open task in each iteration of the last run.
    least_float: Lanes,
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
            if task.calendar.is_some() || task.is_placed_late() {
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
            early: vec![[0; LANES]; 2 * n],
            late: vec![[0; LANES]; 2 * n],
            finish_offset: [0; LANES],
            least_float: [0; LANES],
        })
    }

    /// The position of each task: durations, floats and finishes are in position order.
    pub fn positions(&self) -> &[u32] {
        &self.position
    }

    /// Both passes for [`LANES`] iterations at once, the task at position `i` lasting
    /// `durations[i][lane]` in iteration `lane`.
    pub fn run(&mut self, durations: &[Lanes]) {
        if self.any_fixed {
            self.forward::<true>(durations);
            self.backward::<true>(durations);
        } else {
            self.forward::<false>(durations);
            self.backward::<false>(durations);
        }
    }

    /// The forward pass; `FIXED`: whether to look for finished tasks at all.
    #[inline(never)]
    fn forward<const FIXED: bool>(&mut self, durations: &[Lanes]) {
        let early = &mut self.early;
        let mut latest = [i64::MIN; LANES];
        for (i, duration) in durations.iter().enumerate() {
            if let Some((start, finish)) = FIXED.then(|| self.fixed[i]).flatten() {
                early[2 * i] = [start; LANES];
                early[2 * i + 1] = [finish; LANES];
                latest = latest.map(|latest| latest.max(finish));
                continue;
            }
            let (start_min, finish_min) = (self.start_min[i], self.finish_min[i]);
            let mut start = duration.map(|d| start_min.max(finish_min.saturating_sub(d)));
            let links = &self.preds[self.pred_starts[i] as usize..self.pred_starts[i + 1] as usize];
            for &link in links {
                let (read, lag, mask) =
                    (&early[link.read()], i64::from(link.lag), link.shift_mask());
                for lane in 0..LANES {
                    start[lane] = start[lane].max(read[lane] + lag - (duration[lane] & mask));
                }
            }
            let mut finish = start;
            for lane in 0..LANES {
                finish[lane] += duration[lane];
                latest[lane] = latest[lane].max(finish[lane]);
            }
            early[2 * i] = start;
            early[2 * i + 1] = finish;
        }
        self.finish_offset = latest.map(|latest| if latest == i64::MIN { 0 } else { latest });
    }

    /// The backward pass; also finds the least total float of the open tasks.
    #[inline(never)]
    fn backward<const FIXED: bool>(&mut self, durations: &[Lanes]) {
        let late = &mut self.late;
        let program_end = self.finish_by.map_or(self.finish_offset, |k| [k; LANES]);
        let mut least = [i64::MAX; LANES];
        for (i, duration) in durations.iter().enumerate().rev() {
            if let Some((start, finish)) = FIXED.then(|| self.fixed[i]).flatten() {
                late[2 * i] = [start; LANES];
                late[2 * i + 1] = [finish; LANES];
                continue;
            }
            let (finish_max, start_max) = (self.finish_max[i], self.start_max[i]);
            let mut finish = [0; LANES];
            for lane in 0..LANES {
                finish[lane] = program_end[lane]
                    .min(finish_max)
                    .min(start_max.saturating_add(duration[lane]));
            }
            let links = &self.succs[self.succ_starts[i] as usize..self.succ_starts[i + 1] as usize];
            for &link in links {
                let (read, lag, mask) =
                    (&late[link.read()], i64::from(link.lag), link.shift_mask());
                for lane in 0..LANES {
                    finish[lane] = finish[lane].min(read[lane] - lag + (duration[lane] & mask));
                }
            }
            let early_finish = &self.early[2 * i + 1];
            let mut start = finish;
            for lane in 0..LANES {
                start[lane] -= duration[lane];
                least[lane] = least[lane].min(finish[lane] - early_finish[lane]);
            }
            late[2 * i] = start;
            late[2 * i + 1] = finish;
        }
        self.least_float = least;
    }

    /// Adds one to the count of each open task critical in iteration `lane` of the last
    /// run: its total float is at most `max_float`, or, without one, the least of that
    /// iteration. Branch-free: near-critical tasks change from one iteration to the next,
    /// so a branch would be mispredicted often.
    pub fn count_critical(&self, lane: usize, max_float: Option<i64>, critical: &mut [u32]) {
        let limit = max_float.unwrap_or(self.least_float[lane]);
        let floats = self.late.chunks_exact(2).zip(self.early.chunks_exact(2));
        for (i, ((late, early), count)) in floats.zip(critical).enumerate() {
            let open = !self.any_fixed || self.fixed[i].is_none();
            let float = late[1][lane] - early[1][lane];
            *count += u32::from(float <= limit && open);
        }
    }

    /// The early finish of the task at position `i` in iteration `lane` of the last run.
    pub fn early_finish_at(&self, i: usize, lane: usize) -> i64 {
        self.early[2 * i + 1][lane]
    }

    /// The program finish in iteration `lane` of the last run.
    pub fn finish_offset(&self, lane: usize) -> i64 {
        self.finish_offset[lane]
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
            // Checked links keep their lag in an `i32`.
            let lag = link.lag() as i32;
            // Forward, a bound on the finish is shifted to the start; backward, the reverse.
            let shifted = match side {
                Side::Predecessor => own_end == 1,
                Side::Successor => own_end == 0,
            };
            links.push(Link::new(2 * other + read_end, lag, shifted));
        }
        starts.push(links.len() as u32);
    }
    (starts, links)
}
