//! The home view: the programs list, the bin, new program and import.

pub(crate) mod bin_list;
pub(crate) mod import_button;
pub(crate) mod program_list;
pub(crate) mod programs_home;
pub(crate) mod sheet_mapping;
