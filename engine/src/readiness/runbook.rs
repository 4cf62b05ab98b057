//! A runbook's figures: each step's planned start and finish (to the minute), its T-minus
//! or T-plus against go-live, ahead/behind from the actual times, the critical chain, and
//! the cycle among steps if there is one.
//!
//! **Planned start.** A step's typed `planned_start` is its start (the plan as written);
//! without one it starts when the last of its `after` steps finishes; with neither it has
//! no planned time. Finish is start plus `duration_minutes` (none: 0 minutes).
//!
//! **T0** (go-live, see [`t_zero`]): the runbook's `t0` if set, else the planned start of
//! its first checkpoint step, else its earliest planned start. T-minus is negative minutes
//! before T0, T-plus positive after.
//!
//! **Ahead/behind**: a step's variance is its actual finish minus its planned finish (or,
//! started only, actual start minus planned start), in minutes: positive is behind.

use std::collections::HashMap;

use super::model::{Moment, Runbook, Step};

/// A step with its computed times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedStep {
    pub id: String,
    pub start: Option<Moment>,
    pub finish: Option<Moment>,
    /// Minutes from T0 to the planned start (negative: T-minus).
    pub t_minutes: Option<i64>,
    /// Minutes behind plan (negative: ahead), from the actual times.
    pub variance: Option<i64>,
}

/// The planned start and finish of each step, in the runbook's order.
///
/// ```
/// use engine::readiness::model::{Moment, Runbook, Step};
/// use engine::readiness::runbook::planned;
/// let at = |t| Moment::parse(t);
/// let runbook = Runbook {
///     steps: vec![
///         Step { id: "S1".into(), planned_start: at("2027-06-14 22:00"),
///                duration_minutes: Some(90), ..Step::default() },
///         Step { id: "S2".into(), after: vec!["S1".into()],
///                duration_minutes: Some(30), ..Step::default() },
///     ],
///     ..Runbook::default()
/// };
/// let plan = planned(&runbook);
/// assert_eq!(plan[1].start, at("2027-06-14 23:30"));
/// assert_eq!(plan[1].finish, at("2027-06-15 00:00"));
/// assert_eq!(plan[1].t_minutes, Some(90)); // T0 = the first planned start
/// ```
pub fn planned(runbook: &Runbook) -> Vec<PlannedStep> {
    let times = times(runbook);
    let t0 = t_zero_of(runbook, &times);
    runbook
        .steps
        .iter()
        .zip(&times)
        .map(|(step, &(start, finish))| PlannedStep {
            id: step.id.clone(),
            start,
            finish,
            t_minutes: t0.zip(start).map(|(t0, s)| t0.minutes_to(s)),
            variance: variance(step, start, finish),
        })
        .collect()
}

/// The go-live moment: `t0`, else the first checkpoint's planned start, else the earliest
/// planned start.
pub fn t_zero(runbook: &Runbook) -> Option<Moment> {
    t_zero_of(runbook, &times(runbook))
}

fn t_zero_of(runbook: &Runbook, times: &[(Option<Moment>, Option<Moment>)]) -> Option<Moment> {
    let checkpoint = || {
        runbook
            .steps
            .iter()
            .zip(times)
            .find(|(s, _)| s.checkpoint)
            .and_then(|(_, t)| t.0)
    };
    let earliest = || times.iter().filter_map(|t| t.0).min();
    runbook.t0.or_else(checkpoint).or_else(earliest)
}

/// `T-1h30m`, `T+45m`, `T0` for minutes from T0.
///
/// ```
/// use engine::readiness::runbook::t_label;
/// assert_eq!(t_label(-90), "T-1h30m");
/// assert_eq!(t_label(45), "T+45m");
/// assert_eq!(t_label(120), "T+2h");
/// assert_eq!(t_label(0), "T0");
/// ```
pub fn t_label(minutes: i64) -> String {
    if minutes == 0 {
        return "T0".into();
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    format!("T{sign}{}", hours_and_minutes(minutes.unsigned_abs()))
}

/// `1h30m`, `45m`, `2h`.
pub fn hours_and_minutes(minutes: u64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m}m"),
    }
}

/// Minutes behind plan (negative: ahead) of the latest step with an actual time, in
/// planned order; `None` before anything happened.
pub fn behind(runbook: &Runbook) -> Option<i64> {
    planned(runbook)
        .into_iter()
        .filter(|p| p.variance.is_some())
        .max_by_key(|p| p.finish.or(p.start))
        .and_then(|p| p.variance)
}

/// The critical chain: from the step that finishes last, back through the `after` step that
/// finishes latest, in order of execution (ids). Empty without planned times.
pub fn critical_chain(runbook: &Runbook) -> Vec<String> {
    let times = times(runbook);
    let index = positions(runbook);
    let last = (0..runbook.steps.len())
        .filter(|&s| times[s].1.is_some())
        .max_by_key(|&s| times[s].1);
    let mut chain = Vec::new();
    let mut at = last;
    while let Some(s) = at {
        if chain.contains(&s) {
            break;
        }
        chain.push(s);
        at = runbook.steps[s]
            .after
            .iter()
            .filter_map(|a| index.get(a.as_str()).copied())
            .filter(|&p| times[p].1.is_some())
            .max_by_key(|&p| times[p].1);
    }
    chain.reverse();
    chain
        .into_iter()
        .map(|s| runbook.steps[s].id.clone())
        .collect()
}

/// Steps that wait for each other in a cycle, in order (the first repeated at the end), or
/// `None`.
pub fn step_cycle(runbook: &Runbook) -> Option<Vec<String>> {
    let index = positions(runbook);
    // 0: not seen, 1: on the path, 2: done.
    let mut state = vec![0u8; runbook.steps.len()];
    for start in 0..runbook.steps.len() {
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(&mut (s, ref mut next)) = path.last_mut() {
            if *next == 0 && state[s] == 2 {
                path.pop();
                continue;
            }
            state[s] = 1;
            let after = &runbook.steps[s].after;
            let Some(id) = after.get(*next) else {
                state[s] = 2;
                path.pop();
                continue;
            };
            *next += 1;
            let Some(&p) = index.get(id.as_str()) else {
                continue;
            };
            if state[p] == 1 {
                let from = path.iter().position(|&(q, _)| q == p).unwrap_or(0);
                let mut cycle: Vec<String> = path[from..]
                    .iter()
                    .map(|&(q, _)| runbook.steps[q].id.clone())
                    .collect();
                cycle.reverse();
                cycle.push(cycle[0].clone());
                return Some(cycle);
            }
            if state[p] == 0 {
                path.push((p, 0));
            }
        }
    }
    None
}

fn positions(runbook: &Runbook) -> HashMap<&str, usize> {
    let mut index = HashMap::new();
    for (s, step) in runbook.steps.iter().enumerate() {
        index.entry(step.id.as_str()).or_insert(s);
    }
    index
}

/// Each step's (start, finish), steps in a cycle only from their typed start.
fn times(runbook: &Runbook) -> Vec<(Option<Moment>, Option<Moment>)> {
    let steps = &runbook.steps;
    let index = positions(runbook);
    let mut times: Vec<Option<(Option<Moment>, Option<Moment>)>> = vec![None; steps.len()];
    // Repeated passes settle each step once its `after` steps are settled: a runbook has
    // tens of steps, and a cycle stops the passes when nothing more settles.
    loop {
        let mut settled = false;
        for (s, step) in steps.iter().enumerate() {
            if times[s].is_some() {
                continue;
            }
            let before: Option<Vec<Option<Moment>>> = step
                .after
                .iter()
                .filter_map(|a| index.get(a.as_str()))
                .map(|&p| times[p].map(|t| t.1))
                .collect();
            if step.planned_start.is_none() && before.is_none() {
                continue;
            }
            let start = step
                .planned_start
                .or_else(|| latest(before.unwrap_or_default()));
            times[s] = Some((start, finish_of(step, start)));
            settled = true;
        }
        if !settled {
            break;
        }
    }
    times
        .into_iter()
        .zip(steps)
        .map(|(t, step)| t.unwrap_or((step.planned_start, finish_of(step, step.planned_start))))
        .collect()
}

/// The latest of finishes, none when one is unknown or there are none.
fn latest(finishes: Vec<Option<Moment>>) -> Option<Moment> {
    let all: Option<Vec<Moment>> = finishes.into_iter().collect();
    all?.into_iter().max()
}

fn finish_of(step: &Step, start: Option<Moment>) -> Option<Moment> {
    start?.plus_minutes(step.duration_minutes.unwrap_or(0).max(0))
}

fn variance(step: &Step, start: Option<Moment>, finish: Option<Moment>) -> Option<i64> {
    if let (Some(actual), Some(planned)) = (step.actual_finish, finish) {
        return Some(planned.minutes_to(actual));
    }
    let (actual, planned) = (step.actual_start?, start?);
    Some(planned.minutes_to(actual))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str, start: Option<&str>, minutes: i64, after: &[&str]) -> Step {
        Step {
            id: id.into(),
            planned_start: start.and_then(Moment::parse),
            duration_minutes: Some(minutes),
            after: after.iter().map(|a| a.to_string()).collect(),
            ..Step::default()
        }
    }

    fn cutover() -> Runbook {
        let mut check = step("S3", None, 15, &["S2"]);
        check.checkpoint = true;
        Runbook {
            steps: vec![
                step("S1", Some("2027-06-14 20:00"), 60, &[]),
                step("S2", None, 120, &["S1"]),
                step("S4", Some("2027-06-14 20:30"), 30, &[]),
                check,
                step("S5", None, 45, &["S3", "S4"]),
            ],
            ..Runbook::default()
        }
    }

    #[test]
    fn times_follow_after_and_t0_is_the_first_checkpoint() {
        let plan = planned(&cutover());
        let at = |s: usize| plan[s].start.unwrap().to_text();
        assert_eq!(at(1), "2027-06-14 21:00");
        assert_eq!(at(3), "2027-06-14 23:00");
        assert_eq!(at(4), "2027-06-14 23:15");
        // T0 is S3's start, 23:00: S1 is at T-3h.
        assert_eq!(plan[0].t_minutes, Some(-180));
        assert_eq!(plan[4].t_minutes, Some(15));
        assert_eq!(critical_chain(&cutover()), ["S1", "S2", "S3", "S5"]);
    }

    #[test]
    fn an_explicit_t0_wins() {
        let mut runbook = cutover();
        runbook.t0 = Moment::parse("2027-06-15 00:00");
        assert_eq!(planned(&runbook)[0].t_minutes, Some(-240));
    }

    #[test]
    fn behind_and_ahead_come_from_actual_times() {
        let mut runbook = cutover();
        assert_eq!(behind(&runbook), None);
        runbook.steps[0].actual_start = Moment::parse("2027-06-14 20:05");
        assert_eq!(behind(&runbook), Some(5));
        runbook.steps[0].actual_finish = Moment::parse("2027-06-14 20:50");
        assert_eq!(behind(&runbook), Some(-10));
    }

    #[test]
    fn a_cycle_is_named_in_order() {
        let runbook = Runbook {
            steps: vec![
                step("A", None, 5, &["C"]),
                step("B", None, 5, &["A"]),
                step("C", None, 5, &["B"]),
            ],
            ..Runbook::default()
        };
        let cycle = step_cycle(&runbook).unwrap();
        assert_eq!(cycle.len(), 4);
        assert_eq!(cycle.first(), cycle.last());
        assert!(planned(&runbook).iter().all(|p| p.start.is_none()));
        assert_eq!(step_cycle(&cutover()), None);
    }
}
