//! What changed between two versions of a program, counted and said in plain words —
//! "5 tasks removed", "1 task changed, 2 links added" — for confirmations after a paste,
//! an undo or a redo.
//!
//! Tasks are matched by id, links by (from, to). O(n) in tasks and links (hash maps).
//!
//! ```
//! use engine::changes::ChangeSummary;
//! use engine::{Program, Task};
//! let before = Program::default();
//! let mut after = before.clone();
//! after.tasks.push(Task { id: "1".into(), name: "A".into(), workstream: "w".into(), duration: 1, ..Task::default() });
//! assert_eq!(ChangeSummary::between(&before, &after).words(), "1 task added");
//! ```

use std::collections::{HashMap, HashSet};

use crate::model::{Program, Task};

/// Counts of what differs from one program to another.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChangeSummary {
    pub tasks_added: usize,
    pub tasks_removed: usize,
    pub tasks_changed: usize,
    pub links_added: usize,
    pub links_removed: usize,
    pub links_changed: usize,
    /// The program's settings, calendar, workstreams or risks.
    pub settings_changed: bool,
    /// The first of the parts kept beside the plan that changed: "logs", "readiness",
    /// "status book", "board".
    pub part_changed: Option<&'static str>,
}

impl ChangeSummary {
    /// What changed from `before` to `after`.
    pub fn between(before: &Program, after: &Program) -> ChangeSummary {
        let old: HashMap<&str, &Task> = before.tasks.iter().map(|t| (t.id.as_str(), t)).collect();
        let new: HashSet<&str> = after.tasks.iter().map(|t| t.id.as_str()).collect();
        let mut summary = ChangeSummary::default();
        for task in &after.tasks {
            match old.get(task.id.as_str()) {
                None => summary.tasks_added += 1,
                Some(was) if *was != task => summary.tasks_changed += 1,
                Some(_) => {}
            }
        }
        summary.tasks_removed = before
            .tasks
            .iter()
            .filter(|t| !new.contains(t.id.as_str()))
            .count();
        let links = |p: &Program| -> HashMap<(String, String), (crate::LinkType, i64)> {
            p.dependencies
                .iter()
                .map(|d| ((d.from.clone(), d.to.clone()), (d.kind, d.lag)))
                .collect()
        };
        let (was, now) = (links(before), links(after));
        for (key, value) in &now {
            match was.get(key) {
                None => summary.links_added += 1,
                Some(old) if old != value => summary.links_changed += 1,
                Some(_) => {}
            }
        }
        summary.links_removed = was.keys().filter(|k| !now.contains_key(*k)).count();
        summary.settings_changed = before.program != after.program
            || before.calendar != after.calendar
            || before.workstreams != after.workstreams
            || before.risks != after.risks;
        summary.part_changed = [
            (before.logs != after.logs, "logs"),
            (before.readiness != after.readiness, "readiness"),
            (before.status != after.status, "status book"),
            (before.board != after.board, "board"),
        ]
        .into_iter()
        .find_map(|(changed, part)| changed.then_some(part));
        summary
    }

    /// Whether nothing differs.
    pub fn is_empty(&self) -> bool {
        *self == ChangeSummary::default()
    }

    /// How many tasks and links it touches.
    pub fn size(&self) -> usize {
        self.tasks_added
            + self.tasks_removed
            + self.tasks_changed
            + self.links_added
            + self.links_removed
            + self.links_changed
    }

    /// In words, the counts that are not zero: "5 tasks removed, 1 link added"; "" if none.
    pub fn words(&self) -> String {
        let parts = [
            (self.tasks_added, "task", "added"),
            (self.tasks_removed, "task", "removed"),
            (self.tasks_changed, "task", "changed"),
            (self.links_added, "link", "added"),
            (self.links_removed, "link", "removed"),
            (self.links_changed, "link", "changed"),
        ];
        let mut out: Vec<String> = parts
            .iter()
            .filter(|(n, _, _)| *n > 0)
            .map(|&(n, noun, verb)| {
                let s = if n == 1 { "" } else { "s" };
                format!("{n} {noun}{s} {verb}")
            })
            .collect();
        if self.settings_changed {
            out.push("a change to the program's settings".into());
        }
        if let Some(part) = self.part_changed {
            out.push(format!("a change to the {part}"));
        }
        out.join(", ")
    }
}
