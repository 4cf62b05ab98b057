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
    let load = load_profile(&p, &plan);
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
fn a_resource_no_task_demands_is_idle_on_the_same_days() {
    let mut p = two_migrations();
    p.resources.push(Resource {
        id: "sec".into(),
        name: "Security".into(),
        capacity: 1.0,
        ..Resource::default()
    });
    let checked = engine::check(&p).unwrap();
    let plan = engine::schedule_checked(&checked).unwrap();
    let load = load_profile(&p, &plan);
    // The same days as SRE's (they line up), none demanded.
    let security = &load.resources[1];
    assert_eq!((security.first, security.demand.clone()), (0, vec![0; 5]));
    assert_eq!(security.capacity, vec![100; 5]);
    assert!(security.over.is_empty());
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

mod typed {
    use super::*;
    use engine::entry::{format_demands, parse_demands};
    use proptest::prelude::*;

    fn pools() -> Vec<Resource> {
        vec![
            sre(2.0),
            Resource {
                id: "sec".into(),
                name: "Security review".into(),
                capacity: 1.0,
                ..Resource::default()
            },
        ]
    }

    #[test]
    fn demands_as_typed() {
        let r = pools();
        let got = parse_demands("SRE; sec:0.25 ", &r).unwrap();
        assert_eq!(got, vec![demand("sre", 1.0), demand("sec", 0.25)]);
        assert_eq!(
            parse_demands("Security Review[150%]", &r).unwrap(),
            vec![demand("sec", 1.5)]
        );
        assert!(parse_demands("", &r).unwrap().is_empty());
        for bad in ["sre:0", "sre:-1", "sre:x", "sre[abc]", "sre, SRE on-call"] {
            let refused = parse_demands(bad, &r).unwrap_err();
            assert!(!refused.message.is_empty(), "{bad}");
        }
        assert_eq!(
            parse_demands("sre, dba:2", &r).unwrap_err().to_string(),
            "'dba:2': there is no resource 'dba' (the resources: sre, sec)"
        );
    }

    proptest! {
        /// What is written reads back as the same demands.
        #[test]
        fn written_demands_read_back(units in proptest::collection::vec(1u32..100_000, 0..3)) {
            let r = pools();
            let demands: Vec<Demand> = units
                .iter()
                .zip(["sre", "sec"])
                .map(|(&u, id)| demand(id, f64::from(u) / 100.0))
                .collect();
            let text = format_demands(&demands);
            prop_assert_eq!(parse_demands(&text, &r).unwrap(), demands);
        }
    }
}

mod setup {
    use super::*;
    use engine::edit::History;
    use engine::resources::*;

    #[test]
    fn resources_added_changed_and_removed_with_their_demands() {
        let original = two_migrations();
        let mut p = original.clone();
        let mut history = History::default();
        let edits = add_resource(&p, "Security review", "0,5").unwrap();
        history.apply(&mut p, edits).unwrap();
        assert_eq!(
            (p.resources[1].id.as_str(), p.resources[1].capacity),
            ("security-review", 0.5)
        );
        assert!(
            add_resource(&p, "security REVIEW", "1")
                .unwrap_err()
                .contains("already")
        );
        assert!(
            add_resource(&p, "DBA", "none")
                .unwrap_err()
                .starts_with("Capacity:")
        );
        let edits = set_capacity(&p, "sre", "3").unwrap();
        history.apply(&mut p, edits).unwrap();
        assert_eq!(p.resources[0].capacity, 3.0);
        let period = add_availability(&p, "sre", "2026-01-12", "2026-01-16", "0").unwrap();
        history.apply(&mut p, period).unwrap();
        assert_eq!(p.resources[0].availability.len(), 2);
        assert!(add_availability(&p, "sre", "2026-01-16", "2026-01-12", "1").is_err());
        // Removing SRE takes its demands off A and B in the same action.
        let edits = remove_resource(&p, "sre").unwrap();
        history.apply(&mut p, edits).unwrap();
        assert!(p.tasks.iter().all(|t| t.demands.is_empty()));
        assert_eq!(p.resources.len(), 1);
        while history.undo(&mut p) {}
        assert_eq!(p, original);
    }

    #[test]
    fn clearing_the_leveling_gives_the_plan_back() {
        let original = two_migrations();
        let mut p = original.clone();
        task_mut(&mut p, "B").leveled_start = Some(d("2026-01-08"));
        let mut history = History::default();
        let edits = clear_leveling(&p);
        assert_eq!(edits.len(), 1);
        history.apply(&mut p, edits).unwrap();
        assert_eq!(p, original);
        assert!(clear_leveling(&p).is_empty());
    }
}

/// A leveled start holds a task back beside its own constraint: B (3d) leveled to Thu 8
/// starts there (offset 3) and keeps its finish-no-later-than Mon 12, which it meets with
/// no room (finish offset 6, float 0). Once started, the leveled start is history.
#[test]
fn a_leveled_start_holds_a_task_back_until_it_starts() {
    let mut p = two_migrations();
    let b = task_mut(&mut p, "B");
    b.leveled_start = Some(d("2026-01-08"));
    b.constraint = Some(engine::Constraint {
        kind: engine::ConstraintKind::FNLT,
        date: Some(d("2026-01-12")),
    });
    let s = run(&p);
    assert_eq!((of(&p, &s, "B").es, of(&p, &s, "B").ef), (3, 6));
    assert_eq!(of(&p, &s, "B").total_float, 0);
    p.program.status_date = Some(d("2026-01-06"));
    task_mut(&mut p, "B").actual_start = Some(d("2026-01-05"));
    let s = run(&p);
    assert_eq!(of(&p, &s, "B").es, 0, "it started on Monday");
}

/// A scenario's `level` change gives the task its leveled start; replayed again it is the
/// same; a second one for the same task replaces the first.
#[test]
fn a_level_change_in_a_scenario() {
    use engine::scenario::{Change, apply};
    let p = two_migrations();
    let level = |date: &str| Change::Level {
        task: "B".into(),
        start: Some(d(date)),
        reason: "SRE on-call (capacity 2) is used by 'A'".into(),
    };
    let applied = apply(&p, &[level("2026-01-08")]);
    let s = run(&applied.program);
    assert_eq!(of(&applied.program, &s, "B").es, 3);
    assert!(
        level("2026-01-08")
            .describe(&p)
            .contains("leveled to start 2026-01-08")
    );
    let json = serde_json::to_string(&level("2026-01-08")).unwrap();
    assert!(
        json.starts_with(r#"{"change":"level","task":"B","start":"2026-01-08""#),
        "{json}"
    );
}
