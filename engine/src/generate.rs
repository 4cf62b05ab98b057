//! Synthetic programs for benchmarks and property tests: chains, wide layered plans and
//! random DAGs, reproducible from a seed.
//!
//! The random generator is a local SplitMix64 seeded by the caller: no global RNG, so the
//! same arguments always give the same program.
//!
//! ```
//! use engine::generate::{generate, Shape};
//! let program = generate(Shape::Random, 1_000, 7);
//! assert_eq!(program.tasks.len(), 1_000);
//! assert!(engine::schedule(&program).is_ok());
//! assert_eq!(program, generate(Shape::Random, 1_000, 7));
//! ```

use crate::model::{
    Calendar, Constraint, ConstraintKind, Dependency, Distribution, Estimate, Impact, LinkType,
    Program, ProgramInfo, Risk, Task, Workstream,
};
use chrono::{Datelike, Days, NaiveDate, Weekday};

pub use crate::rng::SplitMix64;

/// The form of a synthetic program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Each task follows the previous one (finish-to-start): one long critical path.
    Chain,
    /// Layers about √n wide; each task follows two tasks of the layer before.
    Layered,
    /// Each task has about two predecessors among the few hundred tasks before it, with
    /// mixed link types and lags, some constraints and deadlines.
    Random,
}

impl std::str::FromStr for Shape {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "chain" => Ok(Shape::Chain),
            "layered" => Ok(Shape::Layered),
            "random" => Ok(Shape::Random),
            other => Err(format!(
                "unknown shape '{other}': expected chain, layered or random"
            )),
        }
    }
}

/// What to put in a random program besides tasks and links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Some tasks get date constraints and some milestones deadlines.
    pub constraints: bool,
    /// One workstream works Monday to Thursday on its own calendar.
    pub team_calendar: bool,
}

/// A program of `tasks` tasks in `shape`, with constraints, from `seed`.
pub fn generate(shape: Shape, tasks: usize, seed: u64) -> Program {
    generate_with(
        shape,
        tasks,
        seed,
        Options {
            constraints: true,
            team_calendar: false,
        },
    )
}

/// A program of `tasks` tasks in `shape` with the given options, from `seed`.
pub fn generate_with(shape: Shape, tasks: usize, seed: u64, options: Options) -> Program {
    let mut rng = SplitMix64(seed);
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap_or_default();
    let mut program = Program {
        program: ProgramInfo {
            name: format!("{shape:?} {tasks}"),
            start,
            status_date: None,
            finish_by: None,
            critical_path: Default::default(),
        },
        calendar: Calendar {
            workdays: Calendar::default().workdays,
            holidays: holidays(start.year(), 40),
        },
        workstreams: workstreams(options.team_calendar),
        tasks: Vec::with_capacity(tasks),
        dependencies: Vec::with_capacity(tasks * 2),
        risks: Vec::new(),
        logs: Default::default(),
        readiness: Default::default(),
        status: Default::default(),
        board: Default::default(),
        resources: Vec::new(),
    };
    for i in 0..tasks {
        let milestone = shape != Shape::Chain && rng.below(20) == 0;
        program.tasks.push(Task {
            id: format!("T{i}"),
            name: format!("Task {i}"),
            workstream: format!("ws{}", rng.below(6)),
            duration: if milestone {
                0
            } else {
                1 + rng.below(20) as i64
            },
            milestone,
            ..Task::default()
        });
    }
    match shape {
        Shape::Chain => chain(&mut program),
        Shape::Layered => layered(&mut program, &mut rng),
        Shape::Random => random(&mut program, &mut rng, options.constraints),
    }
    program
}

/// Adds `count` teams to a generated program (capacity 2, 3 or 4 in turn) and a demand of
/// one on every task but milestones (team `t mod count`), a second on every third task:
/// heavily over-allocated on purpose, the program leveling benchmarks level.
///
/// ```
/// let mut program = engine::generate::generate(engine::generate::Shape::Chain, 6, 1);
/// engine::generate::add_resources(&mut program, 2);
/// assert_eq!(program.resources.len(), 2);
/// assert!(program.tasks.iter().filter(|t| !t.is_milestone()).all(|t| !t.demands.is_empty()));
/// ```
pub fn add_resources(program: &mut Program, count: usize) {
    let count = count.max(1);
    for r in 0..count {
        program.resources.push(crate::model::Resource {
            id: format!("r{r}"),
            name: format!("Team {r}"),
            capacity: 2.0 + (r % 3) as f64,
            ..crate::model::Resource::default()
        });
    }
    for (t, task) in program.tasks.iter_mut().enumerate() {
        if task.is_milestone() {
            continue;
        }
        task.demands.push(crate::model::Demand {
            resource: format!("r{}", t % count),
            units: 1.0,
        });
        let second = (t / 3 + count / 2) % count;
        if t % 3 == 0 && second != t % count {
            task.demands.push(crate::model::Demand {
                resource: format!("r{second}"),
                units: 1.0,
            });
        }
    }
}

/// Adds uncertainty to a generated program, from `seed`: a three-point estimate around
/// every task's duration (PERT, triangular and uniform in turn; optimistic 70–100 % of it,
/// pessimistic 100–250 %) and one risk per 100 tasks (probability 5–50 %, 2–15 days on 1–3
/// tasks).
pub fn add_uncertainty(program: &mut Program, seed: u64) {
    let mut rng = SplitMix64(seed);
    let distributions = [
        Distribution::Pert,
        Distribution::Triangular,
        Distribution::Uniform,
    ];
    for (i, task) in program
        .tasks
        .iter_mut()
        .enumerate()
        .filter(|(_, t)| !t.is_milestone())
    {
        let likely = task.duration as f64;
        let optimistic = (likely * (0.7 + 0.3 * rng.unit())).floor();
        let pessimistic = (likely * (1.0 + 1.5 * rng.unit())).ceil();
        task.estimate = Some(Box::new(Estimate {
            optimistic,
            likely,
            pessimistic,
            distribution: distributions[i % 3],
        }));
    }
    let n = program.tasks.len() as u64;
    for r in 0..program.tasks.len() / 100 {
        let min = 2 + rng.below(5) as i64;
        let count = 1 + rng.below(3);
        let mut tasks: Vec<String> = (0..count)
            .map(|_| program.tasks[rng.below(n) as usize].id.clone())
            .collect();
        tasks.sort();
        tasks.dedup();
        let (probability, spread) = (0.05 + 0.45 * rng.unit(), rng.below(9) as i64);
        program.risks.push(Risk {
            id: format!("R{r}"),
            title: format!("Risk {r}"),
            probability,
            impact: Impact {
                min,
                max: min + spread,
            },
            tasks,
            ..Default::default()
        });
    }
}

fn chain(program: &mut Program) {
    for i in 1..program.tasks.len() {
        program.dependencies.push(link(i - 1, i, LinkType::FS, 0));
    }
}

fn layered(program: &mut Program, rng: &mut SplitMix64) {
    let n = program.tasks.len();
    let width = ((n as f64).sqrt() as usize).max(1);
    for i in width..n {
        let layer_start = (i / width - 1) * width;
        let first = layer_start + rng.below(width as u64) as usize;
        let second = layer_start + rng.below(width as u64) as usize;
        program.dependencies.push(link(first, i, LinkType::FS, 0));
        if second != first {
            program.dependencies.push(link(second, i, LinkType::FS, 0));
        }
    }
}

fn random(program: &mut Program, rng: &mut SplitMix64, constraints: bool) {
    let n = program.tasks.len();
    let start = program.program.start;
    for i in 1..n {
        let window = i.min(300) as u64;
        let count = 1 + rng.below(3);
        let mut chosen: Vec<usize> = (0..count)
            .map(|_| i - 1 - rng.below(window) as usize)
            .collect();
        chosen.sort_unstable();
        chosen.dedup();
        for p in chosen {
            let kind = match rng.below(20) {
                0..=13 => LinkType::FS,
                14..=16 => LinkType::SS,
                17..=18 => LinkType::FF,
                _ => LinkType::SF,
            };
            let lag = match rng.below(10) {
                0 => -(rng.below(3) as i64),
                1 | 2 => 1 + rng.below(5) as i64,
                _ => 0,
            };
            program.dependencies.push(link(p, i, kind, lag));
        }
    }
    if !constraints {
        return;
    }
    for (i, task) in program.tasks.iter_mut().enumerate() {
        let date = start
            .checked_add_days(Days::new(rng.below((i as u64 / 2).max(30))))
            .unwrap_or(start);
        match rng.below(40) {
            0 => {
                task.constraint = Some(Constraint {
                    kind: ConstraintKind::SNET,
                    date: Some(date),
                })
            }
            1 => {
                task.constraint = Some(Constraint {
                    kind: ConstraintKind::FNLT,
                    date: Some(date),
                })
            }
            2 if task.is_milestone() => task.deadline = Some(date),
            _ => {}
        }
    }
}

fn link(from: usize, to: usize, kind: LinkType, lag: i64) -> Dependency {
    Dependency {
        from: format!("T{from}"),
        to: format!("T{to}"),
        kind,
        lag,
    }
}

/// Fixed-date public holidays for `years` years from `first_year`.
fn holidays(first_year: i32, years: i32) -> Vec<NaiveDate> {
    let fixed = [
        (1, 1),
        (5, 1),
        (7, 4),
        (11, 11),
        (12, 24),
        (12, 25),
        (12, 26),
        (12, 31),
    ];
    (first_year..first_year + years)
        .flat_map(|year| {
            fixed
                .iter()
                .filter_map(move |&(m, d)| NaiveDate::from_ymd_opt(year, m, d))
        })
        .collect()
}

fn workstreams(team_calendar: bool) -> Vec<Workstream> {
    (0..6)
        .map(|w| Workstream {
            id: format!("ws{w}"),
            name: format!("Workstream {w}"),
            calendar: (team_calendar && w == 5).then(|| Calendar {
                workdays: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu],
                holidays: holidays(2027, 1).into_iter().take(2).collect(),
            }),
            color: None,
        })
        .collect()
}

/// Puts `program`'s tasks under summary tasks, two levels deep, as an imported MS Project
/// plan would have them: in each workstream, every `size` tasks in a row under a phase, and
/// every `size` phases under a stage. The summaries are added after the tasks (so the
/// tasks keep their positions) and have no links of their own. O(T).
///
/// ```
/// use engine::generate::{generate, outline, Shape};
/// let mut program = generate(Shape::Random, 1_000, 7);
/// outline(&mut program, 10);
/// assert!(program.tasks.len() > 1_000);
/// assert!(engine::schedule(&program).is_ok());
/// ```
pub fn outline(program: &mut Program, size: usize) {
    let size = size.max(2);
    let tasks = program.tasks.len();
    let mut by_workstream: Vec<(String, Vec<usize>)> = Vec::new();
    for t in 0..tasks {
        let ws = &program.tasks[t].workstream;
        match by_workstream.iter_mut().find(|(w, _)| w == ws) {
            Some((_, members)) => members.push(t),
            None => by_workstream.push((ws.clone(), vec![t])),
        }
    }
    for (workstream, members) in by_workstream {
        let phases = group_under(program, &workstream, &members, size, "Phase");
        group_under(program, &workstream, &phases, size, "Stage");
    }
}

/// Puts `members` under a new summary per `size` of them; the new summaries' indices.
fn group_under(
    program: &mut Program,
    workstream: &str,
    members: &[usize],
    size: usize,
    kind: &str,
) -> Vec<usize> {
    let mut made = Vec::new();
    for run in members.chunks(size) {
        let id = format!("{}-{kind}-{}", workstream, made.len() + 1);
        for &t in run {
            program.tasks[t].parent = Some(id.clone());
        }
        made.push(program.tasks.len());
        program.tasks.push(Task {
            name: format!("{kind} {} of {workstream}", made.len()),
            id,
            workstream: workstream.to_owned(),
            summary: true,
            ..Task::default()
        });
    }
    made
}
