//! What makes a forecast vary: the tasks whose drawn duration can differ from one iteration
//! to the next (not started, estimated with a spread) and the risks that can happen or not,
//! or by more or less, on a task not started. With none, every iteration gives the same
//! dates, and a forecast can say so instead of drawing a one-bar histogram.
//!
//! The same selection as [`super::Simulation::new`]: a started or finished task keeps its
//! duration, a task of no duration is not drawn.

use crate::check::{Checked, Progress};
use serde::{Deserialize, Serialize};

/// How many sources of uncertainty a plan has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uncertainty {
    /// Tasks drawn from a three-point estimate whose pessimistic point is above its
    /// optimistic one (an estimate of 10/10/10 always gives 10).
    pub estimated_tasks: usize,
    /// Risks that may or may not delay a task not started (a probability above 0 and
    /// either below 1 or with an impact range), by more than nothing.
    pub risks: usize,
}

impl Uncertainty {
    /// Whether every iteration of a forecast gives the same dates.
    pub fn is_none(&self) -> bool {
        self.estimated_tasks == 0 && self.risks == 0
    }
}

/// The sources of uncertainty of a checked plan.
pub fn uncertainty(checked: &Checked<'_>) -> Uncertainty {
    let program = checked.program();
    let not_started = |t: usize| matches!(checked.tasks[t].progress, Progress::NotStarted);
    let estimated_tasks = program
        .tasks
        .iter()
        .enumerate()
        .filter(|&(t, _)| not_started(t) && checked.tasks[t].duration > 0)
        .filter(|(_, task)| {
            task.estimate
                .as_ref()
                .is_some_and(|e| e.pessimistic > e.optimistic)
        })
        .count();
    let risks = program
        .risks
        .iter()
        .filter(|risk| {
            let varies = risk.probability > 0.0
                && (risk.probability < 1.0 || risk.impact.min < risk.impact.max)
                && risk.impact.max > 0;
            let delays = risk
                .tasks
                .iter()
                .filter_map(|id| checked.task_index(id))
                .any(not_started);
            varies && delays
        })
        .count();
    Uncertainty {
        estimated_tasks,
        risks,
    }
}
