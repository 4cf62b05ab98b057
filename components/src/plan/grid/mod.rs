//! The plan grid: the spreadsheet component (`plan_grid.rs`, wiring; `grid_view.rs`, its
//! markup; `grid_rows.rs`, the rows drawn), its keyboard state and rules as plain data
//! (`cursor.rs`, `keys.rs`, tested natively), its cells, and the column picker (the columns
//! themselves are `document::Column`).

pub(crate) mod column_picker;
pub(crate) mod cursor;
pub(crate) mod grid_cell;
pub(crate) mod grid_rows;
pub(crate) mod grid_view;
pub(crate) mod keys;
pub(crate) mod plan_grid;
