//! In-browser tests of the UI components: each is mounted alone with test data and
//! callbacks, and checked through the DOM it renders.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p components` (see `scripts/test`).

use components::{AppHeader, ProgramList, ProgramSummary, ProgramsHome};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .map(|i| {
            nodes
                .item(i)
                .unwrap()
                .text_content()
                .unwrap()
                .trim()
                .to_owned()
        })
        .collect()
}

fn summary(id: &str, name: &str) -> ProgramSummary {
    ProgramSummary {
        id: id.into(),
        name: name.into(),
    }
}

#[wasm_bindgen_test]
async fn header_shows_product_name_linking_home() {
    let root = container();
    let handle = mount_to(root.clone(), || view! { <AppHeader home_href="#/" /> });
    tick().await;

    assert_eq!(texts(&root, "header .brand-name"), ["Planwork"]);
    let brand = root.query_selector("header a.brand").unwrap().unwrap();
    assert_eq!(brand.get_attribute("href").as_deref(), Some("#/"));

    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn empty_program_list_shows_empty_state_only() {
    let root = container();
    let handle = mount_to(root.clone(), || {
        view! { <ProgramsHome programs=Vec::new() on_open=Callback::new(|_: String| {}) /> }
    });
    tick().await;

    assert_eq!(texts(&root, "h1"), ["Programs"]);
    assert_eq!(texts(&root, ".empty-state-title"), ["No programs yet"]);
    assert!(texts(&root, "li").is_empty());
    assert!(texts(&root, "button").is_empty());

    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn program_list_lists_programs_and_reports_the_one_opened() {
    let root = container();
    let programs = RwSignal::new(vec![summary("a", "Apollo"), summary("g", "Gemini")]);
    let opened = RwSignal::new(None::<String>);
    let handle = mount_to(root.clone(), move || {
        view! {
            <ProgramList
                programs=programs
                on_open=Callback::new(move |id: String| opened.set(Some(id)))
            />
        }
    });
    tick().await;

    assert_eq!(texts(&root, "li"), ["Apollo", "Gemini"]);
    assert!(texts(&root, ".empty-state").is_empty());

    let gemini: web_sys::HtmlElement = root
        .query_selector("button[data-program-id='g']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    gemini.click();
    tick().await;
    assert_eq!(opened.get_untracked().as_deref(), Some("g"));

    // The list follows its data.
    programs.set(Vec::new());
    tick().await;
    assert!(texts(&root, "li").is_empty());
    assert_eq!(texts(&root, ".empty-state-title"), ["No programs yet"]);

    drop(handle);
    root.remove();
}
