//! Each resource's load (the Load tab, and the strip under the plan's chart), and leveling.

pub mod leveling_run;
pub mod leveling_worker;
pub mod load_strip;
pub mod load_view;
