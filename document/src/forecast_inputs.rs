//! What a forecast runs on: its subjects (the program, or a scenario re-applied to it now),
//! what is uncertain in one, whether a result computed earlier is stale, and the settings
//! as typed.
//!
//! Does not: run the forecast (`engine::forecast`, in the app's worker) or shape its results
//! for display.

use engine::Program;
use engine::forecast::{MAX_ITERATIONS, Settings, Uncertainty};
use planfile::Document;

/// The subject key of the program itself (scenarios are keyed by their id).
pub const PROGRAM: &str = "";
/// The subject key of the program with its risks after mitigation (no scenario id starts
/// with a space).
pub const MITIGATED: &str = " mitigated";

/// The program, the program with its risks after mitigation (when a risk has mitigated
/// values), and each scenario: (key, label).
pub fn subjects_of(doc: &Document) -> Vec<(String, String)> {
    let mut subjects = vec![(PROGRAM.to_owned(), "The program".to_owned())];
    if doc.program.risks.iter().any(|r| r.mitigated.is_some()) {
        subjects.push((
            MITIGATED.to_owned(),
            "The program, risks after mitigation".to_owned(),
        ));
    }
    let scenarios = doc.scenarios.iter();
    subjects.extend(scenarios.map(|s| (s.id.clone(), format!("Scenario: {}", s.name))));
    subjects
}

/// The program a subject stands for now, and its label: its risks as they stand (closed
/// ones left out, those that occurred certain), or after mitigation.
pub fn subject_program(doc: &Document, subject: &str) -> Option<(Program, String)> {
    use engine::logs::impact::{mitigated, unmitigated};
    if subject == PROGRAM {
        return Some((unmitigated(&doc.program), "The program".to_owned()));
    }
    if subject == MITIGATED {
        return Some((
            mitigated(&doc.program),
            "The program, risks after mitigation".to_owned(),
        ));
    }
    let scenario = doc.scenarios.iter().find(|s| s.id == subject)?;
    let applied = engine::scenario::apply(&doc.program, &scenario.changes);
    Some((
        unmitigated(&applied.program),
        format!("Scenario: {}", scenario.name),
    ))
}

/// What varies in a subject's plan now (`None` if it cannot be checked: a run says why).
pub fn subject_uncertainty(doc: &Document, subject: &str) -> Option<Uncertainty> {
    let (program, _) = subject_program(doc, subject)?;
    let checked = engine::check(&program).ok()?;
    Some(engine::forecast::uncertainty(&checked))
}

/// Whether the plan a result was computed on differs from the subject's plan now.
pub fn is_stale(doc: &Document, subject: &str, input: &Program) -> bool {
    subject_program(doc, subject).is_none_or(|(program, _)| program != *input)
}

/// Iterations and seed from what was typed.
pub fn settings(iterations: &str, seed: &str) -> Result<Settings, String> {
    let iterations = iterations
        .trim()
        .replace([',', '_', ' '], "")
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=MAX_ITERATIONS).contains(n))
        .ok_or_else(|| format!("Iterations must be a whole number from 1 to {MAX_ITERATIONS}."))?;
    let seed = seed
        .trim()
        .parse::<u64>()
        .map_err(|_| "The seed must be a whole number of 0 or more.".to_owned())?;
    Ok(Settings { iterations, seed })
}
