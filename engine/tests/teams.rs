//! Cross-team flows for the dependency map: links grouped by workstream pair, with the
//! critical and late ones counted. The program starts Monday 2026-01-05 (Mon–Fri).

mod common;
use common::*;
use engine::LinkType::{self, *};
use engine::Program;
use engine::teams::{TeamFlow, cross_team_flows, link_float, link_slack};

/// Teams `a` and `b`: A1 (5d, a) → B1 (3d, b) → A3 (1d, a) is the critical chain; A2 (2d,
/// a) → B2 (1d, b) has a day of float; A1 → A2 stays inside team a.
fn two_teams() -> Program {
    let mut p = program(
        &[("A1", 5), ("B1", 3), ("A2", 2), ("B2", 1), ("A3", 1)],
        &[
            ("A1", "B1", FS, 0),
            ("A2", "B2", FS, 0),
            ("A1", "A2", FS, 0),
            ("B1", "A3", FS, 0),
        ],
    );
    p.workstreams = vec![workstream("a"), workstream("b")];
    for t in &mut p.tasks {
        t.workstream = t.id[..1].to_lowercase();
    }
    p
}

fn flows(p: &Program) -> Vec<TeamFlow> {
    let plan = engine::schedule(p).unwrap();
    cross_team_flows(p, Some(&plan))
}

fn pairs(flows: &[TeamFlow]) -> Vec<(String, String, usize, usize, usize)> {
    flows
        .iter()
        .map(|f| {
            (
                f.from.clone(),
                f.to.clone(),
                f.links.len(),
                f.critical,
                f.late,
            )
        })
        .collect()
}

#[test]
fn groups_cross_team_links_by_team_pair_in_workstream_order() {
    let p = two_teams();
    let f = flows(&p);
    assert_eq!(
        pairs(&f),
        vec![
            ("a".into(), "b".into(), 2, 1, 0),
            ("b".into(), "a".into(), 1, 1, 0)
        ],
        "A1→A2 stays inside team a and is left out"
    );
    let names: Vec<(&str, &str, bool)> = f[0]
        .links
        .iter()
        .map(|l| {
            (
                p.tasks[l.from_task].id.as_str(),
                p.tasks[l.to_task].id.as_str(),
                l.critical,
            )
        })
        .collect();
    assert_eq!(names, vec![("A1", "B1", true), ("A2", "B2", false)]);
}

#[test]
fn workstream_order_decides_the_order_of_pairs() {
    let mut p = two_teams();
    p.workstreams.reverse();
    let order: Vec<(String, String)> = flows(&p).into_iter().map(|f| (f.from, f.to)).collect();
    assert_eq!(
        order,
        vec![("b".into(), "a".into()), ("a".into(), "b".into())]
    );
}

#[test]
fn a_missed_deadline_makes_the_incoming_link_late() {
    let mut p = two_teams();
    // B2 finishes Wednesday 2026-01-14; a Tuesday deadline is missed by a day.
    task_mut(&mut p, "B2").deadline = Some(d("2026-01-13"));
    let f = flows(&p);
    let ab = &f[0];
    let late: Vec<bool> = ab.links.iter().map(|l| l.late).collect();
    assert_eq!(late, vec![false, true]);
    assert_eq!(ab.late, 1);
    assert_eq!(f[1].late, 0);
}

#[test]
fn a_link_with_negative_float_is_late_without_a_deadline() {
    let mut p = two_teams();
    // B2 must start no later than Monday 2026-01-12 (offset 5), but A2 ends at offset 7.
    task_mut(&mut p, "B2").constraint = Some(engine::Constraint {
        kind: engine::ConstraintKind::SNLT,
        date: Some(d("2026-01-12")),
    });
    let plan = engine::schedule(&p).unwrap();
    let dep = &p.dependencies[1];
    assert_eq!(link_float(dep, &plan.tasks[2], &plan.tasks[3]), -2);
    let f = cross_team_flows(&p, Some(&plan));
    assert!(f[0].links[1].late);
}

#[test]
fn without_a_schedule_nothing_is_critical_or_late() {
    let p = two_teams();
    let f = cross_team_flows(&p, None);
    assert_eq!(
        pairs(&f),
        vec![
            ("a".into(), "b".into(), 2, 0, 0),
            ("b".into(), "a".into(), 1, 0, 0)
        ]
    );
}

#[test]
fn links_to_unknown_tasks_are_skipped() {
    let mut p = two_teams();
    p.dependencies.push(engine::Dependency {
        from: "A1".into(),
        to: "nope".into(),
        kind: FS,
        lag: 0,
    });
    assert_eq!(cross_team_flows(&p, None)[0].links.len(), 2);
}

#[test]
fn slack_follows_the_link_type_and_lag() {
    fn slack(kind: LinkType, lag: i64) -> i64 {
        let p = program(&[("A", 5), ("B", 3), ("C", 10)], &[("A", "B", kind, lag)]);
        let plan = engine::schedule(&p).unwrap();
        link_slack(&p.dependencies[0], &plan.tasks[0], &plan.tasks[1])
    }
    // Each link drives B, so its slack is zero whatever the type or lag…
    for kind in [FS, SS, FF] {
        assert_eq!(slack(kind, 0), 0, "{kind:?}");
        assert_eq!(slack(kind, 2), 0, "{kind:?}+2");
    }
    assert_eq!(slack(SF, 4), 0, "SF+4: B finishes at 4, starting at 1");
    // …except SF+0, which asks B to finish at 0: no task starts before 0, so it ends at 3.
    assert_eq!(slack(SF, 0), 3);
    // A second, non-driving link: B starts at 5 (after A), C→B SS-3 would allow 0.
    let p = program(
        &[("A", 5), ("B", 3), ("C", 10)],
        &[("A", "B", FS, 0), ("C", "B", SS, 2)],
    );
    let plan = engine::schedule(&p).unwrap();
    assert_eq!(
        link_slack(&p.dependencies[1], &plan.tasks[2], &plan.tasks[1]),
        3
    );
}
