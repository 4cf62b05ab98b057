mod board_keys;
pub mod program_board;
pub mod roam_board;
