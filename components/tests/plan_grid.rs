//! In-browser tests of the plan grid: cells edited from the keyboard, a refused cell keeping
//! its text with the reason beside it, the empty row that adds a task, and only the rows in
//! view in the DOM.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p components`.

use components::{GridActions, PlanGrid, visible_rows};
use document::Column;
use document::plan_model::{GroupRow, PlanModel, PlanRow, TaskRow};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::container;

fn find(root: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

fn key(target: &web_sys::HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn key_with(target: &web_sys::HtmlElement, key: &str, ctrl: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn key_ctrl(target: &web_sys::HtmlElement, key: &str) {
    key_with(target, key, true);
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&ev).unwrap();
}

/// Working days of a duration as the fake commit reads it: "5d" (or "3w", in weeks).
fn days(text: &str) -> i64 {
    let weeks = text.ends_with('w');
    let n: i64 = text.trim_end_matches(['d', 'w']).parse().unwrap_or(0);
    if weeks { n * 5 } else { n }
}

fn task(id: &str, name: &str, duration: &str) -> PlanRow {
    PlanRow::Task(TaskRow {
        id: id.into(),
        name: name.into(),
        workstream: "w".into(),
        workstream_name: "Team".into(),
        duration: days(duration),
        ..TaskRow::default()
    })
}

fn model(tasks: usize) -> PlanModel {
    let mut rows = vec![PlanRow::Group(GroupRow {
        workstream: "w".into(),
        name: "Team".into(),
        collapsed: false,
        tasks,
        shown: tasks,
        start: String::new(),
        finish: String::new(),
        bar: None,
        color: "#2f6fde".into(),
    })];
    rows.extend((0..tasks).map(|i| task(&format!("t{i}"), &format!("Task {i}"), "5d")));
    PlanModel::of_rows(rows)
}

/// Mounts a grid on `model` showing rows `visible`; the log records each commit, and a
/// commit of "abc" is refused.
fn mount(
    model: PlanModel,
    visible: (usize, usize),
) -> (web_sys::HtmlElement, RwSignal<Vec<String>>, impl Drop) {
    let (root, log, _model, handle) = mount_live(model, visible);
    (root, log, handle)
}

/// Like [`mount`], with the model as a signal that commits change: a name typed in the empty
/// row adds a task `n<count>` (as the app does), a duration sets the task's duration.
fn mount_live(
    model: PlanModel,
    visible: (usize, usize),
) -> (
    web_sys::HtmlElement,
    RwSignal<Vec<String>>,
    RwSignal<PlanModel>,
    impl Drop,
) {
    let root = container();
    let log = RwSignal::new(Vec::<String>::new());
    let model = RwSignal::new(model);
    let actions = GridActions {
        commit: Callback::new(
            move |(task, column, text): (Option<String>, Column, String)| {
                if text == "abc" {
                    return Err("'abc': not a duration".to_owned());
                }
                log.update(|l| l.push(format!("{task:?} {} {text}", column.key())));
                match task {
                    None => {
                        let id = format!("n{}", model.with_untracked(|m| m.len()));
                        model.update(|m| {
                            let mut rows = m.rows().to_vec();
                            rows.push(self::task(&id, &text, "1d"));
                            *m = PlanModel::of_rows(rows);
                        });
                        Ok(Some(id))
                    }
                    Some(id) => {
                        model.update(|m| {
                            let mut rows = m.rows().to_vec();
                            for row in &mut rows {
                                if let PlanRow::Task(t) = row
                                    && t.id == id
                                    && column == Column::Duration
                                {
                                    t.duration = days(&text);
                                }
                            }
                            *m = PlanModel::of_rows(rows);
                        });
                        Ok(None)
                    }
                }
            },
        ),
        select: Callback::new(move |ids: Vec<String>| {
            log.update(|l| l.push(format!("select {}", ids.join(","))))
        }),
        insert: Callback::new(|_| Err("no".to_owned())),
        delete: Callback::new(|_| Ok(())),
        indent: Callback::new(|_| Ok(())),
        paste: Callback::new(|_| Ok(())),
        toggle_group: Callback::new(|_| ()),
    };
    let handle = mount_to(root.clone(), move || {
        view! {
            <PlanGrid
                model=model
                columns=Signal::stored(vec![Column::Id, Column::Name, Column::Duration, Column::TotalFloat])
                visible=Signal::stored(visible)
                row_height=Signal::stored(28.0)
                header_height=Signal::stored(40.0)
                selected=Signal::stored(Vec::new())
                actions=actions
            />
        }
    });
    (root, log, model, handle)
}

fn input(root: &web_sys::HtmlElement) -> Option<web_sys::HtmlInputElement> {
    find(root, "[data-role=cell-input]").map(|e| e.unchecked_into())
}

#[wasm_bindgen_test]
async fn a_cell_is_edited_from_the_keyboard_and_a_refused_one_says_why() {
    let (root, log, handle) = mount(model(2), (0, 3));
    tick().await;
    find(&root, "[data-row='t:t0'][data-col=duration]")
        .unwrap()
        .click();
    tick().await;
    let grid = find(&root, ".plan-grid").unwrap();
    key(&grid, "Enter");
    tick().await;
    let editor = input(&root).expect("Enter opens the cell");
    assert_eq!(editor.value(), "5d");

    type_into(&editor, "abc");
    key(&editor, "Enter");
    tick().await;
    let error = find(&root, "[data-role=cell-error]").expect("the reason is shown");
    assert_eq!(error.text_content().unwrap(), "'abc': not a duration");
    assert_eq!(input(&root).unwrap().value(), "abc", "the text typed stays");
    assert!(!log.get_untracked().iter().any(|l| l.contains("abc")));

    key(&input(&root).unwrap(), "Escape");
    tick().await;
    assert!(input(&root).is_none(), "Escape cancels");
    assert!(find(&root, "[data-role=cell-error]").is_none());

    // Typing a character starts editing with it; Enter commits and moves down.
    key(&grid, "3");
    tick().await;
    let editor = input(&root).expect("typing opens the cell");
    assert_eq!(editor.value(), "3");
    type_into(&editor, "3w");
    key(&editor, "Enter");
    tick().await;
    assert!(input(&root).is_none());
    assert!(
        log.get_untracked()
            .contains(&"Some(\"t0\") duration 3w".to_owned())
    );
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_name_typed_in_the_empty_row_adds_a_task() {
    let (root, log, handle) = mount(PlanModel::default(), (0, 0));
    tick().await;
    let cell = find(&root, ".new-row [data-col=name]").expect("an empty program has the empty row");
    assert!(cell.text_content().unwrap().contains("Type a task name"));
    cell.click();
    tick().await;
    key(&find(&root, ".plan-grid").unwrap(), "D");
    tick().await;
    let editor = input(&root).unwrap();
    type_into(&editor, "Design");
    key(&editor, "Enter");
    tick().await;
    assert_eq!(log.get_untracked().last().unwrap(), "None name Design");
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn tab_after_a_new_name_goes_on_in_the_new_tasks_row() {
    let (root, log, model, handle) = mount_live(model(1), (0, 10));
    tick().await;
    find(&root, ".new-row [data-col=name]").unwrap().click();
    tick().await;
    let grid = find(&root, ".plan-grid").unwrap();
    key(&grid, "P");
    tick().await;
    let editor = input(&root).unwrap();
    type_into(&editor, "Payments API");
    key_with(&editor, "Tab", false);
    tick().await;
    // The new task's duration cell is active: typing goes there, not into the empty row.
    key(&grid, "5");
    tick().await;
    let editor = input(&root).expect("typing opens the new task's next cell");
    type_into(&editor, "5d");
    key(&editor, "Enter");
    tick().await;
    let log = log.get_untracked();
    assert!(
        log.contains(&"None name Payments API".to_owned()),
        "{log:?}"
    );
    assert!(
        log.contains(&"Some(\"n2\") duration 5d".to_owned()),
        "{log:?}"
    );
    let duration = model.with_untracked(|m| match m.rows().last() {
        Some(PlanRow::Task(t)) => t.duration,
        _ => 0,
    });
    assert_eq!(duration, 5);
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn typing_into_a_computed_cell_says_it_is_computed() {
    let (root, log, handle) = mount(model(2), (0, 3));
    tick().await;
    find(&root, "[data-row='t:t0'][data-col=float]")
        .unwrap()
        .click();
    tick().await;
    key(&find(&root, ".plan-grid").unwrap(), "3");
    tick().await;
    assert!(input(&root).is_none(), "no editor opens");
    let error = find(&root, "[data-role=cell-error]").expect("the reason is shown");
    assert!(error.text_content().unwrap().contains("Float is computed"));
    assert!(!log.get_untracked().iter().any(|l| l.contains("float")));
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_cursor_starts_on_the_first_task_and_ctrl_end_goes_to_the_empty_row() {
    let (root, _log, handle) = mount(model(3), (0, 10));
    tick().await;
    let grid = find(&root, ".plan-grid").unwrap();
    grid.focus().unwrap();
    tick().await;
    key(&grid, "X");
    tick().await;
    // The first row is the workstream's: the cursor skipped it.
    let editor = input(&root).expect("the first task's name is active");
    assert_eq!(editor.value(), "X");
    key(&editor, "Escape");
    tick().await;
    key_ctrl(&grid, "End");
    tick().await;
    key(&grid, "N");
    tick().await;
    assert!(
        input(&root).is_some(),
        "Ctrl+End: the empty row's name cell"
    );
    key(&input(&root).unwrap(), "Escape");
    tick().await;
    key_ctrl(&grid, "Home");
    tick().await;
    key(&grid, "Enter");
    tick().await;
    assert!(
        input(&root).is_none(),
        "Ctrl+Home: the first task's ID, which is not typed in"
    );
    assert!(
        find(&root, "[data-role=cell-error]")
            .unwrap()
            .text_content()
            .unwrap()
            .contains("ID")
    );
    key(&grid, "ArrowRight");
    tick().await;
    key(&grid, "Enter");
    tick().await;
    assert_eq!(input(&root).unwrap().value(), "Task 0");
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn type_to_replace_shows_the_text_it_replaces() {
    let (root, _log, handle) = mount(model(2), (0, 3));
    tick().await;
    find(&root, "[data-row='t:t1'][data-col=duration]")
        .unwrap()
        .click();
    tick().await;
    key(&find(&root, ".plan-grid").unwrap(), "8");
    tick().await;
    let cue = find(&root, "[data-role=replace-cue]").expect("a cue");
    assert!(cue.text_content().unwrap().contains("5d"), "the old text");
    key(&input(&root).unwrap(), "Escape");
    tick().await;
    assert!(find(&root, "[data-role=replace-cue]").is_none());
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_id_and_name_columns_are_frozen() {
    let (root, _log, handle) = mount(model(2), (0, 3));
    tick().await;
    let id = find(&root, "[data-row='t:t0'][data-col=id]").unwrap();
    let name = find(&root, "[data-row='t:t0'][data-col=name]").unwrap();
    let duration = find(&root, "[data-row='t:t0'][data-col=duration]").unwrap();
    assert!(id.class_list().contains("frozen"));
    assert!(name.class_list().contains("frozen"));
    assert!(!duration.class_list().contains("frozen"));
    assert_eq!(name.style().get_property_value("left").unwrap(), "4.5em");
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn only_the_rows_in_view_are_in_the_dom() {
    let (root, _log, handle) = mount(model(10_000), (100, 140));
    tick().await;
    let rows = root.query_selector_all(".grid-row").unwrap().length();
    assert_eq!(rows, 40);
    assert!(find(&root, "[data-row='t:t99'][data-col=name]").is_some());
    assert!(find(&root, "[data-row='t:t140'][data-col=name]").is_none());
    assert!(
        find(&root, ".new-row").is_none(),
        "the empty row is far below"
    );
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
fn visible_rows_cover_the_view_and_a_margin() {
    // 600 px high, 28 px rows, 40 px header, scrolled to row 100.
    let (first, last) = visible_rows(2800.0, 600.0, 28.0, 40.0, 10_000);
    assert!((80..=100).contains(&first), "{first}");
    assert!((120..=150).contains(&last), "{last}");
    assert_eq!(visible_rows(0.0, 600.0, 28.0, 40.0, 5), (0, 5));
    assert_eq!(visible_rows(0.0, 600.0, 28.0, 40.0, 0), (0, 0));
}
