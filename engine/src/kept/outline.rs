//! What the kept program leaves to the full check because of the outline or the resources:
//! an edit that changes a task's summary, demands or priority, inserts or removes a task
//! in an outlined program, or a link the outline spreads or holds twice.

use super::KeptProgram;
use crate::edit::Edit;

impl KeptProgram {
    /// Whether `edit` is beyond what the quick checks follow: a task's demands or priority
    /// changed (checked against the resources); or it may change the outline's links or
    /// indices: a task given another summary or made one (or no longer one), a task
    /// inserted under one; in a program with
    /// summary tasks, a task inserted or removed (the outline follows indices) and any
    /// other edit but to a task's own fields or a link (whose ends the link functions
    /// check: [`KeptProgram::outline_link`]). The full check follows those.
    pub(super) fn needs_full_check(&self, edit: &Edit, inverse: &[Edit]) -> bool {
        let outlined = !self.derived.outline.is_empty();
        match (edit, inverse.first()) {
            (Edit::ReplaceTask { task, .. }, Some(Edit::ReplaceTask { task: was, .. })) => {
                // (Demands are checked against the resources: by the full check.)
                task.parent != was.parent
                    || task.summary
                    || was.summary
                    || task.demands != was.demands
                    || task.priority != was.priority
            }
            (Edit::InsertTask { task, .. }, _) => {
                outlined || task.parent.is_some() || task.summary || !task.demands.is_empty()
            }
            (
                Edit::AddDependency { .. }
                | Edit::InsertDependency { .. }
                | Edit::RemoveDependency { .. }
                | Edit::RemoveDependencyAt { .. }
                | Edit::SetPredecessors { .. }
                | Edit::SetLogs { .. }
                | Edit::SetReadiness { .. }
                | Edit::SetStatusDraft { .. }
                | Edit::SetStatusRules { .. }
                | Edit::PushPack { .. }
                | Edit::PopPack
                | Edit::SetBoard { .. },
                _,
            ) => false,
            _ => outlined,
        }
    }

    /// Whether the link `from → to` is one the lists cannot follow by themselves in a
    /// program with summary tasks: an end is a summary (its links are spread over its
    /// tasks), or the lists hold the pair more than `once` (a link into a summary spread
    /// onto the same two tasks, which an edit of one must not take for the other).
    pub(super) fn outline_link(&self, from: u32, to: u32, once: bool) -> bool {
        if self.derived.outline.is_empty() {
            return false;
        }
        let summary = |t: u32| self.program.tasks.get(t as usize).is_none_or(|t| t.summary);
        let held = self
            .derived
            .predecessors
            .of(to as usize)
            .iter()
            .filter(|l| l.task == from)
            .count();
        summary(from) || summary(to) || held > usize::from(once)
    }
}
