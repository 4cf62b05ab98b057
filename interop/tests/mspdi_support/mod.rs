//! Helpers shared by the MS Project XML export tests (`mspdi_export.rs`,
//! `mspdi_resources.rs`): the files MS Project wrote, the schema check (`xmllint`, from
//! scripts/setup), and the round trip's rule — [`assert_same`]: importing an exported file
//! gives back the same program, as far as MSPDI can say it, and the same schedule.
//!
//! The round-trip rule: task ids come back as they were when every id is a plain whole
//! number (1 to 999,999,999), else as 1..n in the program's order; tasks come back grouped
//! by workstream, a task under a summary task in its top-level task's workstream (the
//! summary row it is written under), with its summary; workstreams are matched by name
//! (those without tasks are not written);
//! calendars are compared as MS Project states them (working weekdays, holidays on them; a
//! workstream's calendar as the days its tasks work: its weekdays that are also the
//! program's, and both calendars' holidays); percent complete to the whole percent.
//! Resources come back with their ids when every id is `R<n>` (n a plain whole number),
//! else as R1..Rn in the program's order; each with its name, capacity, the days it works
//! (as a workstream's calendar) and its capacity on each day of the program's first two
//! years (its availability periods as MS Project's table states them); each task with its
//! demands (by resource) and its priority (500 when none).

// Each test file is its own crate and uses only some of these helpers.
#![allow(dead_code)]

pub mod random;
mod resources;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Datelike, NaiveDate, Weekday};
use engine::{
    Calendar, Constraint, ConstraintKind, CriticalPath, Dependency, LinkType, Program, Schedule,
};

pub const MS_PROJECT_FILES: [&str; 4] = [
    "mpxj__mspdirelations.xml",
    "mpxj__task-links-project2003-mspdi.xml",
    "mpxj__legacy-caltest.xml",
    "aspose__Residential_Construction.xml",
];

pub fn files_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/files/mspdi")
}

pub fn scheduled(program: &Program) -> Schedule {
    let checked = engine::check(program).expect("checks");
    engine::schedule_checked(&checked).expect("schedules")
}

/// Fails with xmllint's message unless `xml` is valid against the MSPDI schema of
/// Project 2007 (tests/files/mspdi/mspdi_pj12.xsd).
pub fn assert_valid(xml: &str, label: &str) {
    static FILES: AtomicUsize = AtomicUsize::new(0);
    let n = FILES.fetch_add(1, Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!(
        "planwork-mspdi-export-{}-{n}.xml",
        std::process::id()
    ));
    std::fs::write(&path, xml).expect("the temporary file is written");
    let schema = files_dir().join("mspdi_pj12.xsd");
    let run = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(&path)
        .output();
    let output = match run {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "xmllint is not installed: run scripts/setup (it installs Debian's libxml2-utils), \
             then run the tests again"
        ),
        Err(e) => panic!("xmllint could not run: {e}"),
    };
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "{label}: not valid against the MSPDI schema:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Asserts that `parts` appear in `text` in this order.
pub fn assert_in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        match text[from..].find(part) {
            Some(at) => from += at + part.len(),
            None => panic!("{part:?} not found after byte {from} in:\n{text}"),
        }
    }
}

/// Gives task `i` the id `id(i)`, in the tasks and the links.
pub fn rename(program: &mut Program, id: impl Fn(usize) -> String) {
    let new: BTreeMap<String, String> = program
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), id(i)))
        .collect();
    for task in &mut program.tasks {
        task.id = new[&task.id].clone();
    }
    for link in &mut program.dependencies {
        link.from = new[&link.from].clone();
        link.to = new[&link.to].clone();
    }
}

/// A task as MSPDI carries it: name, workstream name, duration (0 for a milestone),
/// milestone, constraint, deadline, actual dates, whole percent complete, and its place in
/// the outline (its summary's id, whether it is one).
pub type TaskFacts = (
    String,
    String,
    i64,
    bool,
    Option<Constraint>,
    Option<NaiveDate>,
    (Option<NaiveDate>, Option<NaiveDate>, i64),
    (Option<String>, bool),
);

/// Asserts that `back` (imported from the export of `program`) is `program` as MSPDI
/// carries it, and schedules to the same dates. With `renumbered`, the task at index i of
/// `program` is task `i + 1` of `back`.
pub fn assert_same(program: &Program, schedule: &Schedule, back: &Program, renumbered: bool) {
    let id_of: BTreeMap<&str, String> = program
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let id = if renumbered {
                (i + 1).to_string()
            } else {
                t.id.clone()
            };
            (t.id.as_str(), id)
        })
        .collect();
    assert_eq!(back.program.name, program.program.name.trim());
    assert_eq!(back.program.start, program.program.start);
    assert_eq!(back.program.status_date, program.program.status_date);
    assert_eq!(critical_days(back), critical_days(program));
    assert_eq!(
        calendar_facts(&back.calendar),
        calendar_facts(&program.calendar)
    );
    assert_eq!(workstream_facts(back), workstream_facts(program));
    let tasks = |p: &Program, id: &dyn Fn(&str) -> String| -> BTreeMap<String, TaskFacts> {
        p.tasks
            .iter()
            .map(|t| (id(&t.id), task_facts(p, t, id)))
            .collect()
    };
    assert_eq!(
        tasks(back, &|id| id.to_owned()),
        tasks(program, &|id| id_of[id].clone())
    );
    let links =
        |p: &Program, id: &dyn Fn(&str) -> String| -> BTreeSet<(String, String, String, i64)> {
            p.dependencies
                .iter()
                .map(|d: &Dependency| (id(&d.from), id(&d.to), link_name(d.kind), d.lag))
                .collect()
        };
    assert_eq!(
        links(back, &|id| id.to_owned()),
        links(program, &|id| id_of[id].clone())
    );
    let dates = |p: &Program, s: &Schedule, id: &dyn Fn(&str) -> String| {
        p.tasks
            .iter()
            .zip(&s.tasks)
            .map(|(t, times)| (id(&t.id), (times.start, times.finish)))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(
        dates(back, &scheduled(back), &|id| id.to_owned()),
        dates(program, schedule, &|id| id_of[id].clone()),
        "the same dates"
    );
    resources::assert_same_resources(program, back, &id_of);
}

pub fn critical_days(program: &Program) -> i64 {
    match program.program.critical_path {
        CriticalPath::TotalFloat { max_days } => max_days,
        CriticalPath::LongestPath => 0,
    }
}

pub fn link_name(kind: LinkType) -> String {
    format!("{kind:?}")
}

pub fn task_facts(
    program: &Program,
    task: &engine::Task,
    id: &dyn Fn(&str) -> String,
) -> TaskFacts {
    let workstream = program
        .workstreams
        .iter()
        .find(|w| w.id == task.workstream)
        .map_or_else(|| task.workstream.clone(), |w| w.name.clone());
    let milestone = task.is_milestone();
    (
        task.name.clone(),
        workstream,
        if milestone { 0 } else { task.duration },
        milestone,
        task.constraint
            .clone()
            .filter(|c| c.kind != ConstraintKind::ASAP),
        task.deadline,
        (
            task.actual_start,
            task.actual_finish,
            task.percent_complete.round() as i64,
        ),
        (task.parent.as_deref().map(id), task.summary),
    )
}

/// A calendar as MSPDI states it: its working weekdays (Monday first), and its holidays
/// on them.
pub fn calendar_facts(calendar: &Calendar) -> (Vec<Weekday>, Vec<NaiveDate>) {
    let mut days = calendar.workdays.clone();
    days.sort_by_key(|d| d.num_days_from_monday());
    days.dedup();
    let holidays: BTreeSet<NaiveDate> = calendar
        .holidays
        .iter()
        .copied()
        .filter(|d| days.contains(&d.weekday()))
        .collect();
    (days, holidays.into_iter().collect())
}

/// Each workstream that has tasks, by name, with the days its tasks work on.
pub fn workstream_facts(program: &Program) -> BTreeMap<String, (Vec<Weekday>, Vec<NaiveDate>)> {
    program
        .workstreams
        .iter()
        .filter(|w| program.tasks.iter().any(|t| t.workstream == w.id))
        .map(|w| {
            let days = match &w.calendar {
                Some(own) => {
                    let workdays = own
                        .workdays
                        .iter()
                        .copied()
                        .filter(|d| program.calendar.workdays.contains(d))
                        .collect();
                    let holidays = program.calendar.holidays.iter().chain(&own.holidays);
                    calendar_facts(&Calendar {
                        workdays,
                        holidays: holidays.copied().collect(),
                    })
                }
                None => calendar_facts(&program.calendar),
            };
            (w.name.clone(), days)
        })
        .collect()
}
