//! How a program is laid out in an MSPDI file before any XML is written: the task UIDs, the
//! outline (a summary row per workstream with its top-level tasks under it, each summary
//! task followed by the tasks under it, one level deeper), the calendars (the program's,
//! one per workstream whose own calendar changes its working days, and one per resource,
//! derived from the program's), and the resource UIDs.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate, Weekday};
use engine::{Calendar, Program};

use crate::outline::{Placed, Tree};

/// The largest task id kept as a UID: the summary rows are numbered after the tasks, and
/// MS Project's UIDs are 32-bit.
const MAX_KEPT_ID: i64 = 999_999_999;

/// The program's layout in the file.
pub(crate) struct Layout {
    /// Each task's UID, by task index.
    pub uids: Vec<i64>,
    /// Whether the tasks were renumbered (their Planwork ids then go in a text field).
    pub renumbered: bool,
    /// The summary rows, in file order, each with its tasks.
    pub groups: Vec<Group>,
    /// The workstreams' own calendars (UID 2 on), and each task's calendar UID if not the
    /// project's.
    pub team_calendars: Vec<TeamCalendar>,
    pub task_calendar: Vec<Option<i64>>,
    /// The program calendar as the file states it: working weekdays, and the holidays that
    /// fall on them, sorted.
    pub calendar: Calendar,
    /// Each resource's UID, by resource index: `n` of an id `R<n>` when every resource's id
    /// is one (as [`import_mspdi`](super::import_mspdi) makes them), else 1..n in order.
    pub resource_uids: Vec<i64>,
    /// The UID of each resource's own calendar (derived from the program's), by resource
    /// index: after the workstreams' calendars.
    pub resource_calendars: Vec<i64>,
}

/// A workstream's summary row.
pub(crate) struct Group {
    pub uid: i64,
    pub name: String,
    /// The rows under it in outline order: each of the workstream's top-level tasks (in the
    /// program's order), a summary task followed by the rows under it.
    pub rows: Vec<Placed>,
}

/// A workstream's effective calendar, as a base calendar of its own.
pub(crate) struct TeamCalendar {
    pub uid: i64,
    pub name: String,
    pub calendar: Calendar,
}

impl Layout {
    pub(crate) fn of(program: &Program) -> Layout {
        let (uids, renumbered) = task_uids(program);
        let first_summary = uids.iter().copied().max().unwrap_or(0) + 1;
        let groups = groups(program, first_summary);
        let calendar = normalised(&program.calendar);
        let (team_calendars, by_workstream) = team_calendars(program, &calendar);
        let task_calendar = program
            .tasks
            .iter()
            .map(|t| by_workstream.get(t.workstream.as_str()).copied())
            .collect();
        let first_resource_calendar = team_calendars.len() as i64 + 2;
        Layout {
            resource_uids: resource_uids(program),
            resource_calendars: (first_resource_calendar..)
                .take(program.resources.len())
                .collect(),
            uids,
            renumbered,
            groups,
            team_calendars,
            task_calendar,
            calendar,
        }
    }
}

/// The tasks' UIDs: their ids when every id is a whole number from 1 to [`MAX_KEPT_ID`]
/// written plainly (no sign, no leading zero), else 1..n in the program's task order.
fn task_uids(program: &Program) -> (Vec<i64>, bool) {
    let kept: Option<Vec<i64>> = program.tasks.iter().map(|t| plain_number(&t.id)).collect();
    match kept {
        Some(uids) => (uids, false),
        None => ((1..=program.tasks.len() as i64).collect(), true),
    }
}

/// The resources' UIDs: `n` of ids `R<n>` when every id is one (`n` a plain whole number
/// from 1 to [`MAX_KEPT_ID`], each once), else 1..n in the program's resource order.
fn resource_uids(program: &Program) -> Vec<i64> {
    let kept: Option<Vec<i64>> = program
        .resources
        .iter()
        .map(|r| r.id.strip_prefix('R').and_then(plain_number))
        .collect();
    match kept {
        Some(uids) if uids.iter().collect::<BTreeSet<_>>().len() == uids.len() => uids,
        _ => (1..=program.resources.len() as i64).collect(),
    }
}

fn plain_number(id: &str) -> Option<i64> {
    let n: i64 = id.parse().ok()?;
    ((1..=MAX_KEPT_ID).contains(&n) && n.to_string() == id).then_some(n)
}

/// A summary row per workstream that has top-level tasks, in the workstreams' order, then
/// one per unknown workstream id a top-level task names (named by that id), in order of
/// first use. A task under a summary task is written under it, whatever its workstream.
fn groups(program: &Program, first_uid: i64) -> Vec<Group> {
    let tree = Tree::of(program);
    let mut order: Vec<(&str, String)> = program
        .workstreams
        .iter()
        .map(|w| (w.id.as_str(), w.name.clone()))
        .collect();
    let mut roots: HashMap<&str, Vec<usize>> = HashMap::new();
    for &index in &tree.roots {
        let id = program.tasks[index].workstream.as_str();
        if !order.iter().any(|(known, _)| *known == id) {
            order.push((id, id.to_owned()));
        }
        roots.entry(id).or_default().push(index);
    }
    let mut placed = vec![false; program.tasks.len()];
    order
        .into_iter()
        .filter_map(|(id, name)| Some((name, roots.remove(id)?)))
        .zip(first_uid..)
        .map(|((name, roots), uid)| {
            let mut rows = Vec::new();
            let mut number = 0;
            for root in roots {
                // A task of a loop of parents may already be under another.
                if !placed[root] {
                    number += 1;
                    tree.place(root, number, &mut placed, &mut rows);
                }
            }
            Group { uid, name, rows }
        })
        .collect()
}

/// A calendar as MS Project can state it: its working weekdays, and its holidays that fall
/// on them (a holiday on a day off changes nothing), sorted and once each.
pub(crate) fn normalised(calendar: &Calendar) -> Calendar {
    let holidays: BTreeSet<NaiveDate> = calendar
        .holidays
        .iter()
        .copied()
        .filter(|d| calendar.workdays.contains(&d.weekday()))
        .collect();
    Calendar {
        workdays: weekdays_in_order(&calendar.workdays),
        holidays: holidays.into_iter().collect(),
    }
}

/// The calendar a workstream's tasks work on: its own weekdays that are also the
/// program's, and both calendars' holidays (the engine's rule).
pub(crate) fn effective(program_calendar: &Calendar, own: &Calendar) -> Calendar {
    let workdays: Vec<Weekday> = own
        .workdays
        .iter()
        .copied()
        .filter(|d| program_calendar.workdays.contains(d))
        .collect();
    normalised(&Calendar {
        workdays,
        holidays: program_calendar
            .holidays
            .iter()
            .chain(&own.holidays)
            .copied()
            .collect(),
    })
}

fn weekdays_in_order(days: &[Weekday]) -> Vec<Weekday> {
    let mut out: Vec<Weekday> = days.to_vec();
    out.sort_by_key(|d| d.num_days_from_monday());
    out.dedup();
    out
}

/// A base calendar per workstream whose effective calendar differs from the program's
/// (UIDs from 2, names unique), and the calendar UID of each such workstream.
fn team_calendars<'p>(
    program: &'p Program,
    calendar: &Calendar,
) -> (Vec<TeamCalendar>, HashMap<&'p str, i64>) {
    let mut out: Vec<TeamCalendar> = Vec::new();
    let mut by_workstream = HashMap::new();
    let mut names: BTreeSet<String> = BTreeSet::from(["Standard".to_owned()]);
    for workstream in &program.workstreams {
        let Some(own) = &workstream.calendar else {
            continue;
        };
        let team = effective(&program.calendar, own);
        if team == *calendar || team.workdays.is_empty() {
            continue;
        }
        let uid = out.len() as i64 + 2;
        by_workstream.insert(workstream.id.as_str(), uid);
        out.push(TeamCalendar {
            uid,
            name: unique_name(&workstream.name, &mut names),
            calendar: team,
        });
    }
    (out, by_workstream)
}

/// `name`, or `name 2`, `name 3`… : the first not yet in `taken`.
fn unique_name(name: &str, taken: &mut BTreeSet<String>) -> String {
    let base = if name.trim().is_empty() {
        "Workstream"
    } else {
        name.trim()
    };
    let mut candidate = base.to_owned();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base} {n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kept_only_when_all_are_plain_numbers() {
        assert_eq!(plain_number("12"), Some(12));
        assert_eq!(plain_number("012"), None);
        assert_eq!(plain_number("+12"), None);
        assert_eq!(plain_number("0"), None);
        assert_eq!(plain_number("1000000000"), None);
        assert_eq!(plain_number("T1"), None);
    }

    #[test]
    fn resource_ids_of_an_import_are_kept_as_uids() {
        let program = |ids: &[&str]| Program {
            resources: ids
                .iter()
                .map(|id| engine::Resource {
                    id: (*id).to_owned(),
                    ..engine::Resource::default()
                })
                .collect(),
            ..Program::default()
        };
        assert_eq!(resource_uids(&program(&["R14", "R3"])), [14, 3]);
        assert_eq!(resource_uids(&program(&["R14", "sre"])), [1, 2]);
        assert_eq!(resource_uids(&program(&["R07", "R3"])), [1, 2], "not plain");
        assert_eq!(resource_uids(&program(&["R0"])), [1]);
    }

    #[test]
    fn names_are_made_unique() {
        let mut taken = BTreeSet::from(["Standard".to_owned()]);
        assert_eq!(unique_name("Standard", &mut taken), "Standard 2");
        assert_eq!(unique_name("Ops", &mut taken), "Ops");
        assert_eq!(unique_name("Ops", &mut taken), "Ops 2");
        assert_eq!(unique_name(" ", &mut taken), "Workstream");
    }
}
