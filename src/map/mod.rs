//! The Dependency map tab.

pub mod map_view;
