//! The Setup tab's components (issue 15): the program's settings, its working calendar,
//! its workstreams and its resources, each field committing one change when it is left or Enter is pressed
//! and showing a refusal beside it. They take display strings and callbacks that answer
//! `Err(reason)` to refuse; parsing and checking are the app's and the engine's.

mod critical_path_rule;
mod holiday_editor;
mod program_settings;
mod resource_list;
mod resource_row;
mod setup_field;
mod team_calendar;
mod weekday_picker;
mod working_calendar;
mod workstream_delete;
mod workstream_list;
mod workstream_row;

pub use critical_path_rule::CriticalPathRule;
pub use holiday_editor::{HolidayChange, HolidayEditor};
pub use program_settings::{ProgramSettings, ProgramSettingsActions, SettingsSummary};
pub use resource_list::{ResourceActions, ResourceItem, ResourceList};
pub use resource_row::ResourceRow;
pub use setup_field::SetupField;
pub use team_calendar::TeamCalendar;
pub use weekday_picker::WeekdayPicker;
pub use working_calendar::WorkingCalendar;
pub use workstream_delete::WorkstreamDelete;
pub use workstream_list::{WorkstreamActions, WorkstreamItem, WorkstreamList};
pub use workstream_row::WorkstreamRow;

/// What a setup callback answers: done, or why not (shown beside the control).
pub type Answer = Result<(), String>;
