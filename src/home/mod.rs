//! The home view (the programs in this browser, the bin) and importing a program file.

pub mod home_view;
pub mod import;
