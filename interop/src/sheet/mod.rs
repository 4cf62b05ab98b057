//! Spreadsheets in: a CSV or tab-separated export of Excel, Google Sheets, Smartsheet,
//! Jira or Azure DevOps becomes a Planwork program, in three steps the app shows one by
//! one:
//!
//! 1. [`read_table`]: the bytes as a [`Table`] of headings and text cells (UTF-8 with or
//!    without a byte-order mark, UTF-16 with one; `,`, `;` or tab; quoted cells over
//!    several lines; repeated headings kept as separate columns);
//! 2. [`guess_mapping`]: the [`Field`] each column likely holds, from its heading — a
//!    [`Mapping`] the user may change;
//! 3. [`convert`]: the program by the stated [`Rules`] (days per story point, hours per
//!    day, a default duration, the order of day and month), as a [`Preview`]: what each row
//!    became or its problems (by row and heading), and an import report. The names in a
//!    Resources or Assignee column become resources (one unit a day), and the tasks'
//!    demands on them.
//!
//! Does not: touch files, store, or schedule (the program passes `engine::check`; the
//! caller schedules it).

mod convert;
mod links;
mod mapping;
mod outline;
mod resources;
mod table;
mod tasks;
mod values;

pub use convert::{Became, Preview, RowOutcome, RowProblem, Rules, convert, suggested_start};
pub use mapping::{Field, Mapping, guess_field, guess_mapping};
pub use table::{
    Encoding, MAX_BYTES, MAX_CELLS, MAX_ROWS, Separator, SheetError, Table, read_table,
};
pub use values::DateOrder;
