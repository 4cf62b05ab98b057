//! The home view (the programs in this browser, the bin) and importing a file: a program
//! file, an MS Project file, or a spreadsheet through its mapping step.

pub mod home_view;
pub mod import;
pub mod sheet_import;
