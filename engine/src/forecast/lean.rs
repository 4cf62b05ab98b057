//! Lean passes for forecasts: the scheduler's rules specialised to plans where every task
//! works on the program calendar, none is in progress and every finished task has its
//! actual finish. On such plans a task's calendar placement is plain arithmetic
//! (`finish = start + duration`), so each pass is a tight loop over the same dependency
//! lists. Results are identical to the general passes (a property test holds them to it);
//! other plans use the general passes.

use crate::check::{Checked, Progress};
use crate::model::LinkType;

pub(crate) struct Lean {
    start_min: Vec<i64>,
    finish_min: Vec<i64>,
    start_max: Vec<i64>,
    finish_max: Vec<i64>,
    /// Finished tasks' (start, finish), which no draw changes.
    fixed: Vec<Option<(i64, i64)>>,
    pub early_start: Vec<i64>,
    pub early_finish: Vec<i64>,
    late_start: Vec<i64>,
    pub late_finish: Vec<i64>,
    pub finish_offset: i64,
}

impl Lean {
    /// Lean passes for `checked`, if its plan allows them.
    pub fn new(checked: &Checked<'_>) -> Option<Self> {
        let n = checked.tasks.len();
        let mut lean = Lean {
            start_min: Vec::with_capacity(n),
            finish_min: Vec::with_capacity(n),
            start_max: Vec::with_capacity(n),
            finish_max: Vec::with_capacity(n),
            fixed: Vec::with_capacity(n),
            early_start: vec![0; n],
            early_finish: vec![0; n],
            late_start: vec![0; n],
            late_finish: vec![0; n],
            finish_offset: 0,
        };
        let status = checked.status.unwrap_or(i64::MIN);
        for task in &checked.tasks {
            if task.calendar.is_some() {
                return None;
            }
            let fixed = match task.progress {
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
                | Progress::InProgress { .. } => return None,
            };
            lean.start_min.push(task.start_min.max(status));
            lean.finish_min.push(task.finish_min);
            lean.start_max.push(task.start_max);
            lean.finish_max.push(task.finish_max);
            lean.fixed.push(fixed);
        }
        Some(lean)
    }

    /// Both passes with task `t` lasting `durations[t]`.
    pub fn run(&mut self, checked: &Checked<'_>, durations: &[i64]) {
        self.forward(checked, durations);
        let program_end = checked.finish_by.unwrap_or(self.finish_offset);
        self.backward(checked, durations, program_end);
    }

    fn forward(&mut self, checked: &Checked<'_>, durations: &[i64]) {
        let (es, ef) = (&mut self.early_start, &mut self.early_finish);
        let mut latest = i64::MIN;
        for &t in &checked.order {
            let t = t as usize;
            let (start, finish) = match self.fixed[t] {
                Some(dates) => dates,
                None => {
                    let mut start = self.start_min[t];
                    let mut finish = self.finish_min[t];
                    for link in checked.predecessors.of(t) {
                        let p = link.task as usize;
                        match link.kind {
                            LinkType::FS => start = start.max(ef[p] + link.lag),
                            LinkType::SS => start = start.max(es[p] + link.lag),
                            LinkType::FF => finish = finish.max(ef[p] + link.lag),
                            LinkType::SF => finish = finish.max(es[p] + link.lag),
                        }
                    }
                    if finish > i64::MIN {
                        start = start.max(finish.saturating_sub(durations[t]));
                    }
                    (start, start + durations[t])
                }
            };
            es[t] = start;
            ef[t] = finish;
            latest = latest.max(finish);
        }
        self.finish_offset = if latest == i64::MIN { 0 } else { latest };
    }

    fn backward(&mut self, checked: &Checked<'_>, durations: &[i64], program_end: i64) {
        let (ls, lf) = (&mut self.late_start, &mut self.late_finish);
        for &t in checked.order.iter().rev() {
            let t = t as usize;
            if let Some((start, finish)) = self.fixed[t] {
                ls[t] = start;
                lf[t] = finish;
                continue;
            }
            let mut finish = program_end.min(self.finish_max[t]);
            let mut start = self.start_max[t];
            for link in checked.successors.of(t) {
                let s = link.task as usize;
                match link.kind {
                    LinkType::FS => finish = finish.min(ls[s] - link.lag),
                    LinkType::SS => start = start.min(ls[s] - link.lag),
                    LinkType::FF => finish = finish.min(lf[s] - link.lag),
                    LinkType::SF => start = start.min(lf[s] - link.lag),
                }
            }
            if start < i64::MAX {
                finish = finish.min(start.saturating_add(durations[t]));
            }
            lf[t] = finish;
            ls[t] = finish - durations[t];
        }
    }

    /// Total float of task `t` (finished tasks have none).
    pub fn total_float(&self, t: usize) -> i64 {
        if self.fixed[t].is_some() {
            0
        } else {
            self.late_finish[t] - self.early_finish[t]
        }
    }
}
