//! In-browser tests of the Scenarios tab's components (quick impact, scenario list, change
//! list, compare table, baselines panel): mounted alone with test data and callbacks, and
//! checked through the DOM they render.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p components --test scenarios`.

use components::{
    AbsorbedRow, BaselineActions, BaselineSummary, BaselinesPanel, ChangeList, ChangeListActions,
    ChangeRow, CompareCell, CompareLine, CompareTable, CompareView, DateShift, ImpactSummary,
    MissedRow, OpenScenario, QuickImpact, QuickImpactActions, ScenarioList, ScenarioListActions,
    ScenarioSummary, TaskChoice,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{container, texts};

fn element<T: JsCast>(root: &web_sys::HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    element::<web_sys::HtmlElement>(root, selector).click();
}

/// Types `value` into the input and fires `event` ("input" or "change").
fn type_into(root: &web_sys::HtmlElement, selector: &str, value: &str, event: &str) {
    let input: web_sys::HtmlInputElement = element(root, selector);
    input.set_value(value);
    let document = web_sys::window().unwrap().document().unwrap();
    let ev = document.create_event("Event").unwrap();
    ev.init_event_with_bubbles(event, true);
    input.dispatch_event(&ev).unwrap();
}

fn log() -> (
    RwSignal<Vec<String>>,
    impl Fn(String) + Copy + Send + Sync + 'static,
) {
    let log = RwSignal::new(Vec::<String>::new());
    (log, move |what: String| log.update(|l| l.push(what)))
}

fn choice(id: &str, team: &str, name: &str) -> TaskChoice {
    TaskChoice {
        id: id.into(),
        workstream: team.into(),
        name: name.into(),
        duration: "10d".into(),
    }
}

#[wasm_bindgen_test]
async fn quick_impact_picks_tasks_reads_the_answer_and_saves() {
    let root = container();
    let (log, note) = log();
    let selected = RwSignal::new(vec!["sso".to_owned()]);
    let amount = RwSignal::new(String::new());
    let impact = RwSignal::new(None::<Result<ImpactSummary, String>>);
    let actions = QuickImpactActions {
        select: Callback::new(move |ids: Vec<String>| {
            note(format!("select {}", ids.join(",")));
            selected.set(ids);
        }),
        amount: Callback::new(move |t: String| {
            note(format!("amount {t}"));
            amount.set(t);
        }),
        slip: Callback::new(move |on: bool| note(format!("slip {on}"))),
        save: Callback::new(move |name: String| note(format!("save {name}"))),
    };
    let choices = vec![
        choice("sso", "Identity", "SSO cut-over"),
        choice("db", "Data", "Migrate database"),
        choice("dns", "Infrastructure", "DNS switch"),
    ];
    let handle = mount_to(root.clone(), move || {
        view! {
            <QuickImpact
                choices=choices.clone()
                selected=selected
                amount=amount
                slip=Signal::derive(|| true)
                impact=impact
                suggested_name=Signal::derive(|| "SSO cut-over +15d".to_owned())
                actions=actions
            />
        }
    });
    tick().await;
    // Prefilled selection shows as a chip; no answer yet.
    assert_eq!(texts(&root, ".qi-chip-name"), ["SSO cut-over"]);
    assert!(texts(&root, "[data-role=qi-answer]")[0].contains("Choose one or more tasks"));

    // Searching by workstream lists the match; choosing it adds it.
    type_into(&root, "[data-field=qi-search]", "data", "input");
    tick().await;
    assert_eq!(texts(&root, ".qi-match").len(), 1);
    click(&root, ".qi-match[data-task=db]");
    tick().await;
    assert_eq!(
        texts(&root, ".qi-chip-name"),
        ["SSO cut-over", "Migrate database"]
    );
    assert!(
        texts(&root, ".qi-match").is_empty(),
        "the search is cleared"
    );

    type_into(&root, "[data-field=qi-amount]", "+15d", "input");
    impact.set(Some(Ok(ImpactSummary {
        change: "Slip +3w (15 working days)".into(),
        finish: DateShift {
            name: "Program finish".into(),
            before: "2027-06-01".into(),
            after: "2027-06-22".into(),
            delta: "+15".into(),
            later: true,
        },
        milestones: vec![DateShift {
            name: "Go-live".into(),
            before: "2027-05-04".into(),
            after: "2027-05-25".into(),
            delta: "+15".into(),
            later: true,
        }],
        unmoved: 1,
        missed: vec![MissedRow {
            name: "Go-live".into(),
            deadline: "2027-05-14".into(),
            finish: "2027-05-25".into(),
            late: "7 working days late (was on time)".into(),
        }],
        absorbed: vec![AbsorbedRow {
            name: "Train users".into(),
            float_before: 12,
            float_after: 2,
        }],
        absorbed_more: 0,
        late: Vec::new(),
        late_more: 0,
        critical: "Critical path: unchanged.".into(),
    })));
    tick().await;
    assert!(texts(&root, "[data-role=qi-finish]")[0].contains("+15 working days"));
    assert_eq!(
        texts(&root, "[data-role=qi-milestones] tbody td"),
        ["2027-05-04", "2027-05-25", "+15"]
    );
    assert!(texts(&root, "[data-role=qi-absorbed] li")[0].contains("float 12d → 2d"));
    assert_eq!(
        texts(&root, "[data-role=qi-change]"),
        ["Slip +3w (15 working days)"]
    );
    // Every missed deadline, in words; one milestone in the singular.
    assert_eq!(
        texts(&root, "[data-role=qi-missed] li"),
        ["Go-live: deadline 2027-05-14, finishes 2027-05-25 — 7 working days late (was on time)"]
    );
    assert!(
        texts(&root, ".section-hint")
            .iter()
            .any(|t| t == "1 other milestone does not move.")
    );
    // The chips' remove buttons name their task.
    let remove: web_sys::HtmlElement = element(&root, ".qi-chip[data-task=sso] .qi-chip-remove");
    assert_eq!(
        remove.get_attribute("aria-label").as_deref(),
        Some("Remove SSO cut-over")
    );
    let name: web_sys::HtmlInputElement = element(&root, "[data-field=qi-name]");
    assert_eq!(name.value(), "SSO cut-over +15d");
    click(&root, "[data-action=qi-save]");
    click(&root, ".qi-chip[data-task=sso] .qi-chip-remove");
    tick().await;

    impact.set(Some(Err("not a duration".into())));
    tick().await;
    assert_eq!(texts(&root, ".qi-error"), ["not a duration"]);
    assert_eq!(
        log.get_untracked(),
        [
            "select sso,db",
            "amount +15d",
            "save SSO cut-over +15d",
            "select db"
        ]
    );
    drop(handle);
    root.remove();
}

fn summary(id: &str, name: &str, open: bool) -> ScenarioSummary {
    ScenarioSummary {
        id: id.into(),
        name: name.into(),
        description: "Identity team late".into(),
        changes: 2,
        stale: 1,
        finish: "2027-06-22".into(),
        delta: "+15".into(),
        later: true,
        broken: false,
        compared: false,
        open,
    }
}

#[wasm_bindgen_test]
async fn scenario_list_and_change_list_call_back_with_the_scenario() {
    let root = container();
    let (log, note) = log();
    let scenarios = RwSignal::new(Vec::<ScenarioSummary>::new());
    let open = RwSignal::new(None::<OpenScenario>);
    let list_actions = ScenarioListActions {
        create: Callback::new(move |()| note("create".into())),
        open: Callback::new(move |id: String| note(format!("open {id}"))),
        compare: Callback::new(move |(id, on): (String, bool)| note(format!("compare {id} {on}"))),
    };
    let actions = ChangeListActions {
        rename: Callback::new(move |(id, n): (String, String)| note(format!("rename {id} {n}"))),
        describe: Callback::new(move |(id, d): (String, String)| {
            note(format!("describe {id} {d}"))
        }),
        remove_change: Callback::new(move |(id, i): (String, usize)| {
            note(format!("remove {id} {i}"))
        }),
        edit_in_plan: Callback::new(move |id: String| note(format!("edit {id}"))),
        duplicate: Callback::new(move |id: String| note(format!("duplicate {id}"))),
        promote: Callback::new(move |id: String| note(format!("promote {id}"))),
        raise_change: Callback::new(move |id: String| note(format!("raise {id}"))),
        delete: Callback::new(move |id: String| note(format!("delete {id}"))),
        close: Callback::new(move |()| note("close".into())),
    };
    let handle = mount_to(root.clone(), move || {
        view! {
            <ScenarioList scenarios=scenarios actions=list_actions />
            <ChangeList scenario=open actions=actions />
        }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-role=no-scenarios]").len(), 1);
    assert!(root.query_selector(".scenario-open").unwrap().is_none());

    scenarios.set(vec![
        summary("s1", "Identity late", true),
        summary("s2", "Cut scope", false),
    ]);
    open.set(Some(OpenScenario {
        id: "s1".into(),
        name: "Identity late".into(),
        description: String::new(),
        changes: vec![
            ChangeRow {
                text: "Identity: 'SSO cut-over' +15d".into(),
                stale: None,
            },
            ChangeRow {
                text: "Removed 'X' (deleted)".into(),
                stale: Some("task 'X' no longer exists".into()),
            },
        ],
        problem: None,
    }));
    tick().await;
    assert_eq!(
        texts(&root, ".scenario-name"),
        ["Identity late", "Cut scope"]
    );
    assert_eq!(
        texts(&root, "[data-role=change-count]")[0],
        "2 (1 no longer applies)"
    );
    assert_eq!(texts(&root, "[data-role=scenario-delta]"), ["+15", "+15"]);
    assert_eq!(texts(&root, ".change-text").len(), 2);
    assert_eq!(
        texts(&root, ".change-stale .change-stale-note"),
        ["No longer applies: task 'X' no longer exists"]
    );

    click(&root, "[data-action=new-scenario]");
    click(&root, "tr[data-scenario=s2] [data-action=open-scenario]");
    click(&root, "tr[data-scenario=s2] [data-action=compare-scenario]");
    type_into(
        &root,
        "[data-field=scenario-name]",
        "Identity 3 weeks late",
        "change",
    );
    type_into(
        &root,
        "[data-field=scenario-description]",
        "What if",
        "change",
    );
    click(&root, "[data-change='1'] [data-action=remove-change]");
    for action in [
        "edit-in-plan",
        "duplicate-scenario",
        "promote-scenario",
        "delete-scenario",
        "close-scenario",
    ] {
        click(&root, &format!("[data-action={action}]"));
    }
    tick().await;
    assert_eq!(
        log.get_untracked(),
        [
            "create",
            "open s2",
            "compare s2 true",
            "rename s1 Identity 3 weeks late",
            "describe s1 What if",
            "remove s1 1",
            "edit s1",
            "duplicate s1",
            "promote s1",
            "delete s1",
            "close",
        ]
    );

    // A scenario that cannot be scheduled says why and cannot be promoted.
    open.update(|o| {
        if let Some(o) = o {
            o.problem = Some("This scenario cannot be scheduled: a cycle".into());
        }
    });
    tick().await;
    let promote: web_sys::HtmlButtonElement = element(&root, "[data-action=promote-scenario]");
    assert!(promote.disabled());
    assert!(texts(&root, ".scenario-open .qi-error")[0].contains("a cycle"));
    drop(handle);
    root.remove();
}

fn cell(date: &str, delta: &str, float: &str) -> CompareCell {
    CompareCell {
        date: date.into(),
        delta: delta.into(),
        later: delta.starts_with('+'),
        float: float.into(),
    }
}

#[wasm_bindgen_test]
async fn compare_table_puts_scenarios_side_by_side_and_copies_the_summary() {
    let root = container();
    let (log, note) = log();
    let compare = RwSignal::new(CompareView {
        scenarios: vec!["Identity late".into(), "Cut scope".into()],
        baseline: Some("Signed off".into()),
        milestones: vec![CompareLine {
            name: "Go-live".into(),
            program: cell("2027-05-04", "", "0d"),
            variance: "+2".into(),
            scenarios: vec![
                cell("2027-05-25", "+15", "0d"),
                cell("2027-04-27", "-5", "0d"),
            ],
        }],
        finish: CompareLine {
            name: "Program finish".into(),
            program: cell("2027-06-01", "", ""),
            variance: "+2".into(),
            scenarios: vec![cell("2027-06-22", "+15", ""), cell("2027-05-25", "-5", "")],
        },
        critical: vec!["“Identity late”: Critical path: unchanged.".into()],
        summary: "Scenario 'Identity late': Go-live 2027-05-04 → 2027-05-25 (+15 working days)"
            .into(),
    });
    let handle = mount_to(root.clone(), move || {
        view! {
            <CompareTable
                compare=compare
                on_copy=Callback::new(move |t: String| note(format!("copy {t}")))
                copy_note=Signal::derive(|| "Copied.".to_owned())
            />
        }
    });
    tick().await;
    assert_eq!(
        texts(&root, ".compare-scenario-head"),
        ["Identity late", "Cut scope"]
    );
    assert!(
        texts(&root, "thead th")
            .iter()
            .any(|t| t.contains("vs baseline “Signed off”"))
    );
    let go_live = texts(&root, "tr[data-milestone=Go-live] td");
    assert_eq!(
        go_live,
        [
            "2027-05-04",
            "0d",
            "+2",
            "2027-05-25",
            "+15",
            "0d",
            "2027-04-27",
            "-5",
            "0d"
        ]
    );
    assert_eq!(
        root.query_selector_all(".compare-table .delta-later")
            .unwrap()
            .length(),
        4
    );
    assert_eq!(
        root.query_selector_all(".compare-table .delta-earlier")
            .unwrap()
            .length(),
        2
    );
    let text: web_sys::HtmlTextAreaElement = element(&root, "[data-field=compare-summary]");
    assert!(text.value().starts_with("Scenario 'Identity late'"));
    click(&root, "[data-action=copy-summary]");
    tick().await;
    assert_eq!(log.get_untracked().len(), 1);
    assert!(log.get_untracked()[0].starts_with("copy Scenario 'Identity late'"));
    assert_eq!(texts(&root, "[data-role=copy-note]"), ["Copied."]);

    // Without a baseline there is no variance column.
    compare.update(|c| c.baseline = None);
    tick().await;
    assert_eq!(texts(&root, "tr[data-milestone=Go-live] td").len(), 8);
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn baselines_panel_saves_activates_and_deletes() {
    let root = container();
    let (log, note) = log();
    let baselines = RwSignal::new(Vec::<BaselineSummary>::new());
    let actions = BaselineActions {
        save: Callback::new(move |n: String| note(format!("save {n}"))),
        set_active: Callback::new(move |id: String| note(format!("active {id}"))),
        delete: Callback::new(move |id: String| note(format!("delete {id}"))),
    };
    let handle = mount_to(root.clone(), move || {
        view! {
            <BaselinesPanel
                baselines=baselines
                suggested_name=Signal::derive(|| "Baseline 1".to_owned())
                actions=actions
            />
        }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-role=no-baselines]").len(), 1);
    click(&root, "[data-action=save-baseline]");
    let input: web_sys::HtmlInputElement = element(&root, "[data-field=baseline-name]");
    input.set_value("Signed off");
    click(&root, "[data-action=save-baseline]");
    baselines.set(vec![
        BaselineSummary {
            id: "b1".into(),
            name: "Signed off".into(),
            saved_on: "2026-11-21".into(),
            tasks: 80,
            active: true,
        },
        BaselineSummary {
            id: "b2".into(),
            name: "Re-plan".into(),
            saved_on: "2026-11-22".into(),
            tasks: 81,
            active: false,
        },
    ]);
    tick().await;
    assert_eq!(texts(&root, ".baseline-name"), ["Signed off", "Re-plan"]);
    assert_eq!(
        texts(&root, ".baseline-active [data-role=active-baseline]"),
        ["Active"]
    );
    click(&root, "[data-baseline=b2] [data-action=activate-baseline]");
    click(&root, "[data-baseline=b1] [data-action=delete-baseline]");
    tick().await;
    assert_eq!(
        log.get_untracked(),
        [
            "save Baseline 1",
            "save Signed off",
            "active b2",
            "delete b1"
        ]
    );
    drop(handle);
    root.remove();
}
