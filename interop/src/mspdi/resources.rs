//! MS Project's resources and assignments as Planwork's resources and demands.
//!
//! A work resource becomes a resource of id `R<UID>` (stable: importing the file again
//! gives the same ids), its name (made unique: the grid picks a resource by name), its max
//! units as its capacity (1 is 100%: one unit a day), its availability table as periods
//! (see `availability`) and its calendar when it is not the project's (its working days
//! that are not project working days do not count, and are reported). Material and cost
//! resources, and what cannot be carried of a calendar, are reported; the blank rows and
//! the unnamed resource (UID 0) are passed over.
//!
//! An assignment of a carried resource to a carried task becomes a demand of its units a
//! day on each of the task's days: two of one resource to one task are added together, an
//! assignment to a summary task (whose work is its tasks') or of no units is not carried,
//! a work contour or an assignment on part of its task is carried as flat over the whole
//! task — each reported. MS Project's assignments to no resource (UID -65535, its
//! placeholder for a task's own work) are passed over.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use engine::check::resources::MAX_UNITS;
use engine::{Calendar, Demand, Resource, Task};

use super::availability::{NA_END, NA_START, Row, periods_of};
use super::layout::{effective, normalised};
use super::read::{RawAssignment, RawAvailability, RawResource, RawTask};
use super::{ImportReport, Importer, calendars, cut};

/// MS Project's resource types.
const MATERIAL: i64 = 0;
const COST: i64 = 2;

impl Importer<'_> {
    /// The file's work resources, in file order, and each one's position by UID; a
    /// program starting on `start`.
    pub(super) fn resources(&mut self, start: NaiveDate) -> (Vec<Resource>, HashMap<i64, usize>) {
        let raw = self.raw;
        let mut assignments: HashMap<i64, usize> = HashMap::new();
        for assignment in &raw.assignments {
            *assignments.entry(assignment.resource).or_default() += 1;
        }
        let mut resources = Vec::new();
        let mut by_uid = HashMap::new();
        let mut names = HashSet::new();
        for row in &raw.resources {
            if row.uid <= 0 || row.null {
                continue;
            }
            if by_uid.contains_key(&row.uid) {
                self.report.note_resource(
                    row.uid,
                    &row.name,
                    "a second resource of this UID: not carried",
                );
                continue;
            }
            let count = assignments.get(&row.uid).copied().unwrap_or_default();
            if let Some(resource) = self.resource(row, start, count, &mut names) {
                by_uid.insert(row.uid, resources.len());
                resources.push(resource);
            }
        }
        (resources, by_uid)
    }

    /// Resource `raw` (with `assignments` in the file), unless it is not a work resource;
    /// its name made unique among `names`.
    fn resource(
        &mut self,
        raw: &RawResource,
        start: NaiveDate,
        assignments: usize,
        names: &mut HashSet<String>,
    ) -> Option<Resource> {
        let kind = if raw.cost || raw.kind == COST {
            Some("a cost resource (Planwork has no costs)")
        } else if raw.kind == MATERIAL {
            Some("a material resource (Planwork's resources work: units a day)")
        } else {
            None
        };
        if let Some(kind) = kind {
            let with = match assignments {
                0 => String::new(),
                n => format!(
                    ", nor its {}",
                    engine::words::count(n, "assignment", "assignments")
                ),
            };
            self.report
                .note_resource(raw.uid, &raw.name, format!("{kind}: not carried{with}"));
            return None;
        }
        let name = self.resource_name(raw, names);
        let capacity = self.capacity(raw);
        let rows = self.availability_rows(raw);
        let availability = if rows.is_empty() {
            Vec::new()
        } else {
            periods_of(&rows, capacity, start)
        };
        Some(Resource {
            id: format!("R{}", raw.uid),
            name,
            capacity,
            calendar: self.resource_calendar(raw),
            availability,
        })
    }

    /// The resource's name, `Resource <UID>` when it has none, with ` (UID n)` when another
    /// resource has it already (each reported).
    fn resource_name(&mut self, raw: &RawResource, names: &mut HashSet<String>) -> String {
        let mut name = cut(&raw.name);
        if name.is_empty() {
            name = format!("Resource {}", raw.uid);
            self.report
                .note_resource(raw.uid, "", format!("no name: named '{name}'"));
        }
        if !names.insert(name.to_lowercase()) {
            let unique = format!("{name} (UID {})", raw.uid);
            self.report.note_resource(
                raw.uid,
                &raw.name,
                format!("another resource has this name: named '{unique}' (a task's Resources cell picks a resource by name)"),
            );
            names.insert(unique.to_lowercase());
            name = unique;
        }
        name
    }

    /// Max units as a capacity: more than 0, at most [`MAX_UNITS`]. A resource whose max
    /// units are 0 (MS Project's for today when its table has no row for today) takes its
    /// table's largest units, its rows deciding every day; without a table it is given 1
    /// (reported).
    fn capacity(&mut self, raw: &RawResource) -> f64 {
        let stated = raw.max_units.unwrap_or(1.0);
        if stated > 0.0 && stated <= MAX_UNITS {
            return stated;
        }
        if stated > MAX_UNITS {
            self.report.note_resource(
                raw.uid,
                &raw.name,
                format!("max units {} cut to {MAX_UNITS}", units_text(stated)),
            );
            return MAX_UNITS;
        }
        if !raw.availability.is_empty() {
            // Its table's rows and gaps say what it offers on every day from the program's
            // start (see `availability`): the capacity only stands for the days in none.
            let best = raw
                .availability
                .iter()
                .filter_map(|p| p.units)
                .fold(0.0, f64::max);
            return if best > 0.0 { best.min(MAX_UNITS) } else { 1.0 };
        }
        self.report.note_resource(
            raw.uid,
            &raw.name,
            format!(
                "max units {}: carried as 1 unit a day (a capacity is more than 0)",
                units_text(stated)
            ),
        );
        1.0
    }

    /// The availability table's rows, "NA" ends open, units within 0 to [`MAX_UNITS`].
    fn availability_rows(&mut self, raw: &RawResource) -> Vec<Row> {
        let mut rows = Vec::with_capacity(raw.availability.len());
        for period in &raw.availability {
            let units = period.units.unwrap_or(1.0).max(0.0);
            if units > MAX_UNITS {
                self.report.note_resource(
                    raw.uid,
                    &raw.name,
                    format!("available units {} cut to {MAX_UNITS}", units_text(units)),
                );
            }
            rows.push(row_of(period, units.min(MAX_UNITS)));
        }
        rows
    }

    /// The resource's calendar, when it works on other days than the project calendar
    /// (its days that are not project working days do not count, reported); none when it
    /// has no project working day (reported) or is not in the file (reported). What its
    /// calendar states that Planwork's cannot is reported once.
    fn resource_calendar(&mut self, raw: &RawResource) -> Option<Calendar> {
        let uid = raw.calendar_uid.filter(|&u| u >= 0)?;
        if Some(uid) == self.raw.calendar_uid {
            return None;
        }
        let mut notes = ImportReport::default();
        let Some((calendar, name)) = calendars::calendar(&self.raw.calendars, uid, &mut notes)
        else {
            self.report.note_resource(
                raw.uid,
                &raw.name,
                format!(
                    "its calendar (UID {uid}) is not in the file: works on the project calendar"
                ),
            );
            return None;
        };
        for note in notes.notes {
            if !self.report.notes.contains(&note) {
                self.report.notes.push(note);
            }
        }
        let project = &self.calendar;
        let off: Vec<String> = calendar
            .workdays
            .iter()
            .filter(|d| !project.workdays.contains(d))
            .map(|d| format!("{d:?}"))
            .collect();
        let works = effective(project, &calendar);
        if works.workdays.is_empty() {
            self.report.note_resource(
                raw.uid,
                &raw.name,
                format!("its calendar '{name}' has no project working day: not carried (works on the project calendar)"),
            );
            return None;
        }
        if !off.is_empty() {
            self.report.note_resource(
                raw.uid,
                &raw.name,
                format!(
                    "its calendar '{name}' works on {}, not project working days: not counted",
                    off.join(", ")
                ),
            );
        }
        (works != normalised(project)).then_some(calendar)
    }

    /// Each assignment of a carried resource to a carried task as a demand on `tasks` (the
    /// program's), `resources` at their positions `by_uid`; how many demands there are.
    pub(super) fn demands(
        &mut self,
        tasks: &mut [Task],
        resources: &[Resource],
        by_uid: &HashMap<i64, usize>,
    ) -> usize {
        let raw = self.raw;
        let rows: HashMap<i64, &RawTask> = raw.tasks.iter().map(|t| (t.uid, t)).collect();
        let position: HashMap<String, usize> = tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        let listed: HashSet<i64> = raw.resources.iter().map(|r| r.uid).collect();
        for assignment in &raw.assignments {
            if assignment.resource <= 0 {
                // MS Project's placeholder for a task without a resource.
                continue;
            }
            let Some(&at) = by_uid.get(&assignment.resource) else {
                if !listed.contains(&assignment.resource) {
                    let (uid, name) = task_label(&rows, assignment.task);
                    self.report.note_task(
                        uid,
                        &name,
                        format!(
                            "assigned resource UID {}, which is not in the file: not carried",
                            assignment.resource
                        ),
                    );
                }
                continue;
            };
            let resource = &resources[at];
            let task = position.get(&assignment.task.to_string()).copied();
            self.demand(assignment, resource, task, tasks, &rows);
        }
        tasks.iter().map(|t| t.demands.len()).sum()
    }

    /// `assignment` of `resource` to the task at `task` in `tasks` (`None`: not carried).
    fn demand(
        &mut self,
        assignment: &RawAssignment,
        resource: &Resource,
        task: Option<usize>,
        tasks: &mut [Task],
        rows: &HashMap<i64, &RawTask>,
    ) {
        let (uid, name) = task_label(rows, assignment.task);
        let who = format!("'{}' (resource UID {})", resource.name, assignment.resource);
        let Some(task) = task.filter(|&t| !tasks[t].summary) else {
            let why = match rows.get(&assignment.task) {
                Some(row) if row.summary => "a summary task's work is its tasks'",
                Some(_) => "the task is not carried",
                None => "no task of this UID in the file",
            };
            self.report
                .note_task(uid, &name, format!("assigned {who}: not carried ({why})"));
            return;
        };
        let stated = assignment.units.unwrap_or(1.0);
        if stated <= 0.0 {
            self.report.note_task(
                uid,
                &name,
                format!("assigned {who} with {} units: skipped", units_text(stated)),
            );
            return;
        }
        let units = stated.min(MAX_UNITS);
        if units < stated {
            self.report.note_task(
                uid,
                &name,
                format!("{who}: {} units cut to {MAX_UNITS}", units_text(stated)),
            );
        }
        let demands = &mut tasks[task].demands;
        match demands.iter_mut().find(|d| d.resource == resource.id) {
            Some(demand) => {
                let before = demand.units;
                demand.units = (before + units).min(MAX_UNITS);
                let total = demand.units;
                self.report.note_task(
                    uid,
                    &name,
                    format!(
                        "assigned {who} twice: {} and {} units added together ({} a day)",
                        units_text(before),
                        units_text(units),
                        units_text(total)
                    ),
                );
            }
            None => demands.push(Demand {
                resource: resource.id.clone(),
                units,
            }),
        }
        self.assignment_shape(assignment, &who, rows);
    }

    /// Reports an assignment that is not flat over its whole task: a work contour, or
    /// dates within the task's.
    fn assignment_shape(
        &mut self,
        assignment: &RawAssignment,
        who: &str,
        rows: &HashMap<i64, &RawTask>,
    ) {
        let Some(row) = rows.get(&assignment.task) else {
            return;
        };
        if assignment.contour != 0 {
            self.report.note_task(
                row.uid,
                &row.name,
                format!(
                    "{who} works on it {}: carried as the same units on each of its days",
                    contour_words(assignment.contour)
                ),
            );
        }
        let days = |start: Option<NaiveDateTime>, finish: Option<NaiveDateTime>| {
            Some((start?.date(), self.finish_day(finish?)))
        };
        let (Some(own), Some(task)) = (
            days(assignment.start, assignment.finish),
            days(row.start, row.finish),
        ) else {
            return;
        };
        if own != task && !row.milestone {
            self.report.note_task(
                row.uid,
                &row.name,
                format!(
                    "{who} works on it from {} to {}, the task from {} to {}: carried as demanded on each of the task's days",
                    own.0, own.1, task.0, task.1
                ),
            );
        }
    }
}

/// An availability row's days: "NA" (none stated, or at MS Project's first or last date)
/// open; a last day at midnight is the day before (the row ends as it starts).
fn row_of(period: &RawAvailability, units: f64) -> Row {
    let from = period.from.map(|d| d.date()).filter(|d| *d > NA_START);
    let to = period.to.and_then(|at| {
        let day = if at.time().num_seconds_from_midnight() == 0 {
            at.date().pred_opt()?
        } else {
            at.date()
        };
        (day < NA_END).then_some(day)
    });
    Row { from, to, units }
}

/// The UID and name of task `uid` (its name empty when it is not in the file).
fn task_label(rows: &HashMap<i64, &RawTask>, uid: i64) -> (i64, String) {
    let name = rows.get(&uid).map(|t| t.name.clone()).unwrap_or_default();
    (uid, name)
}

/// MS Project's work contour in words.
fn contour_words(contour: i64) -> String {
    let words = match contour {
        1 => "back loaded",
        2 => "front loaded",
        3 => "in a double peak",
        4 => "in an early peak",
        5 => "in a late peak",
        6 => "in a bell",
        7 => "in a turtle",
        8 => "contoured by hand",
        other => return format!("in work contour {other}"),
    };
    words.to_owned()
}

/// `1`, `0.5`, `1.25`: units with at most two decimals.
fn units_text(units: f64) -> String {
    super::days_text(units)
}
