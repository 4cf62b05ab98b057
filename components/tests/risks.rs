//! In-browser tests of the risks section (`components::risks`): risks listed as groups,
//! each field committing what is typed, a refusal shown beside its field with the text kept,
//! the task search, and the form to add one.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p components --test risks`.

use components::risks::RiskView;
use components::{RiskChange, RisksPanel, TaskChoice};
use engine::risks::{Refusal, RiskField};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{click, container, count, texts};

fn input(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

/// Types `value` into the input and fires `event` ("input" or "change").
fn type_into(root: &web_sys::HtmlElement, selector: &str, value: &str, event: &str) {
    let field = input(root, selector);
    field.set_value(value);
    let document = web_sys::window().unwrap().document().unwrap();
    let ev = document.create_event("Event").unwrap();
    ev.init_event_with_bubbles(event, true);
    field.dispatch_event(&ev).unwrap();
}

fn choice(id: &str, name: &str) -> TaskChoice {
    TaskChoice {
        id: id.into(),
        workstream: "Identity".into(),
        name: name.into(),
        duration: "5d".into(),
    }
}

fn refuse(field: RiskField, message: &str) -> Refusal {
    Refusal {
        field,
        message: message.into(),
    }
}

#[wasm_bindgen_test]
async fn risks_are_edited_in_place_and_refusals_show_beside_their_field() {
    let root = container();
    let asked = RwSignal::new(Vec::<RiskChange>::new());
    let risks = RwSignal::new(vec![RiskView {
        id: "R1".into(),
        title: "Vendor late".into(),
        probability: "30%".into(),
        impact: "5–10".into(),
        tasks: vec![choice("sso", "SSO cut-over")],
    }]);
    // A stand-in for the app: a probability over 100 and an unknown task are refused; a
    // new title is taken.
    let change = Callback::new(move |c: RiskChange| {
        asked.update(|a| a.push(c.clone()));
        match c {
            RiskChange::Probability { text, .. } if text == "150" => Err(refuse(
                RiskField::Probability,
                "a probability is 0% to 100%",
            )),
            RiskChange::AddTask { task, .. } if task == "nope" => Err(refuse(
                RiskField::Tasks,
                "there is no task 'nope' in the plan",
            )),
            RiskChange::Add { title, .. } if title.is_empty() => {
                Err(refuse(RiskField::Title, "a risk needs a title"))
            }
            RiskChange::Title { text, .. } => {
                risks.update(|r| r[0].title = text);
                Ok(())
            }
            _ => Ok(()),
        }
    });
    let choices = vec![
        choice("sso", "SSO cut-over"),
        choice("db", "Migrate database"),
    ];
    let handle = mount_to(root.clone(), move || {
        view! { <RisksPanel risks=risks choices=choices.clone() change=change /> }
    });
    tick().await;
    assert_eq!(texts(&root, "legend"), ["Risk R1"]);
    assert_eq!(input(&root, "#risk-R1-probability").value(), "30%");
    assert_eq!(texts(&root, ".risk-item .qi-chip-name"), ["SSO cut-over"]);

    // Refused: the reason beside the field, the text kept, the field marked invalid.
    type_into(&root, "#risk-R1-probability", "150", "change");
    tick().await;
    assert_eq!(
        texts(&root, "#risk-R1-probability-error"),
        ["a probability is 0% to 100%"]
    );
    assert_eq!(input(&root, "#risk-R1-probability").value(), "150");
    assert_eq!(
        input(&root, "#risk-R1-probability")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    // Taken: the field shows the value there is now.
    type_into(&root, "#risk-R1-title", "Vendor very late", "change");
    tick().await;
    assert_eq!(input(&root, "#risk-R1-title").value(), "Vendor very late");
    assert_eq!(count(&root, "#risk-R1-title-error"), 0);

    // The task search lists the others only, and adds by click.
    type_into(&root, "#risk-R1-task-search", "identity", "input");
    tick().await;
    assert_eq!(
        texts(&root, ".risk-task-matches .qi-match"),
        ["IdentityMigrate database"]
    );
    click(&root, ".risk-task-matches .qi-match[data-task=db]");
    tick().await;

    // The form: a refusal beside its field; nothing cleared.
    type_into(&root, "#risk-new-probability", "30", "input");
    click(&root, ".risk-add");
    tick().await;
    assert_eq!(
        texts(&root, "#risk-new-title-error"),
        ["a risk needs a title"]
    );
    assert_eq!(input(&root, "#risk-new-probability").value(), "30");

    assert_eq!(
        asked.get_untracked(),
        [
            RiskChange::Probability {
                risk: "R1".into(),
                text: "150".into()
            },
            RiskChange::Title {
                risk: "R1".into(),
                text: "Vendor very late".into()
            },
            RiskChange::AddTask {
                risk: "R1".into(),
                task: "db".into()
            },
            RiskChange::Add {
                title: String::new(),
                probability: "30".into(),
                impact: String::new()
            },
        ]
    );
    drop(handle);
    root.remove();
}
