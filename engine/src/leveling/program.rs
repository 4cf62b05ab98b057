//! Leveling a program: its tasks, links, constraints, progress and resources as a leveling
//! [`Problem`], and the solution back as leveled starts, each delay with its reason
//! ("starts 4 d later: SRE on-call (2 a day) is used by 'DB cut-over' and 'Failover drill'
//! 2026-03-03 – 2026-03-06").
//!
//! The program is leveled afresh: its leveled starts from an earlier leveling are cleared
//! first, as MS Project clears leveling values before leveling. Time is the program's
//! working days (offsets); a task keeps the span its schedule gives it (for a task on a
//! team calendar, the program days from its start to its finish); started and finished
//! tasks, must-start-on tasks and tasks of priority 1000 are pinned where they are; summary
//! tasks have no work of their own and follow their tasks. A task held back only by the
//! tasks before it gets no leveled start of its own: its links move it.
//!
//! Cost: a check and a schedule of the program, O(T + D) to build the problem, the search
//! (see [`super`]), and for each task leveling holds back, O(its delay × its duration ×
//! its demands) to find its reason.
//!
//! ```
//! use engine::leveling::program::level_program;
//! use engine::leveling::Options;
//! use engine::Program;
//! let json = r#"{"program": {"name": "P", "start": "2026-03-02"},
//!   "workstreams": [{"id": "w", "name": "W"}],
//!   "resources": [{"id": "sre", "name": "SRE on-call", "capacity": 1}],
//!   "tasks": [
//!     {"id": "a", "name": "DB cut-over", "workstream": "w", "duration": 3,
//!      "demands": [{"resource": "sre", "units": 1}]},
//!     {"id": "b", "name": "Failover drill", "workstream": "w", "duration": 2,
//!      "demands": [{"resource": "sre", "units": 1}]}]}"#;
//! let program: Program = serde_json::from_str(json).unwrap();
//! let leveled = level_program(&program, &Options::default()).unwrap();
//! let drill = &leveled.tasks[1];
//! assert_eq!((drill.delay, drill.start.to_string()), (3, "2026-03-05".to_string()));
//! assert!(drill.reason.as_ref().unwrap().text.contains("SRE on-call (1 a day) is used by 'DB cut-over'"));
//! assert_eq!(leveled.finish.to_string(), "2026-03-06");
//! ```

use std::fmt::Write as _;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::{Infeasible, Objective, Options, Problem, Solution};
use crate::check::{check, work_calendar};
use crate::diagnostics::Diagnostics;
use crate::model::Program;
use crate::scenario::Change;
use crate::scheduler::{Schedule, schedule_checked};

/// The days a resource's own calendar is laid out for (its days off become periods
/// without capacity): about twenty years.
pub(super) const CALENDAR_HORIZON: i64 = 5_200;

/// Why a program cannot be leveled.
#[derive(Clone, Debug, PartialEq)]
pub enum LevelError {
    /// The program does not check or schedule.
    Invalid(Diagnostics),
    /// A task needs more of a resource than it ever offers.
    Infeasible {
        task: String,
        resource: String,
        message: String,
    },
    /// The program is beyond what leveling handles (days more than a million from its
    /// start: dates far in the future), and why.
    TooLarge(String),
}

impl std::fmt::Display for LevelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LevelError::Invalid(diagnostics) => write!(f, "{diagnostics}"),
            LevelError::Infeasible { message, .. } => f.write_str(message),
            LevelError::TooLarge(why) => write!(f, "this program cannot be leveled: {why}"),
        }
    }
}

/// A program leveled.
#[derive(Clone, Debug, PartialEq)]
pub struct Leveled {
    /// Each task, in the program's order.
    pub tasks: Vec<LeveledTask>,
    /// The program's last day of work, leveled and not.
    pub finish: NaiveDate,
    pub unleveled_finish: NaiveDate,
    /// Lower bounds on any leveled finish (the longest path with resources ignored; the
    /// resources' work against their capacity), as last days of work.
    pub critical_path_bound: NaiveDate,
    pub resource_bound: NaiveDate,
    /// Schedules generated.
    pub schedules: usize,
    /// Tasks still on a day over capacity (pinned work that overloads it as it is, or a
    /// resource offered only in periods others fill), and tasks that could not be kept
    /// within their float (leveling within float).
    pub overloaded: Vec<usize>,
    pub unresolved: Vec<usize>,
}

/// One task leveled.
#[derive(Clone, Debug, PartialEq)]
pub struct LeveledTask {
    /// Its leveled start, as an offset and a date.
    pub start_offset: i64,
    pub start: NaiveDate,
    /// Working days after its unleveled start (0: not moved).
    pub delay: i64,
    /// Whether leveling holds it back: it starts later than the tasks before it, its
    /// constraints and its progress allow (a task only pushed by those is not).
    pub held: bool,
    /// Why: the resources that had no room for it sooner, and the tasks using them.
    pub reason: Option<Reason>,
}

/// What held a task back: a resource full on some days, and the tasks using it then.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// Indices into the program's resources and tasks.
    pub resource: usize,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by: Vec<usize>,
    /// The reason in words.
    pub text: String,
}

/// A program ready to level: the problem, and what turns a solution back into dates.
pub struct Prepared {
    program: Program,
    schedule: Schedule,
    pub problem: Problem,
    /// The offset of the problem's day 0 (the problem's days are never negative).
    base: i64,
    /// Each task's links in from others (indices into `problem.links`), so that finding
    /// where a task could have started costs its own links, not all of them.
    incoming: Vec<Vec<usize>>,
}

impl Prepared {
    /// `program` with its leveled starts cleared, checked, scheduled and laid out as a
    /// leveling problem.
    pub fn new(program: &Program, objective: Objective) -> Result<Prepared, LevelError> {
        let mut program = program.clone();
        for task in &mut program.tasks {
            task.leveled_start = None;
        }
        let checked = check(&program).map_err(LevelError::Invalid)?;
        let schedule = schedule_checked(&checked).map_err(LevelError::Invalid)?;
        let (problem, base) = super::layout::problem_of(&checked, &schedule, objective);
        drop(checked);
        // The search refuses (panics on) what it was not made for: say so instead.
        problem.validate().map_err(LevelError::TooLarge)?;
        let mut incoming = vec![Vec::new(); problem.len()];
        for (i, link) in problem.links.iter().enumerate() {
            incoming[link.to as usize].push(i);
        }
        Ok(Prepared {
            program,
            schedule,
            problem,
            base,
            incoming,
        })
    }

    /// The program leveled (its leveled starts cleared).
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// The problem's objective, with its days: leveling within float keeps every task
    /// within the unleveled late finish.
    pub fn objective(&self, objective: Objective) -> Objective {
        match objective {
            Objective::MinimiseFinish => objective,
            Objective::WithinFloat { .. } => Objective::WithinFloat {
                finish_by: self.schedule.finish_offset - self.base,
            },
        }
    }

    /// What `infeasible` says, with the task's and the resource's names.
    pub fn infeasible(&self, infeasible: Infeasible) -> LevelError {
        let task = &self.program.tasks[infeasible.task as usize];
        let resource = &self.program.resources[infeasible.resource as usize];
        LevelError::Infeasible {
            task: task.id.clone(),
            resource: resource.id.clone(),
            message: format!(
                "task '{}' ({}) needs more of '{}' than it ever offers ({} a day)",
                task.name,
                task.id,
                resource.name,
                units_text(resource.capacity)
            ),
        }
    }

    /// The last working day of a leveled finish (a problem day, exclusive): what a
    /// progress report shows of the best finish so far (costs laying out the calendar).
    pub fn finish_date(&self, finish: i64) -> NaiveDate {
        let timeline = self.timeline();
        self.last_day(&timeline, finish + self.base)
    }

    fn timeline(&self) -> crate::timeline::Timeline {
        crate::timeline::Timeline::new(
            work_calendar(&self.program.calendar),
            self.program.program.start,
        )
    }

    /// The working day before program offset `end` (exclusive).
    fn last_day(&self, timeline: &crate::timeline::Timeline, end: i64) -> NaiveDate {
        timeline
            .date_of((end - 1).max(0))
            .unwrap_or(self.program.program.start)
    }

    /// `solution` as leveled starts with their reasons.
    pub fn result(&self, solution: &Solution, bounds: super::Bounds) -> Leveled {
        let timeline = self.timeline();
        let date = |offset: i64| {
            timeline
                .date_of(offset)
                .unwrap_or(self.program.program.start)
        };
        let last_day = |end: i64| self.last_day(&timeline, end);
        let usage = Usage::of(&self.problem, &solution.starts);
        let tasks = (0..self.problem.len())
            .map(|t| {
                let start_offset = solution.starts[t] + self.base;
                let unleveled = self.schedule.tasks[t].es;
                let held = self.held_back(t, solution, &usage);
                let days = |from: i64, to: i64| (date(from + self.base), date(to + self.base));
                let reason = held.first().map(|(resource, from, to, by)| {
                    let mut reason = self.reason(
                        *resource,
                        days(*from, *to),
                        by.clone(),
                        start_offset - unleveled,
                    );
                    for (other, from, to, _) in &held[1..] {
                        let (from, to) = days(*from, *to);
                        let r = &self.program.resources[*other];
                        let _ = write!(
                            reason.text,
                            "; and {} ({} a day) has no room {}",
                            r.name,
                            units_text(r.capacity),
                            span_text(from, to)
                        );
                    }
                    reason
                });
                let problem = &self.problem;
                let held = problem.pinned[t].is_none()
                    && solution.starts[t]
                        > earliest_start(problem, &self.incoming[t], &solution.starts, t);
                LeveledTask {
                    start_offset,
                    start: date(start_offset),
                    delay: (start_offset - unleveled).max(0),
                    held,
                    reason,
                }
            })
            .collect();
        let to_tasks = |list: &[u32]| list.iter().map(|&t| t as usize).collect();
        Leveled {
            tasks,
            finish: last_day(solution.finish + self.base),
            unleveled_finish: self.schedule.finish,
            critical_path_bound: last_day(bounds.critical_path + self.base),
            resource_bound: last_day(bounds.resource + self.base),
            schedules: solution.schedules,
            overloaded: to_tasks(&solution.overloaded),
            unresolved: to_tasks(&solution.unresolved),
        }
    }

    /// Whether task `t` starts later than the links, its release and its pin allow (given
    /// where the others are): the resource, the first and last days it was full, and the
    /// tasks using it on them.
    fn held_back(
        &self,
        t: usize,
        solution: &Solution,
        usage: &Usage,
    ) -> Vec<(usize, i64, i64, Vec<usize>)> {
        let problem = &self.problem;
        let start = solution.starts[t];
        let earliest = earliest_start(problem, &self.incoming[t], &solution.starts, t);
        if start <= earliest || problem.demands[t].is_empty() || problem.pinned[t].is_some() {
            return Vec::new();
        }
        let duration = problem.durations[t];
        // Each day it could have started, the first resource that had no room for it.
        let mut full: FxHashMap<usize, (i64, i64, Vec<usize>)> = FxHashMap::default();
        for day in earliest..start {
            let blocked = problem.demands[t].iter().find_map(|d| {
                let r = d.resource as usize;
                (day..day + duration)
                    .find(|&x| {
                        usage.used(r, x, t) + i64::from(d.units) > usage.capacity(problem, r, x)
                    })
                    .map(|x| (r, x))
            });
            if let Some((r, x)) = blocked {
                let entry = full.entry(r).or_insert((x, x, Vec::new()));
                entry.0 = entry.0.min(x);
                entry.1 = entry.1.max(x);
                for other in usage.users(r, x, t) {
                    if !entry.2.contains(&other) {
                        entry.2.push(other);
                    }
                }
            }
        }
        // The resource full the longest first.
        let mut held: Vec<(usize, i64, i64, Vec<usize>)> = full
            .into_iter()
            .map(|(r, (from, to, mut by))| {
                by.sort_unstable();
                (r, from, to, by)
            })
            .collect();
        held.sort_by_key(|(r, from, to, _)| (std::cmp::Reverse(to - from), *r));
        held
    }

    fn reason(
        &self,
        resource: usize,
        (from, to): (NaiveDate, NaiveDate),
        by: Vec<usize>,
        delay: i64,
    ) -> Reason {
        let r = &self.program.resources[resource];
        let names: Vec<String> = by
            .iter()
            .take(3)
            .map(|&o| format!("'{}'", self.program.tasks[o].name))
            .collect();
        let mut text = format!(
            "starts {delay} d later: {} ({} a day) is used by {}",
            r.name,
            units_text(r.capacity),
            join_and(&names)
        );
        if by.len() > 3 {
            let _ = write!(text, " and {} more", by.len() - 3);
        }
        let _ = write!(text, " {}", span_text(from, to));
        Reason {
            resource,
            from,
            to,
            by,
            text,
        }
    }

    /// The scenario changes that give `leveled` to the program: a `level` change for each
    /// task leveling holds back, with its reason (replayed, the engine then places every
    /// task where leveling did).
    pub fn changes(&self, leveled: &Leveled) -> Vec<Change> {
        self.program
            .tasks
            .iter()
            .zip(&leveled.tasks)
            .filter(|(_, t)| t.held)
            .map(|(task, t)| Change::Level {
                task: task.id.clone(),
                start: Some(t.start),
                reason: t
                    .reason
                    .as_ref()
                    .map_or_else(|| "placed there by leveling".to_owned(), |r| r.text.clone()),
            })
            .collect()
    }
}

/// Levels `program` (see the [module](self) docs).
pub fn level_program(program: &Program, options: &Options) -> Result<Leveled, LevelError> {
    let prepared = Prepared::new(program, options.objective)?;
    let options = Options {
        objective: prepared.objective(options.objective),
        ..*options
    };
    let solution = super::level(&prepared.problem, &options).map_err(|i| prepared.infeasible(i))?;
    let bounds = super::lower_bounds(&prepared.problem);
    Ok(prepared.result(&solution, bounds))
}

/// The earliest task `t` could start given the links from the others where they are, its
/// release and its pin (`incoming`: its links in).
fn earliest_start(problem: &Problem, incoming: &[usize], starts: &[i64], t: usize) -> i64 {
    let duration = problem.durations[t];
    let mut earliest = problem.release[t];
    for link in incoming.iter().map(|&i| &problem.links[i]) {
        let from = link.from as usize;
        let (start, finish) = (starts[from], starts[from] + problem.durations[from]);
        let bound = match link.kind {
            crate::model::LinkType::FS => finish + link.lag,
            crate::model::LinkType::SS => start + link.lag,
            crate::model::LinkType::FF => finish + link.lag - duration,
            crate::model::LinkType::SF => start + link.lag - duration,
        };
        earliest = earliest.max(bound);
    }
    earliest
}

/// Each resource's use by day under a solution, and who uses it.
struct Usage {
    /// `used[r][day]`, hundredths.
    used: Vec<Vec<i64>>,
    /// The tasks demanding each resource, with their start, end and units.
    users: Vec<Vec<(usize, i64, i64, i64)>>,
}

impl Usage {
    fn of(problem: &Problem, starts: &[i64]) -> Usage {
        let horizon = (0..problem.len())
            .map(|t| starts[t] + problem.durations[t])
            .max()
            .unwrap_or(0)
            .max(0) as usize;
        let mut used = vec![vec![0i64; horizon + 1]; problem.resources.len()];
        let mut users = vec![Vec::new(); problem.resources.len()];
        for (t, demands) in problem.demands.iter().enumerate() {
            let (start, end) = (starts[t], starts[t] + problem.durations[t]);
            for d in demands {
                let r = d.resource as usize;
                users[r].push((t, start, end, i64::from(d.units)));
                for day in start.max(0)..end {
                    used[r][day as usize] += i64::from(d.units);
                }
            }
        }
        Usage { used, users }
    }

    /// What the others than `t` use of resource `r` on `day`.
    fn used(&self, r: usize, day: i64, t: usize) -> i64 {
        let all = self.used[r].get(day.max(0) as usize).copied().unwrap_or(0);
        let own = self.users[r]
            .iter()
            .find(|u| u.0 == t && (u.1..u.2).contains(&day))
            .map_or(0, |u| u.3);
        all - own
    }

    fn capacity(&self, problem: &Problem, r: usize, day: i64) -> i64 {
        let capacity = &problem.resources[r];
        let period = capacity
            .periods
            .iter()
            .rev()
            .find(|(from, to, _)| (*from..*to).contains(&day));
        i64::from(period.map_or(capacity.base, |p| p.2))
    }

    /// The tasks other than `t` using resource `r` on `day`.
    fn users(&self, r: usize, day: i64, t: usize) -> impl Iterator<Item = usize> + '_ {
        self.users[r]
            .iter()
            .filter(move |u| u.0 != t && (u.1..u.2).contains(&day))
            .map(|u| u.0)
    }
}

/// Units a day as people read them: `2`, `0.5`.
fn units_text(units: f64) -> String {
    format!("{}", (units * 100.0).round() / 100.0)
}

/// `'A'`, `'A' and 'B'`, `'A', 'B' and 'C'`.
fn join_and(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `on 2026-03-06`, or `2026-03-02 – 2026-03-04`.
fn span_text(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        format!("on {from}")
    } else {
        format!("{from} – {to}")
    }
}
