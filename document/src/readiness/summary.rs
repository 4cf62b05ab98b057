//! Summary lines in plain words: a checklist's readiness and state, a runbook's progress, a
//! review's outcomes and open actions.

use chrono::NaiveDate;
use engine::readiness::figures::{self, State};
use engine::readiness::model::{Checklist, Review, Runbook};
use engine::readiness::runbook::{self, hours_and_minutes};
use engine::{Program, Schedule};

/// `58% ready (7 of 12), hard gates 5 of 7, 2 overdue: not ready`, with `; a Go is refused:
/// RC2, RC6` while hard gates are open.
///
/// ```
/// use document::readiness::summary::checklist_line;
/// use engine::readiness::model::{Checklist, Item, ItemStatus};
/// let list = Checklist {
///     milestone: "ga".into(),
///     items: vec![
///         Item { id: "RC1".into(), status: ItemStatus::Met, ..Item::default() },
///         Item { id: "RC2".into(), ..Item::default() },
///     ],
///     ..Checklist::default()
/// };
/// let line = checklist_line(&engine::Program::default(), None, &list, "2027-01-04".parse().unwrap());
/// assert_eq!(line, "50% ready (1 of 2), hard gates 1 of 2: not ready; a Go is refused: RC2");
/// ```
pub fn checklist_line(
    program: &Program,
    schedule: Option<&Schedule>,
    checklist: &Checklist,
    as_of: NaiveDate,
) -> String {
    let all = figures::readiness(checklist);
    let gates = figures::hard_gates(checklist);
    let Some(percent) = all.percent() else {
        return "no items yet".into();
    };
    let mut line = format!(
        "{}% ready ({} of {}), hard gates {} of {}",
        percent.floor(),
        all.settled,
        all.total,
        gates.settled,
        gates.total
    );
    let overdue = schedule
        .map(|s| figures::overdue_items(program, s, checklist, as_of).len())
        .unwrap_or(0);
    if overdue > 0 {
        line.push_str(&format!(", {overdue} overdue"));
    }
    let state = figures::state(program, schedule, checklist, as_of);
    line.push_str(&format!(": {}", state.name()));
    let unmet = engine::readiness::check::unmet_hard_gates(checklist);
    if state != State::Ready {
        line.push_str(&format!("; a Go is refused: {}", unmet.join(", ")));
    }
    line
}

/// `8 steps, 2 done, T0 2027-05-27 22:15 Europe/Berlin, 5m behind`.
pub fn runbook_line(book: &Runbook) -> String {
    let done = book.steps.iter().filter(|s| s.done).count();
    let mut line = format!("{} steps, {done} done", book.steps.len());
    if let Some(t0) = runbook::t_zero(book) {
        line.push_str(&format!(", T0 {}", t0.to_text()));
        if !book.time_zone.is_empty() {
            line.push_str(&format!(" {}", book.time_zone));
        }
    }
    match runbook::behind(book) {
        Some(0) => line.push_str(", on time"),
        Some(m) if m > 0 => line.push_str(&format!(", {} behind", hours_and_minutes(m as u64))),
        Some(m) => line.push_str(&format!(", {} ahead", hours_and_minutes(m.unsigned_abs()))),
        None => {}
    }
    line
}

/// `1 of 2 outcomes met, 1 open action`.
pub fn review_line(review: &Review) -> String {
    let judged: Vec<bool> = review
        .outcomes
        .iter()
        .filter_map(figures::outcome_met)
        .collect();
    let met = judged.iter().filter(|m| **m).count();
    let open = figures::open_actions(review).len();
    let actions = if open == 1 { "action" } else { "actions" };
    format!(
        "{met} of {} outcomes met, {open} open {actions}",
        judged.len()
    )
}
