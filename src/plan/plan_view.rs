//! The Plan tab: the spreadsheet grid and the Gantt chart side by side over the same rows
//! (`PlanSplit`), a toolbar (zoom, columns, add and delete tasks), the banner that says a
//! scenario is shown, and why an edit was refused.
//!
//! Every change the grid or the chart asks for becomes engine edits (see
//! [`document::plan_edit`]) made through `Editor::act_in_view`: one user action, one undo step.
//!
//! Does not: build the rows (see [`document::plan_rows`]) or parse cells itself.

use components::{
    ColumnPicker, FilterChoice, GanttChart, GanttLegend, Notice, NoticeKind, PlanFilter, PlanGrid,
    PlanSplit, PrintPlan, ZoomPicker,
};
use document::Column;
use document::plan_model::{PlanLayout, PlanModel};
use engine::filter::TaskFilter;
use leptos::prelude::*;
use planfile::Document;
use std::sync::Arc;

use super::plan_actions::{act, delete_edits, gantt_actions, grid_actions, with_shown};
use crate::editor::Editor;
use crate::load::load_strip::{strip_chart, strip_labels, strip_model, strip_shown};
use crate::prefs::{self, Prefs};
use document::plan_edit;

/// Row and header heights in pixels: normal, and large text (projector).
const ROW_HEIGHT: (f64, f64) = (28.0, 40.0);
const HEADER_HEIGHT: (f64, f64) = (44.0, 60.0);

/// The columns shown at first, or as the user last chose them.
fn initial_columns() -> Vec<Column> {
    let stored: Option<Vec<Column>> = prefs::load_columns().map(|keys| {
        keys.split(',')
            .filter_map(Column::from_key)
            .collect::<Vec<_>>()
    });
    let mut columns = stored.unwrap_or_else(|| {
        Column::ALL
            .into_iter()
            .filter(|c| c.shown_by_default())
            .collect()
    });
    if !columns.contains(&Column::Name) {
        columns.insert(0, Column::Name);
    }
    columns
}

/// The plan view.
#[component]
pub fn PlanPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let prefs = use_context::<Prefs>();
    let large = move || prefs.is_some_and(|p| p.large_text.get());
    let row_height = Signal::derive(move || if large() { ROW_HEIGHT.1 } else { ROW_HEIGHT.0 });
    let header_height = Signal::derive(move || {
        if large() {
            HEADER_HEIGHT.1
        } else {
            HEADER_HEIGHT.0
        }
    });
    let zoom = editor.zoom;
    let columns = RwSignal::new(initial_columns());
    let visible = RwSignal::new((0usize, 60usize));
    // Why the last action from the chart or the toolbar was refused.
    let refusal = RwSignal::new(None::<String>);
    let today = crate::format::today();
    let filter = editor.filter;
    let find = NodeRef::<leptos::html::Input>::new();

    let (layout, model) = plan_models(editor, visible, today);
    let workstreams = workstream_choices(editor);
    // Printing lays the whole plan out as a table (the screen's grid and chart only hold the
    // rows in view): shown from the Print button (or Ctrl+P) until the browser has printed.
    let printing = RwSignal::new(false);
    // The keys and formats, shown on demand (they would take the grid's height).
    let help = RwSignal::new(false);
    shortcuts(editor, find, printing);
    let (offered, shown_columns, toggle_column) = column_choices(editor, columns);
    let selected = Signal::derive(move || editor.selected.get());
    let row_count = Signal::derive(move || layout.with(|l| l.len()) + 1);

    let grid_actions = grid_actions(editor, refusal);
    let gantt_actions = gantt_actions(editor, model, refusal);

    let chart_selected = Signal::derive(move || editor.selected.get());
    let add_task = move |_| {
        let after = editor.selected.with_untracked(|s| s.last().cloned());
        let result = with_shown(&editor, |p| plan_edit::insert_edits(p, after.as_deref()))
            .unwrap_or_else(|| Err("No program is open.".into()))
            .and_then(|(id, edits)| editor.act_in_view(edits).map(|()| id));
        match result {
            Ok(id) => {
                editor.selected.set(vec![id]);
                refusal.set(None);
            }
            Err(reason) => refusal.set(Some(reason)),
        }
    };
    let delete_selected = move |_| {
        let ids = editor.selected.get_untracked();
        let edits = delete_edits(&editor, &ids);
        refusal.set(act(&editor, Some(edits)).err());
        editor.selected.set(Vec::new());
    };
    let indent_selected = move |out: bool| {
        let ids = editor.selected.get_untracked();
        refusal.set(grid_actions.indent.run((ids, out)).err());
    };
    let critical_rule = Signal::derive(move || layout.with(|m| m.critical_rule.clone()));
    let load = strip_model(editor);
    // The panes keep a row the cursor moves to clear of the load strip at their foot.
    let strip_room = move || {
        let rows = load.with(|m| m.resources.len());
        let room = if strip_shown(editor, load) {
            components::strip_height(rows)
        } else {
            0.0
        };
        format!("{room}px")
    };
    let print_view = print_view(editor, layout, printing, shown_columns, today);

    view! {
        <section class="plan-view" aria-label="Plan" style:--load-strip-height=strip_room>
            {scenario_banner(editor, layout)}
            {unschedulable(layout)}
            <div class="plan-toolbar" role="toolbar" aria-label="Plan tools">
                <button type="button" class="button" data-action="insert-task" on:click=add_task>
                    "Add task"
                </button>
                <button
                    type="button"
                    class="button"
                    data-action="delete-tasks"
                    title="Delete the selected tasks (Delete)"
                    disabled=move || editor.selected.with(Vec::is_empty)
                    on:click=delete_selected
                >
                    "Delete"
                </button>
                <button
                    type="button"
                    class="button"
                    data-action="outdent"
                    title="Outdent: the selected tasks up a level (Alt+Shift+←)"
                    disabled=move || editor.selected.with(Vec::is_empty)
                    on:click=move |_| indent_selected(true)
                >
                    "← Outdent"
                </button>
                <button
                    type="button"
                    class="button"
                    data-action="indent"
                    title="Indent: the selected tasks under the task above, which becomes a summary (Alt+Shift+→)"
                    disabled=move || editor.selected.with(Vec::is_empty)
                    on:click=move |_| indent_selected(false)
                >
                    "Indent →"
                </button>
                <ColumnPicker columns=offered shown=shown_columns toggle=toggle_column />
                <PlanFilter choice=filter workstreams=workstreams find=find />
                <span class="plan-count" data-role="plan-count">{move || count(layout)}</span>
                <button
                    type="button"
                    class="button"
                    data-action="toggle-load-strip"
                    title="Show each resource's load under the chart, on its time axis"
                    aria-pressed=move || editor.load_strip.get().to_string()
                    on:click=move |_| editor.load_strip.update(|on| *on = !*on)
                >
                    "Load"
                </button>
                <ZoomPicker zoom=zoom />
            </div>
            {move || refused(refusal)}
            <PlanSplit
                row_count=row_count
                row_height=row_height
                header_height=header_height
                visible=visible
                left=Box::new(move || {
                    view! {
                        <PlanGrid
                            model=model
                            columns=shown_columns
                            visible=visible
                            row_height=row_height
                            header_height=header_height
                            selected=selected
                            actions=grid_actions
                            autofocus=true
                        />
                        {strip_labels(editor, load)}
                    }
                    .into_any()
                })
                right=Box::new(move || {
                    view! {
                        <GanttChart
                            model=model
                            visible=visible
                            row_height=row_height
                            header_height=header_height
                            zoom=zoom
                            selected=chart_selected
                            actions=gantt_actions
                        />
                        {strip_chart(editor, load, model, zoom)}
                    }
                    .into_any()
                })
            />
            <div class="plan-foot">
                <GanttLegend critical_rule=critical_rule />
                <button
                    type="button"
                    class="button-link"
                    data-action="plan-help"
                    aria-expanded=move || help.get().to_string()
                    on:click=move |_| help.update(|h| *h = !*h)
                >
                    "Keys and formats"
                </button>
            </div>
            {print_view}
            <Show when=move || help.get()>
                <p class="plan-help" data-role="plan-help">
                    "Type in a cell to edit it; Enter, Tab and the arrow keys move; Escape cancels. "
                    "Ctrl+End goes to the empty row (type a name, then Tab, to add a task), Ctrl+Home "
                    "to the first task; PageUp/PageDown move a screenful. Insert adds a task, Delete "
                    "removes the selected rows (a summary with its tasks). Alt+Shift+→ indents the "
                    "selected tasks under the task above (which becomes a summary), Alt+Shift+← "
                    "outdents them; Alt+Shift+− and + fold and unfold a summary. Paste rows from a spreadsheet (Name, Duration, "
                    "Predecessors, Workstream, Start — or with a heading row). Durations: 5, 5d, 3w. "
                    "Predecessors: 12, 14SS+2d, 20FF-1d. Estimates: 5/8/15. Ctrl+F finds, Ctrl+P prints."
                </p>
            </Show>
        </section>
    }
}

/// The plan's layout, once per revision (and fold or filter), and the model of the rows
/// `visible` (and a margin) built over it.
fn plan_models(
    editor: Editor,
    visible: RwSignal<(usize, usize)>,
    today: chrono::NaiveDate,
) -> (Memo<Arc<PlanLayout>>, Memo<PlanModel>) {
    let collapsed = editor.collapsed;
    let filter = editor.filter;
    // Rebuilt only when the document, the derived view, the folds or the filter change, and
    // then different: comparing two layouts of 10,000 rows (to spare subscribers an equal
    // one) cost more than it spared.
    let layout = Memo::new_with_compare(
        move |_| {
            let shut = collapsed.get();
            let keep = filter.with(task_filter);
            let span = crate::perf::start("planwork:plan-rows");
            let layout = with_derived(editor, |d, derived| {
                document::plan_rows::plan_layout(d, derived, &shut, Some(today), &keep)
            });
            span.end();
            Arc::new(layout.unwrap_or_default())
        },
        |_, _| true,
    );
    // The rows in view and a margin, built in full: rebuilt when the layout changes or the
    // view scrolls out of the window (moved in steps, so a few rows' scroll builds nothing).
    let window = Memo::new(move |_| window_around(visible.get()));
    let model = Memo::new_with_compare(
        move |_| {
            let range = window.get();
            layout.with(|layout| {
                with_derived_untracked(editor, |d, derived| {
                    document::plan_rows::plan_window(d, derived, layout, range)
                })
                .unwrap_or_default()
            })
        },
        |_, _| true,
    );
    (layout, model)
}

/// The workstreams as (id, name), for the filter.
fn workstream_choices(editor: Editor) -> Memo<Vec<(String, String)>> {
    Memo::new(move |_| {
        editor.doc.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.program
                        .workstreams
                        .iter()
                        .map(|w| (w.id.clone(), w.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    })
}

/// The plan's keys on the page: Ctrl+F finds, Ctrl+P prints; and printing from the
/// program's head or the browser's menu.
fn shortcuts(editor: Editor, find: NodeRef<leptos::html::Input>, printing: RwSignal<bool>) {
    // Ctrl+F finds in the plan: the browser's own find cannot see the rows out of view.
    let find_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key())
            && ev.key().eq_ignore_ascii_case("f")
            && let Some(input) = find.get_untracked()
        {
            ev.prevent_default();
            let _ = input.focus();
            input.select();
        }
    });
    let print = move || {
        printing.set(true);
        // After the table is in the DOM and laid out.
        request_animation_frame(move || {
            set_timeout(crate::file_io::print_page, std::time::Duration::ZERO)
        });
    };
    // "Print plan…" in the program's head (from any tab: it switched to this one).
    Effect::new(move |_| {
        if editor.print_pending.get() {
            editor.print_pending.set(false);
            print();
        }
    });
    let print_key = window_event_listener(leptos::ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("p") {
            ev.prevent_default();
            print();
        }
    });
    // Printed from the browser's menu: draw the table too (if it is drawn in time; else the
    // grid and chart print as they are).
    let before_print = window_event_listener_untyped("beforeprint", move |_| printing.set(true));
    let after_print = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        find_key.remove();
        print_key.remove();
        before_print.remove();
        after_print.remove();
    });
}

/// Why the last action from the chart or the toolbar was refused, with a way to dismiss it.
fn refused(refusal: RwSignal<Option<String>>) -> Option<impl IntoView> {
    refusal.get().map(|reason| {
        view! {
            <div class="plan-refusal" role="alert" data-role="plan-refusal">
                <span>{reason}</span>
                <button type="button" class="button-link" on:click=move |_| refusal.set(None)>
                    "Dismiss"
                </button>
            </div>
        }
    })
}

/// How many tasks, and how many a filter shows.
fn count(layout: Memo<Arc<PlanLayout>>) -> String {
    layout.with(|m| match m.filtered {
        Some(kept) => format!(
            "{kept} of {} shown",
            engine::words::count(m.total_tasks, "task", "tasks")
        ),
        None => engine::words::count(m.total_tasks, "task", "tasks"),
    })
}

/// Rows built beyond the view on each side, and the step the window moves by.
const WINDOW_MARGIN: usize = 48;
const WINDOW_STEP: usize = 32;

/// The rows to build for rows `visible` in view: those and a margin, the ends rounded out
/// to whole steps.
fn window_around((first, last): (usize, usize)) -> std::ops::Range<usize> {
    let start = first.saturating_sub(WINDOW_MARGIN) / WINDOW_STEP * WINDOW_STEP;
    let end = (last + WINDOW_MARGIN).div_ceil(WINDOW_STEP) * WINDOW_STEP;
    start..end
}

/// `f` over the open document and its derived view (tracked), if a program is open.
fn with_derived<T>(
    editor: Editor,
    f: impl FnOnce(&Document, &document::derived::Derived) -> T,
) -> Option<T> {
    editor.doc.with(|d| {
        let d = d.as_ref()?;
        Some(editor.derived.with(|derived| f(d, derived)))
    })
}

/// [`with_derived`], untracked: for what follows the layout, which tracks them.
fn with_derived_untracked<T>(
    editor: Editor,
    f: impl FnOnce(&Document, &document::derived::Derived) -> T,
) -> Option<T> {
    editor.doc.with_untracked(|d| {
        let d = d.as_ref()?;
        Some(editor.derived.with_untracked(|derived| f(d, derived)))
    })
}

/// The engine's filter for what the user chose.
fn task_filter(choice: &FilterChoice) -> TaskFilter {
    TaskFilter {
        text: choice.text.clone(),
        critical: choice.critical,
        late: choice.late,
        milestones: choice.milestones,
        workstream: (!choice.workstream.is_empty()).then(|| choice.workstream.clone()),
    }
}

/// The columns the picker offers (the variance ones only with an active baseline), those
/// shown, and showing or hiding one (remembered in the preferences).
fn column_choices(
    editor: Editor,
    columns: RwSignal<Vec<Column>>,
) -> (Signal<Vec<Column>>, Signal<Vec<Column>>, Callback<Column>) {
    let has_baseline = Memo::new(move |_| {
        editor
            .doc
            .with(|d| d.as_ref().is_some_and(|d| d.active_baseline.is_some()))
    });
    let offered = Signal::derive(move || {
        let baseline = has_baseline.get();
        Column::ALL
            .into_iter()
            .filter(|c| baseline || !c.needs_baseline())
            .collect::<Vec<_>>()
    });
    let shown_columns = Signal::derive(move || {
        let baseline = has_baseline.get();
        columns
            .get()
            .into_iter()
            .filter(|c| baseline || !c.needs_baseline())
            .collect::<Vec<_>>()
    });
    let toggle_column = Callback::new(move |column: Column| {
        columns.update(|shown| {
            if let Some(at) = shown.iter().position(|&c| c == column) {
                shown.remove(at);
            } else {
                // Back in its place among the others.
                shown.push(column);
                shown.sort_by_key(|c| Column::ALL.iter().position(|a| a == c));
            }
        });
        let keys: Vec<&str> = columns.with_untracked(|c| c.iter().map(|c| c.key()).collect());
        prefs::store_columns(&keys.join(","));
    });
    (offered, shown_columns, toggle_column)
}

/// The banner that says a scenario is shown, with the way back to the program.
fn scenario_banner(editor: Editor, layout: Memo<Arc<PlanLayout>>) -> impl IntoView {
    move || {
        let name = layout.with(|l| l.scenario.clone())?;
        Some(view! {
            <div class="scenario-banner" role="status" data-role="scenario-banner">
                <span>
                    <strong>"Scenario: " {name}</strong>
                    " — edits here change the scenario, not the program"
                </span>
                <button
                    type="button"
                    class="button"
                    data-action="back-to-program"
                    on:click=move |_| editor.scenario.set(None)
                >
                    "Back to the program"
                </button>
            </div>
        })
    }
}

/// Why the plan cannot be scheduled, if it cannot.
fn unschedulable(layout: Memo<Arc<PlanLayout>>) -> impl IntoView {
    move || {
        layout.with(|l| l.problem.clone()).map(|problem| {
            view! {
                <Notice kind=NoticeKind::Warning title="The plan cannot be scheduled" message=problem />
            }
        })
    }
}

/// The plan laid out for paper while the browser prints: the program's name, the date, the
/// scenario shown and the critical-path rule on top.
fn print_view(
    editor: Editor,
    layout: Memo<Arc<PlanLayout>>,
    printing: RwSignal<bool>,
    shown_columns: Signal<Vec<Column>>,
    today: chrono::NaiveDate,
) -> impl Fn() -> Option<AnyView> + Copy {
    let print_title = Signal::derive(move || editor.program_name().unwrap_or_default());
    let print_subtitle = Signal::derive(move || {
        let mut line = format!("Plan as of {today}");
        layout.with(|l| {
            if let Some(name) = &l.scenario {
                line.push_str(&format!(" · Scenario: {name}"));
            }
            line.push_str(&format!(" · {}", l.critical_rule));
        });
        line
    });
    // Every row, built only while printing.
    let model = Memo::new_with_compare(
        move |_| {
            if !printing.get() {
                return PlanModel::default();
            }
            layout.with(|layout| {
                with_derived_untracked(editor, |d, derived| {
                    document::plan_rows::plan_window(d, derived, layout, 0..layout.len())
                })
                .unwrap_or_default()
            })
        },
        |_, _| true,
    );
    move || {
        printing.get().then(|| {
            view! {
                <PrintPlan
                    model=model
                    columns=shown_columns
                    title=print_title
                    subtitle=print_subtitle
                />
            }
            .into_any()
        })
    }
}
