//! The Scenarios tab: quick impact ("if we slip X, what happens to Y?"), the program's
//! scenarios (list, changes, edit in plan, duplicate, promote, delete), the comparison of
//! chosen scenarios with the program, and the baselines.
//!
//! Does not: change the document by rules of its own (`document::scenarios` and
//! `document::baselines` do, over `engine`) or render markup (the components do); it shapes
//! results for display and makes every change through [`Editor::change`], so each is one
//! undoable step.

use components::{
    AbsorbedRow, BaselineActions, BaselineSummary, BaselinesPanel, ChangeList, ChangeListActions,
    ChangeRow, CompareCell, CompareLine, CompareTable, CompareView, DateShift, ImpactSummary,
    MissedRow, Notice, NoticeKind, OpenScenario, QuickImpact, QuickImpactActions, ScenarioList,
    ScenarioListActions, ScenarioSummary,
};
use engine::Program;
use engine::compare::{Comparison, MissedDeadline, quick_impact};
use engine::scenario::{Adjustment, Outcome};
use engine::words::count;
use leptos::prelude::*;
use leptos::task::spawn_local;
use planfile::Document;
use wasm_bindgen::JsCast;

use document::baselines;
use document::derived::Scheduled;
use document::scenarios::{self, Evaluated, Evaluation};

use crate::editor::{Editor, describe};
use crate::forecast::forecast_data::task_choices;

/// Tasks listed as absorbing a slip, at most.
const ABSORBED_SHOWN: usize = 8;

/// `+15`, `0`, `-3`.
fn signed(days: i64) -> String {
    if days == 0 {
        "0".into()
    } else {
        format!("{days:+}")
    }
}

fn task_name(program: &Program, id: &str) -> String {
    program
        .tasks
        .iter()
        .find(|t| t.id == id)
        .map_or_else(|| id.to_owned(), |t| t.name.clone())
}

/// One sentence on the critical path, naming up to three tasks.
fn critical_sentence(program: &Program, c: &Comparison) -> String {
    if !c.critical_path_changed() {
        return "Critical path: unchanged.".into();
    }
    let names = |ids: &[String]| {
        let mut list: Vec<String> = ids
            .iter()
            .take(3)
            .map(|id| task_name(program, id))
            .collect();
        if ids.len() > 3 {
            list.push(format!("{} more", ids.len() - 3));
        }
        list.join(", ")
    };
    let mut parts = Vec::new();
    if !c.became_critical.is_empty() {
        parts.push(format!("now critical: {}", names(&c.became_critical)));
    }
    if !c.left_critical.is_empty() {
        parts.push(format!("no longer critical: {}", names(&c.left_critical)));
    }
    format!("Critical path changed — {}.", parts.join("; "))
}

fn finish_shift(c: &Comparison) -> DateShift {
    let delta = c.finish.delta.unwrap_or(0);
    DateShift {
        name: "Program finish".into(),
        before: c.finish.before.map(|d| d.to_string()).unwrap_or_default(),
        after: c.finish.after.map(|d| d.to_string()).unwrap_or_default(),
        delta: signed(delta),
        later: delta > 0,
    }
}

/// Quick impact's answer in display form; `change` is the adjustment in words.
fn impact_summary(program: &Program, c: &Comparison, change: String) -> ImpactSummary {
    let milestones: Vec<DateShift> = c
        .moved_milestones()
        .map(|m| {
            let delta = m.delta.unwrap_or(0);
            DateShift {
                name: m.name.clone(),
                before: m
                    .before
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "—".into()),
                after: m
                    .after
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "removed".into()),
                delta: m.delta.map(signed).unwrap_or_else(|| "—".into()),
                later: delta > 0,
            }
        })
        .collect();
    ImpactSummary {
        change,
        finish: finish_shift(c),
        unmoved: c.milestones.len() - milestones.len(),
        milestones,
        missed: c.missed_deadlines.iter().map(missed_row).collect(),
        absorbed: float_rows(c.absorbed.iter().filter(|a| a.float_after >= 0)),
        absorbed_more: c
            .absorbed
            .iter()
            .filter(|a| a.float_after >= 0)
            .count()
            .saturating_sub(ABSORBED_SHOWN),
        late: float_rows(c.absorbed.iter().filter(|a| a.float_after < 0)),
        late_more: c
            .absorbed
            .iter()
            .filter(|a| a.float_after < 0)
            .count()
            .saturating_sub(ABSORBED_SHOWN),
        critical: critical_sentence(program, c),
    }
}

fn missed_row(m: &MissedDeadline) -> MissedRow {
    let late = count(
        m.late.unsigned_abs() as usize,
        "working day",
        "working days",
    );
    let before = match m.late_before {
        None => "new".to_owned(),
        Some(0) => "was on time".to_owned(),
        Some(days) => format!("was {days}"),
    };
    MissedRow {
        name: m.name.clone(),
        deadline: m.deadline.to_string(),
        finish: m.finish.to_string(),
        late: format!("{late} late ({before})"),
    }
}

fn float_rows<'a>(list: impl Iterator<Item = &'a engine::compare::Absorbed>) -> Vec<AbsorbedRow> {
    list.take(ABSORBED_SHOWN)
        .map(|a| AbsorbedRow {
            name: a.name.clone(),
            float_before: a.float_before,
            float_after: a.float_after,
        })
        .collect()
}

/// The name "Save as scenario" offers, with the amount as typed: `SSO cut-over +15d`,
/// `Landing zone design +2w`, `3 tasks +15d`.
fn impact_name(program: &Program, tasks: &[String], typed: Option<(Adjustment, &str)>) -> String {
    let what = match tasks {
        [one] => task_name(program, one),
        many => format!("{} tasks", many.len()),
    };
    match typed {
        Some((a, text)) => format!("{what} {}", a.typed_label(text)),
        None => what,
    }
}

/// After a tab switch or a message at the top of the panel: once the page has drawn, focus
/// `focus` (a selector; the element that takes the next action) and bring `reveal` (the
/// banner or message that says what happened) into view: the page is scrolled to the top,
/// and further only if `reveal` still ends below the window.
fn reveal_after_render(reveal: &'static str, focus: &'static str) {
    request_animation_frame(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        let find = |selector: &str| document.query_selector(selector).ok().flatten();
        if let Some(target) = find(focus).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            // Focus first: focusing may scroll, and the scroll below has the last word.
            let _ = target.focus();
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(shown) = find(reveal) {
            shown.scroll_into_view_with_bool(false);
        }
    });
}

/// The panel's message (at its top) is shown: brought into view and focused, so that a
/// keyboard or screen-reader user is where the news is.
fn reveal_message() {
    reveal_after_render(
        "[data-role=\"scenarios-message\"]",
        "[data-role=\"scenarios-message\"]",
    );
}

/// The Scenarios tab's own state, shared by its sections (signals, so `Copy`).
#[derive(Clone, Copy)]
struct TabState {
    /// Every scenario evaluated, once per document change.
    evaluation: Memo<Option<Evaluation>>,
    /// The scenario whose changes are listed.
    opened: RwSignal<Option<String>>,
    /// The scenarios ticked for comparison.
    compared: RwSignal<Vec<String>>,
    /// Shows a refused change in `message` (and clears it when one succeeds).
    report: Callback<Result<(), String>>,
    /// The message at the top of the tab.
    message: RwSignal<Option<(NoticeKind, String)>>,
}

/// The Scenarios tab.
#[component]
pub fn ScenariosPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let evaluation = editor.evaluation;
    let message: RwSignal<Option<(NoticeKind, String)>> = RwSignal::new(None);
    let opened: RwSignal<Option<String>> = RwSignal::new(None);
    let compared: RwSignal<Vec<String>> = RwSignal::new(editor.doc.with_untracked(|d| {
        d.as_ref()
            .map(|d| d.scenarios.iter().take(3).map(|s| s.id.clone()).collect())
            .unwrap_or_default()
    }));
    let report = Callback::new(move |result: Result<(), String>| match result {
        Ok(()) => message.set(None),
        Err(reason) => message.set(Some((NoticeKind::Error, reason))),
    });
    let tab = TabState {
        evaluation,
        opened,
        compared,
        report,
        message,
    };
    let notice = move || {
        message.get().map(|(kind, text)| {
            let title = if kind == NoticeKind::Error {
                "Not done"
            } else {
                "Done"
            };
            // Focusable (not in the tab order) so that a result can take the focus.
            view! {
                <div class="scenarios-message" data-role="scenarios-message" tabindex="-1">
                    <Notice kind=kind title=title message=text />
                </div>
            }
        })
    };
    view! {
        <div class="scenarios-panel" data-role="scenarios-panel">
            {notice}
            <QuickImpactSection tab />
            <ScenariosSection tab />
            <CompareSection evaluation compared />
            <BaselinesSection report />
        </div>
    }
}

/// Quick impact over the program, starting from the grid's selection.
#[component]
fn QuickImpactSection(tab: TabState) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let TabState {
        evaluation,
        opened,
        compared,
        report,
        message,
    } = tab;
    let picked = RwSignal::new(editor.selected.get_untracked());
    // Only the picked tasks still in the program: the grid's selection may name a task an
    // undo has since taken away (or one may go while picked), and a change to a task the
    // chips do not show must never be saved unseen (found by the soak).
    let present = Memo::new(move |_| {
        let ids = picked.get();
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    ids.into_iter()
                        .filter(|id| d.program.tasks.iter().any(|t| &t.id == id))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let amount = RwSignal::new(String::new());
    let slip = RwSignal::new(true);
    let choices = Signal::derive(move || {
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| task_choices(&d.program))
                .unwrap_or_default()
        })
    });
    // The changes typed, once there are tasks and an amount; `Err` if the amount is not one.
    let changes = Memo::new(move |_| {
        let tasks = present.get();
        let text = amount.get();
        if tasks.is_empty() || text.trim().is_empty() {
            return None;
        }
        Some(Adjustment::parse(&text, slip.get()).map(|a| (a, a.changes(&tasks), text)))
    });
    let impact = Signal::derive(move || {
        let typed = changes.get()?;
        let result = typed.and_then(|(adjustment, changes, text)| {
            let kind = match adjustment {
                Adjustment::Slip(_) => "Slip",
                Adjustment::Duration(_) => "New duration",
            };
            let wording = format!("{kind} {}", adjustment.typed_wording(&text));
            editor.doc.with(|d| {
                let d = d.as_ref().ok_or("No program is open.")?;
                evaluation.with(|e| {
                    let base = e.as_ref().ok_or("No program is open.")?.base.as_ref()?;
                    quick_impact(&d.program, base, &changes)
                        .map(|i| impact_summary(&d.program, &i.comparison, wording))
                        .map_err(|diag| {
                            format!(
                                "With this change the plan cannot be scheduled: {}",
                                describe(&diag)
                            )
                        })
                })
            })
        });
        Some(result)
    });
    let suggested = Signal::derive(move || {
        let typed = changes.get().and_then(|c| c.ok());
        let typed = typed.as_ref().map(|(a, _, text)| (*a, text.as_str()));
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| impact_name(&d.program, &present.get(), typed))
                .unwrap_or_default()
        })
    });
    let save = Callback::new(move |name: String| {
        let Some(Ok((_, list, _))) = changes.get_untracked() else {
            return;
        };
        let mut new_id = String::new();
        let result = editor.change(false, |doc| {
            new_id = scenarios::add(doc, &name, list)?;
            Ok(())
        });
        if result.is_ok() {
            opened.set(Some(new_id.clone()));
            compared.update(|c| c.push(new_id));
            // Start the next one fresh: no chips, amount or kind carried into it unseen.
            picked.set(Vec::new());
            amount.set(String::new());
            slip.set(true);
            message.set(Some((
                NoticeKind::Info,
                format!("Saved as scenario “{name}”."),
            )));
            // The save button is gone with the answer: the search takes the focus.
            reveal_after_render("[data-role=\"scenarios-message\"]", "#qi-search");
        } else {
            report.run(result);
        }
    });
    let actions = QuickImpactActions {
        select: Callback::new(move |ids: Vec<String>| picked.set(ids)),
        amount: Callback::new(move |text: String| amount.set(text)),
        slip: Callback::new(move |on: bool| slip.set(on)),
        save,
    };
    view! {
        <QuickImpact
            choices=choices
            selected=present
            amount=amount
            slip=slip
            impact=impact
            suggested_name=suggested
            actions=actions
        />
    }
}

/// The scenario list and the opened scenario.
#[component]
fn ScenariosSection(tab: TabState) -> impl IntoView {
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

/// The comparison of the chosen scenarios with the program.
#[component]
fn CompareSection(
    evaluation: Memo<Option<Evaluation>>,
    compared: RwSignal<Vec<String>>,
) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let copy_note = RwSignal::new(String::new());
    let view_model = Signal::derive(move || {
        let chosen = compared.get();
        editor.doc.with(|d| {
            editor.derived.with(|v| {
                evaluation.with(|e| match (d, e) {
                    (Some(d), Some(e)) => compare_view(d, &v.program, e, &chosen),
                    _ => CompareView::default(),
                })
            })
        })
    });
    let on_copy = Callback::new(move |text: String| copy_text(text, copy_note));
    view! { <CompareTable compare=view_model on_copy=on_copy copy_note=copy_note /> }
}

/// Copies `text` to the clipboard, saying in `note` whether it worked.
fn copy_text(text: String, note: RwSignal<String>) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator()).and_then(|n| {
        js_sys::Reflect::get(&n, &"clipboard".into())
            .ok()
            .filter(|c| !c.is_undefined())
    }) else {
        note.set("Copying is not available here: select the text and copy it.".into());
        return;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    let Some(write) = write else {
        note.set("Copying is not available here: select the text and copy it.".into());
        return;
    };
    let promise = write
        .call1(&clipboard, &text.into())
        .ok()
        .and_then(|p| wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(p).ok());
    spawn_local(async move {
        let copied = match promise {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            None => false,
        };
        note.set(if copied {
            "Copied.".into()
        } else {
            "The browser did not allow copying: select the text and copy it.".into()
        });
    });
}

fn compare_view(doc: &Document, own: &Scheduled, e: &Evaluation, chosen: &[String]) -> CompareView {
    let Ok(base) = &e.base else {
        return CompareView {
            summary: "The program cannot be scheduled, so there is nothing to compare.".into(),
            ..CompareView::default()
        };
    };
    let program = &doc.program;
    let columns: Vec<&Evaluated> = e
        .scenarios
        .iter()
        .filter(|s| chosen.contains(&s.scenario.id))
        .collect();
    let variances = own.variances.as_ref();
    let milestones = program
        .tasks
        .iter()
        .zip(&base.tasks)
        .enumerate()
        .filter(|(_, (t, _))| t.is_milestone())
        .map(|(i, (t, times))| CompareLine {
            name: t.name.clone(),
            program: CompareCell {
                date: times.finish.to_string(),
                float: format!("{}d", times.total_float),
                ..CompareCell::default()
            },
            variance: variances
                .map(|v| {
                    v.get(i)
                        .and_then(|v| v.map(|v| v.finish))
                        .map_or_else(|| "new".into(), signed)
                })
                .unwrap_or_default(),
            scenarios: columns.iter().map(|s| milestone_cell(s, &t.id)).collect(),
        })
        .collect();
    let finish = CompareLine {
        name: "Program finish".into(),
        program: CompareCell {
            date: base.finish.to_string(),
            ..CompareCell::default()
        },
        variance: own.finish_variance.map(signed).unwrap_or_default(),
        scenarios: columns.iter().map(|s| finish_cell(s)).collect(),
    };
    let critical = columns
        .iter()
        .map(|s| match &s.result {
            Ok(c) => format!("“{}”: {}", s.scenario.name, critical_sentence(program, c)),
            Err(_) => format!("“{}” cannot be scheduled.", s.scenario.name),
        })
        .collect();
    let summary = columns
        .iter()
        .map(|s| match &s.result {
            Ok(c) => c.summary(&format!("Scenario '{}'", s.scenario.name)),
            Err(why) => format!("Scenario '{}' cannot be scheduled: {why}", s.scenario.name),
        })
        .collect::<Vec<_>>()
        .join("\n");
    CompareView {
        scenarios: columns.iter().map(|s| s.scenario.name.clone()).collect(),
        baseline: baselines::active(doc).map(|b| b.name.clone()),
        milestones,
        finish,
        critical,
        summary: if summary.is_empty() {
            format!("Program finish {}.", base.finish)
        } else {
            summary
        },
    }
}

fn milestone_cell(s: &Evaluated, id: &str) -> CompareCell {
    let Ok(c) = &s.result else {
        return CompareCell {
            date: "—".into(),
            ..CompareCell::default()
        };
    };
    match c.milestones.iter().find(|m| m.id == id) {
        Some(m) => CompareCell {
            date: m.after.map_or_else(|| "removed".into(), |d| d.to_string()),
            delta: m.delta.map(signed).unwrap_or_default(),
            later: m.delta.is_some_and(|d| d > 0),
            float: m.float_after.map(|f| format!("{f}d")).unwrap_or_default(),
        },
        None => CompareCell::default(),
    }
}

fn finish_cell(s: &Evaluated) -> CompareCell {
    match &s.result {
        Ok(c) => {
            let delta = c.finish.delta.unwrap_or(0);
            CompareCell {
                date: c.finish.after.map(|d| d.to_string()).unwrap_or_default(),
                delta: signed(delta),
                later: delta > 0,
                float: String::new(),
            }
        }
        Err(_) => CompareCell {
            date: "cannot be scheduled".into(),
            ..CompareCell::default()
        },
    }
}

/// The baselines: save, make active, delete.
#[component]
fn BaselinesSection(report: Callback<Result<(), String>>) -> impl IntoView {
    let editor = expect_context::<Editor>();
    let baselines = Signal::derive(move || {
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.baselines
                        .iter()
                        .map(|b| BaselineSummary {
                            id: b.id.clone(),
                            name: b.name.clone(),
                            saved_on: b.saved_on.to_string(),
                            tasks: b.tasks.len(),
                            active: d.active_baseline.as_deref() == Some(b.id.as_str()),
                        })
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let suggested = Signal::derive(move || {
        let n = editor
            .doc
            .with(|d| d.as_ref().map_or(0, |d| d.baselines.len()))
            + 1;
        format!("Baseline {n} ({})", crate::format::today())
    });
    let actions = BaselineActions {
        save: Callback::new(move |name: String| {
            report.run(editor.change(false, |doc| {
                baselines::save(doc, &name, crate::format::today()).map(|_| ())
            }))
        }),
        set_active: Callback::new(move |id: String| {
            report.run(editor.change(false, |doc| baselines::set_active(doc, &id)))
        }),
        delete: Callback::new(move |id: String| {
            report.run(editor.change(false, |doc| baselines::delete(doc, &id)))
        }),
    };
    view! { <BaselinesPanel baselines=baselines suggested_name=suggested actions=actions /> }
}
