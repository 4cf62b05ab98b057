//! The Board tab (issue 23): the program board of a planning workshop — cards moved as
//! what-ifs in a workshop scenario —, the ROAM sort of the risks, the teams' PI objectives
//! and the planning interval, exported as SVG or printed.

pub mod board_moves;
pub mod board_view;
pub mod objectives_view;
pub mod roam_view;
