//! The file's outline: which rows are tasks, which are summaries, and what is under each.

use std::collections::{HashMap, HashSet};

use super::read::RawTask;

/// The file's outline: which tasks are carried (not summaries, not null, not the project's
/// own summary row), each one's top-level summary, and each summary's carried tasks.
pub(super) struct Outline {
    /// Carried tasks (index in the file), with their top-level summary's UID if any.
    pub(super) leaves: Vec<(usize, Option<i64>)>,
    /// Summary tasks (indices), and those at the top level.
    pub(super) summaries: Vec<usize>,
    pub(super) top: Vec<usize>,
    /// Each summary's carried tasks, by the summary's index.
    pub(super) under: HashMap<usize, Vec<usize>>,
    pub(super) carried: HashSet<usize>,
}

impl Outline {
    pub(super) fn of(tasks: &[RawTask]) -> Outline {
        let mut outline = Outline {
            leaves: Vec::new(),
            summaries: Vec::new(),
            top: Vec::new(),
            under: HashMap::new(),
            carried: HashSet::new(),
        };
        // The summaries open above the current task: (outline level, index).
        let mut open: Vec<(i64, usize)> = Vec::new();
        for (index, task) in tasks.iter().enumerate() {
            if task.null || task.outline_level <= 0 || task.uid == 0 {
                continue;
            }
            let level = task.outline_level;
            while open.last().is_some_and(|&(l, _)| l >= level) {
                open.pop();
            }
            if task.summary {
                outline.summaries.push(index);
                if open.is_empty() {
                    outline.top.push(index);
                }
                open.push((level, index));
                continue;
            }
            let top = open.first().and_then(|&(_, i)| tasks.get(i)).map(|t| t.uid);
            outline.leaves.push((index, top));
            outline.carried.insert(index);
            for &(_, summary) in &open {
                outline.under.entry(summary).or_default().push(index);
            }
        }
        outline
    }

    pub(super) fn carried(&self, index: usize) -> bool {
        self.carried.contains(&index)
    }

    pub(super) fn is_summary(&self, index: usize) -> bool {
        self.under.contains_key(&index) || self.summaries.contains(&index)
    }

    /// Whether task `inner` is under summary `outer`.
    pub(super) fn within(&self, inner: usize, outer: usize) -> bool {
        self.under.get(&outer).is_some_and(|u| u.contains(&inner))
    }

    /// The carried tasks a link end `index` stands for: itself, or a summary's tasks.
    pub(super) fn leaves_of(&self, index: usize) -> Vec<usize> {
        if self.carried(index) {
            return vec![index];
        }
        self.under.get(&index).cloned().unwrap_or_default()
    }
}
