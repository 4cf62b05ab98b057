//! Summary tasks (the outline): hand-worked roll-ups and links, the outline's checks, and
//! the rule that an outlined plan schedules its tasks exactly as the same plan with every
//! link to or from a summary written out task by task. The program starts Monday 5 Jan 2026
//! on a Monday-to-Friday calendar (offset 0 = Mon 5, 5 = Mon 12).

mod common;
use std::collections::BTreeSet;

use common::*;
use engine::edit::Edit;
use engine::kept::KeptProgram;
use engine::{Code, LinkType, LinkType::*, Program};
use proptest::prelude::*;

/// Puts `children` under summary `summary` (which becomes one).
fn under(program: &mut Program, summary: &str, children: &[&str]) {
    task_mut(program, summary).summary = true;
    for child in children {
        task_mut(program, child).parent = Some(summary.into());
    }
}

/// X (2d) → Build, a summary of A (3d) → B (2d) and C (1d); Build → Y (1d).
///
/// The link into Build moves each of its tasks: A and C start at 2 (Wed 7). A [2,5),
/// B [5,7) Mon 12 – Tue 13, C [2,3). Build rolls up: start 2 (Wed 7, A's and C's), finish
/// 7 (Tue 13, B's). Y follows Build's finish: [7,8) Wed 14. The chain X, A, B, Y is
/// critical; C has 4 days of float (it may finish as late as B).
fn release() -> Program {
    let mut p = program(
        &[
            ("X", 2),
            ("Build", 0),
            ("A", 3),
            ("B", 2),
            ("C", 1),
            ("Y", 1),
        ],
        &[
            ("X", "Build", FS, 0),
            ("A", "B", FS, 0),
            ("Build", "Y", FS, 0),
        ],
    );
    under(&mut p, "Build", &["A", "B", "C"]);
    p
}

#[test]
fn a_summary_rolls_up_its_tasks_and_links_move_them() {
    let p = release();
    let s = run(&p);
    assert_eq!((of(&p, &s, "A").es, of(&p, &s, "C").es), (2, 2));
    assert_eq!(offsets(of(&p, &s, "B")), (5, 7, 5, 7, 0));
    let build = of(&p, &s, "Build");
    assert_eq!((build.es, build.ef), (2, 7));
    assert_eq!(dates(build), ("2026-01-07".into(), "2026-01-13".into()));
    assert!(build.critical, "a critical task under it makes it critical");
    assert_eq!(offsets(of(&p, &s, "Y")), (7, 8, 7, 8, 0));
    assert_eq!(of(&p, &s, "C").total_float, 4);
    assert!(!of(&p, &s, "C").critical);
    assert_eq!(s.finish, d("2026-01-14"));
}

#[test]
fn a_summary_is_no_milestone() {
    let p = release();
    let build = p.tasks.iter().find(|t| t.id == "Build").unwrap();
    assert!(!build.is_milestone());
}

/// A deadline on a summary bounds the late finish of every task under it: Build due Mon 12
/// (offset 6) while B finishes Tue 13 (7): B and A have −1 day of float; C has 3.
#[test]
fn a_deadline_on_a_summary_makes_its_tasks_late() {
    let mut p = release();
    task_mut(&mut p, "Build").deadline = Some(d("2026-01-12"));
    let s = run(&p);
    assert_eq!(of(&p, &s, "B").total_float, -1);
    assert_eq!(of(&p, &s, "A").total_float, -1);
    assert_eq!(of(&p, &s, "C").total_float, 3);
    assert!(s.warnings.iter().any(|w| w.code == Code::DeadlineMissed));
}

/// Summaries in summaries: a start-to-start link with a 1-day lag into the outer one moves
/// the tasks of the inner one. Phase ⊃ {Design (2d), Build ⊃ {Code (4d)}}; K (3d) SS+1 →
/// Phase: Design and Code start at 1 (Tue 6). Build: [1,5); Phase: [1,5) Tue 6 – Fri 9.
#[test]
fn nested_summaries_roll_up_level_by_level() {
    let mut p = program(
        &[
            ("K", 3),
            ("Phase", 0),
            ("Design", 2),
            ("Build", 0),
            ("Code", 4),
        ],
        &[("K", "Phase", SS, 1)],
    );
    under(&mut p, "Phase", &["Design", "Build"]);
    under(&mut p, "Build", &["Code"]);
    let s = run(&p);
    assert_eq!((of(&p, &s, "Design").es, of(&p, &s, "Code").es), (1, 1));
    assert_eq!((of(&p, &s, "Build").es, of(&p, &s, "Build").ef), (1, 5));
    let phase = of(&p, &s, "Phase");
    assert_eq!((phase.es, phase.ef), (1, 5));
    assert_eq!(dates(phase), ("2026-01-06".into(), "2026-01-09".into()));
}

/// Finish-to-finish out of a summary: Y (1d) finishes no earlier than Build's finish (7):
/// Y [6,7).
#[test]
fn finish_to_finish_out_of_a_summary_follows_its_finish() {
    let mut p = release();
    p.dependencies[2].kind = FF;
    let s = run(&p);
    assert_eq!((of(&p, &s, "Y").es, of(&p, &s, "Y").ef), (6, 7));
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
fn the_outline_is_checked() {
    let mut p = release();
    task_mut(&mut p, "C").parent = Some("Nowhere".into());
    assert_eq!(
        codes(&p),
        vec![(Code::UnknownParent, "tasks[4].parent".into())]
    );

    let mut p = release();
    task_mut(&mut p, "Build").parent = Some("A".into());
    task_mut(&mut p, "A").summary = true;
    let found = codes(&p);
    assert_eq!(found[0].0, Code::OutlineCycle, "{found:?}");
    let message = engine::check(&p).unwrap_err().0[0].message.clone();
    assert!(message.contains("Build → A → Build"), "{message}");

    let mut p = release();
    task_mut(&mut p, "Build").duration = 4;
    assert_eq!(
        codes(&p),
        vec![(Code::SummaryOwnValue, "tasks[1].duration".into())]
    );

    let mut p = release();
    task_mut(&mut p, "Build").summary = false;
    assert_eq!(
        codes(&p),
        vec![(Code::SummaryOwnValue, "tasks[1].summary".into())]
    );

    let mut p = release();
    task_mut(&mut p, "Y").summary = true;
    assert_eq!(
        codes(&p),
        vec![(Code::SummaryOwnValue, "tasks[5].summary".into())]
    );
}

#[test]
fn links_ms_project_refuses_are_refused() {
    for (kind, into) in [(FF, true), (SF, true), (SS, false), (SF, false)] {
        let mut p = release();
        let link = if into { 0 } else { 2 };
        p.dependencies[link].kind = kind;
        assert_eq!(
            codes(&p),
            vec![(Code::SummaryLink, format!("dependencies[{link}]"))],
            "{kind:?} {}",
            if into { "into" } else { "out of" }
        );
    }
    let mut p = release();
    p.dependencies.push(engine::Dependency {
        from: "Build".into(),
        to: "C".into(),
        kind: FS,
        lag: 0,
    });
    assert_eq!(
        codes(&p),
        vec![(Code::SummaryLink, "dependencies[3]".into())]
    );
}

#[test]
fn a_risk_names_work_not_a_summary() {
    let mut p = release();
    p.risks.push(engine::Risk {
        id: "R1".into(),
        title: "Late".into(),
        probability: 0.5,
        impact: engine::Impact { min: 1, max: 2 },
        tasks: vec!["Build".into()],
        ..Default::default()
    });
    assert_eq!(
        codes(&p),
        vec![(Code::SummaryOwnValue, "risks[0].tasks[0]".into())]
    );
}

#[test]
fn a_kept_outlined_program_follows_edits() {
    let p = release();
    let mut kept = KeptProgram::new(p.clone()).unwrap();
    let mut longer = p.tasks[3].clone();
    longer.duration = 5;
    kept.apply(&[Edit::ReplaceTask {
        index: 3,
        task: longer,
    }])
    .unwrap();
    assert_eq!(kept.schedule().unwrap(), &run(kept.program()));
    assert_eq!(kept.schedule().unwrap().tasks[1].ef, 10, "Build follows B");
    // Outdenting C: Build no longer waits for it, and C no longer waits for X.
    let mut out = kept.program().tasks[4].clone();
    out.parent = None;
    kept.apply(&[Edit::ReplaceTask {
        index: 4,
        task: out,
    }])
    .unwrap();
    assert_eq!(kept.schedule().unwrap(), &run(kept.program()));
    assert_eq!(kept.schedule().unwrap().tasks[4].es, 0);
}

/// A forecast gives a summary's finish beside the milestones': with no estimate, every
/// iteration is the schedule, so each percentile is Build's finish, Tue 13 Jan; with API
/// uncertain (2–9 days), Build's P90 is later than its P10.
#[test]
fn a_forecast_gives_each_summarys_finish() {
    use engine::forecast::{Settings, forecast};
    let p = release();
    let checked = engine::check(&p).unwrap();
    let settings = Settings {
        iterations: 500,
        seed: 7,
    };
    let result = forecast(&checked, &settings).unwrap();
    let build = result
        .milestones
        .iter()
        .find(|m| m.id == "Build")
        .expect("Build's outcome");
    assert_eq!(
        (build.outcome.p10, build.outcome.p90),
        (d("2026-01-13"), d("2026-01-13"))
    );
    let mut uncertain = p.clone();
    task_mut(&mut uncertain, "A").estimate = Some(Box::new(engine::Estimate {
        optimistic: 2.0,
        likely: 3.0,
        pessimistic: 9.0,
        distribution: engine::Distribution::Pert,
    }));
    let checked = engine::check(&uncertain).unwrap();
    let result = forecast(&checked, &settings).unwrap();
    let build = result.milestones.iter().find(|m| m.id == "Build").unwrap();
    assert!(build.outcome.p90 > build.outcome.p10, "{:?}", build.outcome);
}

/// A random outlined plan: up to 10 tasks, each under an earlier one or at the top, and
/// links between any two, in file order, of the kinds MS Project allows.
fn outlined_plan() -> impl Strategy<Value = Program> {
    (3usize..10)
        .prop_flat_map(|n| {
            (
                proptest::collection::vec((0usize..4, 0usize..20), n),
                proptest::collection::vec((0usize..10, 0usize..10, 0usize..4, -2i64..3), 0..14),
            )
        })
        .prop_map(|(tasks, links)| build_plan(&tasks, &links))
}

const KINDS: [LinkType; 4] = [FS, SS, FF, SF];

fn build_plan(tasks: &[(usize, usize)], links: &[(usize, usize, usize, i64)]) -> Program {
    let n = tasks.len();
    let ids: Vec<String> = (0..n).map(|t| format!("T{t}")).collect();
    let shape: Vec<(&str, i64)> = ids
        .iter()
        .zip(tasks)
        .map(|(id, &(duration, _))| (id.as_str(), duration as i64))
        .collect();
    let mut p = program(&shape, &[]);
    for (t, &(_, parent)) in tasks.iter().enumerate().skip(1) {
        if parent % 3 == 0 {
            let s = parent % t;
            p.tasks[t].parent = Some(ids[s].clone());
            p.tasks[s].summary = true;
        }
    }
    for task in &mut p.tasks {
        if task.summary {
            task.duration = 0;
        }
    }
    let mut linked = BTreeSet::new();
    for &(a, b, kind, lag) in links {
        let (from, to) = (a % n, b % n);
        let kind = KINDS[kind];
        if from == to || refused(&p, from, to, kind) {
            continue;
        }
        let pairs: Vec<(u32, u32)> = leaves(&p, from)
            .into_iter()
            .flat_map(|f| leaves(&p, to).into_iter().map(move |t| (f, t)))
            .collect();
        if pairs
            .iter()
            .any(|pair| linked.contains(pair) || pair.0 == pair.1)
        {
            continue;
        }
        linked.extend(pairs);
        p.dependencies.push(engine::Dependency {
            from: ids[from].clone(),
            to: ids[to].clone(),
            kind,
            lag,
        });
    }
    p
}

fn is_above(p: &Program, above: usize, mut t: usize) -> bool {
    while let Some(parent) = &p.tasks[t].parent {
        t = p.tasks.iter().position(|x| &x.id == parent).unwrap();
        if t == above {
            return true;
        }
    }
    false
}

fn refused(p: &Program, from: usize, to: usize, kind: LinkType) -> bool {
    is_above(p, from, to)
        || is_above(p, to, from)
        || (p.tasks[to].summary && matches!(kind, FF | SF))
        || (p.tasks[from].summary && matches!(kind, SS | SF))
}

/// Task `t` if it is no summary, else the tasks under it that are none, at any depth.
fn leaves(p: &Program, t: usize) -> Vec<u32> {
    if !p.tasks[t].summary {
        return vec![t as u32];
    }
    (0..p.tasks.len())
        .filter(|&l| !p.tasks[l].summary && is_above(p, t, l))
        .map(|l| l as u32)
        .collect()
}

/// The plan without its outline: summaries gone, every link to or from one written out
/// task by task.
fn written_out(p: &Program) -> Program {
    let mut flat = p.clone();
    flat.dependencies = p
        .dependencies
        .iter()
        .flat_map(|dep| {
            let index = |id: &str| p.tasks.iter().position(|t| t.id == id).unwrap();
            let froms = leaves(p, index(&dep.from));
            let tos = leaves(p, index(&dep.to));
            froms.into_iter().flat_map(move |f| {
                tos.clone().into_iter().map(move |t| engine::Dependency {
                    from: p.tasks[f as usize].id.clone(),
                    to: p.tasks[t as usize].id.clone(),
                    ..dep.clone()
                })
            })
        })
        .collect();
    flat.tasks.retain(|t| !t.summary);
    for task in &mut flat.tasks {
        task.parent = None;
    }
    flat
}

proptest! {
    /// Every task that is no summary has the dates, late dates, total float and
    /// criticality it has in the written-out plan (free float differs: a summary's finish
    /// counts as a successor's), and each summary spans its tasks.
    #[test]
    fn an_outline_schedules_as_its_links_written_out(p in outlined_plan()) {
        let flat = written_out(&p);
        let (outlined, plain) = (engine::schedule(&p), engine::schedule(&flat));
        prop_assert_eq!(outlined.is_ok(), plain.is_ok(), "{:?} / {:?}", outlined, plain);
        let (Ok(outlined), Ok(plain)) = (outlined, plain) else { return Ok(()) };
        for (t, task) in p.tasks.iter().enumerate() {
            let got = &outlined.tasks[t];
            if task.summary {
                let under: Vec<_> = leaves(&p, t).into_iter().map(|l| &outlined.tasks[l as usize]).collect();
                prop_assert_eq!(got.start, under.iter().map(|l| l.start).min().unwrap());
                prop_assert_eq!(got.finish, under.iter().map(|l| l.finish).max().unwrap());
                prop_assert_eq!(got.critical, under.iter().any(|l| l.critical));
                continue;
            }
            let f = flat.tasks.iter().position(|x| x.id == task.id).unwrap();
            let want = &plain.tasks[f];
            prop_assert_eq!(
                (got.es, got.ef, got.ls, got.lf, got.total_float, got.critical),
                (want.es, want.ef, want.ls, want.lf, want.total_float, want.critical),
                "task {}", task.id
            );
            prop_assert_eq!((got.start, got.finish), (want.start, want.finish));
        }
        prop_assert_eq!(outlined.finish, plain.finish);
    }

    /// A kept outlined program follows a changed duration exactly as a full schedule.
    #[test]
    fn a_kept_outline_equals_the_full_schedule(p in outlined_plan(), pick in 0usize..10, days in 0i64..6) {
        let Ok(mut kept) = KeptProgram::new(p.clone()) else { return Ok(()) };
        let t = pick % p.tasks.len();
        let mut task = p.tasks[t].clone();
        if task.summary { return Ok(()) }
        task.duration = days;
        kept.apply(&[Edit::ReplaceTask { index: t, task }]).unwrap();
        prop_assert_eq!(kept.schedule().unwrap(), &engine::schedule(kept.program()).unwrap());
    }
}
