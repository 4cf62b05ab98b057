//! The charter section of the Logs tab: the program's charter as a one-page read (purpose,
//! objectives, scope in and out, stakeholders with their RACI, governance, success metrics,
//! benefits with their realization and the program's index), and a form for its words
//! (purpose, objectives, scope, metrics: one item a line), saved as one undoable edit.
//! Stakeholders, governance and benefits come from the program file.
//!
//! Does not: compute the realization (`engine::logs::figures`).

use engine::logs::edit::set_charter;
use engine::logs::figures::{benefits_index, realization};
use engine::logs::model::Charter;
use engine::logs::sub_items::{add_benefit, add_measurement};
use leptos::prelude::*;

use crate::editor::{Editor, describe};

/// The charter, and its form.
#[component]
pub fn CharterPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let charter = Memo::new(move |_| {
        editor
            .doc
            .with(|d| d.as_ref().and_then(|d| d.program.logs.charter.clone()))
            .unwrap_or_default()
    });
    let editing = RwSignal::new(false);
    let refusal = RwSignal::new(None::<String>);
    view! {
        <section class="charter" data-role="charter" aria-label="Charter">
            <div class="log-toolbar">
                <button type="button" class="button" data-action="edit-charter"
                    on:click=move |_| editing.update(|e| *e = !*e)>
                    {move || if editing.get() { "Close the form" } else { "Edit the charter" }}
                </button>
            </div>
            {move || refusal.get().map(|why| view! { <p class="setup-error" role="alert">{why}</p> })}
            {move || editing.get().then(|| charter_form(editor, charter.get(), editing, refusal))}
            {move || charter.with(read_view)}
            {benefit_forms(editor, charter, refusal)}
        </section>
    }
}

fn lines(items: &[String]) -> String {
    items.join("\n")
}

fn items(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn charter_form(
    editor: Editor,
    charter: Charter,
    editing: RwSignal<bool>,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let purpose = RwSignal::new(charter.purpose.clone());
    let objectives = RwSignal::new(lines(&charter.objectives));
    let scope_in = RwSignal::new(lines(&charter.scope_in));
    let scope_out = RwSignal::new(lines(&charter.scope_out));
    let metrics = RwSignal::new(lines(&charter.success_metrics));
    let field = move |label: &'static str, key: &'static str, value: RwSignal<String>| {
        view! {
            <label class="charter-field">
                <span>{label}</span>
                <textarea data-field=key rows="3" prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            </label>
        }
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let updated = Charter {
            purpose: purpose.get_untracked().trim().to_owned(),
            objectives: items(&objectives.get_untracked()),
            scope_in: items(&scope_in.get_untracked()),
            scope_out: items(&scope_out.get_untracked()),
            success_metrics: items(&metrics.get_untracked()),
            ..charter.clone()
        };
        let edit = editor
            .doc
            .with_untracked(|d| d.as_ref().map(|d| set_charter(&d.program, Some(updated))));
        let Some(edit) = edit else { return };
        match editor.act(vec![edit]) {
            Ok(()) => {
                refusal.set(None);
                editing.set(false);
            }
            Err(d) => refusal.set(Some(format!("The charter was not saved: {}", describe(&d)))),
        }
    };
    view! {
        <form class="charter-form" data-role="charter-form" on:submit=save>
            {field("Purpose", "purpose", purpose)}
            {field("Objectives (one a line)", "objectives", objectives)}
            {field("In scope (one a line)", "scope_in", scope_in)}
            {field("Out of scope (one a line)", "scope_out", scope_out)}
            {field("Success metrics (one a line)", "success_metrics", metrics)}
            <button type="submit" class="button button-primary" data-action="save-charter">"Save"</button>
        </form>
    }
}

fn list(title: &'static str, items: &[String]) -> impl IntoView + use<> {
    let items = items
        .iter()
        .map(|i| view! { <li>{i.clone()}</li> })
        .collect_view();
    view! { <h3>{title}</h3><ul>{items}</ul> }
}

fn read_view(c: &Charter) -> impl IntoView + use<> {
    let stakeholders = c
        .stakeholders
        .iter()
        .map(|s| {
            let raci = s
                .raci
                .iter()
                .map(|r| format!("{}: {}", r.area, r.letters))
                .collect::<Vec<_>>()
                .join("; ");
            view! { <tr><td>{s.name.clone()}</td><td>{s.role.clone()}</td><td>{raci}</td></tr> }
        })
        .collect_view();
    let forums = c
        .governance
        .forums
        .iter()
        .map(|f| format!("{} ({})", f.name, f.cadence))
        .collect::<Vec<_>>();
    let benefits = c
        .benefits
        .iter()
        .map(|b| {
            let latest = b.measured.iter().max_by_key(|m| m.date).map_or_else(
                || "not measured".to_owned(),
                |m| format!("{} on {}", m.value, m.date),
            );
            view! {
                <tr data-benefit=b.id.clone()>
                    <th scope="row">{b.id.clone()}</th>
                    <td>{b.metric.clone()}</td>
                    <td>{b.baseline}</td>
                    <td>{b.target}</td>
                    <td>{b.by.map(|d| d.to_string()).unwrap_or_default()}</td>
                    <td>{latest}</td>
                    <td>{format!("{:.0}%", realization(b) * 100.0)}</td>
                </tr>
            }
        })
        .collect_view();
    let index = benefits_index(c).map_or_else(
        || "No benefit yet.".to_owned(),
        |i| format!("Benefits realization index: {:.0}% (the mean of each benefit's way from its baseline to its target).", i * 100.0),
    );
    view! {
        <article class="charter-page">
            <h2 class="section-title">"Purpose"</h2>
            <p data-role="charter-purpose">{if c.purpose.is_empty() { "No purpose written yet.".to_owned() } else { c.purpose.clone() }}</p>
            {list("Objectives", &c.objectives)}
            {list("In scope", &c.scope_in)}
            {list("Out of scope", &c.scope_out)}
            <h3>"Stakeholders"</h3>
            <table class="data-table"><thead><tr><th>"Name"</th><th>"Role"</th><th>"RACI"</th></tr></thead>
                <tbody>{stakeholders}</tbody></table>
            {list("Governance forums", &forums)}
            {list("Escalation path", &c.governance.escalation)}
            {list("Success metrics", &c.success_metrics)}
            <h3>"Benefits"</h3>
            <p data-role="benefits-index">{index}</p>
            <table class="data-table"><thead><tr><th>"ID"</th><th>"Metric"</th><th>"Baseline"</th>
                <th>"Target"</th><th>"By"</th><th>"Latest"</th><th>"Realized"</th></tr></thead>
                <tbody>{benefits}</tbody></table>
        </article>
    }
}

/// A field of a small form, kept in `value`.
fn input(label: &'static str, role: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <input type="text" class="log-filter" placeholder=label aria-label=label data-role=role
            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
    }
}

/// Adding a benefit, and recording a measured value of one.
fn benefit_forms(
    editor: Editor,
    charter: Memo<Charter>,
    refusal: RwSignal<Option<String>>,
) -> impl IntoView {
    let [metric, baseline, target, by] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let [benefit, date, value] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let added = editor.act_on(refusal, "Benefit not added", |p| {
            let fields = [metric, baseline, target, by].map(|s| s.get_untracked());
            add_benefit(p, &fields[0], &fields[1], &fields[2], &fields[3]).map(|(_, e)| vec![e])
        });
        if added {
            [metric, baseline, target, by]
                .iter()
                .for_each(|s| s.set(String::new()));
        }
    };
    let measure = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let recorded = editor.act_on(refusal, "Measurement not recorded", |p| {
            let fields = [benefit, date, value].map(|s| s.get_untracked());
            add_measurement(p, &fields[0], &fields[1], &fields[2]).map(|e| vec![e])
        });
        if recorded {
            value.set(String::new());
        }
    };
    let choices = move || {
        charter.with(|c| {
            c.benefits
                .iter()
                .map(|b| view! { <option value=b.id.clone()>{format!("{} — {}", b.id, b.metric)}</option> })
                .collect_view()
        })
    };
    view! {
        <form class="log-add" data-role="add-benefit" on:submit=add>
            {input("Metric", "benefit-metric", metric)}
            {input("Baseline", "benefit-baseline", baseline)}
            {input("Target", "benefit-target", target)}
            {input("By 2026-12-31", "benefit-by", by)}
            <button type="submit" class="button" data-action="add-benefit">"Add benefit"</button>
        </form>
        <form class="log-add" data-role="add-measurement" on:submit=measure>
            <select aria-label="Benefit" data-role="measure-benefit" on:change=move |ev| benefit.set(event_target_value(&ev))>
                <option value="">"Benefit…"</option>
                {choices}
            </select>
            {input("Date 2026-06-01", "measure-date", date)}
            {input("Value", "measure-value", value)}
            <button type="submit" class="button" data-action="add-measurement">"Record a measurement"</button>
        </form>
    }
}
