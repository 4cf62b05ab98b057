//! `PrintPlan`: the plan laid out for paper — the program's name and the date on top, then
//! one table of every row (the grid's columns and a Gantt column over the whole time span),
//! its heading repeated on each page and no row split across pages. Rendered only while
//! printing (the screen shows the scrolling grid and chart, which cannot print whole).
//!
//! Bars are placed in percent of the span (HTML, not SVG, so that a milestone's diamond is
//! not stretched by the page's width).

use chrono::{Datelike, Months, NaiveDate};
use leptos::prelude::*;

use document::Column;
use document::plan_model::{PlanModel, PlanRow};

/// The printed plan of `model` (every row built) in `columns`, headed by `title` and
/// `subtitle` (the date printed, the scenario shown).
#[component]
pub fn PrintPlan(
    #[prop(into)] model: Signal<PlanModel>,
    #[prop(into)] columns: Signal<Vec<Column>>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] subtitle: Signal<String>,
) -> impl IntoView {
    let table = move || {
        let shown = columns.get();
        model.with(|m| {
            let days = m.days.max(1) as f64;
            let pct = |day: i64| (day as f64 / days * 100.0).clamp(0.0, 100.0);
            let head = shown
                .iter()
                .map(|c| view! { <th scope="col" data-col=c.key()>{c.label()}</th> })
                .collect_view();
            let months = month_ticks(&m.origin, m.days)
                .into_iter()
                .map(|(day, label)| {
                    view! {
                        <span class="print-month" style:left=format!("{:.3}%", pct(day))>{label}</span>
                    }
                })
                .collect_view();
            let rows = m
                .rows_in(0..m.len())
                .map(|(_, row)| print_row(row, &shown, &pct))
                .collect_view();
            view! {
                <table class="print-table">
                    <thead>
                        <tr>
                            {head}
                            <th scope="col" class="print-gantt-head">
                                <div class="print-scale">{months}</div>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
    };
    view! {
        <div class="print-plan" data-role="print-plan">
            <header class="print-title">
                <h2>{move || title.get()}</h2>
                <p>{move || subtitle.get()}</p>
            </header>
            {table}
        </div>
    }
}

/// One printed row: a workstream's heading with its roll-up bar, or a task with its bar.
fn print_row(row: &PlanRow, columns: &[Column], pct: &dyn Fn(i64) -> f64) -> AnyView {
    match row {
        PlanRow::Group(g) => {
            let bar = g.bar.map(|(a, b)| {
                view! {
                    <div
                        class="print-bar print-rollup"
                        style:left=format!("{:.3}%", pct(a))
                        style:width=format!("{:.3}%", (pct(b) - pct(a)).max(0.2))
                    ></div>
                }
            });
            view! {
                <tr class="print-group">
                    <th scope="rowgroup" colspan=columns.len()>
                        {format!("{} ({})", g.name, g.tasks)}
                    </th>
                    <td class="print-gantt">{bar}</td>
                </tr>
            }
            .into_any()
        }
        PlanRow::Task(t) => {
            let cells = columns
                .iter()
                .map(|&c| {
                    // The outline as on screen: a task under a summary indented.
                    let indent = (c == Column::Name && t.level > 0)
                        .then(|| format!("{}em", 1.2 * f64::from(t.level)));
                    view! {
                        <td data-col=c.key() style:padding-left=indent>
                            {c.text(t).into_owned()}
                        </td>
                    }
                })
                .collect_view();
            let bar = t.bar.as_ref().map(|b| {
                if t.milestone {
                    view! {
                        <span class="print-milestone" style:left=format!("{:.3}%", pct(b.start))>
                            "◆"
                        </span>
                    }
                    .into_any()
                } else {
                    let class = if t.critical {
                        "print-bar print-critical"
                    } else {
                        "print-bar"
                    };
                    view! {
                        <div
                            class=class
                            style:left=format!("{:.3}%", pct(b.start))
                            style:width=format!("{:.3}%", (pct(b.end) - pct(b.start)).max(0.2))
                            style:background-color=t.color.clone()
                        ></div>
                    }
                    .into_any()
                }
            });
            let class = match (t.critical, t.summary) {
                (true, true) => "print-task critical summary",
                (true, false) => "print-task critical",
                (false, true) => "print-task summary",
                (false, false) => "print-task",
            };
            view! {
                <tr class=class>
                    {cells}
                    <td class="print-gantt">{bar}</td>
                </tr>
            }
            .into_any()
        }
    }
}

/// The first day of each month in chart days `0..days` from `origin`, with its label
/// ("Jan 2027" at a year's start or the first, else "Feb").
fn month_ticks(origin: &str, days: i64) -> Vec<(i64, String)> {
    let Ok(origin) = origin.parse::<NaiveDate>() else {
        return Vec::new();
    };
    let mut ticks = Vec::new();
    let mut month = origin.with_day(1).unwrap_or(origin);
    if month < origin {
        month = month.checked_add_months(Months::new(1)).unwrap_or(origin);
    }
    while (month - origin).num_days() < days {
        let label = if ticks.is_empty() || month.month() == 1 {
            month.format("%b %Y").to_string()
        } else {
            month.format("%b").to_string()
        };
        ticks.push(((month - origin).num_days(), label));
        let Some(next) = month.checked_add_months(Months::new(1)) else {
            break;
        };
        month = next;
    }
    ticks
}
