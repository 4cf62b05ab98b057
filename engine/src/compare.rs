//! Comparing two schedules of a program and a variant of it: which milestones move and by
//! how much, which tasks absorb a slip in their float (their total float shrank), how the
//! critical path changes.
//!
//! Tasks are matched by id, so a variant may add or remove tasks. Deltas are in working days
//! of the program calendar (positive: later in the variant). O(T) with a hash of the
//! variant's ids.
//!
//! ```
//! use engine::compare::{compare, quick_impact};
//! use engine::scenario::Change;
//! use engine::{schedule, Program};
//! let json = r#"{"program": {"name": "P", "start": "2026-01-05"},
//!   "workstreams": [{"id": "w", "name": "W"}],
//!   "tasks": [{"id": "a", "name": "A", "workstream": "w", "duration": 5},
//!             {"id": "b", "name": "B", "workstream": "w", "duration": 2},
//!             {"id": "m", "name": "Launch", "workstream": "w", "duration": 0}],
//!   "dependencies": [{"from": "a", "to": "m"}, {"from": "b", "to": "m"}]}"#;
//! let program: Program = serde_json::from_str(json).unwrap();
//! let base = schedule(&program).unwrap();
//! let impact = quick_impact(&program, &base, &[Change::Slip { task: "b".into(), days: 2 }]).unwrap();
//! assert!(impact.comparison.moved_milestones().next().is_none(), "B had 3 days of float");
//! assert_eq!(impact.comparison.absorbed[0].id, "b");
//! let impact = quick_impact(&program, &base, &[Change::Slip { task: "a".into(), days: 4 }]).unwrap();
//! assert_eq!(impact.comparison.milestones[0].delta, Some(4));
//! ```

use crate::diagnostics::Diagnostics;
use crate::model::Program;
use crate::scenario::{Change, Outcome, apply};
use crate::scheduler::Schedule;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// A date before and after, and the shift in working days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Shift {
    pub before: Option<NaiveDate>,
    pub after: Option<NaiveDate>,
    /// Working days later in the variant (negative: earlier); `None` if either side lacks it.
    pub delta: Option<i64>,
}

/// One milestone in the base, the variant, or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MilestoneShift {
    pub id: String,
    pub name: String,
    pub before: Option<NaiveDate>,
    pub after: Option<NaiveDate>,
    pub delta: Option<i64>,
    pub float_before: Option<i64>,
    pub float_after: Option<i64>,
}

/// A task whose total float shrank: a slip ate into its slack instead of moving what
/// follows it (or moved it less).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Absorbed {
    pub id: String,
    pub name: String,
    pub float_before: i64,
    pub float_after: i64,
}

/// What changed between two schedules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The program finish.
    pub finish: Shift,
    /// Every milestone, in the base's order, then milestones only the variant has.
    pub milestones: Vec<MilestoneShift>,
    pub absorbed: Vec<Absorbed>,
    /// Ids of tasks critical in the variant but not in the base, and the reverse.
    pub became_critical: Vec<String>,
    pub left_critical: Vec<String>,
}

impl Comparison {
    /// The milestones whose date changed (or that appear in only one of the two).
    pub fn moved_milestones(&self) -> impl Iterator<Item = &MilestoneShift> {
        self.milestones.iter().filter(|m| m.delta != Some(0))
    }

    /// Whether the set of critical tasks changed.
    pub fn critical_path_changed(&self) -> bool {
        !self.became_critical.is_empty() || !self.left_critical.is_empty()
    }
}

/// Compares the schedule of `base` with that of `variant`.
pub fn compare(
    base: &Program,
    before: &Schedule,
    variant: &Program,
    after: &Schedule,
) -> Comparison {
    let index: FxHashMap<&str, usize> = variant
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let mut comparison = Comparison {
        finish: Shift {
            before: Some(before.finish),
            after: Some(after.finish),
            delta: Some(after.finish_offset - before.finish_offset),
        },
        milestones: Vec::new(),
        absorbed: Vec::new(),
        became_critical: Vec::new(),
        left_critical: Vec::new(),
    };
    let mut matched = vec![false; variant.tasks.len()];
    for (i, task) in base.tasks.iter().enumerate() {
        let old = &before.tasks[i];
        let new = index.get(task.id.as_str()).map(|&j| {
            matched[j] = true;
            &after.tasks[j]
        });
        if task.is_milestone() {
            comparison.milestones.push(MilestoneShift {
                id: task.id.clone(),
                name: task.name.clone(),
                before: Some(old.finish),
                after: new.map(|n| n.finish),
                delta: new.map(|n| n.ef - old.ef),
                float_before: Some(old.total_float),
                float_after: new.map(|n| n.total_float),
            });
        }
        match new {
            Some(new) => {
                if new.total_float < old.total_float {
                    comparison.absorbed.push(Absorbed {
                        id: task.id.clone(),
                        name: task.name.clone(),
                        float_before: old.total_float,
                        float_after: new.total_float,
                    });
                }
                if new.critical && !old.critical {
                    comparison.became_critical.push(task.id.clone());
                }
                if old.critical && !new.critical {
                    comparison.left_critical.push(task.id.clone());
                }
            }
            None if old.critical => comparison.left_critical.push(task.id.clone()),
            None => {}
        }
    }
    for (j, task) in variant
        .tasks
        .iter()
        .enumerate()
        .filter(|&(j, _)| !matched[j])
    {
        let new = &after.tasks[j];
        if task.is_milestone() {
            comparison.milestones.push(MilestoneShift {
                id: task.id.clone(),
                name: task.name.clone(),
                before: None,
                after: Some(new.finish),
                delta: None,
                float_before: None,
                float_after: Some(new.total_float),
            });
        }
        if new.critical {
            comparison.became_critical.push(task.id.clone());
        }
    }
    comparison
}

/// The effect of some changes on a program, without saving anything.
#[derive(Clone, Debug, PartialEq)]
pub struct Impact {
    pub program: Program,
    pub outcomes: Vec<Outcome>,
    pub schedule: Schedule,
    pub comparison: Comparison,
}

/// Applies `changes` to `program` (whose schedule is `base`), schedules the result and
/// compares: the "if we slip X, what happens to Y?" answer. Fails with the diagnostics if
/// the changed program cannot be scheduled (an added link closing a cycle, say).
pub fn quick_impact(
    program: &Program,
    base: &Schedule,
    changes: &[Change],
) -> Result<Impact, Diagnostics> {
    let applied = apply(program, changes);
    let schedule = crate::schedule(&applied.program)?;
    let comparison = compare(program, base, &applied.program, &schedule);
    Ok(Impact {
        program: applied.program,
        outcomes: applied.outcomes,
        schedule,
        comparison,
    })
}

impl Comparison {
    /// A short plain-text account for an email, e.g. `Scenario 'Identity late': Launch
    /// 2026-05-04 → 2026-05-25 (+15 working days); program finish … (+15 working days).`
    pub fn summary(&self, label: &str) -> String {
        let mut parts: Vec<String> = self
            .moved_milestones()
            .map(|m| format!("{} {}", m.name, shift_text(m.before, m.after, m.delta)))
            .collect();
        if parts.is_empty() {
            parts.push("no milestone moves".into());
        }
        parts.push(format!(
            "program finish {}",
            shift_text(self.finish.before, self.finish.after, self.finish.delta)
        ));
        let mut text = format!("{label}: {}.", parts.join("; "));
        if self.critical_path_changed() {
            text.push_str(&format!(
                " Critical path changed: {} task(s) joined it, {} left it.",
                self.became_critical.len(),
                self.left_critical.len()
            ));
        }
        text
    }
}

/// `2026-05-04 → 2026-05-25 (+15 working days)`, `unchanged (2026-05-04)`, or what is missing.
fn shift_text(before: Option<NaiveDate>, after: Option<NaiveDate>, delta: Option<i64>) -> String {
    let date = |d: Option<NaiveDate>| d.map_or_else(|| "none".to_owned(), |d| d.to_string());
    match (before, after, delta) {
        (_, Some(a), Some(0)) => format!("unchanged ({a})"),
        (Some(_), Some(_), Some(days)) => format!(
            "{} → {} ({days:+} working day{})",
            date(before),
            date(after),
            if days.abs() == 1 { "" } else { "s" }
        ),
        (None, Some(a), _) => format!("new, {a}"),
        (Some(b), None, _) => format!("removed (was {b})"),
        _ => format!("{} → {}", date(before), date(after)),
    }
}
