//! The Plan tab: the grid and the Gantt chart over the plan model, wired to the editor.

mod plan_actions;
pub mod plan_view;
