//! Planwork's Leptos UI components.
//!
//! Every component here takes plain data and callbacks as props and renders them; none reads
//! storage, the URL or global state, and none holds domain logic (that lives in `engine`).
//! One component per module, named after it.

mod bin_list;
mod conflict_banner;
mod empty_state;
mod header;
mod import_button;
mod import_choice;
mod notice;
mod program_details;
mod program_list;
mod programs_home;
mod snapshots_panel;
mod status_line;
mod task_table;
mod workbench;

pub use bin_list::{BinList, BinSummary};
pub use conflict_banner::ConflictBanner;
pub use empty_state::EmptyState;
pub use header::AppHeader;
pub use import_button::ImportButton;
pub use import_choice::ImportChoice;
pub use notice::{Notice, NoticeKind};
pub use program_details::ProgramDetails;
pub use program_list::{ProgramList, ProgramSummary};
pub use programs_home::{HomeActions, ProgramsHome};
pub use snapshots_panel::{SnapshotActions, SnapshotSummary, SnapshotView, SnapshotsPanel};
pub use status_line::{SaveState, StatusLine};
pub use task_table::{TaskActions, TaskRow, TaskTable};
pub use workbench::Workbench;

/// The product's name, as shown in the header and the page title.
pub const PRODUCT_NAME: &str = "Planwork";
