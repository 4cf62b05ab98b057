//! A stored program record read back (the app's storage path, without the browser): see
//! `planfile::fuzzing::stored_program`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| planfile::fuzzing::stored_program(data));
