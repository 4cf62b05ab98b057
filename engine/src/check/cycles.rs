//! Naming dependency cycles: each strongly connected set of tasks, as one cycle in order.
//!
//! Only runs when the topological sort could not place every task. Tarjan's algorithm finds
//! the strongly connected components of the unplaced tasks in O(T + D); within each, a
//! breadth-first search from its first task (in file order) finds a shortest cycle through
//! it, which is what a person needs to see to break it.
//!
//! Nothing here recurses: the depth-first search keeps its own stack, so a cycle through a
//! million tasks needs a few vectors, not a million stack frames (a recursive search
//! overflowed the browser's stack at about 8,000 tasks).

use super::LinkLists;
use std::collections::{HashMap, HashSet, VecDeque};

/// One cycle per strongly connected component of more than one task, each as task indices
/// in link order, starting from the component's first task in file order.
pub(crate) fn find_cycles(
    task_count: usize,
    placed: &[u32],
    successors: &LinkLists,
) -> Vec<Vec<usize>> {
    let mut is_placed = vec![false; task_count];
    for &t in placed {
        is_placed[t as usize] = true;
    }
    let mut cycles: Vec<Vec<usize>> = components(task_count, &is_placed, successors)
        .into_iter()
        .filter(|component| component.len() > 1)
        .map(|component| shortest_cycle(&component, successors))
        .collect();
    cycles.sort();
    cycles
}

const UNSEEN: u32 = u32::MAX;

/// The state of Tarjan's search: each task's discovery index and lowest reachable index,
/// the tasks of components not yet closed, and the search path with the next link each
/// task will follow (the stack a recursive search would keep in its frames).
struct Tarjan {
    index: Vec<u32>,
    low: Vec<u32>,
    on_stack: Vec<bool>,
    stack: Vec<u32>,
    path: Vec<(u32, u32)>,
    next_index: u32,
}

impl Tarjan {
    fn enter(&mut self, t: u32) {
        self.index[t as usize] = self.next_index;
        self.low[t as usize] = self.next_index;
        self.next_index += 1;
        self.stack.push(t);
        self.on_stack[t as usize] = true;
        self.path.push((t, 0));
    }

    /// The component `t` closes, if it is its root.
    fn leave(&mut self, t: u32) -> Option<Vec<usize>> {
        if let Some(&(parent, _)) = self.path.last() {
            self.low[parent as usize] = self.low[parent as usize].min(self.low[t as usize]);
        }
        if self.low[t as usize] != self.index[t as usize] {
            return None;
        }
        let mut component = Vec::new();
        while let Some(member) = self.stack.pop() {
            self.on_stack[member as usize] = false;
            component.push(member as usize);
            if member == t {
                break;
            }
        }
        Some(component)
    }
}

/// The strongly connected components of the tasks not `left_out`, by Tarjan's algorithm
/// with an explicit stack. O(T + D).
fn components(task_count: usize, left_out: &[bool], successors: &LinkLists) -> Vec<Vec<usize>> {
    let mut search = Tarjan {
        index: vec![UNSEEN; task_count],
        low: vec![0; task_count],
        on_stack: vec![false; task_count],
        stack: Vec::new(),
        path: Vec::new(),
        next_index: 0,
    };
    let mut found = Vec::new();
    for root in 0..task_count {
        if left_out[root] || search.index[root] != UNSEEN {
            continue;
        }
        search.enter(root as u32);
        while let Some(&mut (t, ref mut next)) = search.path.last_mut() {
            let link = successors.of(t as usize).get(*next as usize);
            *next += 1;
            match link.map(|link| link.task) {
                Some(s) if left_out[s as usize] => {}
                Some(s) if search.index[s as usize] == UNSEEN => search.enter(s),
                Some(s) => {
                    if search.on_stack[s as usize] {
                        search.low[t as usize] =
                            search.low[t as usize].min(search.index[s as usize]);
                    }
                }
                None => {
                    search.path.pop();
                    found.extend(search.leave(t));
                }
            }
        }
    }
    found
}

/// A shortest cycle through the first (lowest-index) member, staying inside the component.
fn shortest_cycle(members: &[usize], successors: &LinkLists) -> Vec<usize> {
    let first = members.iter().copied().min().unwrap_or_default();
    let inside: HashSet<usize> = members.iter().copied().collect();
    let mut parent: HashMap<usize, usize> = HashMap::new();
    let mut queue = VecDeque::from([first]);
    while let Some(t) = queue.pop_front() {
        for link in successors.of(t) {
            let s = link.task as usize;
            if s == first {
                return path_back(first, t, &parent);
            }
            if inside.contains(&s) && !parent.contains_key(&s) {
                parent.insert(s, t);
                queue.push_back(s);
            }
        }
    }
    members.to_vec()
}

/// The path from `first` to `last` recorded in `parent`, in order.
fn path_back(first: usize, last: usize, parent: &HashMap<usize, usize>) -> Vec<usize> {
    let mut cycle = vec![last];
    let mut at = last;
    while at != first {
        match parent.get(&at) {
            Some(&p) => at = p,
            None => break,
        }
        cycle.push(at);
    }
    cycle.reverse();
    cycle
}
