//! Naming dependency cycles: each strongly connected set of tasks, as one cycle in order.
//!
//! Only runs when the topological sort could not place every task. Tarjan's algorithm
//! (petgraph) finds the strongly connected components of the unplaced tasks in O(T + D);
//! within each, a breadth-first search from its first task (in file order) finds a shortest
//! cycle through it, which is what a person needs to see to break it.

use crate::check::LinkLists;
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
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
    let mut graph = DiGraph::<usize, ()>::new();
    let mut node = vec![NodeIndex::end(); task_count];
    for t in (0..task_count).filter(|&t| !is_placed[t]) {
        node[t] = graph.add_node(t);
    }
    for t in (0..task_count).filter(|&t| !is_placed[t]) {
        for link in successors.of(t) {
            let s = link.task as usize;
            if !is_placed[s] {
                graph.add_edge(node[t], node[s], ());
            }
        }
    }
    let mut cycles: Vec<Vec<usize>> = tarjan_scc(&graph)
        .into_iter()
        .filter(|component| component.len() > 1)
        .map(|component| {
            let members: Vec<usize> = component.iter().map(|&n| graph[n]).collect();
            shortest_cycle(&members, successors)
        })
        .collect();
    cycles.sort();
    cycles
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
