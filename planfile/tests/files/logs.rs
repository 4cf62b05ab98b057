//! Version 5's logs read and written, and the shipped example's logs working.

use super::{read_file, text};
use planfile::{read, write};
use std::path::Path;

/// Version 5's addition: every log read, checked, and written back with nothing lost,
/// a field Planwork does not know on an assumption ("confidence") kept; the figures read
/// from it worked by hand.
#[test]
fn version_5_reads_and_writes_every_log() {
    use engine::logs::figures;
    use engine::logs::model::{CommitmentStatus, Escalation};
    let document = read_file("v5/launch-logs.planwork.json").unwrap();
    let program = &document.program;
    let logs = &program.logs;
    assert_eq!(
        (
            logs.assumptions.len(),
            logs.issues.len(),
            logs.dependencies.len()
        ),
        (2, 2, 2)
    );
    assert_eq!((logs.decisions.len(), logs.changes.len()), (2, 1));
    assert_eq!(logs.issues[0].escalation, Escalation::Program);
    assert_eq!(program.risks[0].actions.len(), 2);
    let charter = logs.charter.as_ref().unwrap();
    assert_eq!(charter.stakeholders[1].raci[1].letters, "RC");
    assert!(
        document
            .extras
            .of("logs/assumptions/A2")
            .unwrap()
            .contains_key("confidence")
    );
    let written = write(&document);
    assert!(written.contains("\"confidence\": \"low\""), "{written}");
    assert_eq!(read(&written).unwrap(), document);
    // Design Mon 5 – Fri 9 January, Build Mon 12 – Mon 26 (Monday 19 a holiday): the
    // runbook review (D1, need-by Fri 23) is at risk by the schedule.
    let plan = engine::schedule(program).unwrap();
    let on = "2026-01-20".parse().unwrap();
    let d1 = figures::commitment_status(program, Some(&plan), &logs.dependencies[0], on);
    assert_eq!(d1.status, CommitmentStatus::AtRisk);
    assert_eq!(
        d1.rule.describe(),
        "task build finishes 2026-01-26, after need-by 2026-01-23"
    );
    // DEC1 raised Wed 14, decided Fri 16: 2 working days. I2 opened Thu 8, resolved Mon 12.
    assert_eq!(
        figures::decision_latency(program, &logs.decisions[0]),
        Some(2)
    );
    assert_eq!(figures::resolution_time(program, &logs.issues[1]), Some(2));
    // Conversion 2.1 → 5.1, measured 2.4: a tenth of the way.
    let index = figures::benefits_index(charter).unwrap();
    assert!((index - 0.1).abs() < 1e-9, "{index}");
}

/// The shipped example has every log filled, realistically: as of Monday 22 February 2027
/// two cross-team dependencies are at risk by the schedule (SSO federation and the service
/// accounts finish Friday 26 February, after the portal and the migration tooling need them)
/// and two open decisions are past their needed-by date.
#[test]
fn the_shipped_example_has_every_log_working() {
    use engine::logs::figures;
    use engine::logs::model::CommitmentStatus;
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../public/examples/platform-migration.planwork.json");
    let document = read(&text(&path)).unwrap();
    let program = &document.program;
    let logs = &program.logs;
    assert!((6..=10).contains(&program.risks.len()));
    assert!(
        program
            .risks
            .iter()
            .all(|r| !r.owner.is_empty() && r.response.is_some())
    );
    assert!(logs.assumptions.iter().any(|a| a.became.is_some()));
    assert!((4..=6).contains(&logs.issues.len()));
    assert!((5..=8).contains(&logs.dependencies.len()));
    assert!((4..=6).contains(&logs.decisions.len()));
    assert_eq!(logs.changes.len(), 2);
    assert_eq!(logs.charter.as_ref().unwrap().benefits.len(), 3);
    let plan = engine::schedule(program).unwrap();
    let on = "2027-02-22".parse().unwrap();
    let at_risk: Vec<&str> = logs
        .dependencies
        .iter()
        .filter(|d| {
            let computed = figures::commitment_status(program, Some(&plan), d, on);
            computed.status == CommitmentStatus::AtRisk
                && matches!(
                    computed.rule,
                    figures::StatusRule::ProviderFinishesLate { .. }
                )
        })
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(at_risk, ["D1", "D4"]);
    let late: Vec<&str> = logs
        .decisions
        .iter()
        .filter(|d| figures::decision_overdue(d, on))
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(late, ["DEC2", "DEC5"]);
    let index = figures::benefits_index(logs.charter.as_ref().unwrap()).unwrap();
    assert!(index > 0.0 && index < 0.2, "{index}");
    // The forecast's program with risks mitigated still checks.
    assert!(engine::check(&engine::logs::impact::mitigated(program)).is_ok());
}
