//! The program's logs beside its plan: the RAID log (risks, assumptions, issues, cross-team
//! dependencies), the decision log, change requests, the charter and its benefits.
//!
//! - [`model`]: the logs as entered (re-exported by [`crate::model`]); risks stay
//!   [`crate::Risk`], which gains its log fields there.
//! - [`check`]: every problem in them (E034 to E041), run by [`crate::check`].
//! - [`edit`]: one item inserted, replaced, removed or one field typed, as an
//!   [`crate::edit::Edit`] (undo works like any edit), or a refusal naming the field.
//! - [`figures`]: ages, latencies, overdue flags, risk scores, dependency status against the
//!   schedule, the benefits realization index; [`impact`]: change impact and the program
//!   with its risks before or after mitigation; [`typing`]: one field typed in a cell.
//!
//! Does not: schedule or forecast (the logs never change a date; [`impact::mitigated`]
//! gives a program the forecast can run), or know scenarios (the file reader checks the
//! scenario ids the logs name).

pub mod check;
mod check_items;
pub mod edit;
pub mod figures;
pub mod impact;
pub mod model;
pub mod sub_items;
pub mod typing;

pub use check::check_logs;
