//! The Load tab's model (`document::load_view::load_model`): a load worked by hand, and the
//! shipped example, which a new user opens, showing teams and a shared pool with something
//! over capacity to see.

use document::load_view::load_model;
use std::path::Path;

fn read(path: &str) -> planfile::Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    planfile::read(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// From Monday 2 March 2026 the cut-over (SRE 1) and the drill (SRE 1.5) run together for
/// three days: 2.5 demanded of 2, then the cut-over alone (1). Security review (0.5 a day,
/// Monday to Thursday) has the cut-over's 0.5 on Mon 2 – Thu 5: never over.
#[test]
fn a_load_by_hand() {
    let doc = read("tests/files/v4/shared-sre.planwork.json");
    let plan = engine::schedule(&doc.program).unwrap();
    let load = load_model(&doc.program, &plan);
    let sre = &load.resources[0];
    let demand: Vec<f64> = sre.days.iter().map(|d| d.demand).collect();
    assert_eq!(demand, vec![2.5, 2.5, 2.5, 1.0]);
    assert_eq!(sre.top, 2.5);
    let over = &sre.over[0];
    assert_eq!(
        (over.start.as_str(), over.finish.as_str(), over.day_count),
        ("2026-03-02", "2026-03-04", 3)
    );
    assert_eq!((over.peak, over.capacity), (2.5, 2.0));
    let names: Vec<&str> = over.tasks.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["DB cut-over", "Failover drill"]);
    let security = &load.resources[1];
    assert!(security.over.is_empty());
    assert!(
        security
            .days
            .iter()
            .all(|d| d.demand == 0.5 && d.capacity == 0.5)
    );
}

#[test]
fn the_example_shows_teams_and_a_shared_pool_over_capacity() {
    let doc = read("public/examples/platform-migration.planwork.json");
    let plan = engine::schedule(&doc.program).unwrap();
    let load = load_model(&doc.program, &plan);
    assert!(load.resources.len() >= 7);
    let sre = load
        .resources
        .iter()
        .find(|r| r.id == "sre")
        .expect("a shared SRE pool");
    assert!(!sre.over.is_empty(), "something to see in red");
}
