//! Resources, demands and the load profile: the checks, and a load worked by hand. The
//! program starts Monday 5 Jan 2026 on a Monday-to-Friday calendar (offset 0 = Mon 5).

mod common;
use common::*;
use engine::load::load_profile;
use engine::{Availability, Code, Demand, Program, Resource};

fn sre(capacity: f64) -> Resource {
    Resource {
        id: "sre".into(),
        name: "SRE on-call".into(),
        capacity,
        ..Resource::default()
    }
}

fn demand(resource: &str, units: f64) -> Demand {
    Demand {
        resource: resource.into(),
        units,
    }
}

/// A (5d, SRE 1) and B (3d, SRE 1.5) from Monday 5; SRE offers 2 a day, 1 on Wed 7 and
/// Thu 8 (an availability period), none on Fridays (its calendar is Monday to Thursday).
///
/// Demand, in hundredths: Mon–Wed 250 (both), Thu–Fri 100 (A). Capacity: 200, 200, 100,
/// 100, 0. Over: Mon 5 – Wed 7 (peak 250, least capacity 100, A and B), and Fri 9 (A).
fn two_migrations() -> Program {
    let mut p = program(&[("A", 5), ("B", 3)], &[]);
    let mut resource = sre(2.0);
    resource.availability.push(Availability {
        from: d("2026-01-07"),
        to: d("2026-01-08"),
        capacity: 1.0,
    });
    resource.calendar =
        Some(serde_json::from_str(r#"{"workdays": ["Mon","Tue","Wed","Thu"]}"#).unwrap());
    p.resources.push(resource);
    task_mut(&mut p, "A").demands.push(demand("sre", 1.0));
    task_mut(&mut p, "B").demands.push(demand("sre", 1.5));
    p
}

#[test]
fn a_load_profile_by_hand() {
    let p = two_migrations();
    let checked = engine::check(&p).unwrap();
    let plan = engine::schedule_checked(&checked).unwrap();
    let load = load_profile(&checked, &plan);
    let sre = &load.resources[0];
    assert_eq!(sre.first, 0);
    assert_eq!(sre.demand, vec![250, 250, 250, 100, 100]);
    assert_eq!(sre.capacity, vec![200, 200, 100, 100, 0]);
    let runs: Vec<(i64, i64, u64, u64, Vec<usize>)> = sre
        .over
        .iter()
        .map(|o| (o.from, o.to, o.peak, o.capacity, o.tasks.clone()))
        .collect();
    assert_eq!(
        runs,
        vec![(0, 3, 250, 100, vec![0, 1]), (4, 5, 100, 0, vec![0])]
    );
    assert_eq!(
        (sre.over[0].start, sre.over[0].finish),
        (d("2026-01-05"), d("2026-01-07"))
    );
}

#[test]
fn a_resource_no_task_demands_has_no_load() {
    let mut p = two_migrations();
    p.resources.push(Resource {
        id: "sec".into(),
        name: "Security".into(),
        capacity: 1.0,
        ..Resource::default()
    });
    let checked = engine::check(&p).unwrap();
    let plan = engine::schedule_checked(&checked).unwrap();
    let load = load_profile(&checked, &plan);
    assert!(load.resources[1].demand.is_empty() && load.resources[1].over.is_empty());
}

fn codes(p: &Program) -> Vec<(Code, String)> {
    engine::check(p)
        .unwrap_err()
        .0
        .into_iter()
        .map(|d| (d.code, d.path))
        .collect()
}

#[test]
fn resources_and_demands_are_checked() {
    let mut p = two_migrations();
    p.resources.push(sre(1.0));
    assert_eq!(
        codes(&p),
        vec![(Code::DuplicateResourceId, "resources[1].id".into())]
    );

    let mut p = two_migrations();
    p.resources[0].capacity = 0.0;
    assert_eq!(
        codes(&p),
        vec![(Code::InvalidResource, "resources[0].capacity".into())]
    );

    let mut p = two_migrations();
    p.resources[0].availability[0].to = d("2026-01-01");
    assert_eq!(
        codes(&p),
        vec![(Code::InvalidResource, "resources[0].availability[0]".into())]
    );

    let mut p = two_migrations();
    task_mut(&mut p, "A").demands[0].resource = "dba".into();
    assert_eq!(
        codes(&p),
        vec![(Code::UnknownResource, "tasks[0].demands[0].resource".into())]
    );

    let mut p = two_migrations();
    task_mut(&mut p, "B").demands[0].units = f64::NAN;
    assert_eq!(
        codes(&p),
        vec![(Code::InvalidDemand, "tasks[1].demands[0]".into())]
    );

    let mut p = two_migrations();
    task_mut(&mut p, "B").demands.push(demand("sre", 1.0));
    assert_eq!(
        codes(&p),
        vec![(Code::InvalidDemand, "tasks[1].demands[1]".into())]
    );

    let mut p = two_migrations();
    task_mut(&mut p, "B").priority = Some(1001);
    assert_eq!(
        codes(&p),
        vec![(Code::ValueOutOfRange, "tasks[1].priority".into())]
    );

    let mut p = two_migrations();
    p.tasks.push(task("S", 0));
    task_mut(&mut p, "S").summary = true;
    task_mut(&mut p, "S").demands.push(demand("sre", 1.0));
    task_mut(&mut p, "B").parent = Some("S".into());
    assert_eq!(
        codes(&p),
        vec![(Code::SummaryOwnValue, "tasks[2].demands".into())]
    );
}
