//! The weekly status pack: a RAG computed by stated rules, overrides only with a reason,
//! what changed since the last pack, and the packs issued kept as a history.
//!
//! - [`model`]: the status book as stored (`Program::status`): rules, the draft, the packs.
//! - [`facts`]: what a pack is drafted from ([`facts::Inputs`]) and the facts it keeps.
//! - [`rag`]: each dimension rated by its rule, with the rule in words and what made it so.
//! - [`changes`]: two packs' facts compared.
//! - [`pack`]: the draft as a pack, the rating reported against the computed one.
//! - [`edit`]: the draft's words, overrides, thresholds and issuing, as edits of one part of
//!   the book each (the draft, the rules, a pack added), so undo keeps no copy of the packs.
//! - [`kpi`]: the dashboard's KPIs over the packs' history.
//!
//! Does not: read the clock (the status date and today are given), forecast (the last
//! forecast is an input), or change the plan.

pub mod changes;
pub mod check;
pub mod edit;
pub mod facts;
pub mod kpi;
pub mod model;
pub mod pack;
pub mod rag;
pub mod rule_fields;

pub use model::{Dimension, Pack, Rag, Status};

#[cfg(test)]
mod tests;
