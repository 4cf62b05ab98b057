//! `planwork level` end to end: the leveled schedule as JSON with each task's delay and
//! the resource that held it back, the same in text, and a demand that can never fit
//! refused naming the task.

mod common;

use common::{assert_exits_saying, planwork, stderr, stdout, temp_file};

/// From Monday 2 March the cut-over (4 days, SRE 1 and Security review 0.5) and the drill
/// (3 days, SRE 1.5) cannot overlap (SRE offers 2); Security review works Monday to
/// Thursday, so the cut-over needs four of those in a row: after the drill, Mon 9 – Thu 12
/// (offset 5), 5 working days later. The drill keeps its place.
#[test]
fn level_prints_the_leveled_schedule_with_each_delay_and_why() {
    let out = planwork(&[
        "level",
        "../tests/files/v4/shared-sre.planwork.json",
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["finish"], "2026-03-12");
    assert_eq!(report["unleveled_finish"], "2026-03-05");
    assert_eq!(report["overallocated"], serde_json::json!([]));
    let cutover = &report["tasks"][0];
    assert_eq!(
        (cutover["es"].as_i64(), cutover["delay"].as_i64()),
        (Some(5), Some(5))
    );
    assert_eq!(cutover["start"], "2026-03-09");
    assert_eq!(cutover["delayed_by"], serde_json::json!(["sre"]));
    assert_eq!(report["tasks"][1]["delay"], 0);
    let text = planwork(&["level", "../tests/files/v4/shared-sre.planwork.json"]);
    assert!(stdout(&text).contains(
        "DB cut-over (cutover): starts 5 d later: SRE on-call (2 a day) is used by 'Failover drill' 2026-03-02 – 2026-03-04"
    ), "{}", stdout(&text));
}

#[test]
fn a_demand_that_can_never_fit_is_refused_naming_the_task() {
    let file = temp_file(
        "too-big.planwork.json",
        br#"{"program": {"name": "P", "start": "2026-03-02"},
            "workstreams": [{"id": "w", "name": "W"}],
            "resources": [{"id": "sre", "name": "SRE", "capacity": 1}],
            "tasks": [{"id": "a", "name": "Big job", "workstream": "w", "duration": 2,
                       "demands": [{"resource": "sre", "units": 3}]}]}"#,
    );
    let out = planwork(&["level", file.to_str().unwrap()]);
    assert_exits_saying(
        &out,
        1,
        "task 'Big job' (a) needs more of 'SRE' than it ever offers (1 a day)",
    );
}
