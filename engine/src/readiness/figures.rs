//! What readiness computes: readiness % per milestone and per area, the hard gates met,
//! each item's due date and whether it is overdue, the milestone's readiness state for a
//! badge, the readiness KPI, and a review's outcomes met or not.
//!
//! **How items count.** Readiness % is the items met or waived over all items, advisory
//! ones included (they are work to do); the hard gates have their own figure, which is
//! what a Go needs. A checklist without items is 0 of 0: `percent` is `None`.
//!
//! Pure functions of the program, its schedule where a date is needed and a status date
//! `as_of` (never the clock). An item is due `due_before` working days of the program
//! calendar before the milestone's scheduled finish.

use super::model::{Area, Checklist, Gate, Item, ItemStatus, MetricOutcome, Review};
use crate::model::Program;
use crate::scheduler::Schedule;
use chrono::NaiveDate;

/// So many settled (met or waived) of so many.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub settled: usize,
    pub total: usize,
}

impl Count {
    /// Settled over total, 0 to 100; `None` for none at all.
    pub fn percent(self) -> Option<f64> {
        (self.total > 0).then(|| self.settled as f64 * 100.0 / self.total as f64)
    }

    fn add(&mut self, item: &Item) {
        self.total += 1;
        self.settled += usize::from(item.status.is_settled());
    }
}

/// Readiness of the whole checklist: every item counts.
///
/// ```
/// use engine::readiness::figures::readiness;
/// use engine::readiness::model::{Checklist, Item, ItemStatus};
/// let item = |status| Item { status, ..Item::default() };
/// let list = Checklist {
///     items: vec![item(ItemStatus::Met), item(ItemStatus::Waived),
///                 item(ItemStatus::InProgress), item(ItemStatus::NotStarted)],
///     ..Checklist::default()
/// };
/// assert_eq!(readiness(&list).percent(), Some(50.0));
/// ```
pub fn readiness(checklist: &Checklist) -> Count {
    let mut count = Count::default();
    checklist.items.iter().for_each(|i| count.add(i));
    count
}

/// The hard gates met or waived, of all hard gates.
pub fn hard_gates(checklist: &Checklist) -> Count {
    let mut count = Count::default();
    checklist
        .items
        .iter()
        .filter(|i| i.gate == Gate::Hard)
        .for_each(|i| count.add(i));
    count
}

/// Readiness per area that has items, in [`Area::ALL`] order.
pub fn by_area(checklist: &Checklist) -> Vec<(Area, Count)> {
    Area::ALL
        .iter()
        .filter_map(|&area| {
            let mut count = Count::default();
            checklist
                .items
                .iter()
                .filter(|i| i.area == area)
                .for_each(|i| count.add(i));
            (count.total > 0).then_some((area, count))
        })
        .collect()
}

/// The milestone's scheduled date (its finish), from `schedule`.
pub fn milestone_date(
    program: &Program,
    schedule: &Schedule,
    milestone: &str,
) -> Option<NaiveDate> {
    let t = program.tasks.iter().position(|t| t.id == milestone)?;
    schedule.tasks.get(t).map(|s| s.finish)
}

/// The date item is due: `due_before` working days before `milestone` (a date), or the
/// milestone's date itself without `due_before`.
///
/// ```
/// use engine::readiness::figures::due_date;
/// use engine::Program;
/// let program = Program::default(); // Monday to Friday
/// let friday = "2027-06-18".parse().unwrap();
/// // T-5: the Friday before.
/// assert_eq!(due_date(&program, friday, Some(5)).to_string(), "2027-06-11");
/// ```
pub fn due_date(program: &Program, milestone: NaiveDate, due_before: Option<i64>) -> NaiveDate {
    let calendar = crate::check::work_calendar(&program.calendar);
    let days = due_before.unwrap_or(0).clamp(0, 10_000);
    if !calendar.has_working_days() || days == 0 {
        return milestone;
    }
    let day = crate::calendar::day_number(milestone);
    let on = calendar.nth_working_day(calendar.ordinal(day) - days);
    crate::calendar::date_of_day(on).unwrap_or(milestone)
}

/// Whether an item neither met nor waived is past its due date on `as_of`.
pub fn overdue(program: &Program, milestone: NaiveDate, item: &Item, as_of: NaiveDate) -> bool {
    !item.status.is_settled() && due_date(program, milestone, item.due_before) < as_of
}

/// The ids of the items overdue on `as_of`; none without a scheduled milestone.
pub fn overdue_items(
    program: &Program,
    schedule: &Schedule,
    checklist: &Checklist,
    as_of: NaiveDate,
) -> Vec<String> {
    let Some(date) = milestone_date(program, schedule, &checklist.milestone) else {
        return Vec::new();
    };
    checklist
        .items
        .iter()
        .filter(|i| overdue(program, date, i, as_of))
        .map(|i| i.id.clone())
        .collect()
}

/// A milestone's readiness, as its badge shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum State {
    /// Every hard gate met or waived.
    Ready,
    /// Not ready, and some item is overdue.
    AtRisk,
    NotReady,
}

impl State {
    /// `ready`, `at risk`, `not ready`.
    pub fn name(self) -> &'static str {
        match self {
            State::Ready => "ready",
            State::AtRisk => "at risk",
            State::NotReady => "not ready",
        }
    }
}

/// The state of `checklist` on `as_of` (`schedule` dates its items; without it, nothing is
/// overdue).
pub fn state(
    program: &Program,
    schedule: Option<&Schedule>,
    checklist: &Checklist,
    as_of: NaiveDate,
) -> State {
    let gates = hard_gates(checklist);
    if gates.settled == gates.total {
        return State::Ready;
    }
    let late = schedule.is_some_and(|s| !overdue_items(program, s, checklist, as_of).is_empty());
    if late { State::AtRisk } else { State::NotReady }
}

/// The KPI "readiness ≥ 95 % before release; no waiver without approval".
#[derive(Clone, Debug, PartialEq)]
pub struct Kpi {
    pub percent: Option<f64>,
    /// Readiness is at least [`KPI_PERCENT`].
    pub ready_enough: bool,
    /// Ids of the waived items without an approver or a reason.
    pub unapproved_waivers: Vec<String>,
}

impl Kpi {
    /// Both halves hold.
    pub fn met(&self) -> bool {
        self.ready_enough && self.unapproved_waivers.is_empty()
    }
}

/// The readiness the KPI asks for before release.
pub const KPI_PERCENT: f64 = 95.0;

/// The readiness KPI of `checklist`.
pub fn kpi(checklist: &Checklist) -> Kpi {
    let percent = readiness(checklist).percent();
    let unapproved_waivers = checklist
        .items
        .iter()
        .filter(|i| i.status == ItemStatus::Waived)
        .filter(|i| {
            let w = i.waiver.clone().unwrap_or_default();
            w.approver.trim().is_empty() || w.reason.trim().is_empty()
        })
        .map(|i| i.id.clone())
        .collect();
    Kpi {
        percent,
        ready_enough: percent.is_some_and(|p| p >= KPI_PERCENT),
        unapproved_waivers,
    }
}

// ---------------------------------------------------------------------------------------
// Reviews

/// Whether a metric met its target: numbers compared when both parse (a target may start
/// with `<`, `<=`, `≤`, `>`, `>=`, `≥`; a bare number means at least), else the words
/// compared without case. `None` when either is empty.
///
/// ```
/// use engine::readiness::figures::outcome_met;
/// use engine::readiness::model::MetricOutcome;
/// let o = |target: &str, actual: &str| MetricOutcome {
///     target: target.into(), actual: actual.into(), ..MetricOutcome::default() };
/// assert_eq!(outcome_met(&o("99.9%", "99.95%")), Some(true));
/// assert_eq!(outcome_met(&o("< 200 ms", "240 ms")), Some(false));
/// assert_eq!(outcome_met(&o("all regions", "All regions")), Some(true));
/// assert_eq!(outcome_met(&o("40", "")), None);
/// ```
pub fn outcome_met(outcome: &MetricOutcome) -> Option<bool> {
    let (target, actual) = (outcome.target.trim(), outcome.actual.trim());
    if target.is_empty() || actual.is_empty() {
        return None;
    }
    let (compare, target_text) = comparator(target);
    match (number(target_text), number(actual)) {
        (Some(t), Some(a)) => Some(match compare {
            "<" => a < t,
            "<=" => a <= t,
            ">" => a > t,
            _ => a >= t,
        }),
        _ => Some(target.to_lowercase() == actual.to_lowercase()),
    }
}

/// The comparison a target starts with, and the rest.
fn comparator(target: &str) -> (&'static str, &str) {
    for (prefix, op) in [
        ("<=", "<="),
        ("≤", "<="),
        (">=", ">="),
        ("≥", ">="),
        ("<", "<"),
        (">", ">"),
    ] {
        if let Some(rest) = target.strip_prefix(prefix) {
            return (op, rest.trim());
        }
    }
    (">=", target)
}

/// The number a value starts with (`99.9%`, `240 ms`, `1,200`), if it starts with one.
fn number(text: &str) -> Option<f64> {
    let text = text.trim().replace(',', "");
    let end = text
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && c == '-')))
        .map_or(text.len(), |(i, _)| i);
    text[..end].parse().ok()
}

/// The indexes of the review's actions not done.
pub fn open_actions(review: &Review) -> Vec<usize> {
    review
        .actions
        .iter()
        .enumerate()
        .filter(|(_, a)| !a.done)
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
