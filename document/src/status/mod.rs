//! The status views' model: the KPI dashboard's charts ([`dashboard`]).
//!
//! The figures themselves are `engine::status`; this turns them into plain data the app
//! renders, computed from the packs passed in (never the clock).

pub mod dashboard;
