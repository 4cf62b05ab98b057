//! In-browser tests of the UI components: each is mounted alone with test data and
//! callbacks, and checked through the DOM it renders.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p components` (see `scripts/test`).

use components::{
    AppHeader, BinList, BinSummary, ConflictBanner, HomeActions, ImportChoice, Notice, NoticeKind,
    ProgramList, ProgramSummary, ProgramsHome, SaveState, SnapshotActions, SnapshotSummary,
    SnapshotView, SnapshotsPanel, StatusLine, Workbench,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{click, container, texts};

fn summary(id: &str, name: &str) -> ProgramSummary {
    ProgramSummary {
        id: id.into(),
        name: name.into(),
        updated: "2026-11-21 10:00".into(),
        size: "1.2 KB".into(),
    }
}

fn actions(log: RwSignal<Vec<String>>) -> HomeActions {
    let note = move |what: String| log.update(|l| l.push(what));
    HomeActions {
        open: Callback::new(move |id: String| note(format!("open {id}"))),
        create: Callback::new(move |name: String| note(format!("create {name}"))),
        open_example: Callback::new(move |()| note("example".into())),
        rename: Callback::new(move |(id, name): (String, String)| {
            note(format!("rename {id} {name}"))
        }),
        duplicate: Callback::new(move |id: String| note(format!("duplicate {id}"))),
        delete: Callback::new(move |id: String| note(format!("delete {id}"))),
        restore: Callback::new(move |id: String| note(format!("restore {id}"))),
        import: Callback::new(move |_file: web_sys::File| note("import".into())),
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
async fn empty_home_shows_empty_state_new_form_and_import() {
    let root = container();
    let log = RwSignal::new(Vec::new());
    let handle = mount_to(root.clone(), move || {
        view! { <ProgramsHome programs=Vec::new() actions=actions(log) /> }
    });
    tick().await;

    assert_eq!(texts(&root, "h1"), ["Programs"]);
    assert_eq!(texts(&root, ".empty-state-title"), ["No programs yet"]);
    assert!(texts(&root, "tbody tr").is_empty());
    assert!(texts(&root, ".bin").is_empty(), "an empty bin is not shown");
    assert_eq!(
        root.query_selector_all("input[type=file]")
            .unwrap()
            .length(),
        1
    );

    // Creating needs a name.
    let input: web_sys::HtmlInputElement = root
        .query_selector("#new-program-name")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("  Launch <b>plan</b> ");
    click(&root, "form.new-program button[type=submit]");
    tick().await;
    assert_eq!(log.get_untracked(), ["create Launch <b>plan</b>"]);

    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn program_list_rows_and_actions() {
    let root = container();
    let programs = RwSignal::new(vec![
        summary("a", "Apollo"),
        summary("g", "<script>alert(1)</script>"),
    ]);
    let log = RwSignal::new(Vec::<String>::new());
    let a = actions(log);
    let handle = mount_to(root.clone(), move || {
        view! {
            <ProgramList
                programs=programs
                on_open=a.open
                on_rename=a.rename
                on_duplicate=a.duplicate
                on_delete=a.delete
            />
        }
    });
    tick().await;

    assert_eq!(
        texts(&root, "tbody .program-name"),
        ["Apollo", "<script>alert(1)</script>"]
    );
    assert!(
        root.query_selector("tbody script").unwrap().is_none(),
        "names are text"
    );
    assert_eq!(texts(&root, "tbody .program-size"), ["1.2 KB", "1.2 KB"]);

    click(&root, "button[data-program-id='g']");
    click(&root, "tr[data-program-id='a'] [data-action=duplicate]");
    click(&root, "tr[data-program-id='a'] [data-action=delete]");
    click(&root, "tr[data-program-id='g'] [data-action=rename]");
    tick().await;
    let input: web_sys::HtmlInputElement = root
        .query_selector(".rename-form input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(input.value(), "<script>alert(1)</script>");
    input.set_value("Gemini");
    click(&root, ".rename-form button[type=submit]");
    tick().await;
    assert_eq!(
        log.get_untracked(),
        ["open g", "duplicate a", "delete a", "rename g Gemini"]
    );
    assert!(root.query_selector(".rename-form").unwrap().is_none());

    // The list follows its data.
    programs.set(Vec::new());
    tick().await;
    assert!(texts(&root, "tbody tr").is_empty());
    assert_eq!(texts(&root, ".empty-state-title"), ["No programs yet"]);

    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn bin_lists_entries_and_restores() {
    let root = container();
    let restored = RwSignal::new(None::<String>);
    let entries = vec![BinSummary {
        id: "old".into(),
        name: "Old plan".into(),
        deleted: "2026-11-20 09:00".into(),
        days_left: "29 more days".into(),
    }];
    let handle = mount_to(root.clone(), move || {
        view! { <BinList entries=entries.clone() on_restore=Callback::new(move |id| restored.set(Some(id))) /> }
    });
    tick().await;
    assert_eq!(texts(&root, "h2"), ["Bin"]);
    assert_eq!(texts(&root, ".bin-days"), ["29 more days"]);
    click(&root, "[data-action=restore]");
    tick().await;
    assert_eq!(restored.get_untracked().as_deref(), Some("old"));
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn notice_and_status_show_text_as_text() {
    let root = container();
    let state = RwSignal::new(SaveState::Saving);
    let handle = mount_to(root.clone(), move || {
        view! {
            <Notice kind=NoticeKind::Error title="Import failed" message="“<img src=x onerror=alert(1)>”\nline two" />
            <StatusLine state=state />
        }
    });
    tick().await;
    assert!(root.query_selector("img").unwrap().is_none());
    assert_eq!(
        texts(&root, ".notice-message"),
        ["“<img src=x onerror=alert(1)>”\nline two"]
    );
    assert_eq!(
        root.query_selector(".notice")
            .unwrap()
            .unwrap()
            .get_attribute("role")
            .as_deref(),
        Some("alert")
    );
    assert_eq!(texts(&root, "[data-role=save-status]"), ["Saving…"]);
    state.set(SaveState::Saved);
    tick().await;
    assert_eq!(texts(&root, "[data-role=save-status]"), ["Saved"]);
    state.set(SaveState::Failed("The browser's storage is full.".into()));
    tick().await;
    assert_eq!(
        texts(&root, "[data-role=save-status]"),
        ["Not saved. The browser's storage is full."]
    );
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn workbench_frames_the_program_with_its_name_and_tools() {
    let root = container();
    let title = RwSignal::new("Apollo".to_owned());
    let handle = mount_to(root.clone(), move || {
        view! {
            <Workbench
                program_id="p-1"
                home_href="#/"
                title=title
                toolbar=std::sync::Arc::new(|| view! { <button class="tool">"Export"</button> }.into_any())
            >
                <p class="content">"body"</p>
            </Workbench>
        }
    });
    tick().await;
    assert_eq!(texts(&root, "h1"), ["Apollo"]);
    assert_eq!(texts(&root, ".view-tools .tool"), ["Export"]);
    assert_eq!(texts(&root, ".content"), ["body"]);
    assert_eq!(
        root.query_selector(".breadcrumb a")
            .unwrap()
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("#/")
    );
    title.set("<i>Gemini</i>".into());
    tick().await;
    assert_eq!(texts(&root, "h1"), ["<i>Gemini</i>"]);
    assert!(root.query_selector("h1 i").unwrap().is_none());
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn conflict_banner_and_import_choice_offer_their_choices() {
    let root = container();
    let log = RwSignal::new(Vec::<&'static str>::new());
    let note = move |what: &'static str| Callback::new(move |()| log.update(|l| l.push(what)));
    let handle = mount_to(root.clone(), move || {
        view! {
            <ConflictBanner on_load_theirs=note("theirs") on_keep_mine=note("mine") />
            <ImportChoice
                existing_name="<b>Plan</b>"
                on_copy=note("copy")
                on_replace=note("replace")
                on_cancel=note("cancel")
            />
        }
    });
    tick().await;
    assert_eq!(texts(&root, ".existing-name"), ["<b>Plan</b>"]);
    for action in [
        "load-theirs",
        "keep-mine",
        "import-copy",
        "import-replace",
        "import-cancel",
    ] {
        click(&root, &format!("[data-action={action}]"));
    }
    tick().await;
    assert_eq!(
        log.get_untracked(),
        ["theirs", "mine", "copy", "replace", "cancel"]
    );
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn snapshots_panel_lists_views_and_restores() {
    let root = container();
    let log = RwSignal::new(Vec::<String>::new());
    let note = move |what: String| log.update(|l| l.push(what));
    let snapshots = RwSignal::new(vec![SnapshotSummary {
        key: 7.0,
        name: "before workshop".into(),
        kind: "named".into(),
        created: "2026-11-21 09:00".into(),
    }]);
    let viewed = RwSignal::new(None::<SnapshotView>);
    let actions = SnapshotActions {
        take: Callback::new(move |name: String| note(format!("take {name}"))),
        view: Callback::new(move |key: f64| note(format!("view {key}"))),
        close_view: Callback::new(move |()| note("close".into())),
        restore: Callback::new(move |key: f64| note(format!("restore {key}"))),
    };
    let handle = mount_to(root.clone(), move || {
        view! { <SnapshotsPanel snapshots=snapshots viewed=viewed actions=actions /> }
    });
    tick().await;
    assert_eq!(texts(&root, ".snapshot-name"), ["before workshop"]);
    assert_eq!(texts(&root, ".snapshot-kind"), ["named"]);
    let input: web_sys::HtmlInputElement = root
        .query_selector("[data-field=snapshot-name]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("after workshop");
    click(&root, ".snapshots form button[type=submit]");
    click(&root, "[data-action=view-snapshot]");
    click(&root, "[data-action=restore-snapshot]");
    tick().await;
    assert_eq!(
        log.get_untracked(),
        ["take after workshop", "view 7", "restore 7"]
    );

    viewed.set(Some(SnapshotView {
        title: "Snapshot".into(),
        program_name: "Plan".into(),
        task_count: 3,
        tasks: vec![("A".into(), 2), ("B".into(), 1)],
    }));
    tick().await;
    assert_eq!(texts(&root, ".snapshot-tasks li"), ["A (2 d)", "B (1 d)"]);
    assert_eq!(texts(&root, ".snapshot-view .section-hint"), ["and 1 more"]);
    drop(handle);
    root.remove();
}
