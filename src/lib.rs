//! The Planwork app shell: the root [`App`] component and hash-based navigation.
//!
//! `main.rs` mounts [`App`] on the page; everything visible is composed here from the
//! `components` crate. Domain logic lives in `engine`, never here.

pub mod app;
pub mod route;

pub use app::App;
pub use route::{Nav, View};
