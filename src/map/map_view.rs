//! The Dependency map tab: the program's workstreams and the dependencies that cross between
//! them (grouped by `engine::teams::cross_team_flows`), shown by `DependencyMap`.

use components::{
    CommitmentList, DependencyMap, MapFlow, MapLink, MapModel, MapTeam, MilestoneReadiness,
};
use engine::teams::cross_team_flows;
use engine::{Program, Schedule};
use leptos::prelude::*;

use crate::editor::Editor;

/// The map's data for `program`: every workstream, and the cross-team flows with critical
/// and late links counted from its schedule `plan` (none counted without one).
pub fn map_model(program: &Program, plan: Option<&Schedule>) -> MapModel {
    let teams = program
        .workstreams
        .iter()
        .enumerate()
        .map(|(i, w)| MapTeam {
            id: w.id.clone(),
            name: w.name.clone(),
            color: document::plan_model::colour(w.color.as_deref(), i),
            tasks: program
                .tasks
                .iter()
                .filter(|t| t.workstream == w.id)
                .count(),
        })
        .collect();
    let task = |i: usize| program.tasks.get(i).map(|t| (t.id.clone(), t.name.clone()));
    let flows = cross_team_flows(program, plan)
        .into_iter()
        .map(|flow| MapFlow {
            links: flow
                .links
                .iter()
                .map(|l| {
                    let (from_task, from_name) = task(l.from_task).unwrap_or_default();
                    let (to_task, to_name) = task(l.to_task).unwrap_or_default();
                    MapLink {
                        from_task,
                        to_task,
                        kind: format!("{:?}", l.kind),
                        critical: l.critical,
                        late: l.late,
                        from_name,
                        to_name,
                        lag: match l.lag {
                            0 => String::new(),
                            lag => format!("{lag:+}d"),
                        },
                    }
                })
                .collect(),
            from: flow.from,
            to: flow.to,
            critical: flow.critical,
            late: flow.late,
        })
        .collect();
    MapModel { teams, flows }
}

/// Workstreams and the dependencies between them.
#[component]
pub fn MapPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    // The program, or the scenario the plan view shows (as the plan view does).
    let model = Memo::new(move |_| {
        editor.doc.with(|d| {
            let Some(d) = d.as_ref() else {
                return MapModel::default();
            };
            editor
                .derived
                .with(|v| map_model(v.shown_program(d), v.shown().ok()))
        })
    });
    let scenario_name = move || {
        editor
            .derived
            .with(|v| v.scenario.as_ref().map(|s| s.name.clone()))
    };
    let shown = move || {
        scenario_name().map(|name| {
            view! {
                <p class="map-scenario" data-role="map-scenario">
                    "Scenario “" {name} "”: the map shows the plan with its changes."
                </p>
            }
        })
    };
    // The RAID log's cross-team dependencies, their status against the program's schedule
    // on the status date (the log belongs to the program, whatever scenario is shown).
    let commitments = Memo::new(move |_| {
        let day = crate::logs::logs_view::as_of(editor);
        editor.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                editor
                    .derived
                    .with(|v| document::logs::dependency_rows(&d.program, v.program.ok(), day))
            })
        })
    });
    // Each milestone with a checklist, and where its readiness stands.
    let readiness = Memo::new(move |_| {
        let day = crate::logs::logs_view::as_of(editor);
        editor.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                editor.derived.with(|v| {
                    let program = &d.program;
                    program
                        .readiness
                        .checklists
                        .iter()
                        .map(|c| {
                            let name = program
                                .tasks
                                .iter()
                                .find(|t| t.id == c.milestone)
                                .map_or_else(|| c.milestone.clone(), |t| t.name.clone());
                            let line = document::readiness::summary::checklist_line(
                                program,
                                v.program.ok(),
                                c,
                                day,
                            );
                            let gates = engine::readiness::figures::hard_gates(c);
                            (name, line, gates.settled == gates.total)
                        })
                        .collect()
                })
            })
        })
    });
    let teams = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.as_ref().map_or_else(Vec::new, |d| {
                d.program
                    .workstreams
                    .iter()
                    .map(|w| (w.id.clone(), w.name.clone()))
                    .collect()
            })
        })
    });
    view! {
        <section class="map-panel" aria-label="Dependency map">
            {shown}
            <p class="map-intro">
                "Each box is a workstream; each arrow, the dependencies from one team to another, "
                "with how many are on the critical path or late. Choose an arrow or a team pair "
                "to list its links."
            </p>
            <DependencyMap model=model />
            <CommitmentList rows=commitments teams=teams />
            <MilestoneReadiness rows=readiness />
        </section>
    }
}
