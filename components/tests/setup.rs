//! In-browser tests of the Setup tab's components: a field commits when it changes (not on
//! each keystroke) and keeps a refused text with the reason; a refused weekday or rule is
//! taken back on screen; holidays are added (one, a range, a pasted list) and removed, the
//! forms emptied only when taken; workstream rows move, and delete to a chosen workstream,
//! the last one's refusal shown.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p components --test setup`.

use chrono::Weekday;
use components::{
    Answer, CriticalPathRule, HolidayChange, HolidayEditor, SetupField, WeekdayPicker,
    WorkstreamActions, WorkstreamItem, WorkstreamList,
};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod dom;
use dom::{click, container, count, texts};

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn input(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlInputElement {
    find(root, selector).unchecked_into()
}

/// Sets the value of an input, textarea or select as typing does (`input`), then `change`
/// if `commit` (leaving the field).
fn type_into(el: &web_sys::HtmlElement, text: &str, commit: bool) {
    web_sys::js_sys::Reflect::set(el, &"value".into(), &text.into()).unwrap();
    let events: &[&str] = if commit {
        &["input", "change"]
    } else {
        &["input"]
    };
    for name in events {
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let ev = web_sys::Event::new_with_event_init_dict(name, &init).unwrap();
        el.dispatch_event(&ev).unwrap();
    }
}

fn error_text(root: &web_sys::HtmlElement) -> Vec<String> {
    texts(root, "[data-role=setup-error]")
}

#[wasm_bindgen_test]
async fn a_field_commits_on_change_and_keeps_a_refused_text_with_the_reason() {
    let root = container();
    let value = RwSignal::new("2026-03-02".to_owned());
    let log = RwSignal::new(Vec::<String>::new());
    let on_commit = Callback::new(move |text: String| -> Answer {
        log.update(|l| l.push(text.clone()));
        if text.starts_with("0200") {
            return Err("Start: 0200-01-01 is outside the supported dates".into());
        }
        value.set(text);
        Ok(())
    });
    let handle = mount_to(root.clone(), move || {
        view! { <SetupField label="Status date" kind="date" clearable=true value=value on_commit=on_commit /> }
    });
    tick().await;
    let field = input(&root, "input");
    assert_eq!(field.value(), "2026-03-02");
    assert_eq!(field.type_(), "date");

    type_into(&field, "2026-04-01", false);
    tick().await;
    assert!(
        log.get_untracked().is_empty(),
        "typing alone commits nothing"
    );

    type_into(&field, "0200-01-01", true);
    tick().await;
    assert_eq!(
        error_text(&root),
        ["Start: 0200-01-01 is outside the supported dates"]
    );
    assert_eq!(field.value(), "0200-01-01", "the text typed stays");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = field.get_attribute("aria-describedby").unwrap();
    assert_eq!(find(&root, "[data-role=setup-error]").id(), described);
    assert_eq!(value.get_untracked(), "2026-03-02");

    type_into(&field, "2026-04-01", true);
    tick().await;
    assert!(error_text(&root).is_empty());
    assert_eq!(value.get_untracked(), "2026-04-01");

    // Clear commits an empty text, and is disabled once there is nothing to clear.
    let clear = find(&root, "button");
    assert_eq!(
        clear.get_attribute("aria-label").as_deref(),
        Some("Clear status date")
    );
    clear.click();
    tick().await;
    assert_eq!(log.get_untracked().last().map(String::as_str), Some(""));
    assert_eq!(field.value(), "");
    assert!(find(&root, "button").has_attribute("disabled"));
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_refused_weekday_is_taken_back_and_a_blocked_one_cannot_be_ticked() {
    let root = container();
    let days = RwSignal::new(vec![Weekday::Mon]);
    let log = RwSignal::new(Vec::<(Weekday, bool)>::new());
    let on_toggle = Callback::new(move |(day, works): (Weekday, bool)| -> Answer {
        log.update(|l| l.push((day, works)));
        // Refused as the app does: the calendar does not change at all.
        if !works && days.with_untracked(|d| d[..] == [day]) {
            return Err("At least one weekday must be a working day.".into());
        }
        days.update(|d| {
            if works {
                d.push(day)
            } else {
                d.retain(|&x| x != day)
            }
        });
        Ok(())
    });
    let allowed = vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];
    let handle = mount_to(root.clone(), move || {
        view! {
            <WeekdayPicker
                legend="Team working weekdays"
                days=days
                allowed=Signal::stored(allowed.clone())
                on_toggle=on_toggle
            />
        }
    });
    tick().await;
    assert_eq!(texts(&root, "legend"), ["Team working weekdays"]);
    assert_eq!(
        texts(&root, "label"),
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    );
    let monday = input(&root, "input[data-day=Mon]");
    assert!(monday.checked());
    assert!(
        input(&root, "input[data-day=Sat]").disabled(),
        "not allowed"
    );

    input(&root, "input[data-day=Tue]").click();
    tick().await;
    assert_eq!(log.get_untracked(), [(Weekday::Tue, true)]);
    assert!(input(&root, "input[data-day=Tue]").checked());

    input(&root, "input[data-day=Tue]").click();
    tick().await;
    monday.click();
    tick().await;
    assert_eq!(
        error_text(&root),
        ["At least one weekday must be a working day."]
    );
    assert!(monday.checked(), "the refused change is taken back");
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_critical_path_rule_sends_the_days_or_the_longest_path() {
    let root = container();
    let longest = RwSignal::new(false);
    let days = RwSignal::new("0".to_owned());
    let log = RwSignal::new(Vec::<Option<String>>::new());
    let on_rule = Callback::new(move |rule: Option<String>| -> Answer {
        log.update(|l| l.push(rule.clone()));
        match rule {
            Some(n) if n == "-1" => Err("Total float: -1 days: write a whole number".into()),
            Some(n) => {
                longest.set(false);
                days.set(n);
                Ok(())
            }
            None => {
                longest.set(true);
                Ok(())
            }
        }
    });
    let handle = mount_to(root.clone(), move || {
        view! { <CriticalPathRule longest_path=longest float_days=days on_rule=on_rule /> }
    });
    tick().await;
    let (by_float, by_path) = (
        input(&root, "input[value=total-float]"),
        input(&root, "input[value=longest-path]"),
    );
    let number = input(&root, "input[type=number]");
    assert!(by_float.checked());
    by_path.click();
    tick().await;
    assert_eq!(log.get_untracked(), [None]);
    assert!(by_path.checked() && number.disabled());

    by_float.click();
    tick().await;
    assert_eq!(log.get_untracked().last(), Some(&Some("0".to_owned())));
    assert!(!number.disabled());

    type_into(&number, "-1", true);
    tick().await;
    assert_eq!(
        error_text(&root),
        ["Total float: -1 days: write a whole number"]
    );
    type_into(&number, "3", true);
    tick().await;
    assert!(error_text(&root).is_empty());
    assert_eq!(days.get_untracked(), "3");
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn holidays_are_added_one_as_a_range_or_pasted_and_removed() {
    let root = container();
    let holidays = RwSignal::new(vec!["2026-12-25".to_owned()]);
    let log = RwSignal::new(Vec::<HolidayChange>::new());
    let on_change = Callback::new(move |change: HolidayChange| -> Answer {
        log.update(|l| l.push(change.clone()));
        match &change {
            HolidayChange::Add(text) if text.contains("soon") => {
                Err("'soon': not a date: write dates as YYYY-MM-DD".into())
            }
            HolidayChange::Add(text) => {
                holidays.update(|h| h.push(text.clone()));
                Ok(())
            }
            HolidayChange::AddRange(..) => Ok(()),
            HolidayChange::Remove(date) => {
                holidays.update(|h| h.retain(|d| d != date));
                Ok(())
            }
        }
    });
    let handle = mount_to(root.clone(), move || {
        view! {
            <HolidayEditor
                holidays=holidays
                summary=Signal::stored("1 holiday, on a working day.".to_owned())
                on_change=on_change
            />
        }
    });
    tick().await;
    assert_eq!(texts(&root, ".holiday-date"), ["2026-12-25"]);
    assert_eq!(texts(&root, ".holiday-weekday"), ["Fri"]);

    let one = input(&root, ".holiday-add:nth-child(1) input");
    type_into(&one, "2026-12-24", false);
    click(&root, ".holiday-add:nth-child(1) button");
    tick().await;
    assert_eq!(
        log.get_untracked().last(),
        Some(&HolidayChange::Add("2026-12-24".into()))
    );
    assert_eq!(one.value(), "", "taken: the field is emptied");

    let inputs = root
        .query_selector_all(".holiday-add:nth-child(2) input")
        .unwrap();
    let (from, to): (web_sys::HtmlElement, web_sys::HtmlElement) = (
        inputs.item(0).unwrap().unchecked_into(),
        inputs.item(1).unwrap().unchecked_into(),
    );
    type_into(&from, "2026-04-03", false);
    type_into(&to, "2026-04-06", false);
    click(&root, ".holiday-add:nth-child(2) button");
    tick().await;
    assert_eq!(
        log.get_untracked().last(),
        Some(&HolidayChange::AddRange(
            "2026-04-03".into(),
            "2026-04-06".into()
        ))
    );

    let pasted = find(&root, "textarea");
    type_into(&pasted, "2027-01-01, soon", false);
    click(&root, ".holiday-paste button");
    tick().await;
    assert_eq!(
        error_text(&root),
        ["'soon': not a date: write dates as YYYY-MM-DD"]
    );
    let kept = web_sys::js_sys::Reflect::get(&pasted, &"value".into()).unwrap();
    assert_eq!(kept.as_string().as_deref(), Some("2027-01-01, soon"));

    let remove = find(&root, ".holiday[data-date='2026-12-25'] button");
    assert_eq!(
        remove.get_attribute("aria-label").as_deref(),
        Some("Remove 2026-12-25")
    );
    remove.click();
    tick().await;
    assert_eq!(texts(&root, ".holiday-date"), ["2026-12-24"]);
    assert!(error_text(&root).is_empty());
    drop(handle);
    root.remove();
}

fn item(id: &str, name: &str, tasks: usize) -> WorkstreamItem {
    WorkstreamItem {
        id: id.into(),
        name: name.into(),
        color: "#2f6fde".into(),
        tasks,
        days: vec![Weekday::Mon, Weekday::Tue],
        ..WorkstreamItem::default()
    }
}

/// Mounts a list on `list`; the log records each action. Moves reorder the list; deleting
/// the last workstream is refused.
fn mount_list(
    list: Vec<WorkstreamItem>,
) -> (
    web_sys::HtmlElement,
    RwSignal<Vec<WorkstreamItem>>,
    RwSignal<Vec<String>>,
    impl Drop,
) {
    let root = container();
    let items = RwSignal::new(list);
    let log = RwSignal::new(Vec::<String>::new());
    let record = move |line: String| -> Answer {
        log.update(|l| l.push(line));
        Ok(())
    };
    let actions = WorkstreamActions {
        add: Callback::new(move |name: String| record(format!("add {name}"))),
        rename: Callback::new(move |(id, name): (String, String)| {
            record(format!("rename {id} {name}"))
        }),
        recolor: Callback::new(move |(id, color): (String, Option<String>)| {
            record(format!("recolor {id} {color:?}"))
        }),
        move_by: Callback::new(move |(id, by): (String, isize)| {
            items.update(|l| {
                let from = l.iter().position(|w| w.id == id).unwrap();
                let w = l.remove(from);
                l.insert((from as isize + by) as usize, w);
            });
            record(format!("move {id} {by}"))
        }),
        delete: Callback::new(move |(id, to): (String, String)| {
            if items.with_untracked(|l| l.len() == 1) {
                return Err(format!("'{id}' is the only workstream."));
            }
            items.update(|l| l.retain(|w| w.id != id));
            record(format!("delete {id} to {to}"))
        }),
        team_day: Callback::new(move |(id, day, works): (String, Weekday, bool)| {
            record(format!("day {id} {day} {works}"))
        }),
        same_as_program: Callback::new(move |id: String| record(format!("same {id}"))),
        team_holidays: Callback::new(move |(id, change): (String, HolidayChange)| {
            record(format!("holidays {id} {change:?}"))
        }),
    };
    let handle = mount_to(root.clone(), move || {
        view! {
            <WorkstreamList
                workstreams=items
                program_days=Signal::stored(vec![Weekday::Mon, Weekday::Tue, Weekday::Wed])
                actions=actions
            />
        }
    });
    (root, items, log, handle)
}

fn row_names(root: &web_sys::HtmlElement) -> Vec<String> {
    let rows = root.query_selector_all(".ws-row").unwrap();
    (0..rows.length())
        .map(|i| {
            let row: web_sys::Element = rows.item(i).unwrap().unchecked_into();
            row.get_attribute("aria-label").unwrap_or_default()
        })
        .collect()
}

/// The button of row `id` whose text is `text`.
fn row_button(root: &web_sys::HtmlElement, id: &str, text: &str) -> web_sys::HtmlElement {
    let buttons = root
        .query_selector_all(&format!(".ws-row[data-workstream='{id}'] button"))
        .unwrap();
    (0..buttons.length())
        .map(|i| {
            buttons
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
        })
        .find(|b| {
            b.text_content()
                .unwrap_or_default()
                .trim()
                .starts_with(text)
        })
        .unwrap_or_else(|| panic!("no button {text} in row {id}"))
}

#[wasm_bindgen_test]
async fn workstreams_are_listed_moved_renamed_and_deleted_to_a_chosen_one() {
    let mut alpha = item("a", "Alpha", 2);
    alpha.own_calendar = true;
    alpha.days = vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Fri];
    let mut gamma = item("c", "Gamma", 1);
    gamma.days = vec![Weekday::Sat];
    let (root, _items, log, handle) = mount_list(vec![alpha, item("b", "Beta", 0), gamma]);
    tick().await;
    assert_eq!(row_names(&root), ["Alpha", "Beta", "Gamma"]);
    assert_eq!(
        texts(&root, "[data-role=task-count]"),
        ["2 tasks", "no tasks", "1 task"]
    );
    assert_eq!(
        texts(&root, "[data-role=team-days]"),
        ["Mon–Wed, Fri (own)", "Mon, Tue (program)", "Sat (program)"]
    );
    assert!(row_button(&root, "a", "Move up").has_attribute("disabled"));
    assert!(row_button(&root, "c", "Move down").has_attribute("disabled"));

    row_button(&root, "c", "Move up").click();
    tick().await;
    assert_eq!(row_names(&root), ["Alpha", "Gamma", "Beta"]);
    assert_eq!(log.get_untracked().last().unwrap(), "move c -1");

    // Renaming commits on change.
    let name = input(&root, ".ws-row[data-workstream='b'] input[type=text]");
    type_into(&name, "Bravo", true);
    tick().await;
    assert_eq!(log.get_untracked().last().unwrap(), "rename b Bravo");

    // Team days: its own weekdays, only program days allowed.
    row_button(&root, "a", "Working days").click();
    tick().await;
    assert!(input(&root, ".ws-row[data-workstream='a'] input[data-day=Thu]").disabled());
    input(&root, ".ws-row[data-workstream='a'] input[data-day=Tue]").click();
    tick().await;
    assert_eq!(log.get_untracked().last().unwrap(), "day a Tue false");

    // Delete Alpha: its tasks go to the workstream chosen.
    row_button(&root, "a", "Delete").click();
    tick().await;
    let question = texts(&root, ".ws-delete-question");
    assert_eq!(
        question,
        ["Delete “Alpha”? Its 2 tasks move to another workstream."]
    );
    assert_eq!(
        texts(&root, ".ws-delete option"),
        ["Gamma", "Beta"],
        "the others, in order"
    );
    let select = find(&root, ".ws-delete select");
    type_into(&select, "b", true);
    row_button(&root, "a", "Delete workstream").click();
    tick().await;
    assert_eq!(log.get_untracked().last().unwrap(), "delete a to b");
    assert_eq!(row_names(&root), ["Gamma", "Beta"]);
    drop(handle);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_last_workstream_says_why_it_cannot_go_and_a_new_one_is_added() {
    let (root, _items, log, handle) = mount_list(vec![item("only", "Only", 3)]);
    tick().await;
    row_button(&root, "only", "Delete").click();
    tick().await;
    assert_eq!(error_text(&root), ["'only' is the only workstream."]);
    assert_eq!(count(&root, ".ws-delete"), 0, "nothing to choose");

    let name = input(&root, "#new-workstream-name");
    type_into(&name, "Mobile", false);
    click(&root, ".ws-add button");
    tick().await;
    assert_eq!(log.get_untracked().last().unwrap(), "add Mobile");
    assert_eq!(name.value(), "");
    drop(handle);
    root.remove();
}
