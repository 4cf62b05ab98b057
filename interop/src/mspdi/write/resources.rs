//! MSPDI out: each resource's calendar (derived from the program's, as MS Project gives
//! every work resource one), the `Resources` element (each a work resource with its max
//! units and availability table) and the `Assignments` element (a task's demand on a
//! resource, with its units and the work they make over the task), in the schema's order.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use engine::{Program, Schedule};

use super::tasks::task_start;
use super::{
    MAX_NAME, MINUTES_PER_DAY, Out, at, clean, exceptions, finish_of, start_of, week_days,
};
use crate::mspdi::availability::{NA_END, NA_START, rows_of};
use crate::mspdi::layout::{Layout, effective};

/// MS Project's resource type of a work resource.
const WORK: i64 = 1;

/// A calendar per resource, named after it and derived from the program's (UID 1): with no
/// days of its own when the resource works on the program calendar, else its working
/// weekdays (its own that are also the program's) and its holidays beyond the program's.
pub(super) fn calendars(out: &mut Out, program: &Program, layout: &Layout) {
    let base: BTreeSet<NaiveDate> = layout.calendar.holidays.iter().copied().collect();
    for (resource, &uid) in program.resources.iter().zip(&layout.resource_calendars) {
        out.open("Calendar");
        out.text("UID", uid);
        out.text("Name", clean(&resource.name, MAX_NAME));
        out.text("IsBaseCalendar", 0);
        out.text("BaseCalendarUID", 1);
        let own = resource
            .calendar
            .as_ref()
            .map(|own| effective(&program.calendar, own))
            .filter(|works| *works != layout.calendar && !works.workdays.is_empty());
        if let Some(works) = own {
            week_days(out, &works);
            let holidays: Vec<NaiveDate> = works
                .holidays
                .iter()
                .copied()
                .filter(|d| !base.contains(d))
                .collect();
            exceptions(out, &holidays);
        }
        out.close("Calendar");
    }
}

/// Every resource as a work resource: its UID, row number, name, max units (its capacity),
/// calendar, and its availability periods as MS Project's table.
pub(super) fn resources(out: &mut Out, program: &Program, layout: &Layout) {
    if program.resources.is_empty() {
        return;
    }
    out.open("Resources");
    for (row, resource) in (1..).zip(&program.resources) {
        out.open("Resource");
        out.text("UID", layout.resource_uids[row as usize - 1]);
        out.text("ID", row);
        out.text("Name", clean(&resource.name, MAX_NAME));
        out.text("Type", WORK);
        out.text("IsNull", 0);
        out.text("MaxUnits", resource.capacity);
        out.text("CalendarUID", layout.resource_calendars[row as usize - 1]);
        let rows = rows_of(resource.capacity, &resource.availability);
        if !rows.is_empty() {
            out.open("AvailabilityPeriods");
            for period in rows {
                out.open("AvailabilityPeriod");
                out.date(
                    "AvailableFrom",
                    period.from.map_or(at(NA_START, 0, 0), start_of),
                );
                out.date(
                    "AvailableTo",
                    period.to.map_or(at(NA_END, 23, 59), finish_of),
                );
                out.text("AvailableUnits", period.units);
                out.close("AvailabilityPeriod");
            }
            out.close("AvailabilityPeriods");
        }
        out.close("Resource");
    }
    out.close("Resources");
}

/// Each task's demands, in the program's order, as assignments numbered from 1: the
/// task's and the resource's UIDs, the task's dates, the units, and the work (its
/// working days × units × 8 hours). A demand on a resource not in the program (refused by
/// the checks) is left out.
pub(super) fn assignments(out: &mut Out, program: &Program, schedule: &Schedule, layout: &Layout) {
    let resource_uid: HashMap<&str, i64> = program
        .resources
        .iter()
        .zip(&layout.resource_uids)
        .map(|(r, &uid)| (r.id.as_str(), uid))
        .collect();
    let mut uid = 0;
    for (index, task) in program.tasks.iter().enumerate() {
        let times = schedule.tasks.get(index);
        for demand in &task.demands {
            let Some(&resource) = resource_uid.get(demand.resource.as_str()) else {
                continue;
            };
            if uid == 0 {
                out.open("Assignments");
            }
            uid += 1;
            out.open("Assignment");
            out.text("UID", uid);
            out.text("TaskUID", layout.uids[index]);
            out.text("ResourceUID", resource);
            if let Some(times) = times {
                out.date("Finish", finish_of(times.finish));
                out.date("Start", task_start(task, times));
            }
            out.text("Units", demand.units);
            let days = if task.is_milestone() {
                0
            } else {
                task.duration
            };
            out.text("Work", work(days, demand.units));
            out.close("Assignment");
        }
    }
    if uid > 0 {
        out.close("Assignments");
    }
}

/// `PT60H0M0S`: `days` working days of 8 hours at `units`, to the minute.
fn work(days: i64, units: f64) -> String {
    let minutes = (days.max(0) as f64 * units * MINUTES_PER_DAY as f64).round() as i64;
    format!("PT{}H{}M0S", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::work;

    #[test]
    fn work_is_days_times_units_in_eight_hour_days() {
        assert_eq!(work(5, 1.0), "PT40H0M0S");
        assert_eq!(work(3, 0.5), "PT12H0M0S");
        assert_eq!(work(1, 0.1), "PT0H48M0S");
        assert_eq!(work(0, 2.0), "PT0H0M0S");
    }
}
