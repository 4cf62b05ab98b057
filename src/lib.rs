//! The Planwork app shell: the root [`App`] component, navigation, storage and file import
//! and export.
//!
//! `main.rs` mounts [`App`] on the page; everything visible is composed here from the
//! `components` crate. Domain logic lives in `engine` and `document`, never here; only [`storage`] touches
//! IndexedDB and only [`storage`] and [`file_io`] (through `planfile`) touch JSON.

pub mod app;
pub mod board;
pub mod clipboard;
pub mod editor;
pub mod file_io;
pub mod forecast;
pub mod format;
pub mod home;
pub mod ids;
pub mod load;
pub mod logs;
pub mod map;
pub mod perf;
pub mod plan;
pub mod prefs;
pub mod present;
pub mod readiness;
pub mod route;
pub mod scenarios;
pub mod setup;
pub mod share;
pub mod state;
pub mod status;
pub mod storage;
pub mod worker;

pub use app::App;
pub use route::{Nav, View};
