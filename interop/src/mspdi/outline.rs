//! The file's outline: which rows are carried (tasks, and the summaries below the top
//! level as Planwork summary tasks), which top-level summaries become workstreams, and
//! what is under each summary.

use std::collections::{HashMap, HashSet};

use super::read::RawTask;

/// One row carried into the program, in file order.
#[derive(Clone, Copy, Debug)]
pub(super) struct Carried {
    /// The row's index in the file.
    pub(super) index: usize,
    /// The UID of its top-level summary (its workstream), if it is under one.
    pub(super) top: Option<i64>,
    /// The row of the summary task it is under, if that summary is carried (a summary
    /// below the top level); `None` when it is under a top-level one or none.
    pub(super) parent: Option<usize>,
    /// A summary task (it has carried tasks under it).
    pub(super) summary: bool,
}

/// The file's outline: the rows carried (not null, not the project's own summary row, not
/// a top-level summary, not a summary with no task under it), the summaries read, and each
/// summary's tasks.
pub(super) struct Outline {
    /// The rows carried, in file order: tasks and summaries below the top level.
    pub(super) rows: Vec<Carried>,
    /// Summary rows (indices) read, and those at the top level (the workstreams).
    pub(super) summaries: Vec<usize>,
    pub(super) top: Vec<usize>,
    /// Summaries below the top level with no task under them: not carried.
    pub(super) empty: Vec<usize>,
    /// Each summary's tasks (not summaries) at any depth, by the summary's index.
    pub(super) under: HashMap<usize, Vec<usize>>,
    /// Every summary row, the carried rows that are summaries, and those that are tasks.
    summary_rows: HashSet<usize>,
    carried_summaries: HashSet<usize>,
    tasks: HashSet<usize>,
}

impl Outline {
    pub(super) fn of(rows: &[RawTask]) -> Outline {
        let mut outline = Outline {
            rows: Vec::new(),
            summaries: Vec::new(),
            top: Vec::new(),
            empty: Vec::new(),
            under: HashMap::new(),
            summary_rows: HashSet::new(),
            carried_summaries: HashSet::new(),
            tasks: HashSet::new(),
        };
        // The summaries open above the current row: (outline level, index).
        let mut open: Vec<(i64, usize)> = Vec::new();
        for (index, row) in rows.iter().enumerate() {
            if row.null || row.outline_level <= 0 || row.uid == 0 {
                continue;
            }
            let level = row.outline_level;
            while open.last().is_some_and(|&(l, _)| l >= level) {
                open.pop();
            }
            let top = open.first().and_then(|&(_, i)| rows.get(i)).map(|t| t.uid);
            // The nearest open summary, unless it is the top-level one (a workstream).
            let parent = open.get(1..).and_then(<[_]>::last).map(|&(_, i)| i);
            if row.summary {
                outline.summaries.push(index);
                outline.summary_rows.insert(index);
                if open.is_empty() {
                    outline.top.push(index);
                } else {
                    outline.rows.push(Carried {
                        index,
                        top,
                        parent,
                        summary: true,
                    });
                }
                open.push((level, index));
                continue;
            }
            outline.rows.push(Carried {
                index,
                top,
                parent,
                summary: false,
            });
            outline.tasks.insert(index);
            for &(_, summary) in &open {
                outline.under.entry(summary).or_default().push(index);
            }
        }
        outline.drop_empty_summaries();
        outline
    }

    /// Summaries below the top level with no task under them are not carried (a Planwork
    /// summary has tasks); nothing carried is under them, since a row under one would be
    /// under its task too.
    fn drop_empty_summaries(&mut self) {
        let under = &self.under;
        let (kept, empty): (Vec<Carried>, Vec<Carried>) = self
            .rows
            .iter()
            .partition(|row| !row.summary || under.contains_key(&row.index));
        self.empty = empty.iter().map(|row| row.index).collect();
        self.rows = kept;
        self.carried_summaries = self
            .rows
            .iter()
            .filter(|row| row.summary)
            .map(|row| row.index)
            .collect();
    }

    /// The carried tasks (not summaries), with their top-level summary's UID.
    pub(super) fn leaves(&self) -> impl Iterator<Item = (usize, Option<i64>)> + '_ {
        self.rows
            .iter()
            .filter(|row| !row.summary)
            .map(|row| (row.index, row.top))
    }

    /// Whether row `index` is carried as a task (not a summary).
    pub(super) fn is_task(&self, index: usize) -> bool {
        self.tasks.contains(&index)
    }

    /// Whether row `index` is carried as a summary task.
    pub(super) fn is_carried_summary(&self, index: usize) -> bool {
        self.carried_summaries.contains(&index)
    }

    /// Whether row `index` is a summary in the file (carried, a workstream, or empty).
    pub(super) fn is_summary(&self, index: usize) -> bool {
        self.under.contains_key(&index) || self.summary_rows.contains(&index)
    }

    /// Whether one of rows `a` and `b` is under the other (a summary and a task or summary
    /// under it). The outline is a tree: when two rows are nested, the first task of the
    /// inner one is among the outer one's. O(tasks under them).
    pub(super) fn nested(&self, a: usize, b: usize) -> bool {
        let holds = |row: usize, task: Option<usize>| {
            task.is_some_and(|t| self.under.get(&row).is_some_and(|u| u.contains(&t)))
        };
        a != b && (holds(a, self.first_task(b)) || holds(b, self.first_task(a)))
    }

    /// Row `index` itself if it is a task, else a summary's first task.
    fn first_task(&self, index: usize) -> Option<usize> {
        if self.is_task(index) {
            return Some(index);
        }
        self.under.get(&index).and_then(|u| u.first()).copied()
    }

    /// The carried tasks a link end `index` stands for when spread: itself, or a
    /// summary's tasks.
    pub(super) fn tasks_of(&self, index: usize) -> Vec<usize> {
        if self.is_task(index) {
            return vec![index];
        }
        self.under.get(&index).cloned().unwrap_or_default()
    }
}
