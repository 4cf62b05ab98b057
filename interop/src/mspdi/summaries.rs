//! MS Project's summary tasks as Planwork's: a summary below the top level becomes a summary
//! task (its name, deadline and priority; its dates roll up from its tasks). What else a
//! summary states is carried only where it would change the schedule, and reported: a
//! start-no-earlier-than is put on each task under it that could start earlier, a
//! finish-no-later-than becomes its deadline; a top-level summary (a workstream) keeps no
//! deadline or priority. Its duration, progress, calendar and manual dates are MS Project's
//! roll-ups or its own display and move none of its tasks: they are not read.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use engine::{Constraint, ConstraintKind, Task};

use super::Importer;
use super::outline::Outline;
use super::read::RawTask;
use super::tasks::DEFAULT_PRIORITY;

/// MS Project's constraint types 4 and 7, the only ones it sets on a summary task (when
/// scheduling from the start) besides as soon as possible (0).
const START_NO_EARLIER_THAN: i64 = 4;
const FINISH_NO_LATER_THAN: i64 = 7;

impl Importer<'_> {
    /// The summary task of row `raw`: its name and deadline, under `parent`.
    pub(super) fn summary_task(
        &mut self,
        raw: &RawTask,
        workstream: String,
        parent: Option<String>,
    ) -> Task {
        Task {
            id: raw.uid.to_string(),
            name: self.task_name(raw),
            workstream,
            deadline: raw.deadline.map(|d| self.finish_day(d)),
            parent,
            summary: true,
            priority: self.priority(raw),
            ..Task::default()
        }
    }

    /// Each summary's constraint (and a top-level one's deadline) carried to `tasks` (the
    /// program's, one per carried row) where it changes something, and reported; a program
    /// starting on `start`.
    pub(super) fn summary_values(
        &mut self,
        outline: &Outline,
        tasks: &mut [Task],
        start: NaiveDate,
    ) {
        let position: HashMap<usize, usize> = outline
            .rows
            .iter()
            .enumerate()
            .map(|(p, row)| (row.index, p))
            .collect();
        let top: HashSet<usize> = outline.top.iter().copied().collect();
        for &index in &outline.summaries {
            let carried = position.get(&index).copied();
            if carried.is_none() && !top.contains(&index) {
                // A summary with no task under it: reported as not carried.
                continue;
            }
            let raw = &self.raw.tasks[index];
            // Its tasks' positions, for a start no earlier than alone (most have none).
            let tasks_under = outline
                .under
                .get(&index)
                .filter(|_| raw.constraint_type == START_NO_EARLIER_THAN);
            let under: Vec<usize> = tasks_under.map_or_else(Vec::new, |rows| {
                rows.iter()
                    .filter_map(|r| position.get(r).copied())
                    .collect()
            });
            if carried.is_none() {
                self.top_level_deadline(raw);
                self.top_level_priority(raw);
            }
            self.summary_constraint(raw, carried, &under, tasks, start);
        }
    }

    /// Summary `raw`'s constraint: a start-no-earlier-than put on the tasks `under` it (at
    /// any depth, positions in `tasks`) that could start earlier; a finish-no-later-than as
    /// the deadline of its summary task (at `carried` in `tasks`); anything else reported.
    fn summary_constraint(
        &mut self,
        raw: &RawTask,
        carried: Option<usize>,
        under: &[usize],
        tasks: &mut [Task],
        start: NaiveDate,
    ) {
        let code = raw.constraint_type;
        if code == 0 {
            return;
        }
        let dated = [START_NO_EARLIER_THAN, FINISH_NO_LATER_THAN].contains(&code);
        let message = match (code, raw.constraint_date) {
            (START_NO_EARLIER_THAN, Some(at)) => {
                start_on_tasks(self.start_day(at), under, tasks, start)
            }
            (FINISH_NO_LATER_THAN, Some(at)) => {
                let day = self.finish_day(at);
                match carried {
                    Some(summary) => finish_as_deadline(day, &mut tasks[summary]),
                    None => Some(format!(
                        "finish no later than {day}: not carried (a top-level summary task is a workstream here)"
                    )),
                }
            }
            (_, None) if dated => Some("a constraint without a date: dropped".to_owned()),
            _ => Some(format!(
                "a constraint ({}) on a summary task: not carried (MS Project sets only start no earlier than and finish no later than on one)",
                constraint_words(code)
            )),
        };
        if let Some(message) = message {
            self.report.note_task(raw.uid, &raw.name, message);
        }
    }

    /// A top-level summary's priority other than MS Project's default (500), reported: it
    /// becomes a workstream, which has none.
    fn top_level_priority(&mut self, raw: &RawTask) {
        if let Some(priority) = raw.priority.filter(|&p| p != i64::from(DEFAULT_PRIORITY)) {
            self.report.note_task(
                raw.uid,
                &raw.name,
                format!(
                    "priority {priority}: not carried (a top-level summary task is a workstream here)"
                ),
            );
        }
    }

    /// A top-level summary's deadline, reported: it becomes a workstream, which has none.
    fn top_level_deadline(&mut self, raw: &RawTask) {
        if let Some(at) = raw.deadline {
            let day = self.finish_day(at);
            self.report.note_task(
                raw.uid,
                &raw.name,
                format!(
                    "deadline {day}: not carried (a top-level summary task is a workstream here)"
                ),
            );
        }
    }
}

/// Start no earlier than `day` put on each task `under` a summary (positions in `tasks`)
/// that has no start constraint as late, in a program starting on `start`; what was done,
/// if it changes anything. A task with a constraint of another kind keeps its own.
fn start_on_tasks(
    day: NaiveDate,
    under: &[usize],
    tasks: &mut [Task],
    start: NaiveDate,
) -> Option<String> {
    if day <= start {
        // No task starts before the program: it changes nothing.
        return None;
    }
    let mut moved = 0;
    let mut own = Vec::new();
    for &position in under {
        let task = &mut tasks[position];
        let earlier = match &task.constraint {
            None => true,
            Some(c) if c.kind == ConstraintKind::ASAP => true,
            Some(c) if c.kind == ConstraintKind::SNET => c.date.is_none_or(|d| d < day),
            Some(_) => {
                own.push(format!("UID {}", task.id));
                false
            }
        };
        if earlier {
            task.constraint = Some(Constraint {
                kind: ConstraintKind::SNET,
                date: Some(day),
            });
            moved += 1;
        }
    }
    let mut done = Vec::new();
    if moved > 0 {
        done.push(format!(
            "put on {} under it that could start earlier",
            engine::words::count(moved, "task", "tasks")
        ));
    }
    if !own.is_empty() {
        let keep = if own.len() == 1 {
            "which keeps its own constraint"
        } else {
            "which keep their own constraints"
        };
        done.push(format!("not on {}, {keep}", own.join(", ")));
    }
    (!done.is_empty()).then(|| {
        format!(
            "start no earlier than {day} (a summary task has no constraint of its own here): {}",
            done.join("; ")
        )
    })
}

/// Finish no later than `day` on a summary task as its deadline (which bounds its tasks'
/// late finish), unless its deadline is as early already.
fn finish_as_deadline(day: NaiveDate, summary: &mut Task) -> Option<String> {
    if summary.deadline.is_some_and(|d| d <= day) {
        return None;
    }
    summary.deadline = Some(day);
    Some(format!(
        "finish no later than {day}: carried as its deadline (a summary task has no constraint of its own here; a deadline bounds its tasks' late finish and moves none of them)"
    ))
}

/// MS Project's constraint type `code` in words.
fn constraint_words(code: i64) -> String {
    let words = match code {
        1 => "as late as possible",
        2 => "must start on",
        3 => "must finish on",
        5 => "start no later than",
        6 => "finish no earlier than",
        other => return format!("type {other}"),
    };
    words.to_owned()
}
