//! The Load tab's components: each resource's demand against its capacity.

pub mod load_chart;
