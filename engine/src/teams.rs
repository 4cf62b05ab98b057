//! Cross-team dependencies: a program's links grouped by (predecessor's workstream,
//! successor's workstream), with how many are critical or late, for the dependency map.
//!
//! A link is *critical* when both its tasks are on the critical path and it drives the
//! successor (no slack between them on the early dates). It is *late* when the successor
//! finishes after its deadline, or when the link's own float is negative (the predecessor's
//! early dates already push the successor past its late dates, as in Primavera P6's
//! relationship float). Links inside one workstream are left out.

use rustc_hash::FxHashMap;

use crate::model::{Dependency, LinkType, Program};
use crate::scheduler::{Schedule, TaskSchedule};

/// The links from one workstream to another.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamFlow {
    /// Workstream ids: the predecessors' team and the successors' team.
    pub from: String,
    pub to: String,
    /// In the program's dependency order.
    pub links: Vec<TeamLink>,
    pub critical: usize,
    pub late: usize,
}

/// One cross-team link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamLink {
    /// Indices into the program's tasks.
    pub from_task: usize,
    pub to_task: usize,
    pub kind: LinkType,
    pub lag: i64,
    pub critical: bool,
    pub late: bool,
}

/// The program's cross-team links grouped by (from workstream, to workstream), in the order
/// of the program's workstreams (from, then to). Without a schedule (a program that does not
/// schedule), no link is critical or late. Links naming unknown tasks are skipped.
pub fn cross_team_flows(program: &Program, schedule: Option<&Schedule>) -> Vec<TeamFlow> {
    let index: FxHashMap<&str, usize> = program
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let team_rank: FxHashMap<&str, usize> = program
        .workstreams
        .iter()
        .enumerate()
        .map(|(i, w)| (w.id.as_str(), i))
        .collect();
    let mut flows: FxHashMap<(&str, &str), TeamFlow> = FxHashMap::default();
    for dep in &program.dependencies {
        let (Some(&p), Some(&s)) = (index.get(dep.from.as_str()), index.get(dep.to.as_str()))
        else {
            continue;
        };
        let (from_team, to_team) = (
            program.tasks[p].workstream.as_str(),
            program.tasks[s].workstream.as_str(),
        );
        if from_team == to_team {
            continue;
        }
        let link = assess(program, schedule, dep, p, s);
        let flow = flows
            .entry((from_team, to_team))
            .or_insert_with(|| TeamFlow {
                from: from_team.to_owned(),
                to: to_team.to_owned(),
                ..TeamFlow::default()
            });
        flow.critical += usize::from(link.critical);
        flow.late += usize::from(link.late);
        flow.links.push(link);
    }
    let rank = |team: &str| team_rank.get(team).copied().unwrap_or(usize::MAX);
    let mut flows: Vec<TeamFlow> = flows.into_values().collect();
    flows.sort_by(|a, b| {
        (rank(&a.from), rank(&a.to), &a.from, &a.to).cmp(&(
            rank(&b.from),
            rank(&b.to),
            &b.from,
            &b.to,
        ))
    });
    flows
}

fn assess(
    program: &Program,
    schedule: Option<&Schedule>,
    dep: &Dependency,
    p: usize,
    s: usize,
) -> TeamLink {
    let dates = schedule.and_then(|plan| Some((plan.tasks.get(p)?, plan.tasks.get(s)?)));
    let (critical, late) = match dates {
        Some((pred, succ)) => {
            let driving = link_slack(dep, pred, succ) <= 0;
            let deadline_missed = program.tasks[s]
                .deadline
                .is_some_and(|deadline| succ.finish > deadline);
            (
                pred.critical && succ.critical && driving,
                deadline_missed || link_float(dep, pred, succ) < 0,
            )
        }
        None => (false, false),
    };
    TeamLink {
        from_task: p,
        to_task: s,
        kind: dep.kind,
        lag: dep.lag,
        critical,
        late,
    }
}

/// The link's slack on the early dates (working days of the program calendar): how far the
/// successor sits beyond what the link requires. Zero: the link drives the successor.
pub fn link_slack(dep: &Dependency, pred: &TaskSchedule, succ: &TaskSchedule) -> i64 {
    let (from, to) = ends(dep.kind, (pred.es, pred.ef), (succ.es, succ.ef));
    to - (from + dep.lag)
}

/// The link's float: the successor's *late* end that the link ties, minus the predecessor's
/// early end plus the lag. Negative: the link makes the successor miss its late dates.
pub fn link_float(dep: &Dependency, pred: &TaskSchedule, succ: &TaskSchedule) -> i64 {
    let (from, to) = ends(dep.kind, (pred.es, pred.ef), (succ.ls, succ.lf));
    to - (from + dep.lag)
}

/// The predecessor's and successor's ends a link of `kind` ties: (start, finish) pairs in.
fn ends(kind: LinkType, pred: (i64, i64), succ: (i64, i64)) -> (i64, i64) {
    match kind {
        LinkType::FS => (pred.1, succ.0),
        LinkType::SS => (pred.0, succ.0),
        LinkType::FF => (pred.1, succ.1),
        LinkType::SF => (pred.0, succ.1),
    }
}
