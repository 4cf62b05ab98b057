//! Planwork's Leptos UI components.
//!
//! Every component here takes plain data and callbacks as props and renders them; none reads
//! storage, the URL or global state, and none holds domain logic (that lives in `engine`).
//! One component per module, named after it.

mod bin_list;
mod column_picker;
mod conflict_banner;
mod dependency_map;
mod empty_state;
mod gantt_chart;
mod gantt_legend;
// The Gantt chart's parts (issue 5).
mod gantt_drag;
mod gantt_links;
mod gantt_scale;
mod grid_cell;
pub mod grid_column;
mod header;
mod import_button;
mod import_choice;
mod notice;
mod plan_filter;
mod plan_grid;
pub mod plan_model;
mod plan_split;
mod print_plan;
mod program_list;
mod program_name;
mod programs_home;
mod snapshots_panel;
mod status_line;
mod view_tabs;
mod workbench;
mod zoom_picker;
// The forecast tab (issue 7).
mod chart_scale;
mod criticality_table;
mod forecast_compare;
mod forecast_controls;
mod forecast_summary;
mod histogram_chart;
mod s_curve_chart;
mod tornado_chart;
// The scenarios tab (issue 6).
mod baselines_panel;
mod change_list;
mod compare_table;
mod quick_impact;
mod scenario_list;
// The Setup tab (issue 15): a feature folder, one component per file.
mod setup;
// The forecast's risks (issue 15), a feature folder.
pub mod risks;

pub use baselines_panel::{BaselineActions, BaselineSummary, BaselinesPanel};
pub use bin_list::{BinList, BinSummary};
pub use change_list::{ChangeList, ChangeListActions, ChangeRow, OpenScenario};
pub use chart_scale::{DayBin, DayMarker};
pub use column_picker::ColumnPicker;
pub use compare_table::{CompareCell, CompareLine, CompareTable, CompareView};
pub use conflict_banner::ConflictBanner;
pub use criticality_table::{CriticalityRow, CriticalityTable};
pub use dependency_map::{DependencyMap, MapFlow, MapLink, MapModel, MapTeam};
pub use empty_state::EmptyState;
pub use forecast_compare::{CompareRow, ForecastCompare};
pub use forecast_controls::{ForecastActions, ForecastControls};
pub use forecast_summary::{ForecastRow, ForecastSummary};
pub use gantt_chart::{GanttActions, GanttChart, Zoom};
pub use gantt_legend::GanttLegend;
pub use grid_cell::GridCell;
pub use grid_column::Column;
pub use header::AppHeader;
pub use histogram_chart::HistogramChart;
pub use import_button::ImportButton;
pub use import_choice::ImportChoice;
pub use notice::{Notice, NoticeKind};
pub use plan_filter::{FilterChoice, PlanFilter};
pub use plan_grid::{GridActions, NEW_ROW, PlanGrid};
pub use plan_split::{PlanSplit, visible_rows};
pub use print_plan::PrintPlan;
pub use program_list::{ProgramList, ProgramSummary};
pub use program_name::ProgramName;
pub use programs_home::{HomeActions, ProgramsHome};
pub use quick_impact::{
    AbsorbedRow, DateShift, ImpactSummary, MissedRow, QuickImpact, QuickImpactActions, TaskChoice,
};
pub use risks::{RiskCallback, RiskChange, RiskView, RisksPanel};
pub use s_curve_chart::SCurveChart;
pub use scenario_list::{ScenarioList, ScenarioListActions, ScenarioSummary};
pub use setup::{
    Answer, CriticalPathRule, HolidayChange, HolidayEditor, ProgramSettings,
    ProgramSettingsActions, SettingsSummary, SetupField, TeamCalendar, WeekdayPicker,
    WorkingCalendar, WorkstreamActions, WorkstreamDelete, WorkstreamItem, WorkstreamList,
    WorkstreamRow,
};
pub use snapshots_panel::{SnapshotActions, SnapshotSummary, SnapshotView, SnapshotsPanel};
pub use status_line::{SaveState, StatusLine};
pub use tornado_chart::{TornadoBar, TornadoChart};
pub use view_tabs::ViewTabs;
pub use workbench::Workbench;
pub use zoom_picker::ZoomPicker;

/// The product's name, as shown in the header and the page title.
pub const PRODUCT_NAME: &str = "Planwork";
