//! The Scenarios tab: quick impact, the scenario list and its changes, the comparison, the baselines.

pub(crate) mod baselines_panel;
pub(crate) mod change_list;
pub(crate) mod compare_table;
pub(crate) mod quick_impact;
pub(crate) mod scenario_list;
