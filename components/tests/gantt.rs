//! In-browser tests of the Gantt chart, the zoom picker and the dependency map: each is
//! mounted alone with a small model and checked through its DOM; drags are sent as pointer
//! events and must report the right task and chart day.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p components`.

use components::{
    DependencyMap, GanttActions, GanttChart, MapFlow, MapLink, MapModel, MapTeam, Zoom, ZoomPicker,
};
use document::plan_model::{Bar, GroupRow, PlanLink, PlanModel, PlanRow, TaskRow};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{container, count};

const ROW: f64 = 30.0;
const PPD: f64 = 28.0; // Zoom::Days

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn task(id: &str, bar: Bar, critical: bool) -> PlanRow {
    PlanRow::Task(TaskRow {
        id: id.into(),
        name: format!("Task {id}"),
        workstream: "w".into(),
        milestone: bar.start == bar.end,
        critical,
        bar: Some(bar),
        ..TaskRow::default()
    })
}

/// A team (row 0) with A (days 0–5, critical), B (5–8, float to 10, deadline day 6 missed,
/// a baseline, a ghost, half done) and milestone M (day 8); A→B (critical) and B→M.
fn model() -> PlanModel {
    PlanModel::of_rows(vec![
        PlanRow::Group(GroupRow {
            workstream: "w".into(),
            name: "Team".into(),
            collapsed: false,
            tasks: 3,
            shown: 3,
            start: String::new(),
            finish: String::new(),
            bar: Some((0, 8)),
            color: "#2f6fde".into(),
        }),
        task(
            "A",
            Bar {
                start: 0,
                end: 5,
                late_end: 5,
                ..Bar::default()
            },
            true,
        ),
        task(
            "B",
            Bar {
                start: 5,
                end: 8,
                late_end: 10,
                deadline: Some(6),
                deadline_missed: true,
                baseline: Some((4, 7)),
                ghost: Some((3, 6)),
                percent: 50,
                ..Bar::default()
            },
            false,
        ),
        task(
            "M",
            Bar {
                milestone: true,
                start: 8,
                end: 8,
                late_end: 8,
                ..Bar::default()
            },
            false,
        ),
    ])
    .with_layout(|l| {
        l.links = vec![
            PlanLink {
                from_row: 1,
                to_row: 2,
                kind: "FS",
                critical: true,
            },
            PlanLink {
                from_row: 2,
                to_row: 3,
                kind: "FS",
                critical: false,
            },
        ];
        l.origin = "2027-01-04".into();
        l.days = 30;
        l.today = Some(3);
        l.days_off = vec![(5, 2), (12, 2)];
        l.holidays = vec![9];
        l.critical_rule = "Critical: total float ≤ 0d".into();
        l.total_tasks = 3;
    })
}

fn actions(log: RwSignal<Vec<String>>) -> GanttActions {
    let note = move |what: String| log.update(|l| l.push(what));
    GanttActions {
        select: Callback::new(move |id: String| note(format!("select {id}"))),
        move_to: Callback::new(move |(id, day): (String, i64)| note(format!("move {id} {day}"))),
        resize: Callback::new(move |(id, day): (String, i64)| note(format!("resize {id} {day}"))),
        link: Callback::new(move |(a, b): (String, String)| note(format!("link {a} {b}"))),
    }
}

/// Mounts a chart of `model()` with rows `visible`; returns the root and the action log.
fn chart(visible: (usize, usize)) -> (web_sys::HtmlElement, RwSignal<Vec<String>>, impl Sized) {
    let root = container();
    let log = RwSignal::new(Vec::new());
    let handle = mount_to(root.clone(), move || {
        view! {
            <GanttChart
                model=model()
                visible=visible
                row_height=ROW
                header_height=40.0
                zoom=Zoom::Days
                selected=Signal::derive(|| vec!["A".to_owned(), "B".to_owned()])
                actions=actions(log)
            />
        }
    });
    (root, log, handle)
}

/// Sends pointer event `kind` to `target` at (`x`, `y`) in the chart body's pixels.
fn pointer(root: &web_sys::HtmlElement, target: &web_sys::Element, kind: &str, x: f64, y: f64) {
    let rect = find(root, ".gantt-body").get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_pointer_id(1);
    init.set_button(0);
    init.set_client_x((rect.left() + x).round() as i32);
    init.set_client_y((rect.top() + y).round() as i32);
    let ev = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// A drag from `(x, y)` on `grab` to `(x + dx, y + dy)`, released over the chart.
async fn drag(root: &web_sys::HtmlElement, grab: &str, (x, y): (f64, f64), (dx, dy): (f64, f64)) {
    let target = find(root, grab);
    let body = find(root, ".gantt-body");
    pointer(root, &target, "pointerdown", x, y);
    tick().await;
    pointer(root, &body, "pointermove", x + dx / 2.0, y + dy / 2.0);
    pointer(root, &body, "pointermove", x + dx, y + dy);
    tick().await;
    pointer(root, &body, "pointerup", x + dx, y + dy);
    tick().await;
}

fn mid(row: usize) -> f64 {
    row as f64 * ROW + ROW * 0.43
}

#[wasm_bindgen_test]
async fn chart_draws_bars_diamonds_arrows_and_markers() {
    let (root, _log, _handle) = chart((0, 4));
    tick().await;
    assert_eq!(count(&root, ".gantt-bar"), 2, "A and B are bars");
    assert_eq!(count(&root, ".gantt-diamond"), 1, "M is a diamond");
    assert_eq!(count(&root, ".gantt-rollup"), 1);
    assert_eq!(count(&root, ".gantt-link"), 2);
    assert_eq!(count(&root, ".gantt-link.critical"), 1);
    // A→B (FS) leaves A's right end (day 5: 140 px) and, B starting right there, turns back
    // between the rows to enter B from the left.
    let ab = find(&root, ".gantt-link.critical")
        .get_attribute("d")
        .unwrap();
    assert!(ab.starts_with("M140.0,"), "{ab}");
    assert!(ab.ends_with("H140.0"), "{ab}");
    assert_eq!(ab.matches('V').count(), 2, "a detour: {ab}");
    assert_eq!(count(&root, ".gantt-task.critical"), 1);
    // Several selected tasks (Shift or Ctrl in the grid) are all highlighted.
    assert_eq!(count(&root, ".gantt-task.selected[data-id=\"B\"]"), 1);
    assert_eq!(count(&root, ".gantt-task.selected"), 2);
    assert_eq!(count(&root, ".gantt-float"), 1, "only B has float");
    assert_eq!(count(&root, ".gantt-deadline.missed"), 1);
    assert_eq!(count(&root, ".gantt-baseline"), 1);
    assert_eq!(
        count(&root, ".gantt-ghost"),
        1,
        "B's bar in the program, behind the scenario's"
    );
    assert_eq!(count(&root, ".gantt-progress"), 1, "B is half done");
    // M closes at the end of day 8: its diamond is centred on day 9's left edge.
    let diamond = find(&root, "[data-id=\"M\"] .gantt-diamond");
    assert!(
        diamond
            .get_attribute("points")
            .unwrap()
            .starts_with("252.0,")
    );
    assert_eq!(count(&root, ".gantt-today-line"), 1);
    assert_eq!(
        count(&root, "[data-id=\"M\"] .gantt-resize"),
        0,
        "milestones are not resized"
    );
    // A's bar: days 0–5 at 28 px a day.
    let a = find(&root, "[data-id=\"A\"] .gantt-bar");
    assert_eq!(a.get_attribute("width").as_deref(), Some("140"));
    // The body is as tall as every row and the grid's empty row, so it scrolls with the grid.
    let body = find(&root, ".gantt-body");
    assert_eq!(body.get_attribute("height").as_deref(), Some("150"));
    // The scale: January 2027 over the days 4, 5, 6, …
    let labels = root.query_selector_all(".gantt-scale-label").unwrap();
    let first: Vec<String> = (0..3)
        .map(|i| labels.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(first, vec!["January 2027", "4", "5"]);
}

#[wasm_bindgen_test]
async fn days_off_and_holidays_are_shaded_from_the_model() {
    let (root, _log, _handle) = chart((0, 4));
    tick().await;
    // Day zoom (28 px a day): the runs (5, 2) and (12, 2), and the holiday on day 9.
    let weekend = find(&root, ".gantt-weekend").get_attribute("d").unwrap();
    assert_eq!(weekend.matches('M').count(), 2, "{weekend}");
    assert!(weekend.starts_with("M140.0,0h56.0"), "{weekend}");
    let holidays = find(&root, "[data-role=holidays]")
        .get_attribute("d")
        .unwrap();
    assert!(holidays.starts_with("M252.0,0h28.0"), "{holidays}");
}

#[wasm_bindgen_test]
async fn chart_draws_only_visible_rows_and_their_links() {
    let (root, _log, _handle) = chart((0, 2));
    tick().await;
    assert_eq!(count(&root, ".gantt-task"), 1, "only A, on row 1");
    assert_eq!(
        count(&root, ".gantt-link"),
        1,
        "A→B touches a visible row; B→M does not"
    );
    let body = find(&root, ".gantt-body");
    assert_eq!(
        body.get_attribute("height").as_deref(),
        Some("150"),
        "still every row's height, and the empty row's"
    );
}

#[wasm_bindgen_test]
async fn dragging_a_bar_moves_it_by_whole_days() {
    let (root, log, _handle) = chart((0, 4));
    tick().await;
    // Grab A in its middle and drag it 3.2 days right: it snaps to day 3.
    drag(
        &root,
        "[data-id=\"A\"]",
        (2.5 * PPD, mid(1)),
        (3.2 * PPD, 4.0),
    )
    .await;
    assert_eq!(log.get_untracked(), vec!["move A 3"]);
    // While dragging, a preview follows the pointer.
    let target = find(&root, "[data-id=\"B\"]");
    pointer(&root, &target, "pointerdown", 6.0 * PPD, mid(2));
    pointer(
        &root,
        &find(&root, ".gantt-body"),
        "pointermove",
        4.0 * PPD,
        mid(2),
    );
    tick().await;
    assert_eq!(count(&root, ".gantt-preview"), 1);
    let label = find(&root, ".gantt-preview-label").text_content().unwrap();
    assert_eq!(
        label, "Start 2027-01-07",
        "B moved 2 days left starts on day 3"
    );
}

#[wasm_bindgen_test]
async fn dragging_a_bar_end_resizes_it() {
    let (root, log, _handle) = chart((0, 4));
    tick().await;
    drag(
        &root,
        "[data-id=\"B\"] .gantt-resize",
        (8.0 * PPD - 1.0, mid(2)),
        (2.0 * PPD, 0.0),
    )
    .await;
    assert_eq!(log.get_untracked(), vec!["resize B 10"]);
}

#[wasm_bindgen_test]
async fn dragging_from_the_connector_to_another_bar_links_them() {
    let (root, log, _handle) = chart((0, 4));
    tick().await;
    let x = 5.0 * PPD + 7.0;
    drag(
        &root,
        "[data-id=\"A\"] .gantt-connector",
        (x, mid(1)),
        (3.0 * PPD, 2.0 * ROW),
    )
    .await;
    assert_eq!(log.get_untracked(), vec!["link A M"], "dropped on M's row");
    // Dropped on a group row or on itself: nothing.
    drag(
        &root,
        "[data-id=\"A\"] .gantt-connector",
        (x, mid(1)),
        (0.0, -ROW),
    )
    .await;
    drag(
        &root,
        "[data-id=\"A\"] .gantt-connector",
        (x, mid(1)),
        (40.0, 0.0),
    )
    .await;
    assert_eq!(log.get_untracked().len(), 1);
}

#[wasm_bindgen_test]
async fn a_press_without_a_drag_selects_and_small_moves_are_ignored() {
    let (root, log, _handle) = chart((0, 4));
    tick().await;
    drag(&root, "[data-id=\"B\"]", (6.0 * PPD, mid(2)), (2.0, 1.0)).await;
    // A milestone moves but a drag of less than half a day does not.
    drag(
        &root,
        "[data-id=\"M\"]",
        (9.0 * PPD, mid(3)),
        (0.3 * PPD, 0.0),
    )
    .await;
    drag(
        &root,
        "[data-id=\"M\"]",
        (9.0 * PPD, mid(3)),
        (-2.0 * PPD, 0.0),
    )
    .await;
    assert_eq!(log.get_untracked(), vec!["select B", "move M 6"]);
}

#[wasm_bindgen_test]
async fn escape_abandons_a_drag() {
    let (root, log, _handle) = chart((0, 4));
    tick().await;
    let body = find(&root, ".gantt-body");
    pointer(
        &root,
        &find(&root, "[data-id=\"A\"]"),
        "pointerdown",
        2.5 * PPD,
        mid(1),
    );
    pointer(&root, &body, "pointermove", 5.5 * PPD, mid(1));
    tick().await;
    assert_eq!(count(&root, ".gantt-preview"), 1);
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    let escape =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&escape).unwrap();
    tick().await;
    assert_eq!(count(&root, ".gantt-preview"), 0);
    pointer(&root, &body, "pointerup", 5.5 * PPD, mid(1));
    tick().await;
    assert!(log.get_untracked().is_empty(), "nothing reported");
}

#[wasm_bindgen_test]
async fn zoom_picker_sets_the_zoom() {
    let root = container();
    let zoom = RwSignal::new(Zoom::Weeks);
    let _handle = mount_to(root.clone(), move || view! { <ZoomPicker zoom=zoom /> });
    tick().await;
    assert_eq!(
        count(&root, "button[aria-pressed=\"true\"][data-zoom=\"weeks\"]"),
        1
    );
    find(&root, "[data-zoom=\"quarters\"]")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(zoom.get_untracked(), Zoom::Quarters);
    assert_eq!(count(&root, "button[aria-pressed=\"true\"]"), 1);
}

fn link(from: &str, to: &str, critical: bool, late: bool) -> MapLink {
    MapLink {
        from_task: from.into(),
        to_task: to.into(),
        kind: "FS".into(),
        critical,
        late,
        from_name: format!("Task {from}"),
        to_name: format!("Task {to}"),
        lag: String::new(),
    }
}

fn team(id: &str, name: &str, color: usize) -> MapTeam {
    let color = document::plan_model::palette(color).to_owned();
    MapTeam {
        id: id.into(),
        name: name.into(),
        color,
        tasks: 4,
    }
}

#[wasm_bindgen_test]
async fn map_shows_teams_and_flows_and_lists_a_pairs_links() {
    let root = container();
    let model = MapModel {
        teams: vec![
            team("a", "Apps", 0),
            team("d", "Data", 1),
            team("o", "Ops", 2),
        ],
        flows: vec![
            MapFlow {
                from: "a".into(),
                to: "d".into(),
                links: vec![link("A1", "D1", true, false), link("A2", "D2", false, true)],
                critical: 1,
                late: 1,
            },
            MapFlow {
                from: "d".into(),
                to: "o".into(),
                links: vec![link("D3", "O1", false, false)],
                critical: 0,
                late: 0,
            },
        ],
    };
    let _handle = mount_to(
        root.clone(),
        move || view! { <DependencyMap model=model.clone() /> },
    );
    tick().await;
    assert_eq!(count(&root, ".map-team"), 3);
    assert_eq!(count(&root, ".map-flow"), 2);
    assert_eq!(count(&root, ".map-flow.map-flow-critical"), 1);
    assert_eq!(count(&root, ".map-links"), 0, "no pair chosen yet");
    let pill = find(&root, ".map-flow[data-from=\"a\"] .map-flow-count");
    assert_eq!(pill.text_content().unwrap(), "2 · 1 crit · 1 late");
    // Choose the pair from the list: its links are listed.
    find(&root, "button.map-pair[data-from=\"a\"][data-to=\"d\"]")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert_eq!(count(&root, ".map-links-table tbody tr"), 2);
    assert_eq!(count(&root, ".map-links-table tbody tr.critical"), 1);
    assert_eq!(count(&root, ".map-team.involved"), 2);
    let heading = find(&root, ".map-links h3").text_content().unwrap();
    assert_eq!(heading, "Apps → Data");
    // Or click an arrow on the map.
    let arrow = find(&root, ".map-flow[data-from=\"d\"]");
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    arrow.dispatch_event(&click).unwrap();
    tick().await;
    let heading = find(&root, ".map-links h3").text_content().unwrap();
    assert_eq!(heading, "Data → Ops");
    assert_eq!(count(&root, ".map-links-table tbody tr"), 1);
}
