//! Planwork's plans in other tools' formats: a program's schedule as a CSV file that opens
//! in a spreadsheet as it is ([`schedule_csv`]), and its milestones and deadlines as an
//! iCalendar file whose events update in place when a newer export is imported
//! ([`milestones_ics`]).
//!
//! Does not: read other formats (yet), check or schedule (the caller passes the schedule
//! of the program), or touch files (text in, text out).

mod ics;
mod schedule_csv;

pub use ics::{CalendarExport, milestones_ics};
pub use schedule_csv::schedule_csv;
