//! Planwork's Leptos UI components.
//!
//! Every component here takes plain data and callbacks as props and renders them; none reads
//! storage, the URL or global state, and none holds domain logic (that lives in `engine`).
//! One component per module, named after it.

mod board;
mod charts;
mod forecast;
mod home;
mod load;
mod logs;
mod map;
mod plan;
mod scenarios;
mod setup;
mod shell;
mod snapshots;
mod status;

pub use forecast::risks;

pub use board::program_board::ProgramBoard;
pub use board::roam_board::{RoamBoard, RoamSort};
pub use charts::chart_scale::{DayBin, DayMarker};
pub use charts::histogram_chart::HistogramChart;
pub use charts::s_curve_chart::SCurveChart;
pub use charts::tornado_chart::{TornadoBar, TornadoChart};
pub use forecast::criticality_table::{CriticalityRow, CriticalityTable};
pub use forecast::forecast_compare::{CompareRow, ForecastCompare};
pub use forecast::forecast_controls::{ForecastActions, ForecastControls};
pub use forecast::forecast_summary::{ForecastRow, ForecastSummary};
pub use forecast::risks::{RiskCallback, RiskChange, RiskView, RisksPanel};
pub use home::bin_list::{BinList, BinSummary};
pub use home::import_button::ImportButton;
pub use home::program_list::{ProgramList, ProgramSummary};
pub use home::programs_home::{HomeActions, ProgramsHome};
pub use home::sheet_mapping::{
    SheetActions, SheetColumn, SheetMapping, SheetPreview, SheetRow, SheetRule, SheetRules,
};
pub use load::load_chart::LoadChart;
pub use load::load_strip::{LoadStrip, LoadStripLabels, strip_height};
pub use logs::log_table_view::{LogTableActions, LogTableView};
pub use map::commitment_list::CommitmentList;
pub use map::dependency_map::{DependencyMap, MapFlow, MapLink, MapModel, MapTeam};
pub use map::milestone_readiness::MilestoneReadiness;
pub use plan::gantt::gantt_chart::{GanttActions, GanttChart};
pub use plan::gantt::gantt_legend::GanttLegend;
pub use plan::gantt::gantt_scale::Zoom;
pub use plan::gantt::zoom_picker::ZoomPicker;
pub use plan::grid::column_picker::ColumnPicker;
pub use plan::grid::grid_cell::GridCell;
pub use plan::grid::plan_grid::{CellCommit, GridActions, PlanGrid};
pub use plan::plan_filter::{FilterChoice, PlanFilter};
pub use plan::plan_split::{PlanSplit, visible_rows};
pub use plan::print_plan::PrintPlan;
pub use scenarios::baselines_panel::{BaselineActions, BaselineSummary, BaselinesPanel};
pub use scenarios::change_list::{ChangeList, ChangeListActions, ChangeRow, OpenScenario};
pub use scenarios::compare_table::{CompareCell, CompareLine, CompareTable, CompareView};
pub use scenarios::quick_impact::{
    AbsorbedRow, DateShift, ImpactSummary, MissedRow, QuickImpact, QuickImpactActions, TaskChoice,
};
pub use scenarios::scenario_list::{ScenarioList, ScenarioListActions, ScenarioSummary};
pub use setup::{
    Answer, CriticalPathRule, HolidayChange, HolidayEditor, ProgramSettings,
    ProgramSettingsActions, ResourceActions, ResourceItem, ResourceList, ResourceRow,
    SettingsSummary, SetupField, TeamCalendar, WeekdayPicker, WorkingCalendar, WorkstreamActions,
    WorkstreamDelete, WorkstreamItem, WorkstreamList, WorkstreamRow,
};
pub use shell::conflict_banner::ConflictBanner;
pub use shell::empty_state::EmptyState;
pub use shell::export_menu::{ExportActions, ExportMenu};
pub use shell::header::AppHeader;
pub use shell::import_choice::ImportChoice;
pub use shell::import_review::ImportReview;
pub use shell::notice::{Notice, NoticeKind};
pub use shell::program_name::ProgramName;
pub use shell::status_line::{SaveState, StatusLine};
pub use shell::view_tabs::ViewTabs;
pub use shell::workbench::Workbench;
pub use snapshots::snapshots_panel::{
    SnapshotActions, SnapshotSummary, SnapshotView, SnapshotsPanel,
};
pub use status::kpi_chart::KpiChart;
pub use status::pack_blocks::PackBlocks;

/// The product's name, as shown in the header and the page title.
pub const PRODUCT_NAME: &str = "Planwork";
