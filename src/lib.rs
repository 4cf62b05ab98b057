//! The Planwork app shell: the root [`App`] component, navigation, storage and file import
//! and export.
//!
//! `main.rs` mounts [`App`] on the page; everything visible is composed here from the
//! `components` crate. Domain logic lives in `engine` and `document`, never here; only [`storage`] touches
//! IndexedDB and only [`storage`] and [`file_io`] (through `planfile`) touch JSON.

pub mod app;
pub mod editor;
pub mod file_io;
pub mod forecast_data;
pub mod forecast_run;
pub mod forecast_store;
pub mod forecast_view;
pub mod forecast_worker;
pub mod format;
pub mod home;
pub mod ids;
pub mod import;
pub mod map_view;
pub mod perf;
pub mod plan_view;
pub mod prefs;
pub mod route;
pub mod scenarios_view;
pub mod setup_view;
pub mod state;
pub mod storage;

pub use app::App;
pub use route::{Nav, View};
