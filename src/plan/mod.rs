//! The Plan tab: the grid and the Gantt chart over the plan model, wired to the editor.

pub mod plan_view;
