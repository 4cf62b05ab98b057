//! Independent checks for leveling tests: a feasibility checker that knows only the
//! problem's rules, a brute-force optimum over every start day, and a PSPLIB reader.
#![allow(dead_code)]

use engine::LinkType;
use engine::leveling::{Capacity, Demand, Link, Problem, Solution};

/// What resource `r` offers on `day`: the last period covering it, else the base.
pub fn capacity_on(capacity: &Capacity, day: i64) -> i64 {
    capacity
        .periods
        .iter()
        .rev()
        .find(|&&(from, to, _)| from <= day && day < to)
        .map_or(i64::from(capacity.base), |&(_, _, units)| i64::from(units))
}

/// Whether `link` holds for these starts.
pub fn link_holds(problem: &Problem, link: &Link, starts: &[i64]) -> bool {
    let (from, to) = (link.from as usize, link.to as usize);
    let finish = |t: usize| starts[t] + problem.durations[t];
    match link.kind {
        LinkType::FS => starts[to] >= finish(from) + link.lag,
        LinkType::SS => starts[to] >= starts[from] + link.lag,
        LinkType::FF => finish(to) >= finish(from) + link.lag,
        LinkType::SF => finish(to) >= starts[from] + link.lag,
    }
}

/// Every rule the solution breaks, as text (empty when it keeps them all): durations and
/// pins kept, releases and links kept (a link into a pinned task may only be broken by a
/// task listed as unresolved), no day over capacity unless a task on it is listed as
/// overloaded, and the finish the latest task finish.
pub fn violations(problem: &Problem, solution: &Solution) -> Vec<String> {
    let n = problem.len();
    let starts = &solution.starts;
    let mut broken = Vec::new();
    if starts.len() != n {
        return vec![format!("{} starts for {n} tasks", starts.len())];
    }
    for (t, (&start, &pin)) in starts.iter().zip(&problem.pinned).enumerate() {
        match pin {
            Some(pin) if start != pin => broken.push(format!("task {t} moved off its pin")),
            Some(_) => {}
            None if start < problem.release[t].max(0) => {
                broken.push(format!("task {t} starts before its release"))
            }
            None => {}
        }
    }
    for link in &problem.links {
        if link_holds(problem, link, starts) {
            continue;
        }
        let into_pin = problem.pinned[link.to as usize].is_some();
        let both_pinned = into_pin && problem.pinned[link.from as usize].is_some();
        if both_pinned || (into_pin && solution.unresolved.contains(&link.from)) {
            continue;
        }
        broken.push(format!("link {link:?} broken"));
    }
    for (r, capacity) in problem.resources.iter().enumerate() {
        let horizon = (0..n)
            .map(|t| starts[t] + problem.durations[t])
            .max()
            .unwrap_or(0);
        for day in 0..horizon.max(0) {
            let working: Vec<usize> = (0..n)
                .filter(|&t| starts[t] <= day && day < starts[t] + problem.durations[t])
                .collect();
            let used: i64 = working
                .iter()
                .flat_map(|&t| problem.demands[t].iter())
                .filter(|d| d.resource as usize == r)
                .map(|d| i64::from(d.units))
                .sum();
            let excused = working
                .iter()
                .any(|&t| solution.overloaded.contains(&(t as u32)));
            if used > capacity_on(capacity, day) && !excused {
                broken.push(format!("resource {r} over capacity on day {day}"));
            }
        }
    }
    let finish = (0..n)
        .map(|t| starts[t] + problem.durations[t])
        .max()
        .unwrap_or(0)
        .max(0);
    if solution.finish != finish {
        broken.push(format!("finish {} is not {finish}", solution.finish));
    }
    broken
}

/// Resource use per resource and day of a partial schedule (for brute force).
struct Usage {
    days: Vec<Vec<i64>>,
}

impl Usage {
    fn fits(&self, problem: &Problem, task: usize, start: i64) -> bool {
        (start..start + problem.durations[task]).all(|day| {
            problem.demands[task].iter().all(|d| {
                let r = d.resource as usize;
                self.days[r][day as usize] + i64::from(d.units)
                    <= capacity_on(&problem.resources[r], day)
            })
        })
    }

    fn add(&mut self, problem: &Problem, task: usize, start: i64, sign: i64) {
        for day in start..start + problem.durations[task] {
            for d in &problem.demands[task] {
                self.days[d.resource as usize][day as usize] += sign * i64::from(d.units);
            }
        }
    }
}

/// The earliest finish of any schedule keeping every rule and capacity (pins fixed, every
/// start day up to `horizon` tried, depth first with the best so far as a bound); `None`
/// if none finishes by `horizon`.
pub fn brute_force(problem: &Problem, horizon: i64) -> Option<i64> {
    let n = problem.len();
    let order = topological_order(problem);
    let mut usage = Usage {
        days: vec![vec![0; horizon as usize + 1]; problem.resources.len()],
    };
    let mut starts = vec![0; n];
    for (t, pin) in problem.pinned.iter().enumerate() {
        if let Some(pin) = *pin {
            starts[t] = pin;
            usage.add(problem, t, pin, 1);
        }
    }
    let mut best = horizon + 1;
    search(problem, &order, 0, &mut starts, &mut usage, 0, &mut best);
    (best <= horizon).then_some(best)
}

fn search(
    problem: &Problem,
    order: &[usize],
    at: usize,
    starts: &mut [i64],
    usage: &mut Usage,
    finish: i64,
    best: &mut i64,
) {
    if at == order.len() {
        *best = (*best).min(finish);
        return;
    }
    let task = order[at];
    let d = problem.durations[task];
    if problem.pinned[task].is_some() {
        let finish = finish.max(starts[task] + d);
        if finish < *best && preds_hold(problem, task, starts) {
            search(problem, order, at + 1, starts, usage, finish, best);
        }
        return;
    }
    let earliest = problem
        .links
        .iter()
        .filter(|l| l.to as usize == task)
        .map(|l| least_start(problem, l, starts))
        .fold(problem.release[task].max(0), i64::max);
    let mut start = earliest;
    while start + d < *best {
        if usage.fits(problem, task, start) {
            starts[task] = start;
            usage.add(problem, task, start, 1);
            search(
                problem,
                order,
                at + 1,
                starts,
                usage,
                finish.max(start + d),
                best,
            );
            usage.add(problem, task, start, -1);
        }
        start += 1;
    }
}

/// The least start of `link.to` that keeps `link`, given its predecessor's start.
fn least_start(problem: &Problem, link: &Link, starts: &[i64]) -> i64 {
    let (from, to) = (link.from as usize, link.to as usize);
    let (s, d_from, d_to) = (starts[from], problem.durations[from], problem.durations[to]);
    match link.kind {
        LinkType::FS => s + d_from + link.lag,
        LinkType::SS => s + link.lag,
        LinkType::FF => s + d_from + link.lag - d_to,
        LinkType::SF => s + link.lag - d_to,
    }
}

fn preds_hold(problem: &Problem, task: usize, starts: &[i64]) -> bool {
    problem
        .links
        .iter()
        .filter(|l| l.to as usize == task && problem.pinned[l.from as usize].is_none())
        .all(|l| link_holds(problem, l, starts))
}

fn topological_order(problem: &Problem) -> Vec<usize> {
    let n = problem.len();
    let mut waiting: Vec<usize> = (0..n)
        .map(|t| problem.links.iter().filter(|l| l.to as usize == t).count())
        .collect();
    let mut order: Vec<usize> = (0..n).filter(|&t| waiting[t] == 0).collect();
    let mut head = 0;
    while head < order.len() {
        let task = order[head];
        head += 1;
        for link in problem.links.iter().filter(|l| l.from as usize == task) {
            waiting[link.to as usize] -= 1;
            if waiting[link.to as usize] == 0 {
                order.push(link.to as usize);
            }
        }
    }
    order
}

/// A PSPLIB single-mode `.sm` file as a problem: jobs (dummy source and sink included),
/// finish-to-start links, demands in whole units (×100), constant capacities.
pub fn parse_sm(text: &str) -> Problem {
    let lines: Vec<&str> = text.lines().collect();
    let at = |prefix: &str| {
        lines
            .iter()
            .position(|l| l.trim_start().starts_with(prefix))
            .expect("a PSPLIB section")
    };
    let numbers = |line: &str| -> Vec<i64> {
        line.split_whitespace()
            .map(|w| w.parse().expect("a number"))
            .collect()
    };
    let jobs: usize = lines[at("jobs (incl. supersource/sink )")]
        .rsplit(':')
        .next()
        .and_then(|w| w.trim().parse().ok())
        .expect("a job count");
    let capacities = numbers(lines[at("RESOURCEAVAILABILITIES") + 2]);
    let resources = capacities
        .iter()
        .map(|&c| Capacity::constant(c as u32 * 100))
        .collect();
    let mut problem = Problem::new(vec![0; jobs], resources);
    let requests = at("REQUESTS/DURATIONS") + 3;
    for line in &lines[requests..requests + jobs] {
        let row = numbers(line);
        let job = row[0] as usize - 1;
        problem.durations[job] = row[2];
        problem.demands[job] = row[3..]
            .iter()
            .enumerate()
            .filter(|&(_, &u)| u > 0)
            .map(|(r, &u)| Demand {
                resource: r as u32,
                units: u as u32 * 100,
            })
            .collect();
    }
    let precedence = at("PRECEDENCE RELATIONS") + 2;
    for line in &lines[precedence..precedence + jobs] {
        let row = numbers(line);
        for &successor in &row[3..3 + row[2] as usize] {
            problem.links.push(Link {
                from: row[0] as u32 - 1,
                to: successor as u32 - 1,
                kind: LinkType::FS,
                lag: 0,
            });
        }
    }
    problem
}
