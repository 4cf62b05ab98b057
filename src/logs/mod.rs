//! The Logs tab: the RAID log, decisions, change requests and the charter.

pub mod broken_assumptions;
pub mod change_requests;
pub mod charter_view;
pub mod item_details;
pub mod logs_view;
pub mod mitigation_job;
