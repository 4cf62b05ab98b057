//! The Gantt chart: the chart component, its rows' bars and its overlay (links, drag preview),
//! its time scale and zoom, link paths, dragging, and its legend.

pub(crate) mod gantt_chart;
pub(crate) mod gantt_drag;
pub(crate) mod gantt_legend;
pub(crate) mod gantt_links;
pub(crate) mod gantt_overlay;
pub(crate) mod gantt_rows;
pub(crate) mod gantt_scale;
pub(crate) mod zoom_picker;
