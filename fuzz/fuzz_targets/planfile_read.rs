//! `planfile::read` on any bytes, as an imported file: see `planfile::fuzzing::program_bytes`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| planfile::fuzzing::program_bytes(data));
