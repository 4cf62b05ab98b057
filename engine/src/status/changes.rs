//! What changed between two packs: their [`Facts`] compared.
//!
//! Milestones that moved (by working days of the program calendar), risks and issues
//! opened and closed, decisions made, dependencies that turned at risk or missed, tasks that
//! joined or left the critical path, change requests approved, tasks added and removed.
//! Cost: O(n + m) with hashes of ids.

use super::model::{Changes, Facts, ItemFact, MilestoneFact, Moved, Named};
use crate::logs::figures::working_days;
use crate::model::Program;
use rustc_hash::{FxHashMap, FxHashSet};

/// What changed from `before` (the last pack's facts, its id `since`) to `now`. Day counts
/// are working days of `program`'s calendar.
///
/// ```
/// use engine::status::changes::changes;
/// use engine::status::model::{Facts, MilestoneFact};
/// use engine::Program;
/// let m = |finish: &str| MilestoneFact {
///     id: "ga".into(), name: "GA".into(), finish: finish.parse().unwrap(),
///     committed: None, p80: None, actual: None,
/// };
/// let before = Facts { milestones: vec![m("2027-03-05")], ..Facts::default() };
/// let now = Facts { milestones: vec![m("2027-03-12")], ..Facts::default() };
/// let c = changes(&Program::default(), "SP1", &before, &now);
/// assert_eq!((c.moved[0].id.as_str(), c.moved[0].days), ("ga", 5));
/// ```
pub fn changes(program: &Program, since: &str, before: &Facts, now: &Facts) -> Changes {
    let opened = |then: &[ItemFact], now: &[ItemFact]| newly(then, now, |i| i.open);
    let closed = |then: &[ItemFact], now: &[ItemFact]| turned(then, now, |i| i.open, |i| !i.open);
    Changes {
        since: Some(since.into()),
        moved: moved(program, before, now),
        new_risks: opened(&before.risks, &now.risks),
        closed_risks: closed(&before.risks, &now.risks),
        new_issues: opened(&before.issues, &now.issues),
        closed_issues: closed(&before.issues, &now.issues),
        decisions_made: turned(
            &before.decisions,
            &now.decisions,
            |i| i.state != "decided",
            |i| i.state == "decided",
        ),
        dependencies_at_risk: turned(
            &before.dependencies,
            &now.dependencies,
            |i| !troubled(i),
            troubled,
        ),
        critical_joined: joined(
            &ids(&before.critical),
            &ids(&now.critical),
            &names(program, now),
        ),
        critical_left: joined(
            &ids(&now.critical),
            &ids(&before.critical),
            &names(program, before),
        ),
        changes_approved: turned(
            &before.changes,
            &now.changes,
            |i| i.state != "approved",
            |i| i.state == "approved",
        ),
        tasks_added: joined(&before.tasks, &now.tasks, &names(program, now)),
        tasks_removed: joined(&now.tasks, &before.tasks, &names(program, before)),
    }
}

fn troubled(item: &ItemFact) -> bool {
    matches!(item.state.as_str(), "at risk" | "missed")
}

fn moved(program: &Program, before: &Facts, now: &Facts) -> Vec<Moved> {
    let then: FxHashMap<&str, &MilestoneFact> = before
        .milestones
        .iter()
        .map(|m| (m.id.as_str(), m))
        .collect();
    let mut moved: Vec<Moved> = now
        .milestones
        .iter()
        .filter_map(|m| {
            let was = then.get(m.id.as_str())?;
            shift(program, &m.id, &m.name, was.finish, m.finish)
        })
        .collect();
    if let (Some(from), Some(to)) = (before.finish, now.finish) {
        moved.extend(shift(program, "finish", "Program finish", from, to));
    }
    moved
}

fn shift(
    program: &Program,
    id: &str,
    name: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Option<Moved> {
    (from != to).then(|| Moved {
        id: id.into(),
        name: name.into(),
        from,
        to,
        days: working_days(program, from, to) - working_days(program, to, from),
    })
}

/// Items in `now` for which `is` holds, that were not in `then` at all.
fn newly(then: &[ItemFact], now: &[ItemFact], is: impl Fn(&ItemFact) -> bool) -> Vec<Named> {
    let known: FxHashSet<&str> = then.iter().map(|i| i.id.as_str()).collect();
    now.iter()
        .filter(|i| is(i) && !known.contains(i.id.as_str()))
        .map(named)
        .collect()
}

/// Items for which `was` held in `then` (or that were not there) and `is` holds in `now`.
fn turned(
    then: &[ItemFact],
    now: &[ItemFact],
    was: impl Fn(&ItemFact) -> bool,
    is: impl Fn(&ItemFact) -> bool,
) -> Vec<Named> {
    let before: FxHashMap<&str, &ItemFact> = then.iter().map(|i| (i.id.as_str(), i)).collect();
    now.iter()
        .filter(|i| is(i) && before.get(i.id.as_str()).is_none_or(|b| was(b)))
        .map(named)
        .collect()
}

/// Ids in `now` not in `then`, named from `names`.
fn joined(then: &[String], now: &[String], names: &FxHashMap<&str, &str>) -> Vec<Named> {
    let known: FxHashSet<&str> = then.iter().map(String::as_str).collect();
    now.iter()
        .filter(|id| !known.contains(id.as_str()))
        .map(|id| Named {
            id: id.clone(),
            name: names.get(id.as_str()).copied().unwrap_or_default().into(),
        })
        .collect()
}

fn named(item: &ItemFact) -> Named {
    Named {
        id: item.id.clone(),
        name: item.name.clone(),
    }
}

fn ids(named: &[Named]) -> Vec<String> {
    named.iter().map(|n| n.id.clone()).collect()
}

/// Task names by id: the program's, then those `facts` kept (milestones, the critical
/// path) for tasks since removed. A task known by neither shows by its id.
fn names<'a>(program: &'a Program, facts: &'a Facts) -> FxHashMap<&'a str, &'a str> {
    let kept = facts
        .milestones
        .iter()
        .map(|m| (m.id.as_str(), m.name.as_str()));
    let critical = facts
        .critical
        .iter()
        .map(|n| (n.id.as_str(), n.name.as_str()));
    let current = program
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str()));
    kept.chain(critical).chain(current).collect()
}
