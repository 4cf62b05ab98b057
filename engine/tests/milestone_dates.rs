//! The day a milestone is shown on, by hand: a milestone placed by a finish is on that
//! finish's day (an instant at the end of it); one placed by a start alone — a
//! start-to-start link — is on that start's day, as MS Project shows them; a forecast
//! without variance shows each on the same day as the schedule.

use engine::forecast::{Settings, forecast};
use engine::{check, schedule_checked};

/// From Monday 5 January 2026: A 3 days (Mon 5 – Wed 7), then B 2 days (Thu 8 – Fri 9).
/// "A done" follows A (finish-to-start): Wed 7. "B started" follows B's start
/// (start-to-start): Thu 8. "B started +1" is a day later: Fri 9. "Both" follows A's finish
/// and B's start, which meet at the same instant: the finish decides, Wed 7.
const PLAN: &str = r#"{"program": {"name": "P", "start": "2026-01-05"},
  "workstreams": [{"id": "w", "name": "W"}],
  "tasks": [
    {"id": "a", "name": "A", "workstream": "w", "duration": 3},
    {"id": "b", "name": "B", "workstream": "w", "duration": 2},
    {"id": "m1", "name": "A done", "workstream": "w", "duration": 0, "milestone": true},
    {"id": "m2", "name": "B started", "workstream": "w", "duration": 0, "milestone": true},
    {"id": "m3", "name": "B started +1", "workstream": "w", "duration": 0, "milestone": true},
    {"id": "m4", "name": "Both", "workstream": "w", "duration": 0, "milestone": true}],
  "dependencies": [
    {"from": "a", "to": "b"},
    {"from": "a", "to": "m1"},
    {"from": "b", "to": "m2", "type": "SS"},
    {"from": "b", "to": "m3", "type": "SS", "lag": 1},
    {"from": "a", "to": "m4"}, {"from": "b", "to": "m4", "type": "SS"}]}"#;

#[test]
fn a_milestone_placed_by_a_start_is_on_that_start_s_day() {
    let program: engine::Program = serde_json::from_str(PLAN).expect("the plan reads");
    let checked = check(&program).expect("checks");
    let schedule = schedule_checked(&checked).expect("schedules");
    let day = |t: usize| {
        let s = &schedule.tasks[t];
        assert_eq!(s.start, s.finish, "a milestone is one day");
        s.finish.to_string()
    };
    assert_eq!(day(2), "2026-01-07", "A done");
    assert_eq!(day(3), "2026-01-08", "B started");
    assert_eq!(day(4), "2026-01-09", "B started +1");
    assert_eq!(day(5), "2026-01-07", "Both: the finish decides");
    // A forecast without variance shows each milestone on the schedule's day.
    let result = forecast(
        &checked,
        &Settings {
            iterations: 50,
            seed: 1,
        },
    )
    .expect("forecasts");
    for m in &result.milestones {
        let planned = schedule.tasks[m.task].finish;
        assert_eq!(
            (m.outcome.p10, m.outcome.p90),
            (planned, planned),
            "{}",
            m.id
        );
    }
}
