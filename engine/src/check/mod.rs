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
use crate::diagnostics::{Code, Collector, Diagnostic, Diagnostics};
use crate::model::{Calendar, Program};
use crate::timeline::Timeline;

mod cycles;
mod inputs;
mod links;
mod outline;
pub mod resources;
pub mod stored;
mod tasks;
mod texts;

use chrono::NaiveDate;
use links::topological_order;
pub(crate) use links::{Link, LinkLists};
pub(crate) use outline::Outline;
use rustc_hash::FxHashMap;

/// Durations and lags beyond this many working days (about 400 years) are refused.
pub const MAX_DAYS: i64 = 100_000;

/// A task index: the task's position in [`Program::tasks`].
pub type TaskIndex = usize;

/// Where a task stands in execution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Progress {
    NotStarted,
    /// Started (an actual start, or some percent complete); `remaining` working days left.
    Started {
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
    /// An as-late-as-possible constraint: placed late after both passes, unless started.
    pub as_late_as_possible: bool,
    pub progress: Progress,
}

impl Prepared {
    /// Finished: the task stays where it happened and has no float.
    pub fn is_complete(&self) -> bool {
        matches!(self.progress, Progress::Complete { .. })
    }

    /// Placed as late as possible ([`crate::scheduler::alap`]): an as-late-as-possible task
    /// not started. A started or finished one stays where it happened.
    pub fn is_placed_late(&self) -> bool {
        self.as_late_as_possible && self.progress == Progress::NotStarted
    }
}

/// What a check derives from a program, owned: the part of a [`Checked`] program that does
/// not borrow it. [`crate::kept::KeptProgram`] keeps one while a program is open and updates
/// it edit by edit; a [`Checked`] reads through to it.
#[derive(Clone, Debug)]
pub struct Derived {
    pub(crate) timeline: Timeline,
    /// Effective calendars of workstreams with their own (team ∩ program working days).
    pub(crate) team_calendars: Vec<WorkCalendar>,
    pub(crate) tasks: Vec<Prepared>,
    pub(crate) predecessors: LinkLists,
    pub(crate) successors: LinkLists,
    /// Each task's summary (empty when the program has none). The link lists hold the
    /// outline's links (see `outline.rs`), not only the dependencies.
    pub(crate) outline: Outline,
    /// Every task, each after all its predecessors.
    pub(crate) order: Vec<u32>,
    /// The status date's offset, if the program has one.
    pub(crate) status: Option<i64>,
    /// The program's committed finish (`finish_by`) as a finish offset.
    pub(crate) finish_by: Option<i64>,
    /// Problems that do not stop scheduling.
    pub warnings: Vec<Diagnostic>,
}

/// Ids resolved: each task id to its index, each workstream id to its calendar's slot in
/// [`Derived::team_calendars`] (`None`: the program calendar). Keys borrowed from the
/// program (`&str`, a check) or owned (`Box<str>`, a kept program).
#[derive(Clone, Debug, Default)]
pub(crate) struct Ids<K> {
    pub tasks: FxHashMap<K, u32>,
    pub workstreams: FxHashMap<K, Option<u32>>,
}

impl Ids<&str> {
    /// The same ids with owned keys.
    pub(crate) fn to_owned_keys(&self) -> Ids<Box<str>> {
        let own = |id: &&str| Box::<str>::from(*id);
        Ids {
            tasks: self.tasks.iter().map(|(id, &t)| (own(id), t)).collect(),
            workstreams: self
                .workstreams
                .iter()
                .map(|(id, &w)| (own(id), w))
                .collect(),
        }
    }
}

/// The ids of a [`Checked`]: its own (a check) or a kept program's.
#[derive(Debug)]
enum IdsOf<'p> {
    Own(Ids<&'p str>),
    Kept(&'p Ids<Box<str>>),
    /// Another checked program's own (a what-if on its prepared tasks).
    Borrowed(&'p Ids<&'p str>),
}

/// A program that passed every check: ready to schedule. Reads through to its
/// [`Derived`] parts (`checked.tasks`, `checked.warnings`, …).
#[derive(Debug)]
pub struct Checked<'p> {
    program: &'p Program,
    derived: std::borrow::Cow<'p, Derived>,
    ids: IdsOf<'p>,
}

impl std::ops::Deref for Checked<'_> {
    type Target = Derived;

    fn deref(&self) -> &Derived {
        &self.derived
    }
}

impl<'p> Checked<'p> {
    /// A view of a kept program's parts (no copy).
    pub(crate) fn kept(program: &'p Program, derived: &'p Derived, ids: &'p Ids<Box<str>>) -> Self {
        Checked {
            program,
            derived: std::borrow::Cow::Borrowed(derived),
            ids: IdsOf::Kept(ids),
        }
    }

    /// The same program with its prepared tasks changed by `change` (a what-if: the critical
    /// path test lengthens one task), sharing its ids: O(T + D) copied, nothing hashed.
    pub(crate) fn with_tasks(&self, change: impl FnOnce(&mut [Prepared])) -> Checked<'_> {
        let mut derived = Derived::clone(&self.derived);
        change(&mut derived.tasks);
        let ids = match &self.ids {
            IdsOf::Own(ids) => IdsOf::Borrowed(ids),
            IdsOf::Kept(ids) => IdsOf::Kept(ids),
            IdsOf::Borrowed(ids) => IdsOf::Borrowed(ids),
        };
        Checked {
            program: self.program,
            derived: std::borrow::Cow::Owned(derived),
            ids,
        }
    }

    /// The owned parts and the ids with owned keys (what a kept program starts from).
    pub(crate) fn into_owned(self) -> (Derived, Ids<Box<str>>) {
        let ids = match &self.ids {
            IdsOf::Own(ids) => ids.to_owned_keys(),
            IdsOf::Kept(ids) => (*ids).clone(),
            IdsOf::Borrowed(ids) => ids.to_owned_keys(),
        };
        (self.derived.into_owned(), ids)
    }

    /// The program this was checked from.
    pub fn program(&self) -> &'p Program {
        self.program
    }

    /// The index of the task with this id.
    pub fn task_index(&self, id: &str) -> Option<TaskIndex> {
        let index = match &self.ids {
            IdsOf::Own(ids) => ids.tasks.get(id),
            IdsOf::Kept(ids) => ids.tasks.get(id),
            IdsOf::Borrowed(ids) => ids.tasks.get(id),
        };
        index.map(|&i| i as usize)
    }

    /// The program's timeline (offsets ↔ dates).
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// Working days of task `t`'s calendar (its team's, else the program's) from `first` to
    /// `last`, both included: the duration of a task that spans those dates (what dragging
    /// a bar's end means). Zero if `last` is before `first`.
    pub fn working_days_between(&self, t: TaskIndex, first: NaiveDate, last: NaiveDate) -> i64 {
        let calendar = self
            .tasks
            .get(t)
            .and_then(|task| task.calendar)
            .and_then(|c| self.team_calendars.get(c as usize))
            .unwrap_or(self.timeline.calendar());
        let (from, to) = (
            crate::calendar::day_number(first),
            crate::calendar::day_number(last) + 1,
        );
        (calendar.ordinal(to) - calendar.ordinal(from)).max(0)
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
    Checker::new(program).run()
}

pub(crate) struct Checker<'p> {
    pub(crate) program: &'p Program,
    /// At most [`crate::diagnostics::LISTED_PER_CODE`] of each code, the rest counted.
    pub(crate) errors: Collector,
    pub(crate) warnings: Collector,
}

impl<'p> Checker<'p> {
    pub(crate) fn new(program: &'p Program) -> Self {
        Checker {
            program,
            errors: Collector::default(),
            warnings: Collector::default(),
        }
    }

    fn error(&mut self, code: Code, path: String, ids: Vec<String>, message: String) {
        self.errors.push(Diagnostic::new(code, path, ids, message));
    }

    fn warn(&mut self, code: Code, path: String, ids: Vec<String>, message: String) {
        self.warnings
            .push(Diagnostic::new(code, path, ids, message));
    }

    /// Every error found, the repeated ones summarised.
    fn failed(&mut self) -> Diagnostics {
        Diagnostics(std::mem::take(&mut self.errors).finish())
    }

    fn run(&mut self) -> Result<Checked<'p>, Diagnostics> {
        let program = self.program;
        // Text over its size first, and alone: the other messages quote ids and names.
        self.check_texts();
        if !self.errors.is_empty() {
            return Err(self.failed());
        }
        self.check_dates();
        self.check_critical_path();
        let timeline = self.program_timeline();
        let (team_index, team_calendars) = self.workstreams(timeline.as_ref());
        let index = self.task_ids();
        let outline = self.outline(&index);
        let tasks: Vec<Prepared> = program
            .tasks
            .iter()
            .enumerate()
            .map(|(i, task)| self.prepare_task(i, task, &team_index, timeline.as_ref()))
            .collect();
        self.check_estimates();
        self.check_risks(&index);
        for problem in crate::logs::check::log_problems(program, &|id| index.contains_key(id)) {
            self.errors.push(problem);
        }
        for problem in crate::readiness::check_readiness(program) {
            self.errors.push(problem);
        }
        for problem in crate::status::check::status_problems(program) {
            self.errors.push(problem);
        }
        for problem in crate::board::check::board_problems(program, &|id| index.contains_key(id)) {
            self.errors.push(problem);
        }
        self.check_resources();
        let (pairs, positions) = self.links(&index);
        let mut predecessors = LinkLists::group(tasks.len(), || pairs.iter().copied());
        self.report_duplicate_links(&predecessors);
        if !outline.is_empty() {
            self.risks_on_summaries(&index);
            let expanded = self.outline_links(&outline, &pairs, &positions);
            predecessors = LinkLists::group(tasks.len(), || expanded.iter().copied());
        }
        let successors = predecessors.transpose();
        let order = topological_order(&predecessors, &successors);
        if order.len() < tasks.len() {
            self.report_cycles(&order, &successors);
        }
        let Some(timeline) = timeline else {
            return Err(self.failed());
        };
        if !self.errors.is_empty() {
            return Err(self.failed());
        }
        let status = program.program.status_date.map(|d| timeline.offset_of(d));
        let finish_by = program.program.finish_by.map(|d| timeline.offset_after(d));
        let derived = Derived {
            timeline,
            team_calendars,
            tasks,
            predecessors,
            successors,
            outline,
            order,
            status,
            finish_by,
            warnings: std::mem::take(&mut self.warnings).finish(),
        };
        Ok(Checked {
            program,
            derived: std::borrow::Cow::Owned(derived),
            ids: IdsOf::Own(Ids {
                tasks: index,
                workstreams: team_index,
            }),
        })
    }
}

/// The first date the engine supports.
pub const FIRST_DATE: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a valid date");
/// The last date the engine supports: no date in a file, and no scheduled or forecast date,
/// is later.
pub const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a valid date");

/// Whether a date is in the range the engine supports (1900 to 9999).
pub fn date_in_range(date: NaiveDate) -> bool {
    (FIRST_DATE..=LAST_DATE).contains(&date)
}

/// Whether an id is empty, or only white space and invisible characters.
fn is_blank(id: &str) -> bool {
    crate::text::is_blank(id)
}

/// The working calendar of a calendar as entered.
pub(crate) fn work_calendar(calendar: &Calendar) -> WorkCalendar {
    WorkCalendar::new(&calendar.workdays, &calendar.holidays)
}
