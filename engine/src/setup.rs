//! The Setup tab's forms as edits: the program's settings typed into fields, the working
//! calendar (weekdays; holidays added one at a time, as a range or pasted, and removed), and
//! a workstream's name, colour, place and own calendar. Each function returns the edits of
//! one user action, or why it cannot be made, naming the field at fault.
//!
//! Does not: apply anything (the caller hands the edits to [`crate::edit::History`], whose
//! check refuses what leaves the plan invalid: a date outside 1900–9999, a colour that is
//! not `#rrggbb`) or keep any state.
//!
//! ```
//! use engine::setup::{InfoField, set_info_field, with_holiday_range, with_workday};
//! use engine::{Calendar, ProgramInfo};
//! use chrono::Weekday;
//! let info = set_info_field(&ProgramInfo::default(), InfoField::StatusDate, "2026-02-02").unwrap();
//! assert_eq!(info.status_date.unwrap().to_string(), "2026-02-02");
//! assert_eq!(
//!     set_info_field(&info, InfoField::Start, "2026-02-30").unwrap_err(),
//!     "Start: '2026-02-30': there is no such date"
//! );
//! let calendar = with_holiday_range(&Calendar::default(), "2026-12-24", "2026-12-26").unwrap();
//! assert_eq!(calendar.holidays.len(), 3);
//! let four_days = with_workday(&calendar, Weekday::Fri, false).unwrap();
//! assert_eq!(four_days.workdays.len(), 4);
//! ```

use crate::check::MAX_DAYS;
use crate::edit::Edit;
use crate::entry::parse_dates;
use crate::model::{Calendar, CriticalPath, Program, ProgramInfo, Workstream};
use crate::workstreams::next_workstream_id;
use chrono::{Datelike, NaiveDate, Weekday};

/// The longest name a program or a workstream may have, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// A field of the program's settings, as the Setup tab shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InfoField {
    Name,
    Start,
    StatusDate,
    FinishBy,
    /// The `N` of the rule "critical when total float ≤ N working days".
    FloatDays,
}

impl InfoField {
    /// The field's label, which refusals start with.
    pub fn label(self) -> &'static str {
        match self {
            InfoField::Name => "Name",
            InfoField::Start => "Start",
            InfoField::StatusDate => "Status date",
            InfoField::FinishBy => "Finish by",
            InfoField::FloatDays => "Total float",
        }
    }
}

/// `info` with `field` set from the text typed into it, or why not (starting with the
/// field's label). An empty status date or finish by clears it; the name and the start
/// cannot be empty. Setting the float days chooses the total-float rule.
pub fn set_info_field(
    info: &ProgramInfo,
    field: InfoField,
    text: &str,
) -> Result<ProgramInfo, String> {
    let label = field.label();
    let mut info = info.clone();
    match field {
        InfoField::Name => info.name = name(text, "A program")?,
        InfoField::Start => {
            info.start = one_date(text)
                .map_err(|why| format!("{label}: {why}"))?
                .ok_or_else(|| format!("{label}: a program needs a start date"))?;
        }
        InfoField::StatusDate => {
            info.status_date = one_date(text).map_err(|why| format!("{label}: {why}"))?;
        }
        InfoField::FinishBy => {
            info.finish_by = one_date(text).map_err(|why| format!("{label}: {why}"))?;
        }
        InfoField::FloatDays => {
            let max_days = float_days(text).map_err(|why| format!("{label}: {why}"))?;
            info.critical_path = CriticalPath::TotalFloat { max_days };
        }
    }
    Ok(info)
}

/// A whole number of working days from 0 to [`MAX_DAYS`] (`3`, `3d`).
fn float_days(text: &str) -> Result<i64, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("type a whole number of working days, 0 or more".to_string());
    }
    let digits = text.strip_suffix(['d', 'D']).unwrap_or(text).trim();
    match digits.parse::<i64>() {
        Ok(days) if (0..=MAX_DAYS).contains(&days) => Ok(days),
        Ok(days) => Err(format!(
            "{days} days: write a whole number of working days from 0 to {MAX_DAYS}"
        )),
        Err(_) => Err(format!(
            "'{text}' is not a number of days: write a whole number of working days, 0 or more"
        )),
    }
}

/// One date (`2026-03-02` or `2026/03/02`), or none for an empty text.
fn one_date(text: &str) -> Result<Option<NaiveDate>, String> {
    let dates = parse_dates(text).map_err(|e| e.to_string())?;
    match dates[..] {
        [] => Ok(None),
        [date] => Ok(Some(date)),
        _ => Err(format!(
            "'{}': write one date, like 2026-03-02",
            text.trim()
        )),
    }
}

/// A name as typed, trimmed, or why it cannot be one (`what`: "A program", "A workstream").
fn name(text: &str, what: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        return Err(format!("{what} needs a name."));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(format!(
            "A name is at most {MAX_NAME_CHARS} characters; this one is {}.",
            name.chars().count()
        ));
    }
    Ok(name.to_string())
}

/// The weekdays from Monday to Sunday.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// `calendar` with `day` a working day (`works`) or not; the weekdays stay in order from
/// Monday. Refused when no working weekday would be left.
pub fn with_workday(calendar: &Calendar, day: Weekday, works: bool) -> Result<Calendar, String> {
    let workdays: Vec<Weekday> = WEEK
        .into_iter()
        .filter(|&d| {
            if d == day {
                works
            } else {
                calendar.workdays.contains(&d)
            }
        })
        .collect();
    if workdays.is_empty() {
        return Err("At least one weekday must be a working day.".to_string());
    }
    Ok(Calendar {
        workdays,
        holidays: calendar.holidays.clone(),
    })
}

/// `calendar` with the dates of `text` added to its holidays (one date, or a pasted list of
/// dates and ranges, see [`parse_dates`]), sorted. Refused, naming the part at fault, when
/// a part is not a date, and when every date is a holiday already.
pub fn with_holidays(calendar: &Calendar, text: &str) -> Result<Calendar, String> {
    let dates = parse_dates(text).map_err(|e| e.to_string())?;
    if dates.is_empty() {
        return Err("Type a date, like 2026-12-24, or a list of dates.".to_string());
    }
    add_holidays(calendar, &dates)
}

/// `calendar` with every day from `from` to `to` (both included) added to its holidays.
/// Refused naming the field (From, To) that is not a date, or when the range ends before it
/// starts or is longer than [`crate::entry::MAX_RANGE_DAYS`] days.
pub fn with_holiday_range(calendar: &Calendar, from: &str, to: &str) -> Result<Calendar, String> {
    let first = one_date(from)
        .map_err(|why| format!("From: {why}"))?
        .ok_or("From: type the first day of the range")?;
    let last = one_date(to)
        .map_err(|why| format!("To: {why}"))?
        .ok_or("To: type the last day of the range")?;
    if last < first {
        return Err(format!(
            "The range ends ({last}) before it starts ({first})."
        ));
    }
    let dates = parse_dates(&format!("{first}..{last}")).map_err(|e| e.to_string())?;
    add_holidays(calendar, &dates)
}

fn add_holidays(calendar: &Calendar, dates: &[NaiveDate]) -> Result<Calendar, String> {
    let mut holidays = calendar.holidays.clone();
    let before = holidays.len();
    holidays.extend(dates.iter().filter(|d| !calendar.holidays.contains(d)));
    if holidays.len() == before {
        return Err(match dates {
            [date] => format!("{date} is a holiday already."),
            _ => "These dates are holidays already.".to_string(),
        });
    }
    holidays.sort_unstable();
    holidays.dedup();
    Ok(Calendar {
        workdays: calendar.workdays.clone(),
        holidays,
    })
}

/// `calendar` without the holiday `date` (the same calendar if it was not one).
pub fn without_holiday(calendar: &Calendar, date: NaiveDate) -> Calendar {
    Calendar {
        workdays: calendar.workdays.clone(),
        holidays: calendar
            .holidays
            .iter()
            .copied()
            .filter(|&d| d != date)
            .collect(),
    }
}

/// How many of the holidays fall on a working weekday of `workdays` (the others take no
/// working time away).
pub fn holidays_on_workdays(holidays: &[NaiveDate], workdays: &[Weekday]) -> usize {
    let mut days: Vec<NaiveDate> = holidays
        .iter()
        .copied()
        .filter(|d| workdays.contains(&d.weekday()))
        .collect();
    days.sort_unstable();
    days.dedup();
    days.len()
}

/// Adding a workstream named `name` at the end, with a fresh id from its name. Refused for
/// an empty name and for the name of another workstream (names pick a workstream in the
/// grid).
pub fn add_workstream(program: &Program, name: &str) -> Result<Vec<Edit>, String> {
    let name = workstream_name(program, None, name)?;
    Ok(vec![Edit::InsertWorkstream {
        index: program.workstreams.len(),
        workstream: Workstream {
            id: next_workstream_id(program, &name),
            name,
            calendar: None,
            color: None,
        },
    }])
}

/// Renaming workstream `id` (no edit if the name is the same).
pub fn rename_workstream(program: &Program, id: &str, name: &str) -> Result<Vec<Edit>, String> {
    let (index, _) = workstream(program, id)?;
    let name = workstream_name(program, Some(index), name)?;
    replace_workstream(program, id, |w| w.name = name)
}

/// Giving workstream `id` a colour (`#rrggbb`), or the default colour of its place (`None`).
pub fn recolor_workstream(
    program: &Program,
    id: &str,
    color: Option<&str>,
) -> Result<Vec<Edit>, String> {
    let color = color.map(|c| c.trim().to_ascii_lowercase());
    replace_workstream(program, id, |w| w.color = color)
}

/// Moving workstream `id` one place up (`-1`) or down (`1`) in the list (the order of its
/// rows in the plan). Refused past either end.
pub fn move_workstream(program: &Program, id: &str, by: isize) -> Result<Vec<Edit>, String> {
    let (from, w) = workstream(program, id)?;
    let to = from
        .checked_add_signed(by)
        .filter(|&to| to < program.workstreams.len())
        .ok_or_else(|| {
            let end = if by < 0 { "first" } else { "last" };
            format!("'{}' is {end} already.", w.name)
        })?;
    Ok(vec![Edit::MoveWorkstream { from, to }])
}

/// The calendar workstream `id` works on: its own, or (without holidays of its own) the
/// program's weekdays.
pub fn team_calendar(program: &Program, id: &str) -> Result<Calendar, String> {
    let (_, w) = workstream(program, id)?;
    Ok(w.calendar.clone().unwrap_or_else(|| Calendar {
        workdays: program.calendar.workdays.clone(),
        holidays: Vec::new(),
    }))
}

/// Workstream `id` working on `day` (`works`) or not, which gives it a calendar of its own
/// if it had none. Refused for a day that is not a program working day (the program
/// calendar is the common timeline) and when no working weekday would be left.
pub fn set_team_workday(
    program: &Program,
    id: &str,
    day: Weekday,
    works: bool,
) -> Result<Vec<Edit>, String> {
    if works && !program.calendar.workdays.contains(&day) {
        return Err(format!(
            "{day} is not a working day of the program calendar: a team works only on program working days."
        ));
    }
    let calendar = with_workday(&team_calendar(program, id)?, day, works)?;
    set_team_calendar(program, id, Some(calendar))
}

/// Workstream `id` on `calendar` (its own), or on the program's (`None`: same as the
/// program).
pub fn set_team_calendar(
    program: &Program,
    id: &str,
    calendar: Option<Calendar>,
) -> Result<Vec<Edit>, String> {
    replace_workstream(program, id, |w| w.calendar = calendar)
}

/// The position and the workstream of `id`, or why there is none.
fn workstream<'p>(program: &'p Program, id: &str) -> Result<(usize, &'p Workstream), String> {
    program
        .workstreams
        .iter()
        .enumerate()
        .find(|(_, w)| w.id == id)
        .ok_or_else(|| format!("There is no workstream '{id}'."))
}

/// A workstream's name as typed: not empty, and not another workstream's (`index`: its own
/// place, if it exists).
fn workstream_name(program: &Program, index: Option<usize>, text: &str) -> Result<String, String> {
    let name = name(text, "A workstream")?;
    let clash = program
        .workstreams
        .iter()
        .enumerate()
        .find(|&(i, w)| Some(i) != index && w.name.trim().eq_ignore_ascii_case(&name));
    match clash {
        Some((_, w)) => Err(format!("There is a workstream named '{}' already.", w.name)),
        None => Ok(name),
    }
}

/// A [`Edit::ReplaceWorkstream`] of `id` changed by `change`, or no edit if nothing changed.
fn replace_workstream(
    program: &Program,
    id: &str,
    change: impl FnOnce(&mut Workstream),
) -> Result<Vec<Edit>, String> {
    let (index, old) = workstream(program, id)?;
    let mut workstream = old.clone();
    change(&mut workstream);
    if workstream == *old {
        return Ok(Vec::new());
    }
    Ok(vec![Edit::ReplaceWorkstream { index, workstream }])
}
