//! The Scenarios tab: quick impact, the scenarios, their comparison, the baselines.

pub mod scenarios_view;
