//! Each resource's demand against its capacity: the Load tab's chart, and the strip under
//! the Gantt chart on its time axis.

pub mod load_chart;
pub mod load_strip;
