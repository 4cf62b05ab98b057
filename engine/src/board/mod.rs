//! The program board of a planning workshop: teams as rows, iterations as columns, each
//! card in the iteration where it finishes, a milestones row, strings between dependent
//! cards coloured by where their ends sit, each team's load against its capacity, and the
//! teams' PI objectives beside their rows.
//!
//! - [`model`]: the board as stored (`Program::board`): the interval, the objectives.
//! - [`check`]: its checks (E056–E060).
//! - [`iterations`]: the interval cut into iterations of the program calendar.
//! - [`layout`]: the cards placed, the strings and the red strings counted per team pair.
//! - [`capacity`]: each row's load against its capacity, iteration by iteration.
//! - [`drag`]: a card moved to another iteration as the constraint that moves it.
//! - [`edit`]: the board's settings and objectives as one [`crate::edit::Edit::SetBoard`].
//! - [`roam`]: the program's risks sorted Resolved, Owned, Accepted, Mitigated.
//!
//! Does not: store where a card sits (the schedule says, every time), or change the plan
//! by itself (a drag is an edit the caller makes, in a scenario or not).

pub mod capacity;
pub mod check;
pub mod drag;
pub mod edit;
pub mod iterations;
pub mod layout;
pub mod model;
pub mod roam;

#[cfg(test)]
mod tests;

pub use model::{Board, CardsBy, Interval, Objective, RowsBy};
