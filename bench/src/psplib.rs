//! PSPLIB single-mode instances (`.sm`, Kolisch & Sprecher 1996) read into leveling
//! problems, and runs of the leveler over a set of them with the figures the literature
//! reports: average deviation from the optimum (j30) or from the critical path (LB0, j120).

use engine::LinkType;
use engine::leveling::{Capacity, Demand, Leveler, Link, Options, Problem, lower_bounds};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Reads an `.sm` file's text: jobs (the dummy source and sink included, duration 0),
/// finish-to-start links, one demand per resource used, constant capacities.
pub fn parse_sm(text: &str) -> Result<Problem, String> {
    let lines: Vec<&str> = text.lines().collect();
    let find = |prefix: &str| {
        lines
            .iter()
            .position(|l| l.trim_start().starts_with(prefix))
            .ok_or_else(|| format!("no {prefix} section"))
    };
    let numbers = |line: &str| -> Result<Vec<i64>, String> {
        line.split_whitespace()
            .map(|w| w.parse::<i64>().map_err(|e| format!("{line:?}: {e}")))
            .collect()
    };
    let jobs_line = find("jobs (incl. supersource/sink )")?;
    let jobs = lines[jobs_line]
        .rsplit(':')
        .next()
        .and_then(|w| w.trim().parse::<usize>().ok())
        .ok_or("bad job count")?;
    let precedence = find("PRECEDENCE RELATIONS")? + 2;
    let requests = find("REQUESTS/DURATIONS")? + 3;
    let availability = find("RESOURCEAVAILABILITIES")? + 2;

    let capacities = numbers(lines[availability])?;
    let resources = capacities
        .iter()
        .map(|&c| Capacity::constant(c as u32 * 100))
        .collect();
    let mut durations = vec![0; jobs];
    let mut demands = vec![Vec::new(); jobs];
    for line in &lines[requests..requests + jobs] {
        let row = numbers(line)?;
        let job = row[0] as usize - 1;
        durations[job] = row[2];
        demands[job] = row[3..]
            .iter()
            .enumerate()
            .filter(|&(_, &units)| units > 0)
            .map(|(r, &units)| Demand {
                resource: r as u32,
                units: units as u32 * 100,
            })
            .collect();
    }
    let mut problem = Problem::new(durations, resources);
    problem.demands = demands;
    for line in &lines[precedence..precedence + jobs] {
        let row = numbers(line)?;
        let job = row[0] as u32 - 1;
        for &successor in &row[3..3 + row[2] as usize] {
            problem.links.push(Link {
                from: job,
                to: successor as u32 - 1,
                kind: LinkType::FS,
                lag: 0,
            });
        }
    }
    Ok(problem)
}

/// `(parameter, instance)` from a name like `j3013_7.sm`.
pub fn instance_key(path: &Path) -> Option<(u32, u32)> {
    let stem = path.file_stem()?.to_str()?;
    let rest = stem
        .strip_prefix("j120")
        .or_else(|| stem.strip_prefix("j30"))?;
    let (parameter, instance) = rest.split_once('_')?;
    Some((parameter.parse().ok()?, instance.parse().ok()?))
}

/// The optimal makespans of `j30opt.sm`, by `(parameter, instance)`.
pub fn parse_optima(text: &str) -> HashMap<(u32, u32), i64> {
    text.lines()
        .filter_map(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                [p, i, makespan, _time] => {
                    Some(((p.parse().ok()?, i.parse().ok()?), makespan.parse().ok()?))
                }
                _ => None,
            }
        })
        .collect()
}

/// The `.sm` files of a directory in parameter, instance order.
pub fn instance_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sm") && instance_key(p).is_some())
        .collect();
    files.sort_by_key(|p| instance_key(p));
    Ok(files)
}

/// When a run stops.
#[derive(Clone, Copy, Debug)]
pub enum Limit {
    Schedules(usize),
    /// Wall-clock milliseconds (schedules unbounded), checked every 100 schedules.
    Millis(f64),
}

/// The outcome on one instance.
#[derive(Clone, Debug)]
pub struct Run {
    pub key: (u32, u32),
    pub finish: i64,
    pub critical_path: i64,
    pub schedules: usize,
    pub millis: f64,
}

/// Levels one problem within `limit` (seed `seed`).
pub fn run(problem: &Problem, key: (u32, u32), limit: Limit, seed: u64) -> Run {
    let schedules = match limit {
        Limit::Schedules(n) => n,
        Limit::Millis(_) => usize::MAX / 2,
    };
    let options = Options {
        schedules,
        seed,
        ..Options::default()
    };
    let started = crate::timer::now_ms();
    let mut leveler = Leveler::new(problem, options).expect("PSPLIB instances are feasible");
    match limit {
        Limit::Schedules(_) => while leveler.step(usize::MAX) {},
        Limit::Millis(ms) => while crate::timer::now_ms() - started < ms && leveler.step(100) {},
    }
    let millis = crate::timer::now_ms() - started;
    let best = leveler.best();
    Run {
        key,
        finish: best.finish,
        critical_path: lower_bounds(problem).critical_path,
        schedules: best.schedules,
        millis,
    }
}

/// Figures over a set of runs against per-instance references (optimum or LB0).
#[derive(Clone, Debug)]
pub struct Summary {
    pub instances: usize,
    /// Mean of `(finish − reference) / reference`, in percent.
    pub deviation_percent: f64,
    /// Share of instances at the reference, in percent.
    pub at_reference_percent: f64,
    pub mean_millis: f64,
    pub max_millis: f64,
    pub mean_schedules: f64,
}

pub fn summarise(runs: &[Run], reference: impl Fn(&Run) -> i64) -> Summary {
    let n = runs.len().max(1) as f64;
    let deviation = runs
        .iter()
        .map(|r| {
            let reference = reference(r) as f64;
            (r.finish as f64 - reference) / reference
        })
        .sum::<f64>();
    Summary {
        instances: runs.len(),
        deviation_percent: 100.0 * deviation / n,
        at_reference_percent: 100.0
            * runs.iter().filter(|r| r.finish <= reference(r)).count() as f64
            / n,
        mean_millis: runs.iter().map(|r| r.millis).sum::<f64>() / n,
        max_millis: runs.iter().map(|r| r.millis).fold(0.0, f64::max),
        mean_schedules: runs.iter().map(|r| r.schedules as f64).sum::<f64>() / n,
    }
}
