//! Phase 1 of scheduling, *check*: a raw [`Program`] becomes a [`Checked`] program or a list
//! of every problem found.
//!
//! Checking resolves ids to indices, turns dates into timeline offsets, builds the
//! dependency lists in compressed (CSR) form and a topological order. It reports all
//! problems at once, each with a stable [`Code`], the path of the culprit in the program
//! file and the ids involved; dependency cycles are named task by task in order.
//!
//! Cost: O(T + D log D) for T tasks and D dependencies (the log from sorting links to find
//! duplicates); cycle reporting only runs when a cycle exists.

use crate::calendar::WorkCalendar;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::model::{Calendar, ConstraintKind, Dependency, LinkType, Program, Task};
use crate::timeline::Timeline;
use chrono::{NaiveDate, Weekday};
use rustc_hash::FxHashMap;

/// Durations and lags beyond this many working days (about 400 years) are refused.
pub const MAX_DAYS: i64 = 100_000;

/// A task index: the task's position in [`Program::tasks`].
pub type TaskIndex = usize;

/// A dependency as the scheduler walks it, from one task to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Link {
    /// The task at the other end (predecessor in a predecessor list, successor in a
    /// successor list).
    pub task: u32,
    pub kind: LinkType,
    pub lag: i64,
}

/// Links grouped by task: the links of task `t` are `items[starts[t]..starts[t + 1]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct LinkLists {
    starts: Vec<u32>,
    items: Vec<Link>,
}

impl LinkLists {
    /// Groups `(task, link)` pairs by task with a counting sort: O(T + D), stable.
    fn group<I: Iterator<Item = (u32, Link)>>(task_count: usize, pairs: impl Fn() -> I) -> Self {
        let mut starts = vec![0u32; task_count + 1];
        let mut count = 0;
        for (task, _) in pairs() {
            starts[task as usize + 1] += 1;
            count += 1;
        }
        for t in 0..task_count {
            starts[t + 1] += starts[t];
        }
        let mut next = starts.clone();
        let mut items = vec![
            Link {
                task: 0,
                kind: LinkType::FS,
                lag: 0
            };
            count
        ];
        for (task, link) in pairs() {
            let slot = &mut next[task as usize];
            items[*slot as usize] = link;
            *slot += 1;
        }
        LinkLists { starts, items }
    }

    /// The same links seen from the other end: successor lists from predecessor lists.
    fn transpose(&self) -> Self {
        let task_count = self.starts.len() - 1;
        LinkLists::group(task_count, || {
            (0..task_count).flat_map(move |t| {
                self.of(t).iter().map(move |link| {
                    (
                        link.task,
                        Link {
                            task: t as u32,
                            ..*link
                        },
                    )
                })
            })
        })
    }

    pub fn of(&self, task: usize) -> &[Link] {
        &self.items[self.starts[task] as usize..self.starts[task + 1] as usize]
    }
}

/// Where a task stands in execution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Progress {
    NotStarted,
    /// Started (an actual start, or some percent complete); `remaining` working days left.
    InProgress {
        actual_start: Option<i64>,
        remaining: i64,
    },
    /// Finished: stays where it happened.
    Complete {
        actual_start: Option<i64>,
        actual_finish: Option<i64>,
    },
}

/// What the scheduler needs of one task, in timeline offsets.
#[derive(Clone, Debug)]
pub(crate) struct Prepared {
    pub duration: i64,
    /// Index into [`Checked::team_calendars`], or `None` for the program calendar.
    pub calendar: Option<u32>,
    /// Early start no earlier than (program start, status date, constraints).
    pub start_min: i64,
    /// Early finish no earlier than.
    pub finish_min: i64,
    /// Late start no later than.
    pub start_max: i64,
    /// Late finish no later than (constraints and deadline).
    pub finish_max: i64,
    /// A must-start-on (`true`) or must-finish-on (`false`) target, to report if missed.
    pub must: Option<(bool, i64)>,
    /// The deadline as a finish offset.
    pub deadline: Option<i64>,
    pub progress: Progress,
}

/// A program that passed every check: ready to schedule.
#[derive(Debug)]
pub struct Checked<'p> {
    program: &'p Program,
    pub(crate) timeline: Timeline,
    /// Effective calendars of workstreams with their own (team ∩ program working days).
    pub(crate) team_calendars: Vec<WorkCalendar>,
    pub(crate) tasks: Vec<Prepared>,
    pub(crate) predecessors: LinkLists,
    pub(crate) successors: LinkLists,
    /// Every task, each after all its predecessors.
    pub(crate) order: Vec<u32>,
    /// The status date's offset, if the program has one.
    pub(crate) status: Option<i64>,
    /// The program's committed finish (`finish_by`) as a finish offset.
    pub(crate) finish_by: Option<i64>,
    index: FxHashMap<&'p str, u32>,
    /// Problems that do not stop scheduling.
    pub warnings: Vec<Diagnostic>,
}

impl<'p> Checked<'p> {
    /// The program this was checked from.
    pub fn program(&self) -> &'p Program {
        self.program
    }

    /// The index of the task with this id.
    pub fn task_index(&self, id: &str) -> Option<TaskIndex> {
        self.index.get(id).map(|&i| i as usize)
    }

    /// The program's timeline (offsets ↔ dates).
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Task indices in topological order: every task after its predecessors.
    pub fn topological_order(&self) -> impl Iterator<Item = TaskIndex> + '_ {
        self.order.iter().map(|&t| t as usize)
    }
}

/// Checks a program: every problem at once, or a program ready to schedule.
///
/// ```
/// use engine::{check, Code, Program};
/// let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
///   "tasks": [{"id": "A", "name": "A", "workstream": "W", "duration": 2}]}"#;
/// let program: Program = serde_json::from_str(json).unwrap();
/// let problems = check(&program).unwrap_err();
/// assert_eq!(problems.0[0].code, Code::UnknownWorkstream);
/// ```
pub fn check(program: &Program) -> Result<Checked<'_>, Diagnostics> {
    let mut checker = Checker {
        program,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    checker.run()
}

struct Checker<'p> {
    program: &'p Program,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl<'p> Checker<'p> {
    fn error(&mut self, code: Code, path: String, ids: Vec<String>, message: String) {
        self.errors.push(Diagnostic::new(code, path, ids, message));
    }

    fn warn(&mut self, code: Code, path: String, ids: Vec<String>, message: String) {
        self.warnings
            .push(Diagnostic::new(code, path, ids, message));
    }

    fn run(&mut self) -> Result<Checked<'p>, Diagnostics> {
        let program = self.program;
        self.check_dates();
        let timeline = self.program_timeline();
        let (team_index, team_calendars) = self.workstreams(timeline.as_ref());
        let index = self.task_ids();
        let tasks: Vec<Prepared> = program
            .tasks
            .iter()
            .enumerate()
            .map(|(i, task)| self.prepare_task(i, task, &team_index, timeline.as_ref()))
            .collect();
        self.check_estimates();
        self.check_risks(&index);
        let pairs = self.links(&index);
        let predecessors = LinkLists::group(tasks.len(), || pairs.iter().copied());
        self.report_duplicate_links(&predecessors);
        let successors = predecessors.transpose();
        let order = topological_order(&predecessors, &successors);
        if order.len() < tasks.len() {
            self.report_cycles(&order, &successors);
        }
        let Some(timeline) = timeline else {
            return Err(Diagnostics(std::mem::take(&mut self.errors)));
        };
        if !self.errors.is_empty() {
            return Err(Diagnostics(std::mem::take(&mut self.errors)));
        }
        let status = program.program.status_date.map(|d| timeline.offset_of(d));
        let finish_by = program.program.finish_by.map(|d| timeline.offset_after(d));
        Ok(Checked {
            program,
            timeline,
            team_calendars,
            tasks,
            predecessors,
            successors,
            order,
            status,
            finish_by,
            index,
            warnings: std::mem::take(&mut self.warnings),
        })
    }

    /// E016: every date between 1900 and 9999, so offsets and dates stay in range.
    fn check_dates(&mut self) {
        let program = self.program;
        let info = &program.program;
        self.date_in_range(&"program.start", Some(info.start));
        self.date_in_range(&"program.status_date", info.status_date);
        self.date_in_range(&"program.finish_by", info.finish_by);
        for (i, &d) in program.calendar.holidays.iter().enumerate() {
            self.date_in_range(&format_args!("calendar.holidays[{i}]"), Some(d));
        }
        for (w, ws) in program.workstreams.iter().enumerate() {
            for (i, &d) in ws
                .calendar
                .iter()
                .flat_map(|c| c.holidays.iter())
                .enumerate()
            {
                self.date_in_range(
                    &format_args!("workstreams[{w}].calendar.holidays[{i}]"),
                    Some(d),
                );
            }
        }
        for (t, task) in program.tasks.iter().enumerate() {
            let has_dates = task.constraint.as_ref().is_some_and(|c| c.date.is_some())
                || task.deadline.is_some()
                || task.actual_start.is_some()
                || task.actual_finish.is_some();
            if !has_dates {
                continue;
            }
            let fields = [
                (
                    "constraint.date",
                    task.constraint.as_ref().and_then(|c| c.date),
                ),
                ("deadline", task.deadline),
                ("actual_start", task.actual_start),
                ("actual_finish", task.actual_finish),
            ];
            for (field, date) in fields {
                self.date_in_range(&format_args!("tasks[{t}].{field}"), date);
            }
        }
    }

    fn date_in_range(&mut self, path: &dyn std::fmt::Display, date: Option<NaiveDate>) {
        if let Some(date) = date.filter(|&d| !date_in_range(d)) {
            self.error(
                Code::DateOutOfRange,
                path.to_string(),
                vec![],
                format!("{date} is outside the supported dates (1900-01-01 to 9999-12-31)"),
            );
        }
    }

    /// The program calendar's timeline, unless the calendar is unusable (E007).
    fn program_timeline(&mut self) -> Option<Timeline> {
        let calendar = &self.program.calendar;
        if calendar.workdays.is_empty() {
            self.error(
                Code::NoWorkingDay,
                "calendar.workdays".into(),
                vec![],
                "the program calendar has no working weekday".into(),
            );
            return None;
        }
        if !date_in_range(self.program.program.start) {
            return None;
        }
        Some(Timeline::new(
            work_calendar(calendar),
            self.program.program.start,
        ))
    }

    /// Workstream ids (E001-like duplicates: E002) and the effective calendars of teams.
    fn workstreams(
        &mut self,
        timeline: Option<&Timeline>,
    ) -> (FxHashMap<&'p str, Option<u32>>, Vec<WorkCalendar>) {
        let program = self.program;
        let mut index = FxHashMap::default();
        let mut calendars = Vec::new();
        for (w, ws) in program.workstreams.iter().enumerate() {
            if is_blank(&ws.id) {
                self.error(
                    Code::EmptyId,
                    format!("workstreams[{w}].id"),
                    vec![],
                    "a workstream has no id".into(),
                );
                continue;
            }
            let calendar = ws
                .calendar
                .as_ref()
                .and_then(|c| self.team_calendar(w, &ws.id, c, timeline));
            let slot = calendar.map(|c| {
                calendars.push(c);
                (calendars.len() - 1) as u32
            });
            if index.insert(ws.id.as_str(), slot).is_some() {
                self.error(
                    Code::DuplicateWorkstreamId,
                    format!("workstreams[{w}].id"),
                    vec![ws.id.clone()],
                    format!("workstream id '{}' is used more than once", ws.id),
                );
            }
        }
        (index, calendars)
    }

    /// A team's working days: its own weekdays and holidays within the program's.
    fn team_calendar(
        &mut self,
        w: usize,
        id: &str,
        calendar: &Calendar,
        timeline: Option<&Timeline>,
    ) -> Option<WorkCalendar> {
        let program_days = &self.program.calendar.workdays;
        let outside: Vec<String> = calendar
            .workdays
            .iter()
            .filter(|d| !program_days.contains(d))
            .map(|d| d.to_string())
            .collect();
        if !outside.is_empty() {
            self.warn(
                Code::TeamDayNotProgramDay,
                format!("workstreams[{w}].calendar.workdays"),
                vec![id.to_string()],
                format!(
                    "workstream '{id}' works on {} but the program calendar does not; those days are not working time",
                    outside.join(", ")
                ),
            );
        }
        let weekdays: Vec<Weekday> = calendar
            .workdays
            .iter()
            .filter(|d| program_days.contains(d))
            .copied()
            .collect();
        if weekdays.is_empty() {
            self.error(
                Code::NoWorkingDay,
                format!("workstreams[{w}].calendar.workdays"),
                vec![id.to_string()],
                format!(
                    "workstream '{id}' has no working weekday in common with the program calendar"
                ),
            );
            return None;
        }
        timeline?;
        let holidays: Vec<NaiveDate> = self
            .program
            .calendar
            .holidays
            .iter()
            .chain(&calendar.holidays)
            .copied()
            .collect();
        Some(WorkCalendar::new(&weekdays, &holidays))
    }

    /// Task ids: empty (E011) and duplicate (E001) ids.
    fn task_ids(&mut self) -> FxHashMap<&'p str, u32> {
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
    fn prepare_task(
        &mut self,
        t: usize,
        task: &Task,
        team_index: &FxHashMap<&str, Option<u32>>,
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
            progress: Progress::NotStarted,
        };
        if task.milestone {
            prepared.duration = 0;
        }
        if let Some(timeline) = timeline {
            self.apply_constraint(t, task, timeline, &mut prepared);
            self.apply_progress(t, task, timeline, &mut prepared);
        }
        prepared
    }

    fn check_numbers(&mut self, t: usize, task: &Task) {
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
        if let (Some(start), Some(finish)) = (task.actual_start, task.actual_finish) {
            if finish < start {
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
    }

    /// Constraint and deadline as bounds on offsets. See the crate docs for the conventions.
    fn apply_constraint(&mut self, t: usize, task: &Task, timeline: &Timeline, p: &mut Prepared) {
        if let Some(deadline) = task.deadline {
            let k = timeline.offset_after(deadline);
            p.deadline = Some(k);
            p.finish_max = p.finish_max.min(k);
        }
        let Some(constraint) = &task.constraint else {
            return;
        };
        let kind = constraint.kind;
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
                ASAP => {}
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
            ASAP => {}
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
    fn apply_progress(&mut self, t: usize, task: &Task, timeline: &Timeline, p: &mut Prepared) {
        let status = self.program.program.status_date;
        let actuals = [
            ("actual_start", task.actual_start),
            ("actual_finish", task.actual_finish),
        ];
        for (field, date) in actuals.into_iter().filter(|_| status.is_some()) {
            if let (Some(date), Some(status)) = (date, status) {
                if date > status {
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
            Progress::InProgress {
                actual_start,
                remaining: remaining.clamp(1, p.duration),
            }
        } else {
            Progress::NotStarted
        };
    }

    /// Dependencies as (successor, link to predecessor) pairs; reports
    /// unknown tasks (E004), self-links (E005) and lags out of range (E015).
    fn links(&mut self, index: &FxHashMap<&str, u32>) -> Vec<(u32, Link)> {
        let program = self.program;
        let mut pairs = Vec::with_capacity(program.dependencies.len());
        // Consecutive dependencies often share their successor: resolve it once.
        let mut last_to: (&str, Option<u32>) = ("", None);
        for (i, dep) in program.dependencies.iter().enumerate() {
            let from = index.get(dep.from.as_str()).copied();
            if dep.to != last_to.0 || i == 0 {
                last_to = (&dep.to, index.get(dep.to.as_str()).copied());
            }
            let to = last_to.1;
            if from.is_none() || to.is_none() {
                self.unknown_ends(i, dep, from, to);
            }
            if dep.lag.abs() > MAX_DAYS {
                self.error(
                    Code::ValueOutOfRange,
                    format!("dependencies[{i}].lag"),
                    vec![dep.from.clone(), dep.to.clone()],
                    format!(
                        "dependency {} → {} has a lag of {}; at most ±{MAX_DAYS} is supported",
                        dep.from, dep.to, dep.lag
                    ),
                );
                continue;
            }
            let (Some(from), Some(to)) = (from, to) else {
                continue;
            };
            if from == to {
                self.error(
                    Code::SelfLink,
                    format!("dependencies[{i}]"),
                    vec![dep.from.clone()],
                    format!("task '{}' depends on itself", dep.from),
                );
                continue;
            }
            pairs.push((
                to,
                Link {
                    task: from,
                    kind: dep.kind,
                    lag: dep.lag,
                },
            ));
        }
        pairs
    }

    /// E018: a three-point estimate must be ordered, finite and within range.
    fn check_estimates(&mut self) {
        let program = self.program;
        for (t, task) in program.tasks.iter().enumerate() {
            let Some(e) = &task.estimate else { continue };
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

    /// E019 and E020: risks need a probability in [0, 1], an ordered impact in range, known
    /// tasks and unique ids.
    fn check_risks(&mut self, index: &FxHashMap<&str, u32>) {
        let program = self.program;
        let mut ids = FxHashMap::default();
        for (r, risk) in program.risks.iter().enumerate() {
            if let Some(first) = ids.insert(risk.id.as_str(), r) {
                self.error(
                    Code::DuplicateRiskId,
                    format!("risks[{r}].id"),
                    vec![risk.id.clone()],
                    format!(
                        "risk id '{}' is used more than once (first at risks[{first}])",
                        risk.id
                    ),
                );
            }
            let problem = if !(0.0..=1.0).contains(&risk.probability) {
                Some(format!(
                    "its probability is {}; a probability is 0 to 1",
                    risk.probability
                ))
            } else if risk.impact.min < 0
                || risk.impact.min > risk.impact.max
                || risk.impact.max > MAX_DAYS
            {
                Some(format!(
                    "its impact {}–{} days must have 0 ≤ min ≤ max ≤ {MAX_DAYS}",
                    risk.impact.min, risk.impact.max
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                self.error(
                    Code::InvalidRisk,
                    format!("risks[{r}]"),
                    vec![risk.id.clone()],
                    format!("risk '{}': {problem}", risk.id),
                );
            }
            for (i, id) in risk.tasks.iter().enumerate() {
                if !index.contains_key(id.as_str()) {
                    self.error(
                        Code::UnknownTask,
                        format!("risks[{r}].tasks[{i}]"),
                        vec![id.clone()],
                        format!("risk '{}' names task '{id}', which does not exist", risk.id),
                    );
                }
            }
        }
    }

    /// E004 for each end of dependency `i` that names no task.
    fn unknown_ends(&mut self, i: usize, dep: &Dependency, from: Option<u32>, to: Option<u32>) {
        for (field, id, found) in [("from", &dep.from, from), ("to", &dep.to, to)] {
            if found.is_none() {
                self.error(
                    Code::UnknownTask,
                    format!("dependencies[{i}].{field}"),
                    vec![id.clone()],
                    format!(
                        "dependency {} → {} names task '{id}', which does not exist",
                        dep.from, dep.to
                    ),
                );
            }
        }
    }

    /// E014: two dependencies between the same two tasks. O(T + D) with one marker per task.
    fn report_duplicate_links(&mut self, predecessors: &LinkLists) {
        let tasks = &self.program.tasks;
        let mut marked_for = vec![u32::MAX; tasks.len()];
        let mut duplicates = Vec::new();
        for t in 0..tasks.len() {
            for link in predecessors.of(t) {
                let mark = &mut marked_for[link.task as usize];
                if *mark == t as u32 {
                    duplicates.push((link.task as usize, t));
                }
                *mark = t as u32;
            }
        }
        for (from, to) in duplicates {
            let (from, to) = (&tasks[from].id, &tasks[to].id);
            let positions: Vec<usize> = self
                .program
                .dependencies
                .iter()
                .enumerate()
                .filter(|(_, d)| &d.from == from && &d.to == to)
                .map(|(i, _)| i)
                .collect();
            self.error(
                Code::DuplicateLink,
                format!(
                    "dependencies[{}]",
                    positions.last().copied().unwrap_or_default()
                ),
                vec![from.clone(), to.clone()],
                format!("{from} → {to} is linked more than once (dependencies {positions:?})"),
            );
        }
    }

    /// E009, one diagnostic per strongly connected set of tasks, naming one cycle in order.
    fn report_cycles(&mut self, order: &[u32], successors: &LinkLists) {
        let tasks = &self.program.tasks;
        for cycle in crate::cycles::find_cycles(tasks.len(), order, successors) {
            let ids: Vec<String> = cycle.iter().map(|&t| tasks[t].id.clone()).collect();
            let mut shown = ids.clone();
            shown.push(ids[0].clone());
            self.error(
                Code::DependencyCycle,
                format!("tasks[{}]", cycle[0]),
                ids,
                format!("dependency cycle: {}", shown.join(" → ")),
            );
        }
    }
}

const FIRST_DATE: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a valid date");
const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date");

/// Whether a date is in the range the engine supports (1900 to 9999).
fn date_in_range(date: NaiveDate) -> bool {
    (FIRST_DATE..=LAST_DATE).contains(&date)
}

/// Whether an id is empty or only white space (cheap for ordinary ids).
fn is_blank(id: &str) -> bool {
    id.chars().next().is_none_or(char::is_whitespace) && id.trim().is_empty()
}

/// The working calendar of a calendar as entered.
pub(crate) fn work_calendar(calendar: &Calendar) -> WorkCalendar {
    WorkCalendar::new(&calendar.workdays, &calendar.holidays)
}

/// Kahn's algorithm, breadth-first from the tasks without predecessors. Tasks on
/// or behind a cycle are left out.
fn topological_order(predecessors: &LinkLists, successors: &LinkLists) -> Vec<u32> {
    let n = predecessors.starts.len() - 1;
    let mut waiting: Vec<u32> = (0..n).map(|t| predecessors.of(t).len() as u32).collect();
    let mut order: Vec<u32> = (0..n as u32)
        .filter(|&t| waiting[t as usize] == 0)
        .collect();
    order.reserve(n - order.len());
    let mut next = 0;
    while next < order.len() {
        let t = order[next] as usize;
        next += 1;
        for link in successors.of(t) {
            let w = &mut waiting[link.task as usize];
            *w -= 1;
            if *w == 0 {
                order.push(link.task);
            }
        }
    }
    order
}
