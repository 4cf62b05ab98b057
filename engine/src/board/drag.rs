//! A card moved to another iteration, as the edits that move it: the constraint a planner
//! would set by hand.
//!
//! - Later: the task starts no earlier than its start moved by as many whole iterations
//!   (so it keeps its place within the iteration).
//! - Earlier, a task held back by a start-no-earlier-than or must-start-on date: that date
//!   moved by as many whole iterations (or taken off, if that is before the program start).
//! - Earlier, a task its links hold: it finishes no later than the last working day of
//!   the target iteration. Nothing lets it move, so this is a commitment: if the logic
//!   cannot meet it, the task is late and the board shows it there, with the strings that
//!   hold it in red.
//! - A summary card (no constraint of its own): earlier, a deadline on the last day of
//!   the target iteration; later, each of its unfinished tasks starts no earlier than its
//!   start moved by the same whole iterations.
//!
//! Whole iterations are counted from the iteration where the task finishes (a late card
//! sits at its commitment, before that). Milestones move like tasks. A finished task is
//! refused: it happened where it did.
//!
//! Does not: decide where the edits go (the program or a scenario: the caller's choice).

use chrono::NaiveDate;

use super::iterations::Column;
use super::layout::BoardLayout;
use crate::edit::Edit;
use crate::model::{Constraint, ConstraintKind, Program, Task};
use crate::scheduler::Schedule;

/// The edits that move card `card` of `board` to iteration `to`, with what they do in
/// words ("IN5 starts no earlier than 2027-03-09"); refused with the reason.
pub fn move_card(
    program: &Program,
    schedule: &Schedule,
    board: &BoardLayout,
    card: usize,
    to: usize,
) -> Result<(Vec<Edit>, String), String> {
    let card = board
        .cards
        .get(card)
        .ok_or("This card is no longer on the board.")?;
    let task = &program.tasks[card.task];
    let s = schedule
        .tasks
        .get(card.task)
        .ok_or("The task has no schedule.")?;
    if task.actual_finish.is_some() || task.percent_complete >= 100.0 {
        return Err(format!(
            "{} is finished: it stays where it happened.",
            task.id
        ));
    }
    if to >= board.iterations.len() {
        return Err("Drop a card on an iteration of the interval.".into());
    }
    let iterations = &board.iterations;
    if card.column == Column::In(to) {
        return Ok((Vec::new(), String::new()));
    }
    // Counted from where the task lands (a late card sits at its commitment, before it),
    // in or out of the interval.
    let lands = iterations.index_of_offset(iterations.timeline.offset_after(s.finish) - 1);
    let by = to as i64 - lands;
    if by == 0 {
        return Err(format!(
            "{} already finishes in I{}: its commitment ({}) is what is missed; change it in the plan.",
            task.id,
            to + 1,
            card.commitment.map(|c| c.to_string()).unwrap_or_default()
        ));
    }
    let shift = by * iterations.length;
    let date = |offset: i64| {
        iterations
            .timeline
            .date_of(offset.max(0))
            .ok_or_else(|| "That date is beyond the calendar.".to_owned())
    };
    let last_day = date(iterations.start_of(to + 1) - 1)?;
    if task.summary {
        return summary_moved(program, schedule, card.task, by, shift, last_day, &date);
    }
    let held = task
        .constraint
        .as_ref()
        .filter(|c| matches!(c.kind, ConstraintKind::SNET | ConstraintKind::MSO));
    let constraint = if by > 0 || held.is_some() {
        // A milestone shows on the day before its offset, but on its start-no-earlier-than
        // date itself: it keeps its day by counting from the day it shows on.
        let from = match task.is_milestone() {
            true => iterations.timeline.offset_after(s.finish) - 1,
            false => s.es,
        };
        let start = from + shift;
        (start > 0).then(|| date(start).map(|d| constraint(ConstraintKind::SNET, d)))
    } else {
        Some(Ok(constraint(ConstraintKind::FNLT, last_day)))
    }
    .transpose()?;
    let words = describe(task, constraint.as_ref());
    Ok((
        vec![replaced(program, card.task, |t| t.constraint = constraint)],
        words,
    ))
}

fn summary_moved(
    program: &Program,
    schedule: &Schedule,
    summary: usize,
    by: i64,
    shift: i64,
    last_day: NaiveDate,
    date: &dyn Fn(i64) -> Result<NaiveDate, String>,
) -> Result<(Vec<Edit>, String), String> {
    let id = &program.tasks[summary].id;
    if by < 0 {
        let edit = replaced(program, summary, |t| t.deadline = Some(last_day));
        return Ok((vec![edit], format!("{id} due by {last_day}")));
    }
    let mut edits = Vec::new();
    for (t, task) in program.tasks.iter().enumerate() {
        let under = task.parent.as_deref() == Some(id.as_str());
        if !under || task.summary || task.actual_finish.is_some() {
            continue;
        }
        let start = date(schedule.tasks[t].es + shift)?;
        let snet = constraint(ConstraintKind::SNET, start);
        edits.push(replaced(program, t, |t| t.constraint = Some(snet)));
    }
    if edits.is_empty() {
        return Err(format!("{id} has no unfinished task to move."));
    }
    let days = shift;
    Ok((
        edits,
        format!("{id}'s tasks start {days} working days later"),
    ))
}

fn constraint(kind: ConstraintKind, date: NaiveDate) -> Constraint {
    Constraint {
        kind,
        date: Some(date),
    }
}

/// Task `t` replaced by a copy `change` changes.
fn replaced(program: &Program, t: usize, change: impl FnOnce(&mut Task)) -> Edit {
    let mut task = program.tasks[t].clone();
    change(&mut task);
    Edit::ReplaceTask { index: t, task }
}

fn describe(task: &Task, constraint: Option<&Constraint>) -> String {
    match constraint.and_then(|c| c.date.map(|d| (c.kind, d))) {
        Some((ConstraintKind::SNET, d)) => format!("{} starts no earlier than {d}", task.id),
        Some((_, d)) => format!("{} finishes no later than {d}", task.id),
        None => format!("{} starts as soon as possible", task.id),
    }
}
