//! The Snapshots tab.

pub(crate) mod snapshots_panel;
