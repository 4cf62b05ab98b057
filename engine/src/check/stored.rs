//! Checking what a program file keeps beside the program: scenarios and baselines.
//!
//! Only what can be checked without the program they are measured against: text within its
//! size ([`crate::text`], E025), numbers in range (a slip of at most ±100,000 working days,
//! a new duration of 0 to 100,000: E015), dates from 1900 to 9999 (E016), three-point
//! estimates in order (E018), and a task a scenario adds checked as the program's tasks
//! are. Whether a change still applies to today's program is not a problem of the file
//! ([`crate::scenario::apply`] says so change by change). Ids present and unique are the
//! file reader's to check.
//!
//! ```
//! use engine::check::stored;
//! use engine::scenario::{Change, Scenario};
//! let scenario = Scenario {
//!     id: "s".into(),
//!     name: "Late vendor".into(),
//!     changes: vec![Change::Slip { task: "a".into(), days: i64::MAX }],
//!     ..Scenario::default()
//! };
//! let problems = stored::scenarios(&[scenario]);
//! assert_eq!(problems[0].path, "scenarios[0].changes[0].days");
//! ```

use super::{MAX_DAYS, date_in_range};
use crate::baseline::Baseline;
use crate::diagnostics::{Code, Collector, Diagnostic};
use crate::model::{Dependency, Estimate, Program, Task, Workstream};
use crate::scenario::{Change, Scenario};
use crate::text::{MAX_DESCRIPTION_CHARS, MAX_ID_CHARS, MAX_NAME_CHARS, length_problem};
use chrono::NaiveDate;

/// Every problem of the scenarios' own values, with paths `scenarios[s]…`.
pub fn scenarios(scenarios: &[Scenario]) -> Vec<Diagnostic> {
    let mut found = Found::default();
    for (s, scenario) in scenarios.iter().enumerate() {
        found.scenario(&format!("scenarios[{s}]"), scenario);
    }
    found.0.finish()
}

/// Every problem of one scenario's own values, with paths under `at` (its own path).
pub fn scenario(at: &str, scenario: &Scenario) -> Vec<Diagnostic> {
    let mut found = Found::default();
    found.scenario(at, scenario);
    found.0.finish()
}

/// Every problem of the baselines' own values, with paths `baselines[b]…`.
pub fn baselines(baselines: &[Baseline]) -> Vec<Diagnostic> {
    let mut found = Found::default();
    for (b, baseline) in baselines.iter().enumerate() {
        found.baseline(&format!("baselines[{b}]"), baseline);
    }
    found.0.finish()
}

/// Every problem of one baseline's own values, with paths under `at` (its own path).
pub fn baseline(at: &str, baseline: &Baseline) -> Vec<Diagnostic> {
    let mut found = Found::default();
    found.baseline(at, baseline);
    found.0.finish()
}

/// The problems found so far (at most 50 of a kind listed).
#[derive(Default)]
struct Found(Collector);

impl Found {
    fn scenario(&mut self, at: &str, scenario: &Scenario) {
        let found = self;
        found.text(at, "id", &scenario.id, MAX_ID_CHARS, "a scenario id");
        found.text(
            at,
            "name",
            &scenario.name,
            MAX_NAME_CHARS,
            "a scenario name",
        );
        let description = &scenario.description;
        found.text(
            at,
            "description",
            description,
            MAX_DESCRIPTION_CHARS,
            "a description",
        );
        for (c, change) in scenario.changes.iter().enumerate() {
            found.change(&format!("{at}.changes[{c}]"), change);
        }
    }

    fn baseline(&mut self, at: &str, baseline: &Baseline) {
        self.text(at, "id", &baseline.id, MAX_ID_CHARS, "a baseline id");
        self.text(
            at,
            "name",
            &baseline.name,
            MAX_NAME_CHARS,
            "a baseline name",
        );
        self.date(&format!("{at}.saved_on"), baseline.saved_on);
        for (t, task) in baseline.tasks.iter().enumerate() {
            let at = format!("{at}.tasks[{t}]");
            self.text(&at, "id", &task.id, MAX_ID_CHARS, "a task id");
            self.date(&format!("{at}.start"), task.start);
            self.date(&format!("{at}.finish"), task.finish);
        }
    }

    fn push(&mut self, code: Code, path: String, message: String) {
        self.0.push(Diagnostic::new(code, path, vec![], message));
    }

    /// E025 if `text`, the `field` of the item at `at`, is over `limit`.
    fn text(&mut self, at: &str, field: &str, text: &str, limit: usize, what: &str) {
        if let Some(message) = length_problem(text, limit, what) {
            self.push(Code::TextTooLong, format!("{at}.{field}"), message);
        }
    }

    fn date(&mut self, path: &str, date: NaiveDate) {
        if !date_in_range(date) {
            let message = format!(
                "{date} is outside the supported dates ({} to {})",
                super::FIRST_DATE,
                super::LAST_DATE
            );
            self.push(Code::DateOutOfRange, path.to_string(), message);
        }
    }

    fn days(&mut self, path: String, days: i64, range: std::ops::RangeInclusive<i64>, what: &str) {
        if !range.contains(&days) {
            let message = format!(
                "{what} of {days} working days; it must be from {} to {}",
                range.start(),
                range.end()
            );
            self.push(Code::ValueOutOfRange, path, message);
        }
    }

    fn change(&mut self, at: &str, change: &Change) {
        if let Some(task) = change.task() {
            self.text(at, "task", task, MAX_ID_CHARS, "a task id");
        }
        match change {
            Change::Slip { days, .. } => {
                self.days(format!("{at}.days"), *days, -MAX_DAYS..=MAX_DAYS, "a slip")
            }
            Change::Estimate { days, .. } => {
                self.days(format!("{at}.days"), *days, 0..=MAX_DAYS, "a new duration")
            }
            Change::SetEstimate {
                task,
                estimate: Some(estimate),
            } => self.estimate(&format!("{at}.estimate"), task, estimate),
            Change::AddTask { task } => self.task(&format!("{at}.task"), task),
            Change::AddDependency { dependency } => {
                self.dependency(&format!("{at}.dependency"), dependency)
            }
            Change::RemoveDependency { from, to } => {
                self.text(at, "from", from, MAX_ID_CHARS, "a task id");
                self.text(at, "to", to, MAX_ID_CHARS, "a task id");
            }
            Change::SetConstraint {
                constraint: Some(constraint),
                ..
            } => {
                if let Some(date) = constraint.date {
                    self.date(&format!("{at}.constraint.date"), date);
                }
            }
            Change::SetDeadline {
                deadline: Some(date),
                ..
            } => self.date(&format!("{at}.deadline"), *date),
            Change::Level {
                start: Some(date),
                reason,
                ..
            } => {
                self.date(&format!("{at}.start"), *date);
                self.text(
                    at,
                    "reason",
                    reason,
                    MAX_DESCRIPTION_CHARS,
                    "a leveling reason",
                );
            }
            Change::Level { start: None, .. } => {}
            Change::SetEstimate { estimate: None, .. }
            | Change::RemoveTask { .. }
            | Change::SetConstraint {
                constraint: None, ..
            }
            | Change::SetDeadline { deadline: None, .. } => {}
        }
    }

    fn dependency(&mut self, at: &str, dependency: &Dependency) {
        self.text(at, "from", &dependency.from, MAX_ID_CHARS, "a task id");
        self.text(at, "to", &dependency.to, MAX_ID_CHARS, "a task id");
        let lag = format!("{at}.lag");
        self.days(lag, dependency.lag, -MAX_DAYS..=MAX_DAYS, "a lag");
    }

    /// A task's own values, checked as the program's tasks are: the task alone in a program
    /// of its own, its problems moved to `at`.
    fn task(&mut self, at: &str, task: &Task) {
        let alone = Program {
            workstreams: vec![Workstream {
                id: task.workstream.clone(),
                name: String::new(),
                calendar: None,
                color: None,
            }],
            tasks: vec![task.clone()],
            ..Program::default()
        };
        let Err(problems) = super::check(&alone) else {
            return;
        };
        for problem in problems.0 {
            let path = match problem.path.strip_prefix("tasks[0]") {
                Some(field) => format!("{at}{field}"),
                None => format!("{at}.workstream"),
            };
            self.push(problem.code, path, problem.message);
        }
    }

    /// A three-point estimate of task `id`, checked as a task's are.
    fn estimate(&mut self, at: &str, id: &str, estimate: &Estimate) {
        let task = Task {
            id: id.into(),
            workstream: "w".into(),
            duration: 1,
            estimate: Some(Box::new(estimate.clone())),
            ..Task::default()
        };
        let mut moved = Found::default();
        moved.task("", &task);
        let problems = moved.0.finish().into_iter();
        for problem in problems.filter(|p| p.code == Code::InvalidEstimate) {
            let field = problem.path.strip_prefix(".estimate").unwrap_or_default();
            self.push(problem.code, format!("{at}{field}"), problem.message);
        }
    }
}
