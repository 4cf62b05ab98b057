//! The Setup tab: the program's settings, working calendar and workstreams.

pub mod setup_view;
