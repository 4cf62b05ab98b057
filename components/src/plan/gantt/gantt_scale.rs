//! The Gantt chart's time scale: the two tiers of its header (months over weeks, years over
//! quarters, …) for a zoom level, the grid lines under the bars, and chart days as dates.
//! Not a component: `GanttChart` draws with it.

use chrono::{Datelike, Days, Months, NaiveDate};
use leptos::prelude::*;

/// The time scale's unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Zoom {
    Days,
    #[default]
    Weeks,
    Months,
    Quarters,
}

impl Zoom {
    /// Pixels per calendar day.
    pub fn px_per_day(self) -> f64 {
        match self {
            Zoom::Days => 28.0,
            Zoom::Weeks => 8.0,
            Zoom::Months => 2.5,
            Zoom::Quarters => 0.9,
        }
    }

    /// Every zoom level, finest first.
    pub const ALL: [Zoom; 4] = [Zoom::Days, Zoom::Weeks, Zoom::Months, Zoom::Quarters];

    /// The level's name as the zoom picker shows it.
    pub fn label(self) -> &'static str {
        match self {
            Zoom::Days => "Days",
            Zoom::Weeks => "Weeks",
            Zoom::Months => "Months",
            Zoom::Quarters => "Quarters",
        }
    }
}

/// A unit of the scale starting on chart day `day` (may be before day 0 for the first one),
/// with its label.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Tick {
    pub day: i64,
    pub label: String,
}

/// The header's tiers: the coarse one on top, the fine one below.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Tiers {
    pub top: Vec<Tick>,
    pub bottom: Vec<Tick>,
}

#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// The model's origin as a date (`None` if it is not an ISO date).
pub(crate) fn origin_date(origin: &str) -> Option<NaiveDate> {
    origin.parse().ok()
}

/// Chart day `day` as an ISO date, or "day N" if the origin is not a date.
pub(crate) fn date_of(origin: &str, day: i64) -> String {
    origin_date(origin)
        .and_then(|o| o.checked_add_signed(chrono::TimeDelta::try_days(day)?))
        .map_or_else(|| format!("day {day}"), |d| d.to_string())
}

/// The header tiers of a chart of `days` days from `origin` at `zoom`.
pub(crate) fn tiers(origin: &str, days: i64, zoom: Zoom) -> Tiers {
    let Some(origin) = origin_date(origin) else {
        return Tiers::default();
    };
    let (top, bottom) = match zoom {
        Zoom::Days => (Unit::Month, Unit::Day),
        Zoom::Weeks => (Unit::Month, Unit::Week),
        Zoom::Months => (Unit::Year, Unit::Month),
        Zoom::Quarters => (Unit::Year, Unit::Quarter),
    };
    Tiers {
        top: ticks(origin, days, top),
        bottom: ticks(origin, days, bottom),
    }
}

/// The units covering days `0..days`: the first one is the unit containing day 0.
fn ticks(origin: NaiveDate, days: i64, unit: Unit) -> Vec<Tick> {
    let mut at = unit_start(origin, unit);
    let mut out = Vec::new();
    loop {
        let day = (at - origin).num_days();
        if day >= days.max(1) {
            break;
        }
        out.push(Tick {
            day,
            label: label(at, unit),
        });
        match next(at, unit) {
            Some(n) => at = n,
            None => break,
        }
    }
    out
}

fn unit_start(date: NaiveDate, unit: Unit) -> NaiveDate {
    let first_of = |month: u32| NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or(date);
    match unit {
        Unit::Day => date,
        Unit::Week => date - Days::new(u64::from(date.weekday().num_days_from_monday())),
        Unit::Month => first_of(date.month()),
        Unit::Quarter => first_of((date.month0() / 3) * 3 + 1),
        Unit::Year => first_of(1),
    }
}

fn next(date: NaiveDate, unit: Unit) -> Option<NaiveDate> {
    match unit {
        Unit::Day => date.checked_add_days(Days::new(1)),
        Unit::Week => date.checked_add_days(Days::new(7)),
        Unit::Month => date.checked_add_months(Months::new(1)),
        Unit::Quarter => date.checked_add_months(Months::new(3)),
        Unit::Year => date.checked_add_months(Months::new(12)),
    }
}

fn label(date: NaiveDate, unit: Unit) -> String {
    match unit {
        Unit::Day | Unit::Week => date.day().to_string(),
        Unit::Month => date.format("%b").to_string(),
        Unit::Quarter => format!("Q{}", date.month0() / 3 + 1),
        Unit::Year => date.year().to_string(),
    }
}

/// The top tier's label: months get their year ("January 2027") where there is room.
fn top_label(tick: &Tick, width: f64, zoom: Zoom, origin: &str) -> String {
    match zoom {
        Zoom::Days | Zoom::Weeks => {
            let date = origin_date(origin)
                .and_then(|o| o.checked_add_signed(chrono::TimeDelta::try_days(tick.day.max(0))?));
            match date {
                Some(d) if width > 120.0 => d.format("%B %Y").to_string(),
                Some(d) => d.format("%b %Y").to_string(),
                None => tick.label.clone(),
            }
        }
        _ => tick.label.clone(),
    }
}

/// A rough width of `text` at the header's font size, to leave out labels with no room.
fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * 7.5 + 8.0
}

/// The header: both tiers, with the today and status-date flags.
pub(crate) fn header_view(
    tiers: &Tiers,
    zoom: Zoom,
    origin: &str,
    days: i64,
    height: f64,
    markers: &[(i64, &'static str, &'static str)],
) -> impl IntoView + use<> {
    let ppd = zoom.px_per_day();
    let half = height / 2.0;
    let tier = |ticks: &[Tick], top: bool| {
        ticks
            .iter()
            .enumerate()
            .map(|(i, tick)| {
                let end = ticks.get(i + 1).map_or(days, |t| t.day);
                let x0 = tick.day.max(0) as f64 * ppd;
                let span = end as f64 * ppd - x0;
                let text = if top {
                    top_label(tick, span, zoom, origin)
                } else {
                    tick.label.clone()
                };
                let fits = span >= text_width(&text);
                let (y_line, y_text) = if top {
                    (0.0, half - 8.0)
                } else {
                    (half, height - 8.0)
                };
                let x_line = tick.day as f64 * ppd;
                view! {
                    <line class="gantt-tick" x1=x_line x2=x_line y1=y_line y2=y_line + half />
                    {fits.then(|| {
                        let x = if top { x0 + 6.0 } else { x0 + span / 2.0 };
                        let anchor = if top { "start" } else { "middle" };
                        view! {
                            <text class="gantt-scale-label" x=x y=y_text text-anchor=anchor>
                                {text}
                            </text>
                        }
                    })}
                }
            })
            .collect_view()
    };
    let flags = markers
        .iter()
        .map(|&(day, class, title)| {
            let x = day as f64 * ppd + ppd / 2.0;
            let points = format!(
                "{},{} {},{} {},{}",
                x - 6.0,
                height - 8.0,
                x + 6.0,
                height - 8.0,
                x,
                height
            );
            view! {
                <polygon class=format!("gantt-flag {class}") points=points>
                    <title>{title}</title>
                </polygon>
            }
        })
        .collect_view();
    view! {
        // The full width, also when the pane is wider than the chart.
        <rect class="gantt-header-bg" x=0.0 y=0.0 width="100%" height=height />
        <line class="gantt-tier-rule" x1=0.0 x2="100%" y1=half y2=half />
        <line class="gantt-tier-rule" x1=0.0 x2="100%" y1=height - 0.5 y2=height - 0.5 />
        {tier(&tiers.top, true)}
        {tier(&tiers.bottom, false)}
        {flags}
    }
}

/// The body's vertical grid lines (one path per tier), the days off (weekends by the
/// program calendar) shaded at day and week zoom, and the holidays at every zoom.
pub(crate) fn grid_view(
    tiers: &Tiers,
    zoom: Zoom,
    days: i64,
    height: f64,
    days_off: &[(i64, i64)],
    holidays: &[i64],
) -> impl IntoView + use<> {
    let ppd = zoom.px_per_day();
    let lines = |ticks: &[Tick]| {
        ticks
            .iter()
            .filter(|t| t.day > 0)
            .map(|t| format!("M{:.1},0V{height:.1}", t.day as f64 * ppd))
            .collect::<String>()
    };
    let band = |first: i64, length: i64| {
        let x = first.max(0) as f64 * ppd;
        // At least a pixel wide, so a holiday shows at quarter zoom.
        let w = ((first + length).min(days) as f64 * ppd - x).max(1.0);
        format!("M{x:.1},0h{w:.1}v{height:.1}h{:.1}Z", -w)
    };
    let weekend = (zoom == Zoom::Days || zoom == Zoom::Weeks).then(|| {
        let d = days_off
            .iter()
            .map(|&(first, length)| band(first, length))
            .collect::<String>();
        view! { <path class="gantt-weekend" d=d /> }
    });
    let holiday = (!holidays.is_empty()).then(|| {
        let d = holidays.iter().map(|&day| band(day, 1)).collect::<String>();
        view! { <path class="gantt-holiday" data-role="holidays" d=d /> }
    });
    view! {
        {weekend}
        {holiday}
        <path class="gantt-grid-minor" d=lines(&tiers.bottom) />
        <path class="gantt-grid-major" d=lines(&tiers.top) />
    }
}
