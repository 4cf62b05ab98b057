//! The shell of every view: the app's header bar, notices, the program view's frame and its one-line head, tabs, empty states and the import choice.

pub(crate) mod conflict_banner;
pub(crate) mod empty_state;
pub(crate) mod export_menu;
pub(crate) mod header;
pub(crate) mod import_choice;
pub(crate) mod import_review;
pub(crate) mod notice;
pub(crate) mod popup;
pub(crate) mod program_name;
pub(crate) mod status_line;
pub(crate) mod view_tabs;
pub(crate) mod workbench;
