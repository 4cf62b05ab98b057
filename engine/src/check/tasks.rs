//! Checking tasks: ids, durations, percentages, estimates, and their constraints,
//! deadlines and progress turned into timeline bounds.

use super::{Checker, MAX_DAYS, Prepared, Progress, date_in_range, is_blank};
use crate::diagnostics::Code;
use crate::model::{ConstraintKind, Task};
use crate::timeline::Timeline;
use rustc_hash::FxHashMap;
use std::borrow::Borrow;
use std::hash::Hash;

impl<'p> Checker<'p> {
    /// Task ids: empty (E011) and duplicate (E001) ids.
    pub(super) fn task_ids(&mut self) -> FxHashMap<&'p str, u32> {
        let program = self.program;
        let mut index =
            FxHashMap::with_capacity_and_hasher(program.tasks.len(), Default::default());
        for (t, task) in program.tasks.iter().enumerate() {
            if is_blank(&task.id) {
                self.error(
                    Code::EmptyId,
                    format!("tasks[{t}].id"),
                    vec![],
                    format!("task '{}' has no id", task.name),
                );
                continue;
            }
            if let Some(first) = index.insert(task.id.as_str(), t as u32) {
                index.insert(task.id.as_str(), first);
                self.error(
                    Code::DuplicateTaskId,
                    format!("tasks[{t}].id"),
                    vec![task.id.clone()],
                    format!(
                        "task id '{}' is used more than once (first at tasks[{first}])",
                        task.id
                    ),
                );
            }
        }
        index
    }

    /// Everything about one task, in offsets; reports the task's own errors.
    pub(crate) fn prepare_task<K: Borrow<str> + Hash + Eq>(
        &mut self,
        t: usize,
        task: &Task,
        team_index: &FxHashMap<K, Option<u32>>,
        timeline: Option<&Timeline>,
    ) -> Prepared {
        let calendar = match team_index.get(task.workstream.as_str()) {
            Some(&slot) => slot,
            None => {
                self.error(
                    Code::UnknownWorkstream,
                    format!("tasks[{t}].workstream"),
                    vec![task.id.clone(), task.workstream.clone()],
                    format!(
                        "task '{}' names workstream '{}', which does not exist",
                        task.id, task.workstream
                    ),
                );
                None
            }
        };
        self.check_numbers(t, task);
        let mut prepared = Prepared {
            duration: task.duration.clamp(0, MAX_DAYS),
            calendar: if task.is_milestone() { None } else { calendar },
            start_min: 0,
            finish_min: i64::MIN,
            start_max: i64::MAX,
            finish_max: i64::MAX,
            must: None,
            deadline: None,
            as_late_as_possible: false,
            progress: Progress::NotStarted,
        };
        if task.milestone {
            prepared.duration = 0;
        }
        if let Some(timeline) = timeline {
            self.apply_constraint(t, task, timeline, &mut prepared);
            self.apply_progress(t, task, timeline, &mut prepared);
            if let Some(date) = task.leveled_start
                && prepared.progress == Progress::NotStarted
            {
                prepared.start_min = prepared.start_min.max(timeline.offset_of(date));
            }
        }
        prepared
    }

    pub(super) fn check_numbers(&mut self, t: usize, task: &Task) {
        let id = || vec![task.id.clone()];
        if task.duration < 0 {
            self.error(
                Code::NegativeDuration,
                format!("tasks[{t}].duration"),
                id(),
                format!(
                    "task '{}' has a negative duration ({})",
                    task.id, task.duration
                ),
            );
        } else if task.duration > MAX_DAYS {
            self.error(
                Code::ValueOutOfRange,
                format!("tasks[{t}].duration"),
                id(),
                format!(
                    "task '{}' lasts {} working days; at most {MAX_DAYS} are supported",
                    task.id, task.duration
                ),
            );
        }
        if task.milestone && task.duration != 0 {
            self.error(
                Code::MilestoneWithDuration,
                format!("tasks[{t}].duration"),
                id(),
                format!(
                    "milestone '{}' has a duration of {}; a milestone has none",
                    task.id, task.duration
                ),
            );
        }
        if !(0.0..=100.0).contains(&task.percent_complete) {
            self.error(
                Code::PercentOutOfRange,
                format!("tasks[{t}].percent_complete"),
                id(),
                format!(
                    "task '{}' is {}% complete; percent complete is 0 to 100",
                    task.id, task.percent_complete
                ),
            );
        }
        if let (Some(start), Some(finish)) = (task.actual_start, task.actual_finish)
            && finish < start
        {
            self.error(
                Code::FinishBeforeStart,
                format!("tasks[{t}].actual_finish"),
                id(),
                format!(
                    "task '{}' finished ({finish}) before it started ({start})",
                    task.id
                ),
            );
        }
    }

    /// Constraint and deadline as bounds on offsets. See the crate docs for the conventions.
    pub(super) fn apply_constraint(
        &mut self,
        t: usize,
        task: &Task,
        timeline: &Timeline,
        p: &mut Prepared,
    ) {
        if let Some(deadline) = task.deadline {
            let k = timeline.offset_after(deadline);
            p.deadline = Some(k);
            p.finish_max = p.finish_max.min(k);
        }
        let Some(constraint) = &task.constraint else {
            return;
        };
        let kind = constraint.kind;
        // As late as possible sets no bound: the task is placed after both passes.
        p.as_late_as_possible = kind == ConstraintKind::ALAP;
        let Some(date) = constraint.date else {
            if kind.needs_date() {
                self.error(
                    Code::ConstraintWithoutDate,
                    format!("tasks[{t}].constraint.date"),
                    vec![task.id.clone()],
                    format!(
                        "task '{}' has a {kind:?} constraint without a date",
                        task.id
                    ),
                );
            }
            return;
        };
        if !date_in_range(date) {
            return;
        }
        // Bounds on the first working day on/after the date (`on`), or through the date
        // (`through`: just after the last working day on or before it).
        let on = timeline.offset_of(date);
        let through = timeline.offset_after(date);
        use ConstraintKind::*;
        if p.duration == 0 {
            // A milestone is an instant at the end of its day.
            match kind {
                ASAP | ALAP => {}
                SNET | FNET => p.start_min = p.start_min.max(on + 1),
                SNLT | FNLT => p.finish_max = p.finish_max.min(through),
                MSO | MFO => {
                    p.start_min = p.start_min.max(on + 1);
                    p.finish_max = p.finish_max.min(on + 1);
                    p.must = Some((true, on + 1));
                }
            }
            return;
        }
        match kind {
            ASAP | ALAP => {}
            SNET => p.start_min = p.start_min.max(on),
            SNLT => p.start_max = p.start_max.min(through - 1),
            FNET => p.finish_min = p.finish_min.max(on + 1),
            FNLT => p.finish_max = p.finish_max.min(through),
            MSO => {
                p.start_min = p.start_min.max(on);
                p.start_max = p.start_max.min(on);
                p.must = Some((true, on));
            }
            MFO => {
                p.finish_min = p.finish_min.max(on + 1);
                p.finish_max = p.finish_max.min(on + 1);
                p.must = Some((false, on + 1));
            }
        }
    }

    /// Actual dates and percent complete.
    pub(super) fn apply_progress(
        &mut self,
        t: usize,
        task: &Task,
        timeline: &Timeline,
        p: &mut Prepared,
    ) {
        self.progress_warnings(t, task);
        let start = task.actual_start.filter(|&d| date_in_range(d));
        let finish = task.actual_finish.filter(|&d| date_in_range(d));
        let percent = task.percent_complete.clamp(0.0, 100.0);
        if p.duration == 0 {
            // A milestone is reached or not.
            if let Some(date) = finish.or(start) {
                let k = timeline.offset_after(date);
                p.progress = Progress::Complete {
                    actual_start: Some(k),
                    actual_finish: Some(k),
                };
            } else if percent >= 100.0 {
                p.progress = Progress::Complete {
                    actual_start: None,
                    actual_finish: None,
                };
            }
            return;
        }
        let actual_start = start.map(|d| timeline.offset_of(d));
        p.progress = if finish.is_some() || percent >= 100.0 {
            Progress::Complete {
                actual_start,
                actual_finish: finish.map(|d| timeline.offset_after(d)),
            }
        } else if actual_start.is_some() || percent > 0.0 {
            let remaining = ((p.duration as f64) * (100.0 - percent) / 100.0).ceil() as i64;
            Progress::Started {
                actual_start,
                remaining: remaining.clamp(1, p.duration),
            }
        } else {
            Progress::NotStarted
        };
    }

    /// W-code warnings for task `t`'s actual dates after the status date.
    pub(crate) fn progress_warnings(&mut self, t: usize, task: &Task) {
        let status = self.program.program.status_date;
        let actuals = [
            ("actual_start", task.actual_start),
            ("actual_finish", task.actual_finish),
        ];
        for (field, date) in actuals.into_iter().filter(|_| status.is_some()) {
            if let (Some(date), Some(status)) = (date, status)
                && date > status
            {
                self.warn(
                    Code::ActualAfterStatusDate,
                    format!("tasks[{t}].{field}"),
                    vec![task.id.clone()],
                    format!(
                        "task '{}' has {field} {date}, after the status date {status}",
                        task.id
                    ),
                );
            }
        }
    }

    /// E018: a three-point estimate must be ordered, finite and within range.
    pub(super) fn check_estimates(&mut self) {
        let program = self.program;
        for (t, task) in program.tasks.iter().enumerate() {
            self.task_estimate(t, task);
        }
    }

    /// E018 for task `t`'s estimate, if it has one.
    pub(crate) fn task_estimate(&mut self, t: usize, task: &Task) {
        let Some(e) = &task.estimate else { return };
        let values = [e.optimistic, e.likely, e.pessimistic];
        let problem = if values.iter().any(|v| !v.is_finite() || *v < 0.0) {
            Some("its values must be numbers of days, 0 or more".to_string())
        } else if !(e.optimistic <= e.likely && e.likely <= e.pessimistic) {
            Some("optimistic ≤ likely ≤ pessimistic does not hold".to_string())
        } else if e.pessimistic > MAX_DAYS as f64 {
            Some(format!("at most {MAX_DAYS} working days"))
        } else {
            None
        };
        if let Some(problem) = problem {
            self.error(
                Code::InvalidEstimate,
                format!("tasks[{t}].estimate"),
                vec![task.id.clone()],
                format!(
                    "task '{}' has the estimate {}/{}/{}: {problem}",
                    task.id, e.optimistic, e.likely, e.pessimistic
                ),
            );
        }
    }
}
