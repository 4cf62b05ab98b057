//! The Forecast tab: the controls, the dates table, the comparison, criticality, and the risks (a folder of their own); the charts are in `charts/`.

pub(crate) mod criticality_table;
pub(crate) mod forecast_compare;
pub(crate) mod forecast_controls;
pub(crate) mod forecast_summary;
pub mod risks;
