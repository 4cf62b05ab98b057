//! Editing a program: one user action is a list of [`Edit`]s, made together or not at all,
//! and undoable.
//!
//! [`History::apply`] makes an action's edits, then checks the whole program; if the check
//! finds an error (an unknown predecessor, a link that closes a cycle, a negative duration …)
//! it takes every edit back and returns the diagnostics, so a refused edit never changes the
//! plan. Each edit, when made, yields its inverse; an action's inverses are its undo step.
//! The history is plain data: no signals, no clock.
//!
//! ```
//! use engine::edit::{Edit, History};
//! use engine::{Dependency, LinkType, Program};
//! let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
//!   "workstreams": [{"id": "w", "name": "W"}],
//!   "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 2},
//!             {"id": "b", "name": "B", "workstream": "w", "duration": 3}],
//!   "dependencies": [{"from": "a", "to": "b"}]}"#;
//! let mut program: Program = serde_json::from_str(json).unwrap();
//! let original = program.clone();
//! let mut history = History::default();
//! // Closing a cycle is refused, and nothing changes.
//! let cycle = Edit::AddDependency { dependency: Dependency { from: "b".into(), to: "a".into(), kind: LinkType::FS, lag: 0 } };
//! assert!(history.apply(&mut program, vec![cycle]).is_err());
//! assert_eq!(program, original);
//! // A re-estimate is made, undone and redone.
//! let mut longer = program.tasks[1].clone();
//! longer.duration = 8;
//! history.apply(&mut program, vec![Edit::ReplaceTask { index: 1, task: longer }]).unwrap();
//! assert!(history.undo(&mut program));
//! assert_eq!(program, original);
//! assert!(history.redo(&mut program));
//! assert_eq!(program.tasks[1].duration, 8);
//! ```

use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::kept::KeptProgram;
use crate::model::{
    Calendar, Dependency, Logs, Program, ProgramInfo, Readiness, Resource, Risk, Task, Workstream,
};
use serde::{Deserialize, Serialize};

/// One change to a program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum Edit {
    /// Replace the task at `index` (its name, duration, workstream, constraint …). Its id
    /// stays: links and scenarios refer to it.
    ReplaceTask { index: usize, task: Task },
    /// Insert a task at `index` (0 to the number of tasks).
    InsertTask { index: usize, task: Task },
    /// Remove the task at `index` and every link to or from it.
    RemoveTask { index: usize },
    /// Remove the task at `index` and nothing else (what undoing an insertion needs: links
    /// to it were added by edits of their own, which their own inverses take back; and an
    /// insert refused for a used id must not take the first task's links).
    RemoveTaskAt { index: usize },
    /// Add a link (appended to the program's dependencies).
    AddDependency { dependency: Dependency },
    /// Remove the link `from → to`.
    RemoveDependency { from: String, to: String },
    /// Insert a link at a position of the dependency list (what undoing a removal needs).
    InsertDependency {
        index: usize,
        dependency: Dependency,
    },
    /// Remove the link at a position of the dependency list (what undoing an addition needs).
    RemoveDependencyAt { index: usize },
    /// Replace every link into `task` with `links` (the predecessors cell).
    SetPredecessors {
        task: String,
        links: Vec<Dependency>,
    },
    /// Replace the program's name, start, status date, committed finish and critical-path
    /// rule.
    SetProgramInfo { info: ProgramInfo },
    /// Replace the program calendar (working weekdays and holidays).
    SetCalendar { calendar: Calendar },
    /// Insert a workstream at `index` (0 to the number of workstreams).
    InsertWorkstream {
        index: usize,
        workstream: Workstream,
    },
    /// Replace the workstream at `index` (its name, calendar, colour). Its id stays: tasks
    /// refer to it.
    ReplaceWorkstream {
        index: usize,
        workstream: Workstream,
    },
    /// Remove the workstream at `index`. Refused by the check that follows if a task still
    /// names it (see [`crate::workstreams::remove_workstream`] to move its tasks first).
    RemoveWorkstream { index: usize },
    /// Move the workstream at `from` so that it ends up at `to` (the order of rows).
    MoveWorkstream { from: usize, to: usize },
    /// Insert a risk at `index` (0 to the number of risks).
    InsertRisk { index: usize, risk: Risk },
    /// Replace the risk at `index`.
    ReplaceRisk { index: usize, risk: Risk },
    /// Remove the risk at `index`.
    RemoveRisk { index: usize },
    /// Insert a resource at `index` (0 to the number of resources).
    InsertResource { index: usize, resource: Resource },
    /// Replace the resource at `index` (its name, capacity, calendar, availability). Its id
    /// stays: demands refer to it.
    ReplaceResource { index: usize, resource: Resource },
    /// Remove the resource at `index`. Refused by the check that follows if a task still
    /// demands it (see [`crate::resources::remove_resource`] to take the demands off first).
    RemoveResource { index: usize },
    /// Replace the program's logs (assumptions, issues, cross-team dependencies, decisions,
    /// change requests, charter) whole: the one way to change a log item, so that undo
    /// works alike for all of them. [`crate::logs::edit`] builds it for one item.
    SetLogs { logs: Logs },
    /// Replace the program's readiness (checklists, templates, go/no-go records, runbooks,
    /// reviews) whole: the one way to change it, so that undo works alike for all of it.
    /// [`crate::readiness::edit`] builds it for one action.
    SetReadiness { readiness: Readiness },
    /// Replace the status book's draft (its status date, narrative and overrides). The
    /// status book's edits touch one part each, so that undo keeps no copy of the packs
    /// issued; [`crate::status::edit`] builds them. Boxed, as the next three: large edits.
    SetStatusDraft {
        draft: Box<crate::status::model::Draft>,
    },
    /// Replace the status book's rules (thresholds, KPI targets, health thresholds).
    SetStatusRules {
        rules: Box<crate::status::model::Rules>,
    },
    /// Add an issued pack after the others.
    PushPack { pack: Box<crate::status::Pack> },
    /// Take the last issued pack off (undoes [`Edit::PushPack`]).
    PopPack,
    /// Replace the program board (its interval, the PI objectives) whole: the one way to
    /// change it. [`crate::board::edit`] builds it for one action. Boxed: a large edit.
    SetBoard { board: Box<crate::board::Board> },
}

/// Why an edit could not even be attempted.
fn refused(message: String) -> Diagnostics {
    Diagnostics(vec![Diagnostic::new(
        Code::InvalidEdit,
        "edit",
        vec![],
        message,
    )])
}

impl Edit {
    /// Makes the edit; returns the edits that undo it, in the order to apply them.
    pub(crate) fn make(&self, program: &mut Program) -> Result<Vec<Edit>, Diagnostics> {
        let tasks = program.tasks.len();
        match self {
            Edit::ReplaceTask { index, task } => {
                let slot = program
                    .tasks
                    .get_mut(*index)
                    .ok_or_else(|| refused(format!("there is no task at row {index}")))?;
                if slot.id != task.id {
                    return Err(refused(format!(
                        "task '{}' cannot become '{}': ids do not change",
                        slot.id, task.id
                    )));
                }
                let old = std::mem::replace(slot, task.clone());
                Ok(vec![Edit::ReplaceTask {
                    index: *index,
                    task: old,
                }])
            }
            Edit::InsertTask { index, task } => {
                if *index > tasks {
                    return Err(refused(format!(
                        "row {index} is past the end ({tasks} tasks)"
                    )));
                }
                program.tasks.insert(*index, task.clone());
                Ok(vec![Edit::RemoveTaskAt { index: *index }])
            }
            Edit::RemoveTask { index } => {
                if *index >= tasks {
                    return Err(refused(format!("there is no task at row {index}")));
                }
                let task = program.tasks.remove(*index);
                let mut undo = vec![Edit::InsertTask {
                    index: *index,
                    task: task.clone(),
                }];
                let mut kept = Vec::with_capacity(program.dependencies.len());
                for (i, dep) in std::mem::take(&mut program.dependencies)
                    .into_iter()
                    .enumerate()
                {
                    if dep.from == task.id || dep.to == task.id {
                        undo.push(Edit::InsertDependency {
                            index: i,
                            dependency: dep,
                        });
                    } else {
                        kept.push(dep);
                    }
                }
                program.dependencies = kept;
                Ok(undo)
            }
            Edit::RemoveTaskAt { index } => {
                if *index >= tasks {
                    return Err(refused(format!("there is no task at row {index}")));
                }
                let task = program.tasks.remove(*index);
                Ok(vec![Edit::InsertTask {
                    index: *index,
                    task,
                }])
            }
            Edit::AddDependency { dependency } => {
                program.dependencies.push(dependency.clone());
                Ok(vec![Edit::RemoveDependencyAt {
                    index: program.dependencies.len() - 1,
                }])
            }
            Edit::InsertDependency { index, dependency } => {
                let at = (*index).min(program.dependencies.len());
                program.dependencies.insert(at, dependency.clone());
                Ok(vec![Edit::RemoveDependencyAt { index: at }])
            }
            Edit::RemoveDependencyAt { index } => {
                if *index >= program.dependencies.len() {
                    return Err(refused(format!("there is no link at position {index}")));
                }
                let dependency = program.dependencies.remove(*index);
                Ok(vec![Edit::InsertDependency {
                    index: *index,
                    dependency,
                }])
            }
            Edit::RemoveDependency { from, to } => {
                let at = program
                    .dependencies
                    .iter()
                    .position(|d| &d.from == from && &d.to == to)
                    .ok_or_else(|| refused(format!("there is no link {from} → {to}")))?;
                let dependency = program.dependencies.remove(at);
                Ok(vec![Edit::InsertDependency {
                    index: at,
                    dependency,
                }])
            }
            Edit::SetPredecessors { task, links } => {
                if let Some(other) = links.iter().find(|d| &d.to != task) {
                    return Err(refused(format!(
                        "a predecessor of '{task}' must link into it, not into '{}'",
                        other.to
                    )));
                }
                // Undo: remove the new links (appended last, so from the end), then put the
                // old ones back where they were (ascending positions restore the list).
                // Taken out in place: the links before the first one into `task` stay put.
                let mut positions = Vec::new();
                let mut at = 0;
                let removed: Vec<Dependency> = program
                    .dependencies
                    .extract_if(.., |dep| {
                        let into = &dep.to == task;
                        if into {
                            positions.push(at);
                        }
                        at += 1;
                        into
                    })
                    .collect();
                let mut undo: Vec<Edit> = positions
                    .into_iter()
                    .zip(removed)
                    .map(|(index, dependency)| Edit::InsertDependency { index, dependency })
                    .collect();
                let appended = program.dependencies.len();
                program.dependencies.extend(links.iter().cloned());
                let removals = (appended..appended + links.len())
                    .rev()
                    .map(|index| Edit::RemoveDependencyAt { index });
                undo.splice(0..0, removals);
                Ok(undo)
            }
            Edit::SetProgramInfo { info } => {
                let old = std::mem::replace(&mut program.program, info.clone());
                Ok(vec![Edit::SetProgramInfo { info: old }])
            }
            Edit::SetCalendar { calendar } => {
                let old = std::mem::replace(&mut program.calendar, calendar.clone());
                Ok(vec![Edit::SetCalendar { calendar: old }])
            }
            Edit::InsertWorkstream { index, workstream } => {
                insert_at(&mut program.workstreams, *index, workstream, "workstream")?;
                Ok(vec![Edit::RemoveWorkstream { index: *index }])
            }
            Edit::ReplaceWorkstream { index, workstream } => {
                let slot = item_at(&mut program.workstreams, *index, "workstream")?;
                if slot.id != workstream.id {
                    return Err(refused(format!(
                        "workstream '{}' cannot become '{}': ids do not change",
                        slot.id, workstream.id
                    )));
                }
                let old = std::mem::replace(slot, workstream.clone());
                Ok(vec![Edit::ReplaceWorkstream {
                    index: *index,
                    workstream: old,
                }])
            }
            Edit::RemoveWorkstream { index } => {
                item_at(&mut program.workstreams, *index, "workstream")?;
                let workstream = program.workstreams.remove(*index);
                Ok(vec![Edit::InsertWorkstream {
                    index: *index,
                    workstream,
                }])
            }
            Edit::MoveWorkstream { from, to } => {
                let count = program.workstreams.len();
                if *from >= count || *to >= count {
                    return Err(refused(format!(
                        "cannot move workstream {from} to {to}: there are {count}"
                    )));
                }
                let workstream = program.workstreams.remove(*from);
                program.workstreams.insert(*to, workstream);
                Ok(vec![Edit::MoveWorkstream {
                    from: *to,
                    to: *from,
                }])
            }
            Edit::InsertRisk { index, risk } => {
                insert_at(&mut program.risks, *index, risk, "risk")?;
                Ok(vec![Edit::RemoveRisk { index: *index }])
            }
            Edit::ReplaceRisk { index, risk } => {
                let old =
                    std::mem::replace(item_at(&mut program.risks, *index, "risk")?, risk.clone());
                Ok(vec![Edit::ReplaceRisk {
                    index: *index,
                    risk: old,
                }])
            }
            Edit::RemoveRisk { index } => {
                item_at(&mut program.risks, *index, "risk")?;
                let risk = program.risks.remove(*index);
                Ok(vec![Edit::InsertRisk {
                    index: *index,
                    risk,
                }])
            }
            Edit::InsertResource { index, resource } => {
                insert_at(&mut program.resources, *index, resource, "resource")?;
                Ok(vec![Edit::RemoveResource { index: *index }])
            }
            Edit::ReplaceResource { index, resource } => {
                let slot = item_at(&mut program.resources, *index, "resource")?;
                if slot.id != resource.id {
                    return Err(refused(format!(
                        "resource '{}' cannot become '{}': ids do not change",
                        slot.id, resource.id
                    )));
                }
                let old = std::mem::replace(slot, resource.clone());
                Ok(vec![Edit::ReplaceResource {
                    index: *index,
                    resource: old,
                }])
            }
            Edit::RemoveResource { index } => {
                item_at(&mut program.resources, *index, "resource")?;
                let resource = program.resources.remove(*index);
                Ok(vec![Edit::InsertResource {
                    index: *index,
                    resource,
                }])
            }
            Edit::SetLogs { logs } => {
                let old = std::mem::replace(&mut program.logs, logs.clone());
                Ok(vec![Edit::SetLogs { logs: old }])
            }
            Edit::SetReadiness { readiness } => {
                let old = std::mem::replace(&mut program.readiness, readiness.clone());
                Ok(vec![Edit::SetReadiness { readiness: old }])
            }
            Edit::SetStatusDraft { draft } => {
                let old = std::mem::replace(&mut program.status.draft, (**draft).clone());
                Ok(vec![Edit::SetStatusDraft {
                    draft: Box::new(old),
                }])
            }
            Edit::SetStatusRules { rules } => {
                let old = std::mem::replace(&mut program.status.rules, (**rules).clone());
                Ok(vec![Edit::SetStatusRules {
                    rules: Box::new(old),
                }])
            }
            Edit::SetBoard { board } => {
                let old = std::mem::replace(&mut program.board, (**board).clone());
                Ok(vec![Edit::SetBoard {
                    board: Box::new(old),
                }])
            }
            Edit::PushPack { pack } => {
                program.status.packs.push((**pack).clone());
                Ok(vec![Edit::PopPack])
            }
            Edit::PopPack => {
                let pack = program
                    .status
                    .packs
                    .pop()
                    .ok_or_else(|| refused("there is no issued pack to take back".into()))?;
                Ok(vec![Edit::PushPack {
                    pack: Box::new(pack),
                }])
            }
        }
    }
}

/// The item at `index` of a list, or why there is none (`what`: the kind of item).
fn item_at<'a, T>(items: &'a mut [T], index: usize, what: &str) -> Result<&'a mut T, Diagnostics> {
    let count = items.len();
    items.get_mut(index).ok_or_else(|| {
        refused(format!(
            "there is no {what} at position {index} ({count} in all)"
        ))
    })
}

/// Inserts a copy of `item` at `index` (0 to the length), or says why it cannot.
fn insert_at<T: Clone>(
    items: &mut Vec<T>,
    index: usize,
    item: &T,
    what: &str,
) -> Result<(), Diagnostics> {
    if index > items.len() {
        return Err(refused(format!(
            "position {index} is past the end ({} {what}s)",
            items.len()
        )));
    }
    items.insert(index, item.clone());
    Ok(())
}

/// Makes `edits` in order; on any failure takes back those made. Returns the undo step.
fn make_all(program: &mut Program, edits: &[Edit]) -> Result<Vec<Edit>, Diagnostics> {
    let mut steps: Vec<Vec<Edit>> = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.make(program) {
            Ok(inverse) => steps.push(inverse),
            Err(error) => {
                take_back(program, steps);
                return Err(error);
            }
        }
    }
    // Undoing runs the last edit's inverse first.
    Ok(steps.into_iter().rev().flatten().collect())
}

/// Applies inverse steps (each step's edits in order, last step first).
pub(crate) fn take_back(program: &mut Program, steps: Vec<Vec<Edit>>) {
    for step in steps.into_iter().rev() {
        for edit in step {
            // An inverse always fits the program it was made from.
            let _ = edit.make(program);
        }
    }
}

/// Undo and redo of user actions. Serialisable (the actions and their exact inverses): the
/// app keeps the recent steps across a reload.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// For each action done: (the action, the edits that undo it).
    done: Vec<(Vec<Edit>, Vec<Edit>)>,
    undone: Vec<(Vec<Edit>, Vec<Edit>)>,
}

/// Actions kept for undo; older ones are forgotten.
pub const UNDO_LIMIT: usize = 500;

impl History {
    /// Makes one user action's edits, or none of them: the program must still check (no
    /// cycle, no unknown task, …) afterwards, else every edit is taken back and the
    /// diagnostics say why. A done action clears the redo list.
    pub fn apply(&mut self, program: &mut Program, action: Vec<Edit>) -> Result<(), Diagnostics> {
        let undo = make_all(program, &action)?;
        if let Err(diagnostics) = crate::check(program) {
            let _ = make_all(program, &undo);
            return Err(diagnostics);
        }
        self.record(action, undo);
        Ok(())
    }

    /// [`History::apply`] on a kept program: the same edits made or refused with the same
    /// diagnostics, the kept program checked and scheduled incrementally
    /// ([`KeptProgram::apply`]).
    pub fn apply_kept(
        &mut self,
        kept: &mut KeptProgram,
        action: Vec<Edit>,
    ) -> Result<(), Diagnostics> {
        let undo = kept.apply(&action)?;
        self.record(action, undo);
        Ok(())
    }

    /// [`History::apply`] of an action already accepted on an identical program (its kept
    /// copy: [`KeptProgram::apply`] checked it): the edits are made without checking the
    /// whole program again. The caller vouches for the check; an edit that cannot be made
    /// at all (a position past the end) is still refused, and nothing changes.
    pub fn apply_prechecked(
        &mut self,
        program: &mut Program,
        action: Vec<Edit>,
    ) -> Result<(), Diagnostics> {
        let undo = make_all(program, &action)?;
        self.record(action, undo);
        Ok(())
    }

    /// A done action and its undo; clears the redo list.
    fn record(&mut self, action: Vec<Edit>, undo: Vec<Edit>) {
        self.done.push((action, undo));
        if self.done.len() > UNDO_LIMIT {
            self.done.remove(0);
        }
        self.undone.clear();
    }

    /// [`History::undo`] on a kept program.
    pub fn undo_kept(&mut self, kept: &mut KeptProgram) -> bool {
        let Some((action, undo)) = self.done.pop() else {
            return false;
        };
        let _ = kept.apply(&undo);
        self.undone.push((action, undo));
        true
    }

    /// [`History::redo`] on a kept program.
    pub fn redo_kept(&mut self, kept: &mut KeptProgram) -> bool {
        let Some((action, _)) = self.undone.pop() else {
            return false;
        };
        match kept.apply(&action) {
            Ok(undo) => {
                self.done.push((action, undo));
                true
            }
            Err(_) => false,
        }
    }

    /// Undoes the last action; `false` if there is none.
    pub fn undo(&mut self, program: &mut Program) -> bool {
        let Some((action, undo)) = self.done.pop() else {
            return false;
        };
        let _ = make_all(program, &undo);
        self.undone.push((action, undo));
        true
    }

    /// Redoes the last undone action; `false` if there is none.
    pub fn redo(&mut self, program: &mut Program) -> bool {
        let Some((action, _)) = self.undone.pop() else {
            return false;
        };
        match make_all(program, &action) {
            Ok(undo) => {
                self.done.push((action, undo));
                true
            }
            Err(_) => false,
        }
    }

    /// Forgets the undone actions: another kind of change was made after them, so they can
    /// no longer be redone (the app's own history calls this).
    pub fn clear_redo(&mut self) {
        self.undone.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
}
