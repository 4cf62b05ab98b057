//! The Forecast tab: its view, the data it shows, the worker that runs the Monte Carlo
//! forecast off the main thread, how a run is started, and the results kept per subject.

pub mod forecast_data;
pub mod forecast_run;
pub mod forecast_store;
pub mod forecast_view;
pub mod forecast_worker;
