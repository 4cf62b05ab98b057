//! The program board as the Board tab draws it: a plain-data seam ([`BoardModel`]) with
//! every card, row, column and string placed in CSS pixels, built once per revision from
//! the program shown and its schedule; the ROAM lanes of the program's risks; and the
//! board written as a standalone SVG.
//!
//! Does not: place cards by rules of its own (`engine::board::layout` does), or decide
//! where a move goes (the app does: the scenario shown, or a new workshop scenario).

mod model;
pub mod roam;
pub mod svg;

pub use model::{
    BarView, BoardModel, CardView, ColumnView, ObjectiveView, RowView, StringView, board_model,
    geometry,
};

#[cfg(test)]
mod tests;
