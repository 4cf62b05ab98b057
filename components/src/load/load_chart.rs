//! `LoadChart`: each resource's load as a histogram — a bar per working day of what the
//! tasks demand, the capacity as a line, the days over it in red — and its over-allocated
//! periods listed; choosing a period (or one of its red bars) selects its tasks.

use leptos::prelude::*;

use document::load_view::{LoadModel, LoadRow};

/// Pixels per working day.
const DAY: f64 = 7.0;
/// The chart's height in pixels.
const HEIGHT: f64 = 90.0;

/// The load of every resource in `model`; `select` gets the ids of the tasks of a period
/// chosen.
#[component]
pub fn LoadChart(
    #[prop(into)] model: Signal<LoadModel>,
    select: Callback<Vec<String>>,
) -> impl IntoView {
    move || {
        model.with(|m| {
            if m.resources.is_empty() {
                return view! {
                    <p class="empty-hint" data-role="load-empty">
                        "No resources yet. Add teams and shared pools on the Setup tab, then say what each task needs in the plan's Resources column."
                    </p>
                }
                .into_any();
            }
            m.resources
                .iter()
                .map(|row| resource_view(row, select))
                .collect_view()
                .into_any()
        })
    }
}

fn resource_view(row: &LoadRow, select: Callback<Vec<String>>) -> impl IntoView + use<> {
    let summary = match row.over.len() {
        0 if row.days.iter().all(|d| d.demand == 0.0) => "No task demands it.".to_owned(),
        0 => "Never over capacity.".to_owned(),
        1 => "Over capacity in 1 period.".to_owned(),
        n => format!("Over capacity in {n} periods."),
    };
    let periods = row
        .over
        .iter()
        .map(|o| {
            let ids: Vec<String> = o.tasks.iter().map(|(id, _)| id.clone()).collect();
            let names = names_text(o.tasks.iter().map(|(_, n)| n.as_str()), o.tasks.len());
            let when = if o.start == o.finish {
                o.start.clone()
            } else {
                format!("{} – {}", o.start, o.finish)
            };
            let text = format!(
                "{when}: {} demanded, {} offered — {}",
                units(o.peak),
                units(o.capacity),
                names
            );
            view! {
                <li>
                    <button type="button" class="link-button" data-role="overload"
                        on:click=move |_| select.run(ids.clone())>
                        {text}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="load-resource" data-resource=row.id.clone()>
            <h2 class="section-title">
                {row.name.clone()}
                <span class="load-capacity">{format!(" — {} a day", units(row.capacity))}</span>
            </h2>
            <p class="section-hint">{summary}</p>
            <div class="load-scroll">{histogram(row, select)}</div>
            <ul class="load-periods">{periods}</ul>
        </section>
    }
}

/// The bars, the capacity line and the Mondays' dates.
fn histogram(row: &LoadRow, select: Callback<Vec<String>>) -> impl IntoView + use<> {
    let top = row.top.max(f64::MIN_POSITIVE);
    let y = |units: f64| HEIGHT - units / top * (HEIGHT - 4.0);
    let width = (row.days.len() as f64 * DAY).max(DAY);
    let bars = row
        .days
        .iter()
        .enumerate()
        .map(|(i, day)| {
            let tasks: Vec<String> = row
                .over
                .iter()
                .find(|o| (o.first_day..o.first_day + o.day_count).contains(&i))
                .map(|o| o.tasks.iter().map(|(id, _)| id.clone()).collect())
                .unwrap_or_default();
            let top_y = y(day.demand);
            let title = format!(
                "{}: {} demanded, {} offered",
                day.date,
                units(day.demand),
                units(day.capacity)
            );
            view! {
                <rect class="load-bar" class:over=day.over() x=i as f64 * DAY y=top_y
                    width=DAY - 1.0 height=HEIGHT - top_y
                    on:click=move |_| if !tasks.is_empty() { select.run(tasks.clone()) }>
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    let mut line = String::new();
    for (i, day) in row.days.iter().enumerate() {
        let (x0, x1, cy) = (i as f64 * DAY, (i + 1) as f64 * DAY, y(day.capacity));
        line.push_str(&format!(
            "{}{x0:.1},{cy:.1}L{x1:.1},{cy:.1}",
            if i == 0 { "M" } else { "L" }
        ));
    }
    let labels = row
        .days
        .iter()
        .enumerate()
        .filter(|(i, day)| *i == 0 || weekday_is_monday(&day.date))
        .map(|(i, day)| {
            view! { <text class="load-date" x=i as f64 * DAY y=HEIGHT + 12.0>{day.date[5..].to_owned()}</text> }
        })
        .collect_view();
    view! {
        <svg class="load-chart" width=width height=HEIGHT + 16.0 role="img"
            aria-label=format!("Load of {} by working day", row.name)>
            {bars}
            <path class="load-capacity-line" d=line />
            {labels}
        </svg>
    }
}

/// Names listed in a period: the first few, then how many more (a period of a big
/// program may hold hundreds).
fn names_text<'a>(names: impl Iterator<Item = &'a str>, count: usize) -> String {
    const SHOWN: usize = 8;
    let mut text = names.take(SHOWN).collect::<Vec<_>>().join(", ");
    if count > SHOWN {
        text.push_str(&format!(" and {} more", count - SHOWN));
    }
    text
}

/// Units a day as people read them: `2`, `0.5`, `1.25`.
pub(crate) fn units(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    format!("{rounded}")
}

fn weekday_is_monday(date: &str) -> bool {
    date.parse::<chrono::NaiveDate>()
        .is_ok_and(|d| chrono::Datelike::weekday(&d) == chrono::Weekday::Mon)
}
