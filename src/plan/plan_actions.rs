//! What the plan view's grid and chart ask for, made into edits: a cell typed, a row
//! inserted or deleted, rows pasted, a bar moved or stretched, a link drawn — each one
//! undoable action through `Editor::act_in_view`, or refused with the reason.
//!
//! Does not: parse cells (`document::plan_edit`) or render anything.

use chrono::{Duration, NaiveDate};
use components::{GanttActions, GridActions};
use document::Column;
use document::plan_model::PlanModel;
use document::{outline, plan_edit};
use engine::edit::Edit;
use engine::{Constraint, ConstraintKind, Program};
use leptos::prelude::*;

use crate::editor::Editor;

/// The grid's requests: a cell committed, a row inserted or deleted, rows pasted, the
/// selection, a workstream folded.
pub(super) fn grid_actions(editor: Editor, refusal: RwSignal<Option<String>>) -> GridActions {
    let collapsed = editor.collapsed;
    GridActions {
        commit: Callback::new(
            move |(task, column, text): (Option<String>, Column, String)| {
                mark_commit();
                let last = editor.selected.with_untracked(|s| s.last().cloned());
                let hint = workstream_of(&editor, last.as_deref());
                let edits = with_shown(&editor, |p| {
                    plan_edit::cell_edits(p, task.as_deref(), column, &text, hint.as_deref())
                })
                .unwrap_or(Ok(None))?;
                let changed = edits.as_ref().is_some_and(|e| !e.is_empty());
                let created = match (&task, &edits) {
                    (None, Some(edits)) => plan_edit::inserted_id(edits),
                    _ => None,
                };
                act(&editor, edits)?;
                if changed {
                    refusal.set(None);
                    measure_repaint();
                }
                Ok(created)
            },
        ),
        select: Callback::new(move |ids: Vec<String>| editor.selected.set(ids)),
        insert: Callback::new(move |after: Option<String>| {
            let (id, edits) = with_shown(&editor, |p| plan_edit::insert_edits(p, after.as_deref()))
                .unwrap_or_else(|| Err("No program is open.".into()))?;
            editor.act_in_view(edits)?;
            Ok(id)
        }),
        delete: Callback::new(move |ids: Vec<String>| {
            act(&editor, Some(delete_edits(&editor, &ids)))?;
            editor.selected.set(Vec::new());
            Ok(())
        }),
        indent: Callback::new(move |(ids, out): (Vec<String>, bool)| {
            let edits = with_spans(&editor, |program, span| {
                if out {
                    outline::outdent(program, &ids, span)
                } else {
                    outline::indent(program, &ids)
                }
            })
            .unwrap_or_else(|| Err("No program is open.".into()))?;
            editor.act_in_view(edits)
        }),
        paste: Callback::new(move |(at, text): (Option<String>, String)| {
            let hint = workstream_of(&editor, at.as_deref());
            let edits = with_shown(&editor, |p| {
                plan_edit::paste_edits(p, &text, hint.as_deref())
            })
            .unwrap_or_else(|| Err("No program is open.".into()))?;
            let added = edits
                .iter()
                .filter(|e| matches!(e, Edit::InsertTask { .. }))
                .count();
            editor
                .act_in_view(edits)
                .map_err(|reason| format!("Nothing was pasted: {reason}"))?;
            editor.confirm(format!(
                "{} added from the paste (Ctrl+Z takes them back).",
                engine::words::count(added, "task", "tasks")
            ));
            Ok(())
        }),
        toggle_group: Callback::new(move |ws: String| {
            // A workstream's id, or a summary's row key (`t:…`).
            collapsed.update(|c| {
                if !c.remove(&ws) {
                    c.insert(ws);
                }
            })
        }),
    }
}

/// The chart's requests: a bar moved (a start-no-earlier-than), its end dragged (a
/// duration in working days of the task's calendar), a link drawn (FS), a bar selected.
pub(super) fn gantt_actions(
    editor: Editor,
    model: Memo<PlanModel>,
    refusal: RwSignal<Option<String>>,
) -> GanttActions {
    let origin = move || model.with_untracked(|m| m.origin.parse::<NaiveDate>().ok());
    let refuse = move |result: Result<(), String>| {
        refusal.set(result.err());
    };
    GanttActions {
        select: Callback::new(move |id: String| editor.selected.set(vec![id])),
        move_to: Callback::new(move |(id, day): (String, i64)| {
            let Some(date) = origin().map(|o| o + Duration::days(day)) else {
                return;
            };
            refuse(replace_task(&editor, &id, |task, _| {
                task.constraint = Some(Constraint {
                    kind: ConstraintKind::SNET,
                    date: Some(date),
                });
                Ok(())
            }));
        }),
        resize: Callback::new(move |(id, end): (String, i64)| {
            let Some(last) = origin().map(|o| o + Duration::days(end - 1)) else {
                return;
            };
            refuse(replace_task(&editor, &id, |task, program| {
                // The bar's first day stays; its last is where the end was dropped, counted in
                // working days of the task's calendar.
                let days = editor.with_checked(program, |checked, plan| {
                    let index = checked
                        .task_index(&task.id)
                        .ok_or_else(|| format!("There is no task '{}'.", task.id))?;
                    let first = plan
                        .tasks
                        .get(index)
                        .map(|t| t.start)
                        .ok_or_else(|| format!("Task '{}' is not scheduled.", task.id))?;
                    Ok::<_, String>(checked.working_days_between(index, first, last))
                })??;
                task.duration = days.max(1);
                task.milestone = false;
                Ok(())
            }));
        }),
        link: Callback::new(move |(from, to): (String, String)| {
            let result = editor.act_in_view(vec![Edit::AddDependency {
                dependency: engine::Dependency {
                    from: from.clone(),
                    to: to.clone(),
                    kind: engine::LinkType::FS,
                    lag: 0,
                },
            }]);
            refuse(
                result.map_err(|reason| format!("The link {from} → {to} was refused: {reason}")),
            );
        }),
    }
}

/// Runs `f` on the program the plan view shows (the program, or the scenario's version of
/// it), from the editor's derived view: nothing is copied or re-derived.
pub(super) fn with_shown<T>(editor: &Editor, f: impl FnOnce(&Program) -> T) -> Option<T> {
    editor.doc.with_untracked(|d| {
        let d = d.as_ref()?;
        Some(editor.derived.with_untracked(|v| f(v.shown_program(d))))
    })
}

/// Runs `f` on the program the plan view shows and each summary's span (the working days
/// its tasks span in the schedule shown, if it is scheduled).
pub(super) fn with_spans<T>(
    editor: &Editor,
    f: impl FnOnce(&Program, &dyn Fn(&str) -> Option<i64>) -> T,
) -> Option<T> {
    editor.doc.with_untracked(|d| {
        let d = d.as_ref()?;
        Some(editor.derived.with_untracked(|v| {
            let program = v.shown_program(d);
            let schedule = v.shown().ok();
            let span = |id: &str| {
                let index = program.tasks.iter().position(|t| t.id == id)?;
                let times = schedule?.tasks.get(index)?;
                Some(times.ef - times.es)
            };
            f(program, &span)
        }))
    })
}

/// The edits that delete tasks `ids` (and the tasks under them) from the program shown.
pub(super) fn delete_edits(editor: &Editor, ids: &[String]) -> Vec<Edit> {
    with_spans(editor, |program, span| {
        plan_edit::delete_edits(program, ids, span)
    })
    .unwrap_or_default()
}

/// Makes `edits` as one action (nothing to do is fine).
pub(super) fn act(editor: &Editor, edits: Option<Vec<Edit>>) -> Result<(), String> {
    match edits {
        Some(edits) if !edits.is_empty() => editor.act_in_view(edits),
        _ => Ok(()),
    }
}

/// Marks the start of a cell's commit (`planwork:edit-repaint:start`).
fn mark_commit() {
    crate::perf::mark("planwork:edit-repaint:start");
}

/// Measures from the commit's mark to the frame after the DOM shows the edit
/// (`planwork:edit-repaint`, read by `bench/web/app-plan.mjs`).
fn measure_repaint() {
    crate::perf::measure_after_frame("planwork:edit-repaint");
}

/// The workstream of task `task` (the row with the grid's attention), for new tasks.
fn workstream_of(editor: &Editor, task: Option<&str>) -> Option<String> {
    let task = task?;
    with_shown(editor, |p| {
        p.tasks
            .iter()
            .find(|t| t.id == task)
            .map(|t| t.workstream.clone())
    })
    .flatten()
}

/// Changes task `id` of the shown program with `change` (which may refuse), as one action.
fn replace_task(
    editor: &Editor,
    id: &str,
    change: impl FnOnce(&mut engine::Task, &Program) -> Result<(), String>,
) -> Result<(), String> {
    let edit = with_shown(editor, |program| {
        let index = program
            .tasks
            .iter()
            .position(|t| t.id == id)
            .ok_or_else(|| format!("There is no task '{id}'."))?;
        let before = program
            .tasks
            .get(index)
            .ok_or_else(|| format!("There is no task '{id}'."))?;
        let mut task = before.clone();
        change(&mut task, program)?;
        // A drag that leaves the task as it was (dropped where its constraint already puts
        // it) is no step of Undo: Ctrl+Z must take back the last real change (found by the
        // soak, seed 1208).
        Ok::<_, String>((task != *before).then_some(Edit::ReplaceTask { index, task }))
    })
    .unwrap_or_else(|| Err("No program is open.".into()))?;
    match edit {
        Some(edit) => editor.act_in_view(vec![edit]),
        None => Ok(()),
    }
}
