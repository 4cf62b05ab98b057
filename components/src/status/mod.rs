pub mod kpi_chart;
pub mod pack_blocks;
