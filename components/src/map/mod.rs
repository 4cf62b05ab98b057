//! The Dependency map tab.

pub(crate) mod commitment_list;
pub(crate) mod dependency_map;
pub(crate) mod milestone_readiness;
