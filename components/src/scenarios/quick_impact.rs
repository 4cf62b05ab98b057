//! `QuickImpact`: "if we slip X, what happens to Y?": choose tasks, type a slip or a new
//! duration, read the milestones that move, the deadlines missed (every one, never folded),
//! the tasks that absorb it and the finish shift, then save it as a scenario. Computing the
//! answer is the caller's (on every input).

use engine::words::count;
use leptos::prelude::*;

/// A task that can be chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskChoice {
    pub id: String,
    pub workstream: String,
    pub name: String,
    /// As shown, e.g. "10d".
    pub duration: String,
}

/// The first `limit` of `all` whose workstream, name or id holds `query` (case ignored),
/// leaving out the ids in `exclude`; none for an empty query. Quick impact's and the risks'
/// task searches both list these.
pub fn matching_tasks(
    all: &[TaskChoice],
    query: &str,
    exclude: &[String],
    limit: usize,
) -> Vec<TaskChoice> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    all.iter()
        .filter(|c| !exclude.contains(&c.id))
        .filter(|c| {
            format!("{} {} {}", c.workstream, c.name, c.id)
                .to_lowercase()
                .contains(&q)
        })
        .take(limit)
        .cloned()
        .collect()
}

/// A date before and after a change, as shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DateShift {
    pub name: String,
    pub before: String,
    pub after: String,
    /// Working days, e.g. "+15", "−3", "0".
    pub delta: String,
    /// Later than before (shown as bad news).
    pub later: bool,
}

/// A deadline the change misses (or misses by more), as shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MissedRow {
    /// The task or milestone.
    pub name: String,
    pub deadline: String,
    /// Its finish with the change.
    pub finish: String,
    /// E.g. "10 working days late (was on time)".
    pub late: String,
}

/// A task whose float shrank.
#[derive(Clone, Debug, PartialEq)]
pub struct AbsorbedRow {
    pub name: String,
    pub float_before: i64,
    pub float_after: i64,
}

/// The answer for the current choice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImpactSummary {
    /// The change as typed and in working days, e.g. "Slip +2w (10 working days)".
    pub change: String,
    pub finish: DateShift,
    /// The milestones that move.
    pub milestones: Vec<DateShift>,
    /// How many milestones do not move.
    pub unmoved: usize,
    /// Every deadline missed with the change that was met (or missed by less) without it.
    pub missed: Vec<MissedRow>,
    pub absorbed: Vec<AbsorbedRow>,
    /// Further tasks that absorb some of it, not listed.
    pub absorbed_more: usize,
    /// Tasks pushed past a deadline or fixed date (their float went negative).
    pub late: Vec<AbsorbedRow>,
    pub late_more: usize,
    /// One sentence: whether the critical path changed, and how.
    pub critical: String,
}

/// The callbacks of quick impact.
#[derive(Clone, Copy)]
pub struct QuickImpactActions {
    /// The chosen task ids, in order.
    pub select: Callback<Vec<String>>,
    /// What was typed in the amount field.
    pub amount: Callback<String>,
    /// `true`: the amount is a slip; `false`: a new duration.
    pub slip: Callback<bool>,
    /// Save as a scenario, with its name.
    pub save: Callback<String>,
}

/// Choices listed at most while searching.
const MATCHES_SHOWN: usize = 8;

/// Quick impact: task picker, amount, answer, save.
#[component]
pub fn QuickImpact(
    #[prop(into)] choices: Signal<Vec<TaskChoice>>,
    #[prop(into)] selected: Signal<Vec<String>>,
    #[prop(into)] amount: Signal<String>,
    #[prop(into)] slip: Signal<bool>,
    /// `None`: nothing to compute yet; `Err`: why there is no answer.
    #[prop(into)]
    impact: Signal<Option<Result<ImpactSummary, String>>>,
    /// The name "Save as scenario" offers.
    #[prop(into)]
    suggested_name: Signal<String>,
    actions: QuickImpactActions,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    view! {
        <section class="quick-impact" aria-labelledby="quick-impact-title">
            <h2 id="quick-impact-title" class="section-title">"Quick impact"</h2>
            <p class="section-hint">
                "What happens if some tasks slip? Nothing is saved until you save it as a scenario."
            </p>
            <div class="qi-inputs">
                <TaskPicker choices selected query select=actions.select />
                <AmountField amount slip actions />
            </div>
            <ImpactAnswer impact suggested_name save=actions.save />
        </section>
    }
}

/// The chosen tasks as chips, and a search over the others.
#[component]
fn TaskPicker(
    choices: Signal<Vec<TaskChoice>>,
    selected: Signal<Vec<String>>,
    query: RwSignal<String>,
    select: Callback<Vec<String>>,
) -> impl IntoView {
    let chips = move || {
        let chosen = selected.get();
        choices.with(|all| {
            chosen
                .iter()
                .filter_map(|id| all.iter().find(|c| &c.id == id).cloned())
                .map(|c| {
                    let id = c.id.clone();
                    let remove = move |_| {
                        let rest: Vec<String> = selected
                            .get_untracked()
                            .into_iter()
                            .filter(|s| s != &id)
                            .collect();
                        select.run(rest);
                    };
                    view! {
                        <li class="qi-chip" data-task=c.id.clone()>
                            <span class="qi-chip-team">{c.workstream.clone()}</span>
                            <span class="qi-chip-name">{c.name.clone()}</span>
                            <span class="qi-chip-duration">{c.duration}</span>
                            <button
                                type="button"
                                class="qi-chip-remove"
                                aria-label=format!("Remove {}", c.name)
                                title=format!("Remove {} ({})", c.name, c.workstream)
                                on:click=remove
                            >
                                "×"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let matches = move || {
        let chosen = selected.get();
        query.with(|q| choices.with(|all| matching_tasks(all, q, &chosen, MATCHES_SHOWN)))
    };
    let pick = move |id: String| {
        let mut now = selected.get_untracked();
        if !now.contains(&id) {
            now.push(id);
        }
        select.run(now);
        query.set(String::new());
    };
    view! {
        <div class="qi-picker">
            <label class="field-label" for="qi-search">"Tasks"</label>
            <ul class="qi-chips">{chips}</ul>
            <input
                id="qi-search"
                class="text-input"
                data-field="qi-search"
                type="search"
                autocomplete="off"
                placeholder="Search by workstream or task name"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=move |ev| {
                    // Enter picks the first match: type a few letters, press Enter.
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        if let Some(first) = matches().into_iter().next() {
                            pick(first.id);
                        }
                    }
                }
            />
            <ul class="qi-matches" role="listbox">
                {move || {
                    matches()
                        .into_iter()
                        .map(|c| {
                            let id = c.id.clone();
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="qi-match"
                                        data-task=c.id.clone()
                                        on:click=move |_| pick(id.clone())
                                    >
                                        <span class="qi-chip-team">{c.workstream}</span>
                                        <span>{c.name}</span>
                                        <span class="qi-chip-duration">{c.duration}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}

/// Slip or new duration, and the amount.
#[component]
fn AmountField(
    amount: Signal<String>,
    slip: Signal<bool>,
    actions: QuickImpactActions,
) -> impl IntoView {
    view! {
        <div class="qi-amount">
            <div class="segmented" role="radiogroup" aria-label="Kind of change">
                <button
                    type="button"
                    role="radio"
                    data-action="qi-slip"
                    aria-checked=move || slip.get().to_string()
                    on:click=move |_| actions.slip.run(true)
                >
                    "Slip by"
                </button>
                <button
                    type="button"
                    role="radio"
                    data-action="qi-duration"
                    aria-checked=move || (!slip.get()).to_string()
                    on:click=move |_| actions.slip.run(false)
                >
                    "New duration"
                </button>
            </div>
            <label class="field-label" for="qi-amount">
                {move || if slip.get() { "Working days (+15d, 3w, -2d)" } else { "Duration (20d, 4w)" }}
            </label>
            <input
                id="qi-amount"
                class="text-input qi-amount-input"
                data-field="qi-amount"
                autocomplete="off"
                placeholder=move || if slip.get() { "+15d" } else { "20d" }
                prop:value=move || amount.get()
                on:input=move |ev| actions.amount.run(event_target_value(&ev))
            />
        </div>
    }
}

/// The answer, and saving it.
#[component]
fn ImpactAnswer(
    impact: Signal<Option<Result<ImpactSummary, String>>>,
    suggested_name: Signal<String>,
    save: Callback<String>,
) -> impl IntoView {
    let name = NodeRef::<leptos::html::Input>::new();
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked().map(|i| i.value()).unwrap_or_default();
        let typed = typed.trim();
        save.run(if typed.is_empty() {
            suggested_name.get_untracked()
        } else {
            typed.to_owned()
        });
    };
    move || match impact.get() {
        None => view! {
            <p class="qi-empty" data-role="qi-answer">
                "Choose one or more tasks and type a slip, such as +15d."
            </p>
        }
        .into_any(),
        Some(Err(reason)) => view! {
            <p class="qi-error" data-role="qi-answer" role="alert">{reason}</p>
        }
        .into_any(),
        Some(Ok(summary)) => view! {
            <div class="qi-answer" data-role="qi-answer" aria-live="polite">
                <p class="qi-change" data-role="qi-change">{summary.change.clone()}</p>
                <FinishLine finish=summary.finish.clone() />
                <p class="qi-critical" data-role="qi-critical">{summary.critical.clone()}</p>
                <MovedMilestones rows=summary.milestones.clone() unmoved=summary.unmoved />
                <MissedDeadlines rows=summary.missed.clone() />
                <FloatList
                    rows=summary.late.clone()
                    more=summary.late_more
                    title="Pushed past a deadline (negative float)"
                    role="qi-late"
                />
                <FloatList
                    rows=summary.absorbed.clone()
                    more=summary.absorbed_more
                    title="Absorbed in float"
                    role="qi-absorbed"
                />
                <form class="qi-save" on:submit=on_save>
                    <label class="field-label" for="qi-name">"Scenario name"</label>
                    <input
                        id="qi-name"
                        class="text-input"
                        data-field="qi-name"
                        node_ref=name
                        prop:value=move || suggested_name.get()
                    />
                    <button type="submit" class="button button-primary" data-action="qi-save">
                        "Save as scenario"
                    </button>
                </form>
            </div>
        }
        .into_any(),
    }
}

fn delta_class(later: bool, delta: &str) -> &'static str {
    if later {
        "delta delta-later"
    } else if delta.starts_with('0') {
        "delta"
    } else {
        "delta delta-earlier"
    }
}

#[component]
fn FinishLine(finish: DateShift) -> impl IntoView {
    let class = delta_class(finish.later, &finish.delta);
    view! {
        <p class="qi-finish" data-role="qi-finish">
            <span class="qi-finish-label">"Program finish "</span>
            <span class="date">{finish.before}</span>
            " → "
            <span class="date">{finish.after}</span>
            " "
            <span class=class>
                {if finish.delta == "0" {
                    "unchanged".to_owned()
                } else if finish.delta.trim_start_matches(['+', '-', '−']) == "1" {
                    format!("{} working day", finish.delta)
                } else {
                    format!("{} working days", finish.delta)
                }}
            </span>
        </p>
    }
}

#[component]
fn MovedMilestones(rows: Vec<DateShift>, unmoved: usize) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="qi-none" data-role="qi-milestones">"No milestone moves."</p> }
            .into_any();
    }
    let rows = rows
        .into_iter()
        .map(|r| {
            let class = delta_class(r.later, &r.delta);
            view! {
                <tr>
                    <th scope="row">{r.name}</th>
                    <td class="date">{r.before}</td>
                    <td class="date">{r.after}</td>
                    <td class=format!("num {class}")>{r.delta}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data-table qi-milestones" data-role="qi-milestones">
            <caption>"Milestones that move"</caption>
            <thead>
                <tr>
                    <th scope="col">"Milestone"</th>
                    <th scope="col">"Now"</th>
                    <th scope="col">"With the change"</th>
                    <th scope="col" class="num">"Δ working days"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {(unmoved > 0).then(|| view! {
            <p class="section-hint">
                {format!(
                    "{} {} not move.",
                    count(unmoved, "other milestone", "other milestones"),
                    if unmoved == 1 { "does" } else { "do" },
                )}
            </p>
        })}
    }
    .into_any()
}

/// Every deadline missed: never folded, however many (each is news to someone).
#[component]
fn MissedDeadlines(rows: Vec<MissedRow>) -> impl IntoView {
    if rows.is_empty() {
        return ().into_any();
    }
    let title = if rows.len() == 1 {
        "Deadline missed"
    } else {
        "Deadlines missed"
    };
    let items = rows
        .into_iter()
        .map(|r| {
            view! {
                <li>
                    <span class="qi-missed-name">{r.name}</span>
                    {format!(": deadline {}, finishes {} — {}", r.deadline, r.finish, r.late)}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="qi-missed" data-role="qi-missed">
            <p class="qi-list-title">{title}</p>
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}

#[component]
fn FloatList(
    rows: Vec<AbsorbedRow>,
    more: usize,
    title: &'static str,
    role: &'static str,
) -> impl IntoView {
    if rows.is_empty() {
        return ().into_any();
    }
    let items = rows
        .into_iter()
        .map(|r| {
            view! {
                <li>
                    <span class="qi-absorbed-name">{r.name}</span>
                    {format!(": float {}d → {}d", r.float_before, r.float_after)}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="qi-absorbed" data-role=role>
            <p class="qi-list-title">{title}</p>
            <ul>{items}</ul>
            {(more > 0).then(|| view! { <p class="section-hint">{format!("… and {more} more.")}</p> })}
        </div>
    }
    .into_any()
}
