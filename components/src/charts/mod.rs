//! Hand-written SVG charts over days: the shared frame and axis, the histogram, the S-curve and the tornado chart.

pub(crate) mod chart_scale;
pub(crate) mod histogram_chart;
pub(crate) mod s_curve_chart;
pub(crate) mod tornado_chart;
