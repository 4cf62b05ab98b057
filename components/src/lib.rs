//! Planwork's Leptos UI components.
//!
//! Every component here takes plain data and callbacks as props and renders them; none reads
//! storage, the URL or global state, and none holds domain logic (that lives in `engine`).
//! One component per module, named after it.

mod empty_state;
mod header;
mod program_list;
mod programs_home;
mod workbench;

pub use empty_state::EmptyState;
pub use header::AppHeader;
pub use program_list::{ProgramList, ProgramSummary};
pub use programs_home::ProgramsHome;
pub use workbench::Workbench;

/// The product's name, as shown in the header and the page title.
pub const PRODUCT_NAME: &str = "Planwork";
