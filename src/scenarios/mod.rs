//! The Scenarios tab: quick impact, the scenarios, their comparison, the baselines.

mod baselines_section;
mod compare_section;
mod quick_impact_section;
mod scenario_list_section;
pub mod scenarios_view;
