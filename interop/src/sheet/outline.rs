//! The first pass over the rows: which are blank, each row's id and name, each row's
//! parent (its Parent cell, else by the outline levels or numbers), and so which rows are
//! tasks, parents (summary tasks, the rows under them their tasks; the topmost one names
//! their workstream) or skipped.

use std::collections::HashSet;

use super::convert::{Became, Converter, Kind, cut};
use super::mapping::Field;

/// Where a row's tasks go by their parents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Top {
    /// No parent.
    None,
    /// The topmost parent row.
    Row(usize),
    /// A parent id not in the file.
    Outside(String),
}

impl Converter<'_> {
    /// Each row's id and name; blank rows found; the rows by the ids they may be named by.
    pub(super) fn read_ids(&mut self) {
        for row in 0..self.table.len() {
            let width = self.table.width();
            if (0..width).all(|c| self.table.cell(row, c).trim().is_empty()) {
                self.kinds[row] = Kind::Blank;
            }
            if let Some((_, name)) = self.first(row, Field::Name) {
                self.names[row] = name.to_owned();
            }
        }
        self.assign_ids();
        for row in self.rows() {
            self.lookup.insert(self.ids[row].clone(), row);
        }
        for row in self.rows() {
            for (_, other) in self.all(row, Field::OtherId) {
                self.lookup.entry(other.to_owned()).or_insert(row);
            }
        }
        let note = match self.columns(Field::Id).first() {
            Some(&column) => format!(
                "task ids are the '{}' column's values",
                self.table.label(column)
            ),
            None => "task ids are row numbers (1 is the first row under the headings, as Smartsheet and MS Project number rows)".to_owned(),
        };
        self.report.note(note);
    }

    /// Each row's id: its own where it can be, then row numbers for the rest (so that a
    /// row number never takes an id a later row has).
    fn assign_ids(&mut self) {
        let mut used: HashSet<String> = HashSet::new();
        let mut unnumbered = Vec::new();
        for row in self.rows() {
            match self.own_id(row, &mut used) {
                Some(id) => self.ids[row] = id,
                None => unnumbered.push(row),
            }
        }
        for row in unnumbered {
            let id = free_id(&(row + 1).to_string(), &used);
            used.insert(id.clone());
            self.ids[row] = id;
        }
    }

    /// The non-blank rows.
    pub(super) fn rows(&self) -> Vec<usize> {
        (0..self.table.len())
            .filter(|&r| self.kinds[r] != Kind::Blank)
            .collect()
    }

    /// `row`'s ID cell when it can be the task's id and no earlier row has it.
    fn own_id(&mut self, row: usize, used: &mut HashSet<String>) -> Option<String> {
        let (column, id) = self.first(row, Field::Id)?;
        let problem = if engine::text::is_blank(id) {
            Some("an id of invisible characters".to_owned())
        } else if engine::text::too_long(id, engine::text::MAX_ID_CHARS) {
            Some(format!(
                "an id longer than {} characters",
                engine::text::MAX_ID_CHARS
            ))
        } else if used.contains(id) {
            Some(format!("'{id}' is an earlier row's id too"))
        } else {
            None
        };
        if let Some(problem) = problem {
            let id = if used.contains(id) {
                free_id(id, used)
            } else {
                free_id(&(row + 1).to_string(), used)
            };
            self.problem(
                row,
                Some(column),
                format!("{problem}: the task's id is '{id}'"),
            );
            used.insert(id.clone());
            return Some(id);
        }
        used.insert(id.to_owned());
        Some(id.to_owned())
    }

    /// Each row's parent (a row, or an id not in the file): its Parent cell, else the row
    /// its outline level or number puts it under; loops broken; each row's kind.
    pub(super) fn read_parents(&mut self) {
        let by_level = self.parents_by_level();
        for row in self.rows() {
            let Some((column, parent)) = self.first(row, Field::Parent) else {
                self.parents[row] = by_level[row];
                continue;
            };
            match self.lookup.get(parent).copied() {
                Some(found) if found == row => self.problem(
                    row,
                    Some(column),
                    "the row is its own parent: read as having none".to_owned(),
                ),
                Some(found) => self.parents[row] = Some(found),
                None => self.outside_parents[row] = Some(parent.to_owned()),
            }
        }
        self.break_parent_loops();
        self.forest = Forest::of(&self.parents, &self.outside_parents);
        for row in self.rows() {
            self.kinds[row] = if self.forest.has_children(row) {
                Kind::Parent
            } else if self.names[row].is_empty() {
                Kind::Skipped
            } else {
                Kind::Task
            };
        }
        self.parents_without_tasks();
        for row in self.rows() {
            match self.kinds[row] {
                Kind::Parent => self.describe_parent(row),
                Kind::Skipped => {
                    let column = self.columns(Field::Name).first().copied();
                    self.problem(row, column, "no name: the row is skipped".to_owned());
                }
                _ => {}
            }
        }
    }

    /// Each row's parent by the Outline level or Outline number column: the nearest row
    /// above it with a smaller level. A row without a level is under none and puts none
    /// under it.
    fn parents_by_level(&mut self) -> Vec<Option<usize>> {
        let mut parents = vec![None; self.table.len()];
        if !self.mapping.has(Field::OutlineLevel) && !self.mapping.has(Field::OutlineNumber) {
            return parents;
        }
        // The rows open above the current one: (level, row).
        let mut open: Vec<(usize, usize)> = Vec::new();
        for row in self.rows() {
            let Some(level) = self.outline_level(row) else {
                continue;
            };
            while open.last().is_some_and(|&(l, _)| l >= level) {
                open.pop();
            }
            parents[row] = open.last().map(|&(_, r)| r);
            open.push((level, row));
        }
        parents
    }

    /// `row`'s outline level: its Outline level cell (`2`), else its Outline number's
    /// count of parts (`1.2.3`: 3); a cell that is neither is a problem.
    fn outline_level(&mut self, row: usize) -> Option<usize> {
        if let Some((column, text)) = self.first(row, Field::OutlineLevel) {
            let level = text.parse::<usize>().ok();
            if level.is_none() {
                let message = format!("'{text}' is not an outline level (0, 1, 2 …): not used");
                self.problem(row, Some(column), message);
            }
            return level;
        }
        let (column, text) = self.first(row, Field::OutlineNumber)?;
        let parts: Vec<&str> = text.trim_end_matches('.').split('.').collect();
        if parts.iter().any(|p| p.trim().is_empty()) {
            let message = format!("'{text}' is not an outline number (1, 1.2, 1.2.3 …): not used");
            self.problem(row, Some(column), message);
            return None;
        }
        Some(parts.len())
    }

    /// A parent with no task under it (only rows skipped for want of a name) is a task
    /// itself, or skipped when it has no name either: a summary task has tasks. Its rows
    /// are seen before it (the walk in reverse), so a parent of parents like it follows.
    fn parents_without_tasks(&mut self) {
        for &row in self.forest.walk.iter().rev() {
            if self.kinds[row] != Kind::Parent {
                continue;
            }
            let has_task = self
                .forest
                .below(row)
                .iter()
                .any(|&r| self.kinds[r] == Kind::Task);
            if !has_task {
                self.kinds[row] = if self.names[row].is_empty() {
                    Kind::Skipped
                } else {
                    Kind::Task
                };
            }
        }
    }

    /// Cuts one parent link of every loop of parents (`A`'s parent `B`, `B`'s parent
    /// `A`), reporting it.
    fn break_parent_loops(&mut self) {
        // 0: not seen, 1: on the path being followed, 2: done.
        let mut state = vec![0u8; self.table.len()];
        for first in 0..self.table.len() {
            let mut path = Vec::new();
            let mut at = Some(first);
            while let Some(row) = at {
                match state[row] {
                    0 => {
                        state[row] = 1;
                        path.push(row);
                        at = self.parents[row];
                    }
                    1 => {
                        let Some(&last) = path.last() else { break };
                        self.parents[last] = None;
                        let column = self.columns(Field::Parent).first().copied();
                        self.problem(
                            last,
                            column,
                            "its parents go round in a loop: read as having no parent".to_owned(),
                        );
                        break;
                    }
                    _ => break,
                }
            }
            for row in path {
                state[row] = 2;
            }
        }
    }

    /// Where `row`'s tasks go by its parents.
    pub(super) fn top(&self, row: usize) -> Top {
        self.forest.tops.get(row).cloned().unwrap_or(Top::None)
    }

    /// The workstream `row`'s task goes to: its topmost parent's, else its Workstream
    /// cell's, else General.
    pub(super) fn workstream_of(&mut self, row: usize) -> String {
        let name = match self.top(row) {
            Top::Row(top) => self.parent_name(top),
            Top::Outside(id) => id,
            Top::None => self
                .first(row, Field::Workstream)
                .map_or_else(|| "General".to_owned(), |(_, w)| w.to_owned()),
        };
        self.workstream(&name)
    }

    /// A parent row's name as a workstream's: its name, else its id.
    fn parent_name(&self, row: usize) -> String {
        if self.names[row].is_empty() {
            self.ids[row].clone()
        } else {
            cut(&self.names[row])
        }
    }

    /// The workstream a parent row's summary task goes to: its topmost parent's (the one
    /// its tasks go to), or, at the top, the one named after it.
    pub(super) fn summary_workstream(&mut self, row: usize) -> String {
        let name = match self.top(row) {
            Top::None => self.parent_name(row),
            Top::Row(top) => self.parent_name(top),
            Top::Outside(id) => id,
        };
        self.workstream(&name)
    }

    /// Notes what became of parent `row`: a summary task, and the workstream of its tasks.
    fn describe_parent(&mut self, row: usize) {
        let (workstream, under) = match self.top(row) {
            Top::None => (self.parent_name(row), None),
            Top::Row(top) => (self.parent_name(top), Some(self.parent_name(top))),
            Top::Outside(id) => (id.clone(), Some(id)),
        };
        let message = match under {
            None => format!(
                "a summary task; it and the rows under it are in the workstream '{workstream}'"
            ),
            Some(top) => format!(
                "a summary task under '{top}'; it and the rows under it are in that workstream"
            ),
        };
        self.note_row(row, message);
        self.outcomes[row].became = Became::Parent { workstream };
    }

    /// Whether row `ancestor` is a parent of `row`, or a parent's parent, and so on.
    pub(super) fn is_ancestor(&self, ancestor: usize, row: usize) -> bool {
        self.forest.is_ancestor(ancestor, row)
    }

    /// The task rows under parent `row`, in row order (`row` itself if it is a task).
    pub(super) fn tasks_under(&self, row: usize) -> Vec<usize> {
        match self.kinds[row] {
            Kind::Task => vec![row],
            Kind::Parent => {
                let mut under: Vec<usize> = self
                    .forest
                    .below(row)
                    .iter()
                    .copied()
                    .filter(|&r| self.kinds[r] == Kind::Task)
                    .collect();
                under.sort_unstable();
                under
            }
            _ => Vec::new(),
        }
    }
}

/// The rows as trees of parents: each row's place in a depth-first walk (so that the
/// rows under a parent are a slice of the walk) and where its tasks go.
#[derive(Debug, Default)]
pub(super) struct Forest {
    /// The rows in depth-first order, each parent before the rows under it.
    walk: Vec<usize>,
    /// Each row's position in `walk`, and the position after the last row under it.
    enter: Vec<usize>,
    leave: Vec<usize>,
    /// Each row's [`Top`].
    tops: Vec<Top>,
}

impl Forest {
    /// The forest of `parents` (no loops); a root's parent outside the file in `outside`.
    fn of(parents: &[Option<usize>], outside: &[Option<String>]) -> Forest {
        let rows = parents.len();
        let mut children = vec![Vec::new(); rows];
        for (row, parent) in parents.iter().enumerate() {
            if let Some(parent) = parent {
                children[*parent].push(row);
            }
        }
        let mut forest = Forest {
            walk: Vec::with_capacity(rows),
            enter: vec![0; rows],
            leave: vec![0; rows],
            tops: vec![Top::None; rows],
        };
        for root in (0..rows).filter(|&r| parents[r].is_none()) {
            let outside_top = outside[root].clone().map(Top::Outside);
            forest.tops[root] = outside_top.clone().unwrap_or(Top::None);
            let below = outside_top.unwrap_or(Top::Row(root));
            forest.walk_from(root, &children, &below);
        }
        forest
    }

    /// Walks the tree under `root` (without recursion: a file may nest deep).
    fn walk_from(&mut self, root: usize, children: &[Vec<usize>], top: &Top) {
        let mut stack = vec![(root, 0usize)];
        self.enter[root] = self.walk.len();
        self.walk.push(root);
        while let Some((row, next)) = stack.pop() {
            match children[row].get(next) {
                Some(&child) => {
                    stack.push((row, next + 1));
                    self.enter[child] = self.walk.len();
                    self.walk.push(child);
                    self.tops[child] = top.clone();
                    stack.push((child, 0));
                }
                None => self.leave[row] = self.walk.len(),
            }
        }
    }

    fn has_children(&self, row: usize) -> bool {
        self.leave
            .get(row)
            .is_some_and(|&leave| leave > self.enter[row] + 1)
    }

    /// Every row under `row`, at any depth.
    fn below(&self, row: usize) -> &[usize] {
        let (Some(&enter), Some(&leave)) = (self.enter.get(row), self.leave.get(row)) else {
            return &[];
        };
        self.walk.get(enter + 1..leave).unwrap_or_default()
    }

    fn is_ancestor(&self, ancestor: usize, row: usize) -> bool {
        let (Some(&enter), Some(&leave), Some(&at)) = (
            self.enter.get(ancestor),
            self.leave.get(ancestor),
            self.enter.get(row),
        ) else {
            return false;
        };
        ancestor != row && enter < at && at < leave
    }
}

/// `id` if unused, else `id-2`, `id-3`, …: the first free.
fn free_id(id: &str, used: &HashSet<String>) -> String {
    if !used.contains(id) {
        return id.to_owned();
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !used.contains(candidate))
        .unwrap_or_else(|| id.to_owned())
}
