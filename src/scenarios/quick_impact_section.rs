//! Quick impact on the Scenarios tab: "if we slip X, what happens to Y?" answered as it is
//! typed, from the grid's selection, and saved as a scenario.

use components::{
    AbsorbedRow, DateShift, ImpactSummary, MissedRow, NoticeKind, QuickImpact, QuickImpactActions,
};
use engine::Program;
use engine::compare::{Comparison, MissedDeadline, quick_impact};
use engine::scenario::Adjustment;
use engine::words::count;
use leptos::prelude::*;

use document::scenarios::{self};

use super::scenarios_view::*;
use crate::editor::{Editor, describe};
use crate::forecast::forecast_data::task_choices;

/// Tasks listed as absorbing a slip, at most.
const ABSORBED_SHOWN: usize = 8;
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

/// Quick impact over the program, starting from the grid's selection.
#[component]
pub(super) fn QuickImpactSection(tab: TabState) -> impl IntoView {
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
