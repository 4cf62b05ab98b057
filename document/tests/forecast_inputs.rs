//! What a forecast runs on (`document::forecast_inputs`): settings as typed, stale results,
//! and what is uncertain in a subject, on the example program.

use document::forecast_inputs::{
    MITIGATED, PROGRAM, is_stale, settings, subject_program, subject_uncertainty, subjects_of,
};
use engine::forecast::Settings;
use engine::scenario::{Change, Scenario};

const EXAMPLE: &str = include_str!("../../public/examples/platform-migration.planwork.json");

#[test]
fn settings_as_typed() {
    assert_eq!(
        settings(" 5,000 ", "7"),
        Ok(Settings {
            iterations: 5_000,
            seed: 7
        })
    );
    assert!(settings("0", "1").is_err());
    assert!(settings("100001", "1").is_err());
    assert!(settings("abc", "1").unwrap_err().contains("Iterations"));
    assert!(settings("10", "-1").unwrap_err().contains("seed"));
}

#[test]
fn a_result_is_stale_once_its_plan_changes() {
    let mut doc = planfile::read(EXAMPLE).unwrap();
    let (input, _) = subject_program(&doc, PROGRAM).unwrap();
    assert!(!is_stale(&doc, PROGRAM, &input));
    doc.program.tasks[3].duration += 1;
    assert!(is_stale(&doc, PROGRAM, &input));
    // A scenario is compared as applied: a change to the program shows through it.
    doc.scenarios.push(Scenario {
        id: "s1".into(),
        name: "Nothing changes".into(),
        description: String::new(),
        changes: Vec::<Change>::new(),
    });
    let (applied, label) = subject_program(&doc, "s1").unwrap();
    assert_eq!(label, "Scenario: Nothing changes");
    assert!(!is_stale(&doc, "s1", &applied));
    // The program, the program after mitigation (the example's risks have mitigated
    // values), the scenario.
    assert_eq!(subjects_of(&doc).len(), 3);
    doc.scenarios.clear();
    assert!(
        is_stale(&doc, "s1", &applied),
        "a deleted scenario's result is stale"
    );
}

#[test]
fn a_subject_without_estimates_or_risks_is_certain() {
    let mut doc = planfile::read(EXAMPLE).unwrap();
    let example = subject_uncertainty(&doc, PROGRAM).unwrap();
    // Eight risks in the log, one of them closed: a closed risk no longer counts.
    assert_eq!((example.estimated_tasks, example.risks), (61, 7));
    // A scenario that removes every estimate leaves the risks.
    let changes = doc
        .program
        .tasks
        .iter()
        .map(|t| Change::SetEstimate {
            task: t.id.clone(),
            estimate: None,
        })
        .collect();
    doc.scenarios.push(Scenario {
        id: "s1".into(),
        name: "No estimates".into(),
        description: String::new(),
        changes,
    });
    let scenario = subject_uncertainty(&doc, "s1").unwrap();
    assert_eq!((scenario.estimated_tasks, scenario.risks), (0, 7));
    doc.program.risks.clear();
    // The logs link the risks: they go too, or the program would not check.
    doc.program.logs = Default::default();
    assert!(subject_uncertainty(&doc, "s1").unwrap().is_none());
    assert_eq!(subject_uncertainty(&doc, "gone"), None);
}

#[test]
fn the_program_after_mitigation_takes_the_mitigated_values() {
    let doc = planfile::read(EXAMPLE).unwrap();
    let (before, _) = subject_program(&doc, PROGRAM).unwrap();
    let (after, label) = subject_program(&doc, MITIGATED).unwrap();
    assert_eq!(label, "The program, risks after mitigation");
    assert_eq!(before.risks.len(), after.risks.len());
    let mitigated = doc
        .program
        .risks
        .iter()
        .filter(|r| r.mitigated.is_some())
        .count();
    let lower = before
        .risks
        .iter()
        .zip(&after.risks)
        .filter(|(b, a)| a.probability < b.probability || a.impact.max < b.impact.max)
        .count();
    assert!(
        mitigated > 0 && lower > 0,
        "{lower} of {mitigated} mitigated risks are lower"
    );
    assert!(!is_stale(&doc, MITIGATED, &after));
}
