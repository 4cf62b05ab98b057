//! Planwork's plans in other tools' formats: a program's schedule as a CSV file that opens
//! in a spreadsheet as it is ([`schedule_csv`]), and its milestones and deadlines as an
//! iCalendar file whose events update in place when a newer export is imported
//! ([`milestones_ics`]).
//!
//! MS Project XML both ways: in ([`mspdi::import_mspdi`]), with a report of everything
//! approximated or not carried over; out ([`mspdi::export_mspdi`]), a file MS Project opens
//! as it was, valid against the Project 2007 schema, that imports back as the same program.
//!
//! In: spreadsheet exports — CSV and tab-separated, from Excel, Sheets, Smartsheet, Jira,
//! Azure DevOps ([`sheet`]). Each import comes with a report of everything approximated or
//! not carried over ([`ImportReport`]).
//!
//! Does not: schedule (the caller passes the schedule of the program, or schedules what was
//! imported), store, or touch files (text in, text out).

#[doc(hidden)]
pub mod fuzzing;
mod ics;
pub mod mspdi;
mod outline;
mod report;
mod schedule_csv;
pub mod sheet;

pub use ics::{CalendarExport, milestones_ics};
pub use report::{ImportNote, ImportReport};
pub use schedule_csv::schedule_csv;
