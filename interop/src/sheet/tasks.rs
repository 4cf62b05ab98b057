//! The second pass: each task row's workstream, parent, name, duration (by the stated
//! rules) and dates, and each parent row's summary task (its own duration and estimates
//! not carried); once the links are known, a task's Start as "start no earlier than" and a
//! Finish without a Start as a deadline (a summary task's too).

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate, Weekday};
use engine::{Constraint, ConstraintKind, Task};

use super::convert::{Converter, Kind, cut};
use super::mapping::Field;
use super::table::Separator;
use super::values::{DateOrder, DateParts, date_parts, duration_days, number};

/// A task row's dates: the column each came from, and whether the Finish made the
/// duration.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct RowDates {
    start: Option<(usize, NaiveDate)>,
    finish: Option<(usize, NaiveDate)>,
    finish_used: bool,
}

/// Where a task's duration came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Source {
    Typed,
    Span,
    Seconds,
    Hours,
    Points,
    Default,
}

/// How many durations came from each source, how many of them were rounded, and the
/// rows given the default.
#[derive(Default)]
struct Tally {
    from: HashMap<Source, usize>,
    rounded: HashMap<Source, usize>,
    defaulted: Vec<usize>,
}

impl Converter<'_> {
    /// A task for every task row.
    pub(super) fn make_tasks(&mut self) {
        let (day_first, order_note) = self.date_order();
        if let Some(note) = order_note {
            self.report.note(note);
        }
        let mut tally = Tally::default();
        for row in self.rows() {
            if self.kinds[row] == Kind::Parent {
                self.make_summary(row, day_first);
                continue;
            }
            if self.kinds[row] != Kind::Task {
                continue;
            }
            let mut dates = self.row_dates(row, day_first);
            let workstream = self.workstream_of(row);
            let duration = if self.is_milestone_type(row) {
                0
            } else {
                let (duration, source) = self.duration(row, &dates, &mut tally);
                dates.finish_used = source == Source::Span;
                duration
            };
            let name = self.task_name(row);
            let task = Task {
                id: self.ids[row].clone(),
                name,
                workstream,
                duration,
                parent: self.parent_id(row),
                ..Task::default()
            };
            self.push_task(row, task);
            self.dates.insert(row, dates);
        }
        self.tally_notes(&tally);
    }

    /// The summary task of parent `row`: its name (its id when it has none), workstream and
    /// parent; its own duration, estimates and points are not carried (reported), its dates
    /// are kept for [`Self::apply_dates`].
    fn make_summary(&mut self, row: usize, day_first: bool) {
        let dates = self.row_dates(row, day_first);
        let workstream = self.summary_workstream(row);
        let name = if self.names[row].is_empty() {
            self.ids[row].clone()
        } else {
            self.task_name(row)
        };
        self.own_values_not_carried(row);
        let task = Task {
            id: self.ids[row].clone(),
            name,
            workstream,
            parent: self.parent_id(row),
            summary: true,
            ..Task::default()
        };
        self.push_task(row, task);
        self.dates.insert(row, dates);
    }

    /// The id of `row`'s parent row, if it has one in the file.
    fn parent_id(&self, row: usize) -> Option<String> {
        self.parents[row].map(|p| self.ids[p].clone())
    }

    /// Reports the values of parent `row` that would give it work of its own: a duration,
    /// an estimate or story points other than zero (a summary's dates roll up from its
    /// tasks).
    fn own_values_not_carried(&mut self, row: usize) {
        let fields = [
            Field::Duration,
            Field::EstimateSeconds,
            Field::EstimateHours,
            Field::StoryPoints,
        ];
        let mut own = Vec::new();
        for field in fields {
            let Some((column, text)) = self.first(row, field) else {
                continue;
            };
            let zero = match field {
                Field::Duration => duration_days(text, self.rules.hours_per_day) == Ok(0.0),
                _ => number(text) == Some(0.0),
            };
            if !zero {
                own.push(format!("{} '{text}'", self.table.label(column)));
            }
        }
        if !own.is_empty() {
            self.note_row(
                row,
                format!(
                    "a summary task's own {} not carried: its dates roll up from its tasks",
                    own.join(", ")
                ),
            );
        }
    }

    fn task_name(&mut self, row: usize) -> String {
        let name = cut(&self.names[row]);
        if name.chars().count() < self.names[row].trim().chars().count() {
            self.note_row(
                row,
                format!("name cut to {} characters", engine::text::MAX_NAME_CHARS),
            );
        }
        name
    }

    /// Whether the row's Issue Type is "Milestone"; an epic without issues is noted.
    fn is_milestone_type(&mut self, row: usize) -> bool {
        let Some((_, kind)) = self.first(row, Field::IssueType) else {
            return false;
        };
        let kind = kind.to_lowercase();
        if kind == "epic" {
            self.note_row(
                row,
                "an epic with no issues in the file: carried as a task".to_owned(),
            );
        }
        kind == "milestone"
    }

    /// The first of: the Duration cell, the working days from Start to Finish, a time
    /// estimate, story points, the default.
    fn duration(&mut self, row: usize, dates: &RowDates, tally: &mut Tally) -> (i64, Source) {
        if let Some(days) = self.typed_duration(row, tally) {
            return (days, Source::Typed);
        }
        if let Some(days) = self.span(row, dates) {
            *tally.from.entry(Source::Span).or_default() += 1;
            return (days, Source::Span);
        }
        let hours_per_day = self.rules.hours_per_day;
        let estimates = [
            (
                Field::EstimateSeconds,
                Source::Seconds,
                1.0 / 3600.0 / hours_per_day,
            ),
            (Field::EstimateHours, Source::Hours, 1.0 / hours_per_day),
            (
                Field::StoryPoints,
                Source::Points,
                self.rules.days_per_point,
            ),
        ];
        for (field, source, days_per_unit) in estimates {
            let Some((column, text)) = self.first(row, field) else {
                continue;
            };
            let Some(value) = number(text) else {
                self.problem(
                    row,
                    Some(column),
                    format!("'{text}' is not a number: not used"),
                );
                continue;
            };
            if let Some(days) = self.whole(row, column, value * days_per_unit) {
                *tally.from.entry(source).or_default() += 1;
                if value * days_per_unit != days as f64 {
                    *tally.rounded.entry(source).or_default() += 1;
                }
                return (days, source);
            }
        }
        tally.defaulted.push(row);
        (self.rules.default_days, Source::Default)
    }

    /// The Duration cell in whole days, rounding noted; a problem when it is not one.
    fn typed_duration(&mut self, row: usize, tally: &mut Tally) -> Option<i64> {
        let (column, text) = self.first(row, Field::Duration)?;
        match duration_days(text, self.rules.hours_per_day) {
            Ok(value) => {
                let days = self.whole(row, column, value)?;
                *tally.from.entry(Source::Typed).or_default() += 1;
                if value != days as f64 {
                    self.note_row(
                        row,
                        format!(
                            "duration '{text}' ({} d) rounded to {days} d",
                            decimal(value)
                        ),
                    );
                }
                Some(days)
            }
            Err(why) => {
                self.problem(row, Some(column), format!("'{text}': {why}; not used"));
                None
            }
        }
    }

    /// `days` rounded to whole days, at least 1 when above 0; a problem when too many.
    fn whole(&mut self, row: usize, column: usize, days: f64) -> Option<i64> {
        let whole = days.round().max(if days > 0.0 { 1.0 } else { 0.0 });
        if whole > engine::check::MAX_DAYS as f64 {
            self.problem(
                row,
                Some(column),
                format!(
                    "{} working days is more than {}: not used",
                    decimal(days),
                    engine::words::thousands(engine::check::MAX_DAYS as usize)
                ),
            );
            return None;
        }
        Some(whole as i64)
    }

    /// The working days (Monday to Friday) from Start to Finish, both counted.
    fn span(&mut self, row: usize, dates: &RowDates) -> Option<i64> {
        let ((_, start), (column, finish)) = (dates.start?, dates.finish?);
        if finish < start {
            self.problem(
                row,
                Some(column),
                format!("{finish} is before the Start {start}: not used for the duration"),
            );
            return None;
        }
        Some(weekdays(start, finish).max(1))
    }

    /// The row's Start and Finish dates; a cell that is not a date is a problem.
    fn row_dates(&mut self, row: usize, day_first: bool) -> RowDates {
        RowDates {
            start: self.date(row, Field::Start, day_first),
            finish: self.date(row, Field::Finish, day_first),
            finish_used: false,
        }
    }

    fn date(&mut self, row: usize, field: Field, day_first: bool) -> Option<(usize, NaiveDate)> {
        let (column, text) = self.first(row, field)?;
        let date = date_parts(text).and_then(|parts| parts.date(day_first));
        match date {
            Some(date) if engine::check::date_in_range(date) => Some((column, date)),
            Some(_) => {
                let message =
                    format!("'{text}' is out of the range of dates (1900 to 9999): not used");
                self.problem(row, Some(column), message);
                None
            }
            None => {
                let order = if day_first {
                    "dd/mm/yyyy"
                } else {
                    "mm/dd/yyyy"
                };
                let message = format!(
                    "'{text}' is not a date read here (2026-03-09, {order}, 9 Mar 2026): not used"
                );
                self.problem(row, Some(column), message);
                None
            }
        }
    }

    /// Whether `03/04/2026` is day first, and the note that says which rule decided.
    pub(super) fn date_order(&self) -> (bool, Option<String>) {
        let mut example: Option<String> = None;
        let (mut day_shown, mut month_shown, mut dots) = (None, None, false);
        for row in 0..self.table.len() {
            for field in [Field::Start, Field::Finish] {
                for (_, text) in self.all(row, field) {
                    let Some(DateParts::Numeric {
                        first,
                        second,
                        dots: dotted,
                        ..
                    }) = date_parts(text)
                    else {
                        continue;
                    };
                    example.get_or_insert_with(|| text.to_owned());
                    dots |= dotted;
                    if first > 12 {
                        day_shown.get_or_insert((row + 1, text.to_owned()));
                    }
                    if second > 12 {
                        month_shown.get_or_insert((row + 1, text.to_owned()));
                    }
                }
            }
        }
        let Some(example) = example else {
            return (self.rules.date_order != DateOrder::MonthFirst, None);
        };
        let european = self.table.separator == Separator::Semicolon || dots;
        let words = |day_first: bool| {
            if day_first {
                "day/month/year"
            } else {
                "month/day/year"
            }
        };
        let (day_first, why) = match (self.rules.date_order, day_shown, month_shown) {
            (DateOrder::DayFirst, ..) => (true, "as chosen".to_owned()),
            (DateOrder::MonthFirst, ..) => (false, "as chosen".to_owned()),
            (DateOrder::Auto, Some((row, text)), None) => (
                true,
                format!("'{text}' (row {row}) can be read no other way"),
            ),
            (DateOrder::Auto, None, Some((row, text))) => (
                false,
                format!("'{text}' (row {row}) can be read no other way"),
            ),
            (DateOrder::Auto, Some((day_row, day)), Some((month_row, month))) => (
                european,
                format!(
                    "the file has both: '{day}' (row {day_row}) and '{month}' (row {month_row}); the dates read neither way are problems of their rows"
                ),
            ),
            (DateOrder::Auto, None, None) => (
                european,
                format!(
                    "'{example}' could be either; {} (choose the order if that is wrong)",
                    if european {
                        "day first because the file is separated by semicolons or dated with dots, as in Europe"
                    } else {
                        "month first because the file is separated by commas, as US Excel, Smartsheet and Jira write it"
                    }
                ),
            ),
        };
        let note = format!("dates read as {}: {why}", words(day_first));
        (day_first, Some(note))
    }

    /// Once links are known: a Start on a task without predecessors (none of its own, none
    /// into a summary task it is under) is "start no earlier than" (when after the program
    /// start); a Finish without a Start is a deadline. A summary task's Start is not used
    /// (its dates roll up from its tasks).
    pub(super) fn apply_dates(&mut self) {
        let linked = self.linked_tasks();
        let mut rows: Vec<usize> = self.dates.keys().copied().collect();
        rows.sort_unstable();
        let (mut constrained, mut unused_starts, mut deadlines, mut unused_finishes) = (0, 0, 0, 0);
        let mut summary_dates = 0;
        for row in rows {
            let (Some(dates), Some(&index)) = (self.dates.get(&row), self.task_of_row.get(&row))
            else {
                continue;
            };
            let dates = *dates;
            let task = &mut self.program.tasks[index];
            if task.summary {
                match (dates.start, dates.finish) {
                    (None, Some((_, finish))) => {
                        task.deadline = Some(finish);
                        deadlines += 1;
                    }
                    (Some(_), _) => summary_dates += 1,
                    (None, None) => {}
                }
                continue;
            }
            match (dates.start, dates.finish) {
                (Some((_, start)), finish) => {
                    if linked.contains(&task.id) {
                        unused_starts += 1;
                    } else if start > self.start {
                        task.constraint = Some(Constraint {
                            kind: ConstraintKind::SNET,
                            date: Some(start),
                        });
                        constrained += 1;
                    }
                    if finish.is_some() && !dates.finish_used {
                        unused_finishes += 1;
                    }
                }
                (None, Some((_, finish))) => {
                    task.deadline = Some(finish);
                    deadlines += 1;
                }
                (None, None) => {}
            }
        }
        self.date_notes(constrained, unused_starts, deadlines, unused_finishes);
        if summary_dates > 0 {
            self.report.note(format!(
                "Start and Finish dates not used: summary tasks, whose dates roll up from their tasks: {}",
                engine::words::count(summary_dates, "summary task", "summary tasks")
            ));
        }
    }

    /// The ids of the tasks with a predecessor: a link into them, or into a summary task
    /// they are under (at any depth).
    fn linked_tasks(&self) -> HashSet<String> {
        let mut linked = HashSet::new();
        for dependency in &self.program.dependencies {
            linked.insert(dependency.to.clone());
            let Some(&row) = self.lookup.get(&dependency.to) else {
                continue;
            };
            if self.kinds[row] == Kind::Parent {
                for task in self.tasks_under(row) {
                    linked.insert(self.ids[task].clone());
                }
            }
        }
        linked
    }

    fn date_notes(&mut self, constrained: usize, unused: usize, deadlines: usize, finishes: usize) {
        use engine::words::count;
        let notes = [
            (
                constrained,
                "start no earlier than their Start date: tasks without predecessors (a Start on or before the program start sets nothing)",
            ),
            (
                unused,
                "Start date not used: tasks with predecessors, which their links place",
            ),
            (
                deadlines,
                "Finish date made a deadline: tasks without a Start (a deadline never moves a task; a later finish shows as late)",
            ),
            (
                finishes,
                "Finish date not used: tasks whose duration comes from the Duration column",
            ),
        ];
        for (tasks, rule) in notes {
            if tasks > 0 {
                self.report
                    .note(format!("{rule}: {}", count(tasks, "task", "tasks")));
            }
        }
    }

    /// The stated rules that made durations, where they did.
    fn tally_notes(&mut self, tally: &Tally) {
        use engine::words::count;
        let hours = decimal(self.rules.hours_per_day);
        let rules = [
            (
                Source::Span,
                "from Start to Finish: the working days between them, Monday to Friday, both counted".to_owned(),
            ),
            (
                Source::Seconds,
                format!("from estimates in seconds: seconds ÷ 3,600 ÷ {hours} hours a day"),
            ),
            (
                Source::Hours,
                format!("from estimates in hours: hours ÷ {hours} hours a day"),
            ),
            (
                Source::Points,
                format!(
                    "from story points: points × {} a point",
                    days(self.rules.days_per_point)
                ),
            ),
        ];
        for (source, rule) in rules {
            let Some(&from) = tally.from.get(&source) else {
                continue;
            };
            let rounded = tally.rounded.get(&source).copied().unwrap_or_default();
            let rounding = if rounded > 0 {
                format!("; {rounded} rounded to whole days (at least 1)")
            } else {
                String::new()
            };
            self.report.note(format!(
                "{} {rule}{rounding}",
                count(from, "duration", "durations")
            ));
        }
        if !tally.defaulted.is_empty() {
            self.report.note(format!(
                "{} with no duration, estimate or dates got the default of {} (rows {})",
                count(tally.defaulted.len(), "task", "tasks"),
                count(
                    self.rules.default_days as usize,
                    "working day",
                    "working days"
                ),
                listed(&tally.defaulted)
            ));
        }
    }
}

/// The working days (Monday to Friday) from `first` to `last`, both counted.
fn weekdays(first: NaiveDate, last: NaiveDate) -> i64 {
    let days = (last - first).num_days() + 1;
    let mut count = days / 7 * 5;
    let mut day = first;
    for _ in 0..days % 7 {
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            count += 1;
        }
        day = day.succ_opt().unwrap_or(day);
    }
    count
}

/// `1 working day`, `0.5 working days`.
fn days(value: f64) -> String {
    let unit = if value == 1.0 {
        "working day"
    } else {
        "working days"
    };
    format!("{} {unit}", decimal(value))
}

/// `2.5`, `3`: at most two decimals.
pub(super) fn decimal(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Row numbers (0-based indices shown from 1): the first ten, then how many more.
fn listed(rows: &[usize]) -> String {
    let shown: Vec<String> = rows.iter().take(10).map(|r| (r + 1).to_string()).collect();
    match rows.len().saturating_sub(10) {
        0 => shown.join(", "),
        more => format!(
            "{} … and {} more",
            shown.join(", "),
            engine::words::thousands(more)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_count_both_ends() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        assert_eq!(weekdays(day(2), day(6)), 5, "Monday to Friday");
        assert_eq!(weekdays(day(2), day(13)), 10);
        assert_eq!(weekdays(day(6), day(9)), 2, "Friday to Monday");
        assert_eq!(weekdays(day(7), day(8)), 0, "a weekend");
    }
}
