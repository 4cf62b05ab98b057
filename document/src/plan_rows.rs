//! Builds the plan view's [`PlanModel`] from a document and its [`Derived`] view: the program
//! shown (the program, or a scenario's version of it), its schedule and baseline variance,
//! the workstream groups that are collapsed, and the active baseline's bars.
//!
//! Does not: check or schedule (it reads the derived view), or render anything.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::derived::{Derived, Scheduled};
use crate::outline::{OutlineRow, outline_order};
use crate::plan_model::{
    Bar, GroupRow, Incoming, PlanLayout, PlanLink, PlanModel, PlanRow, RowKey, RowSource, TaskRow,
    Times, colour,
};
use chrono::{Datelike, Duration, NaiveDate};
use engine::entry::Predecessor;
use engine::filter::TaskFilter;
use engine::{Calendar, LinkType, Program, Schedule, TaskSchedule};
use planfile::Document;

/// Calendar days shown after the last finish, so the last bars are not at the edge.
const TAIL_DAYS: i64 = 28;

/// The plan view of `doc` as `derived` (from the same revision) shows it — the program, or
/// the scenario's version of it — with only the tasks `filter` keeps, every row built (for
/// print, and for tests). The app builds the [`plan_layout`] once per revision and a
/// [`plan_window`] of the rows in view.
pub fn plan_model(
    doc: &Document,
    derived: &Derived,
    collapsed: &HashSet<String>,
    today: Option<NaiveDate>,
    filter: &TaskFilter,
) -> PlanModel {
    let layout = Arc::new(plan_layout(doc, derived, collapsed, today, filter));
    let all = 0..layout.len();
    plan_window(doc, derived, &layout, all)
}

/// The layout of the plan view of `doc` as `derived` (from the same revision) shows it:
/// every row's key, each task's bar, the links and the time axis, no row's text.
/// O(T + D) time, one key per row and a few integers per task and link.
pub fn plan_layout(
    doc: &Document,
    derived: &Derived,
    collapsed: &HashSet<String>,
    today: Option<NaiveDate>,
    filter: &TaskFilter,
) -> PlanLayout {
    let program = derived.shown_program(doc);
    let shown = derived.shown();
    let schedule = shown.ok();
    let origin = origin_of(program, schedule);
    let day = |date: NaiveDate| (date - origin).num_days();
    // Each link's ends as task indices: one lookup per end, then only indices.
    let index_of: HashMap<&str, usize> = program
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    // (An end may be unknown in a program that does not check: its cell still shows it.)
    let ends: Vec<(Option<usize>, Option<usize>)> = program
        .dependencies
        .iter()
        .map(|d| {
            let end = |id: &str| index_of.get(id).copied();
            (end(d.from.as_str()), end(d.to.as_str()))
        })
        .collect();
    let filtering = !filter.is_empty();
    // The outline is worked out only for a program that has one.
    let outlined = program.tasks.iter().any(|t| t.summary);
    let mut kept_count = 0;
    let capacity = program.tasks.len() + program.workstreams.len();
    let (mut keys, mut sources) = (Vec::with_capacity(capacity), Vec::with_capacity(capacity));
    let mut group_rows = Vec::new();
    // Each task's row, by task index (`usize::MAX`: not shown).
    let mut row_of: Vec<usize> = vec![usize::MAX; program.tasks.len()];
    for (color, ws_id, ws_name, members) in groups(program) {
        let times: Vec<&TaskSchedule> = schedule
            .map(|s| members.iter().filter_map(|&i| s.tasks.get(i)).collect())
            .unwrap_or_default();
        let first = times.iter().map(|t| t.start).min();
        let last = times.iter().map(|t| t.finish).max();
        let shut = collapsed.contains(ws_id);
        let total = members.len();
        let members: Vec<usize> = if filtering {
            members
                .into_iter()
                .filter(|&i| {
                    program.tasks.get(i).is_some_and(|task| {
                        let times = schedule.and_then(|s| s.tasks.get(i));
                        filter.matches(task, ws_name, times)
                    })
                })
                .collect()
        } else {
            members
        };
        kept_count += members.len();
        if filtering && members.is_empty() {
            continue;
        }
        let group = group_rows.len();
        keys.push(RowKey::Group(ws_id.to_owned()));
        sources.push(RowSource {
            group,
            task: None,
            level: 0,
            folded: false,
        });
        group_rows.push(GroupRow {
            workstream: ws_id.to_owned(),
            name: ws_name.to_owned(),
            collapsed: shut,
            tasks: total,
            shown: members.len(),
            start: first.map(|d| d.to_string()).unwrap_or_default(),
            finish: last.map(|d| d.to_string()).unwrap_or_default(),
            bar: first.zip(last).map(|(a, b)| (day(a), day(b) + 1)),
            color,
        });
        if shut {
            continue;
        }
        for OutlineRow { index, level } in outline_rows(program, &members, outlined, collapsed) {
            let Some(task) = program.tasks.get(index) else {
                continue;
            };
            if let Some(row) = row_of.get_mut(index) {
                *row = keys.len();
            }
            keys.push(RowKey::Task(task.id.clone()));
            sources.push(RowSource {
                group,
                task: Some(index),
                level,
                folded: task.summary && folded(collapsed, &task.id),
            });
        }
    }
    let links = links_of(program, &ends, &row_of, schedule);
    let end = schedule.map_or(program.program.start, |s| s.finish);
    let days = (day(end) + TAIL_DAYS).max(8 * 7);
    let (days_off, holidays) = days_off(&program.calendar, origin, days);
    PlanLayout {
        keys,
        sources,
        groups: group_rows,
        bars: bars(doc, derived, &row_of, origin),
        incoming: Incoming::of(program.tasks.len(), &ends),
        links,
        origin: origin.to_string(),
        days,
        days_off,
        holidays,
        critical_rule: program.program.critical_path.describe(),
        total_tasks: program.tasks.len(),
        filtered: filtering.then_some(kept_count),
        today: today.map(day),
        status_date: program.program.status_date.map(day),
        problem: shown.problem().map(str::to_owned),
        scenario: derived.scenario.as_ref().map(|s| s.name.clone()),
    }
}

/// The rows `range` of `layout` built in full from `doc` and `derived` (the revision the
/// layout was made from): the rows the grid and the chart draw. O(rows in range + their
/// predecessors).
pub fn plan_window(
    doc: &Document,
    derived: &Derived,
    layout: &Arc<PlanLayout>,
    range: Range<usize>,
) -> PlanModel {
    let end = range.end.min(layout.len());
    let first = range.start.min(end);
    let program = derived.shown_program(doc);
    let shown = derived.shown();
    let reasons = leveling_reasons(doc, derived);
    let built = layout.sources[first..end]
        .iter()
        .filter_map(|source| {
            let group = layout.groups.get(source.group)?;
            match source.task {
                None => Some(PlanRow::Group(group.clone())),
                Some(index) => task_row(program, shown, layout, group, index).map(|mut row| {
                    row.level = source.level;
                    row.folded = source.folded;
                    row.leveling = program.tasks.get(index).and_then(|t| {
                        let date = t.leveled_start?;
                        Some(match reasons.get(t.id.as_str()) {
                            Some(why) => format!("Leveled to start {date}: {why}"),
                            None => format!("Leveled to start {date}"),
                        })
                    });
                    PlanRow::Task(row)
                }),
            }
        })
        .collect();
    PlanModel::new(Arc::clone(layout), first, built)
}

/// The reasons the shown scenario's leveling gives, by task id (none for the program).
fn leveling_reasons<'d>(doc: &'d Document, derived: &Derived) -> HashMap<&'d str, &'d str> {
    let Some(shown) = &derived.scenario else {
        return HashMap::default();
    };
    doc.scenarios
        .iter()
        .filter(|s| s.id == shown.id)
        .flat_map(|s| &s.changes)
        .filter_map(|c| match c {
            engine::scenario::Change::Level { task, reason, .. } if !reason.is_empty() => {
                Some((task.as_str(), reason.as_str()))
            }
            _ => None,
        })
        .collect()
}

/// Task `index`'s row, in `group`.
fn task_row(
    program: &Program,
    shown: &Scheduled,
    layout: &PlanLayout,
    group: &GroupRow,
    index: usize,
) -> Option<TaskRow> {
    let task = program.tasks.get(index)?;
    let times = shown.ok().and_then(|s| s.tasks.get(index));
    let predecessors = layout
        .incoming
        .of_task(index)
        .iter()
        .filter_map(|&d| program.dependencies.get(d as usize))
        .map(|dep| Predecessor {
            id: dep.from.clone(),
            kind: dep.kind,
            lag: dep.lag,
        })
        .collect();
    Some(TaskRow {
        index,
        id: task.id.clone(),
        name: task.name.clone(),
        workstream: task.workstream.clone(),
        workstream_name: group.name.clone(),
        milestone: task.is_milestone(),
        summary: task.summary,
        folded: false,
        level: 0,
        // A summary's: the working days its tasks span.
        duration: match times {
            Some(s) if task.summary => s.ef - s.es,
            _ => task.duration,
        },
        times: times.map(|s| Times {
            start: s.start,
            finish: s.finish,
            total_float: s.total_float,
        }),
        predecessors,
        constraint: task.constraint.clone(),
        deadline: task.deadline,
        estimate: task.estimate.as_deref().cloned(),
        actual_start: task.actual_start,
        actual_finish: task.actual_finish,
        percent: task.percent_complete,
        demands: task.demands.clone(),
        leveling: None,
        raid: open_log_items(program, &task.id),
        readiness: readiness_badge(program, &task.id),
        variance: shown
            .variances
            .as_ref()
            .and_then(|v| v.get(index).copied().flatten()),
        critical: times.is_some_and(|s| s.critical),
        bar: layout.bars.get(index).cloned().flatten(),
        color: group.color.clone(),
    })
}

/// Milestone `id`'s readiness as its badge reads (`ready · 100%`), if it has a checklist.
/// Without a date, "at risk" (something overdue) is left to the Readiness tab.
fn readiness_badge(program: &Program, id: &str) -> Option<String> {
    use engine::readiness::figures::{readiness, state};
    let checklist = program.readiness.checklist(id)?;
    let percent = readiness(checklist).percent().unwrap_or(0.0);
    let day = program.program.start;
    Some(format!(
        "{} · {percent:.0}%",
        state(program, None, checklist, day).name()
    ))
}

/// The ids of the open risks, open issues and assumptions not known to hold that name task
/// `id`, in that order. O(items in the logs).
fn open_log_items(program: &Program, id: &str) -> Vec<String> {
    use engine::logs::model::{AssumptionStatus, IssueStatus, RiskStatus};
    let names = |tasks: &[String]| tasks.iter().any(|t| t == id);
    let logs = &program.logs;
    let risks = program
        .risks
        .iter()
        .filter(|r| r.status == RiskStatus::Open && names(&r.tasks))
        .map(|r| r.id.clone());
    let issues = logs
        .issues
        .iter()
        .filter(|i| i.status == IssueStatus::Open && names(&i.tasks))
        .map(|i| i.id.clone());
    let assumptions = logs
        .assumptions
        .iter()
        .filter(|a| a.status != AssumptionStatus::Holds && names(&a.tasks))
        .map(|a| a.id.clone());
    risks.chain(issues).chain(assumptions).collect()
}

/// `members` of a workstream (task indices in program order) in the order shown: the
/// outline's when the program has summaries (`outlined`), the tasks under a folded summary
/// left out.
fn outline_rows(
    program: &Program,
    members: &[usize],
    outlined: bool,
    collapsed: &HashSet<String>,
) -> Vec<OutlineRow> {
    if !outlined {
        let level = 0;
        return members
            .iter()
            .map(|&index| OutlineRow { index, level })
            .collect();
    }
    outline_order(program, members, |id| folded(collapsed, id))
}

/// Whether summary `id` is folded: its key (`t:…`) is among the `collapsed` rows (beside
/// the workstreams', kept by id).
pub fn folded(collapsed: &HashSet<String>, id: &str) -> bool {
    !collapsed.is_empty() && collapsed.contains(&RowKey::Task(id.to_owned()).to_string())
}

/// The bar of each shown task (`row_of`: each task's row, `usize::MAX` if none), by task
/// index: its scheduled days, float, deadline, progress, the active baseline's days, and
/// (a scenario shown) the program's own days behind it.
fn bars(
    doc: &Document,
    derived: &Derived,
    row_of: &[usize],
    origin: NaiveDate,
) -> Vec<Option<Bar>> {
    let program = derived.shown_program(doc);
    let Some(schedule) = derived.shown().ok() else {
        return vec![None; program.tasks.len()];
    };
    let day = |date: NaiveDate| (date - origin).num_days();
    // The program's own bars, drawn behind a scenario's.
    let ghosts: Option<HashMap<&str, (NaiveDate, NaiveDate)>> =
        derived.scenario.as_ref().and_then(|_| {
            let own = derived.program.ok()?;
            Some(
                doc.program
                    .tasks
                    .iter()
                    .zip(&own.tasks)
                    .map(|(t, s)| (t.id.as_str(), (s.start, s.finish)))
                    .collect(),
            )
        });
    let baseline = crate::baselines::active(doc).map(|b| {
        b.tasks
            .iter()
            .map(|t| (t.id.as_str(), (day(t.start), day(t.finish) + 1)))
            .collect::<HashMap<_, _>>()
    });
    program
        .tasks
        .iter()
        .zip(&schedule.tasks)
        .zip(row_of)
        .map(|((task, s), &row)| {
            if row == usize::MAX {
                return None;
            }
            let milestone = task.is_milestone();
            let start = day(s.start);
            let end = if milestone { start } else { day(s.finish) + 1 };
            Some(Bar {
                milestone,
                summary: task.summary,
                start,
                end,
                late_end: (day(s.late_finish) + 1).max(end),
                deadline: task.deadline.map(day),
                deadline_missed: task.deadline.is_some_and(|d| s.finish > d),
                baseline: baseline
                    .as_ref()
                    .and_then(|b| b.get(task.id.as_str()).copied()),
                ghost: ghosts.as_ref().and_then(|g| {
                    g.get(task.id.as_str())
                        .map(|&(a, b)| (day(a), if milestone { day(a) } else { day(b) + 1 }))
                }),
                percent: task.percent_complete.clamp(0.0, 100.0).round() as u8,
            })
        })
        .collect()
}

/// The calendar's days off in chart days `0..days` from `origin`: runs of non-working
/// weekdays as (first day, length), and the holidays that fall on working weekdays.
fn days_off(calendar: &Calendar, origin: NaiveDate, days: i64) -> (Vec<(i64, i64)>, Vec<i64>) {
    let mut runs: Vec<(i64, i64)> = Vec::new();
    for day in 0..days {
        let weekday = (origin + Duration::days(day)).weekday();
        if calendar.workdays.contains(&weekday) {
            continue;
        }
        match runs.last_mut() {
            Some((first, length)) if *first + *length == day => *length += 1,
            _ => runs.push((day, 1)),
        }
    }
    let mut holidays: Vec<i64> = calendar
        .holidays
        .iter()
        .filter(|d| calendar.workdays.contains(&d.weekday()))
        .map(|&d| (d - origin).num_days())
        .filter(|d| (0..days).contains(d))
        .collect();
    holidays.sort_unstable();
    holidays.dedup();
    (runs, holidays)
}

/// Day 0 of the chart: the Monday a week before the first day of work.
fn origin_of(program: &Program, schedule: Option<&Schedule>) -> NaiveDate {
    let first = schedule.map_or(program.program.start, |s| {
        s.start.min(program.program.start)
    });
    let monday = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    monday - Duration::days(7)
}

/// Workstreams in order, each with its colour (its own, else the palette's), id, name and
/// task indices; tasks of an unknown workstream last, under their workstream id.
fn groups(program: &Program) -> Vec<(String, &str, &str, Vec<usize>)> {
    let mut at: HashMap<&str, usize> = HashMap::default();
    let mut out: Vec<(String, &str, &str, Vec<usize>)> = Vec::new();
    for (i, ws) in program.workstreams.iter().enumerate() {
        at.entry(ws.id.as_str()).or_insert_with(|| {
            out.push((
                colour(ws.color.as_deref(), i),
                ws.id.as_str(),
                ws.name.as_str(),
                Vec::new(),
            ));
            out.len() - 1
        });
    }
    for (index, task) in program.tasks.iter().enumerate() {
        let slot = *at.entry(task.workstream.as_str()).or_insert_with(|| {
            let color = colour(None, out.len());
            out.push((
                color,
                task.workstream.as_str(),
                task.workstream.as_str(),
                Vec::new(),
            ));
            out.len() - 1
        });
        if let Some(group) = out.get_mut(slot) {
            group.3.push(index);
        }
    }
    // An empty workstream shows no group row (the new-task row adds to one).
    out.retain(|g| !g.3.is_empty());
    out
}

/// The links whose both ends are shown (`row_of`: each task's row, `usize::MAX` if none).
fn links_of(
    program: &Program,
    ends: &[(Option<usize>, Option<usize>)],
    row_of: &[usize],
    schedule: Option<&Schedule>,
) -> Vec<PlanLink> {
    let critical = |t: usize| {
        schedule
            .and_then(|s| s.tasks.get(t))
            .is_some_and(|s| s.critical)
    };
    let row = |t: usize| row_of.get(t).copied().filter(|&r| r != usize::MAX);
    program
        .dependencies
        .iter()
        .zip(ends)
        .filter_map(|(dep, ends)| {
            let (from, to) = (ends.0?, ends.1?);
            Some(PlanLink {
                from_row: row(from)?,
                to_row: row(to)?,
                kind: match dep.kind {
                    LinkType::FS => "FS",
                    LinkType::SS => "SS",
                    LinkType::FF => "FF",
                    LinkType::SF => "SF",
                },
                critical: critical(from) && critical(to),
            })
        })
        .collect()
}
