//! The Load tab.

pub mod load_view;
