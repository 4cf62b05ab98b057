//! A milestone's readiness as Markdown for a wiki or an email: the checklist with its
//! figures, the go/no-go records, the runbook as a T-minus table and the post-launch review.
//!
//! Every text from the program is escaped ([`escape`]): the characters of Markdown's inline
//! syntax (`*`, `_`, `` ` ``, `[`, `]`, `|`, `~`, `\`) are backslash-escaped, `<`, `>` and `&`
//! become entities (no HTML or autolink gets through), a leading block marker is escaped
//! and line breaks become spaces, so a cell stays one cell and hostile text stays text.

use std::fmt::Write;

use chrono::NaiveDate;
use engine::readiness::figures;
use engine::readiness::model::{GoNoGo, Moment, Review, Runbook};
use engine::readiness::runbook::{self, t_label};
use engine::{Program, Schedule};

use super::summary;
use super::table::variance_text;

/// `text` safe inside Markdown, a table cell included.
///
/// ```
/// use document::readiness::markdown::escape;
/// assert_eq!(escape("a|b *c* <script>"), r"a\|b \*c\* &lt;script&gt;");
/// assert_eq!(escape("two\nlines"), "two lines");
/// assert_eq!(escape("# not a heading"), r"\# not a heading");
/// assert_eq!(escape("1. not a list"), r"1\. not a list");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim_start().chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    block_marker_escaped(out)
}

/// `text` with a leading block marker (`#`, `-`, `+`, `=`, `1.`, `1)`) escaped: after a
/// list bullet it would start a heading or a list.
fn block_marker_escaped(text: String) -> String {
    if text.starts_with(['#', '-', '+', '=']) {
        return format!("\\{text}");
    }
    // `1. ` or `1)` then a space or the end starts an ordered list; `99.9%` does not.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = &text[digits..];
    let marker = rest.starts_with(['.', ')']) && rest[1..].chars().next().is_none_or(|c| c == ' ');
    if digits > 0 && marker {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    text
}

/// Everything recorded about `milestone`'s readiness, as Markdown: a heading, then each part
/// it has (checklist, go/no-go, runbook, review) under its own.
pub fn milestone_markdown(
    program: &Program,
    schedule: Option<&Schedule>,
    milestone: &str,
    as_of: NaiveDate,
) -> String {
    let name = super::milestone_name(program, milestone);
    let mut out = format!("# Readiness: {}\n\n", escape(name));
    out.push_str(&checklist_markdown(program, schedule, milestone, as_of));
    let records = program
        .readiness
        .go_no_go
        .iter()
        .filter(|g| g.milestone == milestone);
    for record in records {
        out.push_str(&go_no_go_markdown(record));
    }
    if let Some(book) = program.readiness.runbook(milestone) {
        out.push_str(&runbook_markdown(book));
    }
    if let Some(review) = program.readiness.review(milestone) {
        out.push_str(&review_markdown(review));
    }
    out
}

/// The checklist: its summary line, readiness per area, and its items.
pub fn checklist_markdown(
    program: &Program,
    schedule: Option<&Schedule>,
    milestone: &str,
    as_of: NaiveDate,
) -> String {
    let Some(list) = program.readiness.checklist(milestone) else {
        return String::new();
    };
    let mut out = String::from("## Checklist\n\n");
    let line = summary::checklist_line(program, schedule, list, as_of);
    let _ = writeln!(out, "{} (on {as_of})\n", escape(&line));
    let areas: Vec<String> = figures::by_area(list)
        .into_iter()
        .map(|(area, count)| format!("{} {} of {}", area.name(), count.settled, count.total))
        .collect();
    if !areas.is_empty() {
        let _ = writeln!(out, "By area: {}\n", areas.join(", "));
    }
    let date = schedule.and_then(|s| figures::milestone_date(program, s, milestone));
    out.push_str("| ID | Area | Item | Owner | Due | Status | Gate | Evidence |\n");
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    for item in &list.items {
        let due = match (item.due_before, date) {
            (Some(days), Some(d)) => {
                format!("T-{days} ({})", figures::due_date(program, d, Some(days)))
            }
            (Some(days), None) => format!("T-{days}"),
            _ => String::new(),
        };
        let mut status = item.status.name().to_owned();
        if let Some(waiver) = &item.waiver {
            status = format!(
                "{status} by {}: {}",
                escape(&waiver.approver),
                escape(&waiver.reason)
            );
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {due} | {status} | {} | {} |",
            escape(&item.id),
            item.area.name(),
            escape(&item.title),
            escape(&item.owner),
            item.gate.name(),
            escape(&item.evidence)
        );
    }
    out.push('\n');
    out
}

/// One go/no-go record.
pub fn go_no_go_markdown(record: &GoNoGo) -> String {
    let mut out = String::from("## Go/no-go");
    if let Some(date) = record.date {
        let _ = write!(out, ", {date}");
    }
    let _ = writeln!(out, "\n\n**Outcome: {}**\n", record.outcome.name());
    let list = |items: &[String]| {
        items
            .iter()
            .map(|i| escape(i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !record.attendees.is_empty() {
        let _ = writeln!(out, "Attendees: {}\n", list(&record.attendees));
    }
    if !record.risk_acceptances.is_empty() {
        let _ = writeln!(out, "Risks accepted: {}\n", list(&record.risk_acceptances));
    }
    if let Some(next) = record.next_review {
        let _ = writeln!(out, "Next review: {next}\n");
    }
    for recommendation in &record.recommendations {
        let word = match recommendation.recommendation {
            engine::readiness::model::Recommendation::Go => "go",
            engine::readiness::model::Recommendation::NoGo => "no-go",
            engine::readiness::model::Recommendation::Conditional => "conditional",
        };
        let _ = writeln!(
            out,
            "- {}: {word}{}",
            recommendation.area.name(),
            note(&recommendation.note)
        );
    }
    for condition in &record.conditions {
        let _ = writeln!(out, "- Condition: {}", escape(condition));
    }
    out.push('\n');
    out
}

fn note(text: &str) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", escape(text))
    }
}

/// The runbook as a T-minus table.
pub fn runbook_markdown(book: &Runbook) -> String {
    let mut out = String::from("## Runbook\n\n");
    let _ = writeln!(out, "{}\n", escape(&summary::runbook_line(book)));
    out.push_str(
        "| T | Start | Finish | ID | Step | Owner | Done | Actual | Rollback | Communication |\n",
    );
    out.push_str("|---|---|---|---|---|---|---|---|---|---|\n");
    let moment = |m: Option<Moment>| m.map(Moment::to_text).unwrap_or_default();
    for (step, plan) in book.steps.iter().zip(runbook::planned(book)) {
        let t = plan.t_minutes.map(t_label).unwrap_or_default();
        let mut title = escape(&step.title);
        if step.checkpoint {
            title.push_str(" (checkpoint)");
        }
        let actual = match (step.actual_start, step.actual_finish) {
            (None, None) => String::new(),
            (start, finish) => {
                let range = format!("{}–{}", moment(start), moment(finish));
                let late = plan.variance.map(|v| format!(", {}", variance_text(v)));
                format!("{range}{}", late.unwrap_or_default())
            }
        };
        let _ = writeln!(
            out,
            "| {t} | {} | {} | {} | {title} | {} | {} | {actual} | {} | {} |",
            moment(plan.start),
            moment(plan.finish),
            escape(&step.id),
            escape(&step.owner),
            if step.done { "yes" } else { "" },
            escape(&step.rollback),
            escape(&step.communication)
        );
    }
    out.push('\n');
    out
}

/// The post-launch review: outcomes against targets, what happened, the actions.
pub fn review_markdown(review: &Review) -> String {
    let mut out = String::from("## Post-launch review");
    if let Some(date) = review.date {
        let _ = write!(out, ", {date}");
    }
    let _ = writeln!(out, "\n\n{}\n", escape(&summary::review_line(review)));
    if !review.outcomes.is_empty() {
        out.push_str("| Metric | Target | Actual | Met | Note |\n|---|---|---|---|---|\n");
        for outcome in &review.outcomes {
            let met = match figures::outcome_met(outcome) {
                Some(true) => "yes",
                Some(false) => "no",
                None => "",
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {met} | {} |",
                escape(&outcome.metric),
                escape(&outcome.target),
                escape(&outcome.actual),
                escape(&outcome.note)
            );
        }
        out.push('\n');
    }
    for (heading, lines) in [
        ("Incidents", &review.incidents),
        ("Went well", &review.went_well),
        ("Went badly", &review.went_badly),
    ] {
        if !lines.is_empty() {
            let _ = writeln!(out, "### {heading}\n");
            for line in lines {
                let _ = writeln!(out, "- {}", escape(line));
            }
            out.push('\n');
        }
    }
    if !review.actions.is_empty() {
        out.push_str("### Actions\n\n");
        for action in &review.actions {
            let mark = if action.done { "x" } else { " " };
            let mut line = format!("- [{mark}] {}", escape(&action.text));
            if !action.owner.is_empty() {
                let _ = write!(line, ", {}", escape(&action.owner));
            }
            if let Some(due) = action.due {
                let _ = write!(line, ", due {due}");
            }
            if let Some(issue) = &action.issue {
                let _ = write!(line, " (issue {})", escape(issue));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
