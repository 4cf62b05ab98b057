//! The program's logs (RAID, decisions, change requests): each log's table of typed cells.

pub mod log_table_view;
