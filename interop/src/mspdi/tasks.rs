//! An MS Project task as a Planwork task: its duration in whole working days, its
//! constraint, its calendar, its leveling priority, and the days its date-times fall on.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use engine::check::resources::MAX_PRIORITY;
use engine::{Calendar, Constraint, ConstraintKind, Task};

use super::outline::Outline;
use super::read::RawTask;
use super::{ImportReport, Importer, calendars, cut, days_text};

/// MS Project's priority of a task that states none.
pub(super) const DEFAULT_PRIORITY: u16 = 500;

impl Importer<'_> {
    pub(super) fn task(
        &mut self,
        raw: &RawTask,
        workstream: String,
        team: Option<&Calendar>,
    ) -> Task {
        let name = self.task_name(raw);
        let duration = self.duration(raw);
        let mut task = Task {
            id: raw.uid.to_string(),
            name,
            workstream,
            duration,
            milestone: raw.milestone || duration == 0,
            constraint: self.constraint(raw),
            deadline: raw.deadline.map(|d| self.finish_day(d)),
            actual_start: raw.actual_start.map(|d| d.date()),
            actual_finish: raw.actual_finish.map(|d| self.finish_day(d)),
            percent_complete: raw.percent_complete.clamp(0.0, 100.0),
            estimate: None,
            priority: self.priority(raw),
            ..Task::default()
        };
        if raw.manual {
            match raw.start {
                Some(start) => {
                    task.constraint = Some(Constraint {
                        kind: ConstraintKind::MSO,
                        date: Some(start.date()),
                    });
                    self.report.note_task(
                        raw.uid,
                        &raw.name,
                        format!(
                            "manually scheduled: kept at its stored start {} (must start on)",
                            start.date()
                        ),
                    );
                }
                None => self.report.note_task(
                    raw.uid,
                    &raw.name,
                    "manually scheduled without a start: scheduled automatically",
                ),
            }
        }
        self.task_calendar(raw, team);
        task
    }

    /// The row's name, or `Task <UID>` (reported) when it has none.
    pub(super) fn task_name(&mut self, raw: &RawTask) -> String {
        if raw.name.trim().is_empty() {
            self.report
                .note_task(raw.uid, "", "no name: named 'Task <UID>'");
            format!("Task {}", raw.uid)
        } else {
            cut(&raw.name)
        }
    }

    /// The leveling priority when it is not MS Project's default (500); one out of 0–1000
    /// is brought within it (reported).
    pub(super) fn priority(&mut self, raw: &RawTask) -> Option<u16> {
        let stated = raw.priority?;
        let kept = stated.clamp(0, i64::from(MAX_PRIORITY));
        if kept != stated {
            self.report.note_task(
                raw.uid,
                &raw.name,
                format!("priority {stated} is not 0–{MAX_PRIORITY}: carried as {kept}"),
            );
        }
        u16::try_from(kept).ok().filter(|&p| p != DEFAULT_PRIORITY)
    }

    /// Whole working days, reported when the file's duration is not.
    pub(super) fn duration(&mut self, raw: &RawTask) -> i64 {
        if raw.milestone {
            return 0;
        }
        let minutes = raw.duration_minutes.max(0);
        let days = if raw.elapsed {
            let week = self.calendar.workdays.len().max(1) as f64;
            minutes as f64 / 1440.0 * week / 7.0
        } else {
            minutes as f64 / self.minutes_per_day as f64
        };
        let whole = days.round().max(if minutes > 0 { 1.0 } else { 0.0 });
        let whole = whole.min(100_000.0);
        if raw.elapsed {
            self.report.note_task(
                raw.uid,
                &raw.name,
                format!(
                    "elapsed duration {} ed carried as {} working days",
                    days_text(minutes as f64 / 1440.0),
                    whole
                ),
            );
        } else if (days - whole).abs() > 1e-9 {
            self.report.note_task(
                raw.uid,
                &raw.name,
                format!("duration {} d rounded to {} d", days_text(days), whole),
            );
        }
        whole as i64
    }

    pub(super) fn constraint(&mut self, raw: &RawTask) -> Option<Constraint> {
        let kind = match raw.constraint_type {
            0 => return None,
            1 => {
                if !raw.links.is_empty() || self.has_successors(raw.uid) {
                    self.report.note_task(
                        raw.uid,
                        &raw.name,
                        "as late as possible: placed as late as it can go without moving any other task (MS Project also delays successors that have float)",
                    );
                }
                return Some(Constraint {
                    kind: ConstraintKind::ALAP,
                    date: None,
                });
            }
            2 => ConstraintKind::MSO,
            3 => ConstraintKind::MFO,
            4 => ConstraintKind::SNET,
            5 => ConstraintKind::SNLT,
            6 => ConstraintKind::FNET,
            7 => ConstraintKind::FNLT,
            other => {
                self.report.note_task(
                    raw.uid,
                    &raw.name,
                    format!("constraint type {other} is not one of MS Project's (0–7): dropped"),
                );
                return None;
            }
        };
        let Some(at) = raw.constraint_date else {
            self.report
                .note_task(raw.uid, &raw.name, "a constraint without a date: dropped");
            return None;
        };
        let on_finish = matches!(
            kind,
            ConstraintKind::MFO | ConstraintKind::FNET | ConstraintKind::FNLT
        );
        let date = if on_finish {
            self.finish_day(at)
        } else {
            self.start_day(at)
        };
        Some(Constraint {
            kind,
            date: Some(date),
        })
    }

    /// Whether any task links from task `uid`.
    pub(super) fn has_successors(&self, uid: i64) -> bool {
        self.raw
            .tasks
            .iter()
            .any(|t| t.links.iter().any(|l| l.predecessor == uid))
    }

    /// Task `raw`'s own calendar, reported unless it is the calendar it is scheduled on: its
    /// workstream's (`team`), else the project's.
    pub(super) fn task_calendar(&mut self, raw: &RawTask, team: Option<&Calendar>) {
        let Some(uid) = self.own_calendar_uid(raw) else {
            return;
        };
        let (used, which) = match team {
            Some(team) => (team, "its workstream's calendar"),
            None => (&self.calendar, "the project calendar"),
        };
        let mut scratch = ImportReport::default();
        let message = match calendars::calendar(&self.raw.calendars, uid, &mut scratch) {
            Some((calendar, _)) if calendar == *used => return,
            Some((_, name)) => {
                format!("its own calendar '{name}' is not carried: scheduled on {which}")
            }
            None => format!("its calendar (UID {uid}) is not in the file: scheduled on {which}"),
        };
        self.report.note_task(raw.uid, &raw.name, message);
    }

    /// The UID of task `raw`'s own calendar, if it has one other than the project's.
    pub(super) fn own_calendar_uid(&self, raw: &RawTask) -> Option<i64> {
        raw.calendar_uid
            .filter(|&u| u >= 0 && Some(u) != self.raw.calendar_uid)
    }

    /// The calendar of the workstream of top-level summary `summary_uid`: the calendar its
    /// tasks share when they all have the same own calendar and it is not the project's
    /// (how [`export_mspdi`] writes a workstream's calendar), else none. Notes about that
    /// calendar are reported only when it is carried.
    pub(super) fn team_calendar(
        &mut self,
        outline: &Outline,
        summary_uid: i64,
    ) -> Option<Calendar> {
        let mut uids = outline
            .leaves()
            .filter(|(_, top)| *top == Some(summary_uid))
            .filter_map(|(i, _)| self.raw.tasks.get(i))
            .map(|t| self.own_calendar_uid(t));
        let first = uids.next().flatten()?;
        if !uids.all(|uid| uid == Some(first)) {
            return None;
        }
        let mut notes = ImportReport::default();
        let (calendar, _) = calendars::calendar(&self.raw.calendars, first, &mut notes)?;
        if calendar == self.calendar {
            return None;
        }
        self.report.notes.extend(notes.notes);
        Some(calendar)
    }

    pub(super) fn start_day(&self, at: NaiveDateTime) -> NaiveDate {
        at.date()
    }

    /// A finish at or before the workday's start is the previous working day's.
    pub(super) fn finish_day(&self, at: NaiveDateTime) -> NaiveDate {
        if at.time() > self.day_start {
            return at.date();
        }
        let mut day = at.date();
        for _ in 0..3_660 {
            let Some(previous) = day.checked_sub_signed(Duration::days(1)) else {
                break;
            };
            day = previous;
            if self.is_working(day) {
                return day;
            }
        }
        at.date()
    }

    pub(super) fn is_working(&self, day: NaiveDate) -> bool {
        self.calendar.workdays.contains(&day.weekday()) && !self.calendar.holidays.contains(&day)
    }
}
