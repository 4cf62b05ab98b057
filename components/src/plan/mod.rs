//! The Plan tab: the split that scrolls the grid and the chart together, the find and filters, the print layout; the grid and the Gantt chart in folders of their own (the plan model they render is `document::plan_model`).

pub(crate) mod gantt;
pub(crate) mod grid;
pub(crate) mod plan_filter;
pub(crate) mod plan_split;
pub(crate) mod print_plan;
