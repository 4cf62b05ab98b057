//! Planwork's planning engine: the program model, working calendars and critical-path
//! scheduling. Pure Rust: no IO, no clock, no global random numbers, no web crates.
//!
//! # Phases
//!
//! Scheduling follows TaskJuggler's explicit phases, each in its own module:
//!
//! 1. [`check`]: a raw [`Program`] becomes a [`Checked`] program, or every problem at once
//!    as [`Diagnostic`]s with stable [`Code`]s (duplicate ids, unknown references,
//!    self-links, negative durations, calendars without working days, constraints without
//!    dates, dependency cycles named in order, …);
//! 2. forward pass, 3. backward pass, 4. post-check: [`schedule_checked`] turns a checked
//!    program into a [`Schedule`] (early/late dates, total and free float, the critical
//!    path, warnings).
//!
//! [`schedule`] does all four. Scheduling never mutates the program: it returns a schedule.
//!
//! # Time and date conventions
//!
//! * Time is counted in **working days of the program calendar** from the program start:
//!   offset 0 is the start of the first working day on or after the program start.
//! * A task of duration `d` occupies the half-open range `[es, ef)` with `ef = es + d`.
//!   Shown as dates, `start` is the working day at `es` and `finish` is the *last* working
//!   day, the one before `ef`. A task of 5 days starting Monday finishes that Friday.
//! * A milestone (duration 0) is an instant at the end of the working day before its offset
//!   (a milestone after a task finishing Friday is shown on Friday), or at the program start
//!   when its offset is 0.
//! * Link rules for predecessor P, successor S and lag L (working days of the program
//!   calendar; negative is a lead): FS: `S.es ≥ P.ef + L`; SS: `S.es ≥ P.es + L`;
//!   FF: `S.ef ≥ P.ef + L`; SF: `S.ef ≥ P.es + L`. No task starts before offset 0.
//! * Constraints (dates are inclusive working days): start no earlier than D puts the start
//!   on or after D; start no later than D, on or before D; finish no earlier/later than D,
//!   the last working day on or after/before D; must start/finish on D do both. As in
//!   Primavera P6, "no later than" constraints and deadlines bound the *late* dates: they
//!   never move a task, they make its float negative when missed. Must-start/finish-on
//!   dates bound both passes; if the logic pushes a task past one, the task moves and a
//!   warning (W101) says so. On a non-working date, a constraint applies to the next working
//!   day (start and must constraints) or the previous one (finish no later than, deadline).
//! * As late as possible (ALAP, MS Project's constraint type 1; no date): after both passes
//!   the task is moved as late as it can go without moving any other task: no later than
//!   its successors' early dates allow (it uses its free float and pushes nothing), the
//!   program finish (the latest early finish, not `finish_by`) and its own late finish
//!   (its successors' late dates, `finish_by`, its deadline: ALAP never makes it miss one),
//!   and never earlier than its early dates. In a chain of ALAP tasks the last is placed
//!   first. Its early dates become that placement, so its predecessors' free float grows;
//!   every other task's dates, floats and the program finish are what they would be as
//!   soon as possible. Its total float is what is left to its late finish (0 when that is
//!   what stops it), and it is critical by the program's rule like any task. A started or
//!   finished ALAP task stays where it happened; forecasts place ALAP tasks late in every
//!   iteration. This is Primavera P6's rule; MS Project instead puts the task on its late
//!   dates and pushes its successors within their float (the same result when they have
//!   none, the usual just-in-time case).
//! * Total float is `lf - ef` in the task's working days; free float is the least slack on
//!   any link to a successor and before the program finish. The **critical path** is chosen
//!   by the program's [`CriticalPath`] rule (`program.critical_path`). By default, as in MS
//!   Project, it is the unfinished tasks whose total float is at most `max_days` (0 unless
//!   set): on a plan without constraints, the zero-float chain to the finish; after a missed
//!   deadline, every task with no room or late; with a `finish_by` that leaves room, none.
//!   Under `longest_path`, as in Primavera P6, it is the unfinished tasks on the driving
//!   path into the program finish (see [`paths`]), whatever their float. Finished tasks are
//!   never critical. The total-float rule is a comparison per task; the longest path is
//!   traced (O(T + D)) only when chosen.
//! * The backward pass starts from the latest early finish, or from the program's
//!   `finish_by` date if it has one.
//! * Progress: with a status date, work not started is not scheduled before it. A started
//!   task keeps its actual start; its remaining duration (`duration × (1 − % complete)`,
//!   rounded up) resumes at the status date at the earliest. A finished task stays where it
//!   happened and has no float.
//! * Summary tasks (the outline): a task may be under a summary (`parent`), summaries under
//!   summaries. A summary has no work of its own: its start is the earliest of its tasks'
//!   starts, its finish the latest of their finishes, its total float the least of theirs,
//!   and it is critical when one of them is. It is scheduled as a node of no duration at
//!   its finish, after each task under it (an implicit finish-to-finish link), so links
//!   out of it follow its finish and a deadline on it bounds its tasks. As in MS Project, a link into a summary (FS or SS) is a link into
//!   every task under it, and a link out of it (FS or FF) leaves from its finish; FF and SF
//!   into a summary, SS and SF out of one, and links between a summary and its own tasks
//!   are refused (see `check/outline.rs`). A task's free float counts its summary's finish
//!   as a successor's start.
//! * Team calendars: a workstream may have its own working weekdays and holidays. The
//!   program calendar is the common timeline: a team works on its days that are also
//!   program working days. Its tasks start on team working days and count team days.
//!
//! # Example
//!
//! ```
//! use engine::{schedule, Program};
//! let json = r#"{
//!   "program": {"name": "Launch", "start": "2026-01-05"},
//!   "calendar": {"workdays": ["Mon","Tue","Wed","Thu","Fri"], "holidays": []},
//!   "workstreams": [{"id": "eng", "name": "Engineering"}],
//!   "tasks": [
//!     {"id": "build", "name": "Build", "workstream": "eng", "duration": 5},
//!     {"id": "test", "name": "Test", "workstream": "eng", "duration": 3},
//!     {"id": "docs", "name": "Docs", "workstream": "eng", "duration": 2},
//!     {"id": "ship", "name": "Ship", "workstream": "eng", "duration": 0, "milestone": true}
//!   ],
//!   "dependencies": [
//!     {"from": "build", "to": "test", "type": "FS", "lag": 0},
//!     {"from": "build", "to": "docs", "type": "SS", "lag": 1},
//!     {"from": "test", "to": "ship", "type": "FS", "lag": 0},
//!     {"from": "docs", "to": "ship", "type": "FS", "lag": 0}
//!   ]
//! }"#;
//! let program: Program = serde_json::from_str(json).unwrap();
//! let plan = schedule(&program).unwrap();
//! let test = &plan.tasks[1];
//! assert_eq!((test.es, test.ef), (5, 8));
//! assert_eq!(test.finish.to_string(), "2026-01-14");
//! assert!(test.critical);
//! let docs = &plan.tasks[2];
//! assert_eq!((docs.es, docs.total_float), (1, 5));
//! assert_eq!(plan.finish.to_string(), "2026-01-14");
//! ```

pub mod baseline;
pub mod board;
pub mod calendar;
pub mod changes;
pub mod check;
pub mod compare;
pub mod diagnostics;
pub mod edit;
pub mod entry;
pub mod filter;
pub mod forecast;
pub mod generate;
pub mod health;
pub mod kept;
pub mod leveling;
pub mod load;
pub mod logs;
pub mod model;
pub mod paths;
pub mod readiness;
pub mod resources;
pub mod risks;
pub mod rng;
pub mod scenario;
pub mod scheduler;
pub mod setup;
pub mod status;
pub mod teams;
pub mod text;
pub mod timeline;
pub mod words;
pub mod workstreams;

pub use check::{Checked, TaskIndex, check};
pub use diagnostics::{Code, Diagnostic, Diagnostics, Severity};
pub use model::{
    Availability, Calendar, Constraint, ConstraintKind, CriticalPath, Demand, Dependency,
    Distribution, Estimate, Impact, LinkType, Logs, Program, ProgramInfo, Readiness, Resource,
    Risk, Task, Workstream,
};
pub use scheduler::{Schedule, TaskSchedule, schedule_checked};

/// Checks and schedules a program: every problem at once, or the schedule.
///
/// Never mutates the program and never panics on any input.
pub fn schedule(program: &Program) -> Result<Schedule, Diagnostics> {
    let checked = check(program)?;
    schedule_checked(&checked)
}
