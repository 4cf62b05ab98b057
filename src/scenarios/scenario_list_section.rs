//! The Scenarios tab's list of scenarios and the opened one: its changes, edit in plan,
//! duplicate, rename, promote and delete.

use components::{
    ChangeList, ChangeListActions, ChangeRow, NoticeKind, OpenScenario, ScenarioList,
    ScenarioListActions, ScenarioSummary,
};
use engine::Program;
use engine::scenario::Outcome;
use leptos::prelude::*;
use leptos::task::spawn_local;

use document::scenarios::{self, Evaluated};

use super::scenarios_view::*;
use crate::editor::Editor;

/// The scenario list and the opened scenario.
#[component]
pub(super) fn ScenariosSection(tab: TabState) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let TabState {
        evaluation,
        opened,
        compared,
        report,
        ..
    } = tab;
    let summaries = Signal::derive(move || {
        let open = opened.get();
        let chosen = compared.get();
        evaluation.with(|e| {
            e.as_ref()
                .map(|e| {
                    e.scenarios
                        .iter()
                        .map(|s| summary_of(s, open.as_deref(), &chosen))
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let open_scenario = Signal::derive(move || {
        let id = opened.get()?;
        editor.doc.with(|d| {
            let d = d.as_ref()?;
            evaluation.with(|e| {
                let s = e.as_ref()?.scenarios.iter().find(|s| s.scenario.id == id)?;
                Some(open_of(&d.program, s))
            })
        })
    });
    let list_actions = ScenarioListActions {
        create: Callback::new(move |()| {
            let mut id = String::new();
            let result = editor.change(false, |doc| {
                let name = format!("Scenario {}", doc.scenarios.len() + 1);
                id = scenarios::add(doc, &name, Vec::new())?;
                Ok(())
            });
            if result.is_ok() {
                opened.set(Some(id));
            }
            report.run(result);
        }),
        open: Callback::new(move |id: String| {
            opened.update(|o| {
                *o = if o.as_deref() == Some(id.as_str()) {
                    None
                } else {
                    Some(id)
                }
            })
        }),
        compare: Callback::new(move |(id, on): (String, bool)| {
            compared.update(|c| {
                c.retain(|x| x != &id);
                if on {
                    c.push(id);
                }
            })
        }),
    };
    let actions = change_list_actions(editor, tab);
    view! {
        <ScenarioList scenarios=summaries actions=list_actions>
            <ChangeList scenario=open_scenario actions=actions />
        </ScenarioList>
    }
}

fn summary_of(s: &Evaluated, open: Option<&str>, compared: &[String]) -> ScenarioSummary {
    let (finish, delta, later, broken) = match &s.result {
        Ok(c) => {
            let d = c.finish.delta.unwrap_or(0);
            let finish = c.finish.after.map(|d| d.to_string()).unwrap_or_default();
            (finish, signed(d), d > 0, false)
        }
        Err(_) => ("Cannot be scheduled".to_owned(), String::new(), false, true),
    };
    ScenarioSummary {
        id: s.scenario.id.clone(),
        name: s.scenario.name.clone(),
        description: s.scenario.description.clone(),
        changes: s.scenario.changes.len(),
        stale: s
            .outcomes
            .iter()
            .filter(|o| **o != Outcome::Applied)
            .count(),
        finish,
        delta,
        later,
        broken,
        compared: compared.contains(&s.scenario.id),
        open: open == Some(s.scenario.id.as_str()),
    }
}

fn open_of(program: &Program, s: &Evaluated) -> OpenScenario {
    OpenScenario {
        id: s.scenario.id.clone(),
        name: s.scenario.name.clone(),
        description: s.scenario.description.clone(),
        changes: s
            .scenario
            .changes
            .iter()
            .zip(&s.outcomes)
            .map(|(c, o)| ChangeRow {
                text: c.describe(program),
                stale: match o {
                    Outcome::Applied => None,
                    Outcome::NoLongerApplies(why) => Some(why.clone()),
                },
            })
            .collect(),
        problem: s
            .result
            .as_ref()
            .err()
            .map(|e| format!("This scenario cannot be scheduled: {e}")),
    }
}

fn change_list_actions(editor: Editor, tab: TabState) -> ChangeListActions {
    let TabState { opened, report, .. } = tab;
    ChangeListActions {
        rename: Callback::new(move |(id, name): (String, String)| {
            report.run(editor.change(false, |doc| scenarios::rename(doc, &id, &name)))
        }),
        describe: Callback::new(move |(id, text): (String, String)| {
            report.run(editor.change(false, |doc| scenarios::set_description(doc, &id, &text)))
        }),
        remove_change: Callback::new(move |(id, at): (String, usize)| {
            report.run(editor.change(false, |doc| scenarios::remove_change(doc, &id, at)))
        }),
        edit_in_plan: Callback::new(move |id: String| {
            editor.scenario.set(Some(id));
            editor.tab.set("plan");
            // The banner saying that edits change the scenario is at the top of the plan
            // view: in view, and the grid focused, ready for those edits.
            reveal_after_render("[data-role=\"scenario-banner\"]", "[role=\"grid\"]");
        }),
        duplicate: Callback::new(move |id: String| {
            let mut copy_id = String::new();
            let result = editor.change(false, |doc| {
                copy_id = scenarios::duplicate(doc, &id)?;
                Ok(())
            });
            if result.is_ok() {
                opened.set(Some(copy_id));
            }
            report.run(result);
        }),
        promote: Callback::new(move |id: String| promote(editor, id, tab)),
        raise_change: Callback::new(move |id: String| {
            let today = crate::format::today();
            let mut raised = String::new();
            let result = editor.change(false, |doc| {
                raised = document::logs::change_control::raise(doc, &id, today)?;
                Ok(())
            });
            if result.is_ok() {
                editor.confirm(format!(
                    "Change request {raised} raised: decide it on the Logs tab (Change requests), where its impact is shown."
                ));
            }
            report.run(result);
        }),
        delete: Callback::new(move |id: String| {
            let result = editor.change(false, |doc| scenarios::delete(doc, &id));
            if result.is_ok() {
                forget(editor, &id, tab);
            }
            report.run(result);
        }),
        close: Callback::new(move |()| opened.set(None)),
    }
}

/// A scenario is gone: stop showing, comparing or editing it.
fn forget(editor: Editor, id: &str, tab: TabState) {
    let TabState {
        opened, compared, ..
    } = tab;
    if opened.get_untracked().as_deref() == Some(id) {
        opened.set(None);
    }
    compared.update(|c| c.retain(|x| x != id));
    if editor.scenario.get_untracked().as_deref() == Some(id) {
        editor.scenario.set(None);
    }
}

/// Makes scenario `id` the program: a snapshot first, then one undoable change that
/// replaces the program with the scenario applied and removes the scenario.
fn promote(editor: Editor, id: String, tab: TabState) {
    let message = tab.message;
    let Some(name) = editor.doc.with_untracked(|d| {
        d.as_ref()
            .and_then(|d| d.scenarios.iter().find(|s| s.id == id))
            .map(|s| s.name.clone())
    }) else {
        return;
    };
    message.set(Some((
        NoticeKind::Info,
        format!("Promoting “{name}”: taking a snapshot first…"),
    )));
    reveal_message();
    spawn_local(async move {
        if let Err(reason) = editor
            .snapshot_now(&format!("Before promoting “{name}”"))
            .await
        {
            message.set(Some((
                NoticeKind::Error,
                format!("Not promoted: no snapshot could be taken. {reason}"),
            )));
            reveal_message();
            return;
        }
        let result = editor.change(true, |doc| scenarios::promote(doc, &id));
        match result {
            Ok(()) => {
                forget(editor, &id, tab);
                message.set(Some((
                    NoticeKind::Info,
                    format!("“{name}” is now the program (a snapshot was taken first; Undo takes it back)."),
                )));
            }
            Err(reason) => {
                message.set(Some((NoticeKind::Error, format!("Not promoted: {reason}"))))
            }
        }
        reveal_message();
    });
}
