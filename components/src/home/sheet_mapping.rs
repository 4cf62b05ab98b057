//! `SheetMapping`: the mapping step of a spreadsheet import — each column with its heading,
//! a few of its values and the field it is read as (guessed, changeable), the stated rules
//! that turn estimates into days, and a preview of what every row becomes with its problems
//! — then Import (a new program) or Cancel. Text from the file is shown as text.

use leptos::prelude::*;

/// A column of the sheet as the mapping step shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetColumn {
    pub heading: String,
    /// The first few values under the heading.
    pub samples: Vec<String>,
    /// The field it is read as: an index into the `fields` offered.
    pub field: usize,
}

/// What a row of the sheet becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    pub row: usize,
    pub name: String,
    /// "task 12", "workstream Payments", "skipped", …
    pub became: String,
    pub problems: Vec<String>,
}

/// A rule changed by the user.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SheetRule {
    DaysPerPoint(f64),
    HoursPerDay(f64),
    /// An index into the date orders offered.
    DateOrder(usize),
}

/// What the mapping step asks of its owner.
#[derive(Clone, Copy)]
pub struct SheetActions {
    /// (column, field index): a column is read as another field.
    pub field: Callback<(usize, usize)>,
    pub rule: Callback<SheetRule>,
    pub import: Callback<()>,
    pub cancel: Callback<()>,
}

/// The rules as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRules {
    pub days_per_point: f64,
    pub hours_per_day: f64,
    pub date_order: usize,
}

/// The preview as shown: the counts, why the import is refused (if it is), the rows and
/// the notes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetPreview {
    pub summary: String,
    pub refused: Option<String>,
    pub rows: Vec<SheetRow>,
    pub notes: Vec<String>,
}

/// The mapping step of importing `file_name`.
#[component]
pub fn SheetMapping(
    #[prop(into)] file_name: String,
    /// The fields a column can be read as, and the date orders, by label.
    fields: Vec<&'static str>,
    date_orders: Vec<&'static str>,
    #[prop(into)] columns: Signal<Vec<SheetColumn>>,
    #[prop(into)] rules: Signal<SheetRules>,
    #[prop(into)] preview: Signal<SheetPreview>,
    actions: SheetActions,
) -> impl IntoView {
    let refused = move || preview.with(|p| p.refused.is_some());
    view! {
        <section class="sheet-mapping" aria-label="Import a spreadsheet" data-role="sheet-mapping">
            <h2>"Import a spreadsheet: “" <span class="import-file-name">{file_name}</span> "”"</h2>
            <p class="sheet-help">
                "Each column is read as the field chosen under its heading (guessed from the heading). \
                 Nothing is stored until you import; it becomes a new program."
            </p>
            {columns_table(fields, columns, actions)}
            {rules_form(date_orders, rules, actions)}
            {preview_view(preview)}
            <div class="notice-actions">
                <button type="button" class="button button-primary" data-action="sheet-import"
                    disabled=refused on:click=move |_| actions.import.run(())>
                    "Import as a new program"
                </button>
                <button type="button" class="button" data-action="sheet-cancel"
                    on:click=move |_| actions.cancel.run(())>"Cancel"</button>
            </div>
        </section>
    }
}

/// The columns: headings, the field each is read as, and sample values.
fn columns_table(
    fields: Vec<&'static str>,
    columns: Signal<Vec<SheetColumn>>,
    actions: SheetActions,
) -> impl IntoView {
    let heads = move || {
        columns
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let options = fields
                    .iter()
                    .enumerate()
                    .map(|(f, label)| view! { <option value=f.to_string() selected=f == c.field>{*label}</option> })
                    .collect_view();
                view! {
                    <th scope="col">
                        <span class="sheet-heading">{c.heading.clone()}</span>
                        <select data-col=i.to_string() aria-label=format!("Column {} is read as", c.heading)
                            on:change=move |ev| {
                                if let Ok(f) = event_target_value(&ev).parse::<usize>() {
                                    actions.field.run((i, f));
                                }
                            }>
                            {options}
                        </select>
                    </th>
                }
            })
            .collect_view()
    };
    let samples = move || {
        let columns = columns.get();
        let depth = columns.iter().map(|c| c.samples.len()).max().unwrap_or(0);
        (0..depth)
            .map(|r| {
                let cells = columns
                    .iter()
                    .map(|c| view! { <td>{c.samples.get(r).cloned().unwrap_or_default()}</td> })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view()
    };
    view! {
        <div class="sheet-columns">
            <table class="sheet-table" data-role="sheet-columns">
                <thead><tr>{heads}</tr></thead>
                <tbody>{samples}</tbody>
            </table>
        </div>
    }
}

/// The stated rules: days per story point, hours per day, the order of day and month.
fn rules_form(
    date_orders: Vec<&'static str>,
    rules: Signal<SheetRules>,
    actions: SheetActions,
) -> impl IntoView {
    let number = move |ev: leptos::ev::Event| {
        event_target_value(&ev)
            .replace(',', ".")
            .parse::<f64>()
            .ok()
    };
    let orders = date_orders
        .iter()
        .enumerate()
        .map(|(i, label)| {
            view! { <option value=i.to_string() selected=move || rules.with(|r| r.date_order == i)>{*label}</option> }
        })
        .collect_view();
    view! {
        <fieldset class="sheet-rules">
            <legend>"Rules"</legend>
            <label>
                "Working days per story point "
                <input type="number" min="0.1" step="0.1" data-role="days-per-point"
                    prop:value=move || rules.with(|r| r.days_per_point.to_string())
                    on:change=move |ev| if let Some(v) = number(ev) { actions.rule.run(SheetRule::DaysPerPoint(v)) } />
            </label>
            <label>
                "Working hours per day "
                <input type="number" min="1" max="24" step="0.5" data-role="hours-per-day"
                    prop:value=move || rules.with(|r| r.hours_per_day.to_string())
                    on:change=move |ev| if let Some(v) = number(ev) { actions.rule.run(SheetRule::HoursPerDay(v)) } />
            </label>
            <label>
                "Dates like 03/04/2026 "
                <select data-role="date-order" on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                        actions.rule.run(SheetRule::DateOrder(i));
                    }
                }>{orders}</select>
            </label>
        </fieldset>
    }
}

/// What the rows become, their problems, and the notes.
fn preview_view(preview: Signal<SheetPreview>) -> impl IntoView {
    let rows = move || {
        preview.with(|p| {
            p.rows
                .iter()
                .map(|r| {
                    let problems = r.problems.join("; ");
                    let bad = !r.problems.is_empty();
                    view! {
                        <tr class:sheet-row-problem=bad>
                            <td class="num">{r.row}</td>
                            <td>{r.name.clone()}</td>
                            <td>{r.became.clone()}</td>
                            <td>{problems}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let notes = move || {
        preview.with(|p| {
            p.notes
                .iter()
                .map(|n| view! { <li>{n.clone()}</li> })
                .collect_view()
        })
    };
    view! {
        <div class="sheet-preview">
            <p class="sheet-summary" data-role="sheet-summary">{move || preview.with(|p| p.summary.clone())}</p>
            {move || preview.with(|p| p.refused.clone()).map(|why| view! {
                <p class="sheet-refused" role="alert" data-role="sheet-refused">{why}</p>
            })}
            <div class="sheet-rows">
                <table class="sheet-table" data-role="sheet-rows">
                    <thead><tr><th scope="col">"Row"</th><th scope="col">"Name"</th>
                        <th scope="col">"Becomes"</th><th scope="col">"Problems"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <ul class="import-notes" data-role="sheet-notes">{notes}</ul>
        </div>
    }
}
