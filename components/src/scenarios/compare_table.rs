//! `CompareTable`: milestones of the program and of the chosen scenarios side by side
//! (date, Δ against the program, total float), the program finish, the variance against the
//! active baseline, critical-path changes, and a short plain-text summary to copy.

use leptos::prelude::*;

/// One milestone (or the finish) in one column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareCell {
    pub date: String,
    /// Working days against the program ("" in the program's own column).
    pub delta: String,
    pub later: bool,
    /// Total float, e.g. "5d".
    pub float: String,
}

/// One row: a milestone, or the program finish.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareLine {
    pub name: String,
    pub program: CompareCell,
    /// Finish variance against the active baseline, e.g. "+3" ("" without one).
    pub variance: String,
    pub scenarios: Vec<CompareCell>,
}

/// The comparison shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareView {
    /// The chosen scenarios' names, in column order.
    pub scenarios: Vec<String>,
    /// The active baseline's name, if there is one.
    pub baseline: Option<String>,
    pub milestones: Vec<CompareLine>,
    pub finish: CompareLine,
    /// Per scenario, one sentence about the critical path.
    pub critical: Vec<String>,
    /// The plain-text summary for an email.
    pub summary: String,
}

/// The comparison table and its text summary.
#[component]
pub fn CompareTable(
    #[prop(into)] compare: Signal<CompareView>,
    /// Copy the summary to the clipboard.
    on_copy: Callback<String>,
    /// What became of the last copy ("Copied.", or why not).
    #[prop(into)]
    copy_note: Signal<String>,
) -> impl IntoView {
    let body = move || {
        let c = compare.get();
        let head = head(&c);
        let baseline = c.baseline.is_some();
        let rows = c
            .milestones
            .iter()
            .map(|line| line_row(line, baseline, false))
            .collect_view();
        let finish = line_row(&c.finish, baseline, true);
        let critical = c
            .critical
            .iter()
            .map(|s| view! { <li>{s.clone()}</li> })
            .collect_view();
        view! {
            <div class="table-scroll">
                <table class="data-table compare-table" data-role="compare-table">
                    <thead>{head}</thead>
                    <tbody>{rows}{finish}</tbody>
                </table>
            </div>
            <ul class="compare-critical" data-role="compare-critical">{critical}</ul>
        }
    };
    let summary = move || compare.with(|c| c.summary.clone());
    view! {
        <section class="compare-section" aria-labelledby="compare-title">
            <h2 id="compare-title" class="section-title">"Compare"</h2>
            <p class="section-hint">
                "Tick scenarios in the list to put them side by side with the program."
            </p>
            {body}
            <div class="compare-text">
                <label class="field-label" for="compare-summary">"Summary for an email"</label>
                <textarea
                    id="compare-summary"
                    class="text-input compare-summary"
                    data-field="compare-summary"
                    readonly
                    rows="6"
                    prop:value=summary
                ></textarea>
                <div class="compare-copy">
                    <button
                        type="button"
                        class="button"
                        data-action="copy-summary"
                        on:click=move |_| on_copy.run(compare.with_untracked(|c| c.summary.clone()))
                    >
                        "Copy as text"
                    </button>
                    <span class="section-hint" data-role="copy-note" aria-live="polite">
                        {move || copy_note.get()}
                    </span>
                </div>
            </div>
        </section>
    }
}

fn head(c: &CompareView) -> impl IntoView + use<> {
    let scenario_heads = c
        .scenarios
        .iter()
        .map(|name| {
            view! {
                <th scope="col" colspan="3" class="compare-scenario-head">{name.clone()}</th>
            }
        })
        .collect_view();
    let sub = c
        .scenarios
        .iter()
        .map(|_| {
            view! {
                <th scope="col">"Date"</th>
                <th scope="col" class="num">"Δ"</th>
                <th scope="col" class="num">"Float"</th>
            }
        })
        .collect_view();
    let baseline = c.baseline.clone().map(|name| {
        view! {
            <th scope="col" rowspan="2" class="num compare-baseline-head" title=format!("Finish variance against baseline “{name}”, working days")>
                {format!("vs baseline “{name}”")}
            </th>
        }
    });
    view! {
        <tr>
            <th scope="col" rowspan="2">"Milestone"</th>
            <th scope="col" colspan="2" class="compare-program-head">"Program"</th>
            {baseline}
            {scenario_heads}
        </tr>
        <tr>
            <th scope="col">"Date"</th>
            <th scope="col" class="num">"Float"</th>
            {sub}
        </tr>
    }
}

fn line_row(line: &CompareLine, baseline: bool, finish: bool) -> impl IntoView + use<> {
    let cells = line
        .scenarios
        .iter()
        .map(|cell| {
            let class = if cell.later {
                "num delta delta-later"
            } else if cell.delta.starts_with('-') || cell.delta.starts_with('−') {
                "num delta delta-earlier"
            } else if cell.delta == "0" {
                "num delta delta-zero"
            } else {
                "num delta"
            };
            view! {
                <td class="date compare-scenario-first">{cell.date.clone()}</td>
                <td class=class>{cell.delta.clone()}</td>
                <td class="num" class:float-negative=cell.float.starts_with('-')>
                    {cell.float.clone()}
                </td>
            }
        })
        .collect_view();
    let variance = baseline.then(|| {
        let later = line.variance.starts_with('+');
        let zero = line.variance == "0";
        view! {
            <td
                class="num delta compare-baseline"
                class:delta-later=later
                class:delta-zero=zero
                data-role="baseline-variance"
            >
                {line.variance.clone()}
            </td>
        }
    });
    view! {
        <tr class:compare-finish=finish data-milestone=line.name.clone()>
            <th scope="row">{line.name.clone()}</th>
            <td class="date">{line.program.date.clone()}</td>
            <td class="num" class:float-negative=line.program.float.starts_with('-')>
                {line.program.float.clone()}
            </td>
            {variance}
            {cells}
        </tr>
    }
}
