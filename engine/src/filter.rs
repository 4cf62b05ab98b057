//! Which tasks a plan view shows: a find text and filters (critical, late, milestones, one
//! workstream), as MS Project's search box and its "Critical", "Late Tasks" and
//! "Milestones" filters.
//!
//! A task is shown when it passes every filter that is on: the text is found, case
//! ignored, in its name, its id or its workstream's name; *critical* is the schedule's own
//! flag (the program's critical-path rule); *late* means it finishes after its deadline or
//! has negative total float (it cannot meet a date it must); *milestones* keeps milestones.
//! O(length of the texts) per task, no allocation but the lowercased find text (made once).
//!
//! ```
//! use engine::filter::TaskFilter;
//! use engine::Task;
//! let task = Task { id: "12".into(), name: "Cut over payments".into(), workstream: "pay".into(), duration: 3, ..Task::default() };
//! let find = TaskFilter::new("PAYMENTS");
//! assert!(find.matches(&task, "Payments team", None));
//! assert!(!TaskFilter { milestones: true, ..TaskFilter::default() }.matches(&task, "", None));
//! ```
//!
//! Does not: schedule (the caller passes each task's schedule, if there is one).

use crate::model::Task;
use crate::scheduler::TaskSchedule;

/// What a plan view shows. The default shows every task.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskFilter {
    /// Found in the name, id or workstream name (any case); empty finds everything.
    pub text: String,
    pub critical: bool,
    pub late: bool,
    pub milestones: bool,
    /// Only this workstream's tasks (its id).
    pub workstream: Option<String>,
}

impl TaskFilter {
    /// A filter that only finds `text`.
    pub fn new(text: &str) -> TaskFilter {
        TaskFilter {
            text: text.to_owned(),
            ..TaskFilter::default()
        }
    }

    /// Whether every task passes (nothing to filter).
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && !self.critical
            && !self.late
            && !self.milestones
            && self.workstream.is_none()
    }

    /// Whether `task` (in the workstream named `workstream_name`, scheduled as `times` if the
    /// plan could be scheduled) is shown. Without a schedule, *critical* and *late* show
    /// nothing: they cannot be known.
    pub fn matches(
        &self,
        task: &Task,
        workstream_name: &str,
        times: Option<&TaskSchedule>,
    ) -> bool {
        if self.milestones && !task.is_milestone() {
            return false;
        }
        if self
            .workstream
            .as_ref()
            .is_some_and(|ws| *ws != task.workstream)
        {
            return false;
        }
        if self.critical && !times.is_some_and(|t| t.critical) {
            return false;
        }
        if self.late && !times.is_some_and(|t| is_late(task, t)) {
            return false;
        }
        let needle = self.text.trim();
        needle.is_empty()
            || [task.name.as_str(), task.id.as_str(), workstream_name]
                .iter()
                .any(|hay| contains_ignoring_case(hay, needle))
    }
}

/// Late: finishes after its deadline, or has negative total float.
pub fn is_late(task: &Task, times: &TaskSchedule) -> bool {
    times.total_float < 0 || task.deadline.is_some_and(|d| times.finish > d)
}

/// Whether `needle` occurs in `hay`, case ignored (Unicode lowercase).
fn contains_ignoring_case(hay: &str, needle: &str) -> bool {
    if hay.is_ascii() && needle.is_ascii() {
        let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
        return needle.len() <= hay.len()
            && hay
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle));
    }
    hay.to_lowercase().contains(&needle.to_lowercase())
}
