//! The Scenarios tab's comparison of the chosen scenarios with the program, its email text
//! and Copy.

use components::{CompareCell, CompareLine, CompareTable, CompareView};
use leptos::prelude::*;
use planfile::Document;

use document::baselines;
use document::derived::Scheduled;
use document::scenarios::{Evaluated, Evaluation};

use super::scenarios_view::*;
use crate::editor::Editor;

/// The comparison of the chosen scenarios with the program.
#[component]
pub(super) fn CompareSection(
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
    let on_copy = Callback::new(move |text: String| crate::clipboard::copy_text(text, copy_note));
    view! { <CompareTable compare=view_model on_copy=on_copy copy_note=copy_note /> }
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
