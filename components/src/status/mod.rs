pub mod pack_blocks;
