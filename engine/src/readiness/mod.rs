//! Milestone readiness: a checklist per milestone from a template, the go/no-go record, the
//! cutover runbook at the hour level and the post-launch review.
//!
//! - [`model`]: the data as entered (`Program::readiness`); [`templates`]: the built-in
//!   templates (`software release`, `data migration`, `infrastructure change`).
//! - [`check`]: every problem (E042 to E052), run by [`crate::check`]; [`check::go_refusal`]
//!   lists the hard gates that stop a Go.
//! - [`edit`]: one user action as an [`crate::edit::Edit::SetReadiness`] (undo works like
//!   any edit), or a [`crate::logs::edit::Refusal`] naming the field; [`typing`]: one field
//!   of an item or a step typed in a cell.
//! - [`figures`]: readiness %, overdue items, the badge's state, the KPI, review outcomes;
//!   [`runbook`]: planned times, T-minus/T-plus, ahead/behind, the critical chain.
//!
//! Does not: schedule (the program stays in working days; a runbook's minutes never move a
//! task) or convert time zones (a runbook's zone is its label).

pub mod check;
pub mod edit;
pub mod entries;
pub mod figures;
pub mod model;
pub mod runbook;
pub mod templates;
pub mod typing;

pub use check::{check_readiness, go_refusal};
