//! The kept program: a program checked once when it is opened, then kept checked and
//! scheduled edit by edit, without resolving every id again.
//!
//! [`KeptProgram`] owns the [`Program`], what [`crate::check`] derived from it (the ids
//! resolved to indices, each task's prepared bounds, the dependency lists, a topological
//! order, the calendars and the timeline) and its last [`Schedule`].
//! [`KeptProgram::apply`] makes a list of [`Edit`]s (all or none, as
//! [`History::apply`](crate::edit::History::apply) does) and updates those parts for what
//! each edit changed:
//!
//! * a task replaced (duration, constraint, deadline, progress, workstream, …): that task
//!   is checked and prepared again, alone, by the full check's own functions;
//! * a link added, inserted, removed or a task's predecessors replaced: the two ends are
//!   looked up, the link lists updated (a link that keeps its ends changes its type or lag
//!   in place), and the order repaired only where a new link runs against it (Pearce and
//!   Kelly's dynamic topological order), which also finds a cycle;
//! * a task inserted or removed: the indices after it move, the lists and the order follow.
//!
//! Anything else — the program's name, start, status date, finish-by date or critical-path
//! rule, its calendar, workstreams and risks; a task's summary changed; and in a program
//! with summary tasks a task inserted or removed or a link to or from a summary (the
//! outline's links follow indices and spread links) — falls back to a full check of the
//! edited program; so does any edit the quick checks find a problem with (an unknown task, a
//! duplicate link, a cycle, a bad value, a removed task a risk names …), so a refused
//! action returns exactly the diagnostics the full check gives, and the program is as it
//! was.
//!
//! Then the schedule is updated from what the edits changed (see `reschedule.rs`): the
//! forward pass from the edited tasks and links onwards, the backward pass likewise unless
//! the program end moved, the post-check for the tasks whose figures may have moved. The
//! result is the same [`Schedule`] as [`crate::schedule`] of the same program (a property
//! test holds this over random edit sequences). When the program end moves, the backward
//! pass and the post-check run in full; the whole schedule does after a full check or a
//! task inserted or removed, under the longest-path rule, and when a date leaves the
//! supported range. In a program with summary tasks, every summary is rolled up again from
//! its tasks after each update (O(T)).
//!
//! # Complexity
//!
//! For T tasks and D dependencies: [`KeptProgram::new`] is a full check and schedule,
//! O(T + D log D). Making an edit on the program is what [`Edit`] costs there (O(D) for
//! the dependency list's search and shift when links are removed or replaced). Following
//! it: a task replaced, O(1) (plus an O(T) pass over the warnings when the program has a
//! status date and some actual date after it); a link added or removed, O(T + D) to move
//! the compressed lists (a memory move, no hashing), plus, for a link against the order,
//! O(the tasks and links between its ends); a lag or type changed, O(the task's links); a
//! task inserted or removed, O(T + D). Re-scheduling costs O(A log A + their links) for
//! the A tasks whose dates move, plus O(L log L + their links) for the L tasks placed as
//! late as possible (all placed again), and O(T + D) when the program end moves.
//!
//! # Example
//!
//! ```
//! use engine::edit::Edit;
//! use engine::kept::KeptProgram;
//! use engine::{Dependency, LinkType, Program};
//! let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
//!   "workstreams": [{"id": "w", "name": "W"}],
//!   "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 2},
//!             {"id": "b", "name": "B", "workstream": "w", "duration": 3}],
//!   "dependencies": [{"from": "a", "to": "b"}]}"#;
//! let program: Program = serde_json::from_str(json).unwrap();
//! let mut kept = KeptProgram::new(program).unwrap();
//! assert_eq!(kept.schedule().unwrap().finish_offset, 5);
//! // A longer first task moves the second.
//! let mut longer = kept.program().tasks[0].clone();
//! longer.duration = 4;
//! kept.apply(&[Edit::ReplaceTask { index: 0, task: longer }]).unwrap();
//! assert_eq!(kept.schedule().unwrap().tasks[1].es, 4);
//! // A link closing a cycle is refused with the full check's diagnostics.
//! let back = Dependency { from: "b".into(), to: "a".into(), kind: LinkType::FS, lag: 0 };
//! let refused = kept.apply(&[Edit::AddDependency { dependency: back }]).unwrap_err();
//! assert_eq!(refused, engine::check(&{
//!     let mut p = kept.program().clone();
//!     p.dependencies.push(Dependency { from: "b".into(), to: "a".into(), kind: LinkType::FS, lag: 0 });
//!     p
//! }).unwrap_err());
//! assert_eq!(kept.program().dependencies.len(), 1);
//! ```

use crate::check::{Checked, Checker, Derived, Ids, check};
use crate::diagnostics::{Code, Diagnostics};
use crate::edit::{Edit, take_back};
use crate::model::{Dependency, Program, Task};
use crate::scheduler::Schedule;
use reschedule::{Scheduled, Touched};
use rustc_hash::FxHashSet;

mod outline;
mod reschedule;

/// A program kept checked and scheduled while it is open. See the [module](self) docs.
#[derive(Debug)]
pub struct KeptProgram {
    program: Program,
    derived: Derived,
    ids: Ids<Box<str>>,
    /// Each task's place in `derived.order`.
    position: Vec<u32>,
    scheduled: Scheduled,
    /// What the edits being applied changed.
    touched: Touched,
}

/// The kept parts cannot follow an edit by themselves: check the program again.
struct FullCheck;

/// The checks of a part of the program beside the plan, given which ids are tasks.
type CheckedAlone = fn(&Program, &dyn Fn(&str) -> bool) -> Vec<crate::diagnostics::Diagnostic>;

impl KeptProgram {
    /// Checks and schedules `program` in full; the diagnostics if it does not check.
    pub fn new(program: Program) -> Result<KeptProgram, Diagnostics> {
        let checked = check(&program)?;
        let scheduled = Scheduled::new(&checked);
        let (derived, ids) = checked.into_owned();
        let mut kept = KeptProgram {
            program,
            derived,
            ids,
            position: Vec::new(),
            scheduled,
            touched: Touched::default(),
        };
        kept.renumber_positions();
        Ok(kept)
    }

    /// The program as edited.
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// The program, given back (when it is closed).
    pub fn into_program(self) -> Program {
        self.program
    }

    /// The checked program, as [`crate::check`] would give it (no copy).
    pub fn checked(&self) -> Checked<'_> {
        Checked::kept(&self.program, &self.derived, &self.ids)
    }

    /// The schedule of the program as edited, or why it leaves the supported dates (E017).
    pub fn schedule(&self) -> Result<&Schedule, &Diagnostics> {
        self.scheduled.schedule.as_ref()
    }

    /// Makes `edits` in order, all or none, and schedules the result. Returns the edits
    /// that undo them (in the order to apply them), or, if an edit cannot be made or the
    /// edited program does not check, the diagnostics, with the program left as it was.
    pub fn apply(&mut self, edits: &[Edit]) -> Result<Vec<Edit>, Diagnostics> {
        let mut steps: Vec<Vec<Edit>> = Vec::with_capacity(edits.len());
        // Whether the kept parts have moved away from the program as it was.
        let mut moved = false;
        let mut following = true;
        let mut warnings_stale = false;
        for edit in edits {
            let inverse = match edit.make(&mut self.program) {
                Ok(inverse) => inverse,
                Err(refused) => return Err(self.take_back(steps, moved, refused)),
            };
            if following {
                // Replacing a task's predecessors may fail half made.
                moved |= matches!(edit, Edit::SetPredecessors { .. });
                match self.follow(edit, &inverse) {
                    Ok(stale) => {
                        moved = true;
                        warnings_stale |= stale;
                    }
                    Err(FullCheck) => following = false,
                }
            }
            steps.push(inverse);
        }
        if !following {
            if let Err(diagnostics) = self.check_in_full() {
                return Err(self.take_back(steps, moved, diagnostics));
            }
        } else if warnings_stale {
            self.refresh_warnings();
        }
        self.reschedule();
        Ok(steps.into_iter().rev().flatten().collect())
    }

    /// Takes back the edits made (`steps`: their inverses) and returns why they were
    /// refused; the parts are derived again if they `moved`.
    fn take_back(
        &mut self,
        steps: Vec<Vec<Edit>>,
        moved: bool,
        refused: Diagnostics,
    ) -> Diagnostics {
        take_back(&mut self.program, steps);
        self.touched = Touched::default();
        if moved {
            // The program as it was checked before: this succeeds.
            let _ = self.check_in_full();
        }
        refused
    }

    /// Derives every part again from the program, as on opening it; if it does not check,
    /// the diagnostics, and the parts stay as they were.
    fn check_in_full(&mut self) -> Result<(), Diagnostics> {
        (self.derived, self.ids) = check(&self.program)?.into_owned();
        self.renumber_positions();
        self.touched.all = true;
        Ok(())
    }

    fn renumber_positions(&mut self) {
        self.position = vec![0; self.derived.order.len()];
        for (place, &t) in self.derived.order.iter().enumerate() {
            self.position[t as usize] = place as u32;
        }
    }

    /// Schedules the program again after the edits (see [`reschedule`]).
    fn reschedule(&mut self) {
        let touched = std::mem::take(&mut self.touched);
        let checked = Checked::kept(&self.program, &self.derived, &self.ids);
        self.scheduled.update(&checked, &self.position, &touched);
    }

    /// Updates the kept parts for one edit already made on the program (`inverse`: what
    /// undoes it). `Ok(true)`: the warnings must be gathered again. `Err`: a full check is
    /// needed; nothing was changed (but a half-made [`Edit::SetPredecessors`]).
    fn follow(&mut self, edit: &Edit, inverse: &[Edit]) -> Result<bool, FullCheck> {
        if self.needs_full_check(edit, inverse) {
            return Err(FullCheck);
        }
        match edit {
            Edit::ReplaceTask { index, .. } => self.replace_task(*index),
            Edit::InsertTask { index, .. } => self.insert_task(*index),
            Edit::RemoveTask { index } => match inverse.first() {
                Some(Edit::InsertTask { task, .. }) => self.remove_task(*index, task),
                _ => Err(FullCheck),
            },
            Edit::RemoveTaskAt { index } => match inverse.first() {
                // Links left to or from it would name a task that is gone.
                Some(Edit::InsertTask { task, .. }) if !self.has_links(*index) => {
                    self.remove_task(*index, task)
                }
                _ => Err(FullCheck),
            },
            Edit::AddDependency { dependency } => {
                let at = self.program.dependencies.len().saturating_sub(1);
                self.add_link(at, dependency).map(|()| false)
            }
            Edit::InsertDependency { dependency, .. } => match inverse.first() {
                Some(Edit::RemoveDependencyAt { index }) => {
                    self.add_link(*index, dependency).map(|()| false)
                }
                _ => Err(FullCheck),
            },
            Edit::RemoveDependency { .. } | Edit::RemoveDependencyAt { .. } => {
                match inverse.first() {
                    Some(Edit::InsertDependency { dependency, .. }) => {
                        self.remove_link(dependency).map(|()| false)
                    }
                    _ => Err(FullCheck),
                }
            }
            Edit::SetPredecessors { task, links } => self.set_predecessors(task, links, inverse),
            // The parts beside the plan are checked alone: nothing scheduled reads them.
            Edit::SetLogs { .. } => self.alone(crate::logs::check::log_problems),
            Edit::SetBoard { .. } => self.alone(crate::board::check::board_problems),
            Edit::SetReadiness { .. } if readiness_sound(&self.program) => Ok(false),
            Edit::SetStatusDraft { .. }
            | Edit::SetStatusRules { .. }
            | Edit::PushPack { .. }
            | Edit::PopPack
                if crate::status::check::status_problems(&self.program).is_empty() =>
            {
                Ok(false)
            }
            _ => Err(FullCheck),
        }
    }

    /// A part checked alone against the tasks kept (the logs, the board: nothing scheduled
    /// reads them); any problem takes a full check (which reports it with every other).
    fn alone(&self, problems: CheckedAlone) -> Result<bool, FullCheck> {
        let tasks = &self.ids.tasks;
        match problems(&self.program, &|id| tasks.contains_key(id)).is_empty() {
            true => Ok(false),
            false => Err(FullCheck),
        }
    }

    /// Task `t`'s own checks, alone, and its prepared bounds; whether it has warnings.
    fn prepare(&self, t: usize) -> Result<(crate::check::Prepared, bool), FullCheck> {
        let task = self.program.tasks.get(t).ok_or(FullCheck)?;
        let mut checker = Checker::new(&self.program);
        checker.task_texts(t, task);
        checker.task_dates(t, task);
        let prepared =
            checker.prepare_task(t, task, &self.ids.workstreams, Some(&self.derived.timeline));
        checker.task_estimate(t, task);
        if !checker.errors.is_empty() {
            return Err(FullCheck);
        }
        Ok((prepared, !checker.warnings.is_empty()))
    }

    /// Whether the warnings must be gathered again after a task with (`warns`) or without
    /// warnings of its own changed.
    fn warnings_stale(&self, warns: bool) -> bool {
        warns
            || self
                .derived
                .warnings
                .iter()
                .any(|w| w.code == Code::ActualAfterStatusDate)
    }

    fn replace_task(&mut self, t: usize) -> Result<bool, FullCheck> {
        // Whether it is a milestone is a rule of the readiness that names it.
        let task = self.program.tasks.get(t).ok_or(FullCheck)?;
        if self.program.readiness.names_task(&task.id) {
            return Err(FullCheck);
        }
        let (prepared, warns) = self.prepare(t)?;
        let slot = self.derived.tasks.get_mut(t).ok_or(FullCheck)?;
        *slot = prepared;
        self.touched.tasks.push(t as u32);
        Ok(self.warnings_stale(warns))
    }

    fn insert_task(&mut self, t: usize) -> Result<bool, FullCheck> {
        let task = self.program.tasks.get(t).ok_or(FullCheck)?;
        if crate::text::is_blank(&task.id) || self.ids.tasks.contains_key(task.id.as_str()) {
            return Err(FullCheck);
        }
        let (prepared, warns) = self.prepare(t)?;
        let id: Box<str> = task.id.as_str().into();
        let derived = &mut self.derived;
        derived.tasks.insert(t, prepared);
        derived.predecessors.insert_task(t);
        derived.successors.insert_task(t);
        let t = t as u32;
        for place in derived.order.iter_mut().chain(self.ids.tasks.values_mut()) {
            if *place >= t {
                *place += 1;
            }
        }
        // Without links yet, it can go anywhere in the order.
        derived.order.push(t);
        self.ids.tasks.insert(id, t);
        self.renumber_positions();
        self.touched.all = true;
        Ok(self.warnings_stale(warns))
    }

    fn has_links(&self, t: usize) -> bool {
        let derived = &self.derived;
        t >= derived.tasks.len()
            || !derived.predecessors.of(t).is_empty()
            || !derived.successors.of(t).is_empty()
    }

    fn remove_task(&mut self, t: usize, removed: &Task) -> Result<bool, FullCheck> {
        let named_by_risk = self
            .program
            .risks
            .iter()
            .any(|risk| risk.tasks.contains(&removed.id))
            || self.program.logs.names_task(&removed.id)
            || self.program.readiness.names_task(&removed.id);
        if named_by_risk || t >= self.derived.tasks.len() {
            return Err(FullCheck);
        }
        let derived = &mut self.derived;
        let gone = t as u32;
        let predecessors: Vec<u32> = derived.predecessors.of(t).iter().map(|l| l.task).collect();
        let successors: Vec<u32> = derived.successors.of(t).iter().map(|l| l.task).collect();
        for p in predecessors {
            derived.successors.remove(p as usize, gone);
            derived.predecessors.remove(t, p);
        }
        for s in successors {
            derived.predecessors.remove(s as usize, gone);
            derived.successors.remove(t, s);
        }
        derived.predecessors.remove_task(t);
        derived.successors.remove_task(t);
        derived.tasks.remove(t);
        derived.order.retain(|&o| o != gone);
        self.ids.tasks.remove(removed.id.as_str());
        for place in derived.order.iter_mut().chain(self.ids.tasks.values_mut()) {
            if *place > gone {
                *place -= 1;
            }
        }
        self.renumber_positions();
        self.touched.all = true;
        Ok(self.warnings_stale(false))
    }

    /// Adds dependency `at` (already in the program) to the lists, unless the full check
    /// would find a problem with it.
    fn add_link(&mut self, at: usize, dependency: &Dependency) -> Result<(), FullCheck> {
        let (from, to, link) = self.resolve_link(at, dependency)?;
        if self.outline_link(from, to, false) {
            return Err(FullCheck);
        }
        let duplicate = self
            .derived
            .predecessors
            .of(to as usize)
            .iter()
            .any(|l| l.task == from);
        if duplicate || !self.admit_link(from, to) {
            return Err(FullCheck);
        }
        self.derived.predecessors.push(to as usize, link);
        let mut mirrored = link;
        mirrored.task = to;
        self.derived.successors.push(from as usize, mirrored);
        self.touched.links.push((from, to));
        Ok(())
    }

    /// Dependency `at` (already in the program) resolved: its ends and its link in the
    /// predecessor list, unless the full check would find a problem with it.
    fn resolve_link(
        &self,
        at: usize,
        dependency: &Dependency,
    ) -> Result<(u32, u32, crate::check::Link), FullCheck> {
        let mut checker = Checker::new(&self.program);
        checker.dependency_texts(at, dependency);
        let resolve = |id: &str| self.ids.tasks.get(id).copied();
        let (from, to) = (resolve(&dependency.from), resolve(&dependency.to));
        let pair = checker.link(at, dependency, from, to);
        match (pair, from, checker.errors.is_empty()) {
            (Some((to, link)), Some(from), true) => Ok((from, to, link)),
            _ => Err(FullCheck),
        }
    }

    fn remove_link(&mut self, dependency: &Dependency) -> Result<(), FullCheck> {
        let resolve = |id: &str| self.ids.tasks.get(id).copied().ok_or(FullCheck);
        let (from, to) = (resolve(&dependency.from)?, resolve(&dependency.to)?);
        if self.outline_link(from, to, true) {
            return Err(FullCheck);
        }
        let derived = &mut self.derived;
        if !derived.predecessors.remove(to as usize, from) {
            return Err(FullCheck);
        }
        derived.successors.remove(from as usize, to);
        self.touched.links.push((from, to));
        Ok(())
    }

    /// Replaces the links into `task`: the old ones (what `inverse` puts back) out, the new
    /// ones in. May fail half made.
    fn set_predecessors(
        &mut self,
        task: &str,
        links: &[Dependency],
        inverse: &[Edit],
    ) -> Result<bool, FullCheck> {
        let old: Vec<&Dependency> = inverse
            .iter()
            .filter_map(|edit| match edit {
                Edit::InsertDependency { dependency, .. } => Some(dependency),
                _ => None,
            })
            .collect();
        if links.iter().any(|link| link.to != task) {
            return Err(FullCheck);
        }
        // A link whose predecessor appears once before and once after keeps its place in
        // the lists (its type or lag change in place): no list moves, no order to repair.
        let once = |from: &str| {
            old.iter().filter(|d| d.from == from).count() == 1
                && links.iter().filter(|d| d.from == from).count() == 1
        };
        for dependency in old.iter().filter(|d| !once(&d.from)) {
            self.remove_link(dependency)?;
        }
        let first = self.program.dependencies.len() - links.len();
        for (i, link) in links.iter().enumerate() {
            if once(&link.from) {
                self.change_link(first + i, link)?;
            } else {
                self.add_link(first + i, link)?;
            }
        }
        Ok(false)
    }

    /// Gives the link between dependency `at`'s ends (already in the lists) its type and
    /// lag, unless the full check would find a problem with it.
    fn change_link(&mut self, at: usize, dependency: &Dependency) -> Result<(), FullCheck> {
        let (from, to, link) = self.resolve_link(at, dependency)?;
        if self.outline_link(from, to, true) {
            return Err(FullCheck);
        }
        let mut mirrored = link;
        mirrored.task = to;
        let derived = &mut self.derived;
        if !derived.predecessors.replace(to as usize, link)
            || !derived.successors.replace(from as usize, mirrored)
        {
            return Err(FullCheck);
        }
        self.touched.links.push((from, to));
        Ok(())
    }

    /// Makes the order admit a new link `from → to`, by Pearce and Kelly's dynamic
    /// topological order: nothing to do if `from` comes first; else, of the tasks placed
    /// from `to` to `from`, those `to` reaches move after those that reach `from`, keeping
    /// the places they had between them. `false`, with nothing changed, if `to` reaches
    /// `from`: the link would close a cycle. O(the tasks and links in that stretch).
    fn admit_link(&mut self, from: u32, to: u32) -> bool {
        let (low, high) = (self.position[to as usize], self.position[from as usize]);
        if high < low {
            return true;
        }
        let derived = &self.derived;
        let Some(ahead) = reach(
            to,
            |t| derived.successors.of(t),
            |t| (t != from).then_some(self.position[t as usize] < high),
        ) else {
            return false;
        };
        let behind = reach(
            from,
            |t| derived.predecessors.of(t),
            |t| Some(self.position[t as usize] > low),
        )
        .unwrap_or_default();
        let by_place = |tasks: Vec<u32>| {
            let mut tasks = tasks;
            tasks.sort_unstable_by_key(|&t| self.position[t as usize]);
            tasks
        };
        let (ahead, behind) = (by_place(ahead), by_place(behind));
        let mut places: Vec<u32> = ahead
            .iter()
            .chain(&behind)
            .map(|&t| self.position[t as usize])
            .collect();
        places.sort_unstable();
        for (&t, place) in behind.iter().chain(&ahead).zip(places) {
            self.derived.order[place as usize] = t;
            self.position[t as usize] = place;
        }
        true
    }

    /// Gathers the warnings again as the full check does: the workstreams', then each
    /// task's. O(T).
    fn refresh_warnings(&mut self) {
        let mut checker = Checker::new(&self.program);
        checker.workstreams(Some(&self.derived.timeline));
        for (t, task) in self.program.tasks.iter().enumerate() {
            checker.progress_warnings(t, task);
        }
        self.derived.warnings = checker.warnings.finish();
    }
}

/// The tasks reachable from `start` (itself included) along `links`, entering a task only
/// where `enter` says `Some(true)`; `None` as soon as `enter` says `None` (a task that must
/// not be reached).
fn reach<'a>(
    start: u32,
    links: impl Fn(usize) -> &'a [crate::check::Link],
    enter: impl Fn(u32) -> Option<bool>,
) -> Option<Vec<u32>> {
    let mut seen = FxHashSet::default();
    seen.insert(start);
    let mut stack = vec![start];
    let mut found = vec![start];
    while let Some(t) = stack.pop() {
        for link in links(t as usize) {
            let next = link.task;
            if !enter(next)? || !seen.insert(next) {
                continue;
            }
            stack.push(next);
            found.push(next);
        }
    }
    Some(found)
}

/// Whether readiness has no problem (else a full check reports it with every other).
fn readiness_sound(program: &Program) -> bool {
    crate::readiness::check_readiness(program).is_empty()
}
