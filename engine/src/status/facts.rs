//! What a status pack measures: the program, its schedule, the active baseline and the last
//! forecast on a status date, as [`Inputs`]; and the [`Facts`] a pack keeps of them.
//!
//! Cost: one pass over tasks, log items and checklists, O(n + m) with a hash of ids.

use super::model::{Facts, ItemFact, MilestoneFact, Named, ReadinessFact};
use crate::baseline::Baseline;
use crate::forecast::Forecast;
use crate::logs::figures::{Rating, commitment_status, risk_score};
use crate::logs::model::{
    ChangeDecision, CommitmentStatus, DecisionStatus, IssueStatus, RiskStatus,
};
use crate::model::{Program, Task};
use crate::scheduler::Schedule;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// Everything a pack is drafted from. The engine has no clock: the caller gives the status
/// date (the draft's, else today).
#[derive(Clone, Copy)]
pub struct Inputs<'a> {
    pub program: &'a Program,
    /// The program's schedule (`schedule.tasks[i]` is `program.tasks[i]`).
    pub schedule: &'a Schedule,
    pub baseline: Option<&'a Baseline>,
    /// The last forecast of the program, for P50/P80 and the confidence.
    pub forecast: Option<&'a Forecast>,
    pub status_date: NaiveDate,
}

impl<'a> Inputs<'a> {
    /// The baseline's finish of each task, by id.
    pub fn baseline_finishes(&self) -> FxHashMap<&'a str, NaiveDate> {
        self.baseline
            .map(|b| b.tasks.iter().map(|t| (t.id.as_str(), t.finish)).collect())
            .unwrap_or_default()
    }

    /// A task's committed date: its deadline, else its baseline finish; and which.
    pub fn committed(
        &self,
        task: &Task,
        baseline: &FxHashMap<&str, NaiveDate>,
    ) -> Option<(NaiveDate, &'static str)> {
        task.deadline
            .map(|d| (d, "deadline"))
            .or_else(|| baseline.get(task.id.as_str()).map(|&d| (d, "baseline")))
    }

    /// Milestone `id`'s forecast outcome in the last forecast.
    pub fn outcome(&self, id: &str) -> Option<&'a crate::forecast::Outcome> {
        let forecast = self.forecast?;
        let found = forecast.milestones.iter().find(|m| m.id == id)?;
        Some(&found.outcome)
    }
}

/// Whether a task counts as done: an actual finish, or 100 % complete.
pub fn is_done(task: &Task) -> bool {
    task.actual_finish.is_some() || task.percent_complete >= 100.0
}

/// The facts a pack keeps.
pub fn facts(inputs: &Inputs<'_>) -> Facts {
    let program = inputs.program;
    let schedule = inputs.schedule;
    let scope = inputs.baseline.map_or((0, 0), |b| scope_counts(program, b));
    Facts {
        finish: (!program.tasks.is_empty()).then_some(schedule.finish),
        finish_by: program.program.finish_by,
        milestones: milestones(inputs),
        critical: program
            .tasks
            .iter()
            .zip(&schedule.tasks)
            .filter(|(t, s)| s.critical && !t.summary)
            .map(|(t, _)| Named {
                id: t.id.clone(),
                name: t.name.clone(),
            })
            .collect(),
        tasks: program.tasks.iter().map(|t| t.id.clone()).collect(),
        baseline_tasks: inputs.baseline.map_or(0, |b| b.tasks.len()),
        baseline_added: scope.0,
        baseline_removed: scope.1,
        risks: risks(program),
        issues: issues(program),
        decisions: decisions(program),
        dependencies: dependencies(inputs),
        changes: change_requests(program),
        readiness: readiness(program),
    }
}

fn milestones(inputs: &Inputs<'_>) -> Vec<MilestoneFact> {
    let baseline = inputs.baseline_finishes();
    inputs
        .program
        .tasks
        .iter()
        .zip(&inputs.schedule.tasks)
        .filter(|(t, _)| t.milestone && !t.summary)
        .map(|(task, scheduled)| MilestoneFact {
            id: task.id.clone(),
            name: task.name.clone(),
            finish: task.actual_finish.unwrap_or(scheduled.finish),
            committed: inputs.committed(task, &baseline).map(|(d, _)| d),
            p80: inputs.outcome(&task.id).map(|o| o.p80),
            actual: task
                .actual_finish
                .or_else(|| is_done(task).then_some(scheduled.finish)),
        })
        .collect()
}

fn risks(program: &Program) -> Vec<ItemFact> {
    program
        .risks
        .iter()
        .map(|r| ItemFact {
            id: r.id.clone(),
            name: r.title.clone(),
            state: match r.status {
                RiskStatus::Open => "open",
                RiskStatus::Closed => "closed",
                RiskStatus::Occurred => "occurred",
            }
            .into(),
            open: r.status == RiskStatus::Open,
            high: risk_score(r).is_some_and(|s| s.rating == Rating::High),
            opened: r.raised,
            ..ItemFact::default()
        })
        .collect()
}

fn issues(program: &Program) -> Vec<ItemFact> {
    program
        .logs
        .issues
        .iter()
        .map(|i| ItemFact {
            id: i.id.clone(),
            name: i.title.clone(),
            state: match i.status {
                IssueStatus::Open => "open",
                IssueStatus::Resolved => "resolved",
                IssueStatus::Closed => "closed",
            }
            .into(),
            open: i.status == IssueStatus::Open,
            opened: i.opened,
            closed: i.resolved,
            due: i.due,
            ..ItemFact::default()
        })
        .collect()
}

fn decisions(program: &Program) -> Vec<ItemFact> {
    program
        .logs
        .decisions
        .iter()
        .map(|d| ItemFact {
            id: d.id.clone(),
            name: d.title.clone(),
            state: match d.status {
                DecisionStatus::Open => "open",
                DecisionStatus::Decided => "decided",
                DecisionStatus::Superseded => "superseded",
                DecisionStatus::Reversed => "reversed",
            }
            .into(),
            open: d.status == DecisionStatus::Open,
            opened: d.raised,
            closed: d.decided,
            due: d.needed_by,
            ..ItemFact::default()
        })
        .collect()
}

/// Cross-team dependencies with their status computed against the schedule; `high` when the
/// task that needs one is critical.
fn dependencies(inputs: &Inputs<'_>) -> Vec<ItemFact> {
    let program = inputs.program;
    let critical: FxHashMap<&str, bool> = program
        .tasks
        .iter()
        .zip(&inputs.schedule.tasks)
        .map(|(t, s)| (t.id.as_str(), s.critical))
        .collect();
    program
        .logs
        .dependencies
        .iter()
        .map(|d| {
            let computed = commitment_status(program, Some(inputs.schedule), d, inputs.status_date);
            let open = !matches!(
                computed.status,
                CommitmentStatus::Delivered | CommitmentStatus::Missed
            ) || (computed.status == CommitmentStatus::Missed && d.delivered.is_none());
            ItemFact {
                id: d.id.clone(),
                name: d.title.clone(),
                state: computed.status.name().into(),
                open,
                high: d
                    .for_task
                    .as_deref()
                    .is_some_and(|t| critical.get(t).copied().unwrap_or(false)),
                opened: d.opened,
                closed: d.delivered,
                due: d.need_by,
            }
        })
        .collect()
}

fn change_requests(program: &Program) -> Vec<ItemFact> {
    program
        .logs
        .changes
        .iter()
        .map(|c| ItemFact {
            id: c.id.clone(),
            name: c.title.clone(),
            state: match c.decision {
                ChangeDecision::Pending => "pending",
                ChangeDecision::Approved => "approved",
                ChangeDecision::Rejected => "rejected",
            }
            .into(),
            open: c.decision == ChangeDecision::Pending,
            opened: c.requested,
            closed: c.decided,
            ..ItemFact::default()
        })
        .collect()
}

fn readiness(program: &Program) -> Vec<ReadinessFact> {
    program
        .readiness
        .checklists
        .iter()
        .filter_map(|c| {
            let percent = crate::readiness::figures::readiness(c).percent()?;
            Some(ReadinessFact {
                milestone: c.milestone.clone(),
                percent,
            })
        })
        .collect()
}

/// The tasks of `program` not in `baseline` (added) and those of `baseline` not in
/// `program` (removed), by id.
pub fn scope_counts(program: &Program, baseline: &Baseline) -> (usize, usize) {
    let now: rustc_hash::FxHashSet<&str> = program.tasks.iter().map(|t| t.id.as_str()).collect();
    let then: rustc_hash::FxHashSet<&str> = baseline.tasks.iter().map(|t| t.id.as_str()).collect();
    let added = program
        .tasks
        .iter()
        .filter(|t| !then.contains(t.id.as_str()))
        .count();
    let removed = baseline
        .tasks
        .iter()
        .filter(|t| !now.contains(t.id.as_str()))
        .count();
    (added, removed)
}
