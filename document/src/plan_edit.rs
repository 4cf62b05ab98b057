//! Turns what is typed or pasted into the plan grid into engine edits: a cell's text, a new
//! task, deleted rows, rows pasted from a spreadsheet. Each function returns one user
//! action (a list of [`Edit`]s, made together or not at all) or the reason it is refused,
//! naming the cell or row at fault.
//!
//! Does not: make the edits (the caller hands them to `Editor::act_in_view`, which also
//! refuses an action after which the program would not check, such as a cycle).

use std::collections::HashSet;

use crate::Column;
use chrono::NaiveDate;
use engine::edit::Edit;
use engine::entry::{
    parse_demands, parse_distribution, parse_duration, parse_estimate, parse_predecessors,
};
use engine::{Constraint, ConstraintKind, Dependency, Program, Task};

/// The duration of a task added without one (Insert, or a pasted row with no duration).
const DEFAULT_DAYS: i64 = 1;

/// The edits for `text` typed into `column` of task `task` (or, with `None`, into the empty
/// row at the end, where a name adds a task). `Ok(None)`: nothing to do.
pub fn cell_edits(
    program: &Program,
    task: Option<&str>,
    column: Column,
    text: &str,
    workstream: Option<&str>,
) -> Result<Option<Vec<Edit>>, String> {
    let Some(id) = task else {
        return new_row_edits(program, column, text, workstream);
    };
    let index = program
        .tasks
        .iter()
        .position(|t| t.id == id)
        .ok_or_else(|| format!("There is no task '{id}' any more."))?;
    if column == Column::Predecessors {
        let links = dependencies(program, id, text, &HashSet::new())?;
        if same_links(program, id, &links) {
            // The same predecessors typed again: no edit, so no empty step of Undo.
            return Ok(None);
        }
        return Ok(Some(vec![Edit::SetPredecessors {
            task: id.to_owned(),
            links,
        }]));
    }
    let Some(current) = program.tasks.get(index) else {
        return Err(format!("There is no task '{id}' any more."));
    };
    let mut changed = current.clone();
    set_cell(&mut changed, column, text, program)?;
    if *current == changed {
        return Ok(None);
    }
    Ok(Some(vec![Edit::ReplaceTask {
        index,
        task: changed,
    }]))
}

/// Whether `links` are the links into task `id` already (in any order).
fn same_links(program: &Program, id: &str, links: &[Dependency]) -> bool {
    let current: Vec<&Dependency> = program.dependencies.iter().filter(|d| d.to == id).collect();
    current.len() == links.len() && links.iter().all(|l| current.contains(&l))
}

/// The id of the task an action inserts first, if any (a name typed in the empty row).
pub fn inserted_id(edits: &[Edit]) -> Option<String> {
    edits.iter().find_map(|e| match e {
        Edit::InsertTask { task, .. } => Some(task.id.clone()),
        _ => None,
    })
}

/// A name typed in the empty row: a new task of one day at the end.
fn new_row_edits(
    program: &Program,
    column: Column,
    text: &str,
    workstream: Option<&str>,
) -> Result<Option<Vec<Edit>>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    if column != Column::Name {
        return Err("Type the new task's name first.".into());
    }
    let task = new_task(program, text.trim(), workstream, &HashSet::new())?;
    Ok(Some(vec![Edit::InsertTask {
        index: program.tasks.len(),
        task,
    }]))
}

/// A task named `name` with a fresh id, in `workstream` (else the last task's, else the
/// first workstream). `taken`: ids about to be used by the same action.
fn new_task(
    program: &Program,
    name: &str,
    workstream: Option<&str>,
    taken: &HashSet<String>,
) -> Result<Task, String> {
    let workstream = workstream
        .map(str::to_owned)
        .or_else(|| program.tasks.last().map(|t| t.workstream.clone()))
        .or_else(|| program.workstreams.first().map(|w| w.id.clone()))
        .ok_or("The program has no workstream to put a task in.")?;
    Ok(Task {
        id: next_id(program, taken),
        name: name.to_owned(),
        workstream,
        duration: DEFAULT_DAYS,
        ..Task::default()
    })
}

/// The next free numeric id: one more than the largest number used as an id, so that
/// typed predecessors read like MS Project's row numbers (`1, 2SS`).
pub fn next_id(program: &Program, taken: &HashSet<String>) -> String {
    let largest = program
        .tasks
        .iter()
        .map(|t| t.id.as_str())
        .chain(taken.iter().map(String::as_str))
        .filter_map(|id| id.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let used: HashSet<&str> = program.tasks.iter().map(|t| t.id.as_str()).collect();
    let mut n = largest + 1;
    while used.contains(n.to_string().as_str()) || taken.contains(&n.to_string()) {
        n += 1;
    }
    n.to_string()
}

/// Insert: a new task after `after` (in its workstream), or at the end.
pub fn insert_edits(program: &Program, after: Option<&str>) -> Result<(String, Vec<Edit>), String> {
    let at = after.and_then(|id| program.tasks.iter().position(|t| t.id == id));
    let workstream = at
        .and_then(|i| program.tasks.get(i))
        .map(|t| t.workstream.as_str());
    let mut task = new_task(program, "New task", workstream, &HashSet::new())?;
    task.parent = at
        .and_then(|i| program.tasks.get(i))
        .and_then(crate::outline::parent_for_inserted);
    let id = task.id.clone();
    let index = at.map_or(program.tasks.len(), |i| i + 1);
    Ok((id, vec![Edit::InsertTask { index, task }]))
}

/// Delete: removes tasks `ids` and the tasks under them (last first, so the positions stay
/// right); a summary left with no task becomes a task lasting `span(id)` working days.
pub fn delete_edits(
    program: &Program,
    ids: &[String],
    span: impl Fn(&str) -> Option<i64>,
) -> Vec<Edit> {
    let ids = crate::outline::with_tasks_under(program, ids);
    let chosen: HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut indices: Vec<usize> = program
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| chosen.contains(t.id.as_str()))
        .map(|(i, _)| i)
        .collect();
    indices.sort_unstable_by(|a, b| b.cmp(a));
    let mut edits = crate::outline::emptied_summaries(program, &ids, span);
    edits.extend(indices.into_iter().map(|index| Edit::RemoveTask { index }));
    edits
}

/// Sets `column` of `task` from `text` (not the predecessors: see [`dependencies`]).
fn set_cell(task: &mut Task, column: Column, text: &str, program: &Program) -> Result<(), String> {
    let text = text.trim();
    match column {
        Column::Name => {
            if text.is_empty() {
                return Err("A task needs a name.".into());
            }
            task.name = text.to_owned();
        }
        Column::Workstream => task.workstream = workstream_id(program, text)?,
        Column::Duration => {
            let days = parse_duration(text).map_err(|e| e.to_string())?;
            task.duration = days;
            task.milestone = days == 0;
        }
        Column::Start => {
            task.constraint = match parse_date(text)? {
                Some(date) => Some(Constraint {
                    kind: ConstraintKind::SNET,
                    date: Some(date),
                }),
                // Clearing the start clears a start-no-earlier-than, not other constraints.
                None => task
                    .constraint
                    .take()
                    .filter(|c| c.kind != ConstraintKind::SNET),
            };
        }
        Column::Constraint => task.constraint = parse_constraint(text)?,
        Column::Deadline => task.deadline = parse_date(text)?,
        Column::Resources => {
            task.demands = parse_demands(text, &program.resources).map_err(|e| e.to_string())?;
        }
        Column::Estimate => {
            // A new estimate keeps the distribution chosen before.
            let distribution = task.estimate.as_ref().map(|e| e.distribution);
            task.estimate = parse_estimate(text)
                .map_err(|e| e.to_string())?
                .map(|mut estimate| {
                    estimate.distribution = distribution.unwrap_or_default();
                    Box::new(estimate)
                });
        }
        Column::Distribution => {
            let Some(estimate) = task.estimate.as_mut() else {
                return Err(
                    "Give the task a three-point estimate first (the Estimate column, e.g. 5/8/15)."
                        .into(),
                );
            };
            // Empty is the default, PERT.
            estimate.distribution = parse_distribution(text).map_err(|e| e.to_string())?;
        }
        Column::ActualStart => task.actual_start = parse_date(text)?,
        Column::ActualFinish => task.actual_finish = parse_date(text)?,
        Column::Percent => task.percent_complete = parse_percent(text)?,
        other => {
            return Err(other
                .computed_reason()
                .unwrap_or("This column is computed: it cannot be typed in.")
                .to_owned());
        }
    }
    Ok(())
}

/// The links into `task` typed as `text`; `extra`: ids of tasks being added in the same
/// action, which may be named too.
fn dependencies(
    program: &Program,
    task: &str,
    text: &str,
    extra: &HashSet<String>,
) -> Result<Vec<Dependency>, String> {
    let known: HashSet<&str> = program.tasks.iter().map(|t| t.id.as_str()).collect();
    let links = parse_predecessors(text, |id| known.contains(id) || extra.contains(id))
        .map_err(|e| e.to_string())?;
    if links.iter().any(|l| l.id == task) {
        return Err(format!("'{task}': a task cannot be its own predecessor"));
    }
    Ok(links
        .into_iter()
        .map(|l| Dependency {
            from: l.id,
            to: task.to_owned(),
            kind: l.kind,
            lag: l.lag,
        })
        .collect())
}

fn workstream_id(program: &Program, text: &str) -> Result<String, String> {
    program
        .workstreams
        .iter()
        .find(|w| w.id.eq_ignore_ascii_case(text) || w.name.eq_ignore_ascii_case(text))
        .map(|w| w.id.clone())
        .ok_or_else(|| {
            let names: Vec<&str> = program
                .workstreams
                .iter()
                .map(|w| w.name.as_str())
                .collect();
            format!(
                "'{text}': no such workstream (there are: {})",
                names.join(", ")
            )
        })
}

/// A date as `2026-03-15` (or `2026/03/15`); an empty text is no date.
fn parse_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y/%m/%d"))
        .map(Some)
        .map_err(|_| format!("'{text}': not a date: type it as 2026-03-15"))
}

/// `SNET 2026-02-02`, `MFO 2026-05-29`, a date alone (start no earlier than), `ALAP` (as
/// late as possible, no date), or nothing.
fn parse_constraint(text: &str) -> Result<Option<Constraint>, String> {
    let text = text.trim();
    let (word, rest) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let kind = match word.to_ascii_uppercase().as_str() {
        "" | "ASAP" => return Ok(None),
        "ALAP" => return as_late_as_possible(text, rest),
        "SNET" => ConstraintKind::SNET,
        "SNLT" => ConstraintKind::SNLT,
        "FNET" => ConstraintKind::FNET,
        "FNLT" => ConstraintKind::FNLT,
        "MSO" => ConstraintKind::MSO,
        "MFO" => ConstraintKind::MFO,
        _ => {
            return match parse_date(text) {
                Ok(date) => Ok(date.map(|d| Constraint {
                    kind: ConstraintKind::SNET,
                    date: Some(d),
                })),
                Err(_) => Err(format!(
                    "'{text}': not a constraint: type a date, SNET, SNLT, FNET, FNLT, MSO or \
                     MFO and a date, or ALAP"
                )),
            };
        }
    };
    match parse_date(rest)? {
        Some(date) => Ok(Some(Constraint {
            kind,
            date: Some(date),
        })),
        None => Err(format!(
            "'{text}': {word} needs a date, e.g. {word} 2026-03-15"
        )),
    }
}

/// `ALAP` alone (`rest`: what follows the word in `text`): as late as possible has no date.
fn as_late_as_possible(text: &str, rest: &str) -> Result<Option<Constraint>, String> {
    if !rest.trim().is_empty() {
        return Err(format!(
            "'{text}': ALAP (as late as possible) takes no date: type ALAP alone"
        ));
    }
    Ok(Some(Constraint {
        kind: ConstraintKind::ALAP,
        date: None,
    }))
}

fn parse_percent(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%').trim();
    if number.is_empty() {
        return Ok(0.0);
    }
    match number.parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!("'{text}': type a percentage from 0 to 100")),
    }
}

/// What a pasted column is, from its heading; `None` for a heading that is known but
/// ignored (computed columns such as Finish).
fn heading(text: &str) -> Option<Option<Column>> {
    let key: String = text
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '%')
        .collect::<String>()
        .to_lowercase();
    let column = match key.as_str() {
        "id" | "taskid" | "uniqueid" => Column::Id,
        "name" | "task" | "taskname" | "title" | "activity" | "summary" => Column::Name,
        "duration" | "dur" | "days" => Column::Duration,
        "predecessors" | "predecessor" | "pred" | "preds" | "dependson" | "dependencies" => {
            Column::Predecessors
        }
        "workstream" | "team" | "stream" | "workstreams" => Column::Workstream,
        "start" | "startdate" | "snet" => Column::Start,
        "deadline" | "due" | "duedate" => Column::Deadline,
        "constraint" => Column::Constraint,
        "%complete" | "percentcomplete" | "complete" | "%done" | "done" | "progress" => {
            Column::Percent
        }
        "estimate" | "threepointestimate" | "3pointestimate" | "opt/likely/pess" => {
            Column::Estimate
        }
        "distribution" => Column::Distribution,
        "actualstart" => Column::ActualStart,
        "actualfinish" => Column::ActualFinish,
        "resources" | "resourcenames" | "resource" | "assignedto" => Column::Resources,
        "finish" | "finishdate" | "end" | "float" | "totalfloat" | "slack" => return Some(None),
        _ => return None,
    };
    Some(Some(column))
}

/// The columns of pasted rows without a heading row.
const PASTE_COLUMNS: [Column; 5] = [
    Column::Name,
    Column::Duration,
    Column::Predecessors,
    Column::Workstream,
    Column::Start,
];

/// Rows pasted from a spreadsheet (tab-separated, with or without a heading row) as new
/// tasks, added at the end in one action. `workstream`: where rows that name none go.
/// Refused whole, naming the row, if any row is wrong.
pub fn paste_edits(
    program: &Program,
    text: &str,
    workstream: Option<&str>,
) -> Result<Vec<Edit>, String> {
    let lines: Vec<(usize, Vec<&str>)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| (n + 1, l.split('\t').collect()))
        .collect();
    let Some((_, first)) = lines.first() else {
        return Err("Nothing to paste.".into());
    };
    let headings: Option<Vec<Option<Column>>> = first
        .iter()
        .map(|cell| heading(cell))
        .collect::<Option<Vec<_>>>()
        .filter(|h| h.contains(&Some(Column::Name)));
    let (columns, rows) = match headings {
        Some(columns) => (columns, lines.get(1..).unwrap_or_default()),
        None => (PASTE_COLUMNS.map(Some).to_vec(), &lines[..]),
    };
    if rows.is_empty() {
        return Err("Only a heading row was pasted: no tasks.".into());
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut tasks: Vec<(usize, Task, String)> = Vec::new();
    let existing: HashSet<&str> = program.tasks.iter().map(|t| t.id.as_str()).collect();
    for (line, cells) in rows {
        let at = |c: Column| -> &str {
            columns
                .iter()
                .position(|&k| k == Some(c))
                .and_then(|i| cells.get(i))
                .map_or("", |s| s.trim())
        };
        let fail = |reason: String| format!("Row {line}: {reason}");
        let name = at(Column::Name);
        if name.is_empty() {
            return Err(fail("no task name.".into()));
        }
        let mut task = new_task(program, name, workstream, &taken).map_err(fail)?;
        let id = at(Column::Id);
        if !id.is_empty() {
            if existing.contains(id) || taken.contains(id) {
                return Err(fail(format!("the id '{id}' is already used.")));
            }
            task.id = id.to_owned();
        }
        for column in [
            Column::Workstream,
            Column::Duration,
            Column::Start,
            Column::Constraint,
            Column::Deadline,
            Column::Estimate,
            Column::Distribution,
            Column::ActualStart,
            Column::ActualFinish,
            Column::Percent,
        ] {
            let text = at(column);
            if !text.is_empty() {
                set_cell(&mut task, column, text, program).map_err(fail)?;
            }
        }
        taken.insert(task.id.clone());
        tasks.push((*line, task, at(Column::Predecessors).to_owned()));
    }
    let mut edits = Vec::with_capacity(tasks.len() * 2);
    let mut links = Vec::new();
    for (i, (line, task, predecessors)) in tasks.into_iter().enumerate() {
        if !predecessors.is_empty() {
            let deps = dependencies(program, &task.id, &predecessors, &taken)
                .map_err(|reason| format!("Row {line}: {reason}"))?;
            links.push(Edit::SetPredecessors {
                task: task.id.clone(),
                links: deps,
            });
        }
        edits.push(Edit::InsertTask {
            index: program.tasks.len() + i,
            task,
        });
    }
    edits.extend(links);
    Ok(edits)
}
