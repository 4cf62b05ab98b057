//! Lower bounds on the finish of any capacity-feasible schedule.

use super::instance::Instance;
use super::{Objective, Problem};

/// Lower bounds on the finish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bounds {
    /// LB0: the longest path with resources ignored, honouring release days and pins.
    pub critical_path: i64,
    /// The first day by which each resource could have offered all the work asked of it
    /// (every task's units × days, pinned ones included), the latest over resources.
    pub resource: i64,
}

impl Bounds {
    /// The tighter bound.
    pub fn best(&self) -> i64 {
        self.critical_path.max(self.resource)
    }
}

/// Lower bounds on the finish of `problem`, in O(n + L + H × R) time.
///
/// ```
/// use engine::leveling::{lower_bounds, Capacity, Demand, Problem};
/// // Three 2-day tasks at 60 % of one person: 360 person-% days; 100 % a day → day 4.
/// let mut problem = Problem::new(vec![2, 2, 2], vec![Capacity::constant(100)]);
/// for demands in &mut problem.demands {
///     demands.push(Demand { resource: 0, units: 60 });
/// }
/// let bounds = lower_bounds(&problem);
/// assert_eq!((bounds.critical_path, bounds.resource), (2, 4));
/// ```
///
/// # Panics
///
/// If the problem is malformed (see [`Problem::validate`]).
pub fn lower_bounds(problem: &Problem) -> Bounds {
    let instance = Instance::compile(problem, Objective::MinimiseFinish);
    let mut work = vec![0i64; problem.resources.len()];
    for t in 0..instance.n {
        for u in instance.uses(t) {
            work[u.resource as usize] += u.units * instance.durations[t];
        }
    }
    let baseline = &instance.baseline;
    let resource = work
        .iter()
        .enumerate()
        .filter(|&(_, &w)| w > 0)
        .map(|(r, &w)| {
            let mut offered = 0;
            for (day, &capacity) in baseline.capacity[r].iter().enumerate() {
                offered += capacity;
                if offered >= w {
                    return day as i64 + 1;
                }
            }
            let rest = w - offered;
            let base = baseline.base[r];
            if base > 0 {
                baseline.stable_from as i64 + (rest + base - 1) / base
            } else {
                baseline.stable_from as i64
            }
        })
        .max()
        .unwrap_or(0);
    Bounds {
        critical_path: instance.critical_path,
        resource,
    }
}
