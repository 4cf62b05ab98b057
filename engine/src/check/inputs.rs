//! Checking what the tasks stand on: dates in range, the program calendar, workstreams and
//! their calendars, and risks.

use super::{Checker, MAX_DAYS, date_in_range, is_blank, work_calendar};
use crate::calendar::WorkCalendar;
use crate::diagnostics::Code;
use crate::model::{Calendar, CriticalPath};
use crate::timeline::Timeline;
use chrono::{NaiveDate, Weekday};
use rustc_hash::FxHashMap;

impl<'p> Checker<'p> {
    /// E016: every date between 1900 and 9999, so offsets and dates stay in range.
    pub(super) fn check_dates(&mut self) {
        let program = self.program;
        let info = &program.program;
        self.date_in_range(&"program.start", Some(info.start));
        self.date_in_range(&"program.status_date", info.status_date);
        self.date_in_range(&"program.finish_by", info.finish_by);
        for (i, &d) in program.calendar.holidays.iter().enumerate() {
            self.date_in_range(&format_args!("calendar.holidays[{i}]"), Some(d));
        }
        for (w, ws) in program.workstreams.iter().enumerate() {
            for (i, &d) in ws
                .calendar
                .iter()
                .flat_map(|c| c.holidays.iter())
                .enumerate()
            {
                self.date_in_range(
                    &format_args!("workstreams[{w}].calendar.holidays[{i}]"),
                    Some(d),
                );
            }
        }
        for (t, task) in program.tasks.iter().enumerate() {
            self.task_dates(t, task);
        }
    }

    /// E016 for task `t`'s dates.
    pub(crate) fn task_dates(&mut self, t: usize, task: &crate::model::Task) {
        let has_dates = task.constraint.as_ref().is_some_and(|c| c.date.is_some())
            || task.deadline.is_some()
            || task.actual_start.is_some()
            || task.actual_finish.is_some()
            || task.leveled_start.is_some();
        if !has_dates {
            return;
        }
        let fields = [
            (
                "constraint.date",
                task.constraint.as_ref().and_then(|c| c.date),
            ),
            ("deadline", task.deadline),
            ("actual_start", task.actual_start),
            ("actual_finish", task.actual_finish),
            ("leveled_start", task.leveled_start),
        ];
        for (field, date) in fields {
            self.date_in_range(&format_args!("tasks[{t}].{field}"), date);
        }
    }

    pub(super) fn date_in_range(&mut self, path: &dyn std::fmt::Display, date: Option<NaiveDate>) {
        if let Some(date) = date.filter(|&d| !date_in_range(d)) {
            self.error(
                Code::DateOutOfRange,
                path.to_string(),
                vec![],
                format!("{date} is outside the supported dates (1900-01-01 to 9999-12-31)"),
            );
        }
    }

    /// E023: the critical-path rule's number of days is 0 or more (and in range).
    pub(super) fn check_critical_path(&mut self) {
        if let CriticalPath::TotalFloat { max_days } = self.program.program.critical_path
            && !(0..=MAX_DAYS).contains(&max_days)
        {
            self.error(
                Code::InvalidCriticalPath,
                "program.critical_path.max_days".into(),
                vec![],
                format!(
                    "{max_days} days: a task is critical when its total float is at most a number of working days from 0 to {MAX_DAYS}"
                ),
            );
        }
    }

    /// The program calendar's timeline, unless the calendar is unusable (E007).
    pub(super) fn program_timeline(&mut self) -> Option<Timeline> {
        let calendar = &self.program.calendar;
        if calendar.workdays.is_empty() {
            self.error(
                Code::NoWorkingDay,
                "calendar.workdays".into(),
                vec![],
                "the program calendar has no working weekday".into(),
            );
            return None;
        }
        if !date_in_range(self.program.program.start) {
            return None;
        }
        Some(Timeline::new(
            work_calendar(calendar),
            self.program.program.start,
        ))
    }

    /// Workstream ids (E001-like duplicates: E002) and the effective calendars of teams.
    pub(crate) fn workstreams(
        &mut self,
        timeline: Option<&Timeline>,
    ) -> (FxHashMap<&'p str, Option<u32>>, Vec<WorkCalendar>) {
        let program = self.program;
        let mut index = FxHashMap::default();
        let mut calendars = Vec::new();
        for (w, ws) in program.workstreams.iter().enumerate() {
            if is_blank(&ws.id) {
                self.error(
                    Code::EmptyId,
                    format!("workstreams[{w}].id"),
                    vec![],
                    "a workstream has no id".into(),
                );
                continue;
            }
            if let Some(color) = ws.color.as_deref().filter(|c| !is_hex_color(c)) {
                self.error(
                    Code::InvalidColor,
                    format!("workstreams[{w}].color"),
                    vec![ws.id.clone()],
                    format!("'{color}' is not a colour: write it as #2f6fde"),
                );
            }
            let calendar = ws
                .calendar
                .as_ref()
                .and_then(|c| self.team_calendar(w, &ws.id, c, timeline));
            let slot = calendar.map(|c| {
                calendars.push(c);
                (calendars.len() - 1) as u32
            });
            if index.insert(ws.id.as_str(), slot).is_some() {
                self.error(
                    Code::DuplicateWorkstreamId,
                    format!("workstreams[{w}].id"),
                    vec![ws.id.clone()],
                    format!("workstream id '{}' is used more than once", ws.id),
                );
            }
        }
        (index, calendars)
    }

    /// A team's working days: its own weekdays and holidays within the program's.
    pub(super) fn team_calendar(
        &mut self,
        w: usize,
        id: &str,
        calendar: &Calendar,
        timeline: Option<&Timeline>,
    ) -> Option<WorkCalendar> {
        let program_days = &self.program.calendar.workdays;
        let outside: Vec<String> = calendar
            .workdays
            .iter()
            .filter(|d| !program_days.contains(d))
            .map(|d| d.to_string())
            .collect();
        if !outside.is_empty() {
            self.warn(
                Code::TeamDayNotProgramDay,
                format!("workstreams[{w}].calendar.workdays"),
                vec![id.to_string()],
                format!(
                    "workstream '{id}' works on {} but the program calendar does not; those days are not working time",
                    outside.join(", ")
                ),
            );
        }
        let weekdays: Vec<Weekday> = calendar
            .workdays
            .iter()
            .filter(|d| program_days.contains(d))
            .copied()
            .collect();
        if weekdays.is_empty() {
            self.error(
                Code::NoWorkingDay,
                format!("workstreams[{w}].calendar.workdays"),
                vec![id.to_string()],
                format!(
                    "workstream '{id}' has no working weekday in common with the program calendar"
                ),
            );
            return None;
        }
        timeline?;
        let holidays: Vec<NaiveDate> = self
            .program
            .calendar
            .holidays
            .iter()
            .chain(&calendar.holidays)
            .copied()
            .collect();
        Some(WorkCalendar::new(&weekdays, &holidays))
    }

    /// E019 and E020: risks need a probability in [0, 1], an ordered impact in range, known
    /// tasks and unique ids.
    pub(super) fn check_risks(&mut self, index: &FxHashMap<&str, u32>) {
        let program = self.program;
        let mut ids = FxHashMap::default();
        for (r, risk) in program.risks.iter().enumerate() {
            if let Some(first) = ids.insert(risk.id.as_str(), r) {
                self.error(
                    Code::DuplicateRiskId,
                    format!("risks[{r}].id"),
                    vec![risk.id.clone()],
                    format!(
                        "risk id '{}' is used more than once (first at risks[{first}])",
                        risk.id
                    ),
                );
            }
            let problem = if !(0.0..=1.0).contains(&risk.probability) {
                Some(format!(
                    "its probability is {}; a probability is 0 to 1",
                    risk.probability
                ))
            } else if risk.impact.min < 0
                || risk.impact.min > risk.impact.max
                || risk.impact.max > MAX_DAYS
            {
                Some(format!(
                    "its impact {}–{} days must have 0 ≤ min ≤ max ≤ {MAX_DAYS}",
                    risk.impact.min, risk.impact.max
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                self.error(
                    Code::InvalidRisk,
                    format!("risks[{r}]"),
                    vec![risk.id.clone()],
                    format!("risk '{}': {problem}", risk.id),
                );
            }
            for (i, id) in risk.tasks.iter().enumerate() {
                if !index.contains_key(id.as_str()) {
                    self.error(
                        Code::UnknownTask,
                        format!("risks[{r}].tasks[{i}]"),
                        vec![id.clone()],
                        format!("risk '{}' names task '{id}', which does not exist", risk.id),
                    );
                }
            }
        }
    }
}

/// Whether `text` is a CSS hex colour as the file keeps it: `#` and six hex digits.
fn is_hex_color(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].bytes().all(|b| b.is_ascii_hexdigit())
}
