//! The Logs tab (issue 20): the program's RAID log (risks, assumptions, issues, cross-team
//! dependencies), decision log, change requests and charter, one section at a time. Each
//! log is a table of typed cells (`LogTableView` over `document::logs::table`) with its
//! plain-words summary, a filter (owner, status, needing attention), a sort, an add line,
//! and CSV export; figures (ages, latency, scores, status against the schedule) are on the
//! status date, or today without one.
//!
//! Every change is one program edit (`Editor::act`: one undo step); a refused one says
//! which item and field, and why, and the typed text stays in its cell.
//!
//! Does not: compute anything of the logs (`engine::logs`, `document::logs` do).

use components::{LogTableActions, LogTableView};
use document::logs::table::{LogTable, log_csv, log_table};
use document::logs::{Filter, SortBy};
use engine::logs::edit::{Log, add_item, remove_item};
use engine::logs::typing::set_field;
use leptos::prelude::*;

use super::broken_assumptions::BrokenAssumptions;
use super::change_requests::ChangeRequests;
use super::charter_view::CharterPanel;
use super::item_details::{DecisionOptions, MitigationValues, RiskActions};
use crate::editor::Editor;

/// A section of the tab: a log, or the charter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Log(Log),
    Charter,
}

/// Each log's name on its section button.
fn title(log: Log) -> &'static str {
    match log {
        Log::Risks => "Risks",
        Log::Assumptions => "Assumptions",
        Log::Issues => "Issues",
        Log::Dependencies => "Dependencies",
        Log::Decisions => "Decisions",
        Log::Changes => "Change requests",
    }
}

/// The date the logs' figures are on: the program's status date, else today.
pub fn as_of(editor: Editor) -> chrono::NaiveDate {
    editor
        .doc
        .with(|d| d.as_ref().and_then(|d| d.program.program.status_date))
        .unwrap_or_else(crate::format::today)
}

/// The Logs tab.
#[component]
pub fn LogsPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let section = RwSignal::new(Section::Log(Log::Risks));
    let filter = RwSignal::new(Filter::default());
    let sort = RwSignal::new(SortBy::Order);
    let refusal = RwSignal::new(None::<String>);
    let log = move || match section.get() {
        Section::Log(log) => Some(log),
        Section::Charter => None,
    };
    let table = Memo::new(move |_| {
        let Some(log) = log() else {
            return LogTable::default();
        };
        let (day, f, by) = (as_of(editor), filter.get(), sort.get());
        editor.doc.with(|d| {
            d.as_ref().map_or_else(LogTable::default, |d| {
                editor
                    .derived
                    .with(|v| log_table(&d.program, v.program.ok(), log, day, &f, by))
            })
        })
    });
    let actions = LogTableActions {
        edit: Callback::new(move |(id, field, text): (String, &'static str, String)| {
            let Some(log) = log() else { return };
            editor.act_on(refusal, &id, |p| {
                set_field(p, log, &id, field, &text).map(|e| vec![e])
            });
        }),
        delete: Callback::new(move |id: String| {
            let Some(log) = log() else { return };
            editor.act_on(refusal, &format!("{id} not deleted"), |p| {
                remove_item(p, log, &id).map(|e| vec![e])
            });
        }),
    };
    let new_title = RwSignal::new(String::new());
    let add = move || {
        let Some(log) = log() else { return };
        let (text, day) = (new_title.get_untracked(), as_of(editor));
        if editor.act_on(refusal, "Not added", |p| {
            add_item(p, log, &text, Some(day)).map(|(_, e)| vec![e])
        }) {
            new_title.set(String::new());
        }
    };
    let export = move |_| {
        let Some(log) = log() else { return };
        let result = editor.doc.with_untracked(|d| {
            d.as_ref().map(|d| {
                let csv = editor
                    .derived
                    .with_untracked(|v| log_csv(&d.program, v.program.ok(), log, as_of(editor)));
                crate::file_io::export_log(d, log.key(), &csv)
            })
        });
        refusal.set(result.and_then(Result::err));
    };
    let sections = move || {
        let counts: Vec<usize> = editor.doc.with(|d| {
            Log::ALL
                .iter()
                .map(|l| d.as_ref().map_or(0, |d| l.ids(&d.program).len()))
                .collect()
        });
        let mut buttons: Vec<AnyView> = Log::ALL
            .iter()
            .zip(counts)
            .map(|(&l, count)| {
                section_button(
                    section,
                    Section::Log(l),
                    format!("{} {count}", title(l)),
                    l.key(),
                    filter,
                    refusal,
                )
            })
            .collect();
        buttons.push(section_button(
            section,
            Section::Charter,
            "Charter".into(),
            "charter",
            filter,
            refusal,
        ));
        buttons
    };
    let log_view = move || {
        let log = log()?;
        Some(view! {
            <p class="log-summary" data-role="log-summary">{move || table.with(|t| t.summary.clone())}</p>
            <div class="log-toolbar" role="toolbar" aria-label="Log tools">
                <form class="log-add" on:submit=move |ev| { ev.prevent_default(); add(); }>
                    <input type="text" data-role="log-new" placeholder=format!("New {}…", log.item_name())
                        aria-label=format!("New {}", log.item_name())
                        prop:value=move || new_title.get()
                        on:input=move |ev| new_title.set(event_target_value(&ev)) />
                    <button type="submit" class="button button-primary" data-action="log-add">"Add"</button>
                </form>
                {filter_view(filter, sort)}
                <button type="button" class="button" data-action="log-export" on:click=export
                    title="Download this log as CSV, with its computed columns">
                    "Export CSV"
                </button>
            </div>
            {move || refusal.get().map(|why| view! {
                <p class="setup-error" role="alert" data-role="log-error">{why}</p>
            })}
            <LogTableView table=table log=log.key() actions=actions />
            {(log == Log::Changes).then(|| view! { <ChangeRequests refusal=refusal /> })}
            {(log == Log::Assumptions).then(|| view! { <BrokenAssumptions refusal=refusal /> })}
            {(log == Log::Risks).then(|| view! { <MitigationValues /> <RiskActions refusal=refusal /> })}
            {(log == Log::Decisions).then(|| view! { <DecisionOptions refusal=refusal /> })}
        })
    };
    view! {
        <section class="logs-view" aria-label="Logs" data-role="logs">
            <nav class="log-sections" aria-label="Logs">{sections}</nav>
            {log_view}
            {move || (section.get() == Section::Charter).then(|| view! { <CharterPanel /> })}
        </section>
    }
}

fn section_button(
    section: RwSignal<Section>,
    which: Section,
    label: String,
    key: &'static str,
    filter: RwSignal<Filter>,
    refusal: RwSignal<Option<String>>,
) -> AnyView {
    view! {
        <button type="button" class="button log-section" data-section=key
            aria-pressed=move || (section.get() == which).to_string()
            on:click=move |_| {
                section.set(which);
                filter.set(Filter::default());
                refusal.set(None);
            }>
            {label}
        </button>
    }
    .into_any()
}

/// The filter (owner, status, needing attention) and the sort.
fn filter_view(filter: RwSignal<Filter>, sort: RwSignal<SortBy>) -> impl IntoView {
    let sorts = [
        (SortBy::Order, "Log order"),
        (SortBy::Id, "Id"),
        (SortBy::Owner, "Owner"),
        (SortBy::Status, "Status"),
        (SortBy::Age, "Oldest first"),
        (SortBy::Due, "Soonest due"),
    ];
    let options = sorts
        .iter()
        .enumerate()
        .map(|(i, (_, label))| view! { <option value=i.to_string()>{*label}</option> })
        .collect_view();
    view! {
        <input type="search" class="log-filter" data-role="log-owner" placeholder="Owner"
            aria-label="Only this owner's"
            on:input=move |ev| filter.update(|f| f.owner = event_target_value(&ev)) />
        <input type="search" class="log-filter" data-role="log-status" placeholder="Status"
            aria-label="Only this status"
            on:input=move |ev| filter.update(|f| f.status = event_target_value(&ev)) />
        <label class="level-option">
            <input type="checkbox" data-role="log-flagged"
                on:change=move |ev| filter.update(|f| f.flagged_only = event_target_checked(&ev)) />
            " Needs attention"
        </label>
        <select data-role="log-sort" aria-label="Sort by"
            on:change=move |ev| {
                let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                sort.set(sorts.get(i).map_or(SortBy::Order, |s| s.0));
            }>
            {options}
        </select>
    }
}
