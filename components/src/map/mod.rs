//! The Dependency map tab.

pub(crate) mod dependency_map;
