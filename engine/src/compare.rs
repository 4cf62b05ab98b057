//! Comparing two schedules of a program and a variant of it: which milestones move and by
//! how much, which tasks absorb a slip in their float (their total float shrank), which
//! deadlines the variant misses (or misses by more), how the critical path changes.
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

use crate::check::work_calendar;
use crate::diagnostics::Diagnostics;
use crate::model::{Program, Task};
use crate::scenario::{Change, Outcome, apply};
use crate::scheduler::{Schedule, TaskSchedule};
use crate::timeline::Timeline;
use crate::words::count;
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

/// A task that finishes after its deadline in the variant, and later past it than in the
/// base (a deadline newly missed, or missed by more).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MissedDeadline {
    pub id: String,
    pub name: String,
    pub deadline: NaiveDate,
    /// The task's finish in the variant.
    pub finish: NaiveDate,
    /// Working days (of the program calendar) from the deadline to the finish, 1 or more.
    pub late: i64,
    /// The same in the base: 0 if it met the deadline there; `None` if the base lacks the
    /// task or its deadline.
    pub late_before: Option<i64>,
}

/// What changed between two schedules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The program finish.
    pub finish: Shift,
    /// Every milestone, in the base's order, then milestones only the variant has.
    pub milestones: Vec<MilestoneShift>,
    pub absorbed: Vec<Absorbed>,
    /// Deadlines missed in the variant that the base met, or missed by less (base order,
    /// then the variant's own tasks).
    pub missed_deadlines: Vec<MissedDeadline>,
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
        missed_deadlines: Vec::new(),
        became_critical: Vec::new(),
        left_critical: Vec::new(),
    };
    let (base_line, variant_line) = (timeline_of(base), timeline_of(variant));
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
        if let (Some(&j), Some(new)) = (index.get(task.id.as_str()), new) {
            let late_before = task.deadline.map(|d| lateness(&base_line, d, old.ef));
            let late = missed(&variant.tasks[j], new, &variant_line, late_before);
            comparison.missed_deadlines.extend(late);
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
        comparison
            .missed_deadlines
            .extend(missed(task, new, &variant_line, None));
        if new.critical {
            comparison.became_critical.push(task.id.clone());
        }
    }
    comparison
}

/// The program timeline, to count working days past a deadline. A program that was
/// scheduled has a valid calendar.
fn timeline_of(program: &Program) -> Timeline {
    Timeline::new(work_calendar(&program.calendar), program.program.start)
}

/// Working days from `deadline` (its last working day, as the scheduler reads it) to a
/// finish offset `ef`; 0 when met.
fn lateness(timeline: &Timeline, deadline: NaiveDate, ef: i64) -> i64 {
    (ef - timeline.offset_after(deadline)).max(0)
}

/// `task`'s deadline, if the variant's schedule `new` misses it by more than `before`.
fn missed(
    task: &Task,
    new: &TaskSchedule,
    timeline: &Timeline,
    before: Option<i64>,
) -> Option<MissedDeadline> {
    let deadline = task.deadline?;
    let late = lateness(timeline, deadline, new.ef);
    (late > before.unwrap_or(0)).then(|| MissedDeadline {
        id: task.id.clone(),
        name: task.name.clone(),
        deadline,
        finish: new.finish,
        late,
        late_before: before,
    })
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
    /// 2026-05-04 → 2026-05-25 (+15 working days); program finish … (+15 working days).
    /// Deadline missed: Launch (deadline 2026-05-15, finishes 2026-05-25, 6 working days
    /// late). Critical path changed: 2 tasks joined it.` Every missed deadline is named.
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
        if !self.missed_deadlines.is_empty() {
            let missed: Vec<String> = self.missed_deadlines.iter().map(missed_text).collect();
            let heading = if missed.len() == 1 {
                "Deadline missed"
            } else {
                "Deadlines missed"
            };
            text.push_str(&format!(" {heading}: {}.", missed.join("; ")));
        }
        if self.critical_path_changed() {
            let mut moves = Vec::new();
            if !self.became_critical.is_empty() {
                let n = self.became_critical.len();
                moves.push(format!("{} joined it", count(n, "task", "tasks")));
            }
            if !self.left_critical.is_empty() {
                let n = self.left_critical.len();
                moves.push(format!("{} left it", count(n, "task", "tasks")));
            }
            text.push_str(&format!(" Critical path changed: {}.", moves.join(", ")));
        }
        text
    }
}

/// `Launch (deadline 2026-05-15, finishes 2026-05-25, 6 working days late, was 2)`.
fn missed_text(m: &MissedDeadline) -> String {
    let was = match m.late_before {
        Some(days) if days > 0 => format!(", was {days}"),
        _ => String::new(),
    };
    format!(
        "{} (deadline {}, finishes {}, {} late{was})",
        m.name,
        m.deadline,
        m.finish,
        count(m.late as usize, "working day", "working days")
    )
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
