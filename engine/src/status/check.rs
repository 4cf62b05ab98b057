//! The status book's checks, run by [`crate::check`]: an override needs a reason (E053),
//! pack ids are unique (E054), thresholds are in range (E055), and text within its length
//! (E025). Nothing scheduled reads the status book.

use super::model::{Override, Status};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Program;
use crate::text::{MAX_DESCRIPTION_CHARS, length_problem};
use rustc_hash::FxHashSet;

/// Every problem of `program.status`.
pub fn status_problems(program: &Program) -> Vec<Diagnostic> {
    let status = &program.status;
    if status.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    rules(status, &mut found);
    overrides(
        "status.draft.overrides",
        &status.draft.overrides,
        &mut found,
    );
    let narrative = &status.draft.narrative;
    for (part, text) in [
        ("highlights", &narrative.highlights),
        ("asks", &narrative.asks),
        ("next_steps", &narrative.next_steps),
    ] {
        if let Some(problem) = length_problem(text, MAX_DESCRIPTION_CHARS, "a narrative") {
            let path = format!("status.draft.narrative.{part}");
            found.push(Diagnostic::new(Code::TextTooLong, path, vec![], problem));
        }
    }
    let mut ids = FxHashSet::default();
    for (n, pack) in status.packs.iter().enumerate() {
        if !ids.insert(pack.id.as_str()) {
            found.push(Diagnostic::new(
                Code::DuplicatePackId,
                format!("status.packs[{n}].id"),
                vec![pack.id.clone()],
                format!("two issued packs are called {}", pack.id),
            ));
        }
        overrides(
            &format!("status.packs[{n}].overrides"),
            &pack.overrides,
            &mut found,
        );
    }
    found
}

fn overrides(at: &str, list: &[Override], found: &mut Vec<Diagnostic>) {
    for (n, o) in list.iter().enumerate() {
        if o.reason.trim().is_empty() {
            found.push(Diagnostic::new(
                Code::OverrideWithoutReason,
                format!("{at}[{n}].reason"),
                vec![o.dimension.key().into()],
                format!(
                    "the override of {} has no reason: a rating is reported other than computed only with one",
                    o.dimension.name()
                ),
            ));
        }
        if let Some(problem) = length_problem(&o.reason, MAX_DESCRIPTION_CHARS, "a reason") {
            found.push(Diagnostic::new(
                Code::TextTooLong,
                format!("{at}[{n}].reason"),
                vec![],
                problem,
            ));
        }
    }
}

/// Percentages within 0–100, counts and days within 0–10,000: the limits `set_rule` keeps;
/// the KPI targets and the health thresholds within theirs.
fn rules(status: &Status, found: &mut Vec<Diagnostic>) {
    if let Err((field, problem)) = status.rules.validate() {
        found.push(Diagnostic::new(
            Code::InvalidStatusRule,
            format!("status.rules.{field}"),
            vec![],
            problem,
        ));
    }
}
