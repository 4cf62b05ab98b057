//! How good a schedule is: a key compared lexicographically, lower is better.

use super::instance::Instance;

/// Over capacity, then lateness, then finish, then priority (derived `Ord` compares the
/// fields in this order).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Score {
    /// Tasks placed over capacity because no day would ever have room.
    pub overloaded: u32,
    /// Days started beyond the deadlines, summed over tasks.
    pub lateness: i64,
    /// The latest finish of any task.
    pub finish: i64,
    /// The summed starts of each priority class, highest first (empty with one class).
    pub priority: Vec<i64>,
}

impl Score {
    pub fn of(instance: &Instance, starts: &[i64], overloaded: u32) -> Score {
        let mut finish = instance.pinned_finish;
        let mut lateness = 0;
        for &task in &instance.free {
            let task = task as usize;
            let start = starts[task];
            finish = finish.max(start + instance.durations[task]);
            lateness += (start - instance.deadline[task]).max(0);
        }
        let priority = if instance.classes > 1 {
            let mut sums = vec![0; instance.classes];
            for &task in &instance.free {
                sums[instance.class[task as usize] as usize] += starts[task as usize];
            }
            sums
        } else {
            Vec::new()
        };
        Score {
            overloaded,
            lateness,
            finish,
            priority,
        }
    }
}
