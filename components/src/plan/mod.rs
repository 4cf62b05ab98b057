//! The Plan tab: the plain-data plan model both panes render, the split that scrolls them together, the find and filters, the print layout; the grid and the Gantt chart in folders of their own.

pub(crate) mod gantt;
pub(crate) mod grid;
pub(crate) mod plan_filter;
pub mod plan_model;
pub(crate) mod plan_split;
pub(crate) mod print_plan;
