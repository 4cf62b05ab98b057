//! The open program derived once per revision: the program shown (the program itself, or a
//! scenario's version of it), its schedule, its variance to the active baseline, and the
//! program's own schedule beside a scenario's. Every view reads this one value: the plan
//! grid and chart, the dependency map, the scenario comparison; later ones (capacity,
//! status, the board) read it too.
//!
//! [`Derived::of`] checks and schedules the program in full; [`OpenProgram::derive`] reads
//! the schedule of the program kept checked and scheduled edit by edit (`engine::kept`),
//! which is how the app derives each revision. A scenario shown is applied and scheduled
//! afresh (O(T + D), see `engine::schedule_checked`); a variance costs O(T) per baseline.
//!
//! Does not: decide which scenario is shown (the app's editor does).
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
use engine::edit::Edit;
use engine::kept::KeptProgram;
use engine::scenario::Applied;
use engine::{Checked, Diagnostics, Program, Schedule};
use planfile::Document;

use crate::describe;
use crate::history::DocHistory;

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
    /// Checks and schedules `program` in full, and measures it against `baseline`.
    pub fn of(program: &Program, baseline: Option<&Baseline>) -> Scheduled {
        let checked = match engine::check(program) {
            Ok(checked) => checked,
            Err(problems) => return Scheduled::failed(describe(&problems)),
        };
        match engine::schedule_checked(&checked) {
            Ok(schedule) => Scheduled::measured(&checked, schedule, baseline),
            Err(problems) => Scheduled::failed(describe(&problems)),
        }
    }

    /// The kept program's schedule (nothing checked or scheduled again), measured against
    /// `baseline`.
    pub fn of_kept(kept: &KeptProgram, baseline: Option<&Baseline>) -> Scheduled {
        match kept.schedule() {
            Ok(schedule) => Scheduled::measured(&kept.checked(), schedule.clone(), baseline),
            Err(problems) => Scheduled::failed(describe(problems)),
        }
    }

    fn measured(
        checked: &Checked<'_>,
        schedule: Schedule,
        baseline: Option<&Baseline>,
    ) -> Scheduled {
        let variances = baseline.map(|b| variance(checked, &schedule, b));
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
#[derive(Debug)]
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
        Derived::with_program(doc, scenario, Scheduled::of(&doc.program, baseline))
    }

    /// The derived view with the program's own schedule `program` already made.
    fn with_program(doc: &Document, scenario: Option<&str>, program: Scheduled) -> Derived {
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
        Derived { program, scenario }
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

/// The open program kept checked and scheduled between revisions ([`KeptProgram`]): an
/// edit checks and re-schedules only what it changed, and deriving a revision reads the
/// kept schedule instead of checking and scheduling the whole program again. The kept copy
/// is trusted only while it equals the document's program (compared, O(T), before each
/// use); any other change — opening, an import, undo, promoting a scenario, another tab's
/// save — makes the next use check the program in full again.
///
/// Does not: hold the document or the history (the app's editor does), or keep anything for
/// a scenario shown (a scenario is applied and scheduled afresh: its changes replay on the
/// program).
#[derive(Debug, Default)]
pub struct OpenProgram {
    kept: Option<KeptProgram>,
}

impl OpenProgram {
    /// Makes `action` on `doc`'s program as one undoable step of `history`, all or none: a
    /// refused action gives the full check's diagnostics and changes nothing. Through the
    /// kept program when it is in step with `doc`, else through a full check.
    pub fn edit(
        &mut self,
        history: &mut DocHistory,
        doc: &mut Document,
        action: Vec<Edit>,
    ) -> Result<(), Diagnostics> {
        let Some(kept) = self.kept.as_mut().filter(|k| k.program() == &doc.program) else {
            return history.edit(doc, action);
        };
        kept.apply(&action)?;
        let made = history.edit_prechecked(doc, action);
        if made.is_err() {
            // Cannot happen (the same edits on the same program); if it did, the kept copy
            // is no longer the program's: the next use checks in full.
            self.kept = None;
        }
        made
    }

    /// The derived view of `doc` (showing scenario `scenario`), the program's own schedule
    /// read from the kept program.
    pub fn derive(&mut self, doc: &Document, scenario: Option<&str>) -> Derived {
        let baseline = crate::baselines::active(doc);
        let program = match self.kept_for(&doc.program) {
            Some(kept) => Scheduled::of_kept(kept, baseline),
            None => Scheduled::of(&doc.program, baseline),
        };
        Derived::with_program(doc, scenario, program)
    }

    /// `f` over `program` checked and scheduled: the kept program's, with nothing checked
    /// again, when it is `program`; else (a scenario's program, or an edit behind its back)
    /// checked and scheduled afresh. Why it cannot be, if it cannot.
    pub fn with_checked<T>(
        &self,
        program: &Program,
        f: impl FnOnce(&Checked<'_>, &Schedule) -> T,
    ) -> Result<T, String> {
        if let Some(kept) = self.kept.as_ref().filter(|k| k.program() == program) {
            let schedule = kept.schedule().map_err(describe)?;
            return Ok(f(&kept.checked(), schedule));
        }
        let checked = engine::check(program).map_err(|d| describe(&d))?;
        let schedule = engine::schedule_checked(&checked).map_err(|d| describe(&d))?;
        Ok(f(&checked, &schedule))
    }

    /// The kept program, brought in step with `program` (checked in full if it was not);
    /// `None` if `program` does not check.
    fn kept_for(&mut self, program: &Program) -> Option<&KeptProgram> {
        if !self.kept.as_ref().is_some_and(|k| k.program() == program) {
            self.kept = KeptProgram::new(program.clone()).ok();
        }
        self.kept.as_ref()
    }
}
