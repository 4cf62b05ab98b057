//! Schedule health: the DCMA 14-point assessment of a scheduled program on a status date.
//!
//! [`assess`] runs the fourteen checks of the assessment the US Defense Contract Management
//! Agency published (logic, leads, lags, relationship types, hard constraints, high float,
//! negative float, high duration, invalid dates, resources, missed tasks, the critical path
//! test, CPLI, BEI) with editable [`Thresholds`] (DCMA's by default). Each [`CheckResult`]
//! gives pass, fail or not applicable (and why), the figure and what it counts, the rule in
//! words and the offending tasks (and links), in program order.
//!
//! **Populations.** Most checks count *incomplete tasks*: tasks not finished as the
//! scheduler sees them (no actual finish and under 100 %; a milestone with an actual date is
//! reached), summaries left out (DCMA excludes summaries and level-of-effort; a summary has no
//! work of its own). Milestones count wherever they can fail (logic, constraints, float,
//! dates, missed tasks, BEI) and are left out of high duration and resources, where they
//! cannot. The link checks count *links between incomplete tasks* (a summary end counts as
//! open). Invalid dates count every task but summaries (an actual date on a finished task
//! can be invalid too); missed tasks and BEI the tasks the baseline has due by the status
//! date. Float and duration are in working days of the program calendar. `docs/health.md`
//! states each definition and how the program model maps onto DCMA's terms.
//!
//! **The status date** is the program's own (`program.status_date`, the one its schedule
//! was computed from) when it has one, else the date the caller gives.
//!
//! **Cost.** One pass over the tasks and one over the links (O(T + D)), one driving-path
//! walk (O(T + D)), and for the critical path test one copy of the program scheduled in full
//! (`crate::schedule`: O(T + D log D)). Pure: no clock, the program is never mutated.

mod links;
mod path;
mod progress;
mod tasks;
pub mod thresholds;

pub use thresholds::Thresholds;

use crate::baseline::Baseline;
use crate::check::Checked;
use crate::scheduler::Schedule;
use chrono::NaiveDate;
use serde::Serialize;

/// One of the fourteen checks, in DCMA's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    Logic,
    Leads,
    Lags,
    RelationshipTypes,
    HardConstraints,
    HighFloat,
    NegativeFloat,
    HighDuration,
    InvalidDates,
    Resources,
    MissedTasks,
    CriticalPathTest,
    Cpli,
    Bei,
}

impl Check {
    /// Every check, in order (number 1 first).
    pub const ALL: [Check; 14] = [
        Check::Logic,
        Check::Leads,
        Check::Lags,
        Check::RelationshipTypes,
        Check::HardConstraints,
        Check::HighFloat,
        Check::NegativeFloat,
        Check::HighDuration,
        Check::InvalidDates,
        Check::Resources,
        Check::MissedTasks,
        Check::CriticalPathTest,
        Check::Cpli,
        Check::Bei,
    ];

    /// DCMA's number, 1 to 14.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// A stable short name: `logic`, `leads`, …, `relationship-types`, …, `bei`.
    pub fn slug(self) -> &'static str {
        match self {
            Check::Logic => "logic",
            Check::Leads => "leads",
            Check::Lags => "lags",
            Check::RelationshipTypes => "relationship-types",
            Check::HardConstraints => "hard-constraints",
            Check::HighFloat => "high-float",
            Check::NegativeFloat => "negative-float",
            Check::HighDuration => "high-duration",
            Check::InvalidDates => "invalid-dates",
            Check::Resources => "resources",
            Check::MissedTasks => "missed-tasks",
            Check::CriticalPathTest => "critical-path-test",
            Check::Cpli => "cpli",
            Check::Bei => "bei",
        }
    }

    /// The name people read.
    pub fn name(self) -> &'static str {
        match self {
            Check::Logic => "Logic",
            Check::Leads => "Leads",
            Check::Lags => "Lags",
            Check::RelationshipTypes => "Relationship types",
            Check::HardConstraints => "Hard constraints",
            Check::HighFloat => "High float",
            Check::NegativeFloat => "Negative float",
            Check::HighDuration => "High duration",
            Check::InvalidDates => "Invalid dates",
            Check::Resources => "Resources",
            Check::MissedTasks => "Missed tasks",
            Check::CriticalPathTest => "Critical path test",
            Check::Cpli => "Critical path length index (CPLI)",
            Check::Bei => "Baseline execution index (BEI)",
        }
    }
}

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Pass,
    Fail,
    /// Nothing to measure (no baseline, no resources, nothing in the population): the
    /// result's `note` says why.
    NotApplicable,
}

impl Outcome {
    /// `pass`, `fail`, `n/a`.
    pub fn word(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::NotApplicable => "n/a",
        }
    }
}

/// What a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// `count / denominator × 100`.
    Percent,
    /// `count / denominator`.
    Ratio,
}

/// Both ends of a link, by task id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LinkEnds {
    pub from: String,
    pub to: String,
}

/// One check's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckResult {
    #[serde(skip)]
    pub check: Check,
    /// 1 to 14.
    pub number: u8,
    pub slug: &'static str,
    pub name: &'static str,
    pub outcome: Outcome,
    /// `count / denominator` as `unit` says; `None` when not applicable.
    pub figure: Option<f64>,
    pub unit: Unit,
    /// The figure for people: `3.2 % (4 of 125)`, `0.97 (…)`.
    pub figure_text: String,
    /// The rule: `≤ 5 % of incomplete tasks` ([`Thresholds::describe`]).
    pub threshold_text: String,
    /// What the figure counts, over `denominator` (tasks, links, or working days for CPLI
    /// and the critical path test).
    pub count: i64,
    pub denominator: i64,
    /// Why the check does not apply, or a remark on how the figure was taken.
    pub note: Option<String>,
    /// The offending tasks' ids, in program order, each once (for the critical path test,
    /// the task delayed).
    pub tasks: Vec<String>,
    /// What `tasks` are, in words.
    pub tasks_are: &'static str,
    /// The offending links, in the program's order (link checks only).
    pub links: Vec<LinkEnds>,
}

impl CheckResult {
    /// A result with nothing measured yet: not applicable for `why`.
    fn not_applicable(check: Check, thresholds: &Thresholds, why: String) -> CheckResult {
        CheckResult {
            check,
            number: check.number(),
            slug: check.slug(),
            name: check.name(),
            outcome: Outcome::NotApplicable,
            figure: None,
            unit: match check {
                Check::CriticalPathTest | Check::Cpli | Check::Bei => Unit::Ratio,
                _ => Unit::Percent,
            },
            figure_text: "n/a".to_string(),
            threshold_text: thresholds.describe(check),
            count: 0,
            denominator: 0,
            note: Some(why),
            tasks: Vec::new(),
            tasks_are: "",
            links: Vec::new(),
        }
    }

    /// A share of `denominator` (tasks or links), passing when `pass(percent)`; not
    /// applicable, saying `none`, when the denominator is 0.
    fn share(
        check: Check,
        thresholds: &Thresholds,
        (count, denominator): (usize, usize),
        pass: impl Fn(f64) -> bool,
        none: &str,
    ) -> CheckResult {
        let mut result = CheckResult::not_applicable(check, thresholds, none.to_string());
        if denominator == 0 {
            return result;
        }
        let percent = count as f64 * 100.0 / denominator as f64;
        result.figure = Some(percent);
        result.figure_text = format!("{} ({count} of {denominator})", percent_text(percent));
        result.count = count as i64;
        result.denominator = denominator as i64;
        result.outcome = if pass(percent) {
            Outcome::Pass
        } else {
            Outcome::Fail
        };
        result.note = None;
        result
    }

    /// The same result listing `tasks` as `tasks_are`.
    fn listing(mut self, tasks: Vec<String>, tasks_are: &'static str) -> CheckResult {
        self.tasks = tasks;
        self.tasks_are = tasks_are;
        self
    }
}

/// A percentage for people: one decimal, `3.2 %`.
pub fn percent_text(percent: f64) -> String {
    format!("{percent:.1} %")
}

/// Where the status date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The program's `status_date`: its schedule was computed from it.
    Program,
    /// The caller's date (the program has none).
    Given,
}

/// The assessment: the fourteen results in order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub status_date: NaiveDate,
    pub status_date_from: DateSource,
    /// The name of the baseline measured against, if any.
    pub baseline: Option<String>,
    /// Incomplete tasks (summaries aside): the population of most checks.
    pub incomplete_tasks: usize,
    pub checks: Vec<CheckResult>,
}

impl Report {
    /// The result of `check`.
    pub fn get(&self, check: Check) -> Option<&CheckResult> {
        self.checks.iter().find(|r| r.check == check)
    }

    /// How many checks came out `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.checks.iter().filter(|r| r.outcome == outcome).count()
    }
}

/// What every check reads.
pub(crate) struct Scope<'a, 'p> {
    pub checked: &'a Checked<'p>,
    pub schedule: &'a Schedule,
    pub thresholds: &'a Thresholds,
    pub status: NaiveDate,
    /// The status date as an offset: the first working day on or after it.
    pub status_offset: i64,
    /// `open[t]`: task `t` is incomplete and not a summary (the population).
    pub open: Vec<bool>,
    pub incomplete: usize,
    /// Each dependency's (predecessor, successor) task indices, in the program's order.
    pub ends: Vec<Option<(usize, usize)>>,
    /// Each task's baseline finish (none for a summary or a task the baseline lacks), when
    /// there is a baseline.
    pub baselined: Option<Vec<Option<NaiveDate>>>,
}

impl Scope<'_, '_> {
    /// The ids of the tasks `t` for which `offends(t)`, in program order.
    fn ids(&self, offends: impl Fn(usize) -> bool) -> Vec<String> {
        let tasks = &self.checked.program().tasks;
        (0..tasks.len())
            .filter(|&t| offends(t))
            .map(|t| tasks[t].id.clone())
            .collect()
    }
}

/// The status date the assessment uses: the program's, else `given`.
pub fn status_date(program: &crate::Program, given: NaiveDate) -> (NaiveDate, DateSource) {
    match program.program.status_date {
        Some(date) => (date, DateSource::Program),
        None => (given, DateSource::Given),
    }
}

/// Assesses `schedule`, the schedule of `checked`, against DCMA's fourteen points on the
/// status date (the program's, else `status_date`), measuring missed tasks and BEI against
/// `baseline`. Never panics; a schedule of another program makes every check not
/// applicable.
///
/// ```
/// use engine::health::{assess, Check, Outcome, Thresholds};
/// use engine::generate::{generate, Shape};
/// let program = generate(Shape::Chain, 20, 1);
/// let checked = engine::check(&program).unwrap();
/// let schedule = engine::schedule_checked(&checked).unwrap();
/// let date = program.program.start;
/// let report = assess(&checked, &schedule, None, date, &Thresholds::default());
/// assert_eq!(report.checks.len(), 14);
/// // A chain of 20: the first task has no predecessor, the last no successor.
/// assert_eq!(report.get(Check::Logic).unwrap().figure_text, "10.0 % (2 of 20)");
/// assert_eq!(report.get(Check::Bei).unwrap().outcome, Outcome::NotApplicable);
/// ```
pub fn assess(
    checked: &Checked<'_>,
    schedule: &Schedule,
    baseline: Option<&Baseline>,
    status_date: NaiveDate,
    thresholds: &Thresholds,
) -> Report {
    let program = checked.program();
    let (status, status_date_from) = self::status_date(program, status_date);
    let open: Vec<bool> = program
        .tasks
        .iter()
        .enumerate()
        .map(|(t, task)| !task.summary && !checked.is_complete(t))
        .collect();
    let incomplete = open.iter().filter(|&&o| o).count();
    let mut report = Report {
        status_date: status,
        status_date_from,
        baseline: baseline.map(|b| b.name.clone()),
        incomplete_tasks: incomplete,
        checks: Vec::with_capacity(Check::ALL.len()),
    };
    if schedule.tasks.len() != program.tasks.len() || checked.tasks.len() != program.tasks.len() {
        let why = "the schedule is not this program's: schedule it again".to_string();
        report.checks = Check::ALL
            .iter()
            .map(|&c| CheckResult::not_applicable(c, thresholds, why.clone()))
            .collect();
        return report;
    }
    let ends = program
        .dependencies
        .iter()
        .map(|l| Some((checked.task_index(&l.from)?, checked.task_index(&l.to)?)))
        .collect();
    let scope = Scope {
        checked,
        schedule,
        thresholds,
        status,
        status_offset: checked.timeline().offset_of(status),
        open,
        incomplete,
        ends,
        baselined: baseline.map(|b| progress::baseline_finishes(program, b)),
    };
    report.checks.push(tasks::logic(&scope));
    report.checks.extend(links::checks(&scope));
    report.checks.extend(tasks::checks(&scope));
    report.checks.push(progress::missed_tasks(&scope));
    report.checks.push(path::critical_path_test(&scope));
    report.checks.push(path::cpli(&scope));
    report.checks.push(progress::bei(&scope));
    report
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_progress;
