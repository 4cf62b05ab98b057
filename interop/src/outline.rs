//! The outline of a program's tasks as a tree: the tasks under each summary task, the
//! tasks under none, and a walk of it in outline order (a summary task followed by the
//! tasks under it) with each task's place (`2.1`) — for the files that write the outline.

use std::collections::HashMap;

use engine::Program;

/// A task's place in the outline, in a walk of it (each task before the tasks under it).
pub(crate) struct Placed {
    /// The task's index in the program.
    pub index: usize,
    /// Its place level by level: `[2]` for the second top-level task, `[2, 1]` for the
    /// first task under it.
    pub path: Vec<usize>,
    /// The position in the walk after the last task under it (its own position + 1 when
    /// none is: it is no summary).
    pub end: usize,
}

impl Placed {
    /// `2.1`: its outline number.
    pub fn number(&self) -> String {
        let places: Vec<String> = self.path.iter().map(ToString::to_string).collect();
        places.join(".")
    }
}

/// The outline of a program's tasks: the tasks under each task, and the tasks under none.
pub(crate) struct Tree {
    children: Vec<Vec<usize>>,
    /// The tasks under no task (or under an unknown one), in the program's order; then
    /// any task the walk from them never reaches (a loop of parents, which the checks
    /// refuse), so that every task is written once.
    pub roots: Vec<usize>,
}

impl Tree {
    pub fn of(program: &Program) -> Tree {
        let index: HashMap<&str, usize> = program
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let mut tree = Tree {
            children: vec![Vec::new(); program.tasks.len()],
            roots: Vec::new(),
        };
        for (i, task) in program.tasks.iter().enumerate() {
            match task.parent.as_deref().and_then(|p| index.get(p)) {
                Some(&parent) if parent != i => tree.children[parent].push(i),
                _ => tree.roots.push(i),
            }
        }
        let mut reached = vec![false; program.tasks.len()];
        let mut scratch = Vec::new();
        for root in tree.roots.clone() {
            tree.place(root, 1, &mut reached, &mut scratch);
        }
        for i in 0..program.tasks.len() {
            if !reached[i] {
                tree.roots.push(i);
                tree.place(i, 1, &mut reached, &mut scratch);
            }
        }
        tree
    }

    /// Every task in outline order, the tasks under none numbered 1, 2, … in the
    /// program's order.
    pub fn walk(&self) -> Vec<Placed> {
        let mut placed = vec![false; self.children.len()];
        let mut rows = Vec::with_capacity(self.children.len());
        let mut number = 0;
        for &root in &self.roots {
            // A task of a loop of parents may already be under another.
            if !placed[root] {
                number += 1;
                self.place(root, number, &mut placed, &mut rows);
            }
        }
        rows
    }

    /// Appends to `rows` task `root` (the `number`th row at its level) and the tasks under
    /// it, depth first, each once (`placed`). Without recursion: an outline may be deep.
    pub fn place(&self, root: usize, number: usize, placed: &mut [bool], rows: &mut Vec<Placed>) {
        let start = rows.len();
        placed[root] = true;
        rows.push(Placed {
            index: root,
            path: vec![number],
            end: 0,
        });
        // (position in `rows`, next child to look at, children placed so far)
        let mut stack = vec![(start, 0usize, 0usize)];
        while let Some((at, next, count)) = stack.last_mut() {
            let at = *at;
            let children = &self.children[rows[at].index];
            match children.get(*next) {
                None => {
                    rows[at].end = rows.len();
                    stack.pop();
                }
                Some(&child) => {
                    *next += 1;
                    if placed[child] {
                        continue;
                    }
                    placed[child] = true;
                    *count += 1;
                    let mut path = rows[at].path.clone();
                    path.push(*count);
                    rows.push(Placed {
                        index: child,
                        path,
                        end: 0,
                    });
                    stack.push((rows.len() - 1, 0, 0));
                }
            }
        }
    }
}
