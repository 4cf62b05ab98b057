//! In-browser tests of the app shell: mount [`App`] into a fresh element of the test page
//! and check what renders and how the view follows `location.hash`.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p planwork-app` (see `scripts/test`).

use leptos::mount::mount_to;
use leptos::task::tick;
use planwork_app::{App, View};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A new empty `<div>` appended to the body, to mount into.
fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

/// Lets pending browser tasks, such as `hashchange` events, run.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets pending browser tasks run, then Leptos's updates (only once something is mounted:
/// mounting starts Leptos's executor).
async fn settle() {
    next_task().await;
    tick().await;
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    root.query_selector(selector)
        .unwrap()
        .map(|el| el.text_content().unwrap_or_default().trim().to_owned())
}

#[wasm_bindgen_test]
async fn shell_shows_header_and_empty_programs_view() {
    set_hash("");
    next_task().await;
    let root = container();
    let handle = mount_to(root.clone(), App);
    tick().await;

    assert_eq!(
        text(&root, "header.app-header .brand-name").as_deref(),
        Some("Planwork")
    );
    let main = root
        .query_selector("main")
        .unwrap()
        .expect("a <main> region");
    assert_eq!(main.get_attribute("data-view").as_deref(), Some("home"));
    assert_eq!(text(&root, "main h1").as_deref(), Some("Programs"));
    assert_eq!(
        text(&root, "main .empty-state-title").as_deref(),
        Some("No programs yet")
    );
    assert!(root.query_selector(".program-list").unwrap().is_none());
    assert!(
        root.query_selector("main form.new-program")
            .unwrap()
            .is_some()
    );
    assert!(
        root.query_selector("main input[type=file]")
            .unwrap()
            .is_some()
    );
    assert_eq!(document().title(), "Planwork");

    drop(handle);
    root.remove();
}

/// Waits (up to about two seconds) until `selector` matches something under `root`.
async fn wait_for(root: &web_sys::HtmlElement, selector: &str) {
    for _ in 0..100 {
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
        settle().await;
    }
    panic!("{selector} never appeared");
}

#[wasm_bindgen_test]
async fn program_hash_opens_program_view_and_link_goes_home() {
    set_hash("#/program/p-42");
    next_task().await;
    let root = container();
    let handle = mount_to(root.clone(), App);
    tick().await;

    let main = root.query_selector("main").unwrap().unwrap();
    assert_eq!(main.get_attribute("data-view").as_deref(), Some("program"));
    let section = root
        .query_selector("main section.workbench")
        .unwrap()
        .unwrap();
    assert_eq!(
        section.get_attribute("data-program-id").as_deref(),
        Some("p-42")
    );
    // Not loaded (and here: not there), so the title cannot name it yet.
    assert_eq!(document().title(), "Program · Planwork");
    // No such program in this browser: said plainly.
    wait_for(&root, "main .notice-error").await;
    assert!(
        text(&root, "main .notice-error")
            .unwrap()
            .contains("There is no program “p-42”")
    );

    // Following "All programs" changes the hash, and the view follows it.
    let link: web_sys::HtmlElement = root
        .query_selector("main .breadcrumb a")
        .unwrap()
        .unwrap()
        .unchecked_into();
    link.click();
    settle().await;
    assert_eq!(main.get_attribute("data-view").as_deref(), Some("home"));
    assert_eq!(text(&root, "main h1").as_deref(), Some("Programs"));

    // So does a hash typed or restored by Back.
    set_hash("#/program/other");
    settle().await;
    let section = root
        .query_selector("main section.workbench")
        .unwrap()
        .unwrap();
    assert_eq!(
        section.get_attribute("data-program-id").as_deref(),
        Some("other")
    );

    drop(handle);
    root.remove();
    set_hash("");
}

#[wasm_bindgen_test]
async fn new_program_is_created_saved_and_edited() {
    set_hash("");
    next_task().await;
    let root = container();
    let handle = mount_to(root.clone(), App);
    tick().await;
    let name = format!("Test {}", js_sys::Math::random());
    let input: web_sys::HtmlInputElement = root
        .query_selector("#new-program-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value(&name);
    let create: web_sys::HtmlElement = root
        .query_selector("form.new-program button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // The database opens asynchronously: wait for it before creating.
    for _ in 0..50 {
        settle().await;
    }
    create.click();
    wait_for(&root, "main .plan-grid").await;
    assert_eq!(text(&root, "main h1").as_deref(), Some(name.as_str()));
    let id = root
        .query_selector("main section.workbench")
        .unwrap()
        .unwrap()
        .get_attribute("data-program-id")
        .unwrap();

    // A name typed into the plan grid's empty row adds a task (committed when the cell's
    // editor loses the focus).
    let cell: web_sys::HtmlElement = root
        .query_selector(".plan-grid .new-row [data-col=name]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    cell.click();
    let grid = root.query_selector(".plan-grid").unwrap().unwrap();
    grid.dispatch_event(&web_sys::Event::new("dblclick").unwrap())
        .unwrap();
    wait_for(&root, "[data-role=cell-input]").await;
    let task: web_sys::HtmlInputElement = root
        .query_selector("[data-role=cell-input]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    task.set_value("Design");
    task.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    task.dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    wait_for(&root, "[data-task-id] [data-col=finish]").await;
    // A one-day task from today's start date: a finish date is shown.
    assert_eq!(
        text(&root, "[data-task-id] [data-col=finish]")
            .unwrap()
            .len(),
        10
    );
    // Saved within a second or so.
    for _ in 0..100 {
        if text(&root, "[data-role=save-status]").as_deref() == Some("Saved") {
            break;
        }
        settle().await;
    }
    assert_eq!(
        text(&root, "[data-role=save-status]").as_deref(),
        Some("Saved")
    );
    let store = planwork_app::storage::Store::open(planwork_app::storage::DB_NAME)
        .await
        .unwrap();
    let loaded = store.load(&id).await.unwrap();
    assert_eq!(loaded.document.program.program.name, name);
    assert_eq!(loaded.document.program.tasks.len(), 1);
    assert_eq!(loaded.document.program.tasks[0].name, "Design");
    store.delete(&id, js_sys::Date::now()).await.unwrap();
    store.close();

    drop(handle);
    root.remove();
    set_hash("");
}

#[wasm_bindgen_test]
fn hashes_parse_to_views() {
    assert_eq!(View::from_hash(""), View::Home);
    assert_eq!(View::from_hash("#"), View::Home);
    assert_eq!(View::from_hash("#/"), View::Home);
    assert_eq!(View::from_hash("#/nowhere"), View::Home);
    assert_eq!(
        View::from_hash("#/program/abc_1-2"),
        View::Program("abc_1-2".into())
    );
    assert_eq!(View::from_hash("/program/x"), View::Program("x".into()));
    // Empty, over-long or non-ASCII ids are not program ids.
    assert_eq!(View::from_hash("#/program/"), View::Home);
    assert_eq!(
        View::from_hash(&format!("#/program/{}", "a".repeat(65))),
        View::Home
    );
    assert_eq!(View::from_hash("#/program/a%20b"), View::Home);
    assert_eq!(View::from_hash("#/program/a/b"), View::Home);
}

#[wasm_bindgen_test]
fn views_round_trip_through_hashes() {
    for view in [View::Home, View::Program("q3-roadmap".into())] {
        assert_eq!(View::from_hash(&view.to_hash()), view);
    }
    assert_eq!(View::Home.to_hash(), "#/");
}
