//! The Setup tab (issue 15): the program's settings, its working calendar, its
//! workstreams and its resources, edited in the app. Each change is one undoable action through
//! [`Editor::act`]: `engine::setup` turns what was typed into edits (refusing, with the
//! field's name, what it cannot read) and the engine's check refuses what would leave the
//! plan invalid; the reason goes back to the component, which shows it beside the control.
//!
//! Does not: parse or check anything itself, or edit a scenario (these are the program's).

use std::collections::HashMap;

use chrono::{NaiveDate, Weekday};
use components::{
    Answer, HolidayChange, ProgramSettings, ProgramSettingsActions, ResourceActions, ResourceItem,
    ResourceList, SettingsSummary, WorkingCalendar, WorkstreamActions, WorkstreamItem,
    WorkstreamList,
};
use document::plan_model::colour;
use engine::edit::Edit;
use engine::resources;
use engine::setup::{self, InfoField};
use engine::workstreams::remove_workstream;
use engine::{Calendar, CriticalPath, Program, ProgramInfo};
use leptos::prelude::*;

use crate::editor::{Editor, describe};

/// The Setup tab.
#[component]
pub fn SetupPanel() -> impl IntoView {
    let editor = expect_context::<Editor>();
    let settings = Memo::new(move |_| read(editor, |p| settings_summary(&p.program)));
    let workdays = Memo::new(move |_| read(editor, |p| p.calendar.workdays.clone()));
    let holidays = Memo::new(move |_| read(editor, |p| dates(&p.calendar.holidays)));
    let holiday_summary = Memo::new(move |_| {
        read(editor, |p| {
            holiday_summary(&p.calendar.holidays, &p.calendar.workdays)
        })
    });
    let workstreams = Memo::new(move |_| read(editor, workstream_items));
    let resource_items = Memo::new(move |_| read(editor, resource_items));

    let info = move |field: InfoField| {
        Callback::new(move |text: String| {
            let info = program(editor, |p| setup::set_info_field(&p.program, field, &text))??;
            set_info(editor, info).map_err(|why| format!("{}: {why}", field.label()))
        })
    };
    let settings_actions = ProgramSettingsActions {
        start: info(InfoField::Start),
        status_date: info(InfoField::StatusDate),
        finish_by: info(InfoField::FinishBy),
        critical_path: Callback::new(move |rule: Option<String>| {
            let info = program(editor, |p| match rule {
                Some(days) => setup::set_info_field(&p.program, InfoField::FloatDays, &days),
                None => Ok(ProgramInfo {
                    critical_path: CriticalPath::LongestPath,
                    ..p.program.clone()
                }),
            })??;
            set_info(editor, info)
        }),
    };
    let on_toggle_day = Callback::new(move |(day, works): (Weekday, bool)| {
        act(editor, |p| {
            let calendar = setup::with_workday(&p.calendar, day, works)?;
            Ok(vec![Edit::SetCalendar { calendar }])
        })
    });
    let on_holidays = Callback::new(move |change: HolidayChange| {
        act(editor, |p| {
            let calendar = changed_holidays(&p.calendar, &change)?;
            Ok(vec![Edit::SetCalendar { calendar }])
        })
    });
    let workstream_actions = WorkstreamActions {
        add: Callback::new(move |name: String| act(editor, |p| setup::add_workstream(p, &name))),
        rename: Callback::new(move |(id, name): (String, String)| {
            act(editor, |p| setup::rename_workstream(p, &id, &name))
        }),
        recolor: Callback::new(move |(id, color): (String, Option<String>)| {
            act(editor, |p| {
                setup::recolor_workstream(p, &id, color.as_deref())
            })
        }),
        move_by: Callback::new(move |(id, by): (String, isize)| {
            act(editor, |p| setup::move_workstream(p, &id, by))
        }),
        delete: Callback::new(move |(id, to): (String, String)| {
            act(editor, |p| remove_workstream(p, &id, &to))
        }),
        team_day: Callback::new(move |(id, day, works): (String, Weekday, bool)| {
            act(editor, |p| setup::set_team_workday(p, &id, day, works))
        }),
        same_as_program: Callback::new(move |id: String| {
            act(editor, |p| setup::set_team_calendar(p, &id, None))
        }),
        team_holidays: Callback::new(move |(id, change): (String, HolidayChange)| {
            act(editor, |p| {
                let calendar = changed_holidays(&setup::team_calendar(p, &id)?, &change)?;
                setup::set_team_calendar(p, &id, Some(calendar))
            })
        }),
    };

    let resource_actions = ResourceActions {
        add: Callback::new(move |(name, capacity): (String, String)| {
            act(editor, |p| resources::add_resource(p, &name, &capacity))
        }),
        rename: Callback::new(move |(id, name): (String, String)| {
            act(editor, |p| resources::rename_resource(p, &id, &name))
        }),
        capacity: Callback::new(move |(id, text): (String, String)| {
            act(editor, |p| resources::set_capacity(p, &id, &text))
        }),
        add_period: Callback::new(
            move |(id, from, to, capacity): (String, String, String, String)| {
                act(editor, |p| {
                    resources::add_availability(p, &id, &from, &to, &capacity)
                })
            },
        ),
        remove_period: Callback::new(move |(id, at): (String, usize)| {
            act(editor, |p| resources::remove_availability(p, &id, at))
        }),
        delete: Callback::new(move |id: String| {
            act(editor, |p| resources::remove_resource(p, &id))
        }),
    };

    view! {
        <div class="setup-panel" data-role="setup">
            <ProgramSettings settings=settings actions=settings_actions />
            <WorkingCalendar
                workdays=workdays
                holidays=holidays
                summary=holiday_summary
                on_toggle_day=on_toggle_day
                on_holidays=on_holidays
            />
            <WorkstreamList workstreams=workstreams program_days=workdays actions=workstream_actions />
            <ResourceList resources=resource_items actions=resource_actions />
        </div>
    }
}

/// `read` of the open program (tracked), or the default when none is open.
fn read<T: Default>(editor: Editor, read: impl FnOnce(&Program) -> T) -> T {
    editor
        .doc
        .with(|d| d.as_ref().map(|d| read(&d.program)))
        .unwrap_or_default()
}

/// `read` of the open program now (untracked), or why there is none.
fn program<T>(editor: Editor, read: impl FnOnce(&Program) -> T) -> Result<T, String> {
    editor
        .doc
        .with_untracked(|d| d.as_ref().map(|d| read(&d.program)))
        .ok_or_else(|| "No program is open.".to_owned())
}

/// Makes the edits `build` answers for the open program, as one undoable action (none if
/// it answers none: nothing changed); a refusal says why.
fn act(editor: Editor, build: impl FnOnce(&Program) -> Result<Vec<Edit>, String>) -> Answer {
    let edits = program(editor, build)??;
    if edits.is_empty() {
        return Ok(());
    }
    editor
        .act(edits)
        .map_err(|diagnostics| describe(&diagnostics))
}

/// The program's settings become `info` (nothing happens if they are the same).
fn set_info(editor: Editor, info: ProgramInfo) -> Answer {
    act(editor, |p| {
        Ok(if p.program == info {
            Vec::new()
        } else {
            vec![Edit::SetProgramInfo { info }]
        })
    })
}

/// `calendar` with its holidays changed as the user asked.
fn changed_holidays(calendar: &Calendar, change: &HolidayChange) -> Result<Calendar, String> {
    match change {
        HolidayChange::Add(text) => setup::with_holidays(calendar, text),
        HolidayChange::AddRange(from, to) => setup::with_holiday_range(calendar, from, to),
        HolidayChange::Remove(date) => date
            .parse::<NaiveDate>()
            .map(|date| setup::without_holiday(calendar, date))
            .map_err(|_| format!("'{date}' is not a date.")),
    }
}

fn settings_summary(info: &ProgramInfo) -> SettingsSummary {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let (longest_path, float_days) = match info.critical_path {
        CriticalPath::TotalFloat { max_days } => (false, max_days),
        CriticalPath::LongestPath => (true, 0),
    };
    SettingsSummary {
        start: info.start.to_string(),
        status_date: date(info.status_date),
        finish_by: date(info.finish_by),
        longest_path,
        float_days: float_days.to_string(),
    }
}

fn dates(days: &[NaiveDate]) -> Vec<String> {
    days.iter().map(NaiveDate::to_string).collect()
}

/// "3 holidays, 2 of them on working days." ("" without holidays): how much working time
/// they take away.
fn holiday_summary(holidays: &[NaiveDate], workdays: &[Weekday]) -> String {
    let on_workdays = setup::holidays_on_workdays(holidays, workdays);
    match (holidays.len(), on_workdays) {
        (0, _) => String::new(),
        (1, 1) => "1 holiday, on a working day.".to_owned(),
        (1, _) => "1 holiday, not on a working day.".to_owned(),
        (n, k) => format!("{n} holidays, {k} of them on working days."),
    }
}

/// The workstreams as the Setup tab lists them.
fn workstream_items(program: &Program) -> Vec<WorkstreamItem> {
    let mut tasks: HashMap<&str, usize> = HashMap::new();
    for task in &program.tasks {
        *tasks.entry(task.workstream.as_str()).or_default() += 1;
    }
    program
        .workstreams
        .iter()
        .enumerate()
        .map(|(place, w)| {
            let (days, holidays) = match &w.calendar {
                Some(own) => (own.workdays.clone(), own.holidays.clone()),
                None => (program.calendar.workdays.clone(), Vec::new()),
            };
            WorkstreamItem {
                id: w.id.clone(),
                name: w.name.clone(),
                color: colour(w.color.as_deref(), place),
                own_color: w.color.is_some(),
                tasks: tasks.get(w.id.as_str()).copied().unwrap_or(0),
                own_calendar: w.calendar.is_some(),
                holiday_summary: holiday_summary(&holidays, &days),
                holidays: dates(&holidays),
                days,
            }
        })
        .collect()
}

/// The resources as the Setup tab lists them.
fn resource_items(program: &Program) -> Vec<ResourceItem> {
    program
        .resources
        .iter()
        .map(|r| ResourceItem {
            id: r.id.clone(),
            name: r.name.clone(),
            capacity: r.capacity.to_string(),
            tasks: program
                .tasks
                .iter()
                .filter(|t| t.demands.iter().any(|d| d.resource == r.id))
                .count(),
            periods: r
                .availability
                .iter()
                .map(|p| (p.from.to_string(), p.to.to_string(), p.capacity.to_string()))
                .collect(),
        })
        .collect()
}
