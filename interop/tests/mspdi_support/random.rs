//! Random programs with everything MSPDI carries, for the round trip.

use chrono::{Days, NaiveDate, Weekday};
use engine::generate::{Options, Shape, SplitMix64, generate_with};
use engine::{
    Availability, Calendar, Constraint, ConstraintKind, CriticalPath, Demand, Dependency, LinkType,
    Program, Resource,
};

use super::rename;

/// A random program with everything MSPDI carries: the generator's links, lags,
/// constraints and deadlines (and, with `team`, a workstream on its own calendar), plus
/// the other constraint kinds, progress, a status date, a critical-float limit, names that
/// need escaping, resources with their demands and priorities (see [`with_resources`]),
/// and task ids that are plain numbers (resource ids `R<n>`) when `numeric_ids`.
pub fn random_program(tasks: usize, seed: u64, team: bool, numeric_ids: bool) -> Program {
    let options = Options {
        constraints: true,
        team_calendar: team,
    };
    let mut program = generate_with(Shape::Random, tasks, seed, options);
    let mut rng = SplitMix64(seed ^ 0x5eed);
    let start = program.program.start;
    let day = |n: u64| start.checked_add_days(Days::new(n)).expect("a day");
    for (i, task) in program.tasks.iter_mut().enumerate() {
        match rng.below(30) {
            0 => task.constraint = Some(constraint(ConstraintKind::ALAP, None)),
            1 => task.constraint = Some(constraint(ConstraintKind::MSO, Some(day(rng.below(60))))),
            2 => task.constraint = Some(constraint(ConstraintKind::MFO, Some(day(rng.below(60))))),
            3 => task.constraint = Some(constraint(ConstraintKind::SNLT, Some(day(rng.below(60))))),
            4 => task.constraint = Some(constraint(ConstraintKind::FNET, Some(day(rng.below(60))))),
            5 => task.deadline = Some(day(rng.below(90))),
            _ => {}
        }
        if rng.below(8) == 0 {
            task.actual_start = Some(day(rng.below(10)));
            task.percent_complete = rng.below(101) as f64;
            if rng.below(2) == 0 {
                task.actual_finish = task.actual_start.map(|s| s + Days::new(rng.below(5)));
            }
        }
        if i % 7 == 3 {
            task.name = format!("R&D <{i}> \"ok\" — café");
        }
    }
    if rng.below(2) == 0 {
        program.program.status_date = Some(day(rng.below(30)));
    }
    program.program.critical_path = CriticalPath::TotalFloat {
        max_days: rng.below(3) as i64,
    };
    with_resources(&mut program, seed, numeric_ids);
    if numeric_ids {
        rename(&mut program, |i| (10 * i + 3).to_string());
    }
    program
}

/// Up to four resources (from `seed`; ids `R<n>` with `numeric_ids`, else words): some on
/// a calendar of their own (other weekdays, holidays), some with availability periods
/// (overlapping ones among them, and periods of none); a third of the tasks demanding one
/// or two of them, a fifth with a leveling priority.
pub fn with_resources(program: &mut Program, seed: u64, numeric_ids: bool) {
    let mut rng = SplitMix64(seed ^ 0x7e50_0ce5);
    let start = program.program.start;
    let day = |n: u64| start.checked_add_days(Days::new(n)).expect("a day");
    let pick = |rng: &mut SplitMix64, from: &[f64]| from[rng.below(from.len() as u64) as usize];
    let count = rng.below(5) as usize;
    program.resources = (0..count)
        .map(|i| {
            let id = if numeric_ids {
                format!("R{}", 10 * i + 2)
            } else {
                format!("team-{i}")
            };
            let name = if i % 3 == 1 {
                format!("R&D <{i}> \"ops\"")
            } else {
                format!("Team {i}")
            };
            let calendar = (rng.below(3) == 0).then(|| Calendar {
                workdays: [WEEKDAYS[..4].to_vec(), WEEKDAYS[1..].to_vec()][i % 2].clone(),
                holidays: (0..rng.below(3)).map(|_| day(rng.below(120))).collect(),
            });
            let availability = (0..[0, 0, 1, 3][rng.below(4) as usize])
                .map(|_| {
                    let from = day(rng.below(200));
                    let to = from + Days::new(rng.below(60));
                    let capacity = pick(&mut rng, &[0.0, 0.5, 1.0, 2.0, 4.0]);
                    Availability { from, to, capacity }
                })
                .collect();
            Resource {
                id,
                name,
                capacity: pick(&mut rng, &[1.0, 2.0, 0.5, 1.5, 3.0, 0.25]),
                calendar,
                availability,
            }
        })
        .collect();
    let ids: Vec<String> = program.resources.iter().map(|r| r.id.clone()).collect();
    for task in program.tasks.iter_mut().filter(|t| !t.summary) {
        if !ids.is_empty() && rng.below(3) == 0 {
            let first = rng.below(ids.len() as u64) as usize;
            let mut chosen = vec![first];
            if ids.len() > 1 && rng.below(3) == 0 {
                chosen.push((first + 1) % ids.len());
            }
            task.demands = chosen
                .into_iter()
                .map(|r| Demand {
                    resource: ids[r].clone(),
                    units: pick(&mut rng, &[1.0, 0.5, 2.0, 0.25, 0.1]),
                })
                .collect();
        }
        if rng.below(5) == 0 {
            task.priority = Some(rng.below(1001) as u16);
        }
    }
}

const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

/// `program` with a random outline (from `seed`): summary tasks opened before a task and
/// closed after one, up to three deep, each with its tasks after it (so the generator's
/// links, from earlier tasks to later ones, stay acyclic), some with a deadline; every task
/// of a top-level summary's outline in its workstream; and links into summaries from tasks
/// before them (finish-to-start, start-to-start) and out of them to tasks after them
/// (finish-to-start, finish-to-finish). Summary ids are plain numbers with `numeric_ids`.
pub fn with_outline(mut program: Program, seed: u64, numeric_ids: bool) -> Program {
    let mut rng = SplitMix64(seed ^ 0x0071_1e5e);
    let start = program.program.start;
    let mut tasks = Vec::new();
    // The summaries open above the next task: (position in `tasks`).
    let mut open: Vec<usize> = Vec::new();
    // Each summary's position and the position after its last task.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let close = |open: &mut Vec<usize>, spans: &mut Vec<(usize, usize)>, end: usize| {
        if let Some(summary) = open.pop() {
            spans.push((summary, end));
        }
    };
    for (n, mut task) in std::mem::take(&mut program.tasks).into_iter().enumerate() {
        while !open.is_empty() && rng.below(4) == 0 {
            close(&mut open, &mut spans, tasks.len());
        }
        if open.len() < 3 && rng.below(5) == 0 {
            let id = if numeric_ids {
                (10 * n + 7).to_string()
            } else {
                format!("S{n}")
            };
            let deadline = (rng.below(4) == 0)
                .then(|| start.checked_add_days(Days::new(rng.below(90))))
                .flatten();
            let parent = open.last().map(|&p: &usize| tasks_id(&tasks, p));
            let workstream = match open.first() {
                Some(&root) => tasks[root].workstream.clone(),
                None => task.workstream.clone(),
            };
            tasks.push(engine::Task {
                id,
                name: format!("Phase {n}"),
                workstream,
                deadline,
                parent,
                summary: true,
                ..engine::Task::default()
            });
            open.push(tasks.len() - 1);
        }
        if let Some(&parent) = open.last() {
            task.parent = Some(tasks_id(&tasks, parent));
        }
        if let Some(&root) = open.first() {
            task.workstream = tasks[root].workstream.clone();
        }
        tasks.push(task);
    }
    while !open.is_empty() {
        close(&mut open, &mut spans, tasks.len());
    }
    program.tasks = tasks;
    link_summaries(&mut program, &spans, &mut rng);
    program
}

/// Links into some of the summaries at `spans` (each summary's position and the position
/// after its last task) from a task before it, and out of some to a task after its tasks:
/// forward, so acyclic.
pub fn link_summaries(program: &mut Program, spans: &[(usize, usize)], rng: &mut SplitMix64) {
    for &(summary, end) in spans {
        if summary > 0 && rng.below(2) == 0 {
            let before = rng.below(summary as u64) as usize;
            if !ancestors_of(&program.tasks, summary).contains(&before) {
                add_link(program, before, summary, [LinkType::FS, LinkType::SS], rng);
            }
        }
        if end < program.tasks.len() && rng.below(2) == 0 {
            let after = end + rng.below((program.tasks.len() - end) as u64) as usize;
            add_link(program, summary, after, [LinkType::FS, LinkType::FF], rng);
        }
    }
}

/// A link from task `from` to task `to` (positions) of one of `kinds`, the first when
/// either is a summary (the second is refused into or out of one), with a random lag;
/// none when they are linked already.
pub fn add_link(
    program: &mut Program,
    from: usize,
    to: usize,
    kinds: [LinkType; 2],
    rng: &mut SplitMix64,
) {
    let either = !program.tasks[from].summary && !program.tasks[to].summary;
    let kind = kinds[rng.below(if either { 2 } else { 1 }) as usize];
    let lag = rng.below(3) as i64;
    let (from, to) = (&program.tasks[from].id, &program.tasks[to].id);
    let linked = program
        .dependencies
        .iter()
        .any(|d| (&d.from, &d.to) == (from, to) || (&d.from, &d.to) == (to, from));
    if !linked {
        let dependency = link(from, to, kind, lag);
        program.dependencies.push(dependency);
    }
}

pub fn tasks_id(tasks: &[engine::Task], position: usize) -> String {
    tasks[position].id.clone()
}

/// The positions of the summaries above task `position`.
pub fn ancestors_of(tasks: &[engine::Task], position: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = tasks[position].parent.clone();
    while let Some(parent) = at {
        let p = tasks.iter().position(|t| t.id == parent).expect("a parent");
        out.push(p);
        at = tasks[p].parent.clone();
    }
    out
}

pub fn link(from: &str, to: &str, kind: LinkType, lag: i64) -> Dependency {
    Dependency {
        from: from.to_owned(),
        to: to.to_owned(),
        kind,
        lag,
    }
}

pub fn constraint(kind: ConstraintKind, date: Option<NaiveDate>) -> Constraint {
    Constraint { kind, date }
}
