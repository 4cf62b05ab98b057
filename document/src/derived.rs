//! The open program derived once per revision: the program shown (the program itself, or a
//! scenario's version of it), its schedule, its variance to the active baseline, and the
//! program's own schedule beside a scenario's. Every view reads this one value: the plan
//! grid and chart, the dependency map, the scenario comparison; later ones (capacity,
//! status, the board) read it too.
//!
//! Cost: one check and schedule of the program, plus one of the scenario when one is shown
//! (O(T + D) each, see `engine::schedule_checked`), and a variance per active baseline.
//!
//! Does not: keep anything between revisions (a new [`Derived`] is built per document
//! change), or decide which scenario is shown (the app's editor does).
//!
//! ```
//! use document::derived::Derived;
//! let doc = planfile::read(r#"{"program": {"name": "P", "start": "2026-01-05"},
//!   "workstreams": [{"id": "w", "name": "W"}],
//!   "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 3}],
//!   "scenarios": [{"id": "s1", "name": "Slip",
//!                  "changes": [{"change": "slip", "task": "a", "days": 2}]}]}"#).unwrap();
//! let finish = |s: &document::derived::Scheduled| s.ok().unwrap().finish.to_string();
//! let own = Derived::of(&doc, None);
//! assert_eq!(finish(own.shown()), "2026-01-07");
//! let slipped = Derived::of(&doc, Some("s1"));
//! assert_eq!(finish(slipped.shown()), "2026-01-09");
//! // Beside the scenario, the program's own schedule (its bars drawn behind the scenario's).
//! assert_eq!(finish(&slipped.program), "2026-01-07");
//! ```

use engine::baseline::{Baseline, Variance, variance};
use engine::scenario::Applied;
use engine::{Program, Schedule};
use planfile::Document;

use crate::describe;

/// A program scheduled: its schedule (or why there is none) and how it stands against the
/// active baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Scheduled {
    pub schedule: Result<Schedule, String>,
    /// Each task's variance against the active baseline, in task order (`None` for a task
    /// the baseline lacks); `None` without an active baseline or a schedule.
    pub variances: Option<Vec<Option<Variance>>>,
    /// The finish's variance against the baseline's last finish, in working days of the
    /// program calendar (positive: later).
    pub finish_variance: Option<i64>,
}

impl Scheduled {
    /// Checks and schedules `program`, and measures it against `baseline`.
    pub fn of(program: &Program, baseline: Option<&Baseline>) -> Scheduled {
        let checked = match engine::check(program) {
            Ok(checked) => checked,
            Err(problems) => return Scheduled::failed(describe(&problems)),
        };
        let schedule = match engine::schedule_checked(&checked) {
            Ok(schedule) => schedule,
            Err(problems) => return Scheduled::failed(describe(&problems)),
        };
        let variances = baseline.map(|b| variance(&checked, &schedule, b));
        let finish_variance = baseline.and_then(|b| {
            let then = b.tasks.iter().map(|t| t.finish).max()?;
            let timeline = checked.timeline();
            Some(timeline.offset_after(schedule.finish) - timeline.offset_after(then))
        });
        Scheduled {
            schedule: Ok(schedule),
            variances,
            finish_variance,
        }
    }

    fn failed(why: String) -> Scheduled {
        Scheduled {
            schedule: Err(why),
            variances: None,
            finish_variance: None,
        }
    }

    /// The schedule, if there is one.
    pub fn ok(&self) -> Option<&Schedule> {
        self.schedule.as_ref().ok()
    }

    /// Why there is no schedule, if there is none.
    pub fn problem(&self) -> Option<&str> {
        self.schedule.as_ref().err().map(String::as_str)
    }
}

/// A scenario shown: its id, its changes replayed on the program, and that scheduled.
#[derive(Clone, Debug)]
pub struct ShownScenario {
    pub id: String,
    pub name: String,
    pub applied: Applied,
    pub scheduled: Scheduled,
}

/// The open program, derived from one revision of the document.
#[derive(Clone, Debug)]
pub struct Derived {
    /// The program's own schedule.
    pub program: Scheduled,
    /// The scenario shown, if one is asked for and exists.
    pub scenario: Option<ShownScenario>,
}

impl Default for Derived {
    /// Nothing open.
    fn default() -> Derived {
        Derived {
            program: Scheduled::failed("No program is open.".to_owned()),
            scenario: None,
        }
    }
}

impl Derived {
    /// Derives the open program from `doc`, showing scenario `scenario` if it exists (a
    /// scenario deleted since it was chosen shows the program).
    pub fn of(doc: &Document, scenario: Option<&str>) -> Derived {
        let baseline = crate::baselines::active(doc);
        let scenario = scenario
            .and_then(|id| doc.scenarios.iter().find(|s| s.id == id))
            .map(|s| {
                let applied = engine::scenario::apply(&doc.program, &s.changes);
                let scheduled = Scheduled::of(&applied.program, baseline);
                ShownScenario {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    applied,
                    scheduled,
                }
            });
        Derived {
            program: Scheduled::of(&doc.program, baseline),
            scenario,
        }
    }

    /// What is shown scheduled: the scenario's, else the program's.
    pub fn shown(&self) -> &Scheduled {
        self.scenario
            .as_ref()
            .map_or(&self.program, |s| &s.scheduled)
    }

    /// The program shown: the scenario's version, else `doc`'s program. `doc` must be the
    /// revision this was derived from.
    pub fn shown_program<'a>(&'a self, doc: &'a Document) -> &'a Program {
        self.scenario
            .as_ref()
            .map_or(&doc.program, |s| &s.applied.program)
    }

    /// The id of the scenario shown, if one is.
    pub fn scenario_id(&self) -> Option<&str> {
        self.scenario.as_ref().map(|s| s.id.as_str())
    }
}
