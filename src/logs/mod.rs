//! The Logs tab: the RAID log, decisions, change requests and the charter.

pub mod broken_assumptions;
pub mod change_requests;
pub mod charter_view;
pub mod logs_view;
