//! The Load tab: each resource's load, and leveling.

pub mod leveling_run;
pub mod load_view;
